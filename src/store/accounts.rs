//! Customer accounts, their locations and their people.

use super::rights::Reach;
use super::{Conn, StoreError};
use crate::dto::{AccountKind, MemberRole};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AccountRow {
    pub id: i64,
    pub name: String,
    pub kind: AccountKind,
    pub created_at: i64,
    pub locations: i64,
    pub people: i64,
}

const ACCOUNT_SELECT: &str = "SELECT a.id, a.name, a.kind, a.created_at, \
     (SELECT COUNT(*) FROM locations l WHERE l.account_id = a.id) AS locations, \
     (SELECT COUNT(*) FROM memberships m WHERE m.account_id = a.id) AS people \
     FROM customer_accounts a";

pub async fn by_id(conn: &mut Conn, id: i64) -> Result<AccountRow, StoreError> {
    let sql = format!("{ACCOUNT_SELECT} WHERE a.id = $1");
    Ok(sqlx::query_as::<_, AccountRow>(&sql)
        .bind(id)
        .fetch_one(conn)
        .await?)
}

/// Accounts ordered by name, one page at a time.
pub async fn list(conn: &mut Conn, limit: i64, offset: i64) -> Result<Vec<AccountRow>, StoreError> {
    let sql = format!("{ACCOUNT_SELECT} ORDER BY a.name, a.id LIMIT $1 OFFSET $2");
    Ok(sqlx::query_as::<_, AccountRow>(&sql)
        .bind(limit)
        .bind(offset)
        .fetch_all(conn)
        .await?)
}

pub async fn insert(
    conn: &mut Conn,
    name: &str,
    kind: AccountKind,
    created_at: i64,
) -> Result<i64, StoreError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO customer_accounts (name, kind, created_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(name)
    .bind(kind.as_str())
    .bind(created_at)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

pub async fn add_member(
    conn: &mut Conn,
    account_id: i64,
    user_id: i64,
    role: MemberRole,
    created_at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO memberships (user_id, account_id, role, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(user_id)
    .bind(account_id)
    .bind(role.as_str())
    .bind(created_at)
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone)]
pub struct LocationRow {
    pub id: i64,
    pub label: String,
    pub line1: String,
    pub line2: Option<String>,
    pub postal_code: String,
    pub city: String,
    pub country: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub access_notes: Option<String>,
}

#[derive(Debug, Clone)]
pub struct PersonRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: MemberRole,
}

/// An account with its locations (by label) and people (owners first, then by name).
#[derive(Debug, Clone)]
pub struct AccountWithDetails {
    pub account: AccountRow,
    pub locations: Vec<LocationRow>,
    pub people: Vec<PersonRow>,
}

/// One row of [`with_details`]'s single query: the account, a location or a person, told
/// apart by `part`; columns a part does not use are NULL.
#[derive(Debug, sqlx::FromRow)]
struct DetailRow {
    part: String,
    id: i64,
    a: Option<String>,
    b: Option<String>,
    c: Option<String>,
    d: Option<String>,
    e: Option<String>,
    f: Option<String>,
    g: Option<String>,
    x: Option<f64>,
    y: Option<f64>,
    n: Option<i64>,
}

