//! Booking visits.

mod book_visit;
mod get_booking_calendar;
mod get_booking_options;

pub use book_visit::*;
pub use get_booking_calendar::*;
pub use get_booking_options::*;

/// "Just taken", with the nearest open windows offered instead and what was typed.
#[cfg(feature = "ssr")]
pub(crate) fn window_taken(
    alternatives: &[doorstep::scheduling::Window],
    echo: crate::error::Echo,
) -> crate::error::ApiError {
    crate::error::ApiError::WindowTaken {
        alternatives: alternatives
            .iter()
            .map(|w| doorstep::dto::WindowOffer {
                start: w.start.as_second(),
                end: w.end.as_second(),
            })
            .collect(),
        echo,
    }
}
