//! `/today`: the technician's day on a phone. The jobs in order with when, where, how to
//! get in and what the customer wrote, and one button for the next step of each (on my way,
//! arrived, start, complete): a plain form, so it works without JavaScript.

use crate::api::visits::{AdvanceVisit, get_technician_day};
use crate::components::alert::ErrorAlert;
use crate::components::layout::Page;
use crate::error::ApiError;
use crate::i18n::{self, t, t_with};
use crate::islands::share_position::{Sharing, SharingTexts};
use crate::pages::booking::window_times;
use crate::request;
use doorstep::dto::{DayJob, WindowOffer};
use doorstep::permissions::Role;
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn TodayPage() -> impl IntoView {
    let technician = crate::pages::signed_in().is_some_and(|u| u.role == Role::Technician);
    let action = ServerAction::<AdvanceVisit>::new();
    let refused = action
        .value()
        .get_untracked()
        .and_then(Result::err)
        .map(|error| view! { <ErrorAlert error /> });
    let body = if technician {
        Either::Left(view! {
            <Suspense fallback=crate::pages::loading>
                {Suspend::new(async move {
                    match get_technician_day().await {
                        Ok(jobs) => Either::Left(view! { <DayView jobs action /> }),
                        Err(error) => {
                            #[cfg(feature = "ssr")]
                            crate::pages::set_status(&error);
                            Either::Right(view! { <ErrorAlert error /> })
                        }
                    }
                })}
            </Suspense>
        })
    } else {
        #[cfg(feature = "ssr")]
        crate::pages::set_status(&ApiError::Forbidden);
        Either::Right(view! { <crate::pages::Refused error=ApiError::Forbidden /> })
    };
    view! {
        <Page title=t("today-title")>
            <h1>{t("today-title")}</h1>
            {refused}
            {body}
        </Page>
    }
}

/// The button's words for a step.
pub fn step_label(step: &str) -> String {
    t(match step {
        "on_my_way" => "today-step-on-my-way",
        "arrived" => "today-step-arrived",
        "start" => "today-step-start",
        _ => "today-step-complete",
    })
}

/// What the technician's phone says about sharing its position.
pub fn sharing_texts() -> SharingTexts {
    SharingTexts {
        idle: t("sharing-idle"),
        sharing: t("sharing-on"),
        arrived: t("sharing-arrived"),
        stopped: t("sharing-stopped"),
        unavailable: t("sharing-unavailable"),
    }
}

/// The one button that takes a job's next step, named with the visit it is for.
pub fn step_form(
    action: ServerAction<AdvanceVisit>,
    reference: String,
    step: String,
    from_day: bool,
) -> impl IntoView {
    let label = step_label(&step);
    let name = t_with(
        "today-step-for",
        &[
            ("step", label.clone().into()),
            ("visit", reference.clone().into()),
        ],
    );
    // Completing asks for the checklist, photos and a signature: on the visit's page.
    if step == "complete" {
        return Either::Left(view! {
            <a class="button button-primary" href=format!("/visits/{reference}#complete") aria-label=name>
                {label}
            </a>
        });
    }
    Either::Right(view! {
        <ActionForm action=action>
            <input type="hidden" name="visit" value=reference />
            <input type="hidden" name="step" value=step />
            {from_day.then(|| view! { <input type="hidden" name="back" value="today" /> })}
            <button type="submit" class="button button-primary" aria-label=name>{label}</button>
        </ActionForm>
    })
}

#[component]
fn DayView(jobs: Vec<DayJob>, action: ServerAction<AdvanceVisit>) -> impl IntoView {
    if jobs.is_empty() {
        return Either::Left(view! { <p class="empty">{t("today-empty")}</p> });
    }
    let tz = request::current().business.time_zone.zone();
    let locale = i18n::locale();
    let cards = jobs
        .into_iter()
        .map(|job| {
            let reference = job.summary.visit.to_string();
            let planned = window_times(
                &WindowOffer {
                    start: job.planned_start,
                    end: job.planned_end,
                },
                &tz,
                locale,
            );
            let promised = window_times(
                &WindowOffer {
                    start: job.summary.window_start,
                    end: job.summary.window_end,
                },
                &tz,
                locale,
            );
            let status = t(job.summary.status.message_key());
            let for_step = reference.clone();
            let step = job
                .next
                .clone()
                .map(move |step| step_form(action, for_step, step, true));
            let heading = format!("{planned} · {}", job.summary.service);
            let sharing = job.share_until.map(|until| {
                view! { <Sharing visit=reference.clone() until texts=sharing_texts() /> }
            });
            view! {
                <li class="card" id=reference.clone()>
                    <h2 class="card-title">{heading}</h2>
                    <p>{job.customer}" · "<a href=format!("/visits/{reference}")>{reference.clone()}</a></p>
                    <p>{job.address.join(", ")}</p>
                    <p class="hint">{t_with("today-promised", &[("times", promised.into())])}</p>
                    {job.access_notes.map(|n| view! {
                        <p><strong>{t("today-access")}</strong>" "{n}</p>
                    })}
                    {job.notes.map(|n| view! {
                        <p><strong>{t("today-notes")}</strong>" "<span class="notes">{n}</span></p>
                    })}
                    <p><span class="badge">{status}</span></p>
                    {sharing}
                    {step}
                </li>
            }
        })
        .collect_view();
    Either::Right(view! { <ol class="cards">{cards}</ol> })
}
