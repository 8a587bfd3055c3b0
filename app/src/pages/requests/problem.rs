//! `/requests/problem?location=…`: "Something is wrong": the form a customer reports a
//! problem with (category, description, priority with its response time, preferred days,
//! photos from the phone's camera or files). A plain multipart form: it works without
//! JavaScript, and a refused form comes back with everything typed (photos must be chosen
//! again: browsers never refill a file input).

use crate::api::requests::problems::{ProblemOptions, REPORT_PROBLEM_PATH, get_problem_options};
use crate::components::alert::{ErrorAlert, field_message};
use crate::components::form::TextField;
use crate::components::layout::Page;
use crate::error::ApiError;
use crate::i18n::{t, t_with};
use crate::pages::allowed;
use doorstep::permissions::Permission;
use doorstep::requests::{ProblemCategory, WEEKDAYS};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

pub fn category_label(category: ProblemCategory) -> String {
    t(match category {
        ProblemCategory::NotWorking => "problem-category-not-working",
        ProblemCategory::Leak => "problem-category-leak",
        ProblemCategory::Damage => "problem-category-damage",
        ProblemCategory::NoiseOrSmell => "problem-category-noise-or-smell",
        ProblemCategory::Pests => "problem-category-pests",
        ProblemCategory::Cleaning => "problem-category-cleaning",
        ProblemCategory::Other => "problem-category-other",
    })
}

pub fn priority_label(priority: doorstep::requests::Priority) -> String {
    use doorstep::requests::Priority;
    t(match priority {
        Priority::Low => "problem-priority-low",
        Priority::Normal => "problem-priority-normal",
        Priority::Urgent => "problem-priority-urgent",
        Priority::Emergency => "problem-priority-emergency",
    })
}

/// "within 8 hours", "within 2 days".
pub fn response_time(hours: u32) -> String {
    if hours >= 48 && hours.is_multiple_of(24) {
        t_with("problem-within-days", &[("n", (hours / 24).into())])
    } else {
        t_with("problem-within-hours", &[("n", hours.into())])
    }
}

/// `mon` → "Monday", in the page's language.
pub fn weekday_label(day: &str) -> String {
    let index = WEEKDAYS.iter().position(|d| *d == day).unwrap_or_default();
    doorstep::format::weekday_long(index, crate::i18n::locale()).to_string()
}

