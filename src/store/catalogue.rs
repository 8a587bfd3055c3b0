//! The service catalogue: every service with its texts, for the office's screens and for
//! the customers' choice of what to book.

use super::{Conn, StoreError};
use crate::catalogue::{PriceKind, ServiceDraft, ServiceText};
use crate::locale::Locale;

/// One service as the catalogue lists it.
#[derive(Debug, Clone)]
pub struct CatalogueRow {
    pub id: i64,
    pub draft: ServiceDraft,
}

#[derive(Debug, sqlx::FromRow)]
struct ServiceRow {
    id: i64,
    name: String,
    trade: String,
    duration_min: i64,
    buffer_min: i64,
    skills: String,
    active: i64,
    price_kind: String,
    price_minor: Option<i64>,
    self_bookable: i64,
    checklist: Option<String>,
}

#[derive(Debug, sqlx::FromRow)]
struct TextRow {
    service_id: i64,
    locale: String,
    name: String,
    description: String,
}

const COLUMNS: &str = "id, name, trade, duration_min, buffer_min, skills, active, price_kind, \
     price_minor, self_bookable, checklist";

/// Every service (or one, by id), by name, with its texts; `default_locale` names the
/// language `services.name` is in, for services that have no texts of their own yet.
pub async fn list(
    conn: &mut Conn,
    only: Option<i64>,
    default_locale: Locale,
) -> Result<Vec<CatalogueRow>, StoreError> {
    let (filter, text_filter) = if only.is_some() {
        (" WHERE id = $1", " WHERE service_id = $1")
    } else {
        ("", "")
    };
    let sql = format!("SELECT {COLUMNS} FROM services{filter} ORDER BY name, id");
    let mut query = sqlx::query_as::<_, ServiceRow>(&sql);
    if let Some(id) = only {
        query = query.bind(id);
    }
    let services = query.fetch_all(&mut *conn).await?;
    let sql = format!(
        "SELECT service_id, locale, name, description FROM service_texts{text_filter} \
         ORDER BY service_id, locale"
    );
    let mut query = sqlx::query_as::<_, TextRow>(&sql);
    if let Some(id) = only {
        query = query.bind(id);
    }
    let texts = query.fetch_all(&mut *conn).await?;
    Ok(services
        .into_iter()
        .map(|s| {
            let mut own: Vec<ServiceText> = texts
                .iter()
                .filter(|t| t.service_id == s.id)
                .filter_map(|t| {
                    Some(ServiceText {
                        locale: Locale::parse(&t.locale).ok()?,
                        name: t.name.clone(),
                        description: t.description.clone(),
                    })
                })
                .collect();
            if !own.iter().any(|t| t.locale == default_locale) {
                own.push(ServiceText {
                    locale: default_locale,
                    name: s.name.clone(),
                    description: String::new(),
                });
            }
            own.sort_by_key(|t| t.locale != default_locale);
            CatalogueRow {
                id: s.id,
                draft: ServiceDraft {
                    texts: own,
                    category: s.trade,
                    duration_min: s.duration_min,
                    buffer_min: s.buffer_min,
                    price_kind: PriceKind::parse(&s.price_kind).unwrap_or(PriceKind::Quote),
                    price_minor: s.price_minor,
                    skills: s
                        .skills
                        .split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                        .collect(),
                    self_bookable: s.self_bookable != 0,
                    active: s.active != 0,
                    checklist: s
                        .checklist
                        .as_deref()
                        .unwrap_or_default()
                        .lines()
                        .filter(|l| !l.is_empty())
                        .map(str::to_string)
                        .collect(),
                },
            }
        })
        .collect())
}

/// Writes a service (a new one when `id` is `None`) and replaces its texts; returns its id.
/// A name already used by another service is a [`StoreError::Conflict`].
pub async fn save(
    conn: &mut Conn,
    id: Option<i64>,
    draft: &ServiceDraft,
    now: i64,
) -> Result<i64, StoreError> {
    let name = draft.texts.first().map_or("", |t| t.name.as_str());
    let skills = draft.skills.join(",");
    let checklist = draft.checklist.join("\n");
    let id = match id {
        Some(id) => {
            let done = sqlx::query(
                "UPDATE services SET name = $1, trade = $2, duration_min = $3, buffer_min = $4, \
                 skills = $5, active = $6, price_kind = $7, price_minor = $8, self_bookable = $9, \
                 updated_at = $10, checklist = $12 WHERE id = $11",
            )
            .bind(name)
            .bind(&draft.category)
            .bind(draft.duration_min)
            .bind(draft.buffer_min)
            .bind(&skills)
            .bind(i64::from(draft.active))
            .bind(draft.price_kind.as_str())
            .bind(draft.price_minor)
            .bind(i64::from(draft.self_bookable))
            .bind(now)
            .bind(id)
            .bind(&checklist)
            .execute(&mut *conn)
            .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound);
            }
            id
        }
        None => {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO services (name, trade, duration_min, buffer_min, skills, active, \
                 price_kind, price_minor, self_bookable, created_at, updated_at, checklist) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11) RETURNING id",
            )
            .bind(name)
            .bind(&draft.category)
            .bind(draft.duration_min)
            .bind(draft.buffer_min)
            .bind(&skills)
            .bind(i64::from(draft.active))
            .bind(draft.price_kind.as_str())
            .bind(draft.price_minor)
            .bind(i64::from(draft.self_bookable))
            .bind(now)
            .bind(&checklist)
            .fetch_one(&mut *conn)
            .await?;
            id
        }
    };
    sqlx::query("DELETE FROM service_texts WHERE service_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for text in &draft.texts {
        sqlx::query(
            "INSERT INTO service_texts (service_id, locale, name, description) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(text.locale.code())
        .bind(&text.name)
        .bind(&text.description)
        .execute(&mut *conn)
        .await?;
    }
    Ok(id)
}

/// Sets a service's price.
pub async fn set_price(
    conn: &mut Conn,
    id: i64,
    kind: PriceKind,
    minor: Option<i64>,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE services SET price_kind = $1, price_minor = $2 WHERE id = $3")
        .bind(kind.as_str())
        .bind(minor)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Sets a service's checklist (the demo's services come with one).
pub async fn set_checklist(conn: &mut Conn, id: i64, items: &[&str]) -> Result<(), StoreError> {
    sqlx::query("UPDATE services SET checklist = $1 WHERE id = $2")
        .bind(items.join("\n"))
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}
