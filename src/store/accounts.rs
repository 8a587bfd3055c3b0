//! Customer accounts, their locations and their people.

use super::{Conn, StoreError};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AccountRow {
    pub id: i64,
    pub name: String,
    pub kind: String,
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
    kind: &str,
    created_at: i64,
) -> Result<i64, StoreError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO customer_accounts (name, kind, created_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(name)
    .bind(kind)
    .bind(created_at)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

pub async fn add_member(
    conn: &mut Conn,
    account_id: i64,
    user_id: i64,
    role: &str,
    created_at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO memberships (user_id, account_id, role, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(user_id)
    .bind(account_id)
    .bind(role)
    .bind(created_at)
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LocationRow {
    pub id: i64,
    pub label: String,
    pub line1: String,
    pub line2: Option<String>,
    pub postal_code: String,
    pub city: String,
    pub country: String,
    pub latitude: f64,
    pub longitude: f64,
    pub access_notes: Option<String>,
}

pub async fn locations(conn: &mut Conn, account_id: i64) -> Result<Vec<LocationRow>, StoreError> {
    Ok(sqlx::query_as::<_, LocationRow>(
        "SELECT id, label, line1, line2, postal_code, city, country, latitude, longitude, \
         access_notes FROM locations WHERE account_id = $1 ORDER BY label, id",
    )
    .bind(account_id)
    .fetch_all(conn)
    .await?)
}

pub struct NewLocation<'a> {
    pub label: &'a str,
    pub line1: &'a str,
    pub line2: Option<&'a str>,
    pub postal_code: &'a str,
    pub city: &'a str,
    pub country: &'a str,
    pub latitude: f64,
    pub longitude: f64,
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

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PersonRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: String,
}

pub async fn people(conn: &mut Conn, account_id: i64) -> Result<Vec<PersonRow>, StoreError> {
    Ok(sqlx::query_as::<_, PersonRow>(
        "SELECT u.id, u.name, u.email, m.role FROM memberships m \
         JOIN users u ON u.id = m.user_id WHERE m.account_id = $1 \
         ORDER BY CASE m.role WHEN 'owner' THEN 0 ELSE 1 END, u.name",
    )
    .bind(account_id)
    .fetch_all(conn)
    .await?)
}
