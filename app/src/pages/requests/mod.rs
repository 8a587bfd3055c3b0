//! Requests to the office. `/book/request?location=…&service=…&kind=quote|callback`: the
//! form a customer sends instead of a booking; `/requests/RQ-000001`: what they sent and
//! whether it is answered; `/office/requests`: what the office has still to answer.

pub mod problem;
mod triage;

use crate::api::booking::get_booking_options;
use crate::api::requests::{MarkRequestHandled, SendRequest, get_open_requests, get_request};
use crate::components::alert::{ErrorAlert, field_message};
use crate::components::form::TextField;
use crate::components::layout::Page;
use crate::error::ApiError;
use crate::i18n::{self, t, t_with};
use crate::pages::allowed;
use crate::request;
use doorstep::dto::{BookingOptions, RequestView};
use doorstep::format;
use doorstep::permissions::Permission;
use doorstep::requests::{RequestKind, RequestStatus};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// What kind of request it is, as the customer's home, the office and the board name it.
pub fn kind_title(kind: RequestKind) -> String {
    match kind {
        RequestKind::Quote => t("request-quote-title"),
        RequestKind::Callback => t("request-callback-title"),
        RequestKind::Change => t("request-change-title"),
        RequestKind::Problem => t("request-problem-title"),
    }
}

/// A link to the visit a change request is about.
pub fn visit_link(request: &RequestView) -> Option<impl IntoView + use<>> {
    request.visit.map(|visit| {
        let reference = visit.to_string();
        view! { <a href=format!("/visits/{reference}")>{reference.clone()}</a> }
    })
}

