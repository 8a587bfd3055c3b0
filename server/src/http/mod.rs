//! The HTTP stack: routes, and the middleware every response passes through.

pub mod client_ip;
mod events;
mod export;
mod files;
mod headers;
mod health;
mod ics;
pub mod log;
mod origin;
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
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};

/// Everything a handler may need.
#[derive(Clone)]
pub struct ServerState {
    pub leptos: LeptosOptions,
    /// The public URL's origin (`https://portal.example.com`), for the same-origin check.
    pub public_origin: std::sync::Arc<str>,
    pub app: AppState,
    pub assets: std::sync::Arc<Assets>,
    /// Proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: std::sync::Arc<client_ip::TrustedProxies>,
    /// The background task worker of this instance.
    pub tasks: doorstep::services::tasks::Runner,
    /// This instance's follower of the events table, for the live stream.
    pub events: doorstep::services::events::Hub,
}

impl axum::extract::FromRef<ServerState> for LeptosOptions {
    fn from_ref(state: &ServerState) -> Self {
        state.leptos.clone()
    }
}

/// A route of our own, beside the pages of `App` and the server functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Own {
    Live,
    Ready,
    ServiceWorker,
    Manifest,
    VisitCalendar,
    Feed,
    Events,
    File,
    Thumb,
    Export,
}

/// Every route of our own, the one list the router is built from: the authorization test
/// (`tests/api/access.rs`) holds a row for each of these and for each page of `App`.
pub const OWN_ROUTES: [(&str, Own); 10] = [
    ("/healthz", Own::Live),
    ("/readyz", Own::Ready),
    ("/sw.js", Own::ServiceWorker),
    ("/manifest.webmanifest", Own::Manifest),
    ("/visits/{reference}/calendar.ics", Own::VisitCalendar),
    ("/feeds/{file}", Own::Feed),
    ("/events", Own::Events),
    ("/files/{token}", Own::File),
    ("/files/{token}/thumb", Own::Thumb),
    ("/account/export", Own::Export),
];

impl Own {
    fn handler(self) -> axum::routing::MethodRouter<ServerState> {
        match self {
            Self::Live => get(health::live),
            Self::Ready => get(health::ready),
            Self::ServiceWorker => get(pwa::service_worker),
            Self::Manifest => get(pwa::manifest),
            Self::VisitCalendar => get(ics::visit),
            Self::Feed => get(ics::feed),
            Self::Events => get(events::stream),
            Self::File => get(files::kept),
            Self::Thumb => get(files::thumb),
            Self::Export => axum::routing::post(export::account),
        }
    }

    /// Served before sessions and the same-origin check: probes and the service worker.
    fn bare(self) -> bool {
        matches!(self, Self::Live | Self::Ready | Self::ServiceWorker)
    }
}

/// The paths of the pages of `App` (`/visits/:reference`), for the authorization test.
pub fn page_paths() -> Vec<String> {
    generate_route_list(App)
        .iter()
        .map(|route| route.path().to_string())
        .collect()
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
            leptos::nonce::provide_nonce();
        }
    };
    let own = |bare: bool| {
        OWN_ROUTES
            .iter()
            .filter(move |(_, route)| route.bare() == bare)
            .fold(Router::new(), |router, (path, route)| {
                router.route(path, route.handler())
            })
    };
    let pages = own(false)
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = state.leptos.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            ServerState,
            _,
        >(context, shell))
        .layer(axum::middleware::from_fn(api_errors))
        .layer(axum::middleware::from_fn_with_state(
            state.app.uploads,
            uploads_guard,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.app.clone(),
            session::resolve,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.public_origin.clone(),
            origin::same_origin,
        ));

    let https = state.app.secure_cookies;
    own(true)
        .merge(pages)
        .layer(axum::middleware::from_fn_with_state(
            https,
            headers::security_and_caching,
        ))
        // After routing (so the log names the matched route), around everything else.
        .layer(axum::middleware::from_fn(log::log_request))
        .layer(axum::middleware::from_fn_with_state(
            state.trusted_proxies.clone(),
            client_ip::resolve,
        ))
        .layer(PropagateRequestIdLayer::new(log::REQUEST_ID))
        .layer(SetRequestIdLayer::new(log::REQUEST_ID, MakeRequestUuid))
        // Pages are small and personal: compress them fast. Built assets arrive already
        // compressed (see static_files) and pass through untouched.
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(2)))
        .with_state(state)
}

