//! Forgotten passwords (a mailed link) and changing one's password (with the current one).

use crate::error::ApiError;
use leptos::prelude::*;

/// `email`: where to send the link (nothing is said of whether it has an account).
#[server(endpoint = "request-password-reset")]
pub async fn request_password_reset(email: String) -> Result<(), ApiError> {
    imp::request(email).await
}

/// `token`: the mailed link's secret; `password`: the new one. Ends every other session and
/// signs in.
#[server(endpoint = "reset-password")]
pub async fn reset_password(token: String, password: String) -> Result<(), ApiError> {
    imp::reset(token, password).await
}

/// `current`: the password now; `password`: the new one. Ends every other session.
#[server(endpoint = "change-password")]
pub async fn change_password(current: String, password: String) -> Result<(), ApiError> {
    imp::change(current, password).await
}

#[cfg(feature = "ssr")]
mod imp {
    use crate::api::support::{info, internal, state};
    use crate::error::{ApiError, echo};
    use doorstep::email::Email;
    use doorstep::password::{Password, choose};
    use doorstep::services::auth::{HASHING_WAIT, SignInError};
    use doorstep::services::links::LinkError;
    use doorstep::services::passwords::{self, PasswordError};

    pub fn failed(e: PasswordError) -> ApiError {
        match e {
            PasswordError::TooMany => ApiError::RateLimited {
                retry_after_secs: 3600,
                echo: Default::default(),
            },
            PasswordError::Link(LinkError::Unknown) => ApiError::NotFound,
            PasswordError::Link(LinkError::Used) => ApiError::LinkUsed,
            PasswordError::Link(LinkError::Expired) => ApiError::LinkExpired,
            PasswordError::Link(LinkError::OtherBrowser) => ApiError::LinkOtherBrowser,
            PasswordError::SignIn(SignInError::Busy) => ApiError::RateLimited {
                retry_after_secs: HASHING_WAIT.as_secs().max(1),
                echo: Default::default(),
            },
            PasswordError::SignIn(SignInError::NoRole) => ApiError::Forbidden,
            PasswordError::WrongPassword => ApiError::field(
                "current",
                doorstep::error::FieldError::WrongPassword,
                Default::default(),
            ),
            other => internal("a password change failed", other),
        }
    }

    pub async fn request(email: String) -> Result<(), ApiError> {
        let keep = echo(&[("email", &email)]);
        let email = Email::parse(&email).map_err(|p| ApiError::field("email", p, keep))?;
        let state = state()?;
        let info = info();
        let business = state.business();
        let desk = crate::api::support::desk(&state, &business, &info);
        passwords::request_reset(&desk, &email)
            .await
            .map_err(failed)?;
        leptos_axum::redirect("/forgot-password?sent=1");
        Ok(())
    }

    pub async fn reset(token: String, password: String) -> Result<(), ApiError> {
        let state = state()?;
        let info = info();
        let token = token.trim();
        let person = passwords::check_reset(&state.store, token)
            .await
            .map_err(failed)?;
        let password = choose(password, &[&person.email, &person.name])
            .map_err(|p| ApiError::field("password", p, Default::default()))?;
        let business = state.business();
        let desk = crate::api::support::desk(&state, &business, &info);
        let signed_in = passwords::reset(
            &desk,
            &state.session_policy,
            token,
            password,
            info.session.as_ref(),
        )
        .await
        .map_err(failed)?;
        crate::api::support::start_session(&signed_in, "/account?saved=password-reset");
        Ok(())
    }

    pub async fn change(current: String, password: String) -> Result<(), ApiError> {
        let info = info();
        let user = info.user.clone().ok_or(ApiError::Unauthenticated)?;
        let session = info.session.clone().ok_or(ApiError::Unauthenticated)?;
        let state = state()?;
        let mut problems = Vec::new();
        let current = Password::parse_attempt(current).map_err(|p| problems.push(("current", p)));
        let new = choose(password, &[&user.email, &user.name])
            .map_err(|p| problems.push(("password", p)));
        let (current, new) = match (current, new) {
            (Ok(c), Ok(n)) if problems.is_empty() => (c, n),
            _ => return Err(ApiError::refused(problems, Default::default())),
        };
        let ip =
            crate::api::support::password_check(&state, &info, &user.email, Default::default())?;
        let business = state.business();
        let desk = crate::api::support::desk(&state, &business, &info);
        let ended = passwords::change(&desk, &user, &session, current, new)
            .await
            .map_err(failed)?;
        state.sign_in_throttle.succeeded(&user.email, ip);
        leptos_axum::redirect(&format!("/account?saved=password&ended={ended}"));
        Ok(())
    }
}

/// The cookie keeping the secret that binds a mailed sign-in link to the browser that asked.
#[cfg(feature = "ssr")]
const LINK_BROWSER_COOKIE: &str = "doorstep_link_browser";

/// `email`: where to send a sign-in link; `next`: where to go once signed in. Posted by the
/// sign-in form's second button, so its `password` comes along, and is ignored.
#[server(endpoint = "request-sign-in-link")]
pub async fn request_sign_in_link(
    email: String,
    #[server(default)] next: String,
    #[server(default)] password: String,
) -> Result<(), ApiError> {
    drop(password);
    use crate::api::support::{cookie, desk, info, set_cookie, state};
    use crate::error::echo;
    use doorstep::email::Email;
    use doorstep::services::passwords::{self, SIGN_IN_LINK_SECS};
    let keep = echo(&[("email", &email), ("next", &next)]);
    let email = Email::parse(&email).map_err(|p| ApiError::field("email", p, keep))?;
    let state = state()?;
    let info = info();
    let business = state.business();
    // One secret per browser, kept while links are asked for.
    let browser = cookie(LINK_BROWSER_COOKIE)
        .filter(|c| c.len() == 43)
        .unwrap_or_else(doorstep::services::links::new_secret);
    let next = doorstep::sign_up::safe_next(&next);
    passwords::request_sign_in_link(
        &desk(&state, &business, &info),
        &email,
        next.as_deref(),
        &browser,
    )
    .await
    .map_err(imp::failed)?;
    set_cookie(LINK_BROWSER_COOKIE, &browser, SIGN_IN_LINK_SECS);
    leptos_axum::redirect("/sign-in?link=sent");
    Ok(())
}

/// `token`: the mailed sign-in link's secret; works in the browser that asked for it.
#[server(endpoint = "sign-in-with-link")]
pub async fn sign_in_with_link(token: String) -> Result<(), ApiError> {
    use crate::api::support::{cookie, desk, info, set_cookie, state};
    use doorstep::services::passwords;
    let state = state()?;
    let info = info();
    let business = state.business();
    let browser = cookie(LINK_BROWSER_COOKIE);
    let (signed_in, next) = passwords::sign_in_with_link(
        &desk(&state, &business, &info),
        &state.session_policy,
        token.trim(),
        browser.as_deref(),
        info.session.as_ref(),
    )
    .await
    .map_err(imp::failed)?;
    set_cookie(LINK_BROWSER_COOKIE, "", 0);
    crate::api::support::start_session(&signed_in, &next.unwrap_or_else(|| "/".into()));
    Ok(())
}
