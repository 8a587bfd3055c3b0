//! Step 4: what will be booked, a note for the technician, and the button that books it.
//! If the window went meanwhile (here or when confirming), the nearest open ones are offered.

use super::Flow;
use super::calendar::window_long;
use super::steps::StepHeading;
use crate::api::booking::{BookVisit, NOTES_MAX};
use crate::api::visits::RescheduleVisit;
use crate::components::alert::{ErrorAlert, error_message};
use crate::error::ApiError;
use crate::i18n::{self, t};
use crate::request;
use doorstep::dto::{BookingCalendar, WindowOffer};
use doorstep::locale::Locale;
use jiff::tz::TimeZone;
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn ReviewStep(calendar: BookingCalendar, window: String) -> impl IntoView {
    if calendar.rescheduling.is_some() {
        Either::Left(view! { <MoveReview calendar window /> })
    } else {
        Either::Right(view! { <BookReview calendar window /> })
    }
}

/// The window chosen, if it is among the day's, and the nearest open ones otherwise (from
/// the refused attempt when there was one, else from the day).
fn chosen_or_nearest(
    calendar: &BookingCalendar,
    window: &str,
    error: &Option<ApiError>,
) -> (Option<WindowOffer>, Vec<WindowOffer>) {
    let chosen = calendar
        .windows
        .iter()
        .find(|w| w.start.to_string() == window.trim())
        .copied();
    let mut alternatives = match error {
        Some(ApiError::WindowTaken { alternatives, .. }) => alternatives.clone(),
        _ => Vec::new(),
    };
    if chosen.is_none() && alternatives.is_empty() {
        alternatives = nearest(&calendar.windows, window.trim().parse().unwrap_or_default());
    }
    (chosen, alternatives)
}

/// Moving a visit: the new window, and the button that moves it.
#[component]
fn MoveReview(calendar: BookingCalendar, window: String) -> impl IntoView {
    let locale = i18n::locale();
    let tz = request::current().business.time_zone.zone();
    let flow = Flow::of(&calendar);
    let action = ServerAction::<RescheduleVisit>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let (chosen, alternatives) = chosen_or_nearest(&calendar, &window, &error);
    let back = flow.url(&[("day", calendar.selected.as_deref().unwrap_or_default())]);
    let general = match (&chosen, &error) {
        (None, None) => Some(ApiError::WindowTaken {
            alternatives: Vec::new(),
            echo: Default::default(),
        }),
        _ => error.clone(),
    };
    let when = match chosen {
        Some(w) => Either::Left(view! {
            <dl class="facts">
                <dt>{t("visit-service")}</dt>
                <dd>{calendar.service.name.clone()}</dd>
                <dt>{t("move-new-time")}</dt>
                <dd>{window_long(&w, &tz, locale)}</dd>
            </dl>
            <input type="hidden" name="window" value=w.start.to_string() />
        }),
        None => Either::Right(alternative_choices(&alternatives, &tz, locale)),
    };
    let confirm = (chosen.is_some() || !alternatives.is_empty()).then(|| {
        view! { <button type="submit" class="button button-primary">{t("move-confirm")}</button> }
    });
    view! {
        <section class="panel" aria-labelledby="step-heading">
            <StepHeading number=4 title=t("book-review") />
            {general.map(|error| view! { <ErrorAlert error /> })}
            <ActionForm action=action attr:class="stack">
                <input type="hidden" name="visit" value=flow.reschedule.clone() />
                {when}
                <div class="actions">
                    {confirm}
                    <a class="button button-quiet" href=back>{t("book-choose-again")}</a>
                </div>
            </ActionForm>
        </section>
    }
}

