//! Visits: their pages and what changes them.

mod change_visit;
mod get_visit;

pub use change_visit::*;
pub use get_visit::*;
