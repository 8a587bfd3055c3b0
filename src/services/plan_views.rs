//! Recurring plans as their pages show them: an account's plans (every plan, for the
//! office) and one plan with its days ahead, each with what the reader may still do.

use crate::brand::Business;
use crate::dto::plans::{PlanDay, PlanDayState, PlanDetail, PlanSummary};
use crate::dto::{SessionUser, VisitStatus, WindowOffer};
use crate::ids::{PlanRef, VisitRef};
use crate::locale::Locale;
use crate::permissions::Permission;
use crate::recurrence::Recurrence;
use crate::services::plans::{PlanError, rule_of, window_on};
use crate::store::plans::{self as store, ListedPlan, PlanRow};
use crate::store::{Store, scheduling as sched};
use jiff::{SignedDuration, Timestamp, ToSpan};
use tracing::instrument;

/// How many days past the booking horizon a plan's page lists, so a customer can skip one
/// before it is booked.
pub const LATER_DAYS: usize = 3;

/// Whose plans `by` may read: `Some((0, None))` every account's (the office), their own
/// account's (a member: at the locations they see), `None` nobody's.
fn scope(by: &SessionUser) -> Option<(i64, Option<i64>)> {
    if by.role.allows(Permission::ManageScheduling) {
        Some((0, None))
    } else if by.role.allows(Permission::BookVisits) {
        crate::services::accounts::reach(by).map(|r| (r.account_id, r.member))
    } else {
        None
    }
}

fn summary(row: &ListedPlan, window_min: i64) -> Result<PlanSummary, PlanError> {
    let rule: Recurrence =
        serde_json::from_str(&row.rule).map_err(|e| PlanError::Corrupt(e.to_string()))?;
    Ok(PlanSummary {
        plan: PlanRef::from_id(row.id),
        service: row.service_name.clone(),
        location_label: row.location_label.clone(),
        account_name: row.account_name.clone(),
        frequency: rule.frequency,
        starts: rule.starts.to_string(),
        ends: rule.ends.map(|d| d.to_string()),
        window_start_min: u16::try_from(row.window_start_min).unwrap_or(0),
        window_min: u16::try_from(window_min).unwrap_or(0),
        paused_until: row.paused_until.clone(),
        active: row.status == "active",
        next: row
            .next_start
            .zip(row.next_end)
            .map(|(start, end)| WindowOffer { start, end }),
        misfits: u32::try_from(row.misfits).unwrap_or(0),
    })
}

/// The plans `by` may read, running ones first.
#[instrument(skip(store, business, by), fields(by = %by.user))]
pub async fn list(
    store: &Store,
    business: &Business,
    by: &SessionUser,
    locale: Locale,
) -> Result<Vec<PlanSummary>, PlanError> {
    let (account, member) = scope(by).ok_or(PlanError::NotFound)?;
    let now = Timestamp::now();
    let today = now.to_zoned(business.time_zone.zone()).date().to_string();
    let mut conn = store.conn().await?;
    let rules = sched::booking_rules(&mut conn).await?;
    let rows = store::listed(
        &mut conn,
        account,
        member,
        0,
        locale.code(),
        &today,
        now.as_second(),
    )
    .await?;
    rows.iter().map(|r| summary(r, rules.window_min)).collect()
}

/// One plan with its days ahead: those decided (booked, skipped, flagged), then the next
/// ones to come, with whether each may still be skipped.
#[instrument(skip(store, business, by), fields(by = %by.user))]
pub async fn detail(
    store: &Store,
    business: &Business,
    by: &SessionUser,
    plan: PlanRef,
    locale: Locale,
) -> Result<PlanDetail, PlanError> {
    let (account, member) = scope(by).ok_or(PlanError::NotFound)?;
    let now = Timestamp::now();
    let tz = business.time_zone.zone();
    let today = now.to_zoned(tz.clone()).date();
    let mut conn = store.conn().await?;
    let rules = sched::booking_rules(&mut conn).await?;
    let listed = store::listed(
        &mut conn,
        account,
        member,
        plan.id(),
        locale.code(),
        &today.to_string(),
        now.as_second(),
    )
    .await?
    .into_iter()
    .next()
    .ok_or(PlanError::NotFound)?;
    let summary = summary(&listed, rules.window_min)?;
    let row = store::get(&mut conn, plan.id())
        .await?
        .ok_or(PlanError::NotFound)?;
    let (_, cancel_notice) = sched::change_notice(&mut conn).await?;
    let office = by.role.allows(Permission::ManageScheduling);
    let may_change = summary.active;
    let stored = store::days(&mut conn, plan.id(), &today.to_string()).await?;
    drop(conn);

    let cancel_by = now + cancel_notice;
    let mut days: Vec<PlanDay> = stored
        .iter()
        .map(|d| {
            let status = d.job_status.as_deref().and_then(VisitStatus::parse);
            let window = d
                .window_start
                .zip(d.window_end)
                .map(|(start, end)| WindowOffer { start, end });
            let state = match d.state.as_str() {
                "booked" if status.is_some_and(VisitStatus::is_open) => PlanDayState::Booked,
                "booked" => PlanDayState::Cancelled,
                "skipped" => PlanDayState::Skipped,
                _ => PlanDayState::Misfit,
            };
            let in_time = window.is_none_or(|w| office || w.start >= cancel_by.as_second());
            let may_skip = may_change
                && matches!(state, PlanDayState::Booked | PlanDayState::Misfit)
                && in_time;
            PlanDay {
                day: d.day.clone(),
                state,
                visit: d.job_id.map(VisitRef::from_id),
                status,
                window: window.filter(|_| state == PlanDayState::Booked),
                may_skip,
            }
        })
        .collect();
    if may_change {
        days.extend(later_days(&row, business, &rules, &stored, now)?);
    }
    Ok(PlanDetail {
        summary,
        notes: row.notes.clone(),
        days,
        may_change,
    })
}

/// The plan's next days that no row decides yet: from the end of the pause (or today) to a
/// few past the booking horizon, leaving out those too close to book.
fn later_days(
    row: &PlanRow,
    business: &Business,
    rules: &crate::booking_rules::BookingRules,
    stored: &[store::DayRow],
    now: Timestamp,
) -> Result<Vec<PlanDay>, PlanError> {
    let rule = rule_of(row)?;
    let today = now.to_zoned(business.time_zone.zone()).date();
    let paused = row
        .paused_until
        .as_deref()
        .and_then(|d| d.parse::<jiff::civil::Date>().ok());
    let from = paused.map_or(today, |p| p.max(today));
    let earliest = now + SignedDuration::from_hours(rules.min_notice_hours);
    // Far enough to find a few days of the sparsest rule (monthly) past the horizon.
    let until = today
        .checked_add((rules.horizon_days + 31 * i64::try_from(LATER_DAYS).unwrap_or(3)).days())
        .map_err(|e| PlanError::Corrupt(e.to_string()))?;
    let horizon_end = today
        .checked_add(rules.horizon_days.days())
        .unwrap_or(today);
    let mut out = Vec::new();
    let mut past_horizon = 0;
    for day in rule.days(from, until) {
        let key = day.to_string();
        if stored.iter().any(|d| d.day == key) {
            continue;
        }
        if window_on(day, row.window_start_min, business).is_none_or(|at| at < earliest) {
            continue;
        }
        if day > horizon_end {
            past_horizon += 1;
            if past_horizon > LATER_DAYS {
                break;
            }
        }
        out.push(PlanDay {
            day: key,
            state: PlanDayState::Later,
            visit: None,
            status: None,
            window: None,
            may_skip: true,
        });
    }
    Ok(out)
}
