//! `/office/technicians`: who works, with their hours at a glance; and
//! `/office/technicians/PE-000003`: one technician's skills and area, weekly hours, time off
//! and extra shifts, each a plain form that works without JavaScript and keeps what was typed.

use crate::api::office::{
    AddExtraShift, AddTimeOff, RemoveExtraShift, RemoveTimeOff, SAVE_TECHNICIAN_CARD_PATH,
    SaveTechnician, SaveTechnicianHours, TRADE_MAX, get_technician, get_technicians,
};
use crate::components::alert::{ErrorAlert, field_message};
use crate::components::form::TextField;
use crate::components::layout::Page;
use crate::error::ApiError;
use crate::i18n::{self, Arg, t, t_with};
use crate::request;
use doorstep::dto::{TechnicianCard, TechnicianDetail, TechnicianSummary};
use doorstep::format;
use doorstep::places::Position;
use doorstep::technicians::{WeekHours, format_day_hours, time_of_day};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Sends visitors to sign in; says whether the person may plan technicians.
fn allowed() -> bool {
    crate::pages::allowed(doorstep::permissions::Permission::ManageScheduling)
}

/// `Mon 08:00–12:00, 13:00–17:00 · Tue …`, days off left out.
fn week_line(week: &WeekHours) -> String {
    let locale = i18n::locale();
    let days: Vec<String> = week
        .days
        .iter()
        .enumerate()
        .filter(|(_, spans)| !spans.is_empty())
        .map(|(i, spans)| {
            format!(
                "{} {}",
                format::weekday_short(i, locale),
                format_day_hours(spans)
            )
        })
        .collect();
    if days.is_empty() {
        t("technicians-no-hours")
    } else {
        days.join(" · ")
    }
}

fn hours_a_week(week: &WeekHours) -> String {
    let minutes = week.total_minutes();
    let hours = format!("{}:{:02}", minutes / 60, minutes % 60);
    t_with("technician-hours-total", &[("hours", hours.into())])
}

#[component]
pub fn TechniciansPage() -> impl IntoView {
    let may = allowed();
    let body = if may {
        Either::Left(view! {
            <Suspense fallback=crate::pages::loading>
                {Suspend::new(async move {
                    match get_technicians().await {
                        Ok(list) => Either::Left(view! { <TechnicianList list /> }),
                        Err(error) => Either::Right(view! { <ErrorAlert error /> }),
                    }
                })}
            </Suspense>
        })
    } else {
        Either::Right(view! { <crate::pages::Refused error=ApiError::Forbidden /> })
    };
    view! {
        <Page title=t("technicians-title")>
            <h1>{t("technicians-title")}</h1>
            <p class="lead">{t("technicians-lead")}</p>
            {body}
        </Page>
    }
}

