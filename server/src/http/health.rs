//! Liveness and readiness probes.

use super::ServerState;
use axum::extract::State;
use axum::http::StatusCode;

/// The process answers. Deliberately does nothing else: it is also the benchmark floor.
pub async fn live() -> &'static str {
    "ok"
}

/// The database answers too.
pub async fn ready(State(state): State<ServerState>) -> (StatusCode, &'static str) {
    match state.app.store.ping().await {
        Ok(()) => (StatusCode::OK, "ready"),
        Err(err) => {
            tracing::warn!(%err, "database not ready");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
