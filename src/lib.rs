//! Doorstep's business: the domain types and rules every other crate shares.
//!
//! Without features this crate does no IO at all and builds for `wasm32-unknown-unknown`
//! (CI proves it), so the browser and the server agree on ids, money, locales and rights.
//! The `ssr` feature adds what needs a server: the store (sqlx) and the services, each of
//! which owns its transaction.

pub mod booking_rules;
pub mod brand;
pub mod catalogue;
pub mod completion;
pub mod conversations;
pub mod dates;
pub mod dto;
pub mod email;
pub mod error;
pub mod fields;
pub mod format;
pub mod ics;
pub mod ids;
pub mod locale;
pub mod money;
pub mod permissions;
pub mod places;
pub mod recurrence;
pub mod requests;
pub mod scheduling;
pub mod sign_up;
pub mod technicians;
pub mod uploads;
pub mod user_agent;

#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod secrets;
#[cfg(feature = "ssr")]
pub mod services;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod totp;
