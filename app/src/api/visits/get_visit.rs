//! One visit's page, for the people who may see it; everyone else is told it does not exist.

use crate::error::ApiError;
use doorstep::dto::VisitDetail;
use leptos::prelude::*;

/// `visit`: its reference (`DS-000042`).
#[server(endpoint = "visit")]
pub async fn get_visit(visit: String) -> Result<VisitDetail, ApiError> {
    use crate::api::support::{info, internal, state};
    use doorstep::ids::VisitRef;
    use doorstep::services::visits::{VisitError, detail};
    let user = info().user.ok_or(ApiError::Unauthenticated)?;
    let visit = VisitRef::parse(&visit).ok_or(ApiError::NotFound)?;
    let state = state()?;
    let tz = state.business().time_zone.zone();
    detail(&state.store, &user, visit, &tz)
        .await
        .map_err(|e| match e {
            VisitError::NotFound => ApiError::NotFound,
            other => internal("visit failed", other),
        })
}
