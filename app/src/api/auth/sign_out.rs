//! Ends the current session, on this device only, and asks the browser to forget what it
//! kept of the signed-in pages (cache and storage).

use crate::error::ApiError;
use leptos::prelude::*;

#[server(endpoint = "sign-out")]
pub async fn sign_out() -> Result<(), ApiError> {
    use crate::api::support::{info, internal, secure, set_cookie, set_header, state};
    use crate::request::session_cookie;
    let info = info();
    if let Some(token) = &info.session {
        doorstep::services::auth::sign_out(
            &state()?.store,
            token,
            info.user.as_ref(),
            &info.origin,
        )
        .await
        .map_err(|e| internal("sign-out failed", e))?;
    }
    set_cookie(session_cookie(secure()), "", 0);
    set_header(
        http::HeaderName::from_static("clear-site-data"),
        "\"cache\", \"storage\"",
    );
    leptos_axum::redirect("/");
    Ok(())
}
