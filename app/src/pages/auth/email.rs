//! Changing one's sign-in email: the form on `/account`, and `/account/email`, the page of
//! the link mailed to the new address.

use crate::api::auth::{ChangeEmail, ConfirmEmail, check_email_link};
use crate::components::alert::{ErrorAlert, field_message};
use crate::components::form::TextField;
use crate::components::layout::Page;
use crate::i18n::{Arg, t, t_with};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The form on `/account`: the new address and the password again.
#[component]
pub fn EmailSection(current: String) -> impl IntoView {
    let action = ServerAction::<ChangeEmail>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let general = error.clone().filter(|e| e.field_name().is_none());
    let problem = |name: &str| {
        error
            .as_ref()
            .and_then(|e| e.problem_with(name))
            .map(field_message)
    };
    let (email_problem, password_problem) = (problem("email"), problem("password"));
    let typed = error
        .as_ref()
        .and_then(|e| e.echo("email"))
        .unwrap_or_default()
        .to_string();
    view! {
        <section class="panel stack" id="email" aria-labelledby="email-heading">
            <h2 id="email-heading">{t("email-change-heading")}</h2>
            <p class="hint">{t_with("email-change-lead", &[("email", Arg::Str(current))])}</p>
            {general.map(|error| view! { <ErrorAlert error /> })}
            <ActionForm action=action attr:class="stack">
                <TextField name="email".to_string() id="field-new-email".to_string()
                    label=t("email-change-new") value=typed error=email_problem
                    required=true autocomplete="email" input_type="email" flat=true />
                <div class="field">
                    <label for="field-email-password">{t("account-current-password")}</label>
                    <input type="password" id="field-email-password" name="password" required=true
                        autocomplete="current-password"
                        aria-invalid=password_problem.as_ref().map(|_| "true")
                        aria-describedby=password_problem.as_ref().map(|_| "email-password-error") />
                    {password_problem.map(|m| view! { <p class="field-error" id="email-password-error">{m}</p> })}
                </div>
                <button type="submit" class="button button-primary">{t("email-change-submit")}</button>
            </ActionForm>
        </section>
    }
}

/// The link mailed to the new address: one press moves the account to it.
#[component]
pub fn ConfirmEmailPage() -> impl IntoView {
    let token = use_query_map()
        .get_untracked()
        .get("token")
        .unwrap_or_default();
    let action = ServerAction::<ConfirmEmail>::new();
    let posted = action.value().get_untracked().and_then(Result::err);
    view! {
        <Page title=t("email-confirm-title")>
            <section class="panel narrow" aria-labelledby="email-confirm-heading">
                <h1 id="email-confirm-heading">{t("email-confirm-title")}</h1>
                <Suspense fallback=crate::pages::loading>
                    {Suspend::new(async move {
                        let (problem, new) = match posted {
                            Some(error) => (Some(error), String::new()),
                            None => match check_email_link(token.clone()).await {
                                Ok(new) => (None, new),
                                Err(error) => (Some(error), String::new()),
                            },
                        };
                        super::link_outcome(
                            problem,
                            view! {
                                <p>{t_with("email-confirm-lead", &[("email", Arg::Str(new))])}</p>
                                <ActionForm action=action>
                                    <input type="hidden" name="token" value=token />
                                    <button type="submit" class="button button-primary">{t("email-confirm-submit")}</button>
                                </ActionForm>
                            },
                            "/account#email",
                            t("email-change-heading"),
                        )
                    })}
                </Suspense>
            </section>
        </Page>
    }
}
