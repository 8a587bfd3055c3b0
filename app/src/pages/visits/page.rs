//! `/visits/DS-000042`: one visit: what, when, who, where, and what happened to it. Right
//! after booking (`?booked=1`) it is the confirmation page; after a change it says so.

use super::actions::VisitActions;
use crate::api::conversations::get_thread;
use crate::api::visits::{AdvanceVisit, get_visit};
use crate::components::alert::ErrorAlert;
use crate::components::layout::Page;
use crate::i18n::{self, Arg, t, t_with};
use crate::islands::live_map::{MapFrame, MapSetup};
use crate::islands::live_visit::LiveVisit;
use crate::islands::share_position::Sharing;
use crate::pages::booking::window_long;
use crate::pages::conversations::ThreadPanel;
use crate::request;
use doorstep::dto::{
    Actor, ExpectedWindow, TechnicianCard, TimelineStep, VisitDetail, VisitStatus, Whereabouts,
    WindowOffer,
};
use doorstep::format;
use doorstep::locale::Locale;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn VisitPage() -> impl IntoView {
    let signed_in = request::current().user.is_some();
    if !signed_in {
        // Sends them to sign in, and back here afterwards.
        crate::pages::signed_in();
    }
    let reference = use_params_map()
        .get_untracked()
        .get("reference")
        .unwrap_or_default();
    let query = use_query_map().get_untracked();
    let done = ["booked", "moved", "cancelled", "asked"]
        .into_iter()
        .find(|k| query.get(k).is_some());
    let title = t_with(
        "visit-title",
        &[("reference", reference.to_uppercase().into())],
    );
    view! {
        <Page title=title.clone()>
            <Suspense fallback=crate::pages::loading>
                {
                    let reference = reference.clone();
                    Suspend::new(async move {
                        match get_visit(reference.clone()).await {
                            Ok(visit) => {
                                let (id, after) = (visit.summary.visit.id(), visit.events_after);
                                // The visit's conversation, after the visit (its own live part).
                                let thread = get_thread(reference).await.ok();
                                Either::Left(view! {
                                    <LiveVisit visit=id after=after>
                                        <VisitView visit done />
                                    </LiveVisit>
                                    {thread.map(|view| view! { <ThreadPanel view /> })}
                                })
                            }
                            Err(error) => {
                                // A visitor is already on their way to sign in.
                                #[cfg(feature = "ssr")]
                                crate::pages::set_status(&error);
                                Either::Right(view! {
                                    <h1>{t("visit-heading")}</h1>
                                    <ErrorAlert error />
                                    <p><a class="button" href="/">{t("back-home")}</a></p>
                                })
                            }
                        }
                    })
                }
            </Suspense>
        </Page>
    }
}