#[component]
pub fn RequestFormPage() -> impl IntoView {
    let may = allowed(Permission::BookVisits);
    let query = use_query_map().get_untracked();
    let location = query.get("location").unwrap_or_default();
    let service = query.get("service").unwrap_or_default();
    let kind = query
        .get("kind")
        .as_deref()
        .and_then(RequestKind::parse)
        .filter(|k| k.from_form())
        .unwrap_or(RequestKind::Callback);
    let title = kind_title(kind);
    let body = if may {
        Either::Left(view! {
            <Suspense fallback=crate::pages::loading>
                {
                    let (location, service) = (location.clone(), service.clone());
                    Suspend::new(async move {
                        match get_booking_options().await {
                            Ok(options) => Either::Left(view! {
                                <RequestForm options location service kind />
                            }),
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
        <Page title=title.clone()>
            <p><a href="/book">{t("request-back-to-booking")}</a></p>
            <h1>{title}</h1>
            {body}
        </Page>
    }
}

#[component]
fn RequestForm(
    options: BookingOptions,
    location: String,
    service: String,
    kind: RequestKind,
) -> impl IntoView {
    let action = ServerAction::<SendRequest>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let place = options
        .locations
        .iter()
        .find(|l| l.location.to_string().eq_ignore_ascii_case(&location));
    let Some(place) = place else {
        return Either::Left(view! { <crate::pages::Refused error=ApiError::NotFound /> });
    };
    let what = options
        .services
        .iter()
        .find(|s| s.service.to_string().eq_ignore_ascii_case(&service))
        .map(|s| s.name.clone());
    if kind == RequestKind::Quote && what.is_none() {
        return Either::Left(view! { <crate::pages::Refused error=ApiError::NotFound /> });
    }
    let lead = match &what {
        Some(name) => t_with(
            "request-about",
            &[
                ("service", name.clone().into()),
                ("place", place.label.clone().into()),
            ],
        ),
        None => t_with("request-at", &[("place", place.label.clone().into())]),
    };
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
    let (notes_label, notes_hint) = match kind {
        RequestKind::Quote => (t("request-notes-quote"), t("request-notes-quote-hint")),
        // (A change is asked from its visit's page: this form never shows one.)
        RequestKind::Callback | RequestKind::Change | RequestKind::Problem => (
            t("request-notes-callback"),
            t("request-notes-callback-hint"),
        ),
    };
    let notes = view! {
        <TextField name="notes".to_string() label=notes_label value=value("notes")
            error=problem("notes") area=true required=kind == RequestKind::Quote hint=notes_hint flat=true />
    };
    let phone = view! {
        <TextField name="phone".to_string() label=t("request-phone") value=value("phone")
            error=problem("phone") autocomplete="tel" inputmode="tel" hint=t("request-phone-hint")
            flat=true />
    };
    Either::Right(view! {
        {error.clone().map(|error| view! { <ErrorAlert error /> })}
        <p class="lead">{lead}</p>
        <ActionForm action=action attr:class="panel stack">
            <input type="hidden" name="location" value=location.clone() />
            <input type="hidden" name="service" value=service.clone() />
            <input type="hidden" name="kind" value=kind.as_str() />
            {notes}
            {phone}
            <button type="submit" class="button button-primary">{t("request-send")}</button>
        </ActionForm>
    })
}

#[component]
pub fn RequestPage() -> impl IntoView {
    let signed_in = allowed(Permission::ViewOwnAccount) || allowed(Permission::ManageScheduling);
    let reference = use_params_map()
        .get_untracked()
        .get("reference")
        .unwrap_or_default();
    let sent = use_query_map().get_untracked().get("sent").is_some();
    let title = t_with(
        "request-title",
        &[("reference", reference.to_uppercase().into())],
    );
    let body = if !signed_in {
        Either::Right(view! { <crate::pages::Refused error=ApiError::Forbidden /> })
    } else {
        Either::Left(view! {
            <Suspense fallback=crate::pages::loading>
                {
                    let reference = reference.clone();
                    Suspend::new(async move {
                        match get_request(reference).await {
                            Ok(request) => Either::Left(view! { <RequestDetail request sent /> }),
                            Err(error) => {
                                #[cfg(feature = "ssr")]
                                crate::pages::set_status(&error);
                                Either::Right(view! { <ErrorAlert error /> })
                            }
                        }
                    })
                }
            </Suspense>
        })
    };
    view! {
        <Page title=title.clone()>
            <h1>{title}</h1>
            {body}
        </Page>
    }
}

pub fn status_label(status: RequestStatus) -> String {
    match status {
        RequestStatus::Open => t("request-status-open"),
        RequestStatus::Handled => t("request-status-handled"),
        RequestStatus::Waiting => t("request-status-waiting"),
        RequestStatus::Declined => t("request-status-declined"),
        RequestStatus::Scheduled => t("request-status-scheduled"),
    }
}

#[component]
fn RequestDetail(request: RequestView, sent: bool) -> impl IntoView {
    let business = request::current().business;
    let tz = business.time_zone.zone();
    let locale = i18n::locale();
    let when = format::date_of_seconds(request.created_at, &tz, locale);
    let query = use_query_map().get_untracked();
    let done = ["answered", "ask", "decline", "scheduled"]
        .into_iter()
        .find(|k| query.get(k).is_some())
        .map(|k| {
            view! {
                <div class="alert alert-success" role="status">
                    <p>{t(&format!("request-done-{k}"))}</p>
                </div>
            }
        });
    let banner = sent.then(|| {
        let text = match &request.problem {
            Some(p) => t_with(
                "problem-sent",
                &[
                    ("reference", request.request.to_string().into()),
                    ("time", problem::response_time(p.response_hours).into()),
                ],
            ),
            None => t_with(
                "request-sent",
                &[("reference", request.request.to_string().into())],
            ),
        };
        view! {
            <div class="alert alert-success" role="status">
                <p>{text}</p>
            </div>
        }
    });
    let problem_facts = request.problem.clone().map(|p| {
        let days = if p.days.is_empty() {
            t("problem-days-any")
        } else {
            p.days
                .iter()
                .map(|d| problem::weekday_label(d))
                .collect::<Vec<_>>()
                .join(", ")
        };
        view! {
            <dt>{t("problem-category")}</dt>
            <dd>{problem::category_label(p.category)}</dd>
            <dt>{t("problem-priority")}</dt>
            <dd>{problem::priority_label(p.priority)}" · "
                {t_with("problem-answer-within", &[("time", problem::response_time(p.response_hours).into())])}</dd>
            <dt>{t("problem-days")}</dt>
            <dd>{days}</dd>
        }
    });
    let photos = (!request.photos.is_empty()).then(|| {
        let items = request
            .photos
            .iter()
            .map(|photo| {
                let full = format!("/files/{}", photo.token);
                let thumb = format!("/files/{}/thumb", photo.token);
                let alt = t_with("problem-photo-alt", &[("name", photo.name.clone().into())]);
                view! {
                    <li>
                        <a href=full>
                            <img src=thumb alt=alt loading="lazy" width="160" height="120" />
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="panel" aria-labelledby="photos-heading">
                <h2 id="photos-heading">{t("problem-photos")}</h2>
                <ul class="photos">{items}</ul>
            </section>
        }
    });
    let viewer = request::current().user;
    let office = viewer
        .as_ref()
        .is_some_and(|u| u.role.allows(Permission::ManageScheduling));
    let customer = viewer
        .as_ref()
        .is_some_and(|u| u.role.allows(Permission::BookVisits));
    let answer = (customer && request.status == RequestStatus::Waiting)
        .then(|| view! { <triage::AnswerForm request=request.request /> });
    let office_panel = (office && request.status.is_open()).then(|| {
        view! { <triage::OfficePanel request=request.request problem=request.problem.is_some() /> }
    });
    let timeline = triage::timeline(&request, &tz, locale);
    view! {
        {banner}
        {done}
        <section class="panel">
            <dl class="facts">
                <dt>{t("request-kind")}</dt>
                <dd>{kind_title(request.kind)}</dd>
                {visit_link(&request).map(|link| view! { <dt>{t("request-visit")}</dt><dd>{link}</dd> })}
                {request.service.clone().map(|s| view! { <dt>{t("request-service")}</dt><dd>{s}</dd> })}
                <dt>{t("request-place")}</dt>
                <dd>{request.location_label.clone()}", "{request.address.join(", ")}</dd>
                <dt>{t("request-sent-on")}</dt>
                <dd>{when}</dd>
                <dt>{t("request-status")}</dt>
                <dd>{status_label(request.status)}</dd>
                {problem_facts}
                {request.notes.clone().map(|n| view! { <dt>{t("request-notes")}</dt><dd class="notes">{n}</dd> })}
                {request.phone.clone().map(|p| view! { <dt>{t("request-phone")}</dt><dd>{p}</dd> })}
            </dl>
        </section>
        {photos}
        {timeline}
        {answer}
        {office_panel}
        <p><a href="/">{t("request-home")}</a></p>
    }
}

#[component]
pub fn OfficeRequestsPage() -> impl IntoView {
    let may = allowed(Permission::ManageScheduling);
    let handled = use_query_map()
        .get_untracked()
        .get("handled")
        .filter(|_| may);
    let action = ServerAction::<MarkRequestHandled>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let body = if may {
        Either::Left(view! {
            <Suspense fallback=crate::pages::loading>
                {Suspend::new(async move {
                    match get_open_requests().await {
                        Ok(list) => Either::Left(view! { <OpenRequests list action /> }),
                        Err(error) => Either::Right(view! { <ErrorAlert error /> }),
                    }
                })}
            </Suspense>
        })
    } else {
        Either::Right(view! { <crate::pages::Refused error=ApiError::Forbidden /> })
    };
    let done = handled.map(|reference| {
        view! {
            <div class="alert alert-success" role="status">
                <p>{t_with("requests-handled", &[("reference", reference.into())])}</p>
            </div>
        }
    });
    view! {
        <Page title=t("requests-title")>
            <h1>{t("requests-title")}</h1>
            {error.map(|error| view! { <ErrorAlert error /> })}
            {done}
            {body}
        </Page>
    }
}

#[component]
fn OpenRequests(list: Vec<RequestView>, action: ServerAction<MarkRequestHandled>) -> impl IntoView {
    if list.is_empty() {
        return Either::Left(view! { <p class="empty">{t("requests-empty")}</p> });
    }
    let business = request::current().business;
    let tz = business.time_zone.zone();
    let locale = i18n::locale();
    let cards = list
        .into_iter()
        .map(|r| {
            let when = format::date_of_seconds(r.created_at, &tz, locale);
            let reference = r.request.to_string();
            let href = format!("/requests/{reference}");
            let heading = match (&r.problem, &r.service) {
                (Some(p), _) => format!(
                    "{} · {} · {}",
                    kind_title(r.kind),
                    problem::category_label(p.category),
                    problem::priority_label(p.priority)
                ),
                (None, Some(s)) => format!("{} · {s}", kind_title(r.kind)),
                (None, None) => kind_title(r.kind),
            };
            let waiting = (r.status == RequestStatus::Waiting)
                .then(|| view! { <p class="badge">{status_label(r.status)}</p> });
            let button = t_with("requests-mark-handled", &[("reference", reference.clone().into())]);
            let visit = visit_link(&r).map(|link| view! { <p>{t("request-visit")}" "{link}</p> });
            view! {
                <li class="card">
                    <h2 class="card-title"><a href=href>{reference.clone()}</a>" "{heading}</h2>
                    <p>{r.account_name}" · "{r.location_label}", "{r.address.join(", ")}</p>
                    {waiting}
                    {visit}
                    <p class="meta">{t_with("requests-sent-by", &[
                        ("name", r.requested_by.unwrap_or_default().into()),
                        ("date", when.into()),
                    ])}</p>
                    {r.notes.map(|n| view! { <p class="notes">{n}</p> })}
                    {r.phone.map(|p| view! { <p><a href=format!("tel:{}", p.replace(' ', ""))>{p.clone()}</a></p> })}
                    <ActionForm action=action>
                        <input type="hidden" name="request" value=reference />
                        <button type="submit" class="button">{button}</button>
                    </ActionForm>
                </li>
            }
        })
        .collect_view();
    Either::Right(view! { <ul class="cards">{cards}</ul> })
}
