//! One page per module, grouped by area.

pub mod auth;
pub mod booking;
pub mod feeds;
pub mod home;
pub mod locations;
pub mod not_found;
pub mod office;
pub mod offline;
pub mod requests;
pub mod visits;
