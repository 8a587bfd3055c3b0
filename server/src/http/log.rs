//! One log line per request: method, matched route, status, latency, user, and the failure
//! with its whole cause chain when there was one. Everything logged while the request runs
//! carries its request id (the `request` span), which the response also returns in
//! `x-request-id`.

use app::request::RequestTrace;
use axum::extract::{MatchedPath, Request};
use axum::http::HeaderName;
use axum::middleware::Next;
use axum::response::Response;
use std::time::Instant;
use tracing::Instrument;

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Longest part of an unmatched path written to the log.
const PATH_MAX: usize = 120;

pub async fn log_request(mut req: Request, next: Next) -> Response {
    let started = Instant::now();
    let request_id = req
        .headers()
        .get(&REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_string();
    let method = req.method().clone();
    let route = match req.extensions().get::<MatchedPath>() {
        Some(matched) => matched.as_str().to_string(),
        None => req.uri().path().chars().take(PATH_MAX).collect(),
    };
    let trace = RequestTrace::default();
    req.extensions_mut().insert(trace.clone());
    let span = tracing::info_span!("request", id = %request_id);
    let res = next.run(req).instrument(span.clone()).await;
    let note = trace.read();
    let status = res.status().as_u16();
    let latency_ms = started.elapsed().as_secs_f64() * 1000.0;
    let user = note.user.as_deref().unwrap_or("-");
    let _entered = span.enter();
    match note.failure {
        Some(failure) => tracing::error!(
            %method, %route, status, latency_ms, user, %failure, "request failed"
        ),
        None if status >= 500 => {
            tracing::error!(%method, %route, status, latency_ms, user, "request failed")
        }
        None => tracing::info!(%method, %route, status, latency_ms, user, "request"),
    }
    res
}
