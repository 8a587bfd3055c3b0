//! Recurring plans and the state of each of their days.

use super::rights::Reach;
use super::{Conn, StoreError};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlanRow {
    pub id: i64,
    pub account_id: i64,
    pub location_id: i64,
    pub service_id: i64,
    pub rule: String,
    pub window_start_min: i64,
    pub notes: Option<String>,
    pub paused_until: Option<String>,
    pub status: String,
    pub created_by: Option<i64>,
    pub created_at: i64,
    /// Counts the plan's changes; see [`unchanged`].
    pub revision: i64,
}

const SELECT: &str = "SELECT id, account_id, location_id, service_id, rule, window_start_min, \
     notes, paused_until, status, created_by, created_at, revision FROM plans";

pub struct NewPlan<'a> {
    pub account_id: i64,
    pub location_id: i64,
    pub service_id: i64,
    pub rule: &'a str,
    pub window_start_min: i64,
    pub notes: Option<&'a str>,
    pub created_by: i64,
}

pub async fn insert(conn: &mut Conn, plan: &NewPlan<'_>, now: i64) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO plans (account_id, location_id, service_id, rule, window_start_min, notes, \
         created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) \
         RETURNING id",
    )
    .bind(plan.account_id)
    .bind(plan.location_id)
    .bind(plan.service_id)
    .bind(plan.rule)
    .bind(plan.window_start_min)
    .bind(plan.notes)
    .bind(plan.created_by)
    .bind(now)
    .fetch_one(conn)
    .await?)
}

pub async fn get(conn: &mut Conn, id: i64) -> Result<Option<PlanRow>, StoreError> {
    Ok(
        sqlx::query_as::<_, PlanRow>(&format!("{SELECT} WHERE id = $1"))
            .bind(id)
            .fetch_optional(conn)
            .await?,
    )
}

/// Takes the plan's lock until the transaction ends (a write to its row, so it must come
/// first): changes to one plan and its generation queue here. Whether the plan exists.
pub async fn lock(conn: &mut Conn, id: i64) -> Result<bool, StoreError> {
    let done = sqlx::query("UPDATE plans SET updated_at = updated_at WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Takes the plan's lock, as [`lock`] does, if the plan still runs at `revision`: what a
/// booking for one of its days checks inside its transaction, so a generator that read the
/// plan before a change or an end books nothing on the old terms.
pub async fn unchanged(conn: &mut Conn, id: i64, revision: i64) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE plans SET updated_at = updated_at \
         WHERE id = $1 AND revision = $2 AND status = 'active'",
    )
    .bind(id)
    .bind(revision)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// An account's plans, newest first.
pub async fn of_account(conn: &mut Conn, reach: Reach) -> Result<Vec<PlanRow>, StoreError> {
    let sql = format!(
        "{SELECT} WHERE {} ORDER BY id DESC",
        Reach::condition("account_id", "location_id", 1)
    );
    Ok(sqlx::query_as::<_, PlanRow>(&sql)
        .bind(reach.account_id)
        .bind(reach.member)
        .fetch_all(conn)
        .await?)
}

/// Plans still running, in id order.
pub async fn active(conn: &mut Conn) -> Result<Vec<PlanRow>, StoreError> {
    Ok(
        sqlx::query_as::<_, PlanRow>(&format!("{SELECT} WHERE status = 'active' ORDER BY id"))
            .fetch_all(conn)
            .await?,
    )
}

pub async fn update_rule(
    conn: &mut Conn,
    id: i64,
    rule: &str,
    window_start_min: i64,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE plans SET rule = $1, window_start_min = $2, updated_at = $3, \
         revision = revision + 1 WHERE id = $4",
    )
    .bind(rule)
    .bind(window_start_min)
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn set_paused_until(
    conn: &mut Conn,
    id: i64,
    until: Option<&str>,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE plans SET paused_until = $1, updated_at = $2, revision = revision + 1 \
         WHERE id = $3",
    )
    .bind(until)
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn end(conn: &mut Conn, id: i64, now: i64) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE plans SET status = 'ended', updated_at = $1, revision = revision + 1 \
         WHERE id = $2",
    )
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// A day of a plan and what became of it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DayRow {
    pub plan_id: i64,
    pub day: String,
    pub state: String,
    pub job_id: Option<i64>,
    /// The visit's status, when there is one.
    pub job_status: Option<String>,
    pub window_start: Option<i64>,
    pub window_end: Option<i64>,
}

/// The plan's days from `from_day` on, in order.
pub async fn days(
    conn: &mut Conn,
    plan_id: i64,
    from_day: &str,
) -> Result<Vec<DayRow>, StoreError> {
    Ok(sqlx::query_as::<_, DayRow>(
        "SELECT d.plan_id, d.day, d.state, d.job_id, j.status AS job_status, \
         j.window_start, j.window_end FROM plan_days d LEFT JOIN jobs j ON j.id = d.job_id \
         WHERE d.plan_id = $1 AND d.day >= $2 ORDER BY d.day",
    )
    .bind(plan_id)
    .bind(from_day)
    .fetch_all(conn)
    .await?)
}

