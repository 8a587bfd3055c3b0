//! `/account/two-step`: setting up two-step sign-in with an authenticator app, recovery
//! codes, turning it off. `/sign-in/code`: the code after the password. Plain forms: all of
//! it works without JavaScript.

use crate::api::auth::{
    ConfirmTwoStep, NewRecoveryCodes, SecondStep, StartTwoStep, TurnOffTwoStep, get_two_step,
    second_step_ways, take_recovery_codes,
};
use crate::components::alert::{ErrorAlert, field_message};
use crate::components::layout::Page;
use crate::error::ApiError;
use crate::i18n::{Arg, t, t_with};
use crate::islands::passkey::{Ceremony, PasskeyAction};
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

fn problem(error: Option<&ApiError>, name: &str) -> Option<String> {
    error.and_then(|e| e.problem_with(name)).map(field_message)
}

/// The code field: six digits from the app, or a recovery code.
#[component]
fn CodeField(error: Option<String>) -> impl IntoView {
    let invalid = error.is_some();
    view! {
        <div class="field">
            <label for="field-code">{t("two-step-code")}</label>
            <input type="text" id="field-code" name="code" required=true autocomplete="one-time-code"
                inputmode="text" spellcheck="false" maxlength="40" class="code-input"
                aria-invalid=invalid.then_some("true")
                aria-describedby=if invalid { "code-error code-hint" } else { "code-hint" } />
            <p class="hint" id="code-hint">{t("two-step-code-hint")}</p>
            {error.map(|m| view! { <p class="field-error" id="code-error">{m}</p> })}
        </div>
    }
}

#[component]
fn PasswordField(id: &'static str, error: Option<String>) -> impl IntoView {
    let input = format!("field-{id}");
    let invalid = error.is_some();
    view! {
        <div class="field">
            <label for=input.clone()>{t("account-current-password")}</label>
            <input type="password" id=input name="password" required=true autocomplete="current-password"
                aria-invalid=invalid.then_some("true") />
            {error.map(|m| view! { <p class="field-error">{m}</p> })}
        </div>
    }
}

#[component]
pub fn TwoStepPage() -> impl IntoView {
    if crate::pages::signed_in().is_none() {
        return Either::Left(
            view! { <Page title=t("two-step-title")><p>{t("loading")}</p></Page> },
        );
    }
    let saved = use_query_map().get_untracked().get("saved");
    let start = ServerAction::<StartTwoStep>::new();
    let confirm = ServerAction::<ConfirmTwoStep>::new();
    let renew = ServerAction::<NewRecoveryCodes>::new();
    let off = ServerAction::<TurnOffTwoStep>::new();
    let confirm_error = confirm.value().get_untracked().and_then(Result::err);
    let renew_error = renew.value().get_untracked().and_then(Result::err);
    let off_error = off.value().get_untracked().and_then(Result::err);
    let start_error = start.value().get_untracked().and_then(Result::err);
    let general = [&confirm_error, &renew_error, &off_error, &start_error]
        .into_iter()
        .flatten()
        .find(|e| e.field_name().is_none())
        .cloned();
    let done = crate::components::alert::done_notice(saved, general.is_some(), |what| match what {
        "on" => "two-step-saved-on",
        "codes" => "two-step-saved-codes",
        _ => "two-step-saved-off",
    });
    let required = crate::request::current()
        .user
        .is_some_and(|u| u.must_enrol)
        .then(|| view! { <div class="alert alert-warning" role="alert"><p>{t("two-step-required")}</p></div> });
    Either::Right(view! {
        <Page title=t("two-step-title")>
            <h1>{t("two-step-title")}</h1>
            <p class="lead">{t("two-step-lead")}</p>
            {required}
            {done}
            {general.map(|error| view! { <ErrorAlert error /> })}
            <Suspense fallback=crate::pages::loading>
                {Suspend::new(async move {
                    let codes = take_recovery_codes().await.unwrap_or_default();
                    let view = match get_two_step().await {
                        Ok(view) => view,
                        Err(error) => return EitherOf3::A(view! { <ErrorAlert error /> }),
                    };
                    let shown = (!codes.is_empty()).then(|| {
                        let items = codes
                            .into_iter()
                            .map(|c| view! { <li><code>{c}</code></li> })
                            .collect_view();
                        view! {
                            <section class="panel stack" aria-labelledby="codes-heading">
                                <h2 id="codes-heading">{t("two-step-codes-heading")}</h2>
                                <p>{t("two-step-codes-hint")}</p>
                                <ul class="recovery-codes">{items}</ul>
                            </section>
                        }
                    });
                    if view.on {
                        let left = t_with("two-step-codes-left", &[("count", Arg::Num(view.codes_left))]);
                        EitherOf3::B(view! {
                            {shown}
                            <section class="panel stack" aria-labelledby="on-heading">
                                <h2 id="on-heading">{t("two-step-on")}</h2>
                                <p>{left}</p>
                                <ActionForm action=renew attr:class="stack">
                                    <PasswordField id="renew-password" error=problem(renew_error.as_ref(), "password") />
                                    <button type="submit" class="button">{t("two-step-new-codes")}</button>
                                </ActionForm>
                            </section>
                            <section class="panel stack" aria-labelledby="off-heading">
                                <h2 id="off-heading">{t("two-step-off-heading")}</h2>
                                <p class="hint">{t("two-step-off-hint")}</p>
                                <ActionForm action=off attr:class="stack">
                                    <PasswordField id="off-password" error=problem(off_error.as_ref(), "password") />
                                    <button type="submit" class="button button-danger">{t("two-step-off")}</button>
                                </ActionForm>
                            </section>
                        })
                    } else {
                        let body = match view.setting_up {
                            Some((secret, svg)) => Either::Left(view! {
                                <ol class="stack">
                                    <li>{t("two-step-scan")}</li>
                                </ol>
                                <div class="qr" role="img" aria-label=t("two-step-qr") inner_html=svg></div>
                                <p>{t("two-step-or-type")}</p>
                                <p><code class="secret" id="two-step-secret">{secret}</code></p>
                                <ActionForm action=confirm attr:class="stack">
                                    <CodeField error=problem(confirm_error.as_ref(), "code") />
                                    <button type="submit" class="button button-primary">{t("two-step-confirm")}</button>
                                </ActionForm>
                            }),
                            None => Either::Right(view! {
                                <p>{t("two-step-how")}</p>
                                <ActionForm action=start attr:class="stack">
                                    {view.needs_password.then(|| view! {
                                        <p class="hint">{t("two-step-password-again")}</p>
                                        <PasswordField id="start-password" error=problem(start_error.as_ref(), "password") />
                                    })}
                                    <button type="submit" class="button button-primary">{t("two-step-start")}</button>
                                </ActionForm>
                            }),
                        };
                        EitherOf3::C(view! {
                            <section class="panel stack" id="set-up" aria-labelledby="set-up-heading">
                                <h2 id="set-up-heading">{t("two-step-set-up")}</h2>
                                {body}
                            </section>
                        })
                    }
                })}
            </Suspense>
            <p><a href="/account">{t("two-step-back")}</a></p>
        </Page>
    })
}

