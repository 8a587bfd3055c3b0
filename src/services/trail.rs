//! The trail, as people read it: an account owner reads what happened in their account (who
//! signed in, who changed what, who was invited, what was exported); admins browse the
//! whole of it, filtered, with the alerts raised.

use crate::dto::{AlertView, SessionUser, TrailEntry, TrailPage};
use crate::ids::UserRef;
use crate::permissions::{Permission, Role};
use crate::services::clock;
use crate::store::audit::{self, AuditRow, Filter};
use crate::store::{Conn, Store, StoreError, alerts};
use std::collections::BTreeMap;

/// Entries on one page of the account's trail.
pub const ACCOUNT_PAGE: i64 = 50;
/// Entries on one page of the admins' trail.
pub const OFFICE_PAGE: i64 = 100;
/// Alerts listed above the admins' trail.
const ALERTS_SHOWN: i64 = 20;

#[derive(Debug, thiserror::Error)]
pub enum TrailError {
    #[error("not allowed")]
    Forbidden,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The names of the people `rows` name as actors, by reference, and which of them belong to
/// `account`.
async fn names(
    conn: &mut Conn,
    rows: &[AuditRow],
    account: Option<i64>,
) -> Result<(BTreeMap<String, String>, Vec<String>), StoreError> {
    let mut names = BTreeMap::new();
    let mut own = Vec::new();
    for actor in rows.iter().filter_map(|r| r.actor.as_deref()) {
        if names.contains_key(actor) {
            continue;
        }
        let Some(reference) = UserRef::parse(actor) else {
            continue;
        };
        let found: Option<(String, Option<i64>)> = sqlx::query_as(
            "SELECT u.name, m.account_id FROM users u \
             LEFT JOIN memberships m ON m.user_id = u.id AND m.account_id = $2 WHERE u.id = $1",
        )
        .bind(reference.id())
        .bind(account.unwrap_or(0))
        .fetch_optional(&mut *conn)
        .await?;
        if let Some((name, member)) = found {
            if member.is_some() {
                own.push(actor.to_string());
            }
            names.insert(actor.to_string(), name);
        }
    }
    Ok((names, own))
}

fn page(
    rows: Vec<AuditRow>,
    names: &BTreeMap<String, String>,
    shows_ip: impl Fn(&AuditRow) -> bool,
    size: i64,
) -> TrailPage {
    let older = (rows.len() as i64 == size)
        .then(|| rows.last().map(|r| r.id))
        .flatten();
    let entries = rows
        .into_iter()
        .map(|r| TrailEntry {
            id: r.id,
            at: r.at,
            client_ip: r.client_ip.clone().filter(|_| shows_ip(&r)),
            who: r
                .actor
                .as_ref()
                .map(|a| names.get(a).cloned().unwrap_or_else(|| a.clone())),
            action: r.action,
            subject: r.subject,
            detail: r.detail,
        })
        .collect();
    TrailPage { entries, older }
}

/// The owner's account's trail, newest first, from before `before` (an entry id).
pub async fn of_account(
    store: &Store,
    by: &SessionUser,
    before: Option<i64>,
) -> Result<TrailPage, TrailError> {
    let account = match (by.role, by.account) {
        (Role::AccountOwner, Some(account)) => account.id(),
        _ => return Err(TrailError::Forbidden),
    };
    let mut conn = store.conn().await?;
    let filter = Filter {
        account: Some(account),
        before,
        ..Filter::default()
    };
    let rows = audit::browse(&mut conn, &filter, ACCOUNT_PAGE).await?;
    let (names, own) = names(&mut conn, &rows, Some(account)).await?;
    // Where the account's own people acted from; never the office's.
    let shows_ip = |r: &AuditRow| r.actor.as_ref().is_some_and(|a| own.contains(a));
    Ok(page(rows, &names, shows_ip, ACCOUNT_PAGE))
}

/// The whole trail as `filter` narrows it, for admins.
pub async fn of_business(
    store: &Store,
    by: &SessionUser,
    filter: &Filter,
) -> Result<TrailPage, TrailError> {
    if !by.role.allows(Permission::ManageStaff) {
        return Err(TrailError::Forbidden);
    }
    let mut conn = store.conn().await?;
    let rows = audit::browse(&mut conn, filter, OFFICE_PAGE).await?;
    let (names, _) = names(&mut conn, &rows, None).await?;
    Ok(page(rows, &names, |_| true, OFFICE_PAGE))
}

/// The newest alerts, for admins.
pub async fn alerts(store: &Store, by: &SessionUser) -> Result<Vec<AlertView>, TrailError> {
    if !by.role.allows(Permission::ManageStaff) {
        return Err(TrailError::Forbidden);
    }
    let mut conn = store.conn().await?;
    Ok(alerts::newest(&mut conn, ALERTS_SHOWN)
        .await?
        .into_iter()
        .map(|a| AlertView {
            id: a.id,
            kind: a.kind,
            at: a.at,
            person: a.person,
            client_ip: a.client_ip,
            count: a.count,
            seen: a.seen_at.is_some(),
        })
        .collect())
}

/// Marks every alert seen; how many were new.
pub async fn mark_alerts_seen(store: &Store, by: &SessionUser) -> Result<u64, TrailError> {
    if !by.role.allows(Permission::ManageStaff) {
        return Err(TrailError::Forbidden);
    }
    let mut conn = store.conn().await?;
    Ok(alerts::mark_seen(&mut conn, clock::now()).await?)
}
