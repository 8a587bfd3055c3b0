//! `/plans/PL-000001`: one regular visit: its rhythm and time, each day ahead and what
//! became of it (booked, skipped, being arranged by the office, still to come), with a
//! button to skip a day, and forms to pause, resume, change or end the plan. After a
//! change (`?skipped=…`, `?paused=1`…) it says what was done.

use super::new::rule_fields;
use super::{day_text, rhythm, time_of_day};
use crate::api::plans::{ChangePlan, EndPlan, PausePlan, ResumePlan, SkipPlanDay, get_plan};
use crate::components::alert::{ErrorAlert, field_message};
use crate::components::form::TextField;
use crate::components::layout::Page;
use crate::error::ApiError;
use crate::i18n::{self, Arg, t, t_with};
use crate::pages::booking::window_long;
use crate::request;
use doorstep::dto::plans::{PlanDay, PlanDayState, PlanDetail};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn PlanPage() -> impl IntoView {
    crate::pages::signed_in();
    let reference = use_params_map()
        .get_untracked()
        .get("reference")
        .unwrap_or_default();
    let title = t_with(
        "plan-title",
        &[("reference", reference.to_uppercase().into())],
    );
    view! {
        <Page title=title>
            <p><a href="/plans">{t("plans-back")}</a></p>
            <Suspense fallback=crate::pages::loading>
                {
                    let reference = reference.clone();
                    Suspend::new(async move {
                        match get_plan(reference).await {
                            Ok(plan) => Either::Left(view! { <PlanView plan /> }),
                            Err(error) => {
                                #[cfg(feature = "ssr")]
                                crate::pages::set_status(&error);
                                Either::Right(view! {
                                    <h1>{t("plans-title")}</h1>
                                    <ErrorAlert error />
                                })
                            }
                        }
                    })
                }
            </Suspense>
        </Page>
    }
}

