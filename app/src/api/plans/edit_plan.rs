//! Writing plans. Each server function checks who asks, reads the form at the boundary and
//! hands a refused field back with everything typed, so a form posted without JavaScript
//! comes back filled in.

use crate::error::ApiError;
use leptos::prelude::*;

/// A new plan: `location`, `service` (references), `frequency` (`weekly`, `every_2_weeks`,
/// `every_4_weeks`, `monthly_day`, `monthly_weekday`), `starts` and `ends` (dates; the end
/// is optional), `time` (the preferred window's start, `09:00`), `notes`.
#[server(endpoint = "create-plan")]
pub async fn create_plan(
    #[server(default)] location: Option<String>,
    #[server(default)] service: Option<String>,
    #[server(default)] frequency: Option<String>,
    #[server(default)] starts: Option<String>,
    #[server(default)] ends: Option<String>,
    #[server(default)] time: Option<String>,
    #[server(default)] notes: Option<String>,
) -> Result<(), ApiError> {
    let form = imp::Form::new(frequency, starts, ends, time);
    imp::create(
        location.unwrap_or_default(),
        service.unwrap_or_default(),
        form,
        notes.unwrap_or_default(),
    )
    .await
}

/// Skips one `day` (`2026-12-08`) of the plan: its visit, if booked, is cancelled.
#[server(endpoint = "skip-plan-day")]
pub async fn skip_plan_day(
    plan: String,
    #[server(default)] day: Option<String>,
) -> Result<(), ApiError> {
    imp::skip(plan, day.unwrap_or_default()).await
}

/// Pauses the plan; `until` is the first day it books again.
#[server(endpoint = "pause-plan")]
pub async fn pause_plan(
    plan: String,
    #[server(default)] until: Option<String>,
) -> Result<(), ApiError> {
    imp::pause(plan, until.unwrap_or_default()).await
}

#[server(endpoint = "resume-plan")]
pub async fn resume_plan(plan: String) -> Result<(), ApiError> {
    imp::resume(plan).await
}

/// A new rhythm and time from `starts` on (the fields as for a new plan).
#[server(endpoint = "change-plan")]
pub async fn change_plan(
    plan: String,
    #[server(default)] frequency: Option<String>,
    #[server(default)] starts: Option<String>,
    #[server(default)] ends: Option<String>,
    #[server(default)] time: Option<String>,
) -> Result<(), ApiError> {
    imp::change(plan, imp::Form::new(frequency, starts, ends, time)).await
}

#[server(endpoint = "end-plan")]
pub async fn end_plan(plan: String) -> Result<(), ApiError> {
    imp::end(plan).await
}

#[cfg(feature = "ssr")]
mod imp {
    use super::super::NOTES_MAX;
    use super::super::support::{map, plan_ref};
    use crate::api::support::{info, require, state};
    use crate::error::{ApiError, Echo, echo};
    use doorstep::error::FieldError;
    use doorstep::ids::{LocationRef, ServiceRef};
    use doorstep::permissions::Permission;
    use doorstep::recurrence::{Recurrence, parse_recurrence};
    use doorstep::services::{plan_edits, plans};
    use jiff::civil::Date;

    /// The rule's fields as typed.
    pub struct Form {
        pub frequency: String,
        pub starts: String,
        pub ends: String,
        pub time: String,
    }

    impl Form {
        pub fn new(
            frequency: Option<String>,
            starts: Option<String>,
            ends: Option<String>,
            time: Option<String>,
        ) -> Self {
            Self {
                frequency: frequency.unwrap_or_default(),
                starts: starts.unwrap_or_default(),
                ends: ends.unwrap_or_default(),
                time: time.unwrap_or_default(),
            }
        }

        fn echo(&self) -> Echo {
            echo(&[
                ("frequency", &self.frequency),
                ("starts", &self.starts),
                ("ends", &self.ends),
                ("time", &self.time),
            ])
        }

        /// The rule and the window's start, or every refused field.
        fn parse(&self, today: Date) -> Result<(Recurrence, u16), Vec<(&'static str, FieldError)>> {
            let value = |name: &str| match name {
                "frequency" => self.frequency.as_str(),
                "starts" => self.starts.as_str(),
                "ends" => self.ends.as_str(),
                _ => "",
            };
            let rule = parse_recurrence(value, today);
            let time = match self.time.trim() {
                "" => Err(FieldError::Required),
                raw => doorstep::technicians::parse_time_of_day(raw)
                    .filter(|m| *m < 24 * 60)
                    .ok_or(FieldError::InvalidTime),
            };
            match (rule, time) {
                (Ok(rule), Ok(time)) => Ok((rule, time)),
                (rule, time) => {
                    let mut problems = rule.err().unwrap_or_default();
                    if let Err(e) = time {
                        problems.push(("time", e));
                    }
                    Err(problems)
                }
            }
        }
    }

    fn today() -> Result<Date, ApiError> {
        let state = state()?;
        Ok(jiff::Timestamp::now()
            .to_zoned(state.business().time_zone.zone())
            .date())
    }

    fn signed_in() -> Result<doorstep::dto::SessionUser, ApiError> {
        info().user.ok_or(ApiError::Unauthenticated)
    }

