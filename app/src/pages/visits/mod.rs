//! A visit's page and what can be done there.

mod actions;
mod page;

pub use page::VisitPage;
