//! A month of the booking calendar for one of the caller's locations and a service, with
//! one day's arrival windows; with `reschedule` (a visit's reference), for moving it.

use crate::error::ApiError;
use doorstep::dto::BookingCalendar;
use leptos::prelude::*;

/// `location`, `service`: references; `month`: `2026-11` (empty: the day's month, or this
/// one); `day`: `2026-11-24` (empty: the month's first day with windows).
#[server(endpoint = "booking-calendar")]
pub async fn get_booking_calendar(
    location: String,
    service: String,
    #[server(default)] month: Option<String>,
    #[server(default)] day: Option<String>,
    #[server(default)] reschedule: Option<String>,
) -> Result<BookingCalendar, ApiError> {
    imp::run(location, service, month, day, reschedule).await
}

#[cfg(feature = "ssr")]
mod imp {
    use crate::api::support::{internal, require, state};
    use crate::error::{ApiError, echo};
    use doorstep::dto::BookingCalendar;
    use doorstep::error::FieldError;
    use doorstep::ids::{LocationRef, ServiceRef, VisitRef};
    use doorstep::permissions::{Capability, Permission};
    use doorstep::services::clock;
    use doorstep::services::offers::{self, CalendarQuery, OffersError};
    use jiff::Timestamp;

    pub async fn run(
        location: String,
        service: String,
        month: Option<String>,
        day: Option<String>,
        reschedule: Option<String>,
    ) -> Result<BookingCalendar, ApiError> {
        let user = require(Permission::BookVisits)?;
        let location = LocationRef::parse(&location).ok_or(ApiError::NotFound)?;
        let account = crate::api::support::customer_at(&user, Capability::Book, location)?;
        let service = ServiceRef::parse(&service).ok_or(ApiError::NotFound)?;
        let rescheduling = match reschedule.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(raw) => Some(VisitRef::parse(raw).ok_or(ApiError::NotFound)?),
        };
        let month_raw = month.unwrap_or_default();
        let day_raw = day.unwrap_or_default();
        let bad = |field: &str| {
            let keep = echo(&[("month", &month_raw), ("day", &day_raw)]);
            ApiError::field(field, FieldError::OutOfRange, keep)
        };
        let month = match month_raw.trim() {
            "" => None,
            raw => Some(doorstep::dates::parse_month(raw).ok_or_else(|| bad("month"))?),
        };
        let day = match day_raw.trim() {
            "" => None,
            raw => Some(doorstep::dates::parse_day(raw).ok_or_else(|| bad("day"))?),
        };
        let state = state()?;
        let now = Timestamp::from_second(clock::now()).map_err(|e| internal("clock", e))?;
        let query = CalendarQuery {
            account,
            location,
            service,
            month,
            day,
            now,
            locale: crate::api::support::info().locale,
            default_locale: state.business().default_locale,
            rescheduling,
        };
        offers::calendar(&state.store, &state.business(), &query)
            .await
            .map_err(|e| match e {
                OffersError::NotFound => ApiError::NotFound,
                OffersError::NotPlaced => ApiError::LocationNotPlaced,
                OffersError::OutOfRange => bad(if month.is_some() { "month" } else { "day" }),
                other => internal("booking calendar failed", other),
            })
    }
}
