//! Step 3: a month with the days that have arrival windows as links, and the chosen day's
//! windows as radio buttons in a form that leads to the review.

use super::steps::StepHeading;
use super::{Flow, book_url};
use crate::i18n::{self, Arg, t, t_with};
use crate::islands::booking_calendar::LiveCalendar;
use crate::request;
use doorstep::dates::{parse_day, parse_month};
use doorstep::dto::{BookingCalendar, CalendarDay, WindowOffer};
use doorstep::format;
use doorstep::locale::Locale;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use leptos::either::Either;
use leptos::prelude::*;

/// A window's times in the business's zone: `10:00–12:00`.
pub fn window_times(w: &WindowOffer, tz: &TimeZone, locale: Locale) -> String {
    match (
        Timestamp::from_second(w.start),
        Timestamp::from_second(w.end),
    ) {
        (Ok(start), Ok(end)) => format::time_range(start, end, tz, locale),
        _ => String::new(),
    }
}

/// A window with its day: `Tuesday, Nov 24, 2026, 10:00–12:00`.
pub fn window_long(w: &WindowOffer, tz: &TimeZone, locale: Locale) -> String {
    match (
        Timestamp::from_second(w.start),
        Timestamp::from_second(w.end),
    ) {
        (Ok(start), Ok(end)) => format::window(start, end, tz, locale),
        _ => String::new(),
    }
}

/// The local day a window starts on: `2026-11-24`.
pub fn window_day(w: &WindowOffer, tz: &TimeZone) -> String {
    Timestamp::from_second(w.start)
        .map(|s| s.to_zoned(tz.clone()).date().to_string())
        .unwrap_or_default()
}

