//! Visits: their pages and what changes them.

mod get_visit;

pub use get_visit::*;
