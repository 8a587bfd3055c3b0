//! `/plans/new`: a customer sets up a regular visit: where, what, how often, from when, at
//! what time. The first visits are booked at once; a day the time does not fit goes to the
//! office instead of being dropped. `?location=` and `?service=` preselect.

use crate::api::plans::{CreatePlan, PlanForm, get_plan_form};
use crate::components::alert::{ErrorAlert, field_message};
use crate::components::form::TextField;
use crate::components::layout::Page;
use crate::error::ApiError;
use crate::i18n::{Arg, t, t_with};
use crate::pages::allowed;
use doorstep::permissions::Permission;
use doorstep::recurrence::Frequency;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn NewPlanPage() -> impl IntoView {
    let may = allowed(Permission::BookVisits);
    let query = use_query_map().get_untracked();
    let location = query.get("location").unwrap_or_default();
    let service = query.get("service").unwrap_or_default();
    let body = if may {
        Either::Left(view! {
            <Suspense fallback=crate::pages::loading>
                {
                    let (location, service) = (location.clone(), service.clone());
                    Suspend::new(async move {
                        match get_plan_form().await {
                            Ok(form) => Either::Left(view! { <NewPlanForm form location service /> }),
                            Err(error) => Either::Right(view! { <ErrorAlert error /> }),
                        }
                    })
                }
            </Suspense>
        })
    } else {
        Either::Right(view! { <crate::pages::Refused error=ApiError::Forbidden /> })
    };
    view! {
        <Page title=t("plans-add")>
            <p><a href="/plans">{t("plans-back")}</a></p>
            <h1>{t("plans-add")}</h1>
            {body}
        </Page>
    }
}

/// The rhythm, start, end and time fields, shared by the new plan and the change form.
/// `value` gives each field's value; `problem` its error, if any.
pub fn rule_fields(
    value: &dyn Fn(&str) -> String,
    problem: &dyn Fn(&str) -> Option<String>,
    window_min: u16,
) -> impl IntoView + use<> {
    let chosen = value("frequency");
    let frequency_error = problem("frequency");
    let choices = Frequency::KEYS
        .iter()
        .map(|key| {
            let id = format!("frequency-{key}");
            let checked = chosen == *key;
            let label = t(&format!("plan-frequency-{}", key.replace('_', "-")));
            view! {
                <div class="radio">
                    <input type="radio" id=id.clone() name="frequency" value=*key checked=checked required=true />
                    <label for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    let starts = view! {
        <TextField name="starts".to_string() label=t("plan-starts") value=value("starts")
            error=problem("starts") required=true flat=true input_type="date"
            hint=t("plan-starts-hint") />
    };
    let ends = view! {
        <TextField name="ends".to_string() label=t("plan-ends") value=value("ends")
            error=problem("ends") flat=true input_type="date" hint=t("plan-ends-hint") />
    };
    let time = view! {
        <TextField name="time".to_string() label=t("plan-time") value=value("time")
            error=problem("time") required=true flat=true input_type="time"
            hint=t_with("plan-time-hint", &[("minutes", Arg::Num(i64::from(window_min)))]) />
    };
    let described = frequency_error.as_ref().map(|_| "frequency-error");
    view! {
        <fieldset aria-describedby=described>
            <legend>{t("plan-frequency")}</legend>
            {choices}
            {frequency_error.map(|m| view! { <p class="field-error" id="frequency-error">{m}</p> })}
        </fieldset>
        {starts}
        {ends}
        {time}
    }
}

#[component]
fn NewPlanForm(form: PlanForm, location: String, service: String) -> impl IntoView {
    let action = ServerAction::<CreatePlan>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let value = |name: &str| -> String {
        match &error {
            Some(e) => e.echo(name).unwrap_or_default().to_string(),
            None => match name {
                "frequency" => "every_2_weeks".to_string(),
                "time" => "09:00".to_string(),
                "starts" => form.today.clone(),
                _ => String::new(),
            },
        }
    };
    let problem = |name: &str| {
        error
            .as_ref()
            .and_then(|e| e.problem_with(name))
            .map(field_message)
    };
    let general = error.clone().filter(|e| {
        !matches!(
            e,
            ApiError::InvalidFields { .. } | ApiError::InvalidField { .. }
        )
    });
    let placed: Vec<_> = form
        .options
        .locations
        .iter()
        .filter(|l| l.placed)
        .cloned()
        .collect();
    let unplaced = form.options.locations.len() - placed.len();
    let bookable: Vec<_> = form
        .options
        .services
        .iter()
        .filter(|s| s.bookable)
        .cloned()
        .collect();
    if placed.is_empty() || bookable.is_empty() {
        let why = if placed.is_empty() {
            t("plan-no-locations")
        } else {
            t("book-no-services")
        };
        return Either::Left(view! {
            <div class="alert alert-info" role="status"><p>{why}</p></div>
            <p><a class="button" href="/locations">{t("locations-manage")}</a></p>
        });
    }
    // After a refused post, what was chosen then; else what the address preselects.
    let chosen = |name: &str, preset: &str| {
        error
            .as_ref()
            .and_then(|e| e.echo(name))
            .unwrap_or(preset)
            .to_string()
    };
    let (location, service) = (chosen("location", &location), chosen("service", &service));
    let locations = placed
        .into_iter()
        .map(|l| {
            let reference = l.location.to_string();
            let selected = reference.eq_ignore_ascii_case(&location);
            view! { <option value=reference selected=selected>{format!("{} — {}", l.label, l.address.join(", "))}</option> }
        })
        .collect_view();
    let services = bookable
        .into_iter()
        .map(|s| {
            let reference = s.service.to_string();
            let selected = reference.eq_ignore_ascii_case(&service);
            view! { <option value=reference selected=selected>{s.name}</option> }
        })
        .collect_view();
    let unplaced_note =
        (unplaced > 0).then(|| view! { <p class="hint">{t("plan-unplaced-hidden")}</p> });
    let notes = view! {
        <TextField name="notes".to_string() label=t("plan-notes") value=value("notes")
            error=problem("notes") area=true flat=true hint=t("plan-notes-hint") />
    };
    let rule = rule_fields(&value, &problem, form.window_min);
    Either::Right(view! {
        {general.map(|error| view! { <ErrorAlert error /> })}
        <ActionForm action=action attr:class="panel stack">
            <div class="field">
                <label for="plan-location">{t("plan-location")}</label>
                <select id="plan-location" name="location" required=true>{locations}</select>
                {unplaced_note}
            </div>
            <div class="field">
                <label for="plan-service">{t("plan-service")}</label>
                <select id="plan-service" name="service" required=true>{services}</select>
            </div>
            {rule}
            {notes}
            <button type="submit" class="button button-primary">{t("plan-create")}</button>
        </ActionForm>
    })
}
