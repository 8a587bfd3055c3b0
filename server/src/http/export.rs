//! `POST /account/export`: the owner's whole account as one zip (see
//! `doorstep::services::export`), posted by the button on `/account/trail` so it works
//! without JavaScript; like every signed-in answer, never stored by caches.

use super::ServerState;
use app::request::{RequestInfo, RequestTrace, cause_chain};
use axum::Extension;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use doorstep::services::export::{self, ExportError};

pub async fn account(
    State(state): State<ServerState>,
    Extension(info): Extension<RequestInfo>,
    trace: Option<Extension<RequestTrace>>,
) -> Response {
    let Some(user) = info.user.as_ref() else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    if user.must_enrol {
        return StatusCode::FORBIDDEN.into_response();
    }
    let made = match export::account(&state.app.store, &state.app.files, user, &info.origin).await {
        Ok(made) => made,
        Err(ExportError::Forbidden) => return StatusCode::FORBIDDEN.into_response(),
        // Back to the page, which says so in the person's language.
        Err(ExportError::TooMany) => {
            return axum::response::Redirect::to("/account/trail?export=wait").into_response();
        }
        Err(err) => {
            if let Some(Extension(trace)) = trace {
                trace.set_failure(cause_chain("the account export", &err));
            }
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let mut res = made.bytes.into_response();
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/zip"),
    );
    // The name is a reference and a date: plain ASCII.
    if let Ok(value) =
        HeaderValue::from_str(&format!("attachment; filename=\"{}\"", made.file_name))
    {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    res
}
