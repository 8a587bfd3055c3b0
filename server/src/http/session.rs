//! Resolves who is asking and in which language, once per request, and leaves the answer
//! in the request's extensions for pages and server functions.

use app::request::{LOCALE_COOKIE, RequestInfo, SESSION_COOKIE, set_cookie_value};
use app::state::AppState;
use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::http::header::{ACCEPT_LANGUAGE, COOKIE, SET_COOKIE};
use axum::middleware::Next;
use axum::response::Response;
use doorstep::locale::Locale;
use doorstep::services::auth::{self, SESSION_IDLE_SECS, SessionToken};

/// The value of cookie `name` in a `Cookie` header.
fn cookie<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|pair| {
        let (k, v) = pair.trim().split_once('=')?;
        (k == name).then_some(v)
    })
}

pub async fn resolve(State(app): State<AppState>, mut req: Request, next: Next) -> Response {
    let cookies: String = req
        .headers()
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join("; ");
    let token = cookie(&cookies, SESSION_COOKIE).and_then(SessionToken::from_cookie);
    // A database hiccup must not sign anyone out: only a session known to be gone is
    // cleared from the browser.
    let (user, stale, refreshed, data_version) = match &token {
        Some(token) => match auth::resolve(&app.store, token).await {
            Ok(Some(found)) => (
                Some(found.user),
                false,
                found.refreshed,
                Some(found.data_version),
            ),
            Ok(None) => (None, true, false, None),
            Err(err) => {
                tracing::error!(%err, "session lookup failed; treating the request as anonymous");
                (None, false, false, None)
            }
        },
        None => (None, false, false, None),
    };
    let business = app.business();
    let accept = req
        .headers()
        .get(ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let locale = Locale::negotiate(
        user.as_ref().and_then(|u| u.locale),
        cookie(&cookies, LOCALE_COOKIE),
        accept,
        business.default_locale,
    );
    let refresh_with = token
        .as_ref()
        .filter(|_| refreshed)
        .map(|t| t.expose().to_string());
    req.extensions_mut().insert(RequestInfo {
        user,
        locale,
        business,
        data_version,
        session: token,
    });
    let mut res = next.run(req).await;
    let sets_session = res
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .any(|v| v.to_str().is_ok_and(|v| v.starts_with(SESSION_COOKIE)));
    let update = if sets_session {
        None
    } else if stale {
        // The browser keeps sending a cookie that signs nobody in: tell it to forget it.
        Some(set_cookie_value(SESSION_COOKIE, "", 0, app.secure_cookies))
    } else {
        // The session's expiry slid forward; the cookie's follows.
        refresh_with.map(|value| {
            set_cookie_value(
                SESSION_COOKIE,
                &value,
                SESSION_IDLE_SECS,
                app.secure_cookies,
            )
        })
    };
    if let Some(Ok(v)) = update.map(|c| HeaderValue::from_str(&c)) {
        res.headers_mut().append(SET_COOKIE, v);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::cookie;

    #[test]
    fn finds_cookies_by_exact_name() {
        let h = "a=1; doorstep_session=xyz; doorstep_locale=de";
        assert_eq!(cookie(h, "doorstep_session"), Some("xyz"));
        assert_eq!(cookie(h, "doorstep_locale"), Some("de"));
        assert_eq!(cookie(h, "session"), None);
        assert_eq!(cookie("", "a"), None);
    }
}