#[component]
fn VisitView(visit: VisitDetail, done: Option<&'static str>) -> impl IntoView {
    let locale = i18n::locale();
    let tz = request::current().business.time_zone.zone();
    let s = &visit.summary;
    let window = WindowOffer {
        start: s.window_start,
        end: s.window_end,
    };
    let when = window_long(&window, &tz, locale);
    let reference = s.visit.to_string();
    let confirmation = done.map(|what| {
        let detail = (what == "booked").then(|| {
            view! { <p>{t_with("visit-booked-detail", &[("reference", reference.clone().into())])}</p> }
        });
        view! {
            <div class="alert alert-success" role="status">
                <p><strong>{t(&format!("visit-done-{what}"))}</strong></p>
                {detail}
            </div>
        }
    });
    let technician = s
        .technician
        .clone()
        .unwrap_or_else(|| t("visit-technician-pending"));
    let ics = format!("/visits/{reference}/calendar.ics");
    let timeline = visit
        .timeline
        .iter()
        .map(|step| timeline_item(step, &tz, locale))
        .collect_view();
    view! {
        {confirmation}
        <h1>{t_with("visit-title", &[("reference", reference.clone().into())])}</h1>
        <section class="panel" aria-labelledby="visit-facts">
            <h2 id="visit-facts" class="visually-hidden">{t("visit-heading")}</h2>
            <dl class="facts">
                <dt>{t("visit-reference")}</dt>
                <dd>{reference.clone()}</dd>
                <dt>{t("visit-status")}</dt>
                <dd><span class="badge" data-visit-status="">{t(s.status.message_key())}</span></dd>
                <dt>{t("visit-service")}</dt>
                <dd>{s.service.clone()}</dd>
                <dt>{t("visit-when")}</dt>
                <dd>
                    {when}
                    {expected_line(s.expected, &tz, locale).map(|e| view! { <br /><strong class="expected" data-expected="">{e}</strong> })}
                </dd>
                <dt>{t("visit-technician")}</dt>
                <dd>{technician_card(technician, visit.technician_card.clone())}</dd>
                <dt>{t("visit-where")}</dt>
                <dd>{s.location_label.clone()}<br />{visit.address.join(", ")}</dd>
                {visit.access_notes.clone().map(|n| view! {
                    <dt>{t("visit-access")}</dt>
                    <dd>{n}</dd>
                })}
                {visit.notes.clone().map(|n| view! {
                    <dt>{t("visit-notes")}</dt>
                    <dd class="notes">{n}</dd>
                })}
            </dl>
            <p><a class="button" href=ics download=format!("{reference}.ics")>{t("visit-add-to-calendar")}</a></p>
        </section>
        {visit.whereabouts.clone().map(|w| whereabouts(&w, s.technician.clone(), &tz, locale))}
        {live_map(&visit)}
        {visit.share_until.map(|until| view! {
            <Sharing visit=reference.clone() until texts=super::today::sharing_texts() />
        })}
        {(visit.next_step.as_deref() == Some("complete")).then(|| view! {
            <super::completion::CompletionPanel visit=reference.clone() />
        })}
        {(s.status == VisitStatus::Completed).then(|| view! {
            <p><a class="button" href=format!("/visits/{reference}/report")>{t("report-link")}</a></p>
        })}
        {visit.next_step.clone().filter(|step| step != "complete").map(|step| {
            let action = ServerAction::<AdvanceVisit>::new();
            let refused = action
                .value()
                .get_untracked()
                .and_then(Result::err)
                .map(|error| view! { <ErrorAlert error /> });
            view! { {refused} {super::step_form(action, reference.clone(), step, false)} }
        })}
        <VisitActions visit=visit.clone() />
        <section class="panel" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t("visit-timeline")}</h2>
            <ol class="timeline">{timeline}</ol>
        </section>
    }
}

/// The technician coming: first name, with their trade and photo once the office set them.
fn technician_card(name: String, card: Option<TechnicianCard>) -> impl IntoView {
    let card = card.unwrap_or_default();
    let photo = card.photo.map(|photo| {
        let alt = t_with("visit-technician-photo", &[("name", name.clone().into())]);
        view! {
            <img class="portrait" src=format!("/files/{}/thumb", photo.token) alt=alt
                width="64" height="64" />
        }
    });
    view! {
        <span class="technician-card">
            {photo}
            <span>
                <span data-technician-name="">{name}</span>
                {card.trade.map(|trade| view! { <br /><span class="meta">{trade}</span> })}
            </span>
        </span>
    }
}

/// What a waiting customer is told to expect now ("Now expected 10:40–11:10"), once the
/// technician's day has moved.
pub(crate) fn expected_line(
    expected: Option<ExpectedWindow>,
    tz: &TimeZone,
    locale: Locale,
) -> Option<String> {
    let e = expected?;
    let (start, end) = (
        Timestamp::from_second(e.start).ok()?,
        Timestamp::from_second(e.end).ok()?,
    );
    let times = format::time_range(start, end, tz, locale);
    let key = if e.late {
        "visit-expected-late"
    } else {
        "visit-expected"
    };
    Some(t_with(key, &[("times", times.into())]))
}

