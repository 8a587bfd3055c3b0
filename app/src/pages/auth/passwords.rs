//! `/forgot-password`: ask for a link to choose a new password; `/reset-password`: the
//! mailed link's form; `/sign-in/link`: a mailed sign-in link's page; `/account`: the
//! signed-in person's own account (their password and where they are signed in).

use crate::api::auth::{
    ChangePassword, EndOtherSessions, EndSession, RequestPasswordReset, ResetPassword, SaveProfile,
    SignInWithLink, get_profile, get_sessions,
};
use crate::components::alert::{ErrorAlert, field_message};
use crate::components::form::TextField;
use crate::components::layout::Page;
use crate::error::ApiError;
use crate::i18n::{Arg, t, t_with};
use crate::islands::new_password::{NewPasswordField, NewPasswordTexts};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

fn new_password_texts(label: &str) -> NewPasswordTexts {
    NewPasswordTexts {
        label: t(label),
        rules: t("sign-up-password-rules"),
        show: t("sign-in-show-password"),
        hide: t("sign-in-hide-password"),
        accepted: t("sign-up-password-good"),
    }
}

fn problem(error: Option<&ApiError>, name: &str) -> Option<String> {
    error.and_then(|e| e.problem_with(name)).map(field_message)
}

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let sent = use_query_map().get_untracked().get("sent").is_some();
    let action = ServerAction::<RequestPasswordReset>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let email = error
        .as_ref()
        .and_then(|e| e.echo("email"))
        .unwrap_or_default()
        .to_string();
    let general = error.clone().filter(|e| e.field_name().is_none());
    let done = (sent && error.is_none()).then(|| {
        view! {
            <crate::components::alert::DoneAlert text=t("forgot-sent") />
        }
    });
    view! {
        <Page title=t("forgot-title")>
            <section class="panel narrow" aria-labelledby="forgot-heading">
                <h1 id="forgot-heading">{t("forgot-title")}</h1>
                <p class="lead">{t("forgot-lead")}</p>
                {done}
                {general.map(|error| view! { <ErrorAlert error /> })}
                <ActionForm action=action attr:class="stack">
                    <TextField name="email".to_string() label=t("sign-in-email") value=email
                        error=problem(error.as_ref(), "email") required=true autocomplete="email"
                        input_type="email" flat=true />
                    <button type="submit" class="button button-primary">{t("forgot-submit")}</button>
                </ActionForm>
                <p class="meta"><a href="/sign-in">{t("forgot-back")}</a></p>
            </section>
        </Page>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let token = use_query_map()
        .get_untracked()
        .get("token")
        .unwrap_or_default();
    let action = ServerAction::<ResetPassword>::new();
    let posted = action.value().get_untracked().and_then(Result::err);
    view! {
        <Page title=t("reset-title")>
            <section class="panel narrow" aria-labelledby="reset-heading">
                <h1 id="reset-heading">{t("reset-title")}</h1>
                <Suspense fallback=crate::pages::loading>
                    {Suspend::new(async move {
                        // A refused password keeps the form; a spent or unknown link ends it.
                        let field_error = posted.as_ref().and_then(|e| e.problem_with("password")).map(field_message);
                        let problem = match posted.clone().filter(|e| e.field_name().is_none()) {
                            Some(error) => Some(error),
                            None => check_link(token.clone()).await.err(),
                        };
                        super::link_outcome(
                            problem,
                            view! {
                                <p>{t("reset-lead")}</p>
                                <ActionForm action=action attr:class="stack">
                                    <input type="hidden" name="token" value=token />
                                    <NewPasswordField name="password".to_string() error=field_error
                                        texts=new_password_texts("reset-password") />
                                    <button type="submit" class="button button-primary">{t("reset-submit")}</button>
                                </ActionForm>
                            },
                            "/forgot-password",
                            t("verify-new-link"),
                        )
                    })}
                </Suspense>
            </section>
        </Page>
    }
}

/// A mailed sign-in link: one press signs in, in the browser that asked for it.
#[component]
pub fn SignInLinkPage() -> impl IntoView {
    let token = use_query_map()
        .get_untracked()
        .get("token")
        .unwrap_or_default();
    let action = ServerAction::<SignInWithLink>::new();
    let posted = action.value().get_untracked().and_then(Result::err);
    view! {
        <Page title=t("sign-in-link-title")>
            <section class="panel narrow" aria-labelledby="link-page-heading">
                <h1 id="link-page-heading">{t("sign-in-link-title")}</h1>
                <Suspense fallback=crate::pages::loading>
                    {Suspend::new(async move {
                        let problem = match posted {
                            Some(error) => Some(error),
                            None => check_sign_in_link(token.clone()).await.err(),
                        };
                        super::link_outcome(
                            problem,
                            view! {
                                <ActionForm action=action>
                                    <input type="hidden" name="token" value=token />
                                    <button type="submit" class="button button-primary">{t("sign-in-submit")}</button>
                                </ActionForm>
                            },
                            "/sign-in",
                            t("sign-in-title"),
                        )
                    })}
                </Suspense>
            </section>
        </Page>
    }
}

