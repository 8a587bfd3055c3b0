//! Threads, their messages, who has read how far, and the photos sent with messages (see
//! migration 0037).

use super::{Conn, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ThreadRow {
    pub id: i64,
    pub account_id: i64,
    pub job_id: Option<i64>,
    pub location_id: Option<i64>,
    pub waiting_on: String,
    pub assigned_to: Option<i64>,
    pub first_asked_at: Option<i64>,
    pub first_answered_at: Option<i64>,
}

const THREAD: &str = "SELECT id, account_id, job_id, location_id, waiting_on, assigned_to, \
     first_asked_at, first_answered_at FROM threads";

/// The job's thread, if it has one yet.
pub async fn of_job(conn: &mut Conn, job_id: i64) -> Result<Option<ThreadRow>, StoreError> {
    let sql = format!("{THREAD} WHERE job_id = $1");
    Ok(sqlx::query_as(&sql)
        .bind(job_id)
        .fetch_optional(conn)
        .await?)
}

/// The account's support thread, if it has one yet.
pub async fn support_of(conn: &mut Conn, account_id: i64) -> Result<Option<ThreadRow>, StoreError> {
    let sql = format!("{THREAD} WHERE account_id = $1 AND job_id IS NULL");
    Ok(sqlx::query_as(&sql)
        .bind(account_id)
        .fetch_optional(conn)
        .await?)
}

/// The job's thread, made if it has none (two first messages at once make one).
pub async fn ensure_job(
    conn: &mut Conn,
    job_id: i64,
    account_id: i64,
    location_id: i64,
    now: i64,
) -> Result<ThreadRow, StoreError> {
    sqlx::query(
        "INSERT INTO threads (account_id, job_id, location_id, created_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (job_id) DO NOTHING",
    )
    .bind(account_id)
    .bind(job_id)
    .bind(location_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    of_job(conn, job_id).await?.ok_or(StoreError::NotFound)
}

/// The account's support thread, made if it has none.
pub async fn ensure_support(
    conn: &mut Conn,
    account_id: i64,
    now: i64,
) -> Result<ThreadRow, StoreError> {
    sqlx::query(
        "INSERT INTO threads (account_id, created_at) VALUES ($1, $2) \
         ON CONFLICT (account_id) WHERE job_id IS NULL DO NOTHING",
    )
    .bind(account_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    support_of(conn, account_id)
        .await?
        .ok_or(StoreError::NotFound)
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MessageRow {
    pub id: i64,
    pub author_id: Option<i64>,
    pub author_name: Option<String>,
    pub side: String,
    pub body: String,
    pub created_at: i64,
}

/// The thread's latest `limit` messages, oldest first, and whether there are earlier ones.
pub async fn latest(
    conn: &mut Conn,
    thread_id: i64,
    limit: i64,
) -> Result<(Vec<MessageRow>, bool), StoreError> {
    let mut rows: Vec<MessageRow> = sqlx::query_as(
        "SELECT m.id, m.author_id, u.name AS author_name, m.side, m.body, m.created_at \
         FROM messages m LEFT JOIN users u ON u.id = m.author_id \
         WHERE m.thread_id = $1 ORDER BY m.id DESC LIMIT $2",
    )
    .bind(thread_id)
    .bind(limit + 1)
    .fetch_all(conn)
    .await?;
    let earlier = i64::try_from(rows.len()).unwrap_or(i64::MAX) > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(0));
    rows.reverse();
    Ok((rows, earlier))
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MessageFileRow {
    pub message_id: i64,
    pub token: String,
    pub name: String,
    pub width: i64,
    pub height: i64,
}

/// The photos of the thread's messages from `from_id` on, in the order they were sent.
pub async fn files_from(
    conn: &mut Conn,
    thread_id: i64,
    from_id: i64,
) -> Result<Vec<MessageFileRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT f.message_id, f.token, f.name, f.width, f.height FROM message_files f \
         JOIN messages m ON m.id = f.message_id \
         WHERE m.thread_id = $1 AND m.id >= $2 ORDER BY f.id",
    )
    .bind(thread_id)
    .bind(from_id)
    .fetch_all(conn)
    .await?)
}

pub struct NewMessage<'a> {
    pub thread_id: i64,
    pub author_id: i64,
    pub side: &'a str,
    pub body: &'a str,
    pub client_key: Option<&'a str>,
    pub at: i64,
}

