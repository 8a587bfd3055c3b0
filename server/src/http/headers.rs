//! Security headers on every response, and cache rules by kind of content: hashed assets
//! cached for a year, other static files for a day, pages and API answers never by a
//! shared cache, and nothing at all kept of what a signed-in person was sent.

use super::session::SignedInResponse;
use axum::extract::{Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, VARY};
use axum::http::{HeaderMap, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const STATIC: &str = "public, max-age=86400";
const PRIVATE: &str = "private, no-cache";
const NO_STORE: &str = "private, no-store";

fn set(headers: &mut HeaderMap, name: HeaderName, value: &'static str) {
    headers.insert(name, HeaderValue::from_static(value));
}

/// Browsers keep to HTTPS for two years once they have seen this (only sent over HTTPS).
const HSTS: &str = "max-age=63072000";

/// `https` says whether the public URL is HTTPS (then HSTS is sent).
pub async fn security_and_caching(State(https): State<bool>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    let mut res = next.run(req).await;
    let headers = res.headers_mut();
    set(
        headers,
        HeaderName::from_static("x-content-type-options"),
        "nosniff",
    );
    set(
        headers,
        HeaderName::from_static("referrer-policy"),
        "same-origin",
    );
    set(headers, HeaderName::from_static("x-frame-options"), "DENY");
    set(
        headers,
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(self)",
    );

    let is_html = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if https {
        set(
            headers,
            HeaderName::from_static("strict-transport-security"),
            HSTS,
        );
    }
    let signed_in = res.extensions().get::<SignedInResponse>().is_some();
    // Calendar feeds are personal although no session asks for them.
    let cache = if signed_in
        || path.starts_with("/api/")
        || path.starts_with("/feeds/")
        || path == "/healthz"
        || path == "/readyz"
    {
        NO_STORE
    } else if is_html || path == "/sw.js" || path == "/manifest.webmanifest" {
        PRIVATE
    } else if path.starts_with("/pkg/") && is_hashed(&path) {
        IMMUTABLE
    } else if res.status().is_success() {
        STATIC
    } else {
        NO_STORE
    };
    let headers = res.headers_mut();
    set(headers, CACHE_CONTROL, cache);
    if is_html {
        // The same address shows each person their own page.
        set(headers, VARY, "Cookie, Accept-Language, Accept-Encoding");
    }
    res
}

/// `name.<hash>.ext`: cargo-leptos puts a content hash between name and extension.
fn is_hashed(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or_default();
    let parts: Vec<&str> = file.split('.').collect();
    parts.len() >= 3 && parts[parts.len() - 2].len() >= 8
}

#[cfg(test)]
mod tests {
    use super::is_hashed;

    #[test]
    fn recognises_hashed_asset_names() {
        assert!(is_hashed("/pkg/doorstep.Xa8f9Qm2kLp0Z1bc.wasm"));
        assert!(!is_hashed("/pkg/doorstep.wasm"));
        assert!(!is_hashed("/pkg/doorstep_bg.js"));
    }
}
