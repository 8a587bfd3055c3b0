//! Members' rights, location by location (migration 0030). A row means the member sees the
//! location; its flags add booking and paying there. Owners have no rows: they may do
//! everything in their account.

use super::{Conn, StoreError};
use crate::permissions::PlaceRight;

/// A condition for queries joining `memberships m` to something at location `{loc}`: the
/// membership's person sees that location (owners see all of their account's).
pub fn sees(location_column: &str) -> String {
    format!(
        "(m.role = 'owner' OR EXISTS (SELECT 1 FROM location_rights lr \
         WHERE lr.user_id = m.user_id AND lr.location_id = {location_column}))"
    )
}

#[derive(sqlx::FromRow)]
struct RightRow {
    user_id: i64,
    location_id: i64,
    can_book: i64,
    can_pay: i64,
}

impl RightRow {
    fn right(&self) -> PlaceRight {
        PlaceRight {
            location: self.location_id,
            book: self.can_book != 0,
            pay: self.can_pay != 0,
        }
    }
}

/// One member's rights.
pub async fn of_user(conn: &mut Conn, user_id: i64) -> Result<Vec<PlaceRight>, StoreError> {
    let rows: Vec<RightRow> = sqlx::query_as(
        "SELECT user_id, location_id, can_book, can_pay FROM location_rights \
         WHERE user_id = $1 ORDER BY location_id",
    )
    .bind(user_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.iter().map(RightRow::right).collect())
}

/// Every member's rights in an account, as `(user id, right)`.
pub async fn of_account(
    conn: &mut Conn,
    account_id: i64,
) -> Result<Vec<(i64, PlaceRight)>, StoreError> {
    let rows: Vec<RightRow> = sqlx::query_as(
        "SELECT r.user_id, r.location_id, r.can_book, r.can_pay FROM location_rights r \
         JOIN locations l ON l.id = r.location_id \
         WHERE l.account_id = $1 ORDER BY r.user_id, r.location_id",
    )
    .bind(account_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.iter().map(|r| (r.user_id, r.right())).collect())
}

/// Replaces one member's rights with `rights` (locations checked by the caller to be of
/// their account).
pub async fn replace(
    conn: &mut Conn,
    user_id: i64,
    rights: &[PlaceRight],
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM location_rights WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    for right in rights {
        sqlx::query(
            "INSERT INTO location_rights (user_id, location_id, can_book, can_pay) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(user_id)
        .bind(right.location)
        .bind(i64::from(right.book))
        .bind(i64::from(right.pay))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Which of an account's rows a customer's lists read: the whole account for an owner, only
/// the locations a member sees for a member.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reach {
    pub account_id: i64,
    /// The member whose rights narrow the lists; `None` for an owner (or the office).
    pub member: Option<i64>,
}

impl Reach {
    /// All of the account.
    pub fn whole(account_id: i64) -> Self {
        Self {
            account_id,
            member: None,
        }
    }

    /// A condition on rows with `account` and `location` columns, with `$n` bound to
    /// [`Reach::account_id`] and `$n+1` to [`Reach::member`] (in that order).
    pub fn condition(account: &str, location: &str, n: usize) -> String {
        let m = n + 1;
        format!(
            "{account} = ${n} AND (${m} IS NULL OR {location} IN \
             (SELECT lr.location_id FROM location_rights lr WHERE lr.user_id = ${m}))"
        )
    }
}
