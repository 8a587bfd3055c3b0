//! An account owner's export: everything the business holds about their account (its
//! people and their rights, places with their access notes, visits, requests, plans, photos
//! and the trail) as JSON and CSV, with the photos, in one zip. The export is itself in the
//! trail, before it is made, so it lists itself.

use crate::dto::SessionUser;
use crate::ids::{AccountRef, LocationRef, PlanRef, RequestRef, UserRef, VisitRef};
use crate::permissions::Role;
use crate::services::clock;
use crate::services::files::{self, FileStore, Variant};
use crate::store::audit::{self, RequestOrigin};
use crate::store::export::{Cell, Table};
use crate::store::{Store, StoreError};
use serde_json::{Map, Value};
use std::io::Write as _;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("not allowed")]
    Forbidden,
    /// Made [`EXPORTS_HOURLY`] times in the last hour already.
    #[error("too many exports lately")]
    TooMany,
    #[error("writing the zip: {0}")]
    Zip(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Exports of one account in an hour (each holds every photo in memory while it is made).
pub const EXPORTS_HOURLY: i64 = 3;

/// A made export: the name to save it under and its bytes.
pub struct Export {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// The public reference a column's id stands for, where it has one.
fn reference(table: &str, column: &str, id: i64) -> Option<String> {
    Some(match (table, column) {
        ("account", "id") => AccountRef::from_id(id).to_string(),
        ("people", "id") | (_, "person_id") => UserRef::from_id(id).to_string(),
        ("locations", "id") | (_, "location_id") => LocationRef::from_id(id).to_string(),
        ("visits", "id") | (_, "visit_id") => VisitRef::from_id(id).to_string(),
        ("requests", "id") | (_, "request_id") => RequestRef::from_id(id).to_string(),
        ("plans", "id") => PlanRef::from_id(id).to_string(),
        _ => return None,
    })
}

fn is_time(column: &str) -> bool {
    column == "at"
        || column.ends_with("_at")
        || matches!(
            column,
            "planned_start" | "planned_end" | "window_start" | "window_end"
        )
}

/// A cell as people read it: references for ids, ISO 8601 (UTC) for times.
fn readable(table: &str, column: &str, cell: &Cell) -> Value {
    match cell {
        Cell::Null => Value::Null,
        Cell::Int(n) => {
            if let Some(r) = reference(table, column, *n) {
                Value::String(r)
            } else if is_time(column) {
                jiff::Timestamp::from_second(*n)
                    .map(|t| Value::String(t.to_string()))
                    .unwrap_or(Value::from(*n))
            } else {
                Value::from(*n)
            }
        }
        Cell::Real(x) => serde_json::Number::from_f64(*x)
            .map(Value::Number)
            .unwrap_or(Value::Null),
        Cell::Text(t) => Value::String(t.clone()),
    }
}

/// One CSV field: quoted when it must be, and never read as a formula by a spreadsheet.
fn csv_field(value: &Value) -> String {
    let text = match value {
        Value::Null => return String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !value.is_number() {
        format!("'{text}")
    } else {
        text
    };
    if text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn csv(table: &Table) -> String {
    let mut out = table.columns.join(",");
    out.push_str("\r\n");
    for row in &table.rows {
        let fields: Vec<String> = table
            .columns
            .iter()
            .zip(row)
            .map(|(column, cell)| csv_field(&readable(table.name, column, cell)))
            .collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

fn json(tables: &[Table], exported_at: &str) -> Value {
    let mut top = Map::new();
    top.insert("exported_at".into(), Value::String(exported_at.to_string()));
    for table in tables {
        let rows: Vec<Value> = table
            .rows
            .iter()
            .map(|row| {
                Value::Object(
                    table
                        .columns
                        .iter()
                        .zip(row)
                        .map(|(c, cell)| (c.to_string(), readable(table.name, c, cell)))
                        .collect(),
                )
            })
            .collect();
        let value = if table.name == "account" {
            rows.into_iter().next().unwrap_or(Value::Null)
        } else {
            Value::Array(rows)
        };
        top.insert(table.name.to_string(), value);
    }
    Value::Object(top)
}

fn zip(
    tables: &[Table],
    photos: &[(String, bytes::Bytes)],
    exported_at: &str,
) -> Result<Vec<u8>, zip::result::ZipError> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o644);
    out.start_file("account.json", options)?;
    let body = serde_json::to_vec_pretty(&json(tables, exported_at)).unwrap_or_default();
    out.write_all(&body)?;
    for table in tables {
        out.start_file(format!("csv/{}.csv", table.name), options)?;
        out.write_all(csv(table).as_bytes())?;
    }
    // Photos are JPEG already: stored as they are.
    let stored = options.compression_method(zip::CompressionMethod::Stored);
    for (token, bytes) in photos {
        out.start_file(format!("photos/{token}.jpg"), stored)?;
        out.write_all(bytes)?;
    }
    Ok(out.finish()?.into_inner())
}

/// The owner's account, exported; recorded in the trail first.
pub async fn account(
    store: &Store,
    files: &FileStore,
    by: &SessionUser,
    origin: &RequestOrigin,
) -> Result<Export, ExportError> {
    let account = match (by.role, by.account) {
        (Role::AccountOwner, Some(account)) => account,
        _ => return Err(ExportError::Forbidden),
    };
    let now = clock::now();
    let account_ref = AccountRef::from_id(account.id()).to_string();
    {
        let mut conn = store.conn().await?;
        let recent =
            audit::count_on(&mut conn, "account_exported", &account_ref, now - 3600).await?;
        if recent >= EXPORTS_HOURLY {
            return Err(ExportError::TooMany);
        }
    }
    {
        let mut tx = store.begin().await?;
        audit::record(
            &mut tx,
            &audit::Entry::new(now, "account_exported", origin)
                .by(by.user)
                .on(&account_ref),
        )
        .await?;
        tx.commit().await.map_err(StoreError::from)?;
    }
    let mut tables = {
        let mut conn = store.conn().await?;
        crate::store::export::tables(&mut conn, account.id()).await?
    };
    // Access notes leave sealed nowhere: the owner reads them.
    for table in tables.iter_mut().filter(|t| t.name == "locations") {
        let Some(at) = table.columns.iter().position(|c| *c == "access_notes") else {
            continue;
        };
        for row in &mut table.rows {
            if let Cell::Text(sealed) = &row[at] {
                row[at] = store
                    .open_notes(Some(sealed))?
                    .map_or(Cell::Null, Cell::Text);
            }
        }
    }
    // Where from, as the trail page shows it: for the account's own people only.
    let own: Vec<String> = tables
        .iter()
        .filter(|t| t.name == "people")
        .flat_map(|t| t.rows.iter())
        .filter_map(|row| match row.first() {
            Some(Cell::Int(id)) => Some(UserRef::from_id(*id).to_string()),
            _ => None,
        })
        .collect();
    for table in tables.iter_mut().filter(|t| t.name == "trail") {
        let (Some(actor), Some(ip)) = (
            table.columns.iter().position(|c| *c == "actor"),
            table.columns.iter().position(|c| *c == "client_ip"),
        ) else {
            continue;
        };
        for row in &mut table.rows {
            let theirs = matches!(&row[actor], Cell::Text(a) if own.contains(a));
            if !theirs {
                row[ip] = Cell::Null;
            }
        }
    }
    let mut photos = Vec::new();
    for table in tables.iter().filter(|t| t.name == "photos") {
        for row in &table.rows {
            let Some(Cell::Text(token)) = row.first() else {
                continue;
            };
            match files.get(&files::key(token, Variant::Kept)).await {
                Ok(Some(bytes)) => photos.push((token.clone(), bytes)),
                Ok(None) => tracing::warn!(token, "a photo of the export is missing"),
                Err(e) => tracing::warn!(token, error = %e, "a photo of the export cannot be read"),
            }
        }
    }
    let exported_at = jiff::Timestamp::from_second(now)
        .map(|t| t.to_string())
        .unwrap_or_default();
    let bytes = tokio::task::spawn_blocking(move || zip(&tables, &photos, &exported_at))
        .await
        .map_err(|e| ExportError::Zip(e.to_string()))?
        .map_err(|e| ExportError::Zip(e.to_string()))?;
    let day = jiff::Timestamp::from_second(now)
        .map(|t| t.strftime("%Y-%m-%d").to_string())
        .unwrap_or_default();
    Ok(Export {
        file_name: format!("{account_ref}-{day}.zip"),
        bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_never_formulas() {
        assert_eq!(csv_field(&Value::String("plain".into())), "plain");
        assert_eq!(csv_field(&Value::String("a, b".into())), "\"a, b\"");
        assert_eq!(
            csv_field(&Value::String("say \"hi\"".into())),
            "\"say \"\"hi\"\"\""
        );
        assert_eq!(
            csv_field(&Value::String("=HYPERLINK(1)".into())),
            "'=HYPERLINK(1)"
        );
        assert_eq!(csv_field(&Value::String("-1+2".into())), "'-1+2");
        assert_eq!(csv_field(&Value::from(-3)), "-3");
        assert_eq!(csv_field(&Value::Null), "");
        assert_eq!(
            readable("visits", "location_id", &Cell::Int(7)),
            Value::String("LO-000007".into())
        );
        assert_eq!(
            readable("visits", "planned_start", &Cell::Int(0)),
            Value::String("1970-01-01T00:00:00Z".into())
        );
    }
}