#[component]
fn TechnicianList(list: Vec<TechnicianSummary>) -> impl IntoView {
    if list.is_empty() {
        return Either::Left(view! { <p class="empty">{t("technicians-empty")}</p> });
    }
    let rows = list
        .into_iter()
        .map(|tech| {
            let href = format!("/office/technicians/{}", tech.user);
            let skills = tech
                .profile
                .as_ref()
                .map(|p| p.skills.join(", "))
                .unwrap_or_default();
            let state = match (&tech.profile, tech.disabled) {
                (_, true) => t("technicians-state-disabled"),
                (None, false) => t("technicians-state-unset"),
                (Some(_), false) => t("technicians-state-ready"),
            };
            view! {
                <tr>
                    <th scope="row"><a href=href>{tech.name.clone()}</a></th>
                    <td>{skills}</td>
                    <td>{week_line(&tech.hours)}</td>
                    <td>{state}</td>
                </tr>
            }
        })
        .collect_view();
    Either::Right(view! {
        <div class="table-wrap">
            <table class="table">
                <caption class="visually-hidden">{t("technicians-title")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("technicians-name")}</th>
                        <th scope="col">{t("technician-skills")}</th>
                        <th scope="col">{t("technician-hours")}</th>
                        <th scope="col">{t("technicians-state")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    })
}

#[component]
pub fn TechnicianPage() -> impl IntoView {
    let may = allowed();
    let reference = use_params_map()
        .get_untracked()
        .get("reference")
        .unwrap_or_default();
    let body = may.then(|| {
        view! {
            <Suspense fallback=crate::pages::loading>
                {
                    let reference = reference.clone();
                    Suspend::new(async move {
                        match get_technician(reference).await {
                            Ok(detail) => Either::Left(view! { <TechnicianForms detail /> }),
                            Err(error) => {
                                #[cfg(feature = "ssr")]
                                crate::pages::set_status(&error);
                                Either::Right(view! {
                                    <h1>{t("technicians-title")}</h1>
                                    <ErrorAlert error />
                                })
                            }
                        }
                    })
                }
            </Suspense>
        }
    });
    view! {
        <Page title=t("technicians-title")>
            <p><a href="/office/technicians">{t("technicians-back")}</a></p>
            {(!may).then(|| view! { <crate::pages::Refused error=ApiError::Forbidden /> })}
            {body}
        </Page>
    }
}

/// What a form's failed submission left: the value typed into `name`, or `saved`.
fn typed(error: Option<&ApiError>, name: &str, saved: impl FnOnce() -> String) -> String {
    match error {
        Some(e) => e.echo(name).unwrap_or_default().to_string(),
        None => saved(),
    }
}

fn problem(error: Option<&ApiError>, name: &str) -> Option<String> {
    error.and_then(|e| e.problem_with(name)).map(field_message)
}

#[component]
fn TechnicianForms(detail: TechnicianDetail) -> impl IntoView {
    let saved = use_query_map().get_untracked().get("saved");
    let visits: i64 = use_query_map()
        .get_untracked()
        .get("visits")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let TechnicianDetail {
        summary,
        card,
        time_off,
        extra_shifts,
    } = detail;
    let user = summary.user.to_string();
    let name = summary.name.clone();
    let done = saved.map(|what| {
        let key = match what.as_str() {
            "profile" => "technician-saved-profile",
            "card" => "technician-saved-card",
            "hours" => "technician-saved-hours",
            "time-off" => "technician-saved-time-off",
            "time-off-removed" => "technician-removed-time-off",
            "extra-shift" => "technician-saved-extra-shift",
            _ => "technician-removed-extra-shift",
        };
        let warning = (what == "time-off" && visits > 0).then(|| {
            view! { <p>{t_with("technician-time-off-visits", &[("count", Arg::Num(visits))])}</p> }
        });
        view! {
            <div class="alert alert-success" role="status">
                <p>{t(key)}</p>
                {warning}
            </div>
        }
    });
    let unset = summary.profile.is_none().then(|| {
        view! {
            <div class="alert alert-warning">
                <p>{t_with("technician-unset", &[("name", name.clone().into())])}</p>
            </div>
        }
    });
    view! {
        <h1>{summary.name.clone()}</h1>
        <p class="meta">{summary.email.clone()}
            {summary.disabled.then(|| view! { " · "{t("technicians-state-disabled")} })}</p>
        {done}
        {unset}
        <CardForm user=user.clone() card />
        <ProfileForm user=user.clone() summary=summary.clone() />
        <HoursForm user=user.clone() week=summary.hours.clone() />
        <TimeOffSection user=user.clone() entries=time_off />
        <ExtraShiftSection user entries=extra_shifts />
    }
}

#[component]
fn ProfileForm(user: String, summary: TechnicianSummary) -> impl IntoView {
    let action = ServerAction::<SaveTechnician>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let profile = summary.profile;
    let field = |name: &'static str, label: &str, hint: Option<&str>, inputmode: &'static str| {
        let value = typed(error.as_ref(), name, || {
            profile
                .as_ref()
                .map(|p| match name {
                    "skills" => p.skills.join(", "),
                    "home_latitude" => Position::field(p.home.latitude),
                    "home_longitude" => Position::field(p.home.longitude),
                    "radius_km" => p.radius_km.map(Position::field).unwrap_or_default(),
                    _ => p.postal_codes.join(", "),
                })
                .unwrap_or_default()
        });
        view! {
            <TextField name=name.to_string() label=t(label) value error=problem(error.as_ref(), name)
                hint=hint.map(t).unwrap_or_default() inputmode />
        }
    };
    let skills = field(
        "skills",
        "technician-skills",
        Some("technician-skills-hint"),
        "",
    );
    let latitude = field("home_latitude", "technician-home-latitude", None, "decimal");
    let longitude = field(
        "home_longitude",
        "technician-home-longitude",
        None,
        "decimal",
    );
    let radius = field(
        "radius_km",
        "technician-radius",
        Some("technician-radius-hint"),
        "decimal",
    );
    let codes = field(
        "postal_codes",
        "technician-postal-codes",
        Some("technician-postal-codes-hint"),
        "",
    );
    view! {
        <section aria-labelledby="profile-heading" class="stack">
            <h2 id="profile-heading">{t("technician-profile")}</h2>
            {error.clone().map(|error| view! { <ErrorAlert error /> })}
            <ActionForm action=action attr:class="panel stack">
                <input type="hidden" name="user" value=user />
                {skills}
                <fieldset>
                    <legend>{t("technician-home")}</legend>
                    <p class="hint">{t("technician-home-hint")}</p>
                    {latitude}
                    {longitude}
                </fieldset>
                <fieldset>
                    <legend>{t("technician-area")}</legend>
                    {radius}
                    {codes}
                </fieldset>
                <button type="submit" class="button button-primary">{t("technician-save-profile")}</button>
            </ActionForm>
        </section>
    }
}

/// What customers see of the technician: trade and photo. A plain multipart form (it sends
/// a file); a refused one comes back with the trade as typed (the photo is chosen again).
#[component]
fn CardForm(user: String, card: TechnicianCard) -> impl IntoView {
    let error = crate::pages::form_error(SAVE_TECHNICIAN_CARD_PATH);
    let trade = typed(error.as_ref(), "trade", || {
        card.trade.clone().unwrap_or_default()
    });
    #[cfg(feature = "ssr")]
    let max_mb = use_context::<crate::state::AppState>()
        .map(|state| state.uploads.max_megabytes())
        .unwrap_or_default();
    #[cfg(not(feature = "ssr"))]
    let max_mb = 0u64;
    let photo_problem = problem(error.as_ref(), "photos");
    let described = if photo_problem.is_some() {
        "card-photo-hint photos-error"
    } else {
        "card-photo-hint"
    };
    let current = card.photo.map(|photo| {
        view! {
            <img class="portrait" src=format!("/files/{}/thumb", photo.token)
                alt=t("technician-card-photo-current") width="96" height="96" />
            <div class="option">
                <input type="checkbox" id="field-remove-photo" name="remove_photo" value="yes" />
                <label for="field-remove-photo">{t("technician-card-remove-photo")}</label>
            </div>
        }
    });
    view! {
        <section aria-labelledby="card-heading" class="stack">
            <h2 id="card-heading">{t("technician-card")}</h2>
            <p class="hint">{t("technician-card-hint")}</p>
            {error.clone().map(|error| view! { <ErrorAlert error /> })}
            <form method="post" action=SAVE_TECHNICIAN_CARD_PATH enctype="multipart/form-data"
                class="panel stack">
                <input type="hidden" name="user" value=user />
                <TextField name="trade".to_string() label=t("technician-trade") value=trade
                    error=problem(error.as_ref(), "trade")
                    hint=t_with("technician-trade-hint", &[("max", TRADE_MAX.into())]) flat=true />
                {current}
                <div class="field">
                    <label for="field-photos">{t("technician-card-photo")}</label>
                    <p class="hint" id="card-photo-hint">
                        {t_with("technician-card-photo-hint", &[("mb", max_mb.into())])}
                    </p>
                    <input type="file" id="field-photos" name="photos"
                        accept="image/jpeg,image/png,image/webp" aria-describedby=described
                        aria-invalid=photo_problem.as_ref().map(|_| "true") />
                    {photo_problem.map(|m| view! { <p class="field-error" id="photos-error">{m}</p> })}
                </div>
                <button type="submit" class="button button-primary">{t("technician-save-card")}</button>
            </form>
        </section>
    }
}

#[component]
fn HoursForm(user: String, week: WeekHours) -> impl IntoView {
    let action = ServerAction::<SaveTechnicianHours>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let locale = i18n::locale();
    let total = hours_a_week(&week);
    let days = (0..7)
        .map(|i| {
            let name = WeekHours::field(i + 1);
            let value = typed(error.as_ref(), &name, || format_day_hours(&week.days[i]));
            let problem = problem(error.as_ref(), &name);
            view! {
                <TextField name label=format::weekday_long(i, locale).to_string() value error=problem />
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="hours-heading" class="stack">
            <h2 id="hours-heading">{t("technician-hours")}</h2>
            <p class="hint">{t("technician-hours-hint")}</p>
            <p class="meta">{total}</p>
            {error.clone().map(|error| view! { <ErrorAlert error /> })}
            <ActionForm action=action attr:class="panel stack">
                <input type="hidden" name="user" value=user />
                {days}
                <button type="submit" class="button button-primary">{t("technician-save-hours")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn TimeOffSection(user: String, entries: Vec<doorstep::dto::TimeOffEntry>) -> impl IntoView {
    let add = ServerAction::<AddTimeOff>::new();
    let remove = ServerAction::<RemoveTimeOff>::new();
    let error = add.value().get_untracked().and_then(Result::err);
    let removal_error = remove.value().get_untracked().and_then(Result::err);
    let business = request::current().business;
    let tz = business.time_zone.zone();
    let locale = i18n::locale();
    let list =
        if entries.is_empty() {
            Either::Left(view! { <p class="empty">{t("technician-time-off-empty")}</p> })
        } else {
            let items = entries
            .into_iter()
            .map(|entry| {
                let at = |s: i64| {
                    jiff::Timestamp::from_second(s)
                        .map(|at| format::date_time(at, &tz, locale))
                        .unwrap_or_default()
                };
                let span = format!("{} – {}", at(entry.starts_at), at(entry.ends_at));
                let label = t_with("technician-remove-time-off", &[("span", span.clone().into())]);
                let user = user.clone();
                view! {
                    <li class="row-item">
                        <span>
                            {span}
                            {entry.reason.map(|r| view! { " · "{r} })}
                            {(entry.visits > 0).then(|| view! {
                                <span class="meta">" · "{t_with("technician-time-off-visits-short",
                                    &[("count", Arg::Num(entry.visits))])}</span>
                            })}
                        </span>
                        <ActionForm action=remove>
                            <input type="hidden" name="user" value=user />
                            <input type="hidden" name="entry" value=entry.id.to_string() />
                            <button type="submit" class="button button-small" aria-label=label>
                                {t("technician-remove")}
                            </button>
                        </ActionForm>
                    </li>
                }
            })
            .collect_view();
            Either::Right(view! { <ul class="plain-list">{items}</ul> })
        };
    let field = |name: &'static str, label: &str, input_type: &'static str, required: bool| {
        view! {
            <TextField name=name.to_string() label=t(label) value=typed(error.as_ref(), name, String::new)
                error=problem(error.as_ref(), name) input_type required />
        }
    };
    let start_day = field("start_day", "technician-start-day", "date", true);
    let start_time = field("start_time", "technician-start-time", "time", false);
    let end_day = field("end_day", "technician-end-day", "date", true);
    let end_time = field("end_time", "technician-end-time", "time", false);
    let reason = field("reason", "technician-reason", "text", false);
    view! {
        <section aria-labelledby="time-off-heading" class="stack">
            <h2 id="time-off-heading">{t("technician-time-off")}</h2>
            {removal_error.map(|error| view! { <ErrorAlert error /> })}
            {list}
            {error.clone().map(|error| view! { <ErrorAlert error /> })}
            <ActionForm action=add attr:class="panel stack">
                <input type="hidden" name="user" value=user.clone() />
                <p class="hint">{t("technician-time-off-hint")}</p>
                <div class="field-row">{start_day}{start_time}</div>
                <div class="field-row">{end_day}{end_time}</div>
                {reason}
                <button type="submit" class="button button-primary">{t("technician-add-time-off")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn ExtraShiftSection(user: String, entries: Vec<doorstep::dto::ExtraShiftEntry>) -> impl IntoView {
    let add = ServerAction::<AddExtraShift>::new();
    let remove = ServerAction::<RemoveExtraShift>::new();
    let error = add.value().get_untracked().and_then(Result::err);
    let removal_error = remove.value().get_untracked().and_then(Result::err);
    let locale = i18n::locale();
    let list = if entries.is_empty() {
        Either::Left(view! { <p class="empty">{t("technician-extra-shifts-empty")}</p> })
    } else {
        let items = entries
            .into_iter()
            .map(|entry| {
                let span = format!(
                    "{}, {}–{}",
                    format::day_long(entry.day, locale),
                    time_of_day(entry.span.start_min),
                    time_of_day(entry.span.end_min)
                );
                let label = t_with(
                    "technician-remove-extra-shift",
                    &[("span", span.clone().into())],
                );
                let user = user.clone();
                view! {
                    <li class="row-item">
                        <span>{span}</span>
                        <ActionForm action=remove>
                            <input type="hidden" name="user" value=user />
                            <input type="hidden" name="entry" value=entry.id.to_string() />
                            <button type="submit" class="button button-small" aria-label=label>
                                {t("technician-remove")}
                            </button>
                        </ActionForm>
                    </li>
                }
            })
            .collect_view();
        Either::Right(view! { <ul class="plain-list">{items}</ul> })
    };
    let field = |name: &'static str, label: &str, input_type: &'static str| {
        view! {
            <TextField name=name.to_string() label=t(label) value=typed(error.as_ref(), name, String::new)
                error=problem(error.as_ref(), name) input_type required=true />
        }
    };
    let day = field("day", "technician-shift-day", "date");
    let from = field("from", "technician-shift-from", "time");
    let until = field("until", "technician-shift-until", "time");
    view! {
        <section aria-labelledby="extra-heading" class="stack">
            <h2 id="extra-heading">{t("technician-extra-shifts")}</h2>
            <p class="hint">{t("technician-extra-shifts-hint")}</p>
            {removal_error.map(|error| view! { <ErrorAlert error /> })}
            {list}
            {error.clone().map(|error| view! { <ErrorAlert error /> })}
            <ActionForm action=add attr:class="panel stack">
                <input type="hidden" name="user" value=user.clone() />
                {day}
                <div class="field-row">{from}{until}</div>
                <button type="submit" class="button button-primary">{t("technician-add-extra-shift")}</button>
            </ActionForm>
        </section>
    }
}
