//! The office's set-up pages.

mod board;
mod rules;
mod services;
mod staff;
mod technicians;
mod trail;

pub use board::BoardPage;
pub use rules::RulesPage;
pub use services::{ServiceEditPage, ServicesPage};
pub use staff::StaffPage;
pub use technicians::{TechnicianPage, TechniciansPage};
pub use trail::TrailPage;
