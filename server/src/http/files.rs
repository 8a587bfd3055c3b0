//! `GET /files/{token}` and `/files/{token}/thumb`: a photo people sent, for the people who
//! may see what it belongs to (anyone else gets 404, as for a file that does not exist).
//! Served as the JPEG it was re-encoded to, never as sent, with its own strict policy: no
//! script, no sniffing, shown inline under its cleaned name.

use super::ServerState;
use app::request::{RequestInfo, RequestTrace, cause_chain};
use axum::Extension;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use doorstep::services::files::{self, Variant};

/// `GET /files/{token}`.
pub async fn kept(
    state: State<ServerState>,
    info: Extension<RequestInfo>,
    trace: Option<Extension<RequestTrace>>,
    Path(token): Path<String>,
) -> Response {
    serve(state, info, trace, &token, Variant::Kept).await
}

/// `GET /files/{token}/thumb`.
pub async fn thumb(
    state: State<ServerState>,
    info: Extension<RequestInfo>,
    trace: Option<Extension<RequestTrace>>,
    Path(token): Path<String>,
) -> Response {
    serve(state, info, trace, &token, Variant::Thumb).await
}

fn failed(
    trace: Option<Extension<RequestTrace>>,
    context: &str,
    err: impl std::error::Error + 'static,
) -> Response {
    if let Some(Extension(trace)) = trace {
        trace.set_failure(cause_chain(context, &err));
    }
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

async fn serve(
    State(state): State<ServerState>,
    Extension(info): Extension<RequestInfo>,
    trace: Option<Extension<RequestTrace>>,
    token: &str,
    variant: Variant,
) -> Response {
    let Some(user) = info.user.as_ref() else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let file = match files::visible(&state.app.store, user, token).await {
        Ok(Some(file)) => file,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return failed(trace, "file lookup", err),
    };
    let bytes = match state.app.files.get(&files::key(&file.token, variant)).await {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return failed(trace, "file store", err),
    };
    let mut res = bytes.into_response();
    let headers = res.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/jpeg"));
    // The name was cleaned of quotes and control characters when it was kept; it is sent
    // as plain ASCII, and in full (UTF-8) for browsers that read `filename*`.
    let ascii: String = file
        .name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = file
        .name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let disposition = format!("inline; filename=\"{ascii}\"; filename*=UTF-8''{encoded}");
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    );
    headers.insert(
        header::HeaderName::from_static("cross-origin-resource-policy"),
        HeaderValue::from_static("same-origin"),
    );
    res
}
