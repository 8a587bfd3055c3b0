//! Ends the current session, on this device only.

use crate::error::ApiError;
use leptos::prelude::*;

#[server(endpoint = "sign-out")]
pub async fn sign_out() -> Result<(), ApiError> {
    use crate::api::support::{finish, info, internal, set_cookie, state};
    use crate::request::SESSION_COOKIE;
    finish(
        async {
            let info = info();
            if let Some(token) = &info.session {
                doorstep::services::auth::sign_out(&state()?.store, token, info.user.as_ref())
                    .await
                    .map_err(|e| internal("sign-out failed", e))?;
            }
            set_cookie(SESSION_COOKIE, "", 0);
            leptos_axum::redirect("/");
            Ok(())
        }
        .await,
    )
}
