//! `/book`: booking a visit in four steps, each a server-rendered page whose state is in the
//! address (`?location=LO-…&service=SV-…&day=2026-11-24&window=…`), so every step works
//! without JavaScript, can be bookmarked, and "back" does what people expect. The last step
//! posts to `book-visit`; success lands on the visit's page.

mod calendar;
mod review;
mod steps;

pub use calendar::{window_day, window_long, window_times};
pub use steps::price_label;

use crate::api::booking::{get_booking_calendar, get_booking_options};
use crate::components::alert::ErrorAlert;
use crate::components::layout::Page;
use crate::error::ApiError;
use crate::i18n::{t, t_with};
use crate::request;
use doorstep::permissions::Permission;
use leptos::either::{Either, EitherOf4};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The address of a booking step with these parameters, empty ones left out.
pub fn book_url(params: &[(&str, &str)]) -> String {
    let query: Vec<String> = params
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", crate::pages::query_value(v)))
        .collect();
    if query.is_empty() {
        "/book".to_string()
    } else {
        format!("/book?{}", query.join("&"))
    }
}

/// Where the booking is at once location and service are chosen: every step's address
/// carries them (and the visit being moved, if any).
#[derive(Clone, Debug)]
pub(crate) struct Flow {
    pub location: String,
    pub service: String,
    pub reschedule: String,
}

impl Flow {
    pub fn of(calendar: &doorstep::dto::BookingCalendar) -> Self {
        Self {
            location: calendar.location.location.to_string(),
            service: calendar.service.service.to_string(),
            reschedule: calendar
                .rescheduling
                .map(|v| v.to_string())
                .unwrap_or_default(),
        }
    }

    /// This flow's address with `extra` parameters.
    pub fn url(&self, extra: &[(&str, &str)]) -> String {
        let mut params = vec![
            ("location", self.location.as_str()),
            ("service", self.service.as_str()),
            ("reschedule", self.reschedule.as_str()),
        ];
        params.extend_from_slice(extra);
        book_url(&params)
    }
}

/// Which step the address asks for.
#[derive(Clone, Debug, Default)]
struct Wanted {
    location: String,
    service: String,
    month: String,
    day: String,
    window: String,
    reschedule: String,
}

#[component]
pub fn BookPage() -> impl IntoView {
    let user = request::current().user;
    let signed_in = user.is_some();
    let may_book = user
        .as_ref()
        .is_some_and(|u| u.role.allows(Permission::BookVisits));
    if !signed_in {
        // Sends them to sign in, and back here afterwards.
        crate::pages::signed_in();
    }
    let query = use_query_map().get_untracked();
    let get = |k: &str| query.get(k).unwrap_or_default();
    let wanted = Wanted {
        location: get("location"),
        service: get("service"),
        month: get("month"),
        day: get("day"),
        window: get("window"),
        reschedule: get("reschedule"),
    };
    let title = if wanted.reschedule.is_empty() {
        t("book-title")
    } else {
        t_with(
            "move-title",
            &[("reference", wanted.reschedule.to_uppercase().into())],
        )
    };
    let body = if may_book {
        Either::Left(view! {
            <Suspense fallback=crate::pages::loading>
                {
                    let wanted = wanted.clone();
                    Suspend::new(async move { step(wanted).await })
                }
            </Suspense>
        })
    } else {
        Either::Right(view! { <crate::pages::Refused error=ApiError::Forbidden /> })
    };
    view! {
        <Page title=title.clone()>
            <h1>{title}</h1>
            {body}
        </Page>
    }
}

/// Renders the step the address asks for, filling in what has only one choice.
async fn step(mut wanted: Wanted) -> impl IntoView {
    if wanted.location.is_empty() || wanted.service.is_empty() {
        let options = match get_booking_options().await {
            Ok(options) => options,
            Err(error) => return EitherOf4::A(view! { <ErrorAlert error /> }),
        };
        if wanted.location.is_empty()
            && let [only] = options.locations.as_slice()
        {
            wanted.location = only.location.to_string();
        }
        if wanted.location.is_empty() || options.locations.is_empty() {
            return EitherOf4::B(view! { <steps::LocationStep options /> }.into_any());
        }
        if wanted.service.is_empty() {
            return EitherOf4::B(
                view! { <steps::ServiceStep options location=wanted.location /> }.into_any(),
            );
        }
    }
    let month = (!wanted.month.is_empty()).then(|| wanted.month.clone());
    let day = (!wanted.day.is_empty()).then(|| wanted.day.clone());
    let reschedule = (!wanted.reschedule.is_empty()).then(|| wanted.reschedule.clone());
    let calendar = match get_booking_calendar(
        wanted.location.clone(),
        wanted.service.clone(),
        month,
        day,
        reschedule,
    )
    .await
    {
        Ok(calendar) => calendar,
        Err(error) => return EitherOf4::A(view! { <ErrorAlert error /> }),
    };
    if wanted.window.is_empty() {
        EitherOf4::C(view! { <calendar::CalendarStep calendar /> })
    } else {
        EitherOf4::D(view! { <review::ReviewStep calendar window=wanted.window /> })
    }
}
