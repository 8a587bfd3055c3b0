//! Changing plans: moving a visit to another window, cancelling it with a reason, or (too
//! close to the visit for that) asking the office. Customers may move or cancel their
//! account's open visits up to the business's notice; dispatchers and admins always may.
//! Each change is a timeline step, an audit entry and a mail, in one transaction.

use crate::brand::Business;
use crate::dto::{ChangePolicy, SessionUser, WindowOffer};
use crate::ids::{AccountRef, LocationRef, RequestRef, VisitRef};
use crate::permissions::{Capability, Permission, Role};
use crate::requests::RequestKind;
use crate::services::availability::ServiceKey;
use crate::services::booking::{self, Booked, BookingError, BookingRequest, visit_mail};
use crate::services::clock;
use crate::services::mail::{self, MailTemplate, Recipient};
use crate::services::requests;
use crate::services::visits::{Recorded, StepDetail, record_step};
use crate::store::audit::RequestOrigin;
use crate::store::requests::{self as store_requests, NewRequest};
use crate::store::visits::{self, VisitRow};
use crate::store::{Conn, Store, StoreError, scheduling as sched};
use jiff::{SignedDuration, Timestamp};
use tracing::instrument;

#[derive(Debug, thiserror::Error)]
pub enum ChangeError {
    /// Missing, or not the caller's to change.
    #[error("no such visit")]
    NotFound,
    /// Done or cancelled already.
    #[error("the visit can no longer be changed")]
    Closed,
    /// Within the notice; the customer may ask the office instead.
    #[error("too close to the visit to change it online")]
    TooLate { notice_hours: i64 },
    /// The account has as many open requests as the office takes from one account.
    #[error("too many open requests")]
    TooMany,
    #[error(transparent)]
    Booking(BookingError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<BookingError> for ChangeError {
    fn from(err: BookingError) -> Self {
        match err {
            BookingError::Closed => Self::Closed,
            BookingError::UnknownLocation => Self::NotFound,
            other => Self::Booking(other),
        }
    }
}

/// The longest reason or message kept.
pub const REASON_MAX: usize = 500;

/// Whether `by` may change visits of `row`'s account at all, and whether without notice.
fn rights(by: &SessionUser, row: &VisitRow) -> Option<bool> {
    match by.role {
        Role::AccountOwner | Role::AccountMember => (by.role.allows(Permission::BookVisits)
            && by.may_at(Capability::Book, row.account_id, row.location_id))
        .then_some(false),
        Role::Dispatcher | Role::Admin => Some(true),
        Role::Technician => None,
    }
}

fn is_open(row: &VisitRow) -> bool {
    matches!(
        row.status.as_str(),
        "requested" | "scheduled" | "assigned" | "on_hold"
    )
}

/// When the window starts: what the notice counts back from.
fn window_start(row: &VisitRow) -> i64 {
    row.window_start.unwrap_or(row.planned_start)
}

/// What `viewer` may still do with the visit, for its page.
pub async fn policy(
    conn: &mut Conn,
    viewer: &SessionUser,
    row: &VisitRow,
    now: i64,
) -> Result<ChangePolicy, StoreError> {
    let Some(override_notice) = rights(viewer, row).filter(|_| is_open(row)) else {
        return Ok(ChangePolicy::default());
    };
    if override_notice {
        return Ok(ChangePolicy {
            may_change: true,
            reschedule_until: None,
            cancel_until: None,
            may_reschedule: true,
            may_cancel: true,
        });
    }
    let (reschedule, cancel) = sched::change_notice(conn).await?;
    let start = window_start(row);
    let reschedule_until = start - reschedule.as_secs();
    let cancel_until = start - cancel.as_secs();
    Ok(ChangePolicy {
        may_change: true,
        reschedule_until: Some(reschedule_until),
        cancel_until: Some(cancel_until),
        may_reschedule: now <= reschedule_until,
        may_cancel: now <= cancel_until,
    })
}

/// The visit, if `by` may change it now with `notice` (`None`: cancel's, else reschedule's).
pub(crate) async fn changeable(
    conn: &mut Conn,
    by: &SessionUser,
    visit: VisitRef,
    now: Timestamp,
    pick: fn((SignedDuration, SignedDuration)) -> SignedDuration,
) -> Result<VisitRow, ChangeError> {
    let row = visits::by_id(conn, visit.id())
        .await?
        .ok_or(ChangeError::NotFound)?;
    let override_notice = rights(by, &row).ok_or(ChangeError::NotFound)?;
    if !is_open(&row) {
        return Err(ChangeError::Closed);
    }
    if !override_notice {
        let notice = pick(sched::change_notice(conn).await?);
        if now.as_second() + notice.as_secs() > window_start(&row) {
            return Err(ChangeError::TooLate {
                notice_hours: notice.as_hours(),
            });
        }
    }
    Ok(row)
}

/// Who booked the visit, for its mails (nobody when the office planned it for no one).
pub async fn booker_of(conn: &mut Conn, row: &VisitRow) -> Result<Option<Recipient>, StoreError> {
    let Some(id) = row.booked_by else {
        return Ok(None);
    };
    crate::services::mail::recipient_of(conn, id).await
}

/// Moves the visit to the offered window starting at `window_start`.
#[instrument(skip(store, business, by, origin), fields(by = %by.user))]
pub async fn reschedule(
    store: &Store,
    business: &Business,
    by: &SessionUser,
    visit: VisitRef,
    window_start: Timestamp,
    now: Timestamp,
    origin: &RequestOrigin,
) -> Result<Booked, ChangeError> {
    let (row, notify) = {
        let mut conn = store.conn().await?;
        let row = changeable(&mut conn, by, visit, now, |n| n.0).await?;
        let notify = booker_of(&mut conn, &row).await?;
        (row, notify)
    };
    let moved = booking::book(
        store,
        business,
        &BookingRequest {
            account: AccountRef::from_id(row.account_id),
            location: LocationRef::from_id(row.location_id),
            service: ServiceKey::Id(row.service_id),
            window_start,
            notes: None,
            now,
            by,
            notify: notify.as_ref(),
            replaces: Some(visit),
            plan_day: None,
            for_request: None,
            origin,
        },
    )
    .await?;
    Ok(moved)
}

/// Cancels the visit, keeping the reason in its timeline.
#[instrument(skip(store, business, by, reason, origin), fields(by = %by.user))]
pub async fn cancel(
    store: &Store,
    business: &Business,
    by: &SessionUser,
    visit: VisitRef,
    reason: &str,
    now: Timestamp,
    origin: &RequestOrigin,
) -> Result<(), ChangeError> {
    // Checked first on a connection of its own: on SQLite a transaction must write before
    // it reads. The update itself re-checks that the visit is still open.
    let (row, notify) = {
        let mut conn = store.conn().await?;
        let row = changeable(&mut conn, by, visit, now, |n| n.1).await?;
        let notify = booker_of(&mut conn, &row).await?;
        (row, notify)
    };
    let mut tx = store.begin().await?;
    cancel_in(&mut tx, business, by, &row, notify, reason, origin).await?;
    tx.commit().await.map_err(StoreError::from)?;
    store.announce_events();
    Ok(())
}

/// Cancels the open visit `row` inside the caller's transaction: its status, timeline
/// step, audit entry and the mail to `notify`.
pub(crate) async fn cancel_in(
    conn: &mut Conn,
    business: &Business,
    by: &SessionUser,
    row: &VisitRow,
    notify: Option<Recipient>,
    reason: &str,
    origin: &RequestOrigin,
) -> Result<(), ChangeError> {
    let visit = VisitRef::from_id(row.id);
    if !visits::cancel(&mut *conn, row.id).await? {
        return Err(ChangeError::Closed);
    }
    let at = clock::now();
    let window = WindowOffer {
        start: window_start(row),
        end: row.window_end.unwrap_or(row.planned_end),
    };
    let detail = StepDetail {
        window: None,
        reason: Some(reason.to_string()),
    };
    record_step(
        &mut *conn,
        &Recorded {
            visit,
            by,
            at,
            kind: "cancelled",
            detail: &detail,
            action: "visit_cancelled",
            audit_detail: Some(reason),
            origin,
        },
    )
    .await?;
    if let Some(to) = notify {
        let times = Timestamp::from_second(window.start)
            .ok()
            .zip(Timestamp::from_second(window.end).ok());
        let message = times.and_then(|times| {
            visit_mail(
                MailTemplate::VisitCancelled,
                &to,
                business,
                &row.service_name,
                row.technician_name.as_deref().unwrap_or_default(),
                visit,
                times,
            )
        });
        if let Some(mut message) = message {
            message.args.insert("reason".into(), reason.to_string());
            mail::queue(&mut *conn, &message).await?;
        }
    }
    Ok(())
}

/// Too close to the visit to change it online: the customer's message goes to the office as
/// a change request naming the visit (the office's request list and the board show it), and
/// is a step of the visit's timeline. Returns the request's reference.
#[instrument(skip(store, by, message, origin), fields(by = %by.user))]
pub async fn ask_office(
    store: &Store,
    by: &SessionUser,
    visit: VisitRef,
    message: &str,
    origin: &RequestOrigin,
) -> Result<RequestRef, ChangeError> {
    let row = {
        let mut conn = store.conn().await?;
        visits::by_id(&mut conn, visit.id())
            .await?
            .ok_or(ChangeError::NotFound)?
    };
    rights(by, &row).ok_or(ChangeError::NotFound)?;
    if !is_open(&row) {
        return Err(ChangeError::Closed);
    }
    let mut tx = store.begin().await?;
    // Taken first: SQLite refuses a write after a read in a deferred transaction that raced.
    crate::store::accounts::lock(&mut tx, row.account_id).await?;
    if store_requests::open_count(&mut tx, row.account_id).await? >= requests::OPEN_MAX {
        return Err(ChangeError::TooMany);
    }
    let at = clock::now();
    let request = RequestRef::from_id(
        store_requests::insert(
            &mut tx,
            &NewRequest {
                account_id: row.account_id,
                location_id: row.location_id,
                service_id: Some(row.service_id),
                kind: RequestKind::Change.as_str(),
                notes: Some(message),
                phone: None,
                created_by: by.user.id(),
                created_at: at,
                visit_id: Some(row.id),
                problem: None,
            },
        )
        .await?,
    );
    let detail = StepDetail {
        window: None,
        reason: Some(message.to_string()),
    };
    record_step(
        &mut tx,
        &Recorded {
            visit,
            by,
            at,
            kind: "change_requested",
            detail: &detail,
            action: "visit_change_requested",
            audit_detail: Some(&request.to_string()),
            origin,
        },
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    store.announce_events();
    Ok(request)
}
