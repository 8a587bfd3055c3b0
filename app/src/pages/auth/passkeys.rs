//! `/account/passkeys`: the person's passkeys, adding one (the passkey island: it needs
//! JavaScript, as WebAuthn does) and removing one (a plain form).

use crate::api::auth::{RemovePasskey, get_passkeys};
use crate::components::alert::{ErrorAlert, field_message};
use crate::components::layout::Page;
use crate::i18n::{t, t_with};
use crate::islands::passkey::{Ceremony, PasskeyAction};
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The passkey island's texts, in the person's language: what its line says before it wakes
/// (without JavaScript), while it works, and for each way a ceremony can fail (`e-` and the
/// server's error tag). `done`: where to go once a passkey is added.
pub(crate) fn ceremony_texts(done: Option<&str>) -> Vec<(String, String)> {
    let mut texts: Vec<(String, String)> = [
        ("", t("passkeys-need-script")),
        ("working", t("passkeys-working")),
        ("cancelled", t("passkeys-cancelled")),
        ("failed", t("passkeys-failed")),
        ("unsupported", t("passkeys-unsupported")),
        ("offline", t("offline-body")),
        ("e-passkey_refused", t("error-passkey-refused")),
        ("e-passkey_unknown", t("error-passkey-unknown")),
        ("e-passkey_not_yours", t("error-passkey-not-yours")),
        ("e-passkey_added", t("error-passkey-added")),
        ("e-too_many_passkeys", t("error-too-many-passkeys")),
        ("e-passkey_expired", t("error-passkey-expired")),
        ("e-sign_in_again", t("error-sign-in-again")),
        ("e-rate_limited", t("error-rate-limited-moment")),
        ("e-invalid_field", t("passkeys-password-problem")),
        ("e-unauthenticated", t("error-unauthenticated")),
        ("e-forbidden", t("error-forbidden")),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    if let Some(done) = done {
        texts.push(("done".into(), done.to_string()));
    }
    texts
}

#[component]
pub fn PasskeysPage() -> impl IntoView {
    if crate::pages::signed_in().is_none() {
        return Either::Left(
            view! { <Page title=t("passkeys-title")><p>{t("loading")}</p></Page> },
        );
    }
    let saved = use_query_map().get_untracked().get("saved");
    let remove = ServerAction::<RemovePasskey>::new();
    let refused = remove.value().get_untracked().and_then(Result::err);
    let password_problem = refused
        .as_ref()
        .and_then(|e| e.problem_with("password"))
        .map(field_message);
    let general = refused.clone().filter(|e| e.field_name().is_none());
    let done = crate::components::alert::done_notice(saved, refused.is_some(), |what| match what {
        "added" => "passkeys-saved-added",
        _ => "passkeys-saved-removed",
    });
    let tz = crate::request::current().business.time_zone.zone();
    let locale = crate::i18n::locale();
    Either::Right(view! {
        <Page title=t("passkeys-title")>
            <h1>{t("passkeys-title")}</h1>
            <p class="lead">{t("passkeys-lead")}</p>
            {done}
            {general.map(|error| view! { <ErrorAlert error /> })}
            <Suspense fallback=crate::pages::loading>
                {Suspend::new(async move {
                    let view = match get_passkeys().await {
                        Ok(view) => view,
                        Err(error) => return EitherOf3::A(view! { <ErrorAlert error /> }),
                    };
                    if !view.available {
                        return EitherOf3::B(view! { <p class="alert alert-info">{t("passkeys-off")}</p> });
                    }
                    let when = move |at: i64| {
                        jiff::Timestamp::from_second(at)
                            .map(|at| doorstep::format::date_time(at, &tz, locale))
                            .unwrap_or_default()
                    };
                    let count = view.passkeys.len();
                    let password = view.needs_password;
                    let rows = view
                        .passkeys
                        .into_iter()
                        .map(|p| {
                            let used = match p.last_used_at {
                                Some(at) => t_with("passkeys-last-used", &[("when", when(at).into())]),
                                None => t("passkeys-never-used"),
                            };
                            let added = t_with("passkeys-added-at", &[("when", when(p.created_at).into())]);
                            let label = t_with("passkeys-remove-label", &[("name", p.name.clone().into())]);
                            let field = format!("remove-password-{}", p.id);
                            view! {
                                <li class="row-item">
                                    <span>
                                        <strong>{p.name}</strong>
                                        <br />
                                        <span class="meta">{added}" · "{used}</span>
                                    </span>
                                    <ActionForm action=remove attr:class="inline-form">
                                        <input type="hidden" name="id" value=p.id.to_string() />
                                        {password.then(|| view! {
                                            <label class="visually-hidden" for=field.clone()>{t("account-current-password")}</label>
                                            <input type="password" id=field name="password" required=true
                                                autocomplete="current-password" placeholder=t("account-current-password") />
                                        })}
                                        <button type="submit" class="button button-small button-danger" aria-label=label>
                                            {t("passkeys-remove")}
                                        </button>
                                    </ActionForm>
                                </li>
                            }
                        })
                        .collect_view();
                    let list = if count == 0 {
                        Either::Left(view! { <p class="empty">{t("passkeys-none")}</p> })
                    } else {
                        Either::Right(view! { <ul class="plain-list" aria-label=t("passkeys-title")>{rows}</ul> })
                    };
                    let adding = if count >= view.most {
                        Either::Left(view! { <p>{t("error-too-many-passkeys")}</p> })
                    } else {
                        let name = view.suggested_name.clone();
                        let fields: Children = Box::new(move || {
                            view! {
                                <div class="field">
                                    <label for="passkey-name">{t("passkeys-name")}</label>
                                    <input type="text" id="passkey-name" name="name" maxlength="60"
                                        value=name aria-describedby="passkey-name-hint" />
                                    <p class="hint" id="passkey-name-hint">{t("passkeys-name-hint")}</p>
                                </div>
                                {password.then(|| view! {
                                    <p class="hint">{t("passkeys-password-again")}</p>
                                    <div class="field">
                                        <label for="passkey-password">{t("account-current-password")}</label>
                                        <input type="password" id="passkey-password" name="password"
                                            autocomplete="current-password" />
                                    </div>
                                })}
                            }
                            .into_any()
                        });
                        Either::Right(view! {
                            <PasskeyAction ceremony=Ceremony::Add label=t("passkeys-add") fields
                                texts=ceremony_texts(Some("/account/passkeys?saved=added")) primary=true />
                        })
                    };
                    // Signed in a while ago: a passkey confirms it is them as well as the password.
                    let confirm = (password && count > 0).then(|| view! {
                        <div class="stack">
                            <p class="hint">{t("passkeys-confirm-hint")}</p>
                            <PasskeyAction ceremony=Ceremony::Confirm label=t("passkeys-confirm")
                                next="/account/passkeys".to_string() texts=ceremony_texts(None) />
                        </div>
                    });
                    EitherOf3::C(view! {
                        {confirm}
                        <section class="panel stack" aria-labelledby="passkeys-heading">
                            <h2 id="passkeys-heading">{t("passkeys-yours")}</h2>
                            {list}
                            {password_problem.map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                        </section>
                        <section class="panel stack" aria-labelledby="add-heading">
                            <h2 id="add-heading">{t("passkeys-add-heading")}</h2>
                            <p class="hint">{t("passkeys-add-hint")}</p>
                            {adding}
                        </section>
                    })
                })}
            </Suspense>
            <p><a href="/account">{t("two-step-back")}</a></p>
        </Page>
    })
}
