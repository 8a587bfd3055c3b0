//! The audit log (who did what, for people) and the outbox (what happened, for machines).
//! Both are written in the transaction of the change they describe.
//!
//! The audit log is append-only, and the database enforces it: an UPDATE or DELETE on it
//! fails on both engines (migration 0005). Its ids are never reused, and the actor is kept
//! as their public reference (`PE-000042`), which outlives the person's row.

use super::{Conn, StoreError};

/// Where a request came from, recorded with what it did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RequestOrigin {
    pub client_ip: Option<String>,
    pub user_agent: Option<String>,
    pub request_id: Option<String>,
}

/// One audit entry.
#[derive(Clone, Debug)]
pub struct Entry<'a> {
    pub at: i64,
    /// The acting person's public reference; `None` for the system or a stranger.
    pub actor: Option<String>,
    pub action: &'a str,
    pub subject: Option<&'a str>,
    pub detail: Option<&'a str>,
    pub origin: &'a RequestOrigin,
}

impl<'a> Entry<'a> {
    /// An entry of `action` at `at` with no actor (the system or a stranger), subject or detail.
    pub fn new(at: i64, action: &'a str, origin: &'a RequestOrigin) -> Self {
        Self {
            at,
            actor: None,
            action,
            subject: None,
            detail: None,
            origin,
        }
    }

    /// Done by the person with this public reference.
    pub fn by(mut self, actor: impl std::fmt::Display) -> Self {
        self.actor = Some(actor.to_string());
        self
    }

    /// Done by this person, when there is one.
    pub fn by_maybe(mut self, actor: Option<impl std::fmt::Display>) -> Self {
        self.actor = actor.map(|a| a.to_string());
        self
    }

    /// About this thing (a public reference, or the typed address of a stranger).
    pub fn on(mut self, subject: &'a str) -> Self {
        self.subject = Some(subject);
        self
    }

    pub fn detail(mut self, detail: &'a str) -> Self {
        self.detail = Some(detail);
        self
    }

    pub fn detail_maybe(mut self, detail: Option<&'a str>) -> Self {
        self.detail = detail;
        self
    }
}

/// Longest text kept from what a client sent (user agent, typed email).
const CLIENT_TEXT_MAX: usize = 256;

fn clip(text: Option<&str>) -> Option<String> {
    text.map(|t| t.chars().take(CLIENT_TEXT_MAX).collect())
}

/// The customer account an entry concerns, as an SQL expression on `$9` (its subject's id)
/// and `$10` (its actor's id; `$9` when there is no subject): its subject's account (a visit, place, request or plan of the
/// account, the account itself or one of its people), else its actor's. Evaluated inside the
/// INSERT, so recording stays one write (a SQLite transaction that reads first and writes
/// later fails when another write came in between).
fn account_of(entry: &Entry<'_>) -> (String, Option<i64>, Option<i64>) {
    use crate::ids::{AccountRef, LocationRef, PlanRef, RequestRef, UserRef, VisitRef};
    const OF_PERSON: &str = "SELECT account_id FROM memberships WHERE user_id = ";
    let subject = entry.subject.and_then(|s| {
        Some(if let Some(r) = AccountRef::parse(s) {
            ("SELECT id FROM customer_accounts WHERE id = ", r.id())
        } else if let Some(r) = VisitRef::parse(s) {
            ("SELECT account_id FROM jobs WHERE id = ", r.id())
        } else if let Some(r) = LocationRef::parse(s) {
            ("SELECT account_id FROM locations WHERE id = ", r.id())
        } else if let Some(r) = RequestRef::parse(s) {
            (
                "SELECT account_id FROM service_requests WHERE id = ",
                r.id(),
            )
        } else if let Some(r) = PlanRef::parse(s) {
            ("SELECT account_id FROM plans WHERE id = ", r.id())
        } else {
            (OF_PERSON, UserRef::parse(s)?.id())
        })
    });
    let actor = entry
        .actor
        .as_deref()
        .and_then(UserRef::parse)
        .map(|a| a.id());
    let mut parts = Vec::new();
    if let Some((sql, _)) = subject {
        parts.push(format!("({sql}$9 LIMIT 1)"));
    }
    if actor.is_some() {
        let mark = if subject.is_some() { "$10" } else { "$9" };
        parts.push(format!("({OF_PERSON}{mark} LIMIT 1)"));
    }
    let expr = match parts.len() {
        0 => "NULL".to_string(),
        1 => parts.remove(0),
        _ => format!("COALESCE({})", parts.join(", ")),
    };
    (expr, subject.map(|(_, id)| id), actor)
}

