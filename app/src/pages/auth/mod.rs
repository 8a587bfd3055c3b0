//! Signing up and in, passwords, and one's own account.

mod passwords;
pub(crate) mod sign_in;
mod sign_up;

pub use passwords::{AccountPage, ForgotPasswordPage, ResetPasswordPage, SignInLinkPage};
pub use sign_in::SignInPage;
pub(crate) use sign_in::sign_up_open;
pub use sign_up::{SignUpPage, SignUpSentPage, VerifyPage};