/// Writes the message; `None` when its author already sent one with the same key.
pub async fn insert(conn: &mut Conn, m: &NewMessage<'_>) -> Result<Option<i64>, StoreError> {
    let id: Option<(i64,)> = sqlx::query_as(
        "INSERT INTO messages (thread_id, author_id, side, body, client_key, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (author_id, client_key) DO NOTHING \
         RETURNING id",
    )
    .bind(m.thread_id)
    .bind(m.author_id)
    .bind(m.side)
    .bind(m.body)
    .bind(m.client_key)
    .bind(m.at)
    .fetch_optional(conn)
    .await?;
    Ok(id.map(|(id,)| id))
}

/// The thread of the message `author_id` sent with `client_key`, if they did.
pub async fn sent_with_key(
    conn: &mut Conn,
    author_id: i64,
    client_key: &str,
) -> Result<Option<i64>, StoreError> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT thread_id FROM messages WHERE author_id = $1 AND client_key = $2")
            .bind(author_id)
            .bind(client_key)
            .fetch_optional(conn)
            .await?;
    Ok(row.map(|(id,)| id))
}

pub struct NewMessageFile<'a> {
    pub token: &'a str,
    pub message_id: i64,
    pub name: &'a str,
    pub bytes: i64,
    pub width: i64,
    pub height: i64,
    pub at: i64,
}

pub async fn insert_file(conn: &mut Conn, f: &NewMessageFile<'_>) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO message_files (token, message_id, name, bytes, width, height, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(f.token)
    .bind(f.message_id)
    .bind(f.name)
    .bind(f.bytes)
    .bind(f.width)
    .bind(f.height)
    .bind(f.at)
    .execute(conn)
    .await?;
    Ok(())
}

/// A photo sent with a message: its name and the thread it belongs to.
pub async fn file_by_token(
    conn: &mut Conn,
    token: &str,
) -> Result<Option<(String, ThreadRow)>, StoreError> {
    let row: Option<(String, i64)> = sqlx::query_as(
        "SELECT f.name, m.thread_id FROM message_files f JOIN messages m ON m.id = f.message_id \
         WHERE f.token = $1",
    )
    .bind(token)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((name, thread_id)) = row else {
        return Ok(None);
    };
    let sql = format!("{THREAD} WHERE id = $1");
    let thread: ThreadRow = sqlx::query_as(&sql).bind(thread_id).fetch_one(conn).await?;
    Ok(Some((name, thread)))
}

/// After a message: who is to answer, when it was last written to, and the first question
/// and first answer (each set once).
pub async fn after_message(
    conn: &mut Conn,
    thread_id: i64,
    waiting_on: &str,
    asked: bool,
    at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE threads SET waiting_on = $1, last_message_at = $2, \
         first_asked_at = CASE WHEN $3 = 1 AND first_asked_at IS NULL THEN $2 \
             ELSE first_asked_at END, \
         first_answered_at = CASE WHEN $3 = 0 AND first_asked_at IS NOT NULL \
             AND first_answered_at IS NULL THEN $2 ELSE first_answered_at END \
         WHERE id = $4",
    )
    .bind(waiting_on)
    .bind(at)
    .bind(i64::from(asked))
    .bind(thread_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Marks the thread read by `user_id` up to `last`; whether that moved anything (reading
/// again what was read changes nothing).
pub async fn mark_read(
    conn: &mut Conn,
    thread_id: i64,
    user_id: i64,
    last: i64,
    at: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO thread_reads (thread_id, user_id, last_read, read_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (thread_id, user_id) DO UPDATE \
         SET last_read = excluded.last_read, read_at = excluded.read_at \
         WHERE thread_reads.last_read < excluded.last_read",
    )
    .bind(thread_id)
    .bind(user_id)
    .bind(last)
    .bind(at)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ReadRow {
    pub user_id: i64,
    pub name: String,
    /// Above 0 when the reader is staff (a technician or the office).
    pub staff: i64,
    pub last_read: i64,
    pub read_at: i64,
}

/// Who has read the thread up to `message_id` at least, but `except`.
pub async fn readers(
    conn: &mut Conn,
    thread_id: i64,
    message_id: i64,
    except: i64,
) -> Result<Vec<ReadRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT r.user_id, u.name, \
         (SELECT COUNT(*) FROM staff_profiles sp WHERE sp.user_id = u.id) AS staff, \
         r.last_read, r.read_at FROM thread_reads r JOIN users u ON u.id = r.user_id \
         WHERE r.thread_id = $1 AND r.last_read >= $2 AND r.user_id <> $3 \
         ORDER BY r.read_at, r.user_id",
    )
    .bind(thread_id)
    .bind(message_id)
    .bind(except)
    .fetch_all(conn)
    .await?)
}

