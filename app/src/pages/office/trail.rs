//! `/office/trail`: for admins, the alerts (bursts of failed sign-ins, staff signing in from
//! a new network) and the whole trail, filtered by a plain GET form.

use crate::api::trail::{MarkAlertsSeen, office_trail, security_alerts};
use crate::components::alert::{ErrorAlert, field_message};
use crate::components::form::TextField;
use crate::components::layout::Page;
use crate::components::trail::TrailTable;
use crate::error::ApiError;
use crate::i18n::{Arg, t, t_with};
use doorstep::dto::AlertView;
use doorstep::permissions::Permission;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The filter's fields, in form order: the query names the server function takes.
const FILTERS: [&str; 6] = ["action", "actor", "subject", "ip", "from", "to"];

#[component]
pub fn TrailPage() -> impl IntoView {
    let may = crate::pages::allowed(Permission::ManageStaff);
    let query = use_query_map().get_untracked();
    let typed: Vec<String> = FILTERS
        .iter()
        .map(|name| query.get(name).unwrap_or_default())
        .collect();
    let before = query.get("before").and_then(|b| b.parse::<i64>().ok());
    let body = if may {
        Either::Left(view! {
            <Alerts />
            <Suspense fallback=crate::pages::loading>
                {Suspend::new(async move {
                    let [action, actor, subject, ip, from, to] =
                        <[String; 6]>::try_from(typed.clone()).unwrap_or_default();
                    let found = office_trail(
                        action.clone(), actor.clone(), subject.clone(), ip.clone(),
                        from.clone(), to.clone(), before,
                    )
                    .await;
                    let error = found.as_ref().err().cloned();
                    let problem = |name: &str| {
                        error.as_ref().and_then(|e| e.problem_with(name)).map(field_message)
                    };
                    let fields = FILTERS
                        .iter()
                        .zip(typed.iter())
                        .map(|(name, value)| {
                            let input_type = if matches!(*name, "from" | "to") { "date" } else { "" };
                            view! {
                                <TextField name=name.to_string() label=t(&format!("trail-filter-{name}"))
                                    value=value.clone() error=problem(name) input_type flat=true />
                            }
                        })
                        .collect_view();
                    // The next page keeps the filter.
                    let kept: Vec<(String, String)> = FILTERS
                        .iter()
                        .zip(typed.iter())
                        .filter(|(_, v)| !v.is_empty())
                        .map(|(k, v)| (k.to_string(), v.clone()))
                        .collect();
                    let older = move |id: i64| {
                        let mut parts: Vec<String> = kept
                            .iter()
                            .map(|(k, v)| format!("{k}={}", crate::pages::query_value(v)))
                            .collect();
                        parts.push(format!("before={id}"));
                        format!("/office/trail?{}", parts.join("&"))
                    };
                    let results = match found {
                        Ok(page) => Either::Left(view! { <TrailTable page older /> }),
                        Err(error) => Either::Right(view! { <ErrorAlert error /> }),
                    };
                    view! {
                        <form method="get" action="/office/trail" class="panel stack" aria-labelledby="filter-heading">
                            <h2 id="filter-heading">{t("trail-filter-heading")}</h2>
                            <div class="field-row">{fields}</div>
                            <p class="hint">{t("trail-filter-hint")}</p>
                            <button type="submit" class="button button-primary">{t("trail-filter-submit")}</button>
                        </form>
                        {results}
                    }
                })}
            </Suspense>
        })
    } else {
        Either::Right(view! { <crate::pages::Refused error=ApiError::Forbidden /> })
    };
    view! {
        <Page title=t("office-trail-title")>
            <h1>{t("office-trail-title")}</h1>
            {body}
        </Page>
    }
}

fn alert_text(alert: &AlertView) -> String {
    match alert.kind.as_str() {
        "failed_sign_ins" => t_with(
            "alert-failed-sign-ins",
            &[("count", Arg::Num(alert.count.unwrap_or(0)))],
        ),
        _ => t_with(
            "alert-new-network",
            &[
                ("person", Arg::Str(alert.person.clone().unwrap_or_default())),
                ("ip", Arg::Str(alert.client_ip.clone().unwrap_or_default())),
            ],
        ),
    }
}

/// The newest alerts, the unseen ones marked, and a way to mark them all seen.
#[component]
fn Alerts() -> impl IntoView {
    let seen = ServerAction::<MarkAlertsSeen>::new();
    let tz = crate::request::current().business.time_zone.zone();
    let locale = crate::i18n::locale();
    view! {
        <section class="panel stack" aria-labelledby="alerts-heading">
            <h2 id="alerts-heading">{t("alerts-heading")}</h2>
            <Suspense fallback=crate::pages::loading>
                {Suspend::new(async move {
                    let list = match security_alerts().await {
                        Ok(list) => list,
                        Err(error) => return Either::Right(view! { <ErrorAlert error /> }),
                    };
                    if list.is_empty() {
                        return Either::Left(Either::Left(view! { <p class="empty">{t("alerts-empty")}</p> }));
                    }
                    let unseen = list.iter().any(|a| !a.seen);
                    let items = list
                        .into_iter()
                        .map(|a| {
                            let when = jiff::Timestamp::from_second(a.at)
                                .map(|at| doorstep::format::date_time(at, &tz, locale))
                                .unwrap_or_default();
                            let text = alert_text(&a);
                            view! {
                                <li class="row-item">
                                    <span>
                                        {(!a.seen).then(|| view! { <span class="badge">{t("alerts-new")}</span>" " })}
                                        {text}
                                        <br />
                                        <span class="meta">{when}</span>
                                    </span>
                                </li>
                            }
                        })
                        .collect_view();
                    Either::Left(Either::Right(view! {
                        <ul class="plain-list">{items}</ul>
                        {unseen.then(|| view! {
                            <ActionForm action=seen>
                                <button type="submit" class="button">{t("alerts-mark-seen")}</button>
                            </ActionForm>
                        })}
                    }))
                })}
            </Suspense>
        </section>
    }
}
