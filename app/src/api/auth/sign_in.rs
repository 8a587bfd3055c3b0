//! Email and password sign-in; opens a new server-side session.

use crate::error::ApiError;
use leptos::prelude::*;

#[server(endpoint = "sign-in")]
pub async fn sign_in(email: String, password: String) -> Result<(), ApiError> {
    use crate::api::support::finish;
    finish(imp::run(email, password).await)
}

#[cfg(feature = "ssr")]
mod imp {
    use crate::api::support::{info, internal, set_cookie, state};
    use crate::error::{ApiError, echo};
    use crate::request::SESSION_COOKIE;
    use doorstep::email::Email;
    use doorstep::password::Password;
    use doorstep::services::auth::{self, SESSION_IDLE_SECS, SignInError};
    use leptos::prelude::use_context;

    pub async fn run(email: String, password: String) -> Result<(), ApiError> {
        let keep = echo(&[("email", &email)]);
        let parsed = Email::parse(&email).map_err(|p| ApiError::field("email", p, keep.clone()))?;
        let password = Password::parse_attempt(password)
            .map_err(|p| ApiError::field("password", p, keep.clone()))?;
        let state = state()?;
        let now = doorstep::store::now();
        if let Err(wait) = state.sign_in_throttle.attempt(parsed.as_str(), now) {
            return Err(ApiError::RateLimited {
                retry_after_secs: wait,
                echo: keep,
            });
        }
        let info = info();
        let user_agent = use_context::<http::request::Parts>().and_then(|p| {
            p.headers
                .get(http::header::USER_AGENT)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        });
        let result = auth::sign_in(
            &state.store,
            &parsed,
            password,
            user_agent.as_deref(),
            info.session.as_ref(),
        )
        .await;
        match result {
            Ok((token, _user)) => {
                state.sign_in_throttle.succeeded(parsed.as_str());
                set_cookie(SESSION_COOKIE, token.expose(), SESSION_IDLE_SECS);
                leptos_axum::redirect("/");
                Ok(())
            }
            Err(SignInError::InvalidCredentials | SignInError::NoRole) => {
                Err(ApiError::InvalidCredentials { echo: keep })
            }
            Err(err) => Err(internal("sign-in failed", err)),
        }
    }
}
