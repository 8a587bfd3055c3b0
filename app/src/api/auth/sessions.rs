//! "Where you're signed in": the person's own sessions, and ending them.

use crate::error::ApiError;
use doorstep::dto::{ProfileView, SessionView};
use leptos::prelude::*;

#[server(endpoint = "sessions")]
pub async fn get_sessions() -> Result<Vec<SessionView>, ApiError> {
    use crate::api::support::{info, internal, state};
    let info = info();
    let user = info.user.ok_or(ApiError::Unauthenticated)?;
    let current = info.session.ok_or(ApiError::Unauthenticated)?;
    doorstep::services::auth::own_sessions(&state()?.store, &user, &current)
        .await
        .map_err(|e| internal("listing sessions failed", e))
}

/// `session`: the handle of one of the person's own sessions.
#[server(endpoint = "end-session")]
pub async fn end_session(session: String) -> Result<(), ApiError> {
    use crate::api::support::{info, internal, state};
    let info = info();
    let user = info.user.clone().ok_or(ApiError::Unauthenticated)?;
    let ended = doorstep::services::auth::end_own_session(
        &state()?.store,
        &user,
        session.trim(),
        &info.origin,
    )
    .await
    .map_err(|e| internal("ending a session failed", e))?;
    if !ended {
        return Err(ApiError::NotFound);
    }
    leptos_axum::redirect("/account?saved=session#sessions");
    Ok(())
}

#[server(endpoint = "end-other-sessions")]
pub async fn end_other_sessions() -> Result<(), ApiError> {
    use crate::api::support::{info, internal, state};
    let info = info();
    let user = info.user.clone().ok_or(ApiError::Unauthenticated)?;
    let current = info.session.clone().ok_or(ApiError::Unauthenticated)?;
    let ended = doorstep::services::auth::end_other_sessions(
        &state()?.store,
        &user,
        &current,
        &info.origin,
    )
    .await
    .map_err(|e| internal("ending sessions failed", e))?;
    leptos_axum::redirect(&format!("/account?saved=sessions&ended={ended}#sessions"));
    Ok(())
}

#[server(endpoint = "profile")]
pub async fn get_profile() -> Result<ProfileView, ApiError> {
    use crate::api::support::{info, internal, state};
    let user = info().user.ok_or(ApiError::Unauthenticated)?;
    doorstep::services::people::profile(&state()?.store, user.user)
        .await
        .map_err(|e| internal("reading the profile failed", e))
}

/// The person's own name, phone (optional) and language.
#[server(endpoint = "save-profile")]
pub async fn save_profile(name: String, phone: String, locale: String) -> Result<(), ApiError> {
    use crate::api::support::{info, internal, set_cookie, state};
    use crate::error::echo;
    use doorstep::locale::Locale;
    let info = info();
    let user = info.user.clone().ok_or(ApiError::Unauthenticated)?;
    let keep = echo(&[("name", &name), ("phone", &phone), ("locale", &locale)]);
    let mut problems = Vec::new();
    let name = doorstep::fields::text(&name, doorstep::sign_up::NAME_MAX, true)
        .map_err(|p| problems.push(("name", p)));
    let phone = doorstep::requests::phone(&phone).map_err(|p| problems.push(("phone", p)));
    let locale = Locale::parse(locale.trim()).map_err(|p| problems.push(("locale", p)));
    let (name, phone, locale) = match (name, phone, locale) {
        (Ok(n), Ok(p), Ok(l)) if problems.is_empty() => (n, p, l),
        _ => return Err(ApiError::refused(problems, keep)),
    };
    doorstep::services::people::save_profile(
        &state()?.store,
        user.user,
        &name,
        phone.as_deref(),
        locale,
        &info.origin,
    )
    .await
    .map_err(|e| internal("saving the profile failed", e))?;
    set_cookie(
        crate::request::LOCALE_COOKIE,
        locale.code(),
        365 * 24 * 3600,
    );
    leptos_axum::redirect("/account?saved=profile");
    Ok(())
}
