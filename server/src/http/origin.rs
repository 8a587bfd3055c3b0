//! Refuses writes sent from other sites' pages. `SameSite=Lax` keeps the session cookie off
//! them, but a forged sign-in form needs no cookie, and sibling subdomains count as "same
//! site": so every non-GET request (a server function, the account export) must come from
//! our own origin (or, from browsers that send no `Origin`, not be marked cross-site).

use axum::extract::{Request, State};
use axum::http::header::{HOST, ORIGIN};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

fn foreign(
    origin: Option<&str>,
    host: Option<&str>,
    fetch_site: Option<&str>,
    public_origin: &str,
) -> bool {
    match origin {
        Some(origin) if origin == public_origin => false,
        Some(origin) => {
            let origin_host = origin.split_once("://").map(|(_, rest)| rest);
            origin_host.is_none() || origin_host != host
        }
        None => matches!(fetch_site, Some("cross-site" | "same-site")),
    }
}

pub async fn same_origin(
    State(public_origin): State<Arc<str>>,
    req: Request,
    next: Next,
) -> Response {
    let writes = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if writes {
        let header = |name: &str| req.headers().get(name).and_then(|v| v.to_str().ok());
        let origin = header(ORIGIN.as_str());
        if foreign(
            origin,
            header(HOST.as_str()),
            header("sec-fetch-site"),
            &public_origin,
        ) {
            tracing::warn!(?origin, path = req.uri().path(), "cross-site write refused");
            let body = r#"{"error":"forbidden"}"#;
            return (
                StatusCode::FORBIDDEN,
                [(axum::http::header::CONTENT_TYPE, "application/json")],
                body,
            )
                .into_response();
        }
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::foreign;

    #[test]
    fn only_our_own_origin_may_write() {
        let public = "https://portal.example.com";
        assert!(
            !foreign(Some(public), Some("10.0.0.5:3000"), None, public),
            "behind a proxy"
        );
        assert!(!foreign(
            Some("http://127.0.0.1:3000"),
            Some("127.0.0.1:3000"),
            None,
            public
        ));
        assert!(foreign(
            Some("https://evil.example"),
            Some("portal.example.com"),
            None,
            public
        ));
        assert!(foreign(
            Some("null"),
            Some("portal.example.com"),
            None,
            public
        ));
        assert!(
            !foreign(None, Some("portal.example.com"), None, public),
            "non-browser clients"
        );
        assert!(foreign(
            None,
            Some("portal.example.com"),
            Some("cross-site"),
            public
        ));
        assert!(!foreign(
            None,
            Some("portal.example.com"),
            Some("same-origin"),
            public
        ));
    }
}
