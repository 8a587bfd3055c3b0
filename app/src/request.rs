//! What the server knows about the request a page or server function runs for: who is
//! asking, in which language, for which business. The server's middleware resolves it once
//! per request and puts it in the request's extensions; this module reads it back.

use doorstep::brand::Business;
use doorstep::dto::SessionUser;
use doorstep::locale::Locale;
use std::sync::Arc;

#[derive(Clone, Debug, Default)]
pub struct RequestInfo {
    pub user: Option<SessionUser>,
    pub locale: Locale,
    pub business: Arc<Business>,
    /// The raw session cookie, when one came with the request (for sign-out and rotation).
    #[cfg(feature = "ssr")]
    pub session: Option<doorstep::services::auth::SessionToken>,
}

/// The cookie holding the session token.
pub const SESSION_COOKIE: &str = "doorstep_session";
/// The cookie remembering the language chosen before signing in.
pub const LOCALE_COOKIE: &str = "doorstep_locale";

/// A `Set-Cookie` value with Doorstep's attributes: whole site, script-proof, kept off
/// cross-site posts, `Secure` when served over HTTPS. `max_age_secs` 0 deletes it.
pub fn set_cookie_value(name: &str, value: &str, max_age_secs: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; Max-Age={max_age_secs}; HttpOnly; SameSite=Lax{secure}")
}

/// The current request's information. In the browser (islands) there is none, and the
/// defaults are returned; islands get what they need as props instead.
pub fn current() -> RequestInfo {
    #[cfg(feature = "ssr")]
    {
        use leptos::prelude::use_context;
        use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<RequestInfo>().cloned())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        RequestInfo::default()
    }
}
