//! `/office/rules`: the booking rules, and the response times promised to problem reports;
//! each one form that works without JavaScript. Every refused field says why beside itself,
//! and everything typed stays.

use crate::api::office::{
    SaveBookingRules, SaveResponseTimes, get_booking_rules, get_response_times,
};
use crate::components::alert::{ErrorAlert, field_message};
use crate::components::form::TextField;
use crate::components::layout::Page;
use crate::error::ApiError;
use crate::i18n::{t, t_with};
use doorstep::booking_rules::BookingRules;
use doorstep::permissions::Permission;
use doorstep::requests::{Priority, ResponseTimes};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn RulesPage() -> impl IntoView {
    let allowed = crate::pages::allowed(Permission::ManageScheduling);
    let saved = use_query_map().get_untracked().get("saved");
    let times_saved = saved.as_deref() == Some("response-times");
    let saved = saved.is_some() && !times_saved;
    let body = if allowed {
        Either::Left(view! {
            <Suspense fallback=crate::pages::loading>
                {Suspend::new(async move {
                    match (get_booking_rules().await, get_response_times().await) {
                        (Ok(rules), Ok(times)) => Either::Left(view! {
                            <RulesForm rules saved />
                            <ResponseTimesForm times saved=times_saved />
                        }),
                        (Err(error), _) | (_, Err(error)) => {
                            Either::Right(view! { <ErrorAlert error /> })
                        }
                    }
                })}
            </Suspense>
        })
    } else {
        Either::Right(view! { <crate::pages::Refused error=ApiError::Forbidden /> })
    };
    view! {
        <Page title=t("rules-title")>
            <h1>{t("rules-title")}</h1>
            <p class="lead">{t("rules-lead")}</p>
            {body}
        </Page>
    }
}

/// One numeric field: label, hint, the value (as saved, or as typed when refused) and
/// its problem.
#[component]
fn NumberField(
    name: &'static str,
    value: String,
    error: Option<String>,
    #[prop(optional)] decimal: bool,
) -> impl IntoView {
    let hint_id = format!("{name}-hint");
    let error_id = format!("{name}-error");
    let described = if error.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        hint_id.clone()
    };
    let mode = if decimal { "decimal" } else { "numeric" };
    view! {
        <div class="field">
            <label for=name>{t(&format!("rules-{}", name.replace('_', "-")))}</label>
            <p class="hint" id=hint_id>{t(&format!("rules-{}-hint", name.replace('_', "-")))}</p>
            <input type="text" inputmode=mode id=name name=name value=value required=true
                aria-describedby=described aria-invalid=error.is_some().then_some("true") />
            {error.map(|m| view! { <p class="field-error" id=error_id>{m}</p> })}
        </div>
    }
}

#[component]
fn RulesForm(rules: BookingRules, saved: bool) -> impl IntoView {
    let action = ServerAction::<SaveBookingRules>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let saved_values = [
        ("min_notice_hours", rules.min_notice_hours.to_string()),
        ("horizon_days", rules.horizon_days.to_string()),
        ("window_min", rules.window_min.to_string()),
        ("step_min", rules.step_min.to_string()),
        ("road_factor", rules.road_factor.to_string()),
        ("speed_kmh", rules.speed_kmh.to_string()),
        ("travel_buffer_min", rules.travel_buffer_min.to_string()),
        (
            "reschedule_notice_hours",
            rules.reschedule_notice_hours.to_string(),
        ),
        ("cancel_notice_hours", rules.cancel_notice_hours.to_string()),
        ("reminder_hours", rules.reminder_hours.to_string()),
    ];
    let field = |name: &'static str| {
        let value = error
            .as_ref()
            .and_then(|e| e.echo(name))
            .map(str::to_string)
            .or_else(|| {
                saved_values
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.clone())
            })
            .unwrap_or_default();
        let problem = error
            .as_ref()
            .and_then(|e| e.problem_with(name))
            .map(field_message);
        (value, problem)
    };
    let number = |name: &'static str| {
        let (value, error) = field(name);
        view! { <NumberField name value error /> }.into_any()
    };
    let decimal = |name: &'static str| {
        let (value, error) = field(name);
        view! { <NumberField name value error decimal=true /> }.into_any()
    };
    let [
        notice,
        horizon,
        window,
        step,
        road,
        speed,
        allowance,
        moving,
        cancelling,
        reminder,
    ] = [
        number("min_notice_hours"),
        number("horizon_days"),
        number("window_min"),
        number("step_min"),
        decimal("road_factor"),
        decimal("speed_kmh"),
        number("travel_buffer_min"),
        number("reschedule_notice_hours"),
        number("cancel_notice_hours"),
        number("reminder_hours"),
    ];
    let done = (saved && error.is_none()).then(|| {
        view! { <crate::components::alert::DoneAlert text=t("rules-saved") /> }
    });
    view! {
        {done}
        {error.clone().map(|error| view! { <ErrorAlert error /> })}
        <ActionForm action=action attr:class="panel stack">
            <fieldset>
                <legend>{t("rules-booking")}</legend>
                {notice}
                {horizon}
                {window}
                {step}
            </fieldset>
            <fieldset>
                <legend>{t("rules-travel")}</legend>
                {road}
                {speed}
                {allowance}
            </fieldset>
            <fieldset>
                <legend>{t("rules-changes")}</legend>
                {moving}
                {cancelling}
                {reminder}
            </fieldset>
            <button type="submit" class="button button-primary">{t("rules-save")}</button>
        </ActionForm>
    }
}

/// How fast the business promises to answer a problem report, per priority: customers see
/// it, and acknowledge it, before they send one.
#[component]
fn ResponseTimesForm(times: ResponseTimes, saved: bool) -> impl IntoView {
    let action = ServerAction::<SaveResponseTimes>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let fields = Priority::ALL
        .into_iter()
        .rev()
        .map(|priority| {
            let name = ResponseTimes::field(priority);
            let value = match &error {
                Some(e) => e.echo(&name).unwrap_or_default().to_string(),
                None => times.hours(priority).to_string(),
            };
            let problem = error
                .as_ref()
                .and_then(|e| e.problem_with(&name))
                .map(field_message);
            let label = t_with(
                "rules-response-label",
                &[(
                    "priority",
                    t(&format!("problem-priority-{}", priority.as_str())).into(),
                )],
            );
            let promised = crate::pages::requests::problem::response_time(times.hours(priority));
            view! {
                <TextField name label value error=problem inputmode="numeric" required=true
                    hint=t_with("rules-response-now", &[("time", promised.into())]) />
            }
        })
        .collect_view();
    let done = (saved && error.is_none()).then(|| {
        view! { <crate::components::alert::DoneAlert text=t("rules-response-saved") /> }
    });
    view! {
        <section aria-labelledby="response-times" class="stack">
            <h2 id="response-times">{t("rules-response")}</h2>
            <p class="hint">{t("rules-response-hint")}</p>
            {done}
            {error.clone().map(|error| view! { <ErrorAlert error /> })}
            <ActionForm action=action attr:class="panel stack">
                {fields}
                <button type="submit" class="button button-primary">{t("rules-response-save")}</button>
            </ActionForm>
        </section>
    }
}
