//! In-app notifications: a person's newest, and marking them read.

use crate::dto::{Notice, SessionUser};
use crate::ids::VisitRef;
use crate::services::mail::{self, MailTemplate, Recipient};
use crate::store::{Conn, Store, StoreError, notifications};

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

/// The kinds of mail `by` turned off.
pub async fn opted_out(store: &Store, by: &SessionUser) -> Result<Vec<String>, StoreError> {
    let mut conn = store.conn().await?;
    notifications::opted_out(&mut conn, by.user.id()).await
}

/// `by` gets mail of the `wanted` kinds only (of [`crate::dto::MAIL_KINDS`]).
pub async fn set_mailed(
    store: &Store,
    by: &SessionUser,
    wanted: &[&str],
) -> Result<(), StoreError> {
    let off: Vec<&str> = crate::dto::MAIL_KINDS
        .into_iter()
        .filter(|k| !wanted.contains(k))
        .collect();
    let mut tx = store.begin().await?;
    notifications::set_opted_out(&mut tx, by.user.id(), &off).await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// In the transaction of a step: mails the people of the job's account (but `except`, who
/// took it) who want mail of `kind` (`en_route`, `completed` or `slipped`), each in their
/// language. On the way and running late say the window expected now.
pub async fn mail_account(
    conn: &mut Conn,
    job_id: i64,
    kind: &str,
    except: Option<i64>,
) -> Result<(), StoreError> {
    let template = match kind {
        "en_route" => MailTemplate::VisitOnTheWay,
        "completed" => MailTemplate::VisitCompleted,
        "slipped" => MailTemplate::VisitSlipped,
        _ => return Ok(()),
    };
    let recipients = notifications::mail_recipients(&mut *conn, job_id, kind, except).await?;
    if recipients.is_empty() {
        return Ok(());
    }
    let Some(row) = crate::store::visits::by_id(&mut *conn, job_id).await? else {
        return Ok(());
    };
    let business = crate::store::business::load(&mut *conn)
        .await?
        .unwrap_or_default();
    let promised = (
        row.window_start.unwrap_or(row.planned_start),
        row.window_end.unwrap_or(row.planned_end),
    );
    let expected = match (row.expected_start, row.expected_end) {
        (Some(start), Some(end)) if kind != "completed" => (start, end),
        _ => promised,
    };
    let (Ok(start), Ok(end)) = (
        jiff::Timestamp::from_second(expected.0),
        jiff::Timestamp::from_second(expected.1),
    ) else {
        return Ok(());
    };
    for to in recipients {
        let to = Recipient::stored(to.email, to.name, to.locale.as_deref());
        let message = crate::services::booking::visit_mail(
            template,
            &to,
            &business,
            &row.service_name,
            row.technician_name.as_deref().unwrap_or_default(),
            VisitRef::from_id(job_id),
            (start, end),
        );
        if let Some(message) = message {
            mail::queue(&mut *conn, &message).await?;
        }
    }
    Ok(())
}
