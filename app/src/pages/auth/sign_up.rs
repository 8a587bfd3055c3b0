//! `/sign-up`: a newcomer opens their account (name, email, password, first address);
//! `/sign-up/sent`: "check your mail", with the link sent again on request; `/verify`: the
//! mailed link's page, whose button proves the email and signs in (a button rather than the
//! link itself, so a mail scanner opening links uses nothing up).

use crate::api::auth::{ResendVerification, SignUp, VerifyEmail};
use crate::components::alert::{ErrorAlert, field_message};
use crate::components::form::TextField;
use crate::components::layout::Page;
use crate::error::ApiError;
use crate::i18n::t;
use crate::islands::new_password::{NewPasswordField, NewPasswordTexts};
use crate::request;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SignUpPage() -> impl IntoView {
    if request::current().user.is_some() {
        #[cfg(feature = "ssr")]
        leptos_axum::redirect("/");
    }
    let body = if super::sign_up_open() {
        Either::Left(view! { <SignUpForm /> })
    } else {
        Either::Right(view! { <ErrorAlert error=ApiError::SignUpClosed /> })
    };
    view! {
        <Page title=t("sign-up-title")>
            <section class="panel narrow" aria-labelledby="sign-up-heading">
                <h1 id="sign-up-heading">{t("sign-up-title")}</h1>
                <p class="lead">{t("sign-up-lead")}</p>
                {body}
                <p class="meta">{t("sign-up-have-account")}" "<a href="/sign-in">{t("sign-in-title")}</a></p>
            </section>
        </Page>
    }
}

#[component]
fn SignUpForm() -> impl IntoView {
    let action = ServerAction::<SignUp>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let next = use_query_map()
        .get_untracked()
        .get("next")
        .and_then(|n| doorstep::sign_up::safe_next(&n))
        .unwrap_or_default();
    let value = |name: &str, default: String| match &error {
        Some(e) => e.echo(name).unwrap_or_default().to_string(),
        None => default,
    };
    let problem = |name: &str| {
        error
            .as_ref()
            .and_then(|e| e.problem_with(name))
            .map(field_message)
    };
    let field = |name: &'static str, label: &str, required: bool, autocomplete: &'static str| {
        view! {
            <TextField name=name.to_string() label=t(label) value=value(name, String::new())
                error=problem(name) required autocomplete />
        }
    };
    let name = field("name", "sign-up-name", true, "name");
    let email = view! {
        <TextField name="email".to_string() label=t("sign-up-email")
            value=value("email", String::new()) error=problem("email") required=true
            autocomplete="email" input_type="email" hint=t("sign-up-email-hint") />
    };
    let company = view! {
        <TextField name="company".to_string() label=t("sign-up-company")
            value=value("company", String::new()) error=problem("company")
            autocomplete="organization" hint=t("sign-up-company-hint") />
    };
    let label = view! {
        <TextField name="label".to_string() label=t("sign-up-place-name")
            value=value("label", t("sign-up-label-default")) error=problem("label") required=true
            hint=t("sign-up-label-hint") />
    };
    let line1 = field("line1", "location-line1", true, "address-line1");
    let line2 = field("line2", "location-line2", false, "address-line2");
    let postal_code = field("postal_code", "location-postal-code", true, "postal-code");
    let city = field("city", "location-city", true, "address-level2");
    let country = view! {
        <TextField name="country".to_string() label=t("location-country")
            value=value("country", String::new()) error=problem("country") required=true
            autocomplete="country" hint=t("location-country-hint") />
    };
    let password_problem = problem("password");
    let texts = NewPasswordTexts {
        label: t("sign-up-password"),
        rules: t("sign-up-password-rules"),
        show: t("sign-in-show-password"),
        hide: t("sign-in-hide-password"),
        accepted: t("sign-up-password-good"),
    };
    view! {
        {error.clone().map(|error| view! { <ErrorAlert error /> })}
        <ActionForm action=action attr:class="stack">
            <input type="hidden" name="next" value=next />
            {name}
            {email}
            <NewPasswordField name="fields[password]".to_string() error=password_problem texts />
            {company}
            <fieldset>
                <legend>{t("sign-up-address")}</legend>
                <p class="hint">{t("sign-up-address-hint")}</p>
                {label}
                {line1}
                {line2}
                {postal_code}
                {city}
                {country}
            </fieldset>
            <button type="submit" class="button button-primary">{t("sign-up-submit")}</button>
        </ActionForm>
    }
}

