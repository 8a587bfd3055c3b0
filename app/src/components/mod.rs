//! Server-rendered pieces shared by pages.

pub mod alert;
pub mod form;
pub mod layout;
pub mod trail;
