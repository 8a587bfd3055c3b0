//! `/notifications`: what the signed-in person was told about their visits, newest first,
//! the unread ones marked, and one button to mark them all read; for customers, which
//! visit mails they get.

use crate::api::notifications::{
    MarkNotificationsRead, SaveMailPreferences, get_mail_preferences, get_notifications,
};
use crate::components::alert::ErrorAlert;
use crate::components::layout::Page;
use crate::i18n::{self, t, t_with};
use crate::request;
use doorstep::dto::Notice;
use doorstep::format;
use jiff::Timestamp;
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let customer = request::current().user.is_some_and(|u| {
        u.role
            .allows(doorstep::permissions::Permission::ViewOwnAccount)
    });
    if request::current().user.is_none() {
        // Sends them to sign in, and back here afterwards.
        crate::pages::signed_in();
    }
    view! {
        <Page title=t("notices-title")>
            <h1>{t("notices-title")}</h1>
            {customer.then(|| view! { <MailPreferences /> })}
            <Suspense fallback=crate::pages::loading>
                {Suspend::new(async move {
                    match get_notifications().await {
                        Ok(notices) => Either::Left(view! { <Notices notices /> }),
                        Err(error) => {
                            #[cfg(feature = "ssr")]
                            crate::pages::set_status(&error);
                            Either::Right(view! { <ErrorAlert error /> })
                        }
                    }
                })}
            </Suspense>
        </Page>
    }
}

#[component]
fn Notices(notices: Vec<Notice>) -> impl IntoView {
    if notices.is_empty() {
        return Either::Left(view! { <p class="empty">{t("notices-empty")}</p> });
    }
    let locale = i18n::locale();
    let tz = request::current().business.time_zone.zone();
    let unread = notices.iter().any(|n| !n.read);
    let mark = ServerAction::<MarkNotificationsRead>::new();
    let items = notices
        .into_iter()
        .map(|n| {
            let when = Timestamp::from_second(n.when)
                .map(|at| format::date_time(at, &tz, locale))
                .unwrap_or_default();
            let at = Timestamp::from_second(n.at)
                .map(|at| format::date_time(at, &tz, locale))
                .unwrap_or_default();
            let what = t_with(
                &format!("notice-{}", n.kind.replace('_', "-")),
                &[("service", n.service.clone().into()), ("when", when.into())],
            );
            let href = format!("/visits/{}", n.visit);
            let new = (!n.read).then(|| view! { <span class="badge">{t("notices-new")}</span>" " });
            view! {
                <li class=if n.read { "notice" } else { "notice notice-unread" }>
                    <p>{new}<a href=href>{what}</a></p>
                    <p class="hint">{at}</p>
                </li>
            }
        })
        .collect_view();
    Either::Right(view! {
        {unread.then(|| view! {
            <ActionForm action=mark>
                <button type="submit" class="button button-quiet">{t("notices-mark-read")}</button>
            </ActionForm>
        })}
        <ul class="notices">{items}</ul>
    })
}

/// "Mail me when…": one check box per kind of visit mail, saved by a plain form.
#[component]
fn MailPreferences() -> impl IntoView {
    let saved = leptos_router::hooks::use_query_map()
        .get_untracked()
        .get("saved")
        .is_some();
    view! {
        <section class="panel" aria-labelledby="mail-preferences-heading">
            <h2 id="mail-preferences-heading">{t("mail-preferences-heading")}</h2>
            {saved.then(|| view! {
                <crate::components::alert::DoneAlert text=t("mail-preferences-saved") />
            })}
            <Suspense fallback=crate::pages::loading>
                {Suspend::new(async move {
                    match get_mail_preferences().await {
                        Ok(wanted) => Either::Left(view! { <MailPreferencesForm wanted /> }),
                        Err(error) => Either::Right(view! { <ErrorAlert error /> }),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn MailPreferencesForm(wanted: Vec<String>) -> impl IntoView {
    let action = ServerAction::<SaveMailPreferences>::new();
    let boxes = doorstep::dto::MAIL_KINDS
        .into_iter()
        .map(|kind| {
            let id = format!("mail-{kind}");
            let checked = wanted.iter().any(|w| w == kind);
            view! {
                <div class="option">
                    <input type="checkbox" id=id.clone() name=kind value="on" checked=checked />
                    <label for=id>{t(&format!("mail-preference-{}", kind.replace('_', "-")))}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <ActionForm action=action attr:class="stack">
            <fieldset>
                <legend>{t("mail-preferences-legend")}</legend>
                {boxes}
            </fieldset>
            <button type="submit" class="button">{t("mail-preferences-save")}</button>
        </ActionForm>
    }
}
