//! The HTTP stack: routes, and the middleware every response passes through.

mod headers;
mod health;
mod origin;
pub mod page_cache;
mod pwa;
mod session;
pub mod static_files;

use crate::assets::Assets;
use app::state::AppState;
use app::{App, shell};
use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::response::IntoResponse;
use axum::routing::get;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower_http::CompressionLevel;
use tower_http::compression::CompressionLayer;

/// Everything a handler may need.
#[derive(Clone)]
pub struct ServerState {
    pub leptos: LeptosOptions,
    /// The public URL's origin (`https://portal.example.com`), for the same-origin check.
    pub public_origin: std::sync::Arc<str>,
    pub app: AppState,
    pub assets: std::sync::Arc<Assets>,
    /// Rendered pages kept for repeated visits; `None` when turned off.
    pub page_cache: Option<std::sync::Arc<page_cache::PageCache>>,
}

impl axum::extract::FromRef<ServerState> for LeptosOptions {
    fn from_ref(state: &ServerState) -> Self {
        state.leptos.clone()
    }
}

/// The whole application as one axum router. Server functions are routed by
/// `leptos_routes_with_context` itself, at `/api/<endpoint>`.
pub fn router(state: ServerState) -> Router {
    let routes = generate_route_list(App);
    // Shared, not copied: the handlers (and what they capture) are cloned for every request.
    let page_assets = std::sync::Arc::new(crate::assets::page_assets(&state.leptos, &state.assets));
    let context = {
        let app = state.app.clone();
        move || {
            provide_context(app.clone());
            provide_context(page_assets.clone());
        }
    };
    let mut pages = Router::new()
        .route("/manifest.webmanifest", get(pwa::manifest))
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = state.leptos.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            ServerState,
            _,
        >(context, shell));
    if let Some(cache) = &state.page_cache {
        // Inside `session::resolve`: it needs to know who asks, in which language.
        pages = pages.layer(axum::middleware::from_fn_with_state(
            page_cache::PageCacheState {
                cache: cache.clone(),
                store: state.app.store.clone(),
            },
            page_cache::serve,
        ));
    }
    let pages = pages
        .layer(axum::middleware::from_fn_with_state(
            state.app.clone(),
            session::resolve,
        ))
        .layer(axum::middleware::from_fn(api_status))
        .layer(axum::middleware::from_fn_with_state(
            state.public_origin.clone(),
            origin::same_origin,
        ));

    Router::new()
        .route("/healthz", get(health::live))
        .route("/readyz", get(health::ready))
        .route("/sw.js", get(pwa::service_worker))
        .merge(pages)
        .layer(axum::middleware::from_fn(headers::security_and_caching))
        // Pages are small and personal: compress them fast. Built assets arrive already
        // compressed (see static_files) and pass through untouched.
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(2)))
        .with_state(state)
}

/// Errors raised by the server-function machinery itself (an undecodable or incomplete
/// body) arrive as status 500 with our error JSON; give them the status the error means.
async fn api_status(req: Request<Body>, next: axum::middleware::Next) -> axum::response::Response {
    let is_api = req.uri().path().starts_with("/api/");
    let res = next.run(req).await;
    if !is_api || res.status() != axum::http::StatusCode::INTERNAL_SERVER_ERROR {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Ok(error) = serde_json::from_slice::<app::error::ApiError>(&bytes)
        && let Ok(status) = axum::http::StatusCode::from_u16(error.status())
    {
        parts.status = status;
    }
    axum::response::Response::from_parts(parts, Body::from(bytes))
}
