//! Conversations: who belongs to a thread, reading one (which marks it read), and sending a
//! message with photos. A job's thread belongs to the account's people who see the job, its
//! technician while it is theirs (read-only once the job is finished) and the office; an
//! account's support thread to its people and the office. Anyone else is told the thread
//! does not exist. Every message and every read that moves is an event on the live stream,
//! written in the transaction of the change.

use crate::conversations::{
    CANNED_MAX, CANNED_TITLE_MAX, CannedReply, Inbox, InboxShow, InboxThread, KEY_MAX, MESSAGE_MAX,
    MessageView, OfficePerson, OfficeSide, SHOWN, Seen, Side, ThreadAddr, ThreadView,
};
use crate::dto::{PhotoView, SessionUser, VisitStatus};
use crate::error::FieldError;
use crate::permissions::Role;
use crate::services::clock;
use crate::services::files::{FileStore, FilesError, Photo, Stored, clean_name};
use crate::services::visits::{first_name, may_see, summary};
use crate::store::conversations::{self as store, NewMessage, NewMessageFile, ThreadRow};
use crate::store::events;
use crate::store::visits::{self, VisitRow};
use crate::store::{Conn, Store, StoreError};
use tracing::instrument;

/// The event of a new message, and of a read that moved (`seen`). Pages following a
/// thread fetch it again on either; a visit's page ignores them otherwise.
pub const MESSAGE_EVENT: &str = "message";
pub const SEEN_EVENT: &str = "seen";
/// The task that mails a message still unread; its payload is `{"message": ID}`.
pub const UNREAD_MAIL: &str = "message.unread";

