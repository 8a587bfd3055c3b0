//! The office's set-up pages.

mod rules;

pub use rules::RulesPage;