/// What the last change did, from the query it landed with.
fn done_notice() -> Option<impl IntoView + use<>> {
    let query = use_query_map().get_untracked();
    let count = |name: &str| {
        query
            .get(name)
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let mut lines = Vec::new();
    if query.get("created").is_some() {
        lines.push(t_with(
            "plan-done-created",
            &[("count", Arg::Num(count("booked")))],
        ));
        if count("misfits") > 0 {
            lines.push(t_with(
                "plan-misfits",
                &[("count", Arg::Num(count("misfits")))],
            ));
        }
    }
    if let Some(day) = query.get("skipped") {
        lines.push(t_with(
            "plan-done-skipped",
            &[("day", day_text(&day).into())],
        ));
    }
    for what in ["paused", "resumed", "changed", "ended"] {
        if query.get(what).is_some() {
            lines.push(t(&format!("plan-done-{what}")));
        }
    }
    if lines.is_empty() {
        return None;
    }
    if count("kept") > 0 {
        lines.push(t_with(
            "plan-done-kept",
            &[("count", Arg::Num(count("kept")))],
        ));
    }
    Some(view! {
        <div class="alert alert-success" role="status">
            {lines.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
        </div>
    })
}

/// The first error any of the page's forms came back with, to show above them.
fn general(errors: &[Option<ApiError>]) -> Option<ApiError> {
    errors
        .iter()
        .flatten()
        .find(|e| {
            !matches!(
                e,
                ApiError::InvalidField { .. } | ApiError::InvalidFields { .. }
            )
        })
        .cloned()
}

#[component]
fn PlanView(plan: PlanDetail) -> impl IntoView {
    let locale = i18n::locale();
    let s = &plan.summary;
    let reference = s.plan.to_string();
    let skip = ServerAction::<SkipPlanDay>::new();
    let pause = ServerAction::<PausePlan>::new();
    let resume = ServerAction::<ResumePlan>::new();
    let change = ServerAction::<ChangePlan>::new();
    let end = ServerAction::<EndPlan>::new();
    let last = |v: Option<Result<(), ApiError>>| v.and_then(Result::err);
    let skip_error = last(skip.value().get_untracked());
    let pause_error = last(pause.value().get_untracked());
    let change_error = last(change.value().get_untracked());
    let refused = general(&[
        skip_error.clone(),
        pause_error.clone(),
        last(resume.value().get_untracked()),
        change_error.clone(),
        last(end.value().get_untracked()),
    ])
    .or_else(|| skip_error.filter(|e| e.problem_with("day").is_some()));
    let status = super::standing(s);
    let facts = view! {
        <dl class="facts">
            <dt>{t("visit-service")}</dt>
            <dd>{s.service.clone()}</dd>
            <dt>{t("visit-where")}</dt>
            <dd>{s.location_label.clone()}</dd>
            <dt>{t("plan-frequency")}</dt>
            <dd>{rhythm(s.frequency, &s.starts)}</dd>
            <dt>{t("plan-time")}</dt>
            <dd>{t_with("plan-window", &[
                ("time", time_of_day(s.window_start_min, locale).into()),
                ("minutes", Arg::Num(i64::from(s.window_min))),
            ])}</dd>
            <dt>{t("plan-starts")}</dt>
            <dd>{day_text(&s.starts)}</dd>
            {s.ends.clone().map(|e| view! { <dt>{t("plan-ends")}</dt><dd>{day_text(&e)}</dd> })}
            <dt>{t("visit-status")}</dt>
            <dd><span class="badge">{status}</span></dd>
            {plan.notes.clone().map(|n| view! { <dt>{t("visit-notes")}</dt><dd class="notes">{n}</dd> })}
        </dl>
    };
    let days = if plan.days.is_empty() {
        Either::Left(view! { <p class="empty">{t("plan-days-empty")}</p> })
    } else {
        let items = plan
            .days
            .iter()
            .map(|d| day_item(d, &reference, skip))
            .collect_view();
        Either::Right(view! { <ol class="plan-days">{items}</ol> })
    };
    let manage = plan.may_change.then(|| {
        view! {
            <Manage plan=plan.clone() pause resume change end pause_error change_error />
        }
    });
    view! {
        {done_notice()}
        <h1>{t_with("plan-title", &[("reference", reference.clone().into())])}</h1>
        {refused.map(|error| view! { <ErrorAlert error /> })}
        <section class="panel" aria-labelledby="plan-facts">
            <h2 id="plan-facts" class="visually-hidden">{t("plans-title")}</h2>
            {facts}
        </section>
        <section class="panel" aria-labelledby="plan-days-heading">
            <h2 id="plan-days-heading">{t("plan-days")}</h2>
            {days}
        </section>
        {manage}
    }
}

fn day_item(d: &PlanDay, plan: &str, skip: ServerAction<SkipPlanDay>) -> impl IntoView + use<> {
    let locale = i18n::locale();
    let tz = request::current().business.time_zone.zone();
    let when = match (d.state, d.window) {
        (PlanDayState::Booked, Some(w)) => window_long(&w, &tz, locale),
        _ => day_text(&d.day),
    };
    let title = match d.visit.filter(|_| d.state == PlanDayState::Booked) {
        Some(visit) => Either::Left(view! { <a href=format!("/visits/{visit}")>{when}</a> }),
        None => Either::Right(view! { <span>{when}</span> }),
    };
    let label = t_with("plan-skip-day", &[("day", day_text(&d.day).into())]);
    let (plan, day) = (plan.to_string(), d.day.clone());
    let button = d.may_skip.then(move || {
        view! {
            <ActionForm action=skip attr:class="inline-form">
                <input type="hidden" name="plan" value=plan />
                <input type="hidden" name="day" value=day />
                <button type="submit" class="button button-quiet" aria-label=label>{t("plan-skip")}</button>
            </ActionForm>
        }
    });
    let state = format!(
        "badge badge-{}",
        match d.state {
            PlanDayState::Booked => "ok",
            PlanDayState::Misfit => "warn",
            _ => "quiet",
        }
    );
    view! {
        <li class="plan-day">
            <p class="plan-day-when">{title}</p>
            <p><span class=state>{t(d.state.message_key())}</span></p>
            {button}
        </li>
    }
}

#[component]
fn Manage(
    plan: PlanDetail,
    pause: ServerAction<PausePlan>,
    resume: ServerAction<ResumePlan>,
    change: ServerAction<ChangePlan>,
    end: ServerAction<EndPlan>,
    pause_error: Option<ApiError>,
    change_error: Option<ApiError>,
) -> impl IntoView {
    let s = plan.summary;
    let reference = s.plan.to_string();
    let (r1, r2, r3, r4) = (
        reference.clone(),
        reference.clone(),
        reference.clone(),
        reference.clone(),
    );
    let problem_in = |error: &Option<ApiError>, name: &str| {
        error
            .as_ref()
            .and_then(|e| e.problem_with(name))
            .map(field_message)
    };
    let resume_form = s.paused_until.is_some().then(|| {
        view! {
            <ActionForm action=resume attr:class="stack">
                <input type="hidden" name="plan" value=r1 />
                <button type="submit" class="button button-primary">{t("plan-resume")}</button>
            </ActionForm>
        }
    });
    let until = pause_error
        .as_ref()
        .and_then(|e| e.echo("until"))
        .map(str::to_string)
        .or_else(|| s.paused_until.clone())
        .unwrap_or_default();
    let pause_problem = problem_in(&pause_error, "until");
    let pause_form = view! {
        <details class="plan-change" open=pause_error.is_some()>
            <summary>{t("plan-pause")}</summary>
            <ActionForm action=pause attr:class="stack">
                <input type="hidden" name="plan" value=r2 />
                <TextField name="until".to_string() label=t("plan-pause-until") value=until
                    error=pause_problem required=true flat=true input_type="date"
                    hint=t("plan-pause-hint") />
                <button type="submit" class="button">{t("plan-pause-confirm")}</button>
            </ActionForm>
        </details>
    };
    let saved = |name: &str| -> String {
        match name {
            "frequency" => s.frequency.key().to_string(),
            "starts" => s.starts.clone(),
            "ends" => s.ends.clone().unwrap_or_default(),
            "time" => doorstep::technicians::time_of_day(s.window_start_min),
            _ => String::new(),
        }
    };
    let value = |name: &str| match &change_error {
        Some(e) => e.echo(name).unwrap_or_default().to_string(),
        None => saved(name),
    };
    let problem = |name: &str| problem_in(&change_error, name);
    let rule = rule_fields(&value, &problem, s.window_min);
    let change_form = view! {
        <details class="plan-change" open=change_error.is_some()>
            <summary>{t("plan-change")}</summary>
            <p class="hint">{t("plan-change-hint")}</p>
            <ActionForm action=change attr:class="stack">
                <input type="hidden" name="plan" value=r3 />
                {rule}
                <button type="submit" class="button">{t("plan-change-confirm")}</button>
            </ActionForm>
        </details>
    };
    let end_form = view! {
        <details class="plan-change">
            <summary>{t("plan-end")}</summary>
            <p class="hint">{t("plan-end-hint")}</p>
            <ActionForm action=end attr:class="stack">
                <input type="hidden" name="plan" value=r4 />
                <button type="submit" class="button button-danger">{t("plan-end-confirm")}</button>
            </ActionForm>
        </details>
    };
    view! {
        <section class="panel" aria-labelledby="plan-manage-heading">
            <h2 id="plan-manage-heading">{t("plan-manage")}</h2>
            {resume_form}
            {pause_form}
            {change_form}
            {end_form}
        </section>
    }
}
