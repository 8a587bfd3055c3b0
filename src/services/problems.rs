//! Problem reports: a customer says what is wrong at one of their places (category,
//! description, priority, preferred days, photos) and gets a reference and a mail at once;
//! the office asks a question (the customer answers), declines with a reason, or schedules a
//! visit through the engine. Every step is on the request's timeline and in the audit log,
//! written in the transaction of the change.

use crate::brand::Business;
use crate::dto::SessionUser;
use crate::ids::{LocationRef, RequestRef};
use crate::permissions::{Capability, Permission};
use crate::requests::{Priority, ProblemDraft, RequestKind, ResponseTimes};
use crate::services::clock;
use crate::services::files::{FileStore, FilesError, Owner, Photo, Stored};
use crate::services::mail::{self, Mail, MailTemplate, Recipient};
use crate::services::requests::OPEN_MAX;
use crate::store::audit::{self, RequestOrigin};
use crate::store::requests::{self as store_requests, Move, NewProblem, NewRequest, RequestRow};
use crate::store::{Conn, Store, StoreError, accounts};
use tracing::instrument;

#[derive(Debug, thiserror::Error)]
pub enum ProblemError {
    /// Not the person's place or request, or not theirs to act on.
    #[error("not found")]
    NotFound,
    #[error("the account has {OPEN_MAX} open requests already")]
    TooMany,
    /// Not where this step starts from (answered, declined or scheduled already).
    #[error("the request is not waiting for this")]
    NotWaiting,
    #[error(transparent)]
    Files(#[from] FilesError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The business's response times (the form shows them before sending).
pub async fn response_times(conn: &mut Conn) -> Result<ResponseTimes, StoreError> {
    let mut times = ResponseTimes::default();
    for (priority, hours) in store_requests::response_times(conn).await? {
        if let (Some(p), Ok(h)) = (Priority::parse(&priority), u32::try_from(hours)) {
            times.set(p, h);
        }
    }
    Ok(times)
}

/// Sets the response times (one transaction, with its audit entry); reports sent from now
/// on are promised them.
pub async fn save_response_times(
    store: &Store,
    by: &SessionUser,
    times: ResponseTimes,
    origin: &RequestOrigin,
) -> Result<(), StoreError> {
    let now = clock::now();
    let mut tx = store.begin().await?;
    for priority in Priority::ALL {
        store_requests::set_response_time(
            &mut tx,
            priority.as_str(),
            i64::from(times.hours(priority)),
        )
        .await?;
    }
    let detail = serde_json::to_string(&times).unwrap_or_default();
    audit::record(
        &mut tx,
        &audit::Entry::new(now, "response_times_saved", origin)
            .by(by.user)
            .detail(&detail),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

fn request_mail<'a>(
    to: &'a Recipient,
    business: &Business,
    template: MailTemplate,
    args: &[(&str, String)],
) -> Option<Mail<'a>> {
    let address = crate::email::Email::parse(&to.email).ok()?;
    let locale = to.locale.unwrap_or(business.default_locale);
    let mut all: std::collections::BTreeMap<String, String> = args
        .iter()
        .map(|(k, v)| ((*k).to_string(), v.clone()))
        .collect();
    all.insert("name".into(), to.name.clone());
    Some(Mail {
        to: address,
        to_name: Some(&to.name),
        locale,
        template,
        args: all,
    })
}

/// A problem report as sent: the place, the checked form and its photos (processed already:
/// see `files::process_all`).
pub struct Report {
    pub location: LocationRef,
    pub draft: ProblemDraft,
    pub photos: Vec<Photo>,
}

/// Sends a problem report for one of the person's places. The photos are put into the file
/// store first; if the report cannot be written they are deleted again.
#[instrument(skip_all, fields(by = %by.user))]
pub async fn report(
    store: &Store,
    business: &Business,
    files: &FileStore,
    by: &SessionUser,
    report: Report,
    origin: &RequestOrigin,
) -> Result<RequestRef, ProblemError> {
    let Report {
        location,
        draft,
        photos,
    } = report;
    if !by.role.allows(Permission::BookVisits) {
        return Err(ProblemError::NotFound);
    }
    let account = by.account.ok_or(ProblemError::NotFound)?;
    if !by.may_at(Capability::Book, account.id(), location.id()) {
        return Err(ProblemError::NotFound);
    }
    {
        // Refused before anything is stored when the place is not theirs.
        let mut conn = store.conn().await?;
        accounts::bookable_location(&mut conn, account.id(), location.id())
            .await?
            .ok_or(ProblemError::NotFound)?;
    }
    let stored = Stored::put(files, photos).await?;
    match write_report(store, business, by, location, &draft, &stored, origin).await {
        Ok(reference) => Ok(reference),
        Err(e) => {
            stored.discard(files).await;
            Err(e)
        }
    }
}

async fn write_report(
    store: &Store,
    business: &Business,
    by: &SessionUser,
    location: LocationRef,
    draft: &ProblemDraft,
    stored: &Stored,
    origin: &RequestOrigin,
) -> Result<RequestRef, ProblemError> {
    let account = by.account.ok_or(ProblemError::NotFound)?;
    let now = clock::now();
    let mut tx = store.begin().await?;
    accounts::lock(&mut tx, account.id()).await?;
    let place = accounts::bookable_location(&mut tx, account.id(), location.id())
        .await?
        .ok_or(ProblemError::NotFound)?;
    if store_requests::open_count(&mut tx, account.id()).await? >= OPEN_MAX {
        return Err(ProblemError::TooMany);
    }
    let hours = response_times(&mut tx).await?.hours(draft.priority);
    let days = draft.days.join(",");
    let id = store_requests::insert(
        &mut tx,
        &NewRequest {
            account_id: account.id(),
            location_id: place.id,
            service_id: None,
            kind: RequestKind::Problem.as_str(),
            notes: Some(&draft.description),
            phone: draft.phone.as_deref(),
            created_by: by.user.id(),
            created_at: now,
            visit_id: None,
            problem: Some(NewProblem {
                category: draft.category.as_str(),
                priority: draft.priority.as_str(),
                preferred_days: &days,
                response_hours: i64::from(hours),
            }),
        },
    )
    .await?;
    stored
        .record(
            &mut tx,
            Owner {
                account_id: account.id(),
                request_id: Some(id),
                job_id: None,
                by: by.user.id(),
                at: now,
            },
        )
        .await?;
    let reference = RequestRef::from_id(id);
    let subject = reference.to_string();
    let detail = format!("{} · {}", draft.category.as_str(), draft.priority.as_str());
    audit::record(
        &mut tx,
        &audit::Entry::new(now, "problem_reported", origin)
            .by(by.user)
            .on(&subject)
            .detail(&detail),
    )
    .await?;
    let me = Recipient::from(by);
    let args = [
        ("reference", subject.clone()),
        ("place", place.label.clone()),
        ("hours", hours.to_string()),
    ];
    match request_mail(&me, business, MailTemplate::ProblemReported, &args) {
        Some(message) => {
            mail::queue(&mut tx, &message).await?;
        }
        None => tracing::warn!(%reference, "no mail: the stored address does not parse"),
    }
    tx.commit().await.map_err(StoreError::from)?;
    Ok(reference)
}

/// What the office can do with a problem report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Triage {
    /// Ask the customer something; the request waits for their answer.
    Ask,
    /// Will not take it, saying why.
    Decline,
}

/// The office asks a question about a request or declines it; the customer is told by mail.
#[instrument(skip(store, business, by, text, origin), fields(by = %by.user))]
pub async fn triage(
    store: &Store,
    business: &Business,
    by: &SessionUser,
    request: RequestRef,
    triage: Triage,
    text: &str,
    origin: &RequestOrigin,
) -> Result<(), ProblemError> {
    if !by.role.allows(Permission::ManageScheduling) {
        return Err(ProblemError::NotFound);
    }
    let now = clock::now();
    let mut tx = store.begin().await?;
    let row = store_requests::by_id(&mut tx, request.id())
        .await?
        .ok_or(ProblemError::NotFound)?;
    let (from, to, step, action, template): (&[&str], _, _, _, _) = match triage {
        Triage::Ask => (
            &["open"],
            "waiting",
            "question",
            "request_question",
            MailTemplate::RequestQuestion,
        ),
        Triage::Decline => (
            &["open", "waiting"],
            "declined",
            "declined",
            "request_declined",
            MailTemplate::RequestDeclined,
        ),
    };
    let moved = store_requests::move_to(
        &mut tx,
        &Move {
            id: row.id,
            from,
            to,
            by: by.user.id(),
            at: now,
            visit_id: None,
        },
    )
    .await?;
    if !moved {
        return Err(ProblemError::NotWaiting);
    }
    store_requests::add_step(&mut tx, row.id, step, Some(text), by.user.id(), now).await?;
    let subject = request.to_string();
    audit::record(
        &mut tx,
        &audit::Entry::new(now, action, origin)
            .by(by.user)
            .on(&subject)
            .detail(text),
    )
    .await?;
    tell_requester(&mut tx, business, &row, template, text).await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// Mails the person who sent the request (if they are still a person of the portal).
async fn tell_requester(
    conn: &mut Conn,
    business: &Business,
    row: &RequestRow,
    template: MailTemplate,
    text: &str,
) -> Result<(), StoreError> {
    let Some(requester) = row.created_by else {
        return Ok(());
    };
    // Disabled or gone since: nobody to tell.
    let Some(to) = mail::recipient_of(&mut *conn, requester).await? else {
        return Ok(());
    };
    let args = [
        ("reference", RequestRef::from_id(row.id).to_string()),
        ("place", row.location_label.clone()),
        ("message", text.to_string()),
    ];
    if let Some(message) = request_mail(&to, business, template, &args) {
        mail::queue(conn, &message).await?;
    }
    Ok(())
}

/// Who sent a request, as a mail reaches them; `None` when they are no longer a person of
/// the portal.
pub async fn requester(
    store: &Store,
    request: RequestRef,
) -> Result<Option<Recipient>, StoreError> {
    let mut conn = store.conn().await?;
    let Some(by) = store_requests::by_id(&mut conn, request.id())
        .await?
        .and_then(|r| r.created_by)
    else {
        return Ok(None);
    };
    mail::recipient_of(&mut conn, by).await
}

/// The customer answers the office's question; the request is the office's again.
#[instrument(skip(store, by, text, origin), fields(by = %by.user))]
pub async fn answer(
    store: &Store,
    by: &SessionUser,
    request: RequestRef,
    text: &str,
    origin: &RequestOrigin,
) -> Result<(), ProblemError> {
    let now = clock::now();
    let mut tx = store.begin().await?;
    let row = store_requests::by_id(&mut tx, request.id())
        .await?
        .filter(|r| {
            by.role.allows(Permission::BookVisits)
                && by.may_at(Capability::Book, r.account_id, r.location_id)
        })
        .ok_or(ProblemError::NotFound)?;
    let moved = store_requests::move_to(
        &mut tx,
        &Move {
            id: row.id,
            from: &["waiting"],
            to: "open",
            by: by.user.id(),
            at: now,
            visit_id: None,
        },
    )
    .await?;
    if !moved {
        return Err(ProblemError::NotWaiting);
    }
    store_requests::add_step(&mut tx, row.id, "answer", Some(text), by.user.id(), now).await?;
    let subject = request.to_string();
    audit::record(
        &mut tx,
        &audit::Entry::new(now, "request_answered", origin)
            .by(by.user)
            .on(&subject),
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// Inside a booking's transaction: the request becomes scheduled as `visit`. `false` when it
/// was answered meanwhile (the booking is then rolled back).
pub async fn mark_scheduled(
    conn: &mut Conn,
    request: i64,
    visit: i64,
    by: i64,
    at: i64,
) -> Result<bool, StoreError> {
    let moved = store_requests::move_to(
        &mut *conn,
        &Move {
            id: request,
            from: &["open", "waiting"],
            to: "scheduled",
            by,
            at,
            visit_id: Some(visit),
        },
    )
    .await?;
    if moved {
        store_requests::add_step(conn, request, "scheduled", None, by, at).await?;
    }
    Ok(moved)
}
