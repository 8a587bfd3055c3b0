//! A person's preferences.

mod set_locale;

pub use set_locale::*;
