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
        csp.contains("script-src 'self' 'sha256-")
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
