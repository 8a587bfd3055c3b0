//! The office's set-up pages.

mod rules;
mod services;

pub use rules::RulesPage;
pub use services::{ServiceEditPage, ServicesPage};
