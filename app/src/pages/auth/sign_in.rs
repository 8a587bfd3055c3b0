//! `/sign-in`: email and password, or a sign-in link by mail (a second button of the same
//! form, posting the email elsewhere). Works as a plain form; the island adds a
//! show-password toggle and an early hint for a malformed email.

use crate::api::auth::{RequestSignInLink, ResendVerification, SignIn};
use crate::components::alert::{ErrorAlert, error_message};
use crate::components::layout::Page;
use crate::i18n::t;
use crate::islands::passkey::{Ceremony, PasskeyAction};
use crate::islands::sign_in_fields::{SignInFields, SignInTexts};
use crate::request;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SignInPage() -> impl IntoView {
    if request::current().user.is_some() {
        // Already signed in: nothing to do here.
        #[cfg(feature = "ssr")]
        leptos_axum::redirect("/");
    }
    let action = ServerAction::<SignIn>::new();
    let link = ServerAction::<RequestSignInLink>::new();
    // What came back from either button of the form.
    let error = action
        .value()
        .get_untracked()
        .and_then(Result::err)
        .or_else(|| link.value().get_untracked().and_then(Result::err));
    let query = use_query_map().get_untracked();
    let notice = match (query.get("link").as_deref(), query.get("email").as_deref()) {
        (Some("sent"), _) => Some(t("sign-in-link-sent")),
        (_, Some("changed")) => Some(t("email-changed-sign-in")),
        _ => None,
    };
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
    // Where to go once signed in: as asked by the page that sent the person here, or as
    // posted with a refused attempt.
    let next = error
        .as_ref()
        .and_then(|e| e.echo("next"))
        .map(str::to_string)
        .or_else(|| use_query_map().get_untracked().get("next"))
        .and_then(|n| doorstep::sign_up::safe_next(&n))
        .unwrap_or_default();
    let next_for_passkey = next.clone();
    let unverified = matches!(error, Some(crate::error::ApiError::EmailNotVerified { .. }));
    let resend_email = email.clone();
    let resend = unverified.then(move || {
        let action = ServerAction::<ResendVerification>::new();
        view! {
            <ActionForm action=action attr:class="stack">
                <input type="hidden" name="email" value=resend_email />
                <button type="submit" class="button">{t("sign-up-resend")}</button>
            </ActionForm>
        }
    });
    let sign_up_href = if next.is_empty() {
        "/sign-up".to_string()
    } else {
        format!("/sign-up?next={}", crate::pages::query_value(&next))
    };
    let sign_up = sign_up_open().then(|| {
        view! {
            <p class="meta">{t("sign-in-new-here")}" "<a href=sign_up_href>{t("sign-in-create-account")}</a></p>
        }
    });
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
                {notice.filter(|_| error.is_none()).map(|text| view! {
                    <crate::components::alert::DoneAlert text=text />
                })}
                {general.map(|error| view! { <ErrorAlert error /> })}
                {resend}
                <ActionForm action=action>
                    <input type="hidden" name="next" value=next />
                    <SignInFields email email_error password_error texts />
                    <button type="submit" class="button button-primary">{t("sign-in-submit")}</button>
                    <p class="hint" id="link-hint">{t("sign-in-link-hint")}</p>
                    // The same form's email, posted for a link instead (no password needed).
                    <button type="submit" class="button" formaction="/api/request-sign-in-link"
                        formnovalidate=true aria-describedby="link-hint">
                        {t("sign-in-link-submit")}
                    </button>
                </ActionForm>
                <p class="meta"><a href="/forgot-password">{t("sign-in-forgot")}</a></p>
                // A plain form: the browser follows the redirect to the provider.
                {passkeys_offered().then(|| {
                    let next = next_for_passkey.clone();
                    view! {
                        <PasskeyAction ceremony=Ceremony::SignIn label=t("passkeys-sign-in")
                            next texts=super::ceremony_texts(None) />
                    }
                })}
                {sso_offered().then(|| view! {
                    <form method="post" action="/api/start-sso" class="stack">
                        <button type="submit" class="button">{t("sso-submit")}</button>
                    </form>
                })}
                {sign_up}
            </section>
        </Page>
    }
}

/// Whether staff may sign in through the business's provider (its settings).
fn sso_offered() -> bool {
    #[cfg(feature = "ssr")]
    {
        use_context::<crate::state::AppState>().is_some_and(|state| state.sso.is_some())
    }
    #[cfg(not(feature = "ssr"))]
    {
        false
    }
}

/// Whether passkeys work here (the public URL names a host).
pub(crate) fn passkeys_offered() -> bool {
    #[cfg(feature = "ssr")]
    {
        use_context::<crate::state::AppState>().is_some_and(|state| state.passkeys.is_some())
    }
    #[cfg(not(feature = "ssr"))]
    {
        false
    }
}

/// Whether newcomers may open their own account (the business's setting).
pub(crate) fn sign_up_open() -> bool {
    #[cfg(feature = "ssr")]
    {
        use_context::<crate::state::AppState>().is_some_and(|state| state.sign_up)
    }
    #[cfg(not(feature = "ssr"))]
    {
        false
    }
}
