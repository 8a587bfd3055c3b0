//! The trail: an owner's account's, and the whole of it for admins, with their alerts.

use crate::error::ApiError;
use doorstep::dto::{AlertView, TrailPage};
use leptos::prelude::*;

/// `before`: the entry the page starts below (the "older" link), if any.
#[server(endpoint = "account-trail")]
pub async fn account_trail(#[server(default)] before: Option<i64>) -> Result<TrailPage, ApiError> {
    use crate::api::support::{require, state};
    use doorstep::permissions::Permission;
    let user = require(Permission::ManageOwnAccount)?;
    doorstep::services::trail::of_account(&state()?.store, &user, before)
        .await
        .map_err(imp::failed)
}

/// The whole trail, narrowed: `action` (its start: `sign_in` takes `sign_in_failed`),
/// `actor` (a person's reference), `subject`, `ip`, `from` and `to` (dates, both included,
/// in the business's time zone), `before` (the next page). Empty ones do not narrow.
#[server(endpoint = "office-trail")]
pub async fn office_trail(
    #[server(default)] action: String,
    #[server(default)] actor: String,
    #[server(default)] subject: String,
    #[server(default)] ip: String,
    #[server(default)] from: String,
    #[server(default)] to: String,
    #[server(default)] before: Option<i64>,
) -> Result<TrailPage, ApiError> {
    use crate::api::support::{require, state};
    use doorstep::permissions::Permission;
    let user = require(Permission::ManageStaff)?;
    let state = state()?;
    let zone = state.business().time_zone.zone();
    let filter = imp::filter(
        [
            ("action", &action),
            ("actor", &actor),
            ("subject", &subject),
            ("ip", &ip),
            ("from", &from),
            ("to", &to),
        ],
        before,
        &zone,
    )?;
    doorstep::services::trail::of_business(&state.store, &user, &filter)
        .await
        .map_err(imp::failed)
}

#[server(endpoint = "security-alerts")]
pub async fn security_alerts() -> Result<Vec<AlertView>, ApiError> {
    use crate::api::support::{require, state};
    use doorstep::permissions::Permission;
    let user = require(Permission::ManageStaff)?;
    doorstep::services::trail::alerts(&state()?.store, &user)
        .await
        .map_err(imp::failed)
}

#[server(endpoint = "mark-alerts-seen")]
pub async fn mark_alerts_seen() -> Result<(), ApiError> {
    use crate::api::support::{require, state};
    use doorstep::permissions::Permission;
    let user = require(Permission::ManageStaff)?;
    doorstep::services::trail::mark_alerts_seen(&state()?.store, &user)
        .await
        .map_err(imp::failed)?;
    leptos_axum::redirect("/office/trail");
    Ok(())
}

#[cfg(feature = "ssr")]
mod imp {
    use crate::error::{ApiError, echo};
    use doorstep::error::FieldError;
    use doorstep::services::trail::TrailError;
    use doorstep::store::audit::Filter;

    /// Longest text a filter takes.
    const FILTER_MAX: usize = 200;

    pub fn failed(e: TrailError) -> ApiError {
        match e {
            TrailError::Forbidden => ApiError::Forbidden,
            other => crate::api::support::internal("reading the trail failed", other),
        }
    }

    /// The start of `day` (or of the day after, for `to`) in `zone`.
    fn day_start(raw: &str, next: bool, zone: &jiff::tz::TimeZone) -> Result<i64, FieldError> {
        let day = doorstep::dates::parse_day(raw).ok_or(FieldError::InvalidDate)?;
        let day = if next {
            day.tomorrow().map_err(|_| FieldError::InvalidDate)?
        } else {
            day
        };
        day.to_zoned(zone.clone())
            .map(|z| z.timestamp().as_second())
            .map_err(|_| FieldError::InvalidDate)
    }

    pub fn filter(
        fields: [(&'static str, &String); 6],
        before: Option<i64>,
        zone: &jiff::tz::TimeZone,
    ) -> Result<Filter, ApiError> {
        let keep = echo(&fields.map(|(k, v)| (k, v.as_str())));
        let mut problems = Vec::new();
        let mut filter = Filter {
            before,
            ..Filter::default()
        };
        for (name, raw) in fields {
            let value = raw.trim();
            if value.is_empty() {
                continue;
            }
            if value.chars().count() > FILTER_MAX {
                problems.push((name, FieldError::TooLong { max: FILTER_MAX }));
                continue;
            }
            let text = Some(value.to_string());
            match name {
                "action" => filter.action = text,
                "actor" => filter.actor = text.map(|a| a.to_uppercase()),
                "subject" => filter.subject = text,
                "ip" => filter.client_ip = text,
                "from" => match day_start(value, false, zone) {
                    Ok(at) => filter.since = Some(at),
                    Err(p) => problems.push((name, p)),
                },
                _ => match day_start(value, true, zone) {
                    Ok(at) => filter.until = Some(at),
                    Err(p) => problems.push((name, p)),
                },
            }
        }
        if problems.is_empty() {
            Ok(filter)
        } else {
            Err(ApiError::refused(problems, keep))
        }
    }
}
