//! `/sign-in`: email and password. Works as a plain form; the island adds a show-password
//! toggle and an early hint for a malformed email.

use crate::api::auth::SignIn;
use crate::components::alert::{ErrorAlert, error_message};
use crate::components::layout::Page;
use crate::i18n::t;
use crate::islands::sign_in_fields::{SignInFields, SignInTexts};
use crate::request;
use leptos::prelude::*;

#[component]
pub fn SignInPage() -> impl IntoView {
    if request::current().user.is_some() {
        // Already signed in: nothing to do here.
        #[cfg(feature = "ssr")]
        leptos_axum::redirect("/");
    }
    let action = ServerAction::<SignIn>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let email = error
        .as_ref()
        .and_then(|e| e.echo("email"))
        .unwrap_or_default()
        .to_string();
    let field_message = |name: &str| {
        error
            .as_ref()
            .filter(|e| e.field_name() == Some(name))
            .map(error_message)
    };
    let email_error = field_message("email");
    let password_error = field_message("password");
    let general = error.clone().filter(|e| e.field_name().is_none());
    let texts = SignInTexts {
        email_label: t("sign-in-email"),
        password_label: t("sign-in-password"),
        show_password: t("sign-in-show-password"),
        hide_password: t("sign-in-hide-password"),
        invalid_email: t("field-invalid-email"),
    };
    view! {
        <Page title=t("sign-in-title")>
            <section class="panel narrow" aria-labelledby="sign-in-heading">
                <h1 id="sign-in-heading">{t("sign-in-title")}</h1>
                <p class="lead">{t("sign-in-lead")}</p>
                {general.map(|error| view! { <ErrorAlert error /> })}
                <ActionForm action=action>
                    <SignInFields email email_error password_error texts />
                    <button type="submit" class="button button-primary">{t("sign-in-submit")}</button>
                </ActionForm>
            </section>
        </Page>
    }
}