/// An account, its locations and its people in one round trip to the database.
/// A member's reach leaves out the locations they do not see.
pub async fn with_details(
    conn: &mut Conn,
    reach: Reach,
) -> Result<Option<AccountWithDetails>, StoreError> {
    const NO_TEXT: &str = "CAST(NULL AS TEXT)";
    const NO_REAL: &str = "CAST(NULL AS DOUBLE PRECISION)";
    let sql = format!(
        "SELECT 'account' AS part, id, name AS a, kind AS b, {NO_TEXT} AS c, {NO_TEXT} AS d, \
         {NO_TEXT} AS e, {NO_TEXT} AS f, {NO_TEXT} AS g, {NO_REAL} AS x, {NO_REAL} AS y, \
         created_at AS n FROM customer_accounts WHERE id = $1 \
         UNION ALL \
         SELECT 'location', id, label, line1, line2, postal_code, city, country, access_notes, \
         latitude, longitude, CAST(NULL AS BIGINT) FROM locations WHERE {} \
         UNION ALL \
         SELECT 'person', u.id, u.name, u.email, m.role, {NO_TEXT}, {NO_TEXT}, {NO_TEXT}, \
         {NO_TEXT}, {NO_REAL}, {NO_REAL}, CAST(NULL AS BIGINT) \
         FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.account_id = $1",
        Reach::condition("account_id", "id", 1)
    );
    let rows = sqlx::query_as::<_, DetailRow>(&sql)
        .bind(reach.account_id)
        .bind(reach.member)
        .fetch_all(conn)
        .await?;
    let bad = |column: &str, problem: String| {
        StoreError::Other(sqlx::Error::ColumnDecode {
            index: column.to_string(),
            source: problem.into(),
        })
    };
    let missing = |column: &str| bad(column, format!("{column} is missing"));
    let mut account = None;
    let mut locations = Vec::new();
    let mut people = Vec::new();
    for row in rows {
        match row.part.as_str() {
            "account" => {
                let kind = row.b.as_deref().unwrap_or_default();
                account = Some(AccountRow {
                    id: row.id,
                    name: row.a.ok_or_else(|| missing("customer_accounts.name"))?,
                    kind: AccountKind::parse(kind)
                        .ok_or_else(|| bad("kind", format!("unknown account kind {kind:?}")))?,
                    created_at: row
                        .n
                        .ok_or_else(|| missing("customer_accounts.created_at"))?,
                    locations: 0,
                    people: 0,
                });
            }
            "location" => locations.push(LocationRow {
                id: row.id,
                label: row.a.ok_or_else(|| missing("locations.label"))?,
                line1: row.b.ok_or_else(|| missing("locations.line1"))?,
                line2: row.c,
                postal_code: row.d.ok_or_else(|| missing("locations.postal_code"))?,
                city: row.e.ok_or_else(|| missing("locations.city"))?,
                country: row.f.ok_or_else(|| missing("locations.country"))?,
                access_notes: row.g,
                latitude: row.x,
                longitude: row.y,
            }),
            _ => {
                let role = row.c.as_deref().unwrap_or_default();
                people.push(PersonRow {
                    id: row.id,
                    name: row.a.ok_or_else(|| missing("users.name"))?,
                    email: row.b.ok_or_else(|| missing("users.email"))?,
                    role: MemberRole::parse(role)
                        .ok_or_else(|| bad("role", format!("unknown membership role {role:?}")))?,
                });
            }
        }
    }
    let Some(mut account) = account else {
        return Ok(None);
    };
    locations.sort_by(|a, b| a.label.cmp(&b.label).then(a.id.cmp(&b.id)));
    people.sort_by(|a, b| {
        (a.role != MemberRole::Owner, &a.name, a.id).cmp(&(
            b.role != MemberRole::Owner,
            &b.name,
            b.id,
        ))
    });
    account.locations = i64::try_from(locations.len()).unwrap_or(i64::MAX);
    account.people = i64::try_from(people.len()).unwrap_or(i64::MAX);
    Ok(Some(AccountWithDetails {
        account,
        locations,
        people,
    }))
}

pub struct NewLocation<'a> {
    pub label: &'a str,
    pub line1: &'a str,
    pub line2: Option<&'a str>,
    pub postal_code: &'a str,
    pub city: &'a str,
    pub country: &'a str,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub access_notes: Option<&'a str>,
}

pub async fn insert_location(
    conn: &mut Conn,
    account_id: i64,
    loc: &NewLocation<'_>,
    created_at: i64,
) -> Result<i64, StoreError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO locations (account_id, label, line1, line2, postal_code, city, country, \
         latitude, longitude, access_notes, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(account_id)
    .bind(loc.label)
    .bind(loc.line1)
    .bind(loc.line2)
    .bind(loc.postal_code)
    .bind(loc.city)
    .bind(loc.country)
    .bind(loc.latitude)
    .bind(loc.longitude)
    .bind(loc.access_notes)
    .bind(created_at)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// A location as booking needs it: where it is, its postal code, and what the customer
/// reads about it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BookableLocation {
    pub id: i64,
    pub label: String,
    pub line1: String,
    pub line2: Option<String>,
    pub postal_code: String,
    pub city: String,
    pub country: String,
    /// `None` until a geocoder or a person places it; such a place cannot be booked for.
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub access_notes: Option<String>,
}

const BOOKABLE_COLUMNS: &str =
    "id, label, line1, line2, postal_code, city, country, latitude, longitude, access_notes";

/// A location of `account_id`, if it is one.
pub async fn bookable_location(
    conn: &mut Conn,
    account_id: i64,
    location_id: i64,
) -> Result<Option<BookableLocation>, StoreError> {
    let sql = format!("SELECT {BOOKABLE_COLUMNS} FROM locations WHERE id = $1 AND account_id = $2");
    Ok(sqlx::query_as(&sql)
        .bind(location_id)
        .bind(account_id)
        .fetch_optional(conn)
        .await?)
}

/// Every location of `account_id`, by label.
pub async fn bookable_locations(
    conn: &mut Conn,
    reach: Reach,
) -> Result<Vec<BookableLocation>, StoreError> {
    let sql = format!(
        "SELECT {BOOKABLE_COLUMNS} FROM locations WHERE {} ORDER BY label, id",
        Reach::condition("account_id", "id", 1)
    );
    Ok(sqlx::query_as(&sql)
        .bind(reach.account_id)
        .bind(reach.member)
        .fetch_all(conn)
        .await?)
}

