//! The job on the day: the technician's list of today's jobs, and taking a job's next step
//! (on my way, arrived, start, complete). The form lands back where it was: the day or the
//! visit's page.

use crate::error::ApiError;
use doorstep::dto::DayJob;
use leptos::prelude::*;

/// The signed-in technician's jobs of today (the business's day), in order.
#[server(endpoint = "technician-day")]
pub async fn get_technician_day() -> Result<Vec<DayJob>, ApiError> {
    use crate::api::support::{info, internal, state};
    use doorstep::services::job_steps::{self, StepError};
    let user = info().user.ok_or(ApiError::Unauthenticated)?;
    let state = state()?;
    let tz = state.business().time_zone.zone();
    job_steps::day(&state.store, &user, &tz, jiff::Timestamp::now())
        .await
        .map_err(|e| match e {
            StepError::NotFound => ApiError::Forbidden,
            other => internal("reading the technician's day failed", other),
        })
}

/// `visit`: its reference; `step`: `on_my_way`, `arrived`, `start` or `complete`; `back`:
/// `today` to land on the technician's day, else the visit's page.
#[server(endpoint = "advance-visit")]
pub async fn advance_visit(
    visit: String,
    step: String,
    #[server(default)] back: Option<String>,
) -> Result<(), ApiError> {
    use crate::api::support::{info, internal, state};
    use doorstep::ids::VisitRef;
    use doorstep::services::job_steps::{self, Step, StepError};
    let user = info().user.ok_or(ApiError::Unauthenticated)?;
    let visit = VisitRef::parse(&visit).ok_or(ApiError::NotFound)?;
    let step = Step::parse(&step).ok_or(ApiError::BadRequest)?;
    let state = state()?;
    let tz = state.business().time_zone.zone();
    job_steps::advance(&state.store, &user, visit, step, &tz, &info().origin)
        .await
        .map_err(|e| match e {
            StepError::NotFound => ApiError::NotFound,
            StepError::NotNow => ApiError::StepOutOfOrder,
            other => internal("a job step failed", other),
        })?;
    let back = if back.as_deref() == Some("today") {
        format!("/today#{visit}")
    } else {
        format!("/visits/{visit}")
    };
    leptos_axum::redirect(&back);
    Ok(())
}

/// Whether the phone keeps sharing after a position was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SharingState {
    /// False once the position was at the place (the arrival is recorded).
    pub keep_sharing: bool,
}

/// The phone of the job's technician, on the way, says where it is: `latitude` and
/// `longitude` in degrees (WGS 84), `accuracy` in metres when it knows.
#[server(endpoint = "share-position")]
pub async fn share_position(
    visit: String,
    latitude: String,
    longitude: String,
    #[server(default)] accuracy: Option<String>,
) -> Result<SharingState, ApiError> {
    use crate::api::support::{info, internal, state};
    use doorstep::ids::VisitRef;
    use doorstep::services::positions::{self, PositionError, Reported, Shared};
    let user = info().user.ok_or(ApiError::Unauthenticated)?;
    let visit = VisitRef::parse(&visit).ok_or(ApiError::NotFound)?;
    let reported =
        Reported::parse(&latitude, &longitude, accuracy.as_deref()).ok_or(ApiError::BadRequest)?;
    let state = state()?;
    let tz = state.business().time_zone.zone();
    let shared = positions::share(
        &state.store,
        &user,
        visit,
        reported,
        state.positions,
        &tz,
        &info().origin,
    )
    .await
    .map_err(|e| match e {
        PositionError::NotFound => ApiError::NotFound,
        PositionError::NotNow => ApiError::NotSharing,
        PositionError::Store(e) => internal("taking a position failed", e),
    })?;
    Ok(SharingState {
        keep_sharing: shared == Shared::Sharing,
    })
}
