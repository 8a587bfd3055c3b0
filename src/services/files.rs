//! Photos people send: checked from their bytes, decoded within limits, turned upright,
//! re-encoded (which drops EXIF, GPS included, and anything hidden after the image), shrunk
//! to a size worth keeping, with a thumbnail; then kept in the file store and served only
//! to people who may see what they belong to.
//!
//! The file store is object_store's trait: a folder under the data dir by default, or an
//! S3-compatible bucket by setting. Nothing is half-stored: every photo of a form is
//! processed before any is written, and the rows are written in the caller's transaction
//! only after every object is in the store (and the objects are deleted again if it fails).

use crate::dto::SessionUser;
use crate::error::FieldError;
use crate::permissions::{Capability, Role};
use crate::store::files::{self, FileRow, NewFile};
use crate::store::{Conn, Store, StoreError};
use crate::uploads::{PhotoFormat, UploadLimits};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader};
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};
use rand::RngCore;
use std::io::Cursor;
use std::sync::Arc;

/// The longest side of a kept photo; larger ones are shrunk.
pub const KEPT_SIDE: u32 = 2048;
/// The longest side of a thumbnail.
pub const THUMB_SIDE: u32 = 320;
const KEPT_QUALITY: u8 = 85;
const THUMB_QUALITY: u8 = 75;
/// Longest name kept for a file, in characters.
const NAME_CHARS: usize = 80;

#[derive(Debug, thiserror::Error)]
pub enum FilesError {
    #[error("file store: {0}")]
    Store(#[from] object_store::Error),
    #[error(transparent)]
    Db(#[from] StoreError),
    #[error("photo processing stopped: {0}")]
    Worker(String),
}

/// Where files live.
#[derive(Clone, Debug)]
pub struct FileStore {
    inner: Arc<dyn ObjectStore>,
}

/// An S3-compatible bucket (settings `files_s3_*`).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct S3Settings {
    pub bucket: String,
    /// Empty: AWS itself; otherwise the store's URL (`http://127.0.0.1:9000`).
    pub endpoint: String,
    pub region: String,
    pub access_key_id: String,
    pub secret_access_key: String,
}

/// Never prints the secret.
impl std::fmt::Debug for S3Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("S3Settings")
            .field("bucket", &self.bucket)
            .field("endpoint", &self.endpoint)
            .field("region", &self.region)
            .field("access_key_id", &self.access_key_id)
            .finish_non_exhaustive()
    }
}

impl FileStore {
    /// A folder (created if missing, readable by this user only).
    pub fn local(dir: &std::path::Path) -> Result<Self, FilesError> {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder
            .create(dir)
            .map_err(|e| FilesError::Worker(format!("{}: {e}", dir.display())))?;
        let store = object_store::local::LocalFileSystem::new_with_prefix(dir)?;
        Ok(Self {
            inner: Arc::new(store),
        })
    }

    pub fn s3(settings: &S3Settings) -> Result<Self, FilesError> {
        let mut builder = object_store::aws::AmazonS3Builder::new()
            .with_bucket_name(&settings.bucket)
            .with_region(&settings.region)
            .with_access_key_id(&settings.access_key_id)
            .with_secret_access_key(&settings.secret_access_key);
        if !settings.endpoint.is_empty() {
            builder = builder
                .with_endpoint(&settings.endpoint)
                .with_allow_http(settings.endpoint.starts_with("http://"))
                .with_virtual_hosted_style_request(false);
        }
        Ok(Self {
            inner: Arc::new(builder.build()?),
        })
    }

