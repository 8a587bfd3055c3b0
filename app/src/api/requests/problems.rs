//! Problem reports: the customer's form (multipart, with photos), their answer to the
//! office's question; the office's question, refusal and scheduling through the engine.

use crate::error::ApiError;
use doorstep::dto::{BookingCalendar, LocationChoice, ServiceChoice};
use doorstep::requests::ResponseTimes;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::codec::{MultipartData, MultipartFormData};
use serde::{Deserialize, Serialize};

/// What the problem form offers: the caller's places, the response time of each priority,
/// and the upload limits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProblemOptions {
    pub locations: Vec<LocationChoice>,
    pub response: ResponseTimes,
    pub max_mb: u64,
    pub max_files: usize,
}

#[server(endpoint = "problem-options")]
pub async fn get_problem_options() -> Result<ProblemOptions, ApiError> {
    use crate::api::support::{info, internal, require, state};
    use doorstep::permissions::Permission;
    use doorstep::services::offers::{OffersError, options};
    let user = require(Permission::BookVisits)?;
    let account = user.account.ok_or(ApiError::Forbidden)?;
    let state = state()?;
    let default_locale = state.business().default_locale;
    let mut locations = options(&state.store, account, info().locale, default_locale)
        .await
        .map_err(|e| match e {
            OffersError::NotFound => ApiError::NotFound,
            other => internal("problem options failed", other),
        })?
        .locations;
    crate::api::support::bookable_only(&user, &mut locations);
    let response = async {
        let mut conn = state.store.conn().await?;
        doorstep::services::problems::response_times(&mut conn).await
    }
    .await
    .map_err(|e| internal("response times failed", e))?;
    Ok(ProblemOptions {
        locations,
        response,
        max_mb: state.uploads.max_megabytes(),
        max_files: state.uploads.max_files,
    })
}

/// Where the problem form posts: `report_problem`'s address. The form is plain HTML (no
/// island sends it), so the server function exists on the server only and keeps multipart
/// handling out of the browser bundle.
pub const REPORT_PROBLEM_PATH: &str = "/api/report-problem";

/// The problem form, posted as `multipart/form-data`: `location`, `category`, `priority`,
/// `description`, `days` (repeated), `phone`, `acknowledged`, and `photos` (repeated files).
#[cfg(feature = "ssr")]
#[server(endpoint = "report-problem", input = MultipartFormData)]
pub async fn report_problem(data: MultipartData) -> Result<(), ApiError> {
    imp::report(data).await
}

/// `request`: a reference; `answer`: what the customer says to the office's question.
#[server(endpoint = "answer-request")]
pub async fn answer_request(request: String, answer: String) -> Result<(), ApiError> {
    use crate::api::support::{info, require, state};
    use crate::error::echo;
    use doorstep::ids::RequestRef;
    use doorstep::permissions::Permission;
    let user = require(Permission::BookVisits)?;
    let reference = RequestRef::parse(&request).ok_or(ApiError::NotFound)?;
    let text = doorstep::fields::text(&answer, doorstep::requests::MESSAGE_MAX, true)
        .map_err(|p| ApiError::field("answer", p, echo(&[("answer", &answer)])))?;
    let state = state()?;
    doorstep::services::problems::answer(&state.store, &user, reference, &text, &info().origin)
        .await
        .map_err(imp::refused)?;
    leptos_axum::redirect(&format!("/requests/{reference}?answered=1"));
    Ok(())
}

/// `request`: a reference; `action`: `ask` or `decline`; `message`: the question or reason.
#[server(endpoint = "triage-request")]
pub async fn triage_request(
    request: String,
    action: String,
    message: String,
) -> Result<(), ApiError> {
    use crate::api::support::{info, require, state};
    use crate::error::echo;
    use doorstep::ids::RequestRef;
    use doorstep::permissions::Permission;
    use doorstep::services::problems::Triage;
    let user = require(Permission::ManageScheduling)?;
    let reference = RequestRef::parse(&request).ok_or(ApiError::NotFound)?;
    let triage = match action.as_str() {
        "ask" => Triage::Ask,
        "decline" => Triage::Decline,
        _ => return Err(ApiError::BadRequest),
    };
    let field = format!("message-{action}");
    let text = doorstep::fields::text(&message, doorstep::requests::MESSAGE_MAX, true)
        .map_err(|p| ApiError::field(&field, p, echo(&[(&field, &message)])))?;
    let state = state()?;
    doorstep::services::problems::triage(
        &state.store,
        &state.business(),
        &user,
        reference,
        triage,
        &text,
        &info().origin,
    )
    .await
    .map_err(imp::refused)?;
    leptos_axum::redirect(&format!("/requests/{reference}?{action}=1"));
    Ok(())
}