/// Writes a location's new label, address, notes and position.
pub async fn update_location(
    conn: &mut Conn,
    account_id: i64,
    location_id: i64,
    loc: &NewLocation<'_>,
    updated_at: i64,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE locations SET label = $1, line1 = $2, line2 = $3, postal_code = $4, city = $5, \
         country = $6, latitude = $7, longitude = $8, access_notes = $9, updated_at = $10 \
         WHERE id = $11 AND account_id = $12",
    )
    .bind(loc.label)
    .bind(loc.line1)
    .bind(loc.line2)
    .bind(loc.postal_code)
    .bind(loc.city)
    .bind(loc.country)
    .bind(loc.latitude)
    .bind(loc.longitude)
    .bind(loc.access_notes)
    .bind(updated_at)
    .bind(location_id)
    .bind(account_id)
    .execute(conn)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// How many visits at a location are still to come (not finished, not cancelled).
pub async fn open_visits_at(conn: &mut Conn, location_id: i64) -> Result<i64, StoreError> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM jobs WHERE location_id = $1 \
         AND status NOT IN ('completed', 'cancelled')",
    )
    .bind(location_id)
    .fetch_one(conn)
    .await?;
    Ok(n)
}

/// Takes the account's lock until the transaction ends (a write to its row, so it must be
/// the transaction's first statement: on SQLite a transaction that read first may not
/// write later). Writes that count the account's rows first queue here.
pub async fn lock(conn: &mut Conn, account_id: i64) -> Result<bool, StoreError> {
    let done = sqlx::query("UPDATE customer_accounts SET name = name WHERE id = $1")
        .bind(account_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// A person of an account, as its owner manages them.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MemberRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: MemberRole,
    pub email_verified_at: Option<i64>,
}

/// The account's people (enabled ones), owners first, then by name.
pub async fn members(conn: &mut Conn, account_id: i64) -> Result<Vec<MemberRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT u.id, u.name, u.email, m.role, u.email_verified_at FROM memberships m \
         JOIN users u ON u.id = m.user_id WHERE m.account_id = $1 AND u.disabled = 0 \
         ORDER BY m.role DESC, u.name, u.id",
    )
    .bind(account_id)
    .fetch_all(conn)
    .await?)
}

/// One person's membership of the account, if they have one.
pub async fn member(
    conn: &mut Conn,
    account_id: i64,
    user_id: i64,
) -> Result<Option<MemberRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT u.id, u.name, u.email, m.role, u.email_verified_at FROM memberships m \
         JOIN users u ON u.id = m.user_id WHERE m.account_id = $1 AND m.user_id = $2",
    )
    .bind(account_id)
    .bind(user_id)
    .fetch_optional(conn)
    .await?)
}

/// How many owners the account has.
pub async fn owner_count(conn: &mut Conn, account_id: i64) -> Result<i64, StoreError> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.account_id = $1 AND m.role = 'owner' AND u.disabled = 0",
    )
    .bind(account_id)
    .fetch_one(conn)
    .await?;
    Ok(n)
}

pub async fn set_member_role(
    conn: &mut Conn,
    account_id: i64,
    user_id: i64,
    role: MemberRole,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE memberships SET role = $1 WHERE account_id = $2 AND user_id = $3")
        .bind(role.as_str())
        .bind(account_id)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn remove_member(
    conn: &mut Conn,
    account_id: i64,
    user_id: i64,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM memberships WHERE account_id = $1 AND user_id = $2")
        .bind(account_id)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Who invited a person still to join, kept with their membership.
pub async fn set_invited_by(
    conn: &mut Conn,
    account_id: i64,
    user_id: i64,
    by: i64,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE memberships SET invited_by = $1 WHERE account_id = $2 AND user_id = $3")
        .bind(by)
        .bind(account_id)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The name of whoever invited `user_id` to the account.
pub async fn inviter(
    conn: &mut Conn,
    account_id: i64,
    user_id: i64,
) -> Result<Option<String>, StoreError> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT u.name FROM memberships m JOIN users u ON u.id = m.invited_by \
         WHERE m.account_id = $1 AND m.user_id = $2",
    )
    .bind(account_id)
    .bind(user_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(name,)| name))
}

/// The account's locations by label: `(id, label)`.
pub async fn location_labels(
    conn: &mut Conn,
    account_id: i64,
) -> Result<Vec<(i64, String)>, StoreError> {
    Ok(
        sqlx::query_as("SELECT id, label FROM locations WHERE account_id = $1 ORDER BY label, id")
            .bind(account_id)
            .fetch_all(conn)
            .await?,
    )
}

/// Every location's stored access notes: `(id, stored value)`.
pub async fn all_access_notes(conn: &mut Conn) -> Result<Vec<(i64, String)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, access_notes FROM locations WHERE access_notes IS NOT NULL ORDER BY id",
    )
    .fetch_all(conn)
    .await?)
}

/// Replaces one location's stored access notes (sealed again), if they are still `before`.
pub async fn reseal_access_notes(
    conn: &mut Conn,
    id: i64,
    before: &str,
    after: &str,
) -> Result<bool, StoreError> {
    let done =
        sqlx::query("UPDATE locations SET access_notes = $1 WHERE id = $2 AND access_notes = $3")
            .bind(after)
            .bind(id)
            .bind(before)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}