/// The live map, for a job still to come: an empty frame the browser draws in (loading
/// Leaflet from our own origin then) once the technician shares a position.
fn live_map(visit: &VisitDetail) -> Option<impl IntoView + use<>> {
    let s = &visit.summary;
    if !matches!(
        s.status,
        VisitStatus::Scheduled | VisitStatus::Assigned | VisitStatus::EnRoute
    ) {
        return None;
    }
    let (tiles, attribution) = crate::pages::map_tiles();
    let technician = s
        .technician
        .clone()
        .unwrap_or_else(|| t("where-your-technician"));
    let setup = MapSetup {
        tiles,
        attribution,
        label: t_with("where-map", &[("technician", technician.clone().into())]),
        technician,
        place: t("where-map-place"),
    };
    Some(view! { <MapFrame setup /> })
}

/// Where the technician on the way is, in words (for everyone, and all a browser without
/// JavaScript gets); the map reads the same facts from the section's data attributes.
fn whereabouts(
    w: &Whereabouts,
    technician: Option<String>,
    tz: &TimeZone,
    locale: Locale,
) -> impl IntoView + use<> {
    let technician = technician.unwrap_or_else(|| t("where-your-technician"));
    let now = Timestamp::now().as_second();
    let time = |secs: i64| {
        Timestamp::from_second(secs)
            .map(|at| format::time(at, tz, locale))
            .unwrap_or_default()
    };
    let distance = w.distance_m.map(|m| {
        t_with(
            "where-distance",
            &[
                ("technician", technician.clone().into()),
                ("distance", format::distance(m, locale).into()),
            ],
        )
    });
    let eta = w.eta.map(|eta| {
        let minutes = (eta - now + 59) / 60;
        if minutes <= 1 {
            t("where-eta-now")
        } else {
            t_with(
                "where-eta",
                &[("time", time(eta).into()), ("minutes", Arg::Num(minutes))],
            )
        }
    });
    let unplaced = w.destination.is_none().then(|| t("where-no-place"));
    let (dest_lat, dest_lng) = w
        .destination
        .map(|(lat, lng)| (lat.to_string(), lng.to_string()))
        .unzip();
    view! {
        <section
            class="panel whereabouts"
            aria-labelledby="where-heading"
            data-technician-where=""
            data-lat=w.latitude.to_string()
            data-lng=w.longitude.to_string()
            data-dest-lat=dest_lat
            data-dest-lng=dest_lng
        >
            <h2 id="where-heading">{t_with("where-heading", &[("technician", technician.clone().into())])}</h2>
            {distance.map(|d| view! { <p class="where-distance">{d}</p> })}
            {eta.map(|e| view! { <p class="where-eta" data-eta="">{e}</p> })}
            {unplaced.map(|u| view! { <p>{u}</p> })}
            <p class="where-at">{t_with("where-at", &[("time", time(w.at).into())])}</p>
        </section>
    }
}

fn timeline_item(step: &TimelineStep, tz: &TimeZone, locale: Locale) -> impl IntoView + use<> {
    let at = Timestamp::from_second(step.at)
        .map(|at| format::date_time(at, tz, locale))
        .unwrap_or_default();
    let who = match &step.actor {
        Actor::You => t("actor-you"),
        Actor::Customer { name } | Actor::Technician { name } => name.clone(),
        Actor::Office => t("actor-office"),
        Actor::System => t("actor-system"),
    };
    let what = t_with(
        &format!("timeline-{}", step.kind.replace('_', "-")),
        &[("who", Arg::Str(who))],
    );
    let window = step.window.map(|w| window_long(&w, tz, locale));
    view! {
        <li>
            <p class="timeline-what">{what}</p>
            {window.map(|w| view! { <p class="timeline-window">{w}</p> })}
            {step.reason.clone().map(|r| view! { <p class="timeline-reason">{r}</p> })}
            <p class="timeline-at">{at}</p>
        </li>
    }
}
