//! Reading a multipart form (text fields and photos) within limits, for the server
//! functions that take photos. Photos are only collected here (at most the allowed number,
//! each within the size limit); checking and re-encoding them is `files::process_all`.

use crate::api::support::state;
use crate::error::{ApiError, Echo};
use doorstep::error::FieldError;
use doorstep::services::files::Sent;
use leptos::server_fn::codec::MultipartData;
use std::collections::BTreeMap;

/// The most bytes one ordinary text field may have.
const TEXT_FIELD_MAX: usize = 16 * 1024;
/// The most parts one form may have (fields, repeated values, photos).
const PARTS_MAX: usize = 60;
/// The name of the file inputs.
pub const PHOTOS: &str = "photos";

/// The fields a form may send (anything else is ignored).
pub struct Form<'a> {
    /// Sent once each.
    pub text: &'a [&'a str],
    /// Sent any number of times (check boxes).
    pub lists: &'a [&'a str],
    /// Text fields allowed more than the usual size, with their limit in bytes.
    pub large: &'a [(&'a str, usize)],
}

/// The form as read: its fields, its photos, and what was wrong with the photos while
/// reading (too big, too many).
#[derive(Default)]
pub struct Posted {
    text: BTreeMap<String, String>,
    lists: BTreeMap<String, Vec<String>>,
    pub photos: Vec<Sent>,
    pub photo_problem: Option<FieldError>,
}

impl Posted {
    pub fn get(&self, name: &str) -> &str {
        self.text.get(name).map(String::as_str).unwrap_or_default()
    }

    pub fn list(&self, name: &str) -> &[String] {
        self.lists.get(name).map(Vec::as_slice).unwrap_or_default()
    }
}

/// Reads the whole form. A body far larger than any form may be is refused as a too-big
/// photo, with `typed` (what was read so far) handed back.
pub async fn read(
    data: MultipartData,
    form: &Form<'_>,
    typed: impl Fn(&Posted) -> Echo,
) -> Result<Posted, ApiError> {
    let limits = state()?.uploads;
    let mut multipart = data.into_inner().ok_or(ApiError::BadRequest)?;
    let mut posted = Posted::default();
    let mut total: u64 = 0;
    let mut parts = 0;
    while let Some(mut field) = multipart
        .next_field()
        .await
        .map_err(|_| ApiError::BadRequest)?
    {
        parts += 1;
        if parts > PARTS_MAX {
            return Err(ApiError::BadRequest);
        }
        let name = field.name().unwrap_or_default().to_string();
        let is_photo = name == PHOTOS;
        let file_name = field.file_name().unwrap_or_default().to_string();
        let cap = if is_photo {
            limits.max_bytes
        } else {
            let large = form.large.iter().find(|(n, _)| *n == name);
            large.map_or(TEXT_FIELD_MAX, |(_, cap)| *cap) as u64
        };
        let mut bytes = Vec::new();
        let mut over = false;
        while let Some(chunk) = field.chunk().await.map_err(|_| ApiError::BadRequest)? {
            total += chunk.len() as u64;
            if total > limits.max_body() {
                let problem = FieldError::PhotoTooBig {
                    max_mb: limits.max_megabytes(),
                };
                return Err(ApiError::refused([(PHOTOS, problem)], typed(&posted)));
            }
            if over || bytes.len() as u64 + chunk.len() as u64 > cap {
                over = true;
                continue;
            }
            bytes.extend_from_slice(&chunk);
        }
        if !is_photo {
            if over {
                return Err(ApiError::BadRequest);
            }
            let value = String::from_utf8(bytes).map_err(|_| ApiError::BadRequest)?;
            if form.lists.contains(&name.as_str()) {
                posted.lists.entry(name).or_default().push(value);
            } else if form.text.contains(&name.as_str())
                || form.large.iter().any(|(n, _)| *n == name)
            {
                posted.text.insert(name, value);
            }
            continue;
        }
        // A file input left empty still sends one part, without a name or bytes.
        if file_name.is_empty() && bytes.is_empty() {
            continue;
        }
        if over {
            posted.photo_problem.get_or_insert(FieldError::PhotoTooBig {
                max_mb: limits.max_megabytes(),
            });
        } else if posted.photos.len() >= limits.max_files {
            posted
                .photo_problem
                .get_or_insert(FieldError::TooManyPhotos {
                    max: limits.max_files,
                });
        } else {
            posted.photos.push(Sent {
                name: file_name,
                bytes,
            });
        }
    }
    Ok(posted)
}
