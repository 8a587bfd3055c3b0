//! What makes the portal installable: the web manifest (the business's name and colours,
//! in the visitor's language) and the service worker (precaches the hashed assets and the
//! offline page).

use super::ServerState;
use app::i18n::tr;
use app::request::RequestInfo;
use axum::Extension;
use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use serde_json::json;

pub async fn manifest(Extension(info): Extension<RequestInfo>) -> impl IntoResponse {
    let business = &info.business;
    let short: String = business.name.chars().take(12).collect();
    let body = json!({
        "name": business.name,
        "short_name": short.trim(),
        "description": tr(info.locale, "app-description", &[]),
        "lang": info.locale.code(),
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": business.primary.to_string(),
        "icons": [
            { "src": "/icons/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any" },
            { "src": "/icons/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any" },
            { "src": "/icons/maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable" },
            { "src": "/icons/icon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any" }
        ]
    });
    (
        [(CONTENT_TYPE, "application/manifest+json")],
        body.to_string(),
    )
}

const WORKER: &str = include_str!("sw.js");

pub async fn service_worker(State(state): State<ServerState>) -> impl IntoResponse {
    let pkg = format!("/{}", state.leptos.site_pkg_dir);
    let assets = &state.assets;
    let precache = json!([
        "/offline",
        format!("{pkg}/{}", assets.js),
        format!("{pkg}/{}", assets.wasm),
        format!("{pkg}/{}", assets.css),
        "/icons/icon.svg",
        "/icons/icon-192.png",
    ]);
    let body = WORKER
        .replace("__VERSION__", &assets.version())
        .replace("__PRECACHE__", &precache.to_string());
    ([(CONTENT_TYPE, "text/javascript; charset=utf-8")], body)
}
