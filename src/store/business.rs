//! The single row of business settings.

use super::{Conn, StoreError};
use crate::brand::{BrandColour, Business, Terminology, TimeZoneName};
use crate::locale::Locale;
use crate::money::Currency;

#[derive(Debug, Clone, sqlx::FromRow)]
struct BusinessRow {
    name: String,
    logo_url: Option<String>,
    primary_colour: String,
    accent_colour: String,
    default_locale: String,
    currency: String,
    time_zone: String,
    terminology: String,
}

/// The settings, or `None` before the first set-up. A stored value that no longer parses
/// is reported as [`StoreError::Other`] naming the column, rather than shown half-broken.
pub async fn load(conn: &mut Conn) -> Result<Option<Business>, StoreError> {
    let row = sqlx::query_as::<_, BusinessRow>(
        "SELECT name, logo_url, primary_colour, accent_colour, default_locale, currency, \
         time_zone, terminology FROM business_settings WHERE id = 1",
    )
    .fetch_optional(conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let bad = |column: &str| {
        StoreError::Other(sqlx::Error::ColumnDecode {
            index: column.to_string(),
            source: format!("business_settings.{column} holds a value Doorstep cannot use").into(),
        })
    };
    Ok(Some(Business {
        name: row.name,
        logo_url: row.logo_url,
        primary: BrandColour::parse(&row.primary_colour).map_err(|_| bad("primary_colour"))?,
        accent: BrandColour::parse(&row.accent_colour).map_err(|_| bad("accent_colour"))?,
        default_locale: Locale::parse(&row.default_locale).map_err(|_| bad("default_locale"))?,
        currency: Currency::parse(&row.currency).map_err(|_| bad("currency"))?,
        time_zone: TimeZoneName::parse(&row.time_zone).map_err(|_| bad("time_zone"))?,
        terminology: Terminology::parse(&row.terminology).ok_or_else(|| bad("terminology"))?,
    }))
}

pub async fn save(conn: &mut Conn, business: &Business, now: i64) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO business_settings (id, name, logo_url, primary_colour, accent_colour, \
         default_locale, currency, time_zone, terminology, updated_at) \
         VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, logo_url = excluded.logo_url, \
         primary_colour = excluded.primary_colour, accent_colour = excluded.accent_colour, \
         default_locale = excluded.default_locale, currency = excluded.currency, \
         time_zone = excluded.time_zone, terminology = excluded.terminology, \
         updated_at = excluded.updated_at",
    )
    .bind(&business.name)
    .bind(business.logo_url.as_deref())
    .bind(business.primary.to_string())
    .bind(business.accent.to_string())
    .bind(business.default_locale.code())
    .bind(business.currency.code())
    .bind(business.time_zone.as_str())
    .bind(business.terminology.as_str())
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}
