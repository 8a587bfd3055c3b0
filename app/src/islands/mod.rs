//! Islands: the only parts of a page hydrated in the browser. Each is small, takes its texts
//! as props, and touches browser APIs only in effects and event handlers.

pub mod booking_calendar;
pub mod chat;
#[cfg(feature = "hydrate")]
pub mod leaflet;
pub mod live_map;
pub mod live_visit;
pub mod new_password;
#[cfg(feature = "hydrate")]
pub mod page_parts;
pub mod passkey;
pub mod pin_map;
pub mod share_position;
pub mod sign_in_fields;
pub mod signature_pad;
