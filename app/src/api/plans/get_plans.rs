//! Reading plans: the caller's account's (every account's, for the office), one plan with
//! its days ahead, and what the form for a new plan offers.

use crate::error::ApiError;
use doorstep::dto::BookingOptions;
use doorstep::dto::plans::{PlanDetail, PlanSummary};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the form for a new plan needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanForm {
    /// The caller's locations and the services they may book.
    pub options: BookingOptions,
    /// Today in the business's calendar (`2026-12-05`): the earliest start.
    pub today: String,
    /// How wide the arrival window is, minutes.
    pub window_min: u16,
}

#[server(endpoint = "plans")]
pub async fn get_plans() -> Result<Vec<PlanSummary>, ApiError> {
    use crate::api::support::{info, state};
    let user = info().user.ok_or(ApiError::Unauthenticated)?;
    let state = state()?;
    doorstep::services::plan_views::list(&state.store, &state.business(), &user, info().locale)
        .await
        .map_err(|e| super::support::map(e, "plan", Default::default()))
}

/// `plan`: its reference (`PL-000001`).
#[server(endpoint = "plan")]
pub async fn get_plan(plan: String) -> Result<PlanDetail, ApiError> {
    use crate::api::support::{info, state};
    let user = info().user.ok_or(ApiError::Unauthenticated)?;
    let plan = super::support::plan_ref(&plan)?;
    let state = state()?;
    doorstep::services::plan_views::detail(
        &state.store,
        &state.business(),
        &user,
        plan,
        info().locale,
    )
    .await
    .map_err(|e| super::support::map(e, "plan", Default::default()))
}

#[server(endpoint = "plan-form")]
pub async fn get_plan_form() -> Result<PlanForm, ApiError> {
    use crate::api::support::{info, internal, require, state};
    use doorstep::permissions::Permission;
    use doorstep::services::offers::{OffersError, options};
    let user = require(Permission::BookVisits)?;
    let account = user.account.ok_or(ApiError::Forbidden)?;
    let state = state()?;
    let business = state.business();
    let mut options = options(
        &state.store,
        account,
        info().locale,
        business.default_locale,
    )
    .await
    .map_err(|e| match e {
        OffersError::NotFound => ApiError::NotFound,
        other => internal("plan form failed", other),
    })?;
    crate::api::support::bookable_only(&user, &mut options.locations);
    let rules = doorstep::services::rules::get(&state.store)
        .await
        .map_err(|e| internal("plan form failed", e))?;
    let today = jiff::Timestamp::now()
        .to_zoned(business.time_zone.zone())
        .date()
        .to_string();
    Ok(PlanForm {
        options,
        today,
        window_min: u16::try_from(rules.window_min).unwrap_or(120),
    })
}
