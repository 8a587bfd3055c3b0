//! The dispatcher's board: read a day, move a visit, arrange a regular visit's flagged day,
//! block a technician's time.

use crate::error::ApiError;
use doorstep::dto::board::Board;
use leptos::prelude::*;

/// `day`: `2026-12-08`; today when empty.
#[server(endpoint = "board")]
pub async fn get_board(#[server(default)] day: Option<String>) -> Result<Board, ApiError> {
    let (by, state) = imp::office()?;
    let day = imp::day(day.as_deref().unwrap_or(""), "day", &[])?;
    doorstep::services::board::day(&state.store, &state.business(), &by, day)
        .await
        .map_err(|e| imp::failed(e, crate::error::Echo::new()))
}

/// Moves `visit` to `technician` (references), starting at `time` (`09:30`) on `day`.
#[server(endpoint = "move-visit")]
pub async fn move_visit(
    visit: String,
    #[server(default)] technician: Option<String>,
    #[server(default)] day: Option<String>,
    #[server(default)] time: Option<String>,
) -> Result<(), ApiError> {
    let (technician, day, time) = (
        technician.unwrap_or_default(),
        day.unwrap_or_default(),
        time.unwrap_or_default(),
    );
    imp::move_visit(visit, technician, day, time).await
}

/// Arranges `plan`'s flagged `day` with `technician` (references) at `time` (`09:30`).
#[server(endpoint = "place-flagged")]
pub async fn place_flagged(
    plan: String,
    day: String,
    #[server(default)] technician: Option<String>,
    #[server(default)] time: Option<String>,
) -> Result<(), ApiError> {
    imp::place_flagged(
        plan,
        day,
        technician.unwrap_or_default(),
        time.unwrap_or_default(),
    )
    .await
}

/// Blocks `technician`'s time on `day` from `from` to `until` (`13:00`), with a `reason`.
#[server(endpoint = "block-time")]
pub async fn block_time(
    technician: String,
    #[server(default)] day: Option<String>,
    #[server(default)] from: Option<String>,
    #[server(default)] until: Option<String>,
    #[server(default)] reason: Option<String>,
) -> Result<(), ApiError> {
    imp::block(
        technician,
        day.unwrap_or_default(),
        from.unwrap_or_default(),
        until.unwrap_or_default(),
        reason.unwrap_or_default(),
    )
    .await
}

#[cfg(feature = "ssr")]
mod imp {
    use crate::api::support::{info, internal, require, state};
    use crate::error::{ApiError, Echo, echo};
    use crate::state::AppState;
    use doorstep::dto::SessionUser;
    use doorstep::error::FieldError;
    use doorstep::ids::{UserRef, VisitRef};
    use doorstep::permissions::Permission;
    use doorstep::services::board::{self, BoardError};
    use jiff::civil::Date;

    /// How far from today the board reaches, either way.
    const REACH_DAYS: i64 = 400;
    /// The longest reason for blocked time.
    const REASON_MAX: usize = 200;

    pub fn office() -> Result<(SessionUser, AppState), ApiError> {
        Ok((require(Permission::ManageScheduling)?, state()?))
    }

    fn today() -> Result<Date, ApiError> {
        Ok(jiff::Timestamp::now()
            .to_zoned(state()?.business().time_zone.zone())
            .date())
    }

    /// A day within reach; today when empty.
    pub fn day(raw: &str, field: &str, typed: &[(&str, &str)]) -> Result<Date, ApiError> {
        let today = today()?;
        let raw = raw.trim();
        if raw.is_empty() {
            return Ok(today);
        }
        let refuse = |problem| ApiError::field(field, problem, echo(typed));
        let day: Date = raw.parse().map_err(|_| refuse(FieldError::InvalidDate))?;
        let reach = jiff::Span::new().days(REACH_DAYS);
        match (today.checked_sub(reach), today.checked_add(reach)) {
            (Ok(first), Ok(last)) if (first..=last).contains(&day) => Ok(day),
            _ => Err(refuse(FieldError::OutOfRange)),
        }
    }

    fn minute(raw: &str, field: &str, typed: &[(&str, &str)]) -> Result<u16, ApiError> {
        match raw.trim() {
            "" => Err(ApiError::field(field, FieldError::Required, echo(typed))),
            raw => doorstep::technicians::parse_time_of_day(raw)
                .filter(|m| *m < 24 * 60)
                .ok_or_else(|| ApiError::field(field, FieldError::InvalidTime, echo(typed))),
        }
    }

    pub fn failed(error: BoardError, keep: Echo) -> ApiError {
        match error {
            BoardError::NotFound => ApiError::NotFound,
            BoardError::Closed => ApiError::VisitClosed,
            BoardError::NotPlaced => ApiError::LocationNotPlaced,
            BoardError::Past => ApiError::field("time", FieldError::OutOfRange, keep),
            BoardError::OutOfRange => ApiError::field("day", FieldError::OutOfRange, keep),
            BoardError::DoesNotFit { could } => ApiError::DoesNotFit { could, echo: keep },
            BoardError::Store(e) => internal("the board could not be read or changed", e),
        }
    }