/// After signing up (or asking again): check your mail, or send the link again.
#[component]
pub fn SignUpSentPage() -> impl IntoView {
    let again = use_query_map().get_untracked().get("again").is_some();
    let action = ServerAction::<ResendVerification>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let email = error
        .as_ref()
        .and_then(|e| e.echo("email"))
        .unwrap_or_default()
        .to_string();
    let problem = error
        .as_ref()
        .and_then(|e| e.problem_with("email"))
        .map(field_message);
    let general = error.clone().filter(|e| e.field_name().is_none());
    view! {
        <Page title=t("sign-up-sent-title")>
            <section class="panel narrow" aria-labelledby="sent-heading">
                <h1 id="sent-heading">{t("sign-up-sent-title")}</h1>
                <div class="alert alert-success" role="status">
                    <p>{t(if again { "sign-up-sent-again" } else { "sign-up-sent" })}</p>
                </div>
                <p>{t("sign-up-sent-detail")}</p>
                <h2>{t("sign-up-resend-heading")}</h2>
                {general.map(|error| view! { <ErrorAlert error /> })}
                <ActionForm action=action attr:class="stack">
                    <TextField name="email".to_string() label=t("sign-up-email") value=email
                        error=problem required=true autocomplete="email" input_type="email"
                        flat=true />
                    <button type="submit" class="button">{t("sign-up-resend")}</button>
                </ActionForm>
            </section>
        </Page>
    }
}

/// The mailed link: says whether it is still good, and proves the email on a press.
#[component]
pub fn VerifyPage() -> impl IntoView {
    let token = use_query_map()
        .get_untracked()
        .get("token")
        .unwrap_or_default();
    let action = ServerAction::<VerifyEmail>::new();
    let posted = action.value().get_untracked().and_then(Result::err);
    view! {
        <Page title=t("verify-title")>
            <section class="panel narrow" aria-labelledby="verify-heading">
                <h1 id="verify-heading">{t("verify-title")}</h1>
                <Suspense fallback=crate::pages::loading>
                    {Suspend::new(async move {
                        let problem = match posted {
                            Some(error) => Some(error),
                            None => check_link(token.clone()).await.err(),
                        };
                        super::link_outcome(
                            problem,
                            view! {
                                <p>{t("verify-lead")}</p>
                                <ActionForm action=action>
                                    <input type="hidden" name="token" value=token />
                                    <button type="submit" class="button button-primary">{t("verify-submit")}</button>
                                </ActionForm>
                            },
                            "/sign-up/sent",
                            t("verify-new-link"),
                        )
                    })}
                </Suspense>
            </section>
        </Page>
    }
}

/// Whether the link is still good to use, read on the server (the page works without wasm).
async fn check_link(token: String) -> Result<(), ApiError> {
    #[cfg(feature = "ssr")]
    {
        use doorstep::services::links::LinkError;
        let state = crate::api::support::state()?;
        match doorstep::services::sign_up::check(&state.store, token.trim()).await {
            Ok(()) => Ok(()),
            Err(LinkError::Unknown) => Err(ApiError::NotFound),
            Err(LinkError::Used) => Err(ApiError::LinkUsed),
            Err(LinkError::Expired) => Err(ApiError::LinkExpired),
            Err(e) => Err(crate::api::support::internal("checking a link failed", e)),
        }
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = token;
        Ok(())
    }
}