/// The account's people's unread messages in the thread (their threads' counts on the
/// home page): messages by others after each one's last read.
pub async fn unread_for(conn: &mut Conn, thread_id: i64, user_id: i64) -> Result<i64, StoreError> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM messages m WHERE m.thread_id = $1 \
         AND COALESCE(m.author_id, 0) <> $2 \
         AND m.id > COALESCE((SELECT r.last_read FROM thread_reads r \
             WHERE r.thread_id = $1 AND r.user_id = $2), 0)",
    )
    .bind(thread_id)
    .bind(user_id)
    .fetch_one(conn)
    .await?;
    Ok(n)
}

/// The job threads of `account_id` with messages `user_id` has not read (a member's only
/// at `places`, when limited), with how many, newest first.
pub async fn unread_job_threads(
    conn: &mut Conn,
    account_id: i64,
    user_id: i64,
    limited: bool,
) -> Result<Vec<(i64, i64)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT t.job_id, COUNT(*) FROM threads t JOIN messages msg ON msg.thread_id = t.id \
         WHERE t.account_id = $1 AND t.job_id IS NOT NULL \
         AND ($3 = 0 OR t.location_id IN \
             (SELECT lr.location_id FROM location_rights lr WHERE lr.user_id = $2)) \
         AND COALESCE(msg.author_id, 0) <> $2 \
         AND msg.id > COALESCE((SELECT r.last_read FROM thread_reads r \
             WHERE r.thread_id = t.id AND r.user_id = $2), 0) \
         GROUP BY t.job_id ORDER BY MAX(msg.id) DESC LIMIT 50",
    )
    .bind(account_id)
    .bind(user_id)
    .bind(i64::from(limited))
    .fetch_all(conn)
    .await?)
}

/// A thread as the office's inbox lists it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct InboxRow {
    pub id: i64,
    pub account_id: i64,
    pub account_name: String,
    pub job_id: Option<i64>,
    pub waiting_on: String,
    pub assigned_to: Option<i64>,
    pub assigned_name: Option<String>,
    pub last_message_at: Option<i64>,
    pub first_asked_at: Option<i64>,
    pub first_answered_at: Option<i64>,
    /// Messages the reader has not read.
    pub unread: i64,
}

/// Which of the inbox's lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InboxList {
    /// Waiting on the office, taken by nobody.
    Unassigned,
    /// Taken by the reader, whoever is to answer.
    Mine,
    /// Answered: waiting on the customer.
    Waiting,
}

impl InboxList {
    fn filter(self) -> &'static str {
        match self {
            Self::Unassigned => "t.waiting_on = 'office' AND t.assigned_to IS NULL",
            Self::Mine => "t.assigned_to = $1 AND t.waiting_on <> 'none'",
            // Every office person sees these ($1 is only there to be bound).
            Self::Waiting => "t.waiting_on = 'customer' AND $1 = $1",
        }
    }
}

