//! Resolves who is asking and in which language, once per request, and leaves the answer
//! in the request's extensions for pages and server functions.

use super::client_ip::ClientIp;
use super::log::REQUEST_ID;
use app::request::{LOCALE_COOKIE, RequestInfo, RequestTrace, session_cookie, set_cookie_value};
use app::state::AppState;
use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::http::header::{ACCEPT_LANGUAGE, COOKIE, SET_COOKIE, USER_AGENT};
use axum::middleware::Next;
use axum::response::Response;
use doorstep::locale::Locale;
use doorstep::services::auth::{self, SessionToken};
use doorstep::store::audit::RequestOrigin;

/// Marks a response to a signed-in person: nothing may keep it (`Cache-Control: no-store`).
#[derive(Clone, Copy, Debug)]
pub struct SignedInResponse;

/// Files that never depend on who asks: no session is looked up for them.
const PUBLIC_FILES: [&str; 5] = [
    "/pkg/",
    "/vendor/",
    "/icons/",
    "/register-sw.js",
    "/favicon.ico",
];

/// The values of cookie `name` in a `Cookie` header (a browser may send several).
fn cookies<'a>(header: &'a str, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    header.split(';').filter_map(move |pair| {
        let (k, v) = pair.trim().split_once('=')?;
        (k == name).then_some(v)
    })
}

/// The session token, if exactly one session cookie came: two of them mean someone
/// planted one beside ours (from a sibling subdomain, or a path), and neither is believed.
fn session_token(header: &str, name: &str) -> Option<SessionToken> {
    let mut found = cookies(header, name);
    let first = found.next()?;
    if found.next().is_some() {
        tracing::warn!("two session cookies in one request; treated as signed out");
        return None;
    }
    SessionToken::from_cookie(first)
}

pub async fn resolve(State(app): State<AppState>, mut req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let public_file = PUBLIC_FILES.iter().any(|p| path.starts_with(p));
    let header: String = req
        .headers()
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join("; ");
    let cookie_name = session_cookie(app.secure_cookies);
    let token = if public_file {
        None
    } else {
        session_token(&header, cookie_name)
    };
    // A database hiccup must not sign anyone out: only a session known to be gone is
    // cleared from the browser.
    let (user, stale, refreshed) = match &token {
        Some(token) => match auth::resolve(&app.store, &app.session_policy, token).await {
            Ok(Some(found)) => (Some(found.user), false, found.refreshed),
            Ok(None) => (None, true, None),
            Err(err) => {
                tracing::error!(%err, "session lookup failed; treating the request as anonymous");
                (None, false, None)
            }
        },
        None => (None, false, None),
    };
    let business = app.business();
    // Read as owned values: a borrow of the request may not live across the awaits below.
    let (accept_language, origin) = {
        let header_text = |name| {
            req.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let origin = RequestOrigin {
            client_ip: req
                .extensions()
                .get::<ClientIp>()
                .map(|ip| ip.0.to_string()),
            user_agent: header_text(USER_AGENT),
            request_id: header_text(REQUEST_ID),
        };
        (header_text(ACCEPT_LANGUAGE), origin)
    };
    let locale = Locale::negotiate(
        user.as_ref().and_then(|u| u.locale),
        cookies(&header, LOCALE_COOKIE).next(),
        accept_language.as_deref(),
        business.default_locale,
    );
    if let (Some(user), Some(trace)) = (&user, req.extensions().get::<RequestTrace>()) {
        trace.set_user(user.user.to_string());
    }
    let signed_in = user.is_some();
    let refresh_with = token
        .as_ref()
        .zip(refreshed)
        .map(|(t, max_age)| (t.expose().to_string(), max_age));
    req.extensions_mut().insert(RequestInfo {
        user,
        locale,
        business,
        session: token,
        origin,
    });
    let mut res = next.run(req).await;
    if signed_in {
        res.extensions_mut().insert(SignedInResponse);
    }
    let sets_session = res
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .any(|v| v.to_str().is_ok_and(|v| v.starts_with(cookie_name)));
    let update = if sets_session {
        None
    } else if stale {
        // The browser keeps sending a cookie that signs nobody in: tell it to forget it.
        Some(set_cookie_value(cookie_name, "", 0, app.secure_cookies))
    } else {
        // The session's expiry slid forward; the cookie's follows.
        refresh_with.map(|(value, max_age)| {
            set_cookie_value(cookie_name, &value, max_age, app.secure_cookies)
        })
    };
    if let Some(Ok(v)) = update.map(|c| HeaderValue::from_str(&c)) {
        res.headers_mut().append(SET_COOKIE, v);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_cookies_by_exact_name() {
        let h = "a=1; doorstep_session=xyz; doorstep_locale=de";
        assert_eq!(cookies(h, "doorstep_session").next(), Some("xyz"));
        assert_eq!(cookies(h, "doorstep_locale").next(), Some("de"));
        assert_eq!(cookies(h, "session").next(), None);
        assert_eq!(cookies("", "a").next(), None);
    }

    #[test]
    fn two_session_cookies_sign_nobody_in() {
        let token = "a".repeat(43);
        let one = format!("doorstep_session={token}");
        assert!(session_token(&one, "doorstep_session").is_some());
        let two = format!("doorstep_session={token}; doorstep_session={token}");
        assert!(session_token(&two, "doorstep_session").is_none());
        let other_name = format!("__Host-doorstep_session={token}");
        assert!(session_token(&other_name, "doorstep_session").is_none());
    }
}
