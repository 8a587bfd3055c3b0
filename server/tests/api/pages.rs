//! What every response carries: status, headers, compression; the PWA files; 404.

use crate::helpers::{spawn_app, unescape};
use reqwest::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_SECURITY_POLICY, CONTENT_TYPE,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_and_readiness() {
    let app = spawn_app().await;
    let res = app.get("/healthz").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.text().await.expect("body"), "ok");
    assert_eq!(app.get("/readyz").await.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_landing_page_is_complete_html_with_private_caching_and_a_strict_policy() {
    let app = spawn_app().await;
    let res = app.get("/").await;
    assert_eq!(res.status(), 200);
    let headers = res.headers().clone();
    assert_eq!(headers[CACHE_CONTROL], "private, no-cache");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["x-frame-options"], "DENY");
    let csp = headers[CONTENT_SECURITY_POLICY]
        .to_str()
        .expect("csp")
        .to_string();
    assert!(
        csp.contains("script-src 'self' 'nonce-")
            && csp.contains("frame-ancestors 'none'")
            && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    let html = unescape(&res.text().await.expect("body"));
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Welcome to Brightside Home Services"));
    assert!(html.contains("<main id=\"main\""), "main landmark");
    assert!(html.contains("href=\"#main\""), "skip link");
    assert!(
        html.contains("--brand:#0f766e"),
        "brand colours as CSS variables"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_are_compressed_with_brotli_or_gzip() {
    let app = spawn_app().await;
    for (accept, expected) in [("br, gzip", "br"), ("gzip", "gzip")] {
        let res = app
            .client
            .get(app.url("/sign-in"))
            .header(ACCEPT_ENCODING, accept)
            .send()
            .await
            .expect("GET");
        assert_eq!(res.headers()[CONTENT_ENCODING], expected);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_addresses_get_a_translated_404() {
    let app = spawn_app().await;
    let res = app.get("/no/such/page").await;
    assert_eq!(res.status(), 404);
    let html = res.text().await.expect("body");
    assert!(html.contains("Page not found"));
    let res = app
        .client
        .get(app.url("/nope"))
        .header(reqwest::header::ACCEPT_LANGUAGE, "es")
        .send()
        .await
        .expect("GET");
    assert_eq!(res.status(), 404);
    assert!(unescape(&res.text().await.expect("body")).contains("Página no encontrada"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_manifest_carries_the_business_brand_and_language() {
    let app = spawn_app().await;
    let res = app
        .client
        .get(app.url("/manifest.webmanifest"))
        .header(reqwest::header::ACCEPT_LANGUAGE, "fr")
        .send()
        .await
        .expect("GET");
    assert_eq!(res.headers()[CONTENT_TYPE], "application/manifest+json");
    let manifest: serde_json::Value = res.json().await.expect("json");
    assert_eq!(manifest["name"], "Brightside Home Services");
    assert_eq!(manifest["theme_color"], "#0f766e");
    assert_eq!(manifest["lang"], "fr");
    assert_eq!(manifest["display"], "standalone");
    assert!(manifest["icons"].as_array().is_some_and(|i| i.len() >= 3));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_service_worker_precaches_the_assets_and_the_offline_page() {
    let app = spawn_app().await;
    let res = app.get("/sw.js").await;
    assert!(
        res.headers()[CONTENT_TYPE]
            .to_str()
            .expect("type")
            .starts_with("text/javascript")
    );
    let js = res.text().await.expect("body");
    assert!(
        js.contains("\"/offline\"") && js.contains("/pkg/doorstep.wasm"),
        "{js}"
    );
    assert!(!js.contains("__PRECACHE__") && !js.contains("__VERSION__"));
    let offline = app.get_html("/offline").await;
    assert!(offline.contains("You are offline"));
}

/// The nonce of a page's Content-Security-Policy.
fn csp_nonce(res: &reqwest::Response) -> String {
    let csp = res.headers()[CONTENT_SECURITY_POLICY]
        .to_str()
        .expect("csp")
        .to_string();
    let start = csp.find("'nonce-").expect("a nonce") + "'nonce-".len();
    let end = csp[start..].find('\'').expect("closing quote") + start;
    csp[start..end].to_string()
}

/// Every inline `<script>` (one without `src`) and every `<style>` opening tag.
fn inline_tags(html: &str) -> Vec<&str> {
    let mut tags = Vec::new();
    for opener in ["<script", "<style"] {
        let mut rest = html;
        while let Some(at) = rest.find(opener) {
            let tail = &rest[at..];
            let end = tail.find('>').unwrap_or(tail.len());
            let tag = &tail[..end];
            if !tag.contains(" src=") {
                tags.push(tag);
            }
            rest = &tail[end..];
        }
    }
    tags
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_inline_script_and_style_carries_this_responses_nonce() {
    let app = crate::helpers::spawn_app().await;
    let mut nonces = std::collections::HashSet::new();
    for who in [
        None,
        Some("ana@example.com"),
        Some("dispatch@example.com"),
        Some("tomas@example.com"),
    ] {
        let browser = app.other_browser();
        if let Some(email) = who {
            browser.sign_in(email).await;
        }
        for path in ["/", "/sign-in", "/offline", "/missing"] {
            let res = browser.client.get(app.url(path)).send().await.expect("GET");
            let nonce = csp_nonce(&res);
            assert!(nonce.len() >= 16, "{nonce}");
            assert!(nonces.insert(nonce.clone()), "a nonce is never sent twice");
            let html = res.text().await.expect("body");
            let tags = inline_tags(&html);
            assert!(!tags.is_empty(), "{who:?} {path}: inline scripts expected");
            for tag in tags {
                assert!(
                    tag.contains(&format!("nonce=\"{nonce}\"")),
                    "{who:?} {path}: {tag} lacks the nonce"
                );
            }
        }
    }
}