    /// Whether the store answers (start-up and readiness): a missing object is an answer.
    pub async fn check(&self) -> Result<(), FilesError> {
        match self.inner.head(&ObjectPath::from("doorstep-check")).await {
            Ok(_) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    pub async fn put(&self, key: &str, bytes: Vec<u8>) -> Result<(), FilesError> {
        self.inner
            .put(&ObjectPath::from(key), PutPayload::from(bytes))
            .await?;
        Ok(())
    }

    /// The object's bytes; `None` when it is not there.
    pub async fn get(&self, key: &str) -> Result<Option<bytes::Bytes>, FilesError> {
        match self.inner.get(&ObjectPath::from(key)).await {
            Ok(got) => Ok(Some(got.bytes().await?)),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Deletes, ignoring what is already gone.
    pub async fn delete(&self, key: &str) -> Result<(), FilesError> {
        match self.inner.delete(&ObjectPath::from(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }
}

/// Which of a photo's two objects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    Kept,
    Thumb,
}

/// The key of a photo's object in the store.
pub fn key(token: &str, variant: Variant) -> String {
    match variant {
        Variant::Kept => format!("photos/{token}.jpg"),
        Variant::Thumb => format!("photos/{token}-thumb.jpg"),
    }
}

/// A file as sent: its name (as the browser gave it) and its bytes.
#[derive(Clone, Debug)]
pub struct Sent {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A photo ready to keep.
#[derive(Clone, Debug)]
pub struct Photo {
    pub name: String,
    pub kept: Vec<u8>,
    pub thumb: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

fn image_format(format: PhotoFormat) -> ImageFormat {
    match format {
        PhotoFormat::Jpeg => ImageFormat::Jpeg,
        PhotoFormat::Png => ImageFormat::Png,
        PhotoFormat::Webp => ImageFormat::WebP,
    }
}

/// A name fit to show and to offer on download: no path, no control or quote characters,
/// at most [`NAME_CHARS`] characters, always ending in `.jpg` (which it now is).
pub fn clean_name(raw: &str, fallback: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| stem);
    let cleaned: String = stem
        .chars()
        .filter(|c| !c.is_control() && !"\"'<>;:*?|%`".contains(*c))
        .filter(|c| !matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .take(NAME_CHARS)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim();
    let stem = if cleaned.is_empty() {
        fallback
    } else {
        cleaned
    };
    format!("{stem}.jpg")
}

fn encode_jpeg(image: &DynamicImage, quality: u8) -> Result<Vec<u8>, FieldError> {
    let rgb = image.to_rgb8();
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, quality)
        .encode_image(&rgb)
        .map_err(|_| FieldError::PhotoUnreadable)?;
    Ok(out)
}

/// Checks, decodes and re-encodes one photo. CPU-bound: call it off the async threads
/// (see [`process_all`]).
pub fn process(sent: &Sent, limits: &UploadLimits) -> Result<Photo, FieldError> {
    let format = limits.check(sent.bytes.len() as u64, &sent.bytes)?;
    let mut reader = ImageReader::with_format(Cursor::new(&sent.bytes[..]), image_format(format));
    let mut decoding = image::Limits::default();
    // The pixel limit, as sides and as memory (RGBA at 16 bits, plus room for the decoder).
    let side = u32::try_from(limits.max_pixels.min(u64::from(u32::MAX))).unwrap_or(u32::MAX);
    decoding.max_image_width = Some(side);
    decoding.max_image_height = Some(side);
    decoding.max_alloc = Some(limits.max_pixels.saturating_mul(8).saturating_add(64 << 20));
    reader.limits(decoding);
    let too_large = FieldError::PhotoTooLarge {
        max_megapixels: limits.max_megapixels(),
    };
    let unreadable = |e: ImageError| match e {
        ImageError::Limits(_) => too_large.clone(),
        _ => FieldError::PhotoUnreadable,
    };
    let mut decoder = reader.into_decoder().map_err(unreadable)?;
    let (width, height) = decoder.dimensions();
    limits.check_size(width, height)?;
    if width == 0 || height == 0 {
        return Err(FieldError::PhotoUnreadable);
    }
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(unreadable)?;
    image.apply_orientation(orientation);
    let kept = if image.width().max(image.height()) > KEPT_SIDE {
        image.resize(KEPT_SIDE, KEPT_SIDE, image::imageops::FilterType::Triangle)
    } else {
        image
    };
    // `thumbnail` would blow a small photo up to the full thumbnail size.
    let thumb = if kept.width().max(kept.height()) > THUMB_SIDE {
        kept.thumbnail(THUMB_SIDE, THUMB_SIDE)
    } else {
        kept.clone()
    };
    Ok(Photo {
        name: clean_name(&sent.name, "photo"),
        thumb: encode_jpeg(&thumb, THUMB_QUALITY)?,
        width: kept.width(),
        height: kept.height(),
        kept: encode_jpeg(&kept, KEPT_QUALITY)?,
    })
}

/// Processes every photo of a form on the blocking pool, or says what is wrong with the
/// first one that cannot be taken.
pub async fn process_all(
    sent: Vec<Sent>,
    limits: UploadLimits,
) -> Result<Result<Vec<Photo>, FieldError>, FilesError> {
    if sent.len() > limits.max_files {
        return Ok(Err(FieldError::TooManyPhotos {
            max: limits.max_files,
        }));
    }
    tokio::task::spawn_blocking(move || sent.iter().map(|s| process(s, &limits)).collect())
        .await
        .map_err(|e| FilesError::Worker(e.to_string()))
}

/// What photos belong to.
#[derive(Clone, Copy, Debug)]
pub struct Owner {
    pub account_id: i64,
    pub request_id: Option<i64>,
    pub job_id: Option<i64>,
    pub by: i64,
    pub at: i64,
}

/// Photos in the store, not yet recorded: [`Stored::record`] writes their rows in the
/// caller's transaction; [`Stored::discard`] deletes the objects when that transaction fails.
#[derive(Debug)]
pub struct Stored {
    photos: Vec<(String, Photo)>,
}

fn new_token() -> String {
    let mut bytes = [0u8; 18];
    rand::thread_rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

impl Stored {
    /// Puts every photo (both sizes) into the store; on any failure deletes what it put.
    pub async fn put(files: &FileStore, photos: Vec<Photo>) -> Result<Self, FilesError> {
        let mut stored = Self {
            photos: Vec::with_capacity(photos.len()),
        };
        for photo in photos {
            let token = new_token();
            let kept = files
                .put(&key(&token, Variant::Kept), photo.kept.clone())
                .await;
            let thumb = match kept {
                Ok(()) => {
                    files
                        .put(&key(&token, Variant::Thumb), photo.thumb.clone())
                        .await
                }
                Err(e) => Err(e),
            };
            stored.photos.push((token, photo));
            if let Err(e) = thumb {
                stored.discard(files).await;
                return Err(e);
            }
        }
        Ok(stored)
    }

    pub fn is_empty(&self) -> bool {
        self.photos.is_empty()
    }

    /// The tokens the photos are kept under, in order.
    pub fn tokens(&self) -> impl Iterator<Item = &str> {
        self.photos.iter().map(|(token, _)| token.as_str())
    }

    /// The photos with their tokens, in order.
    pub fn photos(&self) -> impl Iterator<Item = (&str, &Photo)> {
        self.photos
            .iter()
            .map(|(token, photo)| (token.as_str(), photo))
    }

    /// Writes one row per photo.
    pub async fn record(&self, conn: &mut Conn, owner: Owner) -> Result<(), StoreError> {
        for (token, photo) in &self.photos {
            files::insert(
                &mut *conn,
                &NewFile {
                    token,
                    account_id: owner.account_id,
                    request_id: owner.request_id,
                    job_id: owner.job_id,
                    name: &photo.name,
                    content_type: "image/jpeg",
                    bytes: photo.kept.len() as i64,
                    width: i64::from(photo.width),
                    height: i64::from(photo.height),
                    created_by: owner.by,
                    created_at: owner.at,
                },
            )
            .await?;
        }
        Ok(())
    }

    /// Deletes the objects again (their rows were never written).
    pub async fn discard(&self, files: &FileStore) {
        for (token, _) in &self.photos {
            forget(files, token).await;
        }
    }
}

/// Deletes both sizes of a photo no row refers to any more; a failure is only logged (an
/// object left over is unreachable: it is served only through a row).
pub async fn forget(files: &FileStore, token: &str) {
    for variant in [Variant::Kept, Variant::Thumb] {
        if let Err(e) = files.delete(&key(token, variant)).await {
            tracing::warn!(error = %e, "could not delete a photo no longer used");
        }
    }
}

/// A kept file as pages link it.
pub fn view(row: FileRow) -> crate::dto::PhotoView {
    crate::dto::PhotoView {
        token: row.token,
        name: row.name,
        width: u32::try_from(row.width).unwrap_or_default(),
        height: u32::try_from(row.height).unwrap_or_default(),
    }
}

/// A signature drawn on the screen, as the island sends it: a PNG `data:` URL (empty: none
/// drawn). It then goes through [`process`] like any photo.
pub fn signature_from_data_url(raw: &str) -> Result<Option<Sent>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let encoded = raw
        .strip_prefix("data:image/png;base64,")
        .ok_or(FieldError::NotAPhoto)?;
    // A signature pad's PNG is a few dozen kilobytes; far more is no signature.
    if encoded.len() > 1_400_000 {
        return Err(FieldError::PhotoTooBig { max_mb: 1 });
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .map_err(|_| FieldError::PhotoUnreadable)?;
    Ok(Some(Sent {
        name: "signature.png".into(),
        bytes,
    }))
}

/// A file someone may see: its token and the name it is served under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Visible {
    pub token: String,
    pub name: String,
}

/// The file `token` names, if `viewer` may see it: the office sees every file, a customer
/// their account's, a technician those of the jobs they work; a photo sent with a message,
/// the thread's members. A technician's card photo is
/// seen by the staff and by the accounts the technician has visits with.
pub async fn visible(
    store: &Store,
    viewer: &SessionUser,
    token: &str,
) -> Result<Option<Visible>, StoreError> {
    // Tokens are 24 URL-safe characters; anything else is no file of ours.
    if token.len() != 24
        || !token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Ok(None);
    }
    let mut conn = store.conn().await?;
    let Some(file) = files::by_token(&mut conn, token).await? else {
        if let Some(name) =
            crate::services::conversations::visible_file(&mut conn, viewer, token).await?
        {
            return Ok(Some(Visible {
                token: token.to_string(),
                name,
            }));
        }
        return card_photo(&mut conn, viewer, token).await;
    };
    let may = match viewer.role {
        Role::Dispatcher | Role::Admin => true,
        Role::AccountOwner | Role::AccountMember => {
            viewer.may_at(Capability::View, file.account_id, file.location_id)
        }
        Role::Technician => files::technician_may_see(&mut conn, &file, viewer.user.id()).await?,
    };
    Ok(may.then_some(Visible {
        token: file.token,
        name: file.name,
    }))
}

async fn card_photo(
    conn: &mut Conn,
    viewer: &SessionUser,
    token: &str,
) -> Result<Option<Visible>, StoreError> {
    use crate::store::technicians;
    let Some((technician, name)) = technicians::card_photo(&mut *conn, token).await? else {
        return Ok(None);
    };
    let may = match (viewer.role, viewer.account) {
        (Role::AccountOwner | Role::AccountMember, Some(account)) => {
            technicians::works_for(conn, technician, account.id()).await?
        }
        (Role::AccountOwner | Role::AccountMember, None) => false,
        (Role::Technician | Role::Dispatcher | Role::Admin, _) => true,
    };
    let first = crate::services::visits::first_name(&name);
    Ok(may.then(|| Visible {
        token: token.to_string(),
        name: clean_name(&format!("{first}.jpg"), "technician"),
    }))
}

#[cfg(test)]
mod tests;
