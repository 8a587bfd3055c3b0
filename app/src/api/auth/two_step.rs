//! Two-step sign-in: setting it up, the code after the password, recovery codes, turning
//! it off. Recovery codes are shown once: they travel from the form that makes them to the
//! page that shows them in a cookie of a minute, which that page empties.

use crate::error::ApiError;
use doorstep::dto::TwoStepView;
use leptos::prelude::*;

#[server(endpoint = "two-step")]
pub async fn get_two_step() -> Result<TwoStepView, ApiError> {
    imp::view().await
}

/// Starts setting up: a new secret for the app, not in force until `confirm-two-step`.
/// `password`: needed when the session was signed in more than a quarter of an hour ago.
#[server(endpoint = "start-two-step")]
pub async fn start_two_step(#[server(default)] password: String) -> Result<(), ApiError> {
    imp::start(password).await
}

/// `code`: the app's first code.
#[server(endpoint = "confirm-two-step")]
pub async fn confirm_two_step(code: String) -> Result<(), ApiError> {
    imp::confirm(code).await
}

#[server(endpoint = "new-recovery-codes")]
pub async fn new_recovery_codes(password: String) -> Result<(), ApiError> {
    imp::new_codes(password).await
}

#[server(endpoint = "turn-off-two-step")]
pub async fn turn_off_two_step(password: String) -> Result<(), ApiError> {
    imp::turn_off(password).await
}

/// The recovery codes just made, once (empty afterwards).
#[server(endpoint = "take-recovery-codes")]
pub async fn take_recovery_codes() -> Result<Vec<String>, ApiError> {
    imp::take_codes()
}

/// The second step of a sign-in: a code of the app, or a recovery code.
#[server(endpoint = "second-step")]
pub async fn second_step(code: String, #[server(default)] next: String) -> Result<(), ApiError> {
    imp::second_step(code, next).await
}

/// How the sign-in waiting in this browser may take its second step: (a code of the app,
/// a passkey).
#[server(endpoint = "second-step-ways")]
pub async fn second_step_ways() -> Result<(bool, bool), ApiError> {
    imp::ways().await
}

#[cfg(feature = "ssr")]
mod imp {
    use crate::api::support::{SECOND_STEP_COOKIE, cookie, info, internal, set_cookie, state};
    use crate::error::{ApiError, echo};
    use doorstep::dto::{SessionUser, TwoStepView};
    use doorstep::error::FieldError;
    use doorstep::password::Password;
    use doorstep::services::auth::{HASHING_WAIT, SessionToken, SignInError};
    use doorstep::services::two_step::{self, TwoStepError};

    const CODES_COOKIE: &str = "doorstep_recovery_codes";

    fn me() -> Result<SessionUser, ApiError> {
        info().user.ok_or(ApiError::Unauthenticated)
    }

    fn failed(e: TwoStepError) -> ApiError {
        match e {
            TwoStepError::WrongCode => ApiError::field("code", FieldError::WrongCode, echo(&[])),
            TwoStepError::CodeUsed => ApiError::field("code", FieldError::CodeUsed, echo(&[])),
            TwoStepError::WrongPassword => {
                ApiError::field("password", FieldError::WrongPassword, echo(&[]))
            }
            TwoStepError::StartAgain => ApiError::SignInAgain,
            TwoStepError::AlreadyOn | TwoStepError::NotStarted => ApiError::NotFound,
            TwoStepError::SignIn(SignInError::Busy) => ApiError::RateLimited {
                retry_after_secs: HASHING_WAIT.as_secs().max(1),
                echo: Default::default(),
            },
            TwoStepError::SignIn(SignInError::NoRole) => ApiError::Forbidden,
            other => internal("two-step sign-in failed", other),
        }
    }

    fn show_codes(codes: &[String]) {
        set_cookie(CODES_COOKIE, &codes.join("."), 60);
    }

    fn password(raw: String) -> Result<Password, ApiError> {
        Password::parse_attempt(raw).map_err(|p| ApiError::field("password", p, echo(&[])))
    }