#[derive(Debug, thiserror::Error)]
pub enum ConversationError {
    /// Not a thread the person belongs to.
    #[error("not found")]
    NotFound,
    /// The office keeps as many canned replies as it may.
    #[error("too many canned replies")]
    TooMany,
    /// The person reads the thread but may not write to it.
    #[error("read only")]
    ReadOnly,
    /// Nothing to send, or too much.
    #[error("the message is not valid: {0:?}")]
    Field(FieldError),
    #[error(transparent)]
    Files(#[from] FilesError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What the viewer is to a thread.
struct Membership {
    account_id: i64,
    job: Option<VisitRow>,
    thread: Option<ThreadRow>,
    side: Side,
    may_write: bool,
}

fn side_of(role: Role) -> Side {
    match role {
        Role::AccountOwner | Role::AccountMember => Side::Customer,
        Role::Technician => Side::Technician,
        Role::Dispatcher | Role::Admin => Side::Office,
    }
}

async fn membership(
    conn: &mut Conn,
    viewer: &SessionUser,
    addr: ThreadAddr,
) -> Result<Membership, ConversationError> {
    let side = side_of(viewer.role);
    match addr {
        ThreadAddr::Job(visit) => {
            let row = visits::by_id(&mut *conn, visit.id())
                .await?
                .filter(|row| may_see(viewer, row))
                .ok_or(ConversationError::NotFound)?;
            let finished = matches!(
                summary(&row).status,
                VisitStatus::Completed | VisitStatus::Cancelled
            );
            let thread = store::of_job(conn, row.id).await?;
            Ok(Membership {
                account_id: row.account_id,
                may_write: side != Side::Technician || !finished,
                job: Some(row),
                thread,
                side,
            })
        }
        ThreadAddr::Support(account) => {
            let belongs = match viewer.role {
                Role::AccountOwner | Role::AccountMember => viewer.account == Some(account),
                Role::Dispatcher | Role::Admin => {
                    match crate::store::accounts::by_id(&mut *conn, account.id()).await {
                        Ok(_) => true,
                        Err(StoreError::NotFound) => false,
                        Err(e) => return Err(e.into()),
                    }
                }
                Role::Technician => false,
            };
            if !belongs {
                return Err(ConversationError::NotFound);
            }
            let thread = store::support_of(conn, account.id()).await?;
            Ok(Membership {
                account_id: account.id(),
                job: None,
                thread,
                side,
                may_write: true,
            })
        }
    }
}

/// A fresh idempotency key for the next message a form sends.
pub fn new_key() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The thread as `viewer` sees it, marked read by them up to its last message (a read that
/// moves is an event, so the others see "seen" at once).
#[instrument(skip(store, viewer), fields(viewer = %viewer.user))]
pub async fn read(
    store: &Store,
    viewer: &SessionUser,
    addr: ThreadAddr,
    limits: (usize, u64),
    default_locale: crate::locale::Locale,
) -> Result<ThreadView, ConversationError> {
    let (max_files, max_mb) = limits;
    let mut conn = store.conn().await?;
    // Read first: whatever commits after it reaches the page's live stream.
    let events_after = events::latest(&mut conn).await?;
    let member = membership(&mut conn, viewer, addr).await?;
    let me = viewer.user.id();
    let mut view = ThreadView {
        addr,
        messages: Vec::new(),
        earlier: false,
        seen: None,
        may_write: member.may_write,
        key: new_key(),
        events_after,
        max_files,
        max_mb,
        unread_elsewhere: Vec::new(),
        office: None,
    };
    if member.side == Side::Office {
        let locale = store::account_locale(&mut conn, member.account_id)
            .await?
            .and_then(|l| crate::locale::Locale::parse(&l).ok())
            .unwrap_or(default_locale);
        view.office = Some(OfficeSide {
            canned: canned_replies(&mut conn, Some(locale)).await?,
            assigned: member
                .thread
                .as_ref()
                .and_then(|t| t.assigned_to)
                .map(crate::ids::UserRef::from_id),
            office: office_people(&mut conn).await?,
            asked_at: member.thread.as_ref().and_then(|t| t.first_asked_at),
            answered_at: member.thread.as_ref().and_then(|t| t.first_answered_at),
        });
    }
    if let (ThreadAddr::Support(account), Side::Customer) = (addr, member.side) {
        let limited = viewer.role == Role::AccountMember;
        view.unread_elsewhere = store::unread_job_threads(&mut conn, account.id(), me, limited)
            .await?
            .into_iter()
            .map(|(job, n)| (crate::ids::VisitRef::from_id(job), n))
            .collect();
    }
    let Some(thread) = member.thread else {
        return Ok(view);
    };
    let (rows, earlier) = store::latest(&mut conn, thread.id, SHOWN).await?;
    let first = rows.first().map_or(0, |m| m.id);
    let files = store::files_from(&mut conn, thread.id, first).await?;
    view.earlier = earlier;
    view.messages = rows
        .into_iter()
        .map(|m| {
            let side = Side::parse(&m.side).unwrap_or(Side::Office);
            let photos = files
                .iter()
                .filter(|f| f.message_id == m.id)
                .map(|f| PhotoView {
                    token: f.token.clone(),
                    name: f.name.clone(),
                    width: u32::try_from(f.width).unwrap_or_default(),
                    height: u32::try_from(f.height).unwrap_or_default(),
                })
                .collect();
            MessageView {
                id: m.id,
                side,
                author: shown_name(viewer, side, m.author_name.as_deref().unwrap_or_default()),
                mine: m.author_id == Some(me),
                body: m.body,
                at: m.created_at,
                photos,
            }
        })
        .collect();
    if let Some(mine) = view.messages.iter().rev().find(|m| m.mine) {
        let readers = store::readers(&mut conn, thread.id, mine.id, me).await?;
        if let Some(at) = readers.iter().map(|r| r.read_at).max() {
            view.seen = Some(Seen {
                names: readers
                    .iter()
                    .map(|r| {
                        let side = if r.staff > 0 {
                            Side::Office
                        } else {
                            Side::Customer
                        };
                        shown_name(viewer, side, &r.name)
                    })
                    .collect(),
                at,
            });
        }
    }
    // One connection at a time: a request holding one while waiting for another would,
    // under load, wait for connections held by requests doing the same.
    drop(conn);
    if let Some(last) = view.messages.last().map(|m| m.id) {
        let now = clock::now();
        let mut tx = store.begin().await?;
        if store::mark_read(&mut tx, thread.id, me, last, now).await? {
            thread_event(&mut tx, &thread, SEEN_EVENT, now).await?;
        }
        tx.commit().await.map_err(StoreError::from)?;
        store.announce_events();
    }
    Ok(view)
}

/// Customers see the staff by first name; the staff see everyone in full.
fn shown_name(viewer: &SessionUser, side: Side, name: &str) -> String {
    match (side_of(viewer.role), side) {
        (Side::Customer, Side::Technician | Side::Office) => first_name(name),
        _ => name.to_string(),
    }
}

async fn thread_event(
    conn: &mut Conn,
    thread: &ThreadRow,
    kind: &str,
    at: i64,
) -> Result<(), StoreError> {
    match thread.job_id {
        Some(job) => events::append_for_job(conn, job, kind, at, "{}").await,
        None => events::append_for_account(conn, thread.account_id, kind, at).await,
    }
}

/// A message as sent: its text, the form's idempotency key, and its photos (processed
/// already: see `files::process_all`).
pub struct Outgoing {
    pub body: String,
    pub key: String,
    pub photos: Vec<Photo>,
}

/// Checks a message's text: trimmed, within [`MESSAGE_MAX`], and not empty unless photos
/// go with it.
pub fn check_body(raw: &str, with_photos: bool) -> Result<String, FieldError> {
    crate::fields::text(raw, MESSAGE_MAX, !with_photos)
}

/// Sends a message to a thread the person may write to. Sent twice with the same key, it
/// is written once (the second time changes nothing). The photos are put into the file store
/// first and deleted again if the message is not written.
#[instrument(skip_all, fields(by = %by.user, thread = %addr))]
pub async fn send(
    store: &Store,
    files: &FileStore,
    by: &SessionUser,
    addr: ThreadAddr,
    message: Outgoing,
    mail_after_minutes: u32,
) -> Result<(), ConversationError> {
    let key = message.key.trim();
    let key = (!key.is_empty() && key.len() <= KEY_MAX).then_some(key);
    let body =
        check_body(&message.body, !message.photos.is_empty()).map_err(ConversationError::Field)?;
    let account_id = {
        let mut conn = store.conn().await?;
        let member = membership(&mut conn, by, addr).await?;
        if !member.may_write {
            return Err(ConversationError::ReadOnly);
        }
        if let Some(key) = key
            && store::sent_with_key(&mut conn, by.user.id(), key)
                .await?
                .is_some()
        {
            return Ok(());
        }
        member.account_id
    };
    let stored = Stored::put(files, message.photos).await?;
    let sending = Sending {
        by,
        addr,
        account_id,
        body: &body,
        key,
        mail_after_minutes,
    };
    match write(store, &sending, &stored).await {
        Ok(true) => Ok(()),
        Ok(false) => {
            // The same message, sent again while the first was being written.
            stored.discard(files).await;
            Ok(())
        }
        Err(e) => {
            stored.discard(files).await;
            Err(e)
        }
    }
}

/// Who is to answer after a message from `side` on a job at `status`: a customer's
/// message goes to the technician while they are on the way or on site, and to the office
/// otherwise; anyone else's leaves the customer to answer.
pub fn routed_to(side: Side, status: Option<VisitStatus>) -> &'static str {
    match (side, status) {
        (
            Side::Customer,
            Some(VisitStatus::EnRoute | VisitStatus::Arrived | VisitStatus::InProgress),
        ) => "technician",
        (Side::Customer, _) => "office",
        (Side::Technician | Side::Office, _) => "customer",
    }
}

struct Sending<'a> {
    by: &'a SessionUser,
    addr: ThreadAddr,
    account_id: i64,
    body: &'a str,
    key: Option<&'a str>,
    mail_after_minutes: u32,
}

/// Writes the message in one transaction; `false` when one with its key was there already.
async fn write(
    store: &Store,
    sending: &Sending<'_>,
    stored: &Stored,
) -> Result<bool, ConversationError> {
    let Sending {
        by,
        addr,
        account_id,
        body,
        key,
        mail_after_minutes,
    } = *sending;
    let now = clock::now();
    let mut tx = store.begin().await?;
    // A write first (on SQLite a transaction that read first may not write later); then
    // the rights again, inside the transaction that writes.
    crate::store::accounts::lock(&mut tx, account_id).await?;
    let member = membership(&mut tx, by, addr).await?;
    if !member.may_write {
        return Err(ConversationError::ReadOnly);
    }
    let thread = match (&member.job, member.thread) {
        (_, Some(thread)) => thread,
        (Some(job), None) => {
            store::ensure_job(&mut tx, job.id, job.account_id, job.location_id, now).await?
        }
        (None, None) => store::ensure_support(&mut tx, member.account_id, now).await?,
    };
    let new = NewMessage {
        thread_id: thread.id,
        author_id: by.user.id(),
        side: member.side.as_str(),
        body,
        client_key: key,
        at: now,
    };
    let Some(id) = store::insert(&mut tx, &new).await? else {
        return Ok(false);
    };
    for (token, photo) in stored.photos() {
        let file = NewMessageFile {
            token,
            message_id: id,
            name: &photo.name,
            bytes: i64::try_from(photo.kept.len()).unwrap_or(i64::MAX),
            width: i64::from(photo.width),
            height: i64::from(photo.height),
            at: now,
        };
        store::insert_file(&mut tx, &file).await?;
    }
    let status = member.job.as_ref().map(|job| summary(job).status);
    let waiting = routed_to(member.side, status);
    store::after_message(
        &mut tx,
        thread.id,
        waiting,
        member.side == Side::Customer,
        now,
    )
    .await?;
    store::mark_read(&mut tx, thread.id, by.user.id(), id, now).await?;
    thread_event(&mut tx, &thread, MESSAGE_EVENT, now).await?;
    if mail_after_minutes > 0 {
        let payload = format!("{{\"message\":{id}}}");
        let after = std::time::Duration::from_secs(u64::from(mail_after_minutes) * 60);
        crate::services::tasks::enqueue(&mut tx, UNREAD_MAIL, &payload, after, 5).await?;
    }
    tx.commit().await.map_err(StoreError::from)?;
    store.announce_events();
    Ok(true)
}

/// The photo `token` names, if it was sent with a message of a thread `viewer` belongs to:
/// its name to serve it under.
pub async fn visible_file(
    conn: &mut Conn,
    viewer: &SessionUser,
    token: &str,
) -> Result<Option<String>, StoreError> {
    let Some((name, thread)) = store::file_by_token(&mut *conn, token).await? else {
        return Ok(None);
    };
    let addr = match thread.job_id {
        Some(job) => ThreadAddr::Job(crate::ids::VisitRef::from_id(job)),
        None => ThreadAddr::Support(crate::ids::AccountRef::from_id(thread.account_id)),
    };
    match membership(conn, viewer, addr).await {
        Ok(_) => Ok(Some(clean_name(&name, "photo"))),
        Err(ConversationError::Store(e)) => Err(e),
        Err(_) => Ok(None),
    }
}

/// The office people (dispatchers and admins, enabled) a thread can be given to.
async fn office_people(conn: &mut Conn) -> Result<Vec<OfficePerson>, StoreError> {
    Ok(crate::store::staff::all(conn)
        .await?
        .into_iter()
        .filter(|s| s.disabled == 0 && matches!(s.role, Role::Dispatcher | Role::Admin))
        .map(|s| OfficePerson {
            user: crate::ids::UserRef::from_id(s.id),
            name: s.name,
        })
        .collect())
}

/// How many threads one inbox list shows at most.
const INBOX_MAX: i64 = 100;

fn addr_of(account_id: i64, job_id: Option<i64>) -> ThreadAddr {
    match job_id {
        Some(job) => ThreadAddr::Job(crate::ids::VisitRef::from_id(job)),
        None => ThreadAddr::Support(crate::ids::AccountRef::from_id(account_id)),
    }
}

/// The office's inbox, list `show`, as `reader` sees it. The office only.
pub async fn inbox(
    store: &Store,
    reader: &SessionUser,
    show: InboxShow,
) -> Result<Inbox, ConversationError> {
    if side_of(reader.role) != Side::Office {
        return Err(ConversationError::NotFound);
    }
    let me = reader.user.id();
    let list = match show {
        InboxShow::Unassigned => store::InboxList::Unassigned,
        InboxShow::Mine => store::InboxList::Mine,
        InboxShow::Waiting => store::InboxList::Waiting,
    };
    let mut conn = store.conn().await?;
    let threads = store::inbox(&mut conn, list, me, INBOX_MAX)
        .await?
        .into_iter()
        .map(|row| InboxThread {
            addr: addr_of(row.account_id, row.job_id),
            account: row.account_name,
            waiting_on: row.waiting_on,
            assigned: row.assigned_name,
            last_message_at: row.last_message_at,
            asked_at: row.first_asked_at,
            answered_at: row.first_answered_at,
            unread: row.unread,
        })
        .collect();
    let (unassigned, mine, waiting) = store::inbox_counts(&mut conn, me).await?;
    Ok(Inbox {
        show,
        threads,
        counts: [unassigned, mine, waiting],
        office: office_people(&mut conn).await?,
    })
}

/// Gives a thread to an office person (`to`; `None`: back to nobody), in the audit trail.
#[instrument(skip(store, by, origin), fields(by = %by.user))]
pub async fn assign(
    store: &Store,
    by: &SessionUser,
    addr: ThreadAddr,
    to: Option<crate::ids::UserRef>,
    origin: &crate::store::audit::RequestOrigin,
) -> Result<(), ConversationError> {
    use crate::store::audit;
    if side_of(by.role) != Side::Office {
        return Err(ConversationError::NotFound);
    }
    let thread = {
        let mut conn = store.conn().await?;
        let member = membership(&mut conn, by, addr).await?;
        if let Some(to) = to {
            let office = office_people(&mut conn).await?;
            if !office.iter().any(|p| p.user == to) {
                return Err(ConversationError::NotFound);
            }
        }
        member.thread.ok_or(ConversationError::NotFound)?
    };
    let now = clock::now();
    let subject = addr.to_string();
    let detail = to.map(|u| u.to_string());
    let mut tx = store.begin().await?;
    store::assign(&mut tx, thread.id, to.map(crate::ids::UserRef::id)).await?;
    let entry = audit::Entry::new(now, "thread_assigned", origin)
        .by(by.user)
        .on(&subject)
        .detail_maybe(detail.as_deref());
    audit::record(&mut tx, &entry).await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// The canned replies (`locale`: in that language only), by language and title.
pub async fn canned_replies(
    conn: &mut Conn,
    locale: Option<crate::locale::Locale>,
) -> Result<Vec<CannedReply>, StoreError> {
    Ok(store::canned(conn, locale.map(crate::locale::Locale::code))
        .await?
        .into_iter()
        .filter_map(|row| {
            Some(CannedReply {
                id: row.id,
                locale: crate::locale::Locale::parse(&row.locale).ok()?,
                title: row.title,
                body: row.body,
            })
        })
        .collect())
}

/// Every canned reply, for the office.
pub async fn all_canned(
    store: &Store,
    by: &SessionUser,
) -> Result<Vec<CannedReply>, ConversationError> {
    if side_of(by.role) != Side::Office {
        return Err(ConversationError::NotFound);
    }
    let mut conn = store.conn().await?;
    Ok(canned_replies(&mut conn, None).await?)
}

/// A canned reply as typed: its language, title and text (checked here).
pub struct NewCanned<'a> {
    pub locale: &'a str,
    pub title: &'a str,
    pub body: &'a str,
}

/// A canned reply, checked.
pub struct Canned {
    locale: crate::locale::Locale,
    title: String,
    body: String,
}

/// Checks a canned reply: each field's problem, in form order.
pub fn check_canned(new: &NewCanned<'_>) -> Result<Canned, Vec<(&'static str, FieldError)>> {
    let locale = crate::locale::Locale::parse(new.locale);
    let title = crate::fields::text(new.title, CANNED_TITLE_MAX, true);
    let body = crate::fields::text(new.body, MESSAGE_MAX, true);
    match (locale, title, body) {
        (Ok(locale), Ok(title), Ok(body)) => Ok(Canned {
            locale,
            title,
            body,
        }),
        (l, t, b) => Err([("locale", l.err()), ("title", t.err()), ("body", b.err())]
            .into_iter()
            .filter_map(|(f, p)| p.map(|p| (f, p)))
            .collect()),
    }
}

/// Adds a canned reply (checked with [`check_canned`] first), in the audit trail.
pub async fn add_canned(
    store: &Store,
    by: &SessionUser,
    reply: Canned,
    origin: &crate::store::audit::RequestOrigin,
) -> Result<(), ConversationError> {
    use crate::store::audit;
    if side_of(by.role) != Side::Office {
        return Err(ConversationError::NotFound);
    }
    let Canned {
        locale,
        title,
        body,
    } = reply;
    let now = clock::now();
    let mut tx = store.begin().await?;
    store::add_canned(&mut tx, locale.code(), &title, &body, now).await?;
    if store::canned_count(&mut tx).await? > CANNED_MAX {
        return Err(ConversationError::TooMany);
    }
    let entry = audit::Entry::new(now, "canned_reply_added", origin)
        .by(by.user)
        .detail(&title);
    audit::record(&mut tx, &entry).await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// Removes a canned reply, in the audit trail.
pub async fn remove_canned(
    store: &Store,
    by: &SessionUser,
    id: i64,
    origin: &crate::store::audit::RequestOrigin,
) -> Result<(), ConversationError> {
    use crate::store::audit;
    if side_of(by.role) != Side::Office {
        return Err(ConversationError::NotFound);
    }
    let now = clock::now();
    let mut tx = store.begin().await?;
    if !store::remove_canned(&mut tx, id).await? {
        return Err(ConversationError::NotFound);
    }
    let subject = id.to_string();
    let entry = audit::Entry::new(now, "canned_reply_removed", origin)
        .by(by.user)
        .on(&subject);
    audit::record(&mut tx, &entry).await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// Mails whoever should have read a message by now and has not (see [`UNREAD_MAIL`]): for
/// the office's or a technician's message, the customer's people who see the thread; for a
/// customer's, the technician on the way, else the office person who took it, else the
/// office. Each is mailed once for the first message they are behind on.
pub struct UnreadMail {
    store: Store,
    origin: String,
}

impl UnreadMail {
    pub fn new(store: Store, public_origin: &str) -> Self {
        Self {
            store,
            origin: public_origin.trim_end_matches('/').to_string(),
        }
    }

    async fn mail(&self, payload: &str) -> Result<(), crate::services::tasks::TaskError> {
        use crate::services::tasks::TaskError;
        let value: serde_json::Value = serde_json::from_str(payload)
            .map_err(|e| TaskError::Permanent(format!("unreadable payload: {e}")))?;
        let message = value["message"]
            .as_i64()
            .ok_or_else(|| TaskError::Permanent("payload without a message".into()))?;
        self.send(message)
            .await
            .map_err(|e| TaskError::Retry(e.to_string()))
    }

    async fn send(&self, message: i64) -> Result<(), StoreError> {
        use crate::services::mail::{self, Mail, MailTemplate, Recipient};
        // Read first, on a connection of its own; the mails are written in one transaction
        // that starts with its write.
        let mut conn = self.store.conn().await?;
        let Some(row) = store::waiting(&mut conn, message).await? else {
            return Ok(());
        };
        let side = Side::parse(&row.side).unwrap_or(Side::Office);
        let readers = match side {
            Side::Customer => {
                let ids: Vec<i64> = match (row.waiting_on.as_str(), row.technician_id) {
                    ("technician", Some(technician)) => vec![technician],
                    _ => row.assigned_to.into_iter().collect(),
                };
                store::staff_readers(&mut conn, &ids).await?
            }
            Side::Technician | Side::Office => {
                store::account_readers(&mut conn, row.account_id, row.location_id).await?
            }
        };
        let addr = addr_of(row.account_id, row.job_id);
        let link = match (addr, side) {
            // Customers read the support thread on their own page.
            (ThreadAddr::Support(_), Side::Technician | Side::Office) => {
                format!("{}/messages#thread", self.origin)
            }
            _ => format!("{}{}#thread", self.origin, addr.page()),
        };
        let about = match addr {
            ThreadAddr::Job(visit) => visit.to_string(),
            ThreadAddr::Support(_) => "none".to_string(),
        };
        let author = row.author_name.as_deref().unwrap_or_default();
        let from = match side {
            Side::Customer => author.to_string(),
            Side::Technician | Side::Office => first_name(author),
        };
        let mut due = Vec::new();
        for reader in readers {
            if Some(reader.id) == row.author_id
                || store::unread_up_to(&mut conn, row.thread_id, row.id, reader.id).await? != 1
            {
                continue;
            }
            let to = Recipient::stored(reader.email, reader.name, reader.locale.as_deref());
            if let Ok(address) = crate::email::Email::parse(&to.email) {
                due.push((address, to));
            }
        }
        if due.is_empty() {
            return Ok(());
        }
        // Who chose no language reads the business's.
        let fallback = crate::store::business::load(&mut conn)
            .await?
            .unwrap_or_default()
            .default_locale;
        drop(conn);
        let mut tx = self.store.begin().await?;
        for (address, to) in &due {
            let args = [
                ("name", to.name.clone()),
                ("from", from.clone()),
                ("visit", about.clone()),
                ("link", link.clone()),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
            mail::queue(
                &mut tx,
                &Mail {
                    to: address.clone(),
                    to_name: Some(&to.name),
                    locale: to.locale.unwrap_or(fallback),
                    template: MailTemplate::MessageWaiting,
                    args,
                },
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

impl crate::services::tasks::TaskHandler for UnreadMail {
    fn kind(&self) -> &'static str {
        UNREAD_MAIL
    }

    fn run<'a>(
        &'a self,
        payload: &'a str,
        _attempt: i64,
    ) -> crate::services::tasks::TaskFuture<'a> {
        Box::pin(self.mail(payload))
    }
}
