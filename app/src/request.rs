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
    /// Where the request came from (client IP, user agent, request id), for the audit log.
    #[cfg(feature = "ssr")]
    pub origin: doorstep::store::audit::RequestOrigin,
}

/// The cookie holding the session token, over plain HTTP (development, tests).
pub const SESSION_COOKIE: &str = "doorstep_session";
/// Its name over HTTPS: the `__Host-` prefix makes browsers refuse it unless it is
/// `Secure`, for the whole site and set by this host, so a sibling subdomain cannot plant one.
pub const SECURE_SESSION_COOKIE: &str = "__Host-doorstep_session";

/// The session cookie's name when the public URL is (`secure`) or is not HTTPS.
pub fn session_cookie(secure: bool) -> &'static str {
    if secure {
        SECURE_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    }
}
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

/// What a request leaves for its one log line: who it was for, and the failure that made
/// it fail, with its causes. The server's request log puts one in each request's
/// extensions; server functions fill it in through [`note_failure`].
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, Default)]
pub struct RequestTrace(Arc<std::sync::Mutex<TraceNote>>);

#[cfg(feature = "ssr")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TraceNote {
    pub user: Option<String>,
    pub failure: Option<String>,
}

#[cfg(feature = "ssr")]
impl RequestTrace {
    fn note(&self) -> std::sync::MutexGuard<'_, TraceNote> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub fn set_user(&self, user: String) {
        self.note().user = Some(user);
    }

    /// Keeps the first failure: later ones are usually its consequences.
    pub fn set_failure(&self, failure: String) {
        self.note().failure.get_or_insert(failure);
    }

    pub fn read(&self) -> TraceNote {
        self.note().clone()
    }
}

/// `context: error: cause: cause …`, the whole chain of an error on one line.
#[cfg(feature = "ssr")]
pub fn cause_chain(context: &str, err: &(dyn std::error::Error + 'static)) -> String {
    let mut line = format!("{context}: {err}");
    let mut previous = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        // Many errors repeat their cause in their own message; say each thing once.
        if !previous.contains(&text) {
            line.push_str(": ");
            line.push_str(&text);
        }
        previous = text;
        source = cause.source();
    }
    line
}

/// Hands a failure to the current request's log line; logs it here only when there is no
/// request (a server function called outside the HTTP stack).
#[cfg(feature = "ssr")]
pub fn note_failure(line: String) {
    let trace = leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<RequestTrace>().cloned());
    match trace {
        Some(trace) => trace.set_failure(line),
        None => tracing::error!(failure = %line, "request failed"),
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[derive(Debug, thiserror::Error)]
    #[error("outer")]
    struct Outer(#[source] std::io::Error);

    #[derive(Debug, thiserror::Error)]
    #[error("could not save: {0}")]
    struct Repeats(#[source] std::io::Error);

    #[test]
    fn cause_chains_name_every_cause_once() {
        let err = Outer(std::io::Error::other("disk full"));
        assert_eq!(cause_chain("saving", &err), "saving: outer: disk full");
        let repeats = Repeats(std::io::Error::other("disk full"));
        assert_eq!(
            cause_chain("saving", &repeats),
            "saving: could not save: disk full",
            "a cause already in the message is not said twice"
        );
        let trace = RequestTrace::default();
        trace.set_failure("first".into());
        trace.set_failure("second".into());
        trace.set_user("PE-000001".into());
        assert_eq!(
            trace.read(),
            TraceNote {
                user: Some("PE-000001".into()),
                failure: Some("first".into())
            }
        );
    }
}