/// Booking a new visit: what, when, where, a note, and the button that books it.
#[component]
fn BookReview(calendar: BookingCalendar, window: String) -> impl IntoView {
    let locale = i18n::locale();
    let tz = request::current().business.time_zone.zone();
    let flow = Flow::of(&calendar);
    let (location, service) = (flow.location.clone(), flow.service.clone());
    let action = ServerAction::<BookVisit>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let (chosen, alternatives) = chosen_or_nearest(&calendar, &window, &error);
    let back = flow.url(&[("day", calendar.selected.as_deref().unwrap_or_default())]);
    let notes = error
        .as_ref()
        .and_then(|e| e.echo("notes"))
        .unwrap_or_default()
        .to_string();
    let notes_error = error
        .as_ref()
        .filter(|e| e.field_name() == Some("notes"))
        .map(error_message);
    // The window went (here, or when confirming): say so, and offer the nearest open ones
    // in this same form, so the note typed is not lost.
    let general = match (&chosen, &error) {
        (None, None) => Some(ApiError::WindowTaken {
            alternatives: Vec::new(),
            echo: Default::default(),
        }),
        _ => error.clone().filter(|e| e.field_name() != Some("notes")),
    };
    if chosen.is_none() && alternatives.is_empty() {
        return Either::Left(view! {
            <section class="panel" aria-labelledby="step-heading">
                <StepHeading number=4 title=t("book-review") />
                {general.map(|error| view! { <ErrorAlert error /> })}
                <p><a class="button button-primary" href=back>{t("book-choose-again")}</a></p>
            </section>
        });
    }
    let when = match chosen {
        Some(w) => Either::Left(view! {
            <input type="hidden" name="window" value=w.start.to_string() />
        }),
        None => Either::Right(alternative_choices(&alternatives, &tz, locale)),
    };
    let when_text = chosen.map(|w| {
        view! {
            <dt>{t("visit-when")}</dt>
            <dd>{window_long(&w, &tz, locale)}</dd>
        }
    });
    let access = calendar.location.access_notes.clone();
    let notes_described = if notes_error.is_some() {
        "notes-hint notes-error"
    } else {
        "notes-hint"
    };
    Either::Right(view! {
        <section class="panel" aria-labelledby="step-heading">
            <StepHeading number=4 title=t("book-review") />
            {general.map(|error| view! { <ErrorAlert error /> })}
            <dl class="facts">
                <dt>{t("visit-service")}</dt>
                <dd>{calendar.service.name.clone()}</dd>
                {when_text}
                <dt>{t("visit-where")}</dt>
                <dd>
                    {calendar.location.label.clone()}
                    <br />
                    {calendar.location.address.join(", ")}
                </dd>
                <dt>{t("visit-access")}</dt>
                <dd>{access.unwrap_or_else(|| t("book-no-access-notes"))}</dd>
            </dl>
            <ActionForm action=action attr:class="stack">
                <input type="hidden" name="location" value=location.clone() />
                <input type="hidden" name="service" value=service.clone() />
                {when}
                <p class="hint">{t("book-arrival-hint")}</p>
                <div class="field">
                    <label for="notes">{t("book-notes")}</label>
                    <p class="hint" id="notes-hint">{t("book-notes-hint")}</p>
                    <textarea id="notes" name="notes" rows="4" maxlength=NOTES_MAX.to_string()
                        aria-describedby=notes_described
                        aria-invalid=notes_error.is_some().then_some("true")>{notes}</textarea>
                    {notes_error.map(|m| view! { <p class="field-error" id="notes-error">{m}</p> })}
                </div>
                <div class="actions">
                    <button type="submit" class="button button-primary">{t("book-confirm")}</button>
                    <a class="button button-quiet" href=back>{t("book-choose-again")}</a>
                </div>
            </ActionForm>
        </section>
    })
}

/// The day's windows nearest to the one that went, nearest first.
fn nearest(windows: &[WindowOffer], wanted: i64) -> Vec<WindowOffer> {
    let mut open = windows.to_vec();
    open.sort_by_key(|w| (w.start - wanted).abs());
    open.truncate(3);
    open
}

/// The open windows to choose from instead, as radio buttons of the confirming form.
fn alternative_choices(
    alternatives: &[WindowOffer],
    tz: &TimeZone,
    locale: Locale,
) -> impl IntoView + use<> {
    let first = alternatives.first().map(|w| w.start);
    let items = alternatives
        .iter()
        .map(|w| {
            let id = format!("window-{}", w.start);
            view! {
                <li>
                    <input type="radio" name="window" id=id.clone() value=w.start.to_string()
                        required=true checked=Some(w.start) == first />
                    <label for=id>{window_long(w, tz, locale)}</label>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="alternatives">
            <legend>{t("book-alternatives")}</legend>
            <ul class="window-list">{items}</ul>
        </fieldset>
    }
}
