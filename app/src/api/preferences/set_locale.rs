//! The language switch: remembered in a cookie, and on the person's profile when signed in.

use crate::error::ApiError;
use leptos::prelude::*;

/// A year: the language choice should outlive any session.
#[cfg(feature = "ssr")]
const LOCALE_COOKIE_SECS: i64 = 365 * 24 * 3600;

#[server(endpoint = "set-locale")]
pub async fn set_locale(locale: String) -> Result<(), ApiError> {
    use crate::api::support::{info, internal, set_cookie, state};
    use crate::error::Echo;
    use crate::request::LOCALE_COOKIE;
    use doorstep::locale::Locale;
    let locale = Locale::parse(&locale).map_err(|p| ApiError::field("locale", p, Echo::new()))?;
    set_cookie(LOCALE_COOKIE, locale.code(), LOCALE_COOKIE_SECS);
    if let Some(user) = info().user {
        doorstep::services::people::save_locale(&state()?.store, user.user, locale)
            .await
            .map_err(|e| internal("saving the language failed", e))?;
    }
    Ok(())
}
