//! A customer's locations: list them, read one, add or change one.

mod places;

pub use places::*;