pub async fn record(conn: &mut Conn, entry: &Entry<'_>) -> Result<(), StoreError> {
    let (account, subject_id, actor_id) = account_of(entry);
    let sql = format!(
        "INSERT INTO audit_log (at, actor, action, subject, detail, client_ip, user_agent, \
         request_id, account_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, {account})"
    );
    let query = sqlx::query(&sql)
        .bind(entry.at)
        .bind(entry.actor.as_deref())
        .bind(entry.action)
        .bind(clip(entry.subject))
        .bind(entry.detail)
        .bind(entry.origin.client_ip.as_deref())
        .bind(clip(entry.origin.user_agent.as_deref()))
        .bind(clip(entry.origin.request_id.as_deref()));
    // Only the parameters the expression names are bound.
    let query = match (subject_id, actor_id) {
        (Some(s), Some(a)) => query.bind(s).bind(a),
        (Some(s), None) => query.bind(s),
        (None, Some(a)) => query.bind(a),
        (None, None) => query,
    };
    query.execute(conn).await?;
    Ok(())
}

/// Queues an event for the dispatcher to fan out after commit.
pub async fn enqueue(
    conn: &mut Conn,
    at: i64,
    topic: &str,
    payload: &str,
) -> Result<i64, StoreError> {
    let (id,): (i64,) =
        sqlx::query_as("INSERT INTO outbox (at, topic, payload) VALUES ($1, $2, $3) RETURNING id")
            .bind(at)
            .bind(topic)
            .bind(payload)
            .fetch_one(conn)
            .await?;
    Ok(id)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditRow {
    pub id: i64,
    pub at: i64,
    pub actor: Option<String>,
    pub action: String,
    pub subject: Option<String>,
    pub detail: Option<String>,
    pub client_ip: Option<String>,
    pub user_agent: Option<String>,
    pub request_id: Option<String>,
}

/// The latest entries, newest first.
pub async fn latest(conn: &mut Conn, limit: i64) -> Result<Vec<AuditRow>, StoreError> {
    Ok(sqlx::query_as::<_, AuditRow>(
        "SELECT id, at, actor, action, subject, detail, client_ip, user_agent, request_id \
         FROM audit_log ORDER BY id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

/// What the admins' trail is narrowed to; every part optional.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Actions starting with this (`sign_in` takes `sign_in_failed` too).
    pub action: Option<String>,
    /// Done by this person (a public reference).
    pub actor: Option<String>,
    /// About this (a reference, or a typed email).
    pub subject: Option<String>,
    /// From this client address.
    pub client_ip: Option<String>,
    /// At or after.
    pub since: Option<i64>,
    /// Before.
    pub until: Option<i64>,
    /// Entries older than this id (the next page).
    pub before: Option<i64>,
    /// Concerning this customer account.
    pub account: Option<i64>,
}

/// The newest entries that match `filter`, at most `limit`.
pub async fn browse(
    conn: &mut Conn,
    filter: &Filter,
    limit: i64,
) -> Result<Vec<AuditRow>, StoreError> {
    let mut clauses = Vec::new();
    let mut texts: Vec<String> = Vec::new();
    let mut numbers: Vec<i64> = Vec::new();
    // Text parameters first ($1…), then numbers, then the limit.
    let mut text = |clause: &str, value: String| {
        texts.push(value);
        clauses.push(clause.replace('?', &format!("${}", texts.len())));
    };
    if let Some(action) = &filter.action {
        let escaped = action
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        text("action LIKE ? ESCAPE '\\'", format!("{escaped}%"));
    }
    if let Some(actor) = &filter.actor {
        text("actor = ?", actor.clone());
    }
    if let Some(subject) = &filter.subject {
        text("subject = ?", subject.clone());
    }
    if let Some(ip) = &filter.client_ip {
        text("client_ip = ?", ip.clone());
    }
    let mut number_clauses = Vec::new();
    for (clause, value) in [
        ("at >= ?", filter.since),
        ("at < ?", filter.until),
        ("id < ?", filter.before),
        ("account_id = ?", filter.account),
    ] {
        if let Some(value) = value {
            numbers.push(value);
            number_clauses.push(clause.replace('?', &format!("${}", texts.len() + numbers.len())));
        }
    }
    clauses.extend(number_clauses);
    let filter_sql = if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    };
    let sql = format!(
        "SELECT id, at, actor, action, subject, detail, client_ip, user_agent, request_id \
         FROM audit_log {filter_sql} ORDER BY id DESC LIMIT ${}",
        texts.len() + numbers.len() + 1
    );
    let mut query = sqlx::query_as::<_, AuditRow>(&sql);
    for t in texts {
        query = query.bind(t);
    }
    for n in numbers {
        query = query.bind(n);
    }
    Ok(query.bind(limit).fetch_all(conn).await?)
}

/// How many entries of `actions` came from `client_ip` since `since`.
pub async fn count_from(
    conn: &mut Conn,
    actions: &[&str],
    client_ip: &str,
    since: i64,
) -> Result<i64, StoreError> {
    let marks: Vec<String> = (0..actions.len()).map(|i| format!("${}", i + 3)).collect();
    let sql = format!(
        "SELECT COUNT(*) FROM audit_log WHERE client_ip = $1 AND at >= $2 AND action IN ({})",
        marks.join(", ")
    );
    let mut query = sqlx::query_scalar(&sql).bind(client_ip).bind(since);
    for action in actions {
        query = query.bind(*action);
    }
    Ok(query.fetch_one(conn).await?)
}

/// How many entries of `actions` there are since `since`, from anywhere.
pub async fn count_since(conn: &mut Conn, actions: &[&str], since: i64) -> Result<i64, StoreError> {
    let marks: Vec<String> = (0..actions.len()).map(|i| format!("${}", i + 2)).collect();
    let sql = format!(
        "SELECT COUNT(*) FROM audit_log WHERE at >= $1 AND action IN ({})",
        marks.join(", ")
    );
    let mut query = sqlx::query_scalar(&sql).bind(since);
    for action in actions {
        query = query.bind(*action);
    }
    Ok(query.fetch_one(conn).await?)
}

/// How many entries of `action` about `subject` there are since `since`.
pub async fn count_on(
    conn: &mut Conn,
    action: &str,
    subject: &str,
    since: i64,
) -> Result<i64, StoreError> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log WHERE action = $1 AND subject = $2 AND at >= $3",
    )
    .bind(action)
    .bind(subject)
    .bind(since)
    .fetch_one(conn)
    .await?;
    Ok(n)
}

/// How many entries have this action (for tests, benchmarks and monitoring).
pub async fn count(conn: &mut Conn, action: &str) -> Result<i64, StoreError> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(conn)
        .await?;
    Ok(n)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutboxRow {
    pub id: i64,
    pub topic: String,
    pub payload: String,
}

pub async fn unpublished(conn: &mut Conn, limit: i64) -> Result<Vec<OutboxRow>, StoreError> {
    Ok(sqlx::query_as::<_, OutboxRow>(
        "SELECT id, topic, payload FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1",
    )
    .bind(limit)
    .fetch_all(conn)
    .await?)
}
