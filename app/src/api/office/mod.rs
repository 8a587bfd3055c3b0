//! What the office sets up: the booking rules, the service catalogue and the technicians.

mod booking_rules;
mod services;
mod technicians;

pub use booking_rules::*;
pub use services::*;
pub use technicians::*;