/// What the office can book for a request: the services, and once one is chosen, the
/// windows the engine offers at the request's place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RequestScheduling {
    pub services: Vec<ServiceChoice>,
    pub calendar: Option<BookingCalendar>,
}

/// The office looks for windows to schedule a request: `service` (a reference; empty: only
/// the list of services) on `day` (`2026-11-24`; empty: the first day with windows).
#[server(endpoint = "request-windows")]
pub async fn get_request_windows(
    request: String,
    #[server(default)] service: Option<String>,
    #[server(default)] day: Option<String>,
) -> Result<RequestScheduling, ApiError> {
    imp::windows(request, service, day).await
}

/// The office books `window` (its start, in seconds) of `service` for a request.
#[server(endpoint = "schedule-request")]
pub async fn schedule_request(
    request: String,
    service: String,
    window: String,
) -> Result<(), ApiError> {
    imp::schedule(request, service, window).await
}

#[cfg(feature = "ssr")]
mod imp {
    use crate::api::support::{info, internal, require, state};
    use crate::api::uploads::{Form, Posted, read};
    use crate::error::{ApiError, echo};
    use doorstep::error::FieldError;
    use doorstep::ids::{LocationRef, RequestRef, ServiceRef};
    use doorstep::permissions::Permission;
    use doorstep::requests::{PROBLEM_FIELDS, ProblemDraft, ProblemForm};
    use doorstep::services::files;
    use doorstep::services::problems::{self, ProblemError, Report};
    use leptos::server_fn::codec::MultipartData;

    pub fn refused(err: ProblemError) -> ApiError {
        match err {
            ProblemError::NotFound => ApiError::NotFound,
            ProblemError::TooMany => ApiError::TooManyRequests,
            ProblemError::NotWaiting => ApiError::RequestHandled,
            other => internal("problem report failed", other),
        }
    }

    /// Everything typed in the problem form, to fill it in again.
    fn typed(posted: &Posted) -> crate::error::Echo {
        let days = posted.list("days").join(",");
        let mut pairs: Vec<(&str, &str)> = PROBLEM_FIELDS
            .iter()
            .filter(|f| **f != "days")
            .map(|f| (*f, posted.get(f)))
            .collect();
        pairs.push(("days", &days));
        pairs.push(("location", posted.get("location")));
        echo(&pairs)
    }

    pub async fn report(data: MultipartData) -> Result<(), ApiError> {
        let user = require(Permission::BookVisits)?;
        let form = Form {
            text: &[
                "location",
                "category",
                "priority",
                "description",
                "phone",
                "acknowledged",
            ],
            lists: &["days"],
            large: &[],
        };
        let posted = read(data, &form, typed).await?;
        let location = LocationRef::parse(posted.get("location")).ok_or(ApiError::NotFound)?;
        let form = ProblemForm {
            category: posted.get("category"),
            priority: posted.get("priority"),
            description: posted.get("description"),
            days: posted.list("days"),
            phone: posted.get("phone"),
            acknowledged: !posted.get("acknowledged").is_empty(),
        };
        let mut problems = Vec::new();
        let draft = ProblemDraft::parse(&form).map_err(|p| problems.extend(p));
        if let Some(problem) = posted.photo_problem.clone() {
            problems.push(("photos", problem));
        }
        let draft = match draft {
            Ok(draft) if problems.is_empty() => draft,
            _ => return Err(ApiError::refused(problems, typed(&posted))),
        };
        let state = state()?;
        let echo = typed(&posted);
        let photos = match files::process_all(posted.photos, state.uploads)
            .await
            .map_err(|e| internal("photo processing failed", e))?
        {
            Ok(photos) => photos,
            Err(problem) => return Err(ApiError::refused([("photos", problem)], echo)),
        };
        let sent = problems::report(
            &state.store,
            &state.business(),
            &state.files,
            &user,
            Report {
                location,
                draft,
                photos,
            },
            &info().origin,
        )
        .await
        .map_err(|e| match e {
            ProblemError::TooMany => ApiError::TooManyRequests,
            other => refused(other),
        })?;
        leptos_axum::redirect(&format!("/requests/{sent}?sent=1"));
        Ok(())
    }

