//! Recurring plans. `/plans`: the account's regular visits (every account's, for the
//! office, with the days it must arrange first); `/plans/new`: set one up;
//! `/plans/PL-000001`: one plan, its days ahead and what can be changed.

mod detail;
mod new;

pub use detail::PlanPage;
pub use new::NewPlanPage;

use crate::api::plans::get_plans;
use crate::components::alert::ErrorAlert;
use crate::components::layout::Page;
use crate::i18n::{self, Arg, t, t_with};
use crate::pages::booking::window_long;
use crate::request;
use doorstep::dto::plans::PlanSummary;
use doorstep::format;
use doorstep::locale::Locale;
use doorstep::permissions::Permission;
use doorstep::recurrence::Frequency;
use jiff::civil::Date;
use leptos::either::Either;
use leptos::prelude::*;

/// `Every 2 weeks on Tuesday`, `Every month on the second Tuesday`, in the page's language.
pub fn rhythm(frequency: Frequency, starts: &str) -> String {
    let locale = i18n::locale();
    let weekday_of = |iso: u8| format::weekday_long(usize::from(iso.clamp(1, 7) - 1), locale);
    match frequency {
        Frequency::Weeks { weeks } => {
            let weekday = starts
                .parse::<Date>()
                .map(|d| {
                    format::weekday_long(
                        usize::try_from(d.weekday().to_monday_zero_offset()).unwrap_or(0),
                        locale,
                    )
                })
                .unwrap_or_default();
            t_with(
                "plan-rhythm-weeks",
                &[
                    ("weeks", Arg::Num(i64::from(weeks))),
                    ("weekday", weekday.into()),
                ],
            )
        }
        Frequency::MonthDay { day } => t_with(
            "plan-rhythm-month-day",
            &[("day", Arg::Num(i64::from(day)))],
        ),
        Frequency::NthWeekday { nth, weekday } => t_with(
            "plan-rhythm-nth-weekday",
            &[
                ("nth", Arg::Num(i64::from(nth))),
                ("weekday", weekday_of(weekday).into()),
            ],
        ),
    }
}

/// A time of day given in minutes after midnight, as the locale writes it (`2:00 PM`).
pub fn time_of_day(minutes: u16, locale: Locale) -> String {
    jiff::Timestamp::from_second(i64::from(minutes) * 60)
        .map(|at| format::time(at, &jiff::tz::TimeZone::UTC, locale))
        .unwrap_or_default()
}

/// A date of the business's calendar (`2026-12-08`) written out for the page.
pub fn day_text(day: &str) -> String {
    day.parse::<Date>()
        .map(|d| format::day_long(d, i18n::locale()))
        .unwrap_or_else(|_| day.to_string())
}

#[component]
pub fn PlansPage() -> impl IntoView {
    let user = crate::pages::signed_in();
    let books = user
        .as_ref()
        .is_some_and(|u| u.role.allows(Permission::BookVisits));
    view! {
        <Page title=t("plans-title")>
            <div class="panel-head">
                <h1>{t("plans-title")}</h1>
                {books.then(|| view! {
                    <a class="button button-primary" href="/plans/new">{t("plans-add")}</a>
                })}
            </div>
            <p class="lead">{t("plans-lead")}</p>
            <Suspense fallback=crate::pages::loading>
                {Suspend::new(async move {
                    match get_plans().await {
                        Ok(list) => Either::Left(view! { <PlanList list books /> }),
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

/// Where a plan stands, in a word or two.
pub(crate) fn standing(plan: &PlanSummary) -> String {
    if !plan.active {
        t("plan-status-ended")
    } else if let Some(until) = &plan.paused_until {
        t_with("plan-status-paused", &[("day", day_text(until).into())])
    } else {
        t("plan-status-active")
    }
}

#[component]
fn PlanList(list: Vec<PlanSummary>, books: bool) -> impl IntoView {
    if list.is_empty() {
        let hint = if books {
            t("plans-empty")
        } else {
            t("plans-empty-office")
        };
        return Either::Left(view! { <p class="empty">{hint}</p> });
    }
    let locale = i18n::locale();
    let tz = request::current().business.time_zone.zone();
    let cards = list
        .into_iter()
        .map(|p| {
            let href = format!("/plans/{}", p.plan);
            let next = p.next.map(|w| {
                view! { <p>{t_with("plan-next", &[("when", window_long(&w, &tz, locale).into())])}</p> }
            });
            let misfits = (p.misfits > 0).then(|| {
                view! {
                    <p class="alert alert-warning">
                        {t_with("plan-misfits", &[("count", Arg::Num(i64::from(p.misfits)))])}
                    </p>
                }
            });
            let account = (!books).then(|| view! { <p class="hint">{p.account_name.clone()}</p> });
            view! {
                <li class="card">
                    <h2 class="card-title"><a href=href>{format!("{} · {}", p.service, p.location_label)}</a></h2>
                    {account}
                    <p>
                        {rhythm(p.frequency, &p.starts)}", "
                        {t_with("plan-at", &[("time", time_of_day(p.window_start_min, locale).into())])}
                    </p>
                    <p><span class="badge">{standing(&p)}</span></p>
                    {next}
                    {misfits}
                </li>
            }
        })
        .collect_view();
    Either::Right(view! { <ul class="cards">{cards}</ul> })
}
