//! Resolves who is asking and in which language, once per request, and leaves the answer
//! in the request's extensions for pages and server functions.

use app::request::{LOCALE_COOKIE, RequestInfo, SESSION_COOKIE};
use app::state::AppState;
use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::http::header::{ACCEPT_LANGUAGE, COOKIE, SET_COOKIE};
use axum::middleware::Next;
use axum::response::Response;
use doorstep::locale::Locale;
use doorstep::services::auth::{self, SessionToken};

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
    let user = match &token {
        Some(token) => auth::resolve(&app.store, token)
            .await
            .unwrap_or_else(|err| {
                tracing::error!(%err, "session lookup failed; treating the request as anonymous");
                None
            }),
        None => None,
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
    let stale = token.is_some() && user.is_none();
    req.extensions_mut().insert(RequestInfo {
        user,
        locale,
        business,
        session: token,
    });
    let mut res = next.run(req).await;
    let sets_session = res
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .any(|v| v.to_str().is_ok_and(|v| v.starts_with(SESSION_COOKIE)));
    if stale && !sets_session {
        // The browser keeps sending a cookie that signs nobody in: tell it to forget it.
        let clear = format!("{SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
        if let Ok(v) = HeaderValue::from_str(&clear) {
            res.headers_mut().append(SET_COOKIE, v);
        }
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
