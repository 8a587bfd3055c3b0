//! Signing up and in, passwords, and one's own account.

mod email;
mod members;
mod passkeys;
mod passwords;
pub(crate) mod sign_in;
mod sign_up;
mod sso;
mod trail;
mod two_step;

pub use email::ConfirmEmailPage;
pub use members::{JoinPage, PeoplePage};
pub use passkeys::PasskeysPage;
pub(crate) use passkeys::ceremony_texts;
pub use passwords::{AccountPage, ForgotPasswordPage, ResetPasswordPage, SignInLinkPage};
pub use sign_in::SignInPage;
pub(crate) use sign_in::sign_up_open;
pub use sign_up::{SignUpPage, SignUpSentPage, VerifyPage};
pub use sso::SsoReturnPage;
pub use trail::AccountTrailPage;
pub use two_step::{SecondStepPage, TwoStepPage};

/// A mailed link's page once its state is known: `form` when it is good to use, else why
/// not (with the page's status set to say so), and the way to a new one.
pub(crate) fn link_outcome(
    problem: Option<crate::error::ApiError>,
    form: impl leptos::IntoView + 'static,
    again_href: &'static str,
    again: String,
) -> impl leptos::IntoView {
    use leptos::either::Either;
    use leptos::prelude::*;
    match problem {
        None => Either::Left(form),
        Some(error) => {
            #[cfg(feature = "ssr")]
            crate::pages::set_status(&error);
            Either::Right(view! {
                <crate::components::alert::ErrorAlert error />
                <p><a class="button" href=again_href>{again}</a></p>
            })
        }
    }
}