#[component]
pub fn CalendarStep(calendar: BookingCalendar) -> impl IntoView {
    let locale = i18n::locale();
    let tz = request::current().business.time_zone.zone();
    let flow = Flow::of(&calendar);
    let heading = parse_month(&calendar.month)
        .map(|m| format::month_year(m.year(), m.month(), locale))
        .unwrap_or_default();
    let nav_link = |month: &Option<String>, key: &str, rel: &'static str| {
        month.as_ref().map(|m| {
            let href = flow.url(&[("month", m)]);
            let id = format!("month-{rel}");
            view! { <a class="button button-quiet" href=href rel=rel id=id>{t(key)}</a> }
        })
    };
    let previous = nav_link(&calendar.previous, "book-previous-month", "prev");
    let next = nav_link(&calendar.next, "book-next-month", "next");
    let grid = month_grid(&calendar, &flow, locale);
    let empty_month = calendar.days.iter().all(|d| d.windows == 0);
    let call_back = format!(
        "/book/request?location={}&service={}&kind=callback",
        flow.location, flow.service
    );
    let call_back = || view! { <p><a href=call_back.clone()>{t("book-ask-call")}</a></p> };
    let notice = empty_month.then(|| match &calendar.first_open {
        Some(first) => {
            let href = flow.url(&[("day", &window_day(first, &tz))]);
            let when = window_long(first, &tz, locale);
            Either::Left(view! {
                <div class="alert alert-info" role="status">
                    <p>{t("book-month-full")}</p>
                    <p><a href=href>{t_with("book-first-open", &[("when", when.into())])}</a></p>
                    {call_back()}
                </div>
            })
        }
        None => Either::Right(view! {
            <div class="alert alert-info" role="status">
                <p>{t("book-nothing-free")}</p>
                {call_back()}
            </div>
        }),
    });
    let day_form = calendar.selected.clone().map(|day| {
        let title = parse_day(&day)
            .map(|d| format::day_long(d, locale))
            .unwrap_or_default();
        let windows = if calendar.windows.is_empty() {
            Either::Left(view! { <p class="empty">{t("book-day-full")}</p> })
        } else {
            let first = calendar.windows.first().map(|w| w.start);
            Either::Right(view! {
                <form method="get" action="/book" class="windows">
                    <input type="hidden" name="location" value=flow.location.clone() />
                    <input type="hidden" name="service" value=flow.service.clone() />
                    {(!flow.reschedule.is_empty()).then(|| view! {
                        <input type="hidden" name="reschedule" value=flow.reschedule.clone() />
                    })}
                    <input type="hidden" name="day" value=day.clone() />
                    <fieldset>
                        <legend>{t_with("book-windows-on", &[("day", title.clone().into())])}</legend>
                        <ul class="window-list">
                            {calendar.windows.iter().map(|w| {
                                let id = format!("window-{}", w.start);
                                view! {
                                    <li>
                                        <input type="radio" name="window" id=id.clone()
                                            value=w.start.to_string() required=true
                                            checked=Some(w.start) == first />
                                        <label for=id>{window_times(w, &tz, locale)}</label>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </fieldset>
                    <button type="submit" class="button button-primary">{t("book-continue")}</button>
                </form>
            })
        };
        view! {
            <section aria-labelledby="day-heading" class="day">
                <h3 id="day-heading" tabindex="-1">{title}</h3>
                {windows}
            </section>
        }
    });
    // Moving a visit keeps its service and place.
    let change = flow.reschedule.is_empty().then(|| {
        let href = book_url(&[("location", &flow.location)]);
        view! { " "<a href=href>{t("book-change-service")}</a> }
    });
    view! {
        <section class="panel" aria-labelledby="step-heading">
            <StepHeading number=3 title=t("book-when") />
            <p class="lead">
                {t_with("book-summary", &[
                    ("service", calendar.service.name.clone().into()),
                    ("place", calendar.location.label.clone().into()),
                ])}
                {change}
            </p>
            <LiveCalendar>
                <div class="month">
                    <div class="month-nav">
                        {previous}
                        <h3 id="month-heading" aria-live="polite">{heading}</h3>
                        {next}
                    </div>
                    {notice}
                    {grid}
                </div>
                {day_form}
            </LiveCalendar>
        </section>
    }
}

/// The month as a table of weeks, Monday first; days with windows are links.
fn month_grid(calendar: &BookingCalendar, flow: &Flow, locale: Locale) -> impl IntoView + use<> {
    let offset = calendar
        .days
        .first()
        .and_then(|d| parse_day(&d.date))
        .map_or(0, |d| {
            usize::try_from(d.weekday().to_monday_zero_offset()).unwrap_or(0)
        });
    let mut cells: Vec<Option<CalendarDay>> = vec![None; offset];
    cells.extend(calendar.days.iter().cloned().map(Some));
    while !cells.len().is_multiple_of(7) {
        cells.push(None);
    }
    let selected = calendar.selected.clone();
    let rows = cells
        .chunks(7)
        .map(|week| {
            let week = week
                .iter()
                .map(|cell| match cell {
                    None => Either::Left(view! { <td></td> }),
                    Some(day) => Either::Right(day_cell(day, &selected, flow, locale)),
                })
                .collect_view();
            view! { <tr>{week}</tr> }
        })
        .collect_view();
    let heads = (0..7)
        .map(|i| {
            view! {
                <th scope="col">
                    <abbr title=format::weekday_long(i, locale)>{format::weekday_short(i, locale)}</abbr>
                </th>
            }
        })
        .collect_view();
    view! {
        <table class="calendar" aria-labelledby="month-heading">
            <thead><tr>{heads}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

fn day_cell(
    day: &CalendarDay,
    selected: &Option<String>,
    flow: &Flow,
    locale: Locale,
) -> impl IntoView + use<> {
    let date = parse_day(&day.date);
    let number = date.map(|d| d.day().to_string()).unwrap_or_default();
    let long = date
        .map(|d| format::day_long(d, locale))
        .unwrap_or_default();
    let is_selected = selected.as_deref() == Some(day.date.as_str());
    if day.windows == 0 {
        let label = t_with("book-day-none", &[("day", long.into())]);
        return Either::Left(view! {
            <td class="day-closed"><span aria-label=label>{number}</span></td>
        });
    }
    let href = flow.url(&[("day", &day.date)]);
    let label = t_with(
        "book-day-windows",
        &[
            ("day", long.into()),
            ("count", Arg::Num(i64::from(day.windows))),
        ],
    );
    let current = is_selected.then_some("date");
    Either::Right(view! {
        <td class="day-open" class:day-selected=is_selected>
            <a href=href id=format!("day-{}", day.date) aria-label=label aria-current=current>{number}</a>
        </td>
    })
}