async fn check_sign_in_link(token: String) -> Result<(), ApiError> {
    #[cfg(feature = "ssr")]
    {
        let state = crate::api::support::state()?;
        doorstep::services::passwords::check_sign_in_link(&state.store, token.trim())
            .await
            .map_err(link_problem)
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = token;
        Ok(())
    }
}

/// A link that cannot be used, as the page says it.
#[cfg(feature = "ssr")]
fn link_problem(e: doorstep::services::passwords::PasswordError) -> ApiError {
    use doorstep::services::links::LinkError;
    use doorstep::services::passwords::PasswordError;
    match e {
        PasswordError::Link(LinkError::Used) => ApiError::LinkUsed,
        PasswordError::Link(LinkError::Expired) => ApiError::LinkExpired,
        PasswordError::Link(LinkError::Unknown) => ApiError::NotFound,
        e => crate::api::support::internal("checking a link failed", e),
    }
}

/// Whether the reset link is still good to use, read on the server.
async fn check_link(token: String) -> Result<(), ApiError> {
    #[cfg(feature = "ssr")]
    {
        let state = crate::api::support::state()?;
        doorstep::services::passwords::check_reset(&state.store, token.trim())
            .await
            .map(|_| ())
            .map_err(link_problem)
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = token;
        Ok(())
    }
}

/// The signed-in person's own account.
#[component]
pub fn AccountPage() -> impl IntoView {
    let Some(user) = crate::pages::signed_in() else {
        return Either::Left(view! { <Page title=t("account-title")><p>{t("loading")}</p></Page> });
    };
    let query = use_query_map().get_untracked();
    let saved = query.get("saved");
    let ended: i64 = query.get("ended").and_then(|n| n.parse().ok()).unwrap_or(0);
    let action = ServerAction::<ChangePassword>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let general = error.clone().filter(|e| e.field_name().is_none());
    let done = saved.filter(|_| error.is_none()).map(|what| {
        let text = match what.as_str() {
            "password-reset" => t("account-password-reset"),
            "profile" => t("profile-saved"),
            "email-sent" => t("email-change-sent"),
            "email" => t("email-changed"),
            "session" => t("account-session-ended"),
            "sessions" => t_with("account-sessions-ended", &[("count", Arg::Num(ended))]),
            _ => t_with("account-password-changed", &[("count", Arg::Num(ended))]),
        };
        view! { <crate::components::alert::DoneAlert text=text /> }
    });
    Either::Right(view! {
        <Page title=t("account-title")>
            <h1>{t("account-title")}</h1>
            <p class="meta">{user.name.clone()}" · "{user.email.clone()}</p>
            <p class="actions">
                <a class="button" href="/account/two-step">{t("two-step-title")}</a>
                <a class="button" href="/account/passkeys">{t("passkeys-title")}</a>
                {(user.role == doorstep::permissions::Role::AccountOwner)
                    .then(|| view! {
                        <a class="button" href="/account/people">{t("people-link")}</a>
                        <a class="button" href="/account/trail">{t("account-trail-title")}</a>
                    })}
            </p>
            {done}
            <Profile />
            <super::email::EmailSection current=user.email.clone() />
            <section class="panel stack" aria-labelledby="password-heading">
                <h2 id="password-heading">{t("account-password")}</h2>
                {general.map(|error| view! { <ErrorAlert error /> })}
                <ActionForm action=action attr:class="stack">
                    // Unnamed (never posted): what the strength hint checks the password against.
                    <input type="hidden" id="field-email" value=user.email.clone() />
                    <input type="hidden" id="field-name" value=user.name.clone() />
                    <div class="field">
                        <label for="field-current">{t("account-current-password")}</label>
                        <input type="password" id="field-current" name="current" required=true
                            autocomplete="current-password"
                            aria-invalid=problem(error.as_ref(), "current").map(|_| "true")
                            aria-describedby=problem(error.as_ref(), "current").map(|_| "current-error") />
                        {problem(error.as_ref(), "current").map(|m| view! { <p class="field-error" id="current-error">{m}</p> })}
                    </div>
                    <NewPasswordField name="password".to_string() error=problem(error.as_ref(), "password")
                        texts=new_password_texts("account-new-password") />
                    <p class="hint">{t("account-password-hint")}</p>
                    <button type="submit" class="button button-primary">{t("account-change-password")}</button>
                </ActionForm>
            </section>
            <Sessions />
        </Page>
    })
}

