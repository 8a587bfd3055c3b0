//! What the office sets up: the booking rules (and, next, services and technicians).

mod booking_rules;
mod services;

pub use booking_rules::*;
pub use services::*;
