//! "Add to calendar": one visit as an iCalendar file, for the people who may see it; and
//! each person's private feed of their upcoming visits, read by their calendar app.

use super::ServerState;
use app::i18n::{Arg, tr};
use app::request::{RequestInfo, RequestTrace, cause_chain};
use axum::Extension;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use doorstep::dto::{VisitDetail, VisitStatus};
use doorstep::ics::{self, Event};
use doorstep::ids::VisitRef;
use doorstep::locale::Locale;
use doorstep::services::visits::{self, VisitError};
use jiff::Timestamp;

/// The host part of the public origin: the domain of every event's UID.
fn host(origin: &str) -> &str {
    origin.split_once("://").map_or(origin, |(_, rest)| rest)
}

/// A visit as a calendar event, its texts in `locale`.
pub fn event(visit: &VisitDetail, business: &str, origin: &str, locale: Locale) -> Option<Event> {
    let s = &visit.summary;
    let reference = s.visit.to_string();
    let technician = s.technician.clone().unwrap_or_default();
    let mut description = tr(
        locale,
        "ics-description",
        &[
            ("reference", Arg::Str(reference.clone())),
            ("technician", Arg::Str(technician)),
        ],
    );
    if let Some(notes) = &visit.notes {
        description.push_str("\n\n");
        description.push_str(notes);
    }
    Some(Event {
        uid: format!("{reference}@{}", host(origin)),
        start: Timestamp::from_second(s.window_start).ok()?,
        end: Timestamp::from_second(s.window_end).ok()?,
        summary: format!("{} – {business}", s.service),
        location: visit.address.join(", "),
        description,
        url: Some(format!("{origin}/visits/{reference}")),
        cancelled: s.status == VisitStatus::Cancelled,
        sequence: i64::try_from(visit.timeline.len()).unwrap_or(0),
    })
}

/// `GET /visits/{reference}/calendar.ics`.
pub async fn visit(
    State(state): State<ServerState>,
    Extension(info): Extension<RequestInfo>,
    trace: Option<Extension<RequestTrace>>,
    Path(reference): Path<String>,
) -> Response {
    let Some(user) = info.user.as_ref() else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let Some(visit) = VisitRef::parse(&reference) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let tz = state.app.business().time_zone.zone();
    let detail = match visits::detail(&state.app.store, user, visit, &tz).await {
        Ok(detail) => detail,
        Err(VisitError::NotFound) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => {
            if let Some(Extension(trace)) = trace {
                trace.set_failure(cause_chain("visit calendar", &err));
            }
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let business = state.app.business();
    let Some(event) = event(&detail, &business.name, &state.public_origin, info.locale) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let body = ics::calendar(&business.name, &[event], Timestamp::now());
    let disposition = format!("attachment; filename=\"{visit}.ics\"");
    let mut res = body.into_response();
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    res
}

/// `GET /feeds/{secret}.ics`: the person's upcoming visits; an unknown or ended secret is
/// simply not found.
pub async fn feed(
    State(state): State<ServerState>,
    trace: Option<Extension<RequestTrace>>,
    Path(file): Path<String>,
) -> Response {
    let Some(token) = file
        .strip_suffix(".ics")
        .and_then(doorstep::services::feeds::FeedToken::parse)
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let found = match doorstep::services::feeds::read(&state.app.store, &token).await {
        Ok(found) => found,
        Err(err) => {
            if let Some(Extension(trace)) = trace {
                trace.set_failure(cause_chain("calendar feed", &err));
            }
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let Some((locale, visits)) = found else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let business = state.app.business();
    let locale = locale.unwrap_or(business.default_locale);
    let events: Vec<Event> = visits
        .iter()
        .filter_map(|v| event(v, &business.name, &state.public_origin, locale))
        .collect();
    let body = ics::calendar(&business.name, &events, Timestamp::now());
    let mut res = body.into_response();
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    res
}
