//! Signing up, in and out.

mod email;
mod passkeys;
mod passwords;
mod sessions;
mod sign_in;
mod sign_out;
mod sign_up;
mod sso;
mod two_step;

pub use email::*;
pub use passkeys::*;
pub use passwords::*;
pub use sessions::*;
pub use sign_in::*;
pub use sign_out::*;
pub use sign_up::*;
pub use sso::*;
pub use two_step::*;