    pub async fn move_visit(
        visit: String,
        technician: String,
        day: String,
        time: String,
    ) -> Result<(), ApiError> {
        let (by, state) = office()?;
        let typed = [
            ("visit", visit.as_str()),
            ("technician", technician.as_str()),
            ("day", day.as_str()),
            ("time", time.as_str()),
        ];
        let visit = VisitRef::parse(&visit).ok_or(ApiError::NotFound)?;
        let technician = UserRef::parse(&technician)
            .ok_or_else(|| ApiError::field("technician", FieldError::Required, echo(&typed)))?;
        let date = day_required(&day, &typed)?;
        let business = state.business();
        let start = start_at(date, &time, &business, &typed)?;
        let moved = board::move_visit(
            &state.store,
            &business,
            &by,
            visit,
            technician,
            start,
            &info().origin,
        )
        .await
        .map_err(|e| failed(e, echo(&typed)))?;
        leptos_axum::redirect(&format!(
            "/office/board?day={date}&moved={}&travel={}&gap={}",
            moved.visit, moved.added_travel_min, moved.gap_left_min
        ));
        Ok(())
    }

    /// `time` on `date` in the business's zone.
    fn start_at(
        date: Date,
        time: &str,
        business: &doorstep::brand::Business,
        typed: &[(&str, &str)],
    ) -> Result<jiff::Timestamp, ApiError> {
        let minute = minute(time, "time", typed)?;
        date.to_zoned(business.time_zone.zone())
            .ok()
            .and_then(|midnight| {
                midnight
                    .checked_add(jiff::SignedDuration::from_mins(i64::from(minute)))
                    .ok()
            })
            .map(|z| z.timestamp())
            .ok_or_else(|| ApiError::field("time", FieldError::OutOfRange, echo(typed)))
    }

    pub async fn place_flagged(
        plan: String,
        day: String,
        technician: String,
        time: String,
    ) -> Result<(), ApiError> {
        let (by, state) = office()?;
        let typed = [
            ("plan", plan.as_str()),
            ("day", day.as_str()),
            ("technician", technician.as_str()),
            ("time", time.as_str()),
        ];
        let plan = doorstep::ids::PlanRef::parse(&plan).ok_or(ApiError::NotFound)?;
        let technician = UserRef::parse(&technician)
            .ok_or_else(|| ApiError::field("technician", FieldError::Required, echo(&typed)))?;
        let date = day_required(&day, &typed)?;
        let business = state.business();
        let start = start_at(date, &time, &business, &typed)?;
        let placed = board::place_flagged(
            &state.store,
            &business,
            &by,
            (plan, date),
            technician,
            start,
            &info().origin,
        )
        .await
        .map_err(|e| failed(e, echo(&typed)))?;
        leptos_axum::redirect(&format!(
            "/office/board?day={date}&placed={}&travel={}&gap={}",
            placed.visit, placed.added_travel_min, placed.gap_left_min
        ));
        Ok(())
    }

    fn day_required(raw: &str, typed: &[(&str, &str)]) -> Result<Date, ApiError> {
        if raw.trim().is_empty() {
            return Err(ApiError::field("day", FieldError::Required, echo(typed)));
        }
        day(raw, "day", typed)
    }

    pub async fn block(
        technician: String,
        day: String,
        from: String,
        until: String,
        reason: String,
    ) -> Result<(), ApiError> {
        let (by, state) = office()?;
        let typed = [
            ("technician", technician.as_str()),
            ("day", day.as_str()),
            ("from", from.as_str()),
            ("until", until.as_str()),
            ("reason", reason.as_str()),
        ];
        let user = UserRef::parse(&technician).ok_or(ApiError::NotFound)?;
        let date = day_required(&day, &typed)?;
        let (start, end) = (
            minute(&from, "from", &typed)?,
            minute(&until, "until", &typed)?,
        );
        if end <= start {
            return Err(ApiError::field(
                "until",
                FieldError::EndsBeforeStart,
                echo(&typed),
            ));
        }
        let reason = reason.trim();
        if reason.chars().count() > REASON_MAX {
            return Err(ApiError::field(
                "reason",
                FieldError::TooLong { max: REASON_MAX },
                echo(&typed),
            ));
        }
        let at = |m: u16| {
            date.to_datetime(jiff::civil::Time::midnight())
                .checked_add(jiff::Span::new().minutes(i64::from(m)))
                .map_err(|_| ApiError::field("from", FieldError::OutOfRange, echo(&typed)))
        };
        let draft = doorstep::technicians::TimeOffDraft {
            starts: at(start)?,
            ends: at(end)?,
            reason: (!reason.is_empty()).then(|| reason.to_string()),
        };
        let tz = state.business().time_zone.zone();
        let (_, clashes) = doorstep::services::technicians::add_time_off(
            &state.store,
            &by,
            user,
            &draft,
            &tz,
            &info().origin,
        )
        .await
        .map_err(|e| match e {
            doorstep::services::technicians::TechnicianError::NotFound => ApiError::NotFound,
            doorstep::services::technicians::TechnicianError::OutOfRange => {
                ApiError::field("from", FieldError::OutOfRange, echo(&typed))
            }
            other => internal("blocking time failed", other),
        })?;
        leptos_axum::redirect(&format!(
            "/office/board?day={date}&blocked={user}&clashes={clashes}"
        ));
        Ok(())
    }
}
