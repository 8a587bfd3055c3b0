//! In-app notifications: a person's newest, and marking them read.

use crate::dto::{Notice, SessionUser};
use crate::ids::VisitRef;
use crate::store::{Store, StoreError, notifications};

/// The most a list shows.
pub const SHOWN: i64 = 50;

/// `by`'s newest notifications, newest first.
pub async fn newest(store: &Store, by: &SessionUser) -> Result<Vec<Notice>, StoreError> {
    let mut conn = store.conn().await?;
    let rows = notifications::newest(&mut conn, by.user.id(), SHOWN).await?;
    Ok(rows
        .into_iter()
        .map(|r| Notice {
            visit: VisitRef::from_id(r.job_id),
            kind: r.kind,
            at: r.at,
            service: r.service_name,
            when: r.window_start.unwrap_or(r.planned_start),
            read: r.read_at.is_some(),
        })
        .collect())
}

/// Marks all of `by`'s notifications read; how many were unread.
pub async fn mark_read(store: &Store, by: &SessionUser) -> Result<u64, StoreError> {
    let mut conn = store.conn().await?;
    notifications::mark_read(&mut conn, by.user.id(), crate::services::clock::now()).await
}