#[component]
pub fn ProblemFormPage() -> impl IntoView {
    let may = allowed(Permission::BookVisits);
    let location = use_query_map()
        .get_untracked()
        .get("location")
        .unwrap_or_default();
    let body = if may {
        Either::Left(view! {
            <Suspense fallback=crate::pages::loading>
                {
                    let location = location.clone();
                    Suspend::new(async move {
                        match get_problem_options().await {
                            Ok(options) => Either::Left(view! { <ProblemForm options location /> }),
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
        <Page title=t("problem-title")>
            <p><a href="/">{t("request-home")}</a></p>
            <h1>{t("problem-title")}</h1>
            {body}
        </Page>
    }
}

#[component]
fn ProblemForm(options: ProblemOptions, location: String) -> impl IntoView {
    let error = crate::pages::form_error(REPORT_PROBLEM_PATH);
    if options.locations.is_empty() {
        return Either::Left(view! { <p class="empty">{t("problem-no-places")}</p> });
    }
    let value = |name: &str| {
        error
            .as_ref()
            .and_then(|e| e.echo(name))
            .unwrap_or_default()
            .to_string()
    };
    let problem = |name: &str| {
        error
            .as_ref()
            .and_then(|e| e.problem_with(name))
            .map(field_message)
    };
    let chosen_location = {
        let typed = value("location");
        if typed.is_empty() { location } else { typed }
    };
    let location_field = if options.locations.len() == 1 {
        let only = &options.locations[0];
        Either::Left(view! {
            <input type="hidden" name="location" value=only.location.to_string() />
            <p class="lead">{t_with("request-at", &[("place", only.label.clone().into())])}</p>
        })
    } else {
        let choices = options
            .locations
            .iter()
            .map(|l| {
                let reference = l.location.to_string();
                let selected = reference.eq_ignore_ascii_case(&chosen_location);
                view! { <option value=reference selected=selected>{l.label.clone()}</option> }
            })
            .collect_view();
        Either::Right(view! {
            <div class="field">
                <label for="field-location">{t("request-place")}</label>
                <select id="field-location" name="location" required=true>{choices}</select>
            </div>
        })
    };
    let category = value("category");
    let categories = ProblemCategory::ALL
        .into_iter()
        .map(|c| {
            let id = format!("category-{}", c.as_str());
            view! {
                <div class="option">
                    <input type="radio" id=id.clone() name="category" value=c.as_str()
                        checked=category == c.as_str() required=true />
                    <label for=id>{category_label(c)}</label>
                </div>
            }
        })
        .collect_view();
    let priority = value("priority");
    let priorities = doorstep::requests::Priority::ALL
        .into_iter()
        .map(|p| {
            let id = format!("priority-{}", p.as_str());
            let hint_id = format!("{id}-hint");
            let within = response_time(options.response.hours(p));
            view! {
                <div class="option">
                    <input type="radio" id=id.clone() name="priority" value=p.as_str()
                        checked=priority == p.as_str() required=true aria-describedby=hint_id.clone() />
                    <label for=id>{priority_label(p)}</label>
                    <span class="hint" id=hint_id>{t_with("problem-answer-within", &[("time", within.into())])}</span>
                </div>
            }
        })
        .collect_view();
    let days_typed = value("days");
    let days = WEEKDAYS
        .into_iter()
        .map(|d| {
            let id = format!("day-{d}");
            let checked = days_typed.split(',').any(|x| x == d);
            view! {
                <div class="option option-inline">
                    <input type="checkbox" id=id.clone() name="days" value=d checked=checked />
                    <label for=id>{weekday_label(d)}</label>
                </div>
            }
        })
        .collect_view();
    let fieldset_error = |name: &str| {
        problem(name).map(|m| view! { <p class="field-error" id=format!("{name}-error")>{m}</p> })
    };
    let described = |name: &str, hint: bool| {
        let mut ids = Vec::new();
        if hint {
            ids.push(format!("{name}-hint"));
        }
        if problem(name).is_some() {
            ids.push(format!("{name}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let photos_hint = t_with(
        "problem-photos-hint",
        &[
            ("n", options.max_files.into()),
            ("mb", options.max_mb.into()),
        ],
    );
    Either::Right(view! {
        {error.clone().map(|error| view! { <ErrorAlert error /> })}
        <form method="post" action=REPORT_PROBLEM_PATH enctype="multipart/form-data" class="panel stack">
            {location_field}
            <fieldset aria-describedby=described("category", false)>
                <legend>{t("problem-category")}</legend>
                {categories}
                {fieldset_error("category")}
            </fieldset>
            <TextField name="description".to_string() label=t("problem-description") value=value("description")
                error=problem("description") area=true required=true hint=t("problem-description-hint") flat=true />
            <fieldset aria-describedby=described("priority", false)>
                <legend>{t("problem-priority")}</legend>
                {priorities}
                {fieldset_error("priority")}
            </fieldset>
            <div class="field">
                <div class="option">
                    <input type="checkbox" id="field-acknowledged" name="acknowledged" value="yes"
                        checked=!value("acknowledged").is_empty() required=true
                        aria-describedby=described("acknowledged", false)
                        aria-invalid=problem("acknowledged").map(|_| "true") />
                    <label for="field-acknowledged">{t("problem-acknowledge")}</label>
                </div>
                {fieldset_error("acknowledged")}
            </div>
            <fieldset aria-describedby=described("days", true)>
                <legend>{t("problem-days")}</legend>
                <p class="hint" id="days-hint">{t("problem-days-hint")}</p>
                {days}
                {fieldset_error("days")}
            </fieldset>
            <div class="field">
                <label for="field-photos">{t("problem-photos")}</label>
                <p class="hint" id="photos-hint">{photos_hint}</p>
                <input type="file" id="field-photos" name="photos" multiple=true
                    accept="image/jpeg,image/png,image/webp" aria-describedby=described("photos", true)
                    aria-invalid=problem("photos").map(|_| "true") />
                {fieldset_error("photos")}
            </div>
            <TextField name="phone".to_string() label=t("request-phone") value=value("phone")
                error=problem("phone") autocomplete="tel" inputmode="tel" hint=t("request-phone-hint")
                flat=true />
            <button type="submit" class="button button-primary">{t("problem-send")}</button>
        </form>
    })
}
