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
    /// The data version read with the session (`None` when nobody is signed in); the
    /// server's page cache keys signed-in pages on it.
    pub data_version: Option<i64>,
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

/// Response header by which a page tells the server's page cache it may keep the rendered
/// page, and for how many seconds at most. Several values: the smallest wins, and 0 means
/// never. The cache removes the header before the response leaves.
pub const PAGE_CACHE_HEADER: &str = "x-doorstep-page-cache";

/// Lets the server keep this rendered page for up to `secs` seconds and serve it again to
/// the same person, in the same language, until any data changes. Only for pages that show
/// nothing depending on the clock. `0` forbids keeping it (an error is on the page).
pub fn keep_page_for(secs: u32) {
    #[cfg(feature = "ssr")]
    if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        res.append_header(
            http::HeaderName::from_static(PAGE_CACHE_HEADER),
            http::HeaderValue::from(secs),
        );
    }
    #[cfg(not(feature = "ssr"))]
    let _ = secs;
}

/// How long pages that change only with data may be kept: long enough to answer the quick
/// repeated visits of a phone app, short enough that a missed change heals by itself.
pub const KEEP_PAGES_SECS: u32 = 600;