/// Up to `limit` threads of `list` as `reader` sees them, the longest waiting first for
/// the office's lists, the latest first for those waiting on the customer.
pub async fn inbox(
    conn: &mut Conn,
    list: InboxList,
    reader: i64,
    limit: i64,
) -> Result<Vec<InboxRow>, StoreError> {
    let order = match list {
        InboxList::Waiting => "t.last_message_at DESC",
        InboxList::Unassigned | InboxList::Mine => "t.last_message_at ASC",
    };
    let sql = format!(
        "SELECT t.id, t.account_id, a.name AS account_name, t.job_id, t.waiting_on, \
         t.assigned_to, u.name AS assigned_name, t.last_message_at, t.first_asked_at, \
         t.first_answered_at, \
         (SELECT COUNT(*) FROM messages msg WHERE msg.thread_id = t.id \
          AND COALESCE(msg.author_id, 0) <> $1 \
          AND msg.id > COALESCE((SELECT r.last_read FROM thread_reads r \
              WHERE r.thread_id = t.id AND r.user_id = $1), 0)) AS unread \
         FROM threads t JOIN customer_accounts a ON a.id = t.account_id \
         LEFT JOIN users u ON u.id = t.assigned_to \
         WHERE {} ORDER BY {order}, t.id LIMIT $2",
        list.filter()
    );
    Ok(sqlx::query_as(&sql)
        .bind(reader)
        .bind(limit)
        .fetch_all(conn)
        .await?)
}

/// How many threads each list holds for `reader`: unassigned, mine, waiting on the customer.
pub async fn inbox_counts(conn: &mut Conn, reader: i64) -> Result<(i64, i64, i64), StoreError> {
    let row: (Option<i64>, Option<i64>, Option<i64>) = sqlx::query_as(
        "SELECT \
         SUM(CASE WHEN waiting_on = 'office' AND assigned_to IS NULL THEN 1 ELSE 0 END), \
         SUM(CASE WHEN assigned_to = $1 AND waiting_on <> 'none' THEN 1 ELSE 0 END), \
         SUM(CASE WHEN waiting_on = 'customer' THEN 1 ELSE 0 END) \
         FROM threads WHERE waiting_on <> 'none'",
    )
    .bind(reader)
    .fetch_one(conn)
    .await?;
    Ok((row.0.unwrap_or(0), row.1.unwrap_or(0), row.2.unwrap_or(0)))
}

/// Gives the thread to `to` (an office person; `None`: to nobody).
pub async fn assign(conn: &mut Conn, thread_id: i64, to: Option<i64>) -> Result<(), StoreError> {
    sqlx::query("UPDATE threads SET assigned_to = $1 WHERE id = $2")
        .bind(to)
        .bind(thread_id)
        .execute(conn)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CannedRow {
    pub id: i64,
    pub locale: String,
    pub title: String,
    pub body: String,
}

/// The canned replies, by language then title (`locale`: of one language only).
pub async fn canned(conn: &mut Conn, locale: Option<&str>) -> Result<Vec<CannedRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, locale, title, body FROM canned_replies \
         WHERE $1 = '' OR locale = $1 ORDER BY locale, title, id",
    )
    .bind(locale.unwrap_or_default())
    .fetch_all(conn)
    .await?)
}

pub async fn canned_count(conn: &mut Conn) -> Result<i64, StoreError> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM canned_replies")
        .fetch_one(conn)
        .await?;
    Ok(n)
}