/// Server functions that take `multipart/form-data` (photos).
const MULTIPART_ENDPOINTS: [&str; 3] = [
    "/api/report-problem",
    "/api/complete-visit",
    "/api/save-technician-card",
];

/// Before a multipart server function reads its body: a body that is not multipart (which
/// the framework cannot read) is a bad request, and one announced larger than any form may
/// be is refused before a byte of it is read.
async fn uploads_guard(
    axum::extract::State(limits): axum::extract::State<doorstep::uploads::UploadLimits>,
    req: Request<Body>,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let guarded =
        MULTIPART_ENDPOINTS.contains(&req.uri().path()) && req.method() == axum::http::Method::POST;
    match guarded
        .then(|| upload_refusal(limits, req.headers()))
        .flatten()
    {
        Some(refused) => refused,
        None => next.run(req).await,
    }
}

fn upload_refusal(
    limits: doorstep::uploads::UploadLimits,
    headers: &axum::http::HeaderMap,
) -> Option<axum::response::Response> {
    use axum::http::{StatusCode, header};
    let value = |name| headers.get(name).and_then(|v| v.to_str().ok());
    let multipart = value(header::CONTENT_TYPE).is_some_and(|t| {
        let t = t.to_ascii_lowercase();
        t.starts_with("multipart/form-data") && t.contains("boundary=")
    });
    let length = value(header::CONTENT_LENGTH).and_then(|l| l.parse::<u64>().ok());
    let (status, error) = if !multipart {
        (StatusCode::BAD_REQUEST, app::error::ApiError::BadRequest)
    } else if length.is_some_and(|l| l > limits.max_body()) {
        let problem = doorstep::error::FieldError::PhotoTooBig {
            max_mb: limits.max_megabytes(),
        };
        (
            StatusCode::PAYLOAD_TOO_LARGE,
            app::error::ApiError::refused([("photos", problem)], Default::default()),
        )
    } else {
        return None;
    };
    let body = serde_json::to_vec(&error).unwrap_or_default();
    Some((status, [(header::CONTENT_TYPE, "application/json")], body).into_response())
}

/// The one place a server function's error becomes an HTTP status. Server functions
/// return `Err(ApiError)`, which the framework sends as status 500 with the error's JSON
/// (a form posted without JavaScript gets a redirect back instead, untouched here); this
/// gives the answer the status the error means, `Retry-After` when it says to wait, and
/// the translated message beside the code for clients that show it as it is.
async fn api_errors(req: Request<Body>, next: axum::middleware::Next) -> axum::response::Response {
    let is_api = req.uri().path().starts_with("/api/");
    let locale = req
        .extensions()
        .get::<app::request::RequestInfo>()
        .map(|info| info.locale)
        .unwrap_or_default();
    let res = next.run(req).await;
    if !is_api || res.status() != axum::http::StatusCode::INTERNAL_SERVER_ERROR {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let Ok(error) = serde_json::from_slice::<app::error::ApiError>(&bytes) else {
        return axum::response::Response::from_parts(parts, Body::from(bytes));
    };
    if let Ok(status) = axum::http::StatusCode::from_u16(error.status()) {
        parts.status = status;
    }
    if let app::error::ApiError::RateLimited {
        retry_after_secs, ..
    } = &error
    {
        parts.headers.insert(
            axum::http::header::RETRY_AFTER,
            axum::http::HeaderValue::from(*retry_after_secs),
        );
    }
    let message = app::components::alert::error_message_in(locale, &error);
    let mut json = serde_json::to_value(&error).unwrap_or_default();
    if let Some(fields) = json.as_object_mut() {
        fields.insert("message".into(), serde_json::Value::String(message));
    }
    let body = serde_json::to_vec(&json).unwrap_or_else(|_| bytes.to_vec());
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    axum::response::Response::from_parts(parts, Body::from(body))
}