    /// The request, for the office.
    async fn office_request(request: &str) -> Result<doorstep::dto::RequestView, ApiError> {
        let user = require(Permission::ManageScheduling)?;
        let reference = RequestRef::parse(request).ok_or(ApiError::NotFound)?;
        let state = state()?;
        doorstep::services::requests::get(
            &state.store,
            &user,
            reference,
            info().locale,
            state.business().default_locale,
        )
        .await
        .map_err(|_| ApiError::NotFound)
    }

    pub async fn windows(
        request: String,
        service: Option<String>,
        day: Option<String>,
    ) -> Result<super::RequestScheduling, ApiError> {
        use doorstep::services::offers::{self, CalendarQuery, OffersError};
        let asked = office_request(&request).await?;
        let state = state()?;
        let services = offers::options(
            &state.store,
            asked.account,
            info().locale,
            state.business().default_locale,
        )
        .await
        .map_err(|e| internal("request services failed", e))?
        .services
        .into_iter()
        .filter(|s| s.bookable)
        .collect();
        let service = match service.as_deref().map(str::trim) {
            None | Some("") => {
                return Ok(super::RequestScheduling {
                    services,
                    calendar: None,
                });
            }
            Some(raw) => ServiceRef::parse(raw).ok_or(ApiError::NotFound)?,
        };
        let day_raw = day.unwrap_or_default();
        let bad = || ApiError::field("day", FieldError::OutOfRange, echo(&[("day", &day_raw)]));
        let day = match day_raw.trim() {
            "" => None,
            raw => Some(doorstep::dates::parse_day(raw).ok_or_else(bad)?),
        };
        let query = CalendarQuery {
            account: asked.account,
            location: asked.location,
            service,
            month: None,
            day,
            now: jiff::Timestamp::now(),
            locale: info().locale,
            default_locale: state.business().default_locale,
            rescheduling: None,
        };
        let calendar = offers::calendar(&state.store, &state.business(), &query)
            .await
            .map_err(|e| match e {
                OffersError::NotFound => ApiError::NotFound,
                OffersError::NotPlaced => ApiError::LocationNotPlaced,
                OffersError::OutOfRange => bad(),
                other => internal("request windows failed", other),
            })?;
        Ok(super::RequestScheduling {
            services,
            calendar: Some(calendar),
        })
    }

    pub async fn schedule(
        request: String,
        service: String,
        window: String,
    ) -> Result<(), ApiError> {
        use doorstep::services::availability::ServiceKey;
        use doorstep::services::booking::{BookingError, BookingRequest, book};
        let asked = office_request(&request).await?;
        if !asked.status.is_open() {
            return Err(ApiError::RequestHandled);
        }
        let user = require(Permission::ManageScheduling)?;
        let service = ServiceRef::parse(&service).ok_or(ApiError::NotFound)?;
        let keep = echo(&[("window", &window)]);
        let window_start = window
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|s| jiff::Timestamp::from_second(s).ok())
            .ok_or_else(|| ApiError::field("window", FieldError::Required, keep.clone()))?;
        let state = state()?;
        let business = state.business();
        let requester = problems::requester(&state.store, asked.request)
            .await
            .map_err(|e| internal("requester failed", e))?;
        let booked = book(
            &state.store,
            &business,
            &BookingRequest {
                account: asked.account,
                location: asked.location,
                service: ServiceKey::Id(service.id()),
                window_start,
                notes: asked.notes.as_deref(),
                now: jiff::Timestamp::now(),
                by: &user,
                notify: requester.as_ref(),
                replaces: None,
                plan_day: None,
                for_request: Some(asked.request),
                origin: &info().origin,
            },
        )
        .await;
        match booked {
            Ok(_) => {
                leptos_axum::redirect(&format!("/requests/{}?scheduled=1", asked.request));
                Ok(())
            }
            Err(BookingError::RequestAnswered) => Err(ApiError::RequestHandled),
            Err(BookingError::UnknownLocation)
            | Err(BookingError::Availability(
                doorstep::services::availability::AvailabilityError::UnknownService(_),
            )) => Err(ApiError::NotFound),
            Err(BookingError::NotPlaced) => Err(ApiError::LocationNotPlaced),
            Err(BookingError::JustTaken { alternatives }) => {
                Err(crate::api::booking::window_taken(&alternatives, keep))
            }
            Err(err) => Err(internal("scheduling a request failed", err)),
        }
    }
}
