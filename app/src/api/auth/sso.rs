//! Staff single sign-on: the button that leaves for the provider. The way back is the page
//! `/sign-in/sso` (see `pages::auth::sso`).

use crate::error::ApiError;
use leptos::prelude::*;

/// The cookie that keeps a login while the browser is at the provider: under HTTPS with the
/// `__Host-` prefix, so no sibling subdomain can plant one.
#[cfg(feature = "ssr")]
pub fn sso_cookie() -> &'static str {
    if crate::api::support::secure() {
        "__Host-doorstep_sso"
    } else {
        "doorstep_sso"
    }
}

/// The address the provider sends the browser back to.
#[cfg(feature = "ssr")]
pub fn redirect_uri(public_origin: &str) -> String {
    format!("{}/sign-in/sso", public_origin.trim_end_matches('/'))
}

/// Sends the browser to the business's sign-in provider (when there is one).
#[server(endpoint = "start-sso")]
pub async fn start_sso() -> Result<(), ApiError> {
    use crate::api::support::{internal, set_cookie, state};
    use doorstep::services::sso;
    let state = state()?;
    let provider = state.sso.clone().ok_or(ApiError::NotFound)?;
    let http = sso::client().map_err(|e| internal("a client for the sign-in provider", e))?;
    let discovery = sso::discover(&http, &provider).await.map_err(|e| {
        tracing::warn!(error = %e, "the sign-in provider's discovery failed");
        ApiError::SsoFailed
    })?;
    let login = sso::begin(&provider, &discovery, &redirect_uri(&state.public_origin));
    set_cookie(sso_cookie(), &login.cookie, sso::LOGIN_SECS);
    leptos_axum::redirect(&login.url);
    Ok(())
}
