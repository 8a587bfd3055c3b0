//! Booking visits.

mod book_visit;

pub use book_visit::*;
