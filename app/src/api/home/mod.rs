//! What each role sees first.

mod get_customer_home;
mod get_staff_home;

pub use get_customer_home::*;
pub use get_staff_home::*;
