//! People: users, their staff profile or customer membership, and their credentials.

use super::{Conn, StoreError};
use crate::dto::MemberRole;
use crate::password::PasswordHash;
use crate::permissions::Role;

/// A user row with what deciding their role needs. The password hash stays out: it is
/// read only by [`credentials_by_email`].
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub locale: Option<String>,
    pub staff_role: Option<Role>,
    pub member_role: Option<MemberRole>,
    pub account_id: Option<i64>,
    /// When they proved their email; `None` for someone who signed up and has not yet.
    pub email_verified_at: Option<i64>,
    /// 1 when they sign in in two steps (a confirmed authenticator), else 0.
    pub two_step: i64,
    /// How many passkeys they have (each is a second step too).
    pub passkeys: i64,
}

impl UserRow {
    /// Staff role first; a user without one is a customer by their membership.
    pub fn role(&self) -> Option<Role> {
        self.staff_role
            .or_else(|| self.member_role.map(MemberRole::role))
    }
}

pub(crate) const USER_COLUMNS: &str = "u.id, u.email, u.name, u.locale, sp.role AS staff_role, \
     m.role AS member_role, m.account_id, u.email_verified_at, \
     (SELECT COUNT(*) FROM totp_secrets t WHERE t.user_id = u.id \
      AND t.confirmed_at IS NOT NULL) AS two_step, \
     (SELECT COUNT(*) FROM passkeys pk WHERE pk.user_id = u.id) AS passkeys";
pub(crate) const USER_JOINS: &str = "LEFT JOIN staff_profiles sp ON sp.user_id = u.id \
     LEFT JOIN memberships m ON m.user_id = u.id";

pub async fn by_id(conn: &mut Conn, id: i64) -> Result<UserRow, StoreError> {
    let sql = format!(
        "SELECT {USER_COLUMNS} FROM users u {USER_JOINS} \
         WHERE u.id = $1 AND u.disabled = 0 ORDER BY m.account_id LIMIT 1"
    );
    Ok(sqlx::query_as::<_, UserRow>(&sql)
        .bind(id)
        .fetch_one(conn)
        .await?)
}

/// The id and password hash of an enabled user, for signing in.
pub async fn credentials_by_email(
    conn: &mut Conn,
    email: &str,
) -> Result<Option<(i64, PasswordHash)>, StoreError> {
    let row: Option<(i64, String)> =
        sqlx::query_as("SELECT id, password_hash FROM users WHERE email = $1 AND disabled = 0")
            .bind(email)
            .fetch_optional(conn)
            .await?;
    Ok(row.map(|(id, hash)| (id, PasswordHash::from_stored(hash))))
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub password_hash: &'a PasswordHash,
    pub locale: Option<&'a str>,
    pub created_at: i64,
    /// When the email was proven: at once for people the office or the set-up makes.
    pub verified_at: Option<i64>,
}

pub async fn insert(conn: &mut Conn, user: &NewUser<'_>) -> Result<i64, StoreError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO users (email, name, password_hash, locale, created_at, email_verified_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(user.email)
    .bind(user.name)
    .bind(user.password_hash.expose())
    .bind(user.locale)
    .bind(user.created_at)
    .bind(user.verified_at)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

pub async fn insert_staff_profile(
    conn: &mut Conn,
    user_id: i64,
    role: Role,
    phone: Option<&str>,
    created_at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO staff_profiles (user_id, role, phone, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(user_id)
    .bind(role.as_str())
    .bind(phone)
    .bind(created_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// An enabled person by email: their id, and whether their email is proven.
pub async fn by_email(conn: &mut Conn, email: &str) -> Result<Option<(i64, bool)>, StoreError> {
    let row: Option<(i64, Option<i64>)> =
        sqlx::query_as("SELECT id, email_verified_at FROM users WHERE email = $1 AND disabled = 0")
            .bind(email)
            .fetch_optional(conn)
            .await?;
    Ok(row.map(|(id, verified)| (id, verified.is_some())))
}

/// Whether anyone (enabled or not) has this email.
pub async fn email_taken(conn: &mut Conn, email: &str) -> Result<bool, StoreError> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_optional(conn)
        .await?;
    Ok(found.is_some())
}

/// Replaces the person's password hash.
pub async fn set_password(
    conn: &mut Conn,
    user_id: i64,
    hash: &PasswordHash,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(hash.expose())
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The password hash of an enabled person, by id.
pub async fn password_hash(
    conn: &mut Conn,
    user_id: i64,
) -> Result<Option<PasswordHash>, StoreError> {
    let hash: Option<String> =
        sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1 AND disabled = 0")
            .bind(user_id)
            .fetch_optional(conn)
            .await?;
    Ok(hash.map(PasswordHash::from_stored))
}

/// Records that the person proved their email (the first time only).
pub async fn mark_verified(conn: &mut Conn, user_id: i64, now: i64) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE users SET email_verified_at = $1 WHERE id = $2 AND email_verified_at IS NULL",
    )
    .bind(now)
    .bind(user_id)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn set_name(conn: &mut Conn, user_id: i64, name: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET name = $1 WHERE id = $2")
        .bind(name)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// A person's own details: name, email, phone, language.
pub async fn profile(
    conn: &mut Conn,
    user_id: i64,
) -> Result<(String, String, Option<String>, Option<String>), StoreError> {
    Ok(sqlx::query_as(
        "SELECT u.name, u.email, COALESCE(u.phone, sp.phone), u.locale FROM users u \
         LEFT JOIN staff_profiles sp ON sp.user_id = u.id WHERE u.id = $1",
    )
    .bind(user_id)
    .fetch_one(conn)
    .await?)
}

pub async fn set_profile(
    conn: &mut Conn,
    user_id: i64,
    name: &str,
    phone: Option<&str>,
    locale: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET name = $1, phone = $2, locale = $3 WHERE id = $4")
        .bind(name)
        .bind(phone)
        .bind(locale)
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE staff_profiles SET phone = $1 WHERE user_id = $2")
        .bind(phone)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_locale(conn: &mut Conn, user_id: i64, locale: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET locale = $1 WHERE id = $2")
        .bind(locale)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn count(conn: &mut Conn) -> Result<i64, StoreError> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users")
        .fetch_one(conn)
        .await?;
    Ok(n)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StaffRow {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub phone: Option<String>,
    pub created_at: i64,
}

pub async fn staff_profile(conn: &mut Conn, user_id: i64) -> Result<StaffRow, StoreError> {
    Ok(sqlx::query_as::<_, StaffRow>(
        "SELECT u.id, u.email, u.name, s.role, s.phone, s.created_at \
         FROM users u JOIN staff_profiles s ON s.user_id = u.id WHERE u.id = $1",
    )
    .bind(user_id)
    .fetch_one(conn)
    .await?)
}

/// Moves the person to a proven new email.
pub async fn set_email(
    conn: &mut Conn,
    user_id: i64,
    email: &str,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET email = $1, email_verified_at = $2 WHERE id = $3")
        .bind(email)
        .bind(now)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}
