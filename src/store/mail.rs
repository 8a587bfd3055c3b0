//! Outgoing mail messages: written with the change that causes them, marked sent once.

use super::{Conn, StoreError};

pub struct NewMail<'a> {
    pub to_address: &'a str,
    pub to_name: Option<&'a str>,
    pub locale: &'a str,
    pub template: &'a str,
    /// A JSON object of strings.
    pub args: &'a str,
}

pub async fn insert(conn: &mut Conn, mail: &NewMail<'_>, now: i64) -> Result<i64, StoreError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO mail_messages (to_address, to_name, locale, template, args, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(mail.to_address)
    .bind(mail.to_name)
    .bind(mail.locale)
    .bind(mail.template)
    .bind(mail.args)
    .bind(now)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct MailRow {
    pub id: i64,
    pub to_address: String,
    pub to_name: Option<String>,
    pub locale: String,
    pub template: String,
    pub args: String,
    pub created_at: i64,
    pub sent_at: Option<i64>,
    pub delivery: Option<String>,
}

pub async fn by_id(conn: &mut Conn, id: i64) -> Result<MailRow, StoreError> {
    Ok(sqlx::query_as::<_, MailRow>(
        "SELECT id, to_address, to_name, locale, template, args, created_at, sent_at, delivery \
         FROM mail_messages WHERE id = $1",
    )
    .bind(id)
    .fetch_one(conn)
    .await?)
}

/// Records that the message went out; `false` if it had already been recorded as sent.
pub async fn mark_sent(
    conn: &mut Conn,
    id: i64,
    now: i64,
    delivery: &str,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE mail_messages SET sent_at = $1, delivery = $2 WHERE id = $3 AND sent_at IS NULL",
    )
    .bind(now)
    .bind(delivery.chars().take(500).collect::<String>())
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
