//! A customer confirms a window the engine offered for one of their account's locations.

use crate::error::ApiError;
use doorstep::dto::BookedVisit;
use leptos::prelude::*;

/// `location` and `service`: their references (`LO-000001`, `SV-000001`); `window`: the
/// chosen window's start, in UTC seconds, as offered; `notes`: for the technician. On
/// success a form posted without JavaScript lands on the visit's page.
#[server(endpoint = "book-visit")]
pub async fn book_visit(
    location: String,
    service: String,
    window: String,
    #[server(default)] notes: Option<String>,
) -> Result<BookedVisit, ApiError> {
    imp::run(location, service, window, notes.unwrap_or_default()).await
}

/// The longest note a customer may leave for the technician.
pub const NOTES_MAX: usize = 1000;

#[cfg(feature = "ssr")]
mod imp {
    use super::NOTES_MAX;
    use crate::api::support::{info, internal, require, state};
    use crate::error::{ApiError, echo};
    use doorstep::dto::BookedVisit;
    use doorstep::error::FieldError;
    use doorstep::ids::{LocationRef, ServiceRef};
    use doorstep::permissions::{Capability, Permission};
    use doorstep::services::availability::{AvailabilityError, ServiceKey};
    use doorstep::services::booking::{BookingError, BookingRequest, book};
    use doorstep::services::mail::Recipient;
    use jiff::Timestamp;

    pub async fn run(
        location: String,
        service: String,
        window: String,
        notes: String,
    ) -> Result<BookedVisit, ApiError> {
        let user = require(Permission::BookVisits)?;
        // A malformed reference is answered like someone else's: not found.
        let location = LocationRef::parse(&location).ok_or(ApiError::NotFound)?;
        let account = crate::api::support::customer_at(&user, Capability::Book, location)?;
        let service = ServiceRef::parse(&service).ok_or(ApiError::NotFound)?;
        let keep = echo(&[("notes", &notes)]);
        let notes = notes.trim();
        if notes.chars().count() > NOTES_MAX {
            return Err(ApiError::field(
                "notes",
                FieldError::TooLong { max: NOTES_MAX },
                keep,
            ));
        }
        let notes = (!notes.is_empty()).then_some(notes);
        let window_start = window
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|s| Timestamp::from_second(s).ok())
            .ok_or_else(|| ApiError::field("window", FieldError::Required, keep.clone()))?;
        let state = state()?;
        let business = state.business();
        // Only what customers may book themselves: not a quote, not an office-only service.
        let offered =
            doorstep::services::catalogue::get(&state.store, service.id(), business.default_locale)
                .await
                .ok()
                .is_some_and(|row| doorstep::services::catalogue::customers_book(&row));
        if !offered {
            return Err(ApiError::NotFound);
        }
        let info = info();
        let booked = book(
            &state.store,
            &business,
            &BookingRequest {
                account,
                location,
                service: ServiceKey::Id(service.id()),
                window_start,
                notes,
                now: Timestamp::now(),
                by: &user,
                notify: Some(&Recipient::from(&user)),
                replaces: None,
                plan_day: None,
                for_request: None,
                origin: &info.origin,
            },
        )
        .await;
        match booked {
            Ok(visit) => {
                leptos_axum::redirect(&format!("/visits/{}?booked=1", visit.visit));
                Ok(BookedVisit {
                    visit: visit.visit,
                    window_start: visit.window.0.as_second(),
                    window_end: visit.window.1.as_second(),
                })
            }
            Err(BookingError::UnknownLocation)
            | Err(BookingError::Availability(AvailabilityError::UnknownService(_))) => {
                Err(ApiError::NotFound)
            }
            Err(BookingError::Availability(
                AvailabilityError::DateOutOfRange | AvailabilityError::TooManyDays,
            )) => Err(ApiError::field("window", FieldError::OutOfRange, keep)),
            Err(BookingError::NotPlaced) => Err(ApiError::LocationNotPlaced),
            Err(BookingError::JustTaken { alternatives }) => {
                Err(crate::api::booking::window_taken(&alternatives, keep))
            }
            Err(err) => Err(internal("booking failed", err)),
        }
    }
}
