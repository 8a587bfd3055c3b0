//! Visits: their pages and what changes them.

mod change_visit;
mod completion;
mod get_visit;
mod job_steps;

pub use change_visit::*;
pub use completion::*;
pub use get_visit::*;
pub use job_steps::*;