    pub async fn create(
        location: String,
        service: String,
        form: Form,
        notes: String,
    ) -> Result<(), ApiError> {
        let user = require(Permission::BookVisits)?;
        let mut keep = form.echo();
        keep.extend(echo(&[
            ("notes", &notes),
            ("location", &location),
            ("service", &service),
        ]));
        let location = LocationRef::parse(&location)
            .ok_or_else(|| ApiError::field("location", FieldError::Required, keep.clone()))?;
        let service = ServiceRef::parse(&service)
            .ok_or_else(|| ApiError::field("service", FieldError::Required, keep.clone()))?;
        let mut parsed = form.parse(today()?);
        let notes = notes.trim();
        if notes.chars().count() > NOTES_MAX {
            let problem = ("notes", FieldError::TooLong { max: NOTES_MAX });
            match &mut parsed {
                Err(problems) => problems.push(problem),
                Ok(_) => parsed = Err(vec![problem]),
            }
        }
        let (recurrence, time) = parsed.map_err(|p| ApiError::refused(p, keep.clone()))?;
        let state = state()?;
        let draft = plans::PlanDraft {
            location,
            service,
            recurrence,
            window_start_min: time,
            notes: (!notes.is_empty()).then(|| notes.to_string()),
        };
        let (plan, done) = plans::create(
            &state.store,
            &state.business(),
            &user,
            &draft,
            &info().origin,
        )
        .await
        .map_err(|e| map(e, "starts", keep))?;
        leptos_axum::redirect(&format!(
            "/plans/{plan}?created=1&booked={}&misfits={}",
            done.booked, done.misfits
        ));
        Ok(())
    }

    pub async fn skip(plan: String, day: String) -> Result<(), ApiError> {
        let user = signed_in()?;
        let plan = plan_ref(&plan)?;
        let keep = echo(&[("day", &day)]);
        let day: Date = day
            .trim()
            .parse()
            .map_err(|_| ApiError::field("day", FieldError::InvalidDate, keep.clone()))?;
        let state = state()?;
        plans::skip(
            &state.store,
            &state.business(),
            &user,
            plan,
            day,
            &info().origin,
        )
        .await
        .map_err(|e| map(e, "day", keep))?;
        leptos_axum::redirect(&format!("/plans/{plan}?skipped={day}"));
        Ok(())
    }

    pub async fn pause(plan: String, until: String) -> Result<(), ApiError> {
        let user = signed_in()?;
        let plan = plan_ref(&plan)?;
        let keep = echo(&[("until", &until)]);
        let until: Date = match until.trim() {
            "" => return Err(ApiError::field("until", FieldError::Required, keep)),
            raw => raw
                .parse()
                .map_err(|_| ApiError::field("until", FieldError::InvalidDate, keep.clone()))?,
        };
        let latest = today()?
            .checked_add(jiff::Span::new().days(doorstep::recurrence::START_MAX_DAYS))
            .map_err(|_| ApiError::field("until", FieldError::OutOfRange, keep.clone()))?;
        if until > latest {
            return Err(ApiError::field("until", FieldError::OutOfRange, keep));
        }
        let state = state()?;
        let kept = plans::pause(
            &state.store,
            &state.business(),
            &user,
            plan,
            until,
            &info().origin,
        )
        .await
        .map_err(|e| map(e, "until", keep))?;
        leptos_axum::redirect(&format!("/plans/{plan}?paused=1&kept={}", kept.len()));
        Ok(())
    }

    pub async fn resume(plan: String) -> Result<(), ApiError> {
        let user = signed_in()?;
        let plan = plan_ref(&plan)?;
        let state = state()?;
        plans::resume(&state.store, &state.business(), &user, plan, &info().origin)
            .await
            .map_err(|e| map(e, "plan", Echo::new()))?;
        leptos_axum::redirect(&format!("/plans/{plan}?resumed=1"));
        Ok(())
    }

    pub async fn change(plan: String, form: Form) -> Result<(), ApiError> {
        let user = signed_in()?;
        let plan = plan_ref(&plan)?;
        let keep = form.echo();
        let (recurrence, time) = form
            .parse(today()?)
            .map_err(|p| ApiError::refused(p, keep.clone()))?;
        let state = state()?;
        let changed = plan_edits::change(
            &state.store,
            &state.business(),
            &user,
            plan,
            recurrence,
            time,
            &info().origin,
        )
        .await
        .map_err(|e| map(e, "time", keep))?;
        leptos_axum::redirect(&format!(
            "/plans/{plan}?changed=1&kept={}",
            changed.kept.len()
        ));
        Ok(())
    }

    pub async fn end(plan: String) -> Result<(), ApiError> {
        let user = signed_in()?;
        let plan = plan_ref(&plan)?;
        let state = state()?;
        let kept = plan_edits::end(&state.store, &state.business(), &user, plan, &info().origin)
            .await
            .map_err(|e| map(e, "plan", Echo::new()))?;
        leptos_axum::redirect(&format!("/plans/{plan}?ended=1&kept={}", kept.len()));
        Ok(())
    }
}
