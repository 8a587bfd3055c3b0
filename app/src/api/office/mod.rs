//! What the office sets up (the booking rules, the service catalogue and the technicians)
//! and the board it runs the day from.

mod board;
mod booking_rules;
mod services;
mod staff;
mod technicians;

pub use board::*;
pub use booking_rules::*;
pub use services::*;
pub use staff::*;
pub use technicians::*;
