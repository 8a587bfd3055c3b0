//! The business's staff as admins manage them: who they are, their role, whether they may
//! sign in.

use super::{Conn, StoreError};
use crate::permissions::Role;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StaffRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub disabled: i64,
    pub email_verified_at: Option<i64>,
    pub two_step: i64,
}

const SELECT: &str = "SELECT u.id, u.name, u.email, sp.role, u.disabled, u.email_verified_at, \
     (SELECT COUNT(*) FROM totp_secrets t WHERE t.user_id = u.id \
      AND t.confirmed_at IS NOT NULL) AS two_step \
     FROM staff_profiles sp JOIN users u ON u.id = sp.user_id";

/// Every staff member, active ones first, by name.
pub async fn all(conn: &mut Conn) -> Result<Vec<StaffRow>, StoreError> {
    let sql = format!("{SELECT} ORDER BY u.disabled, u.name, u.id");
    Ok(sqlx::query_as(&sql).fetch_all(conn).await?)
}

pub async fn one(conn: &mut Conn, user_id: i64) -> Result<Option<StaffRow>, StoreError> {
    let sql = format!("{SELECT} WHERE u.id = $1");
    Ok(sqlx::query_as(&sql)
        .bind(user_id)
        .fetch_optional(conn)
        .await?)
}

/// How many active admins there are.
pub async fn active_admins(conn: &mut Conn) -> Result<i64, StoreError> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM staff_profiles sp JOIN users u ON u.id = sp.user_id \
         WHERE sp.role = 'admin' AND u.disabled = 0",
    )
    .fetch_one(conn)
    .await?;
    Ok(n)
}

pub async fn set_role(conn: &mut Conn, user_id: i64, role: Role) -> Result<(), StoreError> {
    sqlx::query("UPDATE staff_profiles SET role = $1 WHERE user_id = $2")
        .bind(role.as_str())
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_disabled(conn: &mut Conn, user_id: i64, disabled: bool) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET disabled = $1 WHERE id = $2")
        .bind(i64::from(disabled))
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}
