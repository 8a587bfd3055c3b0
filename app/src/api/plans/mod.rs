//! Recurring plans: the customer's regular visit. Read them, set one up, skip a day, pause,
//! resume, change the rhythm or the time, end one. Each write lands back on the plan's page.

mod edit_plan;
mod get_plans;

pub use edit_plan::*;
pub use get_plans::*;

/// The longest note a plan keeps for its visits (as a booking's).
pub const NOTES_MAX: usize = crate::api::booking::NOTES_MAX;

#[cfg(feature = "ssr")]
pub(crate) mod support {
    use crate::api::support::internal;
    use crate::error::{ApiError, Echo};
    use doorstep::error::FieldError;
    use doorstep::ids::PlanRef;
    use doorstep::services::plans::PlanError;

    /// A malformed reference is answered like someone else's plan: not found.
    pub fn plan_ref(raw: &str) -> Result<PlanRef, ApiError> {
        PlanRef::parse(raw).ok_or(ApiError::NotFound)
    }

    /// The service's error as the person is told it; `field` takes a day that is not one.
    pub fn map(err: PlanError, field: &str, keep: Echo) -> ApiError {
        match err {
            PlanError::NotFound => ApiError::NotFound,
            PlanError::Ended => ApiError::PlanEnded,
            PlanError::NotPlaced => ApiError::LocationNotPlaced,
            PlanError::NotADay => ApiError::field(field, FieldError::OutOfRange, keep),
            PlanError::TooLate { notice_hours } => ApiError::TooLate { notice_hours },
            other => internal("a plan could not be changed", other),
        }
    }
}
