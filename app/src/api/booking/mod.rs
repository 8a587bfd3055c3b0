//! Booking visits.

mod book_visit;
mod get_booking_calendar;
mod get_booking_options;

pub use book_visit::*;
pub use get_booking_calendar::*;
pub use get_booking_options::*;
