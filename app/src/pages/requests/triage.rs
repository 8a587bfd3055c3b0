//! A request's timeline, the customer's answer to a question, and the office's panel: ask,
//! decline, or book a visit from the windows the engine offers at the request's place.

use crate::api::requests::problems::{
    AnswerRequest, RequestScheduling, ScheduleRequest, TriageRequest, get_request_windows,
};
use crate::components::alert::{ErrorAlert, field_message};
use crate::components::form::TextField;
use crate::i18n::{t, t_with};
use crate::pages::booking::window_long;
use doorstep::dto::RequestView;
use doorstep::format;
use doorstep::ids::RequestRef;
use doorstep::locale::Locale;
use doorstep::requests::RequestStepKind;
use jiff::tz::TimeZone;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

fn step_label(kind: RequestStepKind) -> String {
    t(match kind {
        RequestStepKind::Sent => "request-step-sent",
        RequestStepKind::Question => "request-step-question",
        RequestStepKind::Answer => "request-step-answer",
        RequestStepKind::Declined => "request-step-declined",
        RequestStepKind::Scheduled => "request-step-scheduled",
        RequestStepKind::Handled => "request-step-handled",
    })
}

/// Sent, then every step, oldest first.
pub fn timeline(request: &RequestView, tz: &TimeZone, locale: Locale) -> impl IntoView + use<> {
    let first = {
        let when = format::date_time_of_seconds(request.created_at, tz, locale);
        let who = request.requested_by.clone().unwrap_or_default();
        view! {
            <li>
                <p><strong>{step_label(RequestStepKind::Sent)}</strong></p>
                <p class="meta">{who}" · "<time>{when}</time></p>
            </li>
        }
    };
    let steps = request
        .steps
        .iter()
        .map(|s| {
            let when = format::date_time_of_seconds(s.at, tz, locale);
            let who = match (&s.actor, s.staff) {
                (Some(name), false) => name.clone(),
                _ => t("request-by-office"),
            };
            view! {
                <li>
                    <p><strong>{step_label(s.kind)}</strong></p>
                    {s.body.clone().map(|b| view! { <p class="notes">{b}</p> })}
                    <p class="meta">{who}" · "<time>{when}</time></p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="request-timeline-heading">
            <h2 id="request-timeline-heading">{t("request-timeline")}</h2>
            <ol class="timeline">{first}{steps}</ol>
        </section>
    }
}

/// The customer answers the office's question.
#[component]
pub fn AnswerForm(request: RequestRef) -> impl IntoView {
    let action = ServerAction::<AnswerRequest>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let value = error
        .as_ref()
        .and_then(|e| e.echo("answer"))
        .unwrap_or_default()
        .to_string();
    let problem = error
        .as_ref()
        .and_then(|e| e.problem_with("answer"))
        .map(field_message);
    view! {
        <section class="panel" aria-labelledby="answer-heading">
            <h2 id="answer-heading">{t("request-answer-heading")}</h2>
            {error.clone().filter(|e| e.problem_with("answer").is_none()).map(|error| view! { <ErrorAlert error /> })}
            <ActionForm action=action attr:class="stack">
                <input type="hidden" name="request" value=request.to_string() />
                <TextField name="answer".to_string() label=t("request-answer") value
                    error=problem area=true required=true flat=true />
                <button type="submit" class="button button-primary">{t("request-answer-send")}</button>
            </ActionForm>
        </section>
    }
}

/// The office's panel on an open request.
#[component]
pub fn OfficePanel(request: RequestRef, problem: bool) -> impl IntoView {
    let action = ServerAction::<TriageRequest>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let form = |kind: &'static str| {
        let field = format!("message-{kind}");
        let value = error
            .as_ref()
            .and_then(|e| e.echo(&field))
            .unwrap_or_default()
            .to_string();
        let problem = error
            .as_ref()
            .and_then(|e| e.problem_with(&field))
            .map(field_message);
        view! {
            <ActionForm action=action attr:class="stack">
                <input type="hidden" name="request" value=request.to_string() />
                <input type="hidden" name="action" value=kind />
                <TextField name="message".to_string() id=field label=t(&format!("request-{kind}-label"))
                    value error=problem area=true required=true flat=true />
                <button type="submit" class="button">{t(&format!("request-{kind}-send"))}</button>
            </ActionForm>
        }
    };
    let general = error
        .clone()
        .filter(|e| {
            e.problem_with("message-ask").is_none() && e.problem_with("message-decline").is_none()
        })
        .map(|error| view! { <ErrorAlert error /> });
    let schedule = problem.then(|| view! { <SchedulePanel request /> });
    view! {
        <section class="panel" aria-labelledby="triage-heading">
            <h2 id="triage-heading">{t("request-triage-heading")}</h2>
            {general}
            {schedule}
            {form("ask")}
            {form("decline")}
        </section>
    }
}

/// Books a visit for the request: a service and a day chosen with a plain GET form, then
/// one button per window the engine offers.
#[component]
fn SchedulePanel(request: RequestRef) -> impl IntoView {
    let action = ServerAction::<ScheduleRequest>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let query = use_query_map().get_untracked();
    let service = query.get("service").unwrap_or_default();
    let day = query.get("day").unwrap_or_default();
    view! {
        <div class="stack">
            <h3>{t("request-schedule-heading")}</h3>
            {error.map(|error| view! { <ErrorAlert error /> })}
            <Suspense fallback=crate::pages::loading>
                {
                    let (service, day) = (service.clone(), day.clone());
                    Suspend::new(async move {
                        let found = get_request_windows(
                            request.to_string(),
                            Some(service.clone()),
                            Some(day.clone()),
                        )
                        .await;
                        match found {
                            Ok(found) => Either::Left(view! { <Windows request found service day action /> }),
                            Err(error) => Either::Right(view! { <ErrorAlert error /> }),
                        }
                    })
                }
            </Suspense>
        </div>
    }
}

#[component]
fn Windows(
    request: RequestRef,
    found: RequestScheduling,
    service: String,
    day: String,
    action: ServerAction<ScheduleRequest>,
) -> impl IntoView {
    let business = crate::request::current().business;
    let tz = business.time_zone.zone();
    let locale = crate::i18n::locale();
    let options = found
        .services
        .iter()
        .map(|s| {
            let reference = s.service.to_string();
            let selected = reference.eq_ignore_ascii_case(&service);
            view! { <option value=reference selected=selected>{s.name.clone()}</option> }
        })
        .collect_view();
    let shown_day = found
        .calendar
        .as_ref()
        .and_then(|c| c.selected.clone())
        .unwrap_or(day);
    let windows = found.calendar.map(|calendar| {
        if calendar.windows.is_empty() {
            return Either::Left(view! { <p class="empty">{t("request-schedule-none")}</p> });
        }
        let service = calendar.service.service.to_string();
        let buttons = calendar
            .windows
            .into_iter()
            .map(|w| {
                let label = window_long(&w, &tz, locale);
                let service = service.clone();
                view! {
                    <li>
                        <ActionForm action=action>
                            <input type="hidden" name="request" value=request.to_string() />
                            <input type="hidden" name="service" value=service />
                            <input type="hidden" name="window" value=w.start.to_string() />
                            <button type="submit" class="button">
                                {t_with("request-schedule-book", &[("window", label.into())])}
                            </button>
                        </ActionForm>
                    </li>
                }
            })
            .collect_view();
        Either::Right(view! { <ul class="plain-list">{buttons}</ul> })
    });
    view! {
        <form method="get" action=format!("/requests/{request}") class="inline-form">
            <div class="field">
                <label for="schedule-service">{t("request-service")}</label>
                <select id="schedule-service" name="service" required=true>{options}</select>
            </div>
            <div class="field">
                <label for="schedule-day">{t("request-schedule-day")}</label>
                <input type="date" id="schedule-day" name="day" value=shown_day />
            </div>
            <button type="submit" class="button">{t("request-schedule-find")}</button>
        </form>
        {windows}
    }
}
