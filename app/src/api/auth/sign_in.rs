//! Email and password sign-in; opens a new server-side session.

use crate::error::ApiError;
use leptos::prelude::*;

/// `next`: where to go once signed in (a path of the portal; home otherwise).
#[server(endpoint = "sign-in")]
pub async fn sign_in(
    email: String,
    password: String,
    #[server(default)] next: String,
) -> Result<(), ApiError> {
    imp::run(email, password, next).await
}

#[cfg(feature = "ssr")]
mod imp {
    use crate::api::support::{info, internal, state};
    use crate::error::{ApiError, echo};
    use doorstep::email::Email;
    use doorstep::password::Password;
    use doorstep::services::auth::{self, HASHING_WAIT, SignInError};

    pub async fn run(email: String, password: String, next: String) -> Result<(), ApiError> {
        let keep = echo(&[("email", &email), ("next", &next)]);
        let parsed = Email::parse(&email).map_err(|p| ApiError::field("email", p, keep.clone()))?;
        let password = Password::parse_attempt(password)
            .map_err(|p| ApiError::field("password", p, keep.clone()))?;
        let state = state()?;
        let info = info();
        let ip = crate::api::support::client_ip(&info);
        let throttled =
            state
                .sign_in_throttle
                .attempt(parsed.as_str(), ip, doorstep::services::clock::now());
        if let Err(wait) = throttled {
            auth::record_refusal(&state.store, &parsed, "sign_in_throttled", &info.origin)
                .await
                .map_err(|e| internal("auditing a throttled sign-in failed", e))?;
            return Err(ApiError::RateLimited {
                retry_after_secs: wait,
                echo: keep,
            });
        }
        let result = auth::sign_in(
            &state.store,
            &state.session_policy,
            &parsed,
            password,
            &info.origin,
            info.session.as_ref(),
        )
        .await;
        match result {
            Ok(signed_in) => {
                state.sign_in_throttle.succeeded(parsed.as_str(), ip);
                let to = doorstep::sign_up::safe_next(&next).unwrap_or_else(|| "/".into());
                crate::api::support::start_session(&signed_in, &to);
                Ok(())
            }
            Err(SignInError::InvalidCredentials | SignInError::NoRole) => {
                Err(ApiError::InvalidCredentials { echo: keep })
            }
            Err(SignInError::NotVerified) => {
                // The password was right: the person, not a stranger, is told.
                state.sign_in_throttle.succeeded(parsed.as_str(), ip);
                Err(ApiError::EmailNotVerified { echo: keep })
            }
            Err(SignInError::Busy) => Err(ApiError::RateLimited {
                retry_after_secs: HASHING_WAIT.as_secs().max(1),
                echo: keep,
            }),
            Err(err) => Err(internal("sign-in failed", err)),
        }
    }
}
