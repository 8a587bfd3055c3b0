//! Reminder mail before a visit: a background task written with the booking (and again
//! when the visit moves), due the business's number of hours before the window. When it
//! runs it sends one reminder for the visit's current window, at most once: a visit moved
//! or cancelled since, or already reminded of that window, gets nothing.

use crate::services::booking::visit_mail;
use crate::services::mail::{self, MailTemplate, Recipient};
use crate::services::tasks::{self, TaskError, TaskFuture, TaskHandler};
use crate::services::{changes, clock};
use crate::store::{Conn, Store, StoreError, business, visits};
use jiff::Timestamp;
use std::time::Duration;

/// The task kind; its payload is `{"visit": ID, "window": START}`.
pub const REMIND_VISIT: &str = "visit.remind";
/// Attempts a reminder gets (the mail itself is retried by its own task).
const ATTEMPTS: i64 = 5;

/// Writes the reminder task for a visit whose window starts at `window_start` (UTC
/// seconds), `hours` before it; nothing when reminders are off or that time has passed.
/// Use the transaction that books or moves the visit.
pub async fn schedule(
    conn: &mut Conn,
    visit: i64,
    window_start: i64,
    hours: i64,
) -> Result<(), StoreError> {
    if hours <= 0 {
        return Ok(());
    }
    let due = window_start - hours * 3600;
    let wait = due - clock::now();
    if wait <= 0 {
        return Ok(());
    }
    let payload = serde_json::json!({ "visit": visit, "window": window_start }).to_string();
    let after = Duration::from_secs(u64::try_from(wait).unwrap_or(0));
    tasks::enqueue(conn, REMIND_VISIT, &payload, after, ATTEMPTS).await?;
    Ok(())
}

/// Sends the reminders whose time has come.
pub struct ReminderHandler {
    store: Store,
}

impl ReminderHandler {
    pub fn new(store: Store) -> Self {
        Self { store }
    }

    async fn remind(&self, payload: &str) -> Result<(), TaskError> {
        let value: serde_json::Value = serde_json::from_str(payload)
            .map_err(|e| TaskError::Permanent(format!("unreadable payload: {e}")))?;
        let (Some(visit), Some(window)) = (value["visit"].as_i64(), value["window"].as_i64())
        else {
            return Err(TaskError::Permanent(
                "payload without visit or window".into(),
            ));
        };
        send(&self.store, visit, window)
            .await
            .map_err(|e| TaskError::Retry(e.to_string()))
    }
}

impl TaskHandler for ReminderHandler {
    fn kind(&self) -> &'static str {
        REMIND_VISIT
    }

    fn run<'a>(&'a self, payload: &'a str, _attempt: i64) -> TaskFuture<'a> {
        Box::pin(self.remind(payload))
    }
}

/// Marks the visit reminded of `window` and queues the mail, in one transaction; nothing
/// when the visit no longer has that window, is closed, or was reminded already.
async fn send(store: &Store, visit: i64, window: i64) -> Result<(), StoreError> {
    let mut tx = store.begin().await?;
    if !visits::mark_reminded(&mut tx, visit, window).await? {
        tx.rollback().await?;
        return Ok(());
    }
    let row = visits::by_id(&mut tx, visit)
        .await?
        .ok_or(StoreError::NotFound)?;
    let settings = business::load(&mut tx).await?.unwrap_or_default();
    let to: Option<Recipient> = changes::booker_of(&mut tx, &row).await?;
    let times = Timestamp::from_second(window)
        .ok()
        .zip(Timestamp::from_second(row.window_end.unwrap_or(row.planned_end)).ok());
    if let (Some(to), Some(times)) = (to, times) {
        let message = visit_mail(
            MailTemplate::VisitReminder,
            &to,
            &settings,
            &row.service_name,
            row.technician_name.as_deref().unwrap_or_default(),
            crate::ids::VisitRef::from_id(visit),
            times,
        );
        if let Some(message) = message {
            mail::queue(&mut tx, &message).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}
