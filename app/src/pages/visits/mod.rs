//! A visit's page and what can be done there.

mod actions;
mod completion;
mod page;
mod today;

pub use completion::ServiceReportPage;
pub use page::VisitPage;
pub(crate) use page::expected_line;
pub use today::TodayPage;
pub(crate) use today::step_form;
