//! The business's booking rules: read and changed by the office, each change audited with
//! the values it set.

use crate::booking_rules::BookingRules;
use crate::dto::SessionUser;
use crate::services::clock;
use crate::store::audit::{self, RequestOrigin};
use crate::store::{Store, StoreError, scheduling as sched};
use tracing::instrument;

/// The rules as the office edits them.
pub async fn get(store: &Store) -> Result<BookingRules, StoreError> {
    let mut conn = store.conn().await?;
    sched::booking_rules(&mut conn).await
}

/// Saves new rules; the next search uses them.
#[instrument(skip(store, by, origin), fields(by = %by.user))]
pub async fn save(
    store: &Store,
    by: &SessionUser,
    rules: &BookingRules,
    origin: &RequestOrigin,
) -> Result<(), StoreError> {
    let now = clock::now();
    let mut tx = store.begin().await?;
    sched::save_booking_rules(&mut tx, rules, now).await?;
    let detail = serde_json::to_string(rules).unwrap_or_default();
    audit::record(
        &mut tx,
        &audit::Entry::new(now, "booking_rules_changed", origin)
            .by(by.user)
            .detail(&detail),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
