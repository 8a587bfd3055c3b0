//! Completing a visit with proof of service, and its service report.

use crate::error::ApiError;
use doorstep::dto::ServiceReport;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::codec::{MultipartData, MultipartFormData};
use serde::{Deserialize, Serialize};

/// Where the completion form posts: `complete_visit`'s address. The form is plain HTML (the
/// signature island only fills one of its fields), so the server function exists on the
/// server only.
pub const COMPLETE_VISIT_PATH: &str = "/api/complete-visit";

/// What the completion form offers: the service's checklist and the upload limits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompletionOptions {
    pub checklist: Vec<String>,
    pub max_mb: u64,
    pub max_files: usize,
}

/// `visit`: a reference; for its technician and the office.
#[server(endpoint = "completion-form")]
pub async fn get_completion_form(visit: String) -> Result<CompletionOptions, ApiError> {
    use crate::api::support::{info, internal, state};
    use doorstep::ids::VisitRef;
    use doorstep::services::completion::{self, CompletionError};
    let user = info().user.ok_or(ApiError::Unauthenticated)?;
    let visit = VisitRef::parse(&visit).ok_or(ApiError::NotFound)?;
    let state = state()?;
    let checklist = completion::checklist(&state.store, &user, visit)
        .await
        .map_err(|e| match e {
            CompletionError::NotFound => ApiError::NotFound,
            other => internal("completion form failed", other),
        })?;
    Ok(CompletionOptions {
        checklist,
        max_mb: state.uploads.max_megabytes(),
        max_files: state.uploads.max_files,
    })
}

/// The completion form, posted as `multipart/form-data`: `visit`, `checklist` (the ticked
/// items' indexes, repeated), `notes`, `signed_name`, `signature` (a PNG `data:` URL drawn
/// on the screen; empty without JavaScript) and `photos` (repeated files).
#[cfg(feature = "ssr")]
#[server(endpoint = "complete-visit", input = MultipartFormData)]
pub async fn complete_visit(data: MultipartData) -> Result<(), ApiError> {
    imp::complete(data).await
}

/// `visit`: a reference; for the people who may see the visit, once it is completed.
#[server(endpoint = "service-report")]
pub async fn get_service_report(visit: String) -> Result<ServiceReport, ApiError> {
    use crate::api::support::{info, internal, state};
    use doorstep::ids::VisitRef;
    use doorstep::services::completion::{self, CompletionError};
    let user = info().user.ok_or(ApiError::Unauthenticated)?;
    let visit = VisitRef::parse(&visit).ok_or(ApiError::NotFound)?;
    let state = state()?;
    let tz = state.business().time_zone.zone();
    completion::report(&state.store, &user, visit, &tz)
        .await
        .map_err(|e| match e {
            CompletionError::NotFound => ApiError::NotFound,
            other => internal("service report failed", other),
        })
}

#[cfg(feature = "ssr")]
mod imp {
    use crate::api::support::{info, internal, state};
    use crate::api::uploads::{Form, PHOTOS, Posted, read};
    use crate::error::{ApiError, Echo, echo};
    use doorstep::completion::CompletionDraft;
    use doorstep::ids::VisitRef;
    use doorstep::services::completion::{self, Completion, CompletionError};
    use doorstep::services::files;
    use leptos::server_fn::codec::MultipartData;

    /// Everything typed, to fill the form in again (the drawing is not kept: it is drawn
    /// again).
    fn typed(posted: &Posted) -> Echo {
        let ticked = posted.list("checklist").join(",");
        echo(&[
            ("notes", posted.get("notes")),
            ("signed_name", posted.get("signed_name")),
            ("checklist", &ticked),
        ])
    }

    pub async fn complete(data: MultipartData) -> Result<(), ApiError> {
        let user = crate::api::support::info()
            .user
            .ok_or(ApiError::Unauthenticated)?;
        let form = Form {
            text: &["visit", "notes", "signed_name"],
            lists: &["checklist"],
            large: &[("signature", 1_500_000)],
        };
        let posted = read(data, &form, typed).await?;
        let visit = VisitRef::parse(posted.get("visit")).ok_or(ApiError::NotFound)?;
        let state = state()?;
        let refused = |e: CompletionError| match e {
            CompletionError::NotFound => ApiError::NotFound,
            CompletionError::NotNow => ApiError::StepOutOfOrder,
            other => internal("completing a visit failed", other),
        };
        let items = completion::checklist(&state.store, &user, visit)
            .await
            .map_err(refused)?;
        let mut problems = Vec::new();
        let draft = CompletionDraft::parse(
            &items,
            posted.list("checklist"),
            posted.get("notes"),
            posted.get("signed_name"),
        )
        .map_err(|p| problems.extend(p));
        if let Some(problem) = posted.photo_problem.clone() {
            problems.push((PHOTOS, problem));
        }
        let signature = files::signature_from_data_url(posted.get("signature"))
            .map_err(|p| problems.push(("signature", p)))
            .unwrap_or_default();
        let draft = match draft {
            Ok(draft) if problems.is_empty() => draft,
            _ => return Err(ApiError::refused(problems, typed(&posted))),
        };
        let mut sent = posted.photos.clone();
        let signed = signature.is_some();
        sent.extend(signature);
        let mut limits = state.uploads;
        // The signature comes on top of the photos allowed.
        limits.max_files += 1;
        let mut processed = match files::process_all(sent, limits)
            .await
            .map_err(|e| internal("photo processing failed", e))?
        {
            Ok(photos) => photos,
            Err(problem) => {
                // Which one failed is not told apart: the photos, unless only the signature
                // was sent.
                let field = if signed && posted.photos.is_empty() {
                    "signature"
                } else {
                    PHOTOS
                };
                return Err(ApiError::refused([(field, problem)], typed(&posted)));
            }
        };
        let signature = signed.then(|| processed.pop()).flatten();
        let tz = state.business().time_zone.zone();
        completion::complete(
            &state.store,
            &state.files,
            &user,
            visit,
            Completion {
                draft,
                photos: processed,
                signature,
            },
            &tz,
            &info().origin,
        )
        .await
        .map_err(refused)?;
        leptos_axum::redirect(&format!("/visits/{visit}/report?completed=1"));
        Ok(())
    }
}