    pub async fn view() -> Result<TwoStepView, ApiError> {
        let user = me()?;
        let state = state()?;
        let status = two_step::status(&state.store, &user)
            .await
            .map_err(failed)?;
        let setting_up = if status.on {
            None
        } else {
            two_step::pending(&state.store, &user, &state.business().name)
                .await
                .map_err(failed)?
                .map(|e| (e.secret, e.qr_svg))
        };
        let needs_password = match info().session {
            Some(session) => !doorstep::services::auth::is_fresh(&state.store, &session)
                .await
                .map_err(|e| internal("reading the session failed", e))?,
            None => true,
        };
        Ok(TwoStepView {
            on: status.on,
            codes_left: status.codes_left,
            setting_up,
            needs_password,
        })
    }

    pub async fn start(raw: String) -> Result<(), ApiError> {
        let info = info();
        let user = info.user.clone().ok_or(ApiError::Unauthenticated)?;
        let session = info.session.clone().ok_or(ApiError::Unauthenticated)?;
        let state = state()?;
        let typed = (!raw.is_empty()).then(|| password(raw)).transpose()?;
        two_step::confirm_recent(&state.store, &user, &session, typed)
            .await
            .map_err(failed)?;
        two_step::start(&state.store, &user, &state.business().name)
            .await
            .map_err(failed)?;
        leptos_axum::redirect("/account/two-step#set-up");
        Ok(())
    }

    pub async fn confirm(code: String) -> Result<(), ApiError> {
        let info = info();
        let user = info.user.clone().ok_or(ApiError::Unauthenticated)?;
        let session = info.session.clone().ok_or(ApiError::Unauthenticated)?;
        let codes = two_step::confirm(&state()?.store, &user, &session, &code, &info.origin)
            .await
            .map_err(failed)?;
        show_codes(&codes);
        leptos_axum::redirect("/account/two-step?saved=on");
        Ok(())
    }

    pub async fn new_codes(raw: String) -> Result<(), ApiError> {
        let user = me()?;
        let password = password(raw)?;
        let codes = two_step::new_codes(&state()?.store, &user, password, &info().origin)
            .await
            .map_err(failed)?;
        show_codes(&codes);
        leptos_axum::redirect("/account/two-step?saved=codes");
        Ok(())
    }

    pub async fn turn_off(raw: String) -> Result<(), ApiError> {
        let user = me()?;
        let password = password(raw)?;
        two_step::turn_off(&state()?.store, &user, password, &info().origin)
            .await
            .map_err(failed)?;
        leptos_axum::redirect("/account/two-step?saved=off");
        Ok(())
    }

    pub fn take_codes() -> Result<Vec<String>, ApiError> {
        me()?;
        let Some(raw) = cookie(CODES_COOKIE) else {
            return Ok(Vec::new());
        };
        set_cookie(CODES_COOKIE, "", 0);
        Ok(raw
            .split('.')
            .filter(|c| c.len() == 19)
            .map(str::to_string)
            .collect())
    }

    pub async fn ways() -> Result<(bool, bool), ApiError> {
        let state = state()?;
        let challenge = cookie(SECOND_STEP_COOKIE)
            .and_then(|raw| SessionToken::from_cookie(&raw))
            .ok_or(ApiError::SignInAgain)?;
        let (code, passkey) = two_step::waiting_ways(&state.store, &challenge)
            .await
            .map_err(failed)?;
        let passkey = passkey && state.passkeys.is_some();
        if !code && !passkey {
            // Nothing waits any more (used, past its time, out of tries).
            return Err(ApiError::SignInAgain);
        }
        Ok((code, passkey))
    }

    pub async fn second_step(code: String, next: String) -> Result<(), ApiError> {
        let state = state()?;
        let info = info();
        let challenge = cookie(SECOND_STEP_COOKIE)
            .and_then(|raw| SessionToken::from_cookie(&raw))
            .ok_or(ApiError::SignInAgain)?;
        let signed_in = two_step::finish(
            &state.store,
            &state.session_policy,
            &challenge,
            &code,
            &info.origin,
            info.session.as_ref(),
        )
        .await
        .map_err(failed)?;
        set_cookie(SECOND_STEP_COOKIE, "", 0);
        let to = doorstep::sign_up::safe_next(&next).unwrap_or_else(|| "/".into());
        crate::api::support::start_session(&signed_in, &to);
        Ok(())
    }
}
