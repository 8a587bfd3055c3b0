//! Passkeys: adding one, signing in with one, removing one. WebAuthn runs in the browser
//! (the passkey island), so adding and signing in need JavaScript; each takes two calls,
//! the first sets a cookie naming the ceremony and answers with the options for
//! `navigator.credentials`, the second brings the device's answer. Removing is a plain form.

use crate::error::ApiError;
use doorstep::dto::PasskeysView;
use leptos::prelude::*;

#[server(endpoint = "passkeys")]
pub async fn get_passkeys() -> Result<PasskeysView, ApiError> {
    imp::view().await
}

/// Starts adding a passkey; answers with the options for `navigator.credentials.create`
/// (WebAuthn's JSON form). `password`: needed when the session was signed in more than a
/// quarter of an hour ago.
/// `name`: what the passkey will be called, checked before the device makes it.
#[server(endpoint = "start-passkey")]
pub async fn start_passkey(
    #[server(default)] password: String,
    #[server(default)] name: String,
) -> Result<String, ApiError> {
    imp::start_adding(password, name).await
}

/// `response`: the device's answer (`PublicKeyCredential.toJSON()`, as JSON); `name`: what
/// the person calls the passkey (the device's name when empty).
#[server(endpoint = "add-passkey")]
pub async fn add_passkey(
    response: String,
    #[server(default)] name: String,
) -> Result<(), ApiError> {
    imp::finish_adding(response, name).await
}

/// `id`: one of the person's passkeys.
#[server(endpoint = "remove-passkey")]
pub async fn remove_passkey(
    id: String,
    #[server(default)] password: String,
) -> Result<(), ApiError> {
    imp::remove(id, password).await
}

/// Starts signing in with a passkey; answers with the options for
/// `navigator.credentials.get`. `second_step`: for the sign-in waiting for its second step
/// in this browser (the passkey must then be its person's). `confirm`: the signed-in person
/// confirms it is them (instead of their password); the passkey must be theirs, and the
/// session is renewed.
#[server(endpoint = "start-passkey-sign-in")]
pub async fn start_passkey_sign_in(
    #[server(default)] second_step: bool,
    #[server(default)] confirm: bool,
) -> Result<String, ApiError> {
    imp::start_sign_in(second_step, confirm).await
}

/// Signs in with the device's answer; answers with where to go (`next`, if it is a path of
/// the portal, else home).
#[server(endpoint = "passkey-sign-in")]
pub async fn passkey_sign_in(
    response: String,
    #[server(default)] next: String,
) -> Result<String, ApiError> {
    imp::finish_sign_in(response, next).await
}

#[cfg(feature = "ssr")]
mod imp {
    use crate::api::support::{SECOND_STEP_COOKIE, cookie, info, internal, set_cookie, state};
    use crate::error::{ApiError, echo};
    use doorstep::dto::{PasskeyView, PasskeysView, SessionUser};
    use doorstep::password::Password;
    use doorstep::services::auth::{HASHING_WAIT, SessionToken, SignInError};
    use doorstep::services::passkeys::{self, PasskeyError, RelyingParty};
    use doorstep::services::two_step::{self, TwoStepError};
    use std::sync::Arc;

    /// The cookie naming the ceremony waiting for the device's answer.
    const CEREMONY_COOKIE: &str = "doorstep_passkey";

    fn failed(e: PasskeyError) -> ApiError {
        match e {
            PasskeyError::StartAgain => ApiError::PasskeyExpired,
            PasskeyError::Malformed => ApiError::BadRequest,
            PasskeyError::Refused(why) => {
                tracing::info!(%why, "a passkey was refused");
                ApiError::PasskeyRefused
            }
            PasskeyError::Unknown => ApiError::PasskeyUnknown,
            PasskeyError::NotYours => ApiError::PasskeyNotYours,
            PasskeyError::AlreadyAdded => ApiError::PasskeyAdded,
            PasskeyError::TooMany => ApiError::TooManyPasskeys,
            PasskeyError::NotFound => ApiError::NotFound,
            PasskeyError::SignIn(SignInError::NoRole) => ApiError::Forbidden,
            other => internal("a passkey ceremony failed", other),
        }
    }