pub async fn add_canned(
    conn: &mut Conn,
    locale: &str,
    title: &str,
    body: &str,
    at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO canned_replies (locale, title, body, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(locale)
    .bind(title)
    .bind(body)
    .bind(at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Removes one; whether it was there.
pub async fn remove_canned(conn: &mut Conn, id: i64) -> Result<bool, StoreError> {
    let done = sqlx::query("DELETE FROM canned_replies WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// The language the account's first owner reads (`None`: they chose none).
pub async fn account_locale(
    conn: &mut Conn,
    account_id: i64,
) -> Result<Option<String>, StoreError> {
    let row: Option<(Option<String>,)> = sqlx::query_as(
        "SELECT u.locale FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.account_id = $1 AND m.role = 'owner' ORDER BY u.id LIMIT 1",
    )
    .bind(account_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.and_then(|(l,)| l))
}

/// A message with its thread, for the mail about it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct WaitingRow {
    pub id: i64,
    pub author_id: Option<i64>,
    pub author_name: Option<String>,
    pub side: String,
    pub thread_id: i64,
    pub account_id: i64,
    pub job_id: Option<i64>,
    pub location_id: Option<i64>,
    pub waiting_on: String,
    pub assigned_to: Option<i64>,
    /// The job's technician while the job is open.
    pub technician_id: Option<i64>,
}

pub async fn waiting(conn: &mut Conn, message_id: i64) -> Result<Option<WaitingRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT m.id, m.author_id, u.name AS author_name, m.side, m.thread_id, t.account_id, \
         t.job_id, t.location_id, t.waiting_on, t.assigned_to, \
         (SELECT j.technician_id FROM jobs j WHERE j.id = t.job_id \
          AND j.status NOT IN ('completed', 'cancelled')) AS technician_id \
         FROM messages m JOIN threads t ON t.id = m.thread_id \
         LEFT JOIN users u ON u.id = m.author_id WHERE m.id = $1",
    )
    .bind(message_id)
    .fetch_optional(conn)
    .await?)
}

/// A person a mail may go to.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ReaderRow {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub locale: Option<String>,
}

/// The account's enabled people who see the place `location_id` (every one of them for
/// the support thread: `None`).
pub async fn account_readers(
    conn: &mut Conn,
    account_id: i64,
    location_id: Option<i64>,
) -> Result<Vec<ReaderRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT u.id, u.email, u.name, u.locale FROM memberships m \
         JOIN users u ON u.id = m.user_id WHERE m.account_id = $1 AND u.disabled = 0 \
         AND (m.role = 'owner' OR $2 = 0 OR EXISTS (SELECT 1 FROM location_rights lr \
             WHERE lr.user_id = u.id AND lr.location_id = $2)) ORDER BY u.id",
    )
    .bind(account_id)
    .bind(location_id.unwrap_or(0))
    .fetch_all(conn)
    .await?)
}

/// Enabled staff: `ids` (when some), or else every dispatcher and admin.
pub async fn staff_readers(conn: &mut Conn, ids: &[i64]) -> Result<Vec<ReaderRow>, StoreError> {
    let rows: Vec<ReaderRow> = sqlx::query_as(
        "SELECT u.id, u.email, u.name, u.locale FROM staff_profiles sp \
         JOIN users u ON u.id = sp.user_id WHERE u.disabled = 0 ORDER BY u.id",
    )
    .fetch_all(&mut *conn)
    .await?;
    if !ids.is_empty() {
        return Ok(rows.into_iter().filter(|r| ids.contains(&r.id)).collect());
    }
    let office: Vec<(i64,)> =
        sqlx::query_as("SELECT user_id FROM staff_profiles WHERE role IN ('dispatcher', 'admin')")
            .fetch_all(conn)
            .await?;
    Ok(rows
        .into_iter()
        .filter(|r| office.iter().any(|(id,)| *id == r.id))
        .collect())
}

/// How many messages by others up to `message_id` the reader has not read: 1 means this
/// message is the first they are behind on.
pub async fn unread_up_to(
    conn: &mut Conn,
    thread_id: i64,
    message_id: i64,
    reader: i64,
) -> Result<i64, StoreError> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM messages m WHERE m.thread_id = $1 AND m.id <= $2 \
         AND COALESCE(m.author_id, 0) <> $3 \
         AND m.id > COALESCE((SELECT r.last_read FROM thread_reads r \
             WHERE r.thread_id = $1 AND r.user_id = $3), 0)",
    )
    .bind(thread_id)
    .bind(message_id)
    .bind(reader)
    .fetch_one(conn)
    .await?;
    Ok(n)
}
