//! Server functions, one area per module, one use case per file. Each is thin: find out who
//! is asking, `require` what they need, call a `doorstep` service, map its error.

pub mod auth;
pub mod booking;
pub mod conversations;
pub mod feeds;
pub mod home;
pub mod locations;
pub mod members;
pub mod notifications;
pub mod office;
pub mod plans;
pub mod preferences;
pub mod requests;
pub mod trail;
pub mod visits;

#[cfg(feature = "ssr")]
pub(crate) mod support;
#[cfg(feature = "ssr")]
pub(crate) mod uploads;