    fn party() -> Result<Arc<RelyingParty>, ApiError> {
        state()?.passkeys.clone().ok_or(ApiError::NotFound)
    }

    fn signed_in() -> Result<(SessionUser, SessionToken), ApiError> {
        let info = info();
        let user = info.user.ok_or(ApiError::Unauthenticated)?;
        let session = info.session.ok_or(ApiError::Unauthenticated)?;
        Ok((user, session))
    }

    fn ceremony() -> Result<SessionToken, ApiError> {
        let token = cookie(CEREMONY_COOKIE)
            .and_then(|raw| SessionToken::from_cookie(&raw))
            .ok_or(ApiError::PasskeyExpired)?;
        set_cookie(CEREMONY_COOKIE, "", 0);
        Ok(token)
    }

    /// Adding or removing a passkey changes how one signs in: the password again, unless
    /// the session signed in within a quarter of an hour.
    async fn recent(
        user: &SessionUser,
        session: &SessionToken,
        raw: String,
    ) -> Result<(), ApiError> {
        let state = state()?;
        if raw.is_empty() {
            let fresh = doorstep::services::auth::is_fresh(&state.store, session)
                .await
                .map_err(|e| internal("reading the session failed", e))?;
            if fresh {
                return Ok(());
            }
        }
        let typed =
            Password::parse_attempt(raw).map_err(|p| ApiError::field("password", p, echo(&[])))?;
        let info = info();
        let ip = crate::api::support::password_check(&state, &info, &user.email, echo(&[]))?;
        two_step::confirm_recent(&state.store, user, session, Some(typed))
            .await
            .map_err(|e| match e {
                TwoStepError::WrongPassword => ApiError::field(
                    "password",
                    doorstep::error::FieldError::WrongPassword,
                    echo(&[]),
                ),
                TwoStepError::SignIn(SignInError::Busy) => ApiError::RateLimited {
                    retry_after_secs: HASHING_WAIT.as_secs().max(1),
                    echo: Default::default(),
                },
                other => internal("checking the password failed", other),
            })?;
        state.sign_in_throttle.succeeded(&user.email, ip);
        Ok(())
    }

    fn device_name() -> String {
        let agent = info().origin.user_agent.unwrap_or_default();
        let device = doorstep::user_agent::device(&agent);
        match (device.browser, device.system) {
            (Some(b), Some(s)) => crate::i18n::t_with(
                "account-session-device",
                &[("browser", b.into()), ("system", s.into())],
            ),
            (Some(one), None) | (None, Some(one)) => one.to_string(),
            (None, None) => crate::i18n::t("passkeys-default-name"),
        }
    }

    pub async fn view() -> Result<PasskeysView, ApiError> {
        let (user, session) = signed_in()?;
        let state = state()?;
        let list = passkeys::list(&state.store, &user).await.map_err(failed)?;
        let fresh = doorstep::services::auth::is_fresh(&state.store, &session)
            .await
            .map_err(|e| internal("reading the session failed", e))?;
        Ok(PasskeysView {
            available: state.passkeys.is_some(),
            passkeys: list
                .into_iter()
                .map(|p| PasskeyView {
                    id: p.id,
                    name: p.name,
                    created_at: p.created_at,
                    last_used_at: p.last_used_at,
                })
                .collect(),
            needs_password: !fresh,
            suggested_name: device_name(),
            most: passkeys::MOST,
        })
    }