/// The person's own name, phone and language.
#[component]
fn Profile() -> impl IntoView {
    let action = ServerAction::<SaveProfile>::new();
    let posted = action.value().get_untracked().and_then(Result::err);
    view! {
        <section class="panel stack" id="profile" aria-labelledby="profile-heading">
            <h2 id="profile-heading">{t("profile-heading")}</h2>
            <Suspense fallback=crate::pages::loading>
                {Suspend::new(async move {
                    let profile = match get_profile().await {
                        Ok(profile) => profile,
                        Err(error) => return Either::Right(view! { <ErrorAlert error /> }),
                    };
                    let error = posted.clone();
                    let typed = |name: &str, stored: String| {
                        error
                            .as_ref()
                            .and_then(|e| e.echo(name))
                            .map_or(stored, str::to_string)
                    };
                    let (name_error, phone_error) =
                        (problem(error.as_ref(), "name"), problem(error.as_ref(), "phone"));
                    let (name, phone) = (
                        typed("name", profile.name.clone()),
                        typed("phone", profile.phone.clone().unwrap_or_default()),
                    );
                    let chosen = typed(
                        "locale",
                        profile.locale.unwrap_or(crate::i18n::locale()).code().to_string(),
                    );
                    let options = doorstep::locale::Locale::ALL
                        .into_iter()
                        .map(|l| {
                            let selected = l.code() == chosen;
                            view! { <option value=l.code() selected=selected>{l.native_name()}</option> }
                        })
                        .collect_view();
                    let general = error.clone().filter(|e| e.field_name().is_none());
                    Either::Left(view! {
                        {general.map(|error| view! { <ErrorAlert error /> })}
                        <ActionForm action=action attr:class="stack">
                            <TextField name="name".to_string() label=t("profile-name")
                                value=name error=name_error
                                required=true autocomplete="name" flat=true />
                            <TextField name="phone".to_string() label=t("profile-own-phone")
                                value=phone error=phone_error autocomplete="tel" input_type="tel"
                                hint=t("profile-phone-hint") flat=true />
                            <div class="field">
                                <label for="field-locale">{t("profile-language")}</label>
                                <select id="field-locale" name="locale">{options}</select>
                                <p class="hint">{t("profile-language-hint")}</p>
                            </div>
                            <p class="meta">{t_with("profile-sign-in-email", &[("email", Arg::Str(profile.email.clone()))])}</p>
                            <button type="submit" class="button button-primary">{t("profile-save")}</button>
                        </ActionForm>
                    })
                })}
            </Suspense>
        </section>
    }
}

/// Where the person is signed in, each with a way to end it.
#[component]
fn Sessions() -> impl IntoView {
    let end = ServerAction::<EndSession>::new();
    let end_all = ServerAction::<EndOtherSessions>::new();
    let refused = end
        .value()
        .get_untracked()
        .and_then(Result::err)
        .or_else(|| end_all.value().get_untracked().and_then(Result::err));
    let tz = crate::request::current().business.time_zone.zone();
    let locale = crate::i18n::locale();
    view! {
        <section class="panel stack" id="sessions" aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">{t("account-sessions")}</h2>
            <p class="hint">{t("account-sessions-hint")}</p>
            {refused.map(|error| view! { <ErrorAlert error /> })}
            <Suspense fallback=crate::pages::loading>
                {Suspend::new(async move {
                    let list = match get_sessions().await {
                        Ok(list) => list,
                        Err(error) => return Either::Right(view! { <ErrorAlert error /> }),
                    };
                    let others = list.iter().filter(|s| !s.current).count();
                    let rows = list
                        .into_iter()
                        .map(|s| {
                            let device = match (&s.browser, &s.system) {
                                (Some(b), Some(o)) => t_with(
                                    "account-session-device",
                                    &[("browser", b.clone().into()), ("system", o.clone().into())],
                                ),
                                (Some(one), None) | (None, Some(one)) => one.clone(),
                                (None, None) => t("account-session-unknown"),
                            };
                            let used = jiff::Timestamp::from_second(s.last_seen_at)
                                .map(|at| doorstep::format::date_time(at, &tz, locale))
                                .unwrap_or_default();
                            let label = t_with("account-session-end-label", &[("device", device.clone().into())]);
                            let action = if s.current {
                                Either::Left(view! { <span class="badge">{t("account-session-this")}</span> })
                            } else {
                                Either::Right(view! {
                                    <ActionForm action=end>
                                        <input type="hidden" name="session" value=s.handle.clone() />
                                        <button type="submit" class="button button-small" aria-label=label>
                                            {t("account-session-end")}
                                        </button>
                                    </ActionForm>
                                })
                            };
                            view! {
                                <li class="row-item">
                                    <span>
                                        <strong>{device}</strong>
                                        <br />
                                        <span class="meta">
                                            {s.client_ip.clone().map(|ip| view! { {ip}" · " })}
                                            {t_with("account-session-last-used", &[("when", used.into())])}
                                        </span>
                                    </span>
                                    {action}
                                </li>
                            }
                        })
                        .collect_view();
                    Either::Left(view! {
                        <ul class="plain-list" aria-label=t("account-sessions")>{rows}</ul>
                        {(others > 0).then(|| view! {
                            <ActionForm action=end_all>
                                <button type="submit" class="button">{t("account-sessions-end-all")}</button>
                            </ActionForm>
                        })}
                    })
                })}
            </Suspense>
        </section>
    }
}