/// Days of any plan the preferred window did not fit, from `from_day` on.
pub async fn misfits(conn: &mut Conn, from_day: &str) -> Result<Vec<DayRow>, StoreError> {
    Ok(sqlx::query_as::<_, DayRow>(
        "SELECT d.plan_id, d.day, d.state, d.job_id, CAST(NULL AS TEXT) AS job_status, \
         CAST(NULL AS BIGINT) AS window_start, CAST(NULL AS BIGINT) AS window_end \
         FROM plan_days d \
         JOIN plans p ON p.id = d.plan_id \
         WHERE d.state = 'misfit' AND d.day >= $1 AND p.status = 'active' ORDER BY d.day, d.plan_id",
    )
    .bind(from_day)
    .fetch_all(conn)
    .await?)
}

/// Whether the day already has a row.
pub async fn has_day(conn: &mut Conn, plan_id: i64, day: &str) -> Result<bool, StoreError> {
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM plan_days WHERE plan_id = $1 AND day = $2")
            .bind(plan_id)
            .bind(day)
            .fetch_one(conn)
            .await?;
    Ok(n > 0)
}

/// Writes the day's row; a second row for the same day is a [`StoreError::Conflict`].
pub async fn insert_day(
    conn: &mut Conn,
    plan_id: i64,
    day: &str,
    state: &str,
    job_id: Option<i64>,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO plan_days (plan_id, day, state, job_id, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(plan_id)
    .bind(day)
    .bind(state)
    .bind(job_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Books a flagged day with `job_id`; false when the day is no longer flagged.
pub async fn place_day(
    conn: &mut Conn,
    plan_id: i64,
    day: &str,
    job_id: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE plan_days SET state = 'booked', job_id = $1 \
         WHERE plan_id = $2 AND day = $3 AND state = 'misfit'",
    )
    .bind(job_id)
    .bind(plan_id)
    .bind(day)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn set_day_state(
    conn: &mut Conn,
    plan_id: i64,
    day: &str,
    state: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE plan_days SET state = $1 WHERE plan_id = $2 AND day = $3")
        .bind(state)
        .bind(plan_id)
        .bind(day)
        .execute(conn)
        .await?;
    Ok(())
}

/// Forgets the plan's days from `from_day` on (before `until_day`, when given), so the
/// generator decides them again.
pub async fn forget_days(
    conn: &mut Conn,
    plan_id: i64,
    from_day: &str,
    until_day: Option<&str>,
) -> Result<u64, StoreError> {
    let done = sqlx::query(
        "DELETE FROM plan_days WHERE plan_id = $1 AND day >= $2 AND ($3 = '' OR day < $3)",
    )
    .bind(plan_id)
    .bind(from_day)
    .bind(until_day.unwrap_or(""))
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

/// The plan a visit was generated for, with its day.
pub async fn of_job(conn: &mut Conn, job_id: i64) -> Result<Option<(i64, String)>, StoreError> {
    Ok(
        sqlx::query_as("SELECT plan_id, day FROM plan_days WHERE job_id = $1")
            .bind(job_id)
            .fetch_optional(conn)
            .await?,
    )
}

/// A plan as its pages list it, with its next visit and the days flagged ahead.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ListedPlan {
    pub id: i64,
    pub account_id: i64,
    pub account_name: String,
    pub location_label: String,
    pub service_name: String,
    pub rule: String,
    pub window_start_min: i64,
    pub notes: Option<String>,
    pub paused_until: Option<String>,
    pub status: String,
    pub next_start: Option<i64>,
    pub next_end: Option<i64>,
    pub misfits: i64,
}

/// Plans with what their lists show: of one account (`account`), or one plan (`only`), or
/// every plan when both are 0; running ones first, newest first. The service's name is in
/// `locale` where the catalogue has it. `now`: UTC seconds; `today`: the business's date.
pub async fn listed(
    conn: &mut Conn,
    account: i64,
    member: Option<i64>,
    only: i64,
    locale: &str,
    today: &str,
    now: i64,
) -> Result<Vec<ListedPlan>, StoreError> {
    let next = |column: &str| {
        format!(
            "(SELECT j.{column} FROM plan_days d JOIN jobs j ON j.id = d.job_id \
             WHERE d.plan_id = p.id AND d.state = 'booked' AND j.status IN {open} \
             AND j.window_start >= $5 ORDER BY j.window_start LIMIT 1)",
            open = super::visits::OPEN_STATUSES
        )
    };
    let sql = format!(
        "SELECT p.id, p.account_id, a.name AS account_name, l.label AS location_label, \
         COALESCE(st.name, s.name) AS service_name, p.rule, p.window_start_min, p.notes, \
         p.paused_until, p.status, {} AS next_start, {} AS next_end, \
         (SELECT COUNT(*) FROM plan_days d WHERE d.plan_id = p.id AND d.state = 'misfit' \
          AND d.day >= $4) AS misfits \
         FROM plans p JOIN customer_accounts a ON a.id = p.account_id \
         JOIN locations l ON l.id = p.location_id JOIN services s ON s.id = p.service_id \
         LEFT JOIN service_texts st ON st.service_id = s.id AND st.locale = $3 \
         WHERE ($1 = 0 OR p.account_id = $1) AND ($2 = 0 OR p.id = $2) \
         AND ($6 IS NULL OR p.location_id IN \
         (SELECT lr.location_id FROM location_rights lr WHERE lr.user_id = $6)) \
         ORDER BY p.status, p.id DESC",
        next("window_start"),
        next("window_end"),
    );
    Ok(sqlx::query_as::<_, ListedPlan>(&sql)
        .bind(account)
        .bind(only)
        .bind(locale)
        .bind(today)
        .bind(now)
        .bind(member)
        .fetch_all(conn)
        .await?)
}
