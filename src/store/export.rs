//! What the business holds about one customer account, table by table, for its owner's
//! export. Read only.

use super::{Conn, StoreError};
use sqlx::Row;

/// A value of a cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

/// How a column is read.
#[derive(Clone, Copy, Debug)]
enum Kind {
    Int,
    Real,
    Text,
}
use Kind::*;

/// One table of the export: its name, its columns, its rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub name: &'static str,
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

/// A table's name, its query (`$1`: the account) and its columns as the query gives them.
type Spec = (&'static str, &'static str, &'static [(&'static str, Kind)]);

const TABLES: &[Spec] = &[
    (
        "account",
        "SELECT id, name, kind, created_at FROM customer_accounts WHERE id = $1",
        &[
            ("id", Int),
            ("name", Text),
            ("kind", Text),
            ("created_at", Int),
        ],
    ),
    (
        "people",
        "SELECT u.id, u.name, u.email, u.phone, u.locale, m.role, u.created_at, \
         u.email_verified_at FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.account_id = $1 ORDER BY u.id",
        &[
            ("id", Int),
            ("name", Text),
            ("email", Text),
            ("phone", Text),
            ("language", Text),
            ("role", Text),
            ("created_at", Int),
            ("email_verified_at", Int),
        ],
    ),
    (
        "rights",
        "SELECT r.user_id, r.location_id, r.can_book, r.can_pay FROM location_rights r \
         JOIN locations l ON l.id = r.location_id WHERE l.account_id = $1 \
         ORDER BY r.user_id, r.location_id",
        &[
            ("person_id", Int),
            ("location_id", Int),
            ("can_book", Int),
            ("can_pay", Int),
        ],
    ),
    (
        "locations",
        "SELECT id, label, line1, line2, postal_code, city, country, access_notes, latitude, \
         longitude, created_at FROM locations WHERE account_id = $1 ORDER BY id",
        &[
            ("id", Int),
            ("label", Text),
            ("line1", Text),
            ("line2", Text),
            ("postal_code", Text),
            ("city", Text),
            ("country", Text),
            ("access_notes", Text),
            ("latitude", Real),
            ("longitude", Real),
            ("created_at", Int),
        ],
    ),
    (
        "visits",
        "SELECT j.id, j.location_id, s.name, j.status, j.planned_start, j.planned_end, \
         j.window_start, j.window_end, j.notes, u.name, j.created_at FROM jobs j \
         JOIN services s ON s.id = j.service_id LEFT JOIN users u ON u.id = j.technician_id \
         WHERE j.account_id = $1 ORDER BY j.id",
        &[
            ("id", Int),
            ("location_id", Int),
            ("service", Text),
            ("status", Text),
            ("planned_start", Int),
            ("planned_end", Int),
            ("window_start", Int),
            ("window_end", Int),
            ("notes", Text),
            ("technician", Text),
            ("created_at", Int),
        ],
    ),
    (
        "requests",
        "SELECT id, location_id, kind, status, category, priority, notes, phone, created_at, \
         handled_at FROM service_requests WHERE account_id = $1 ORDER BY id",
        &[
            ("id", Int),
            ("location_id", Int),
            ("kind", Text),
            ("status", Text),
            ("category", Text),
            ("priority", Text),
            ("notes", Text),
            ("phone", Text),
            ("created_at", Int),
            ("handled_at", Int),
        ],
    ),
    (
        "plans",
        "SELECT p.id, p.location_id, s.name, p.rule, p.status, p.notes, p.created_at \
         FROM plans p JOIN services s ON s.id = p.service_id WHERE p.account_id = $1 \
         ORDER BY p.id",
        &[
            ("id", Int),
            ("location_id", Int),
            ("service", Text),
            ("rule", Text),
            ("status", Text),
            ("notes", Text),
            ("created_at", Int),
        ],
    ),
    (
        "photos",
        "SELECT token, name, content_type, bytes, request_id, job_id, created_at FROM files \
         WHERE account_id = $1 ORDER BY id",
        &[
            ("token", Text),
            ("name", Text),
            ("content_type", Text),
            ("bytes", Int),
            ("request_id", Int),
            ("visit_id", Int),
            ("created_at", Int),
        ],
    ),
    (
        "trail",
        "SELECT id, at, actor, action, subject, detail, client_ip FROM audit_log \
         WHERE account_id = $1 ORDER BY id",
        &[
            ("id", Int),
            ("at", Int),
            ("actor", Text),
            ("action", Text),
            ("subject", Text),
            ("detail", Text),
            ("client_ip", Text),
        ],
    ),
];

/// Every table of the account, as stored (access notes still sealed).
pub async fn tables(conn: &mut Conn, account_id: i64) -> Result<Vec<Table>, StoreError> {
    let mut out = Vec::with_capacity(TABLES.len());
    for (name, sql, columns) in TABLES {
        let rows = sqlx::query(sql)
            .bind(account_id)
            .fetch_all(&mut *conn)
            .await?;
        let mut cells = Vec::with_capacity(rows.len());
        for row in rows {
            let mut line = Vec::with_capacity(columns.len());
            for (i, (_, kind)) in columns.iter().enumerate() {
                let cell = match kind {
                    Int => row.try_get::<Option<i64>, _>(i)?.map(Cell::Int),
                    Real => row.try_get::<Option<f64>, _>(i)?.map(Cell::Real),
                    Text => row.try_get::<Option<String>, _>(i)?.map(Cell::Text),
                };
                line.push(cell.unwrap_or(Cell::Null));
            }
            cells.push(line);
        }
        out.push(Table {
            name,
            columns: columns.iter().map(|(c, _)| *c).collect(),
            rows: cells,
        });
    }
    Ok(out)
}
