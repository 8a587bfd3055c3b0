//! Changing a running plan: a new rhythm or preferred time from a given day on, or ending
//! it. Visits the change no longer wants are cancelled within the notice rule (those too
//! close stay, and the caller is told which); the generator then books the new days.

use crate::brand::Business;
use crate::dto::SessionUser;
use crate::ids::{PlanRef, VisitRef};
use crate::recurrence::Recurrence;
use crate::services::clock;
use crate::services::plans::{
    self, Generated, PlanError, cancel_days, forget_misfits, own_plan, record, to_cancel, window_on,
};
use crate::store::audit::RequestOrigin;
use crate::store::plans as store;
use crate::store::{Store, StoreError};
use jiff::Timestamp;
use tracing::instrument;

/// What a change did: the visits it had to keep, and what the generator booked after it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changed {
    pub kept: Vec<VisitRef>,
    pub generated: Generated,
}

/// Gives the plan a new rule and preferred window start (minutes after local midnight).
/// A booked visit on a day the new rule keeps, at the same time, stays as it is; the others
/// from today on are cancelled where the notice allows and booked again by the new rule.
#[instrument(skip(store, business, by, origin), fields(by = %by.user))]
pub async fn change(
    store: &Store,
    business: &Business,
    by: &SessionUser,
    plan: PlanRef,
    recurrence: Recurrence,
    window_start_min: u16,
    origin: &RequestOrigin,
) -> Result<Changed, PlanError> {
    if window_start_min >= 24 * 60 {
        return Err(PlanError::NotADay);
    }
    let now = Timestamp::now();
    let today_key = now.to_zoned(business.time_zone.zone()).date().to_string();
    let new_min = i64::from(window_start_min);
    let (row, cancel, kept) = {
        let mut conn = store.conn().await?;
        let row = own_plan(&mut conn, by, plan).await?;
        let same_time = row.window_start_min == new_min;
        let still_wanted = |d: &store::DayRow| {
            same_time
                && d.day
                    .parse()
                    .is_ok_and(|day| recurrence.days(day, day).contains(&day))
        };
        let (cancel, kept) =
            to_cancel(&mut conn, by, plan, &today_key, now, |d| !still_wanted(d)).await?;
        (row, cancel, kept)
    };
    // The new time must be one the day has (not lost to a clock change).
    if window_on(recurrence.starts, new_min, business).is_none() {
        return Err(PlanError::NotADay);
    }
    let rule = serde_json::to_string(&recurrence).map_err(|e| PlanError::Corrupt(e.to_string()))?;
    let at = clock::now();
    let mut tx = store.begin().await?;
    store::lock(&mut tx, row.id).await?;
    cancel_days(
        &mut tx,
        business,
        by,
        row.id,
        cancel,
        "plan changed",
        origin,
    )
    .await?;
    forget_misfits(&mut tx, row.id, &today_key, None).await?;
    store::update_rule(&mut tx, row.id, &rule, new_min, at).await?;
    let detail = serde_json::json!({ "rule": recurrence, "window_start_min": new_min }).to_string();
    record(&mut tx, Some(by), "plan_changed", plan, &detail, at, origin).await?;
    tx.commit().await.map_err(StoreError::from)?;
    store.announce_events();
    let generated = plans::generate(store, business, row.id, Timestamp::now()).await?;
    Ok(Changed { kept, generated })
}

/// Ends the plan: nothing more is booked for it, and its visits ahead are cancelled where
/// the notice allows. Returns the visits kept because they are too close to cancel.
#[instrument(skip(store, business, by, origin), fields(by = %by.user))]
pub async fn end(
    store: &Store,
    business: &Business,
    by: &SessionUser,
    plan: PlanRef,
    origin: &RequestOrigin,
) -> Result<Vec<VisitRef>, PlanError> {
    let now = Timestamp::now();
    let today_key = now.to_zoned(business.time_zone.zone()).date().to_string();
    let (row, cancel, kept) = {
        let mut conn = store.conn().await?;
        let row = own_plan(&mut conn, by, plan).await?;
        let (cancel, kept) = to_cancel(&mut conn, by, plan, &today_key, now, |_| true).await?;
        (row, cancel, kept)
    };
    let at = clock::now();
    let mut tx = store.begin().await?;
    store::lock(&mut tx, row.id).await?;
    cancel_days(&mut tx, business, by, row.id, cancel, "plan ended", origin).await?;
    forget_misfits(&mut tx, row.id, &today_key, None).await?;
    store::end(&mut tx, row.id, at).await?;
    record(&mut tx, Some(by), "plan_ended", plan, "", at, origin).await?;
    tx.commit().await.map_err(StoreError::from)?;
    store.announce_events();
    Ok(kept)
}