/// The code after the password.
/// No sign-in waits for a code in this browser (never started, or gone): start again.
#[cfg(feature = "ssr")]
fn nothing_waits() -> Option<ApiError> {
    use crate::api::support::{SECOND_STEP_COOKIE, cookie};
    cookie(SECOND_STEP_COOKIE).is_none().then(|| {
        crate::pages::set_status(&ApiError::SignInAgain);
        ApiError::SignInAgain
    })
}

#[component]
pub fn SecondStepPage() -> impl IntoView {
    let next = use_query_map()
        .get_untracked()
        .get("next")
        .unwrap_or_default();
    let action = ServerAction::<SecondStep>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    #[cfg(feature = "ssr")]
    let error = error.or_else(nothing_waits);
    let general = error.clone().filter(|e| e.field_name().is_none());
    let again = general.is_some().then(|| {
        view! { <p><a class="button" href="/sign-in">{t("sign-in-title")}</a></p> }
    });
    view! {
        <Page title=t("second-step-title")>
            <section class="panel narrow" aria-labelledby="second-step-heading">
                <h1 id="second-step-heading">{t("second-step-title")}</h1>
                <p class="lead">{t("second-step-lead")}</p>
                {general.map(|error| view! { <ErrorAlert error /> })}
                {again}
                <Suspense fallback=crate::pages::loading>
                    {Suspend::new(async move {
                        // Without an answer (nothing waits): the code form, which says so.
                        let (code, passkey) = second_step_ways().await.unwrap_or((true, false));
                        let passkey = passkey.then(|| {
                            let next = next.clone();
                            view! {
                                <PasskeyAction ceremony=Ceremony::SecondStep label=t("passkeys-second-step")
                                    next texts=super::ceremony_texts(None) primary=true />
                            }
                        });
                        let code = code.then(|| view! {
                            <ActionForm action=action attr:class="stack">
                                <input type="hidden" name="next" value=next.clone() />
                                <CodeField error=problem(error.as_ref(), "code") />
                                <button type="submit" class="button button-primary">{t("second-step-submit")}</button>
                            </ActionForm>
                        });
                        view! { {passkey} {code} }
                    })}
                </Suspense>
            </section>
        </Page>
    }
}
