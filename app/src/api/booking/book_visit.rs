//! A customer confirms a window the engine offered for one of their account's locations.

use crate::error::ApiError;
use doorstep::dto::BookedVisit;
use leptos::prelude::*;

/// `location`: its reference (`LO-000001`); `window`: the chosen window's start, in UTC
/// seconds, as offered.
#[server(endpoint = "book-visit")]
pub async fn book_visit(
    location: String,
    service: String,
    window: String,
) -> Result<BookedVisit, ApiError> {
    imp::run(location, service, window).await
}

#[cfg(feature = "ssr")]
mod imp {
    use crate::api::support::{info, internal, require, state};
    use crate::error::{ApiError, Echo};
    use doorstep::dto::{BookedVisit, WindowOffer};
    use doorstep::error::FieldError;
    use doorstep::ids::LocationRef;
    use doorstep::permissions::Permission;
    use doorstep::services::availability::AvailabilityError;
    use doorstep::services::booking::{BookingError, BookingRequest, book};
    use jiff::Timestamp;

    pub async fn run(
        location: String,
        service: String,
        window: String,
    ) -> Result<BookedVisit, ApiError> {
        let user = require(Permission::BookVisits)?;
        let account = user.account.ok_or(ApiError::Forbidden)?;
        // A malformed reference is answered like someone else's: not found.
        let location = LocationRef::parse(&location).ok_or(ApiError::NotFound)?;
        let window_start = window
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|s| Timestamp::from_second(s).ok())
            .ok_or_else(|| ApiError::field("window", FieldError::OutOfRange, Echo::new()))?;
        let state = state()?;
        let business = state.business();
        let info = info();
        let booked = book(
            &state.store,
            &business,
            &BookingRequest {
                account,
                location,
                service_name: &service,
                window_start,
                now: Timestamp::now(),
                by: &user,
                origin: &info.origin,
            },
        )
        .await;
        match booked {
            Ok(visit) => Ok(BookedVisit {
                visit: visit.job_id,
                window_start: visit.window.0.as_second(),
                window_end: visit.window.1.as_second(),
            }),
            Err(BookingError::UnknownLocation)
            | Err(BookingError::Availability(AvailabilityError::UnknownService(_))) => {
                Err(ApiError::NotFound)
            }
            Err(BookingError::Availability(
                AvailabilityError::DateOutOfRange | AvailabilityError::TooManyDays,
            )) => Err(ApiError::field(
                "window",
                FieldError::OutOfRange,
                Echo::new(),
            )),
            Err(BookingError::JustTaken { alternatives }) => Err(ApiError::WindowTaken {
                alternatives: alternatives
                    .iter()
                    .map(|w| WindowOffer {
                        start: w.start.as_second(),
                        end: w.end.as_second(),
                    })
                    .collect(),
            }),
            Err(err) => Err(internal("booking failed", err)),
        }
    }
}