    pub async fn start_adding(password: String, name: String) -> Result<String, ApiError> {
        let (user, session) = signed_in()?;
        let party = party()?;
        passkeys::clean_name(&name, "")
            .map_err(|p| ApiError::field("name", p, echo(&[("name", &name)])))?;
        recent(&user, &session, password).await?;
        let started = passkeys::start_adding(&state()?.store, &party, &user)
            .await
            .map_err(failed)?;
        set_cookie(
            CEREMONY_COOKIE,
            started.token.expose(),
            passkeys::CEREMONY_SECS,
        );
        Ok(started.options)
    }

    pub async fn finish_adding(response: String, name: String) -> Result<(), ApiError> {
        let (user, _) = signed_in()?;
        let party = party()?;
        let name = passkeys::clean_name(&name, &device_name())
            .map_err(|p| ApiError::field("name", p, echo(&[("name", &name)])))?;
        let token = ceremony()?;
        let state = state()?;
        let business = state.business();
        let info = info();
        let desk = crate::api::support::desk(&state, &business, &info);
        passkeys::finish_adding(&desk, &party, &user, &token, &response, &name)
            .await
            .map_err(failed)
    }

    pub async fn remove(id: String, password: String) -> Result<(), ApiError> {
        let (user, session) = signed_in()?;
        let id: i64 = id.trim().parse().map_err(|_| ApiError::NotFound)?;
        recent(&user, &session, password).await?;
        passkeys::remove(&state()?.store, &user, id, &info().origin)
            .await
            .map_err(failed)?;
        leptos_axum::redirect("/account/passkeys?saved=removed");
        Ok(())
    }

    /// The throttle's key for passkey sign-ins (they name no email): each address may start
    /// only so many ceremonies before it waits, as it may only guess so many passwords.
    const THROTTLE_KEY: &str = "passkey";

    pub async fn start_sign_in(second_step: bool, confirm: bool) -> Result<String, ApiError> {
        let confirming = if confirm {
            Some(signed_in()?.0.user.id())
        } else {
            None
        };
        let party = party()?;
        let state = state()?;
        let ip = crate::api::support::client_ip(&info());
        state
            .sign_in_throttle
            .attempt(THROTTLE_KEY, ip, doorstep::services::clock::now())
            .map_err(|wait| ApiError::RateLimited {
                retry_after_secs: wait,
                echo: Default::default(),
            })?;
        let waiting = if second_step {
            Some(
                cookie(SECOND_STEP_COOKIE)
                    .and_then(|raw| SessionToken::from_cookie(&raw))
                    .ok_or(ApiError::SignInAgain)?,
            )
        } else {
            None
        };
        let started = passkeys::start_sign_in(&state.store, &party, waiting.as_ref(), confirming)
            .await
            .map_err(|e| match e {
                PasskeyError::StartAgain if second_step => ApiError::SignInAgain,
                other => failed(other),
            })?;
        set_cookie(
            CEREMONY_COOKIE,
            started.token.expose(),
            passkeys::CEREMONY_SECS,
        );
        Ok(started.options)
    }

    pub async fn finish_sign_in(response: String, next: String) -> Result<String, ApiError> {
        let party = party()?;
        let state = state()?;
        let info = info();
        let token = ceremony()?;
        let signed_in = passkeys::finish_sign_in(
            &state.store,
            &party,
            &state.session_policy,
            &token,
            &response,
            &info.origin,
            info.session.as_ref(),
        )
        .await
        .map_err(failed)?;
        state
            .sign_in_throttle
            .succeeded(THROTTLE_KEY, crate::api::support::client_ip(&info));
        set_cookie(SECOND_STEP_COOKIE, "", 0);
        set_cookie(
            crate::request::session_cookie(crate::api::support::secure()),
            signed_in.token.expose(),
            signed_in.cookie_max_age,
        );
        let to = if signed_in.user.must_enrol {
            "/account/two-step".to_string()
        } else {
            doorstep::sign_up::safe_next(&next).unwrap_or_else(|| "/".into())
        };
        Ok(to)
    }
}
