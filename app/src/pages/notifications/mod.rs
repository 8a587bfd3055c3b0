//! `/notifications`: what the signed-in person was told about their visits, newest first,
//! the unread ones marked, and one button to mark them all read.

use crate::api::notifications::{MarkNotificationsRead, get_notifications};
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
    if request::current().user.is_none() {
        #[cfg(feature = "ssr")]
        leptos_axum::redirect("/sign-in");
    }
    view! {
        <Page title=t("notices-title")>
            <h1>{t("notices-title")}</h1>
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
