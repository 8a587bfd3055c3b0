//! Technicians as the office edits them: the staff with the technician role, their
//! scheduling profile, weekly hours, time off and extra shifts.

use super::{Conn, StoreError};
use crate::technicians::{DaySpan, TechnicianProfile, WeekHours};

/// A technician, with their profile when one was set up.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TechnicianRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub disabled: i64,
    pub skills: Option<String>,
    pub home_lat: Option<f64>,
    pub home_lng: Option<f64>,
    pub area_radius_km: Option<f64>,
    pub area_postal_codes: Option<String>,
}

/// Staff with the technician role, by name; only `only` when given.
pub async fn list(conn: &mut Conn, only: Option<i64>) -> Result<Vec<TechnicianRow>, StoreError> {
    Ok(sqlx::query_as::<_, TechnicianRow>(
        "SELECT u.id, u.name, u.email, u.disabled, t.skills, t.home_lat, t.home_lng, \
         t.area_radius_km, t.area_postal_codes \
         FROM users u JOIN staff_profiles s ON s.user_id = u.id AND s.role = 'technician' \
         LEFT JOIN technicians t ON t.user_id = u.id \
         WHERE ($1 = 0 OR u.id = $1) ORDER BY u.name, u.id",
    )
    .bind(only.unwrap_or(0))
    .fetch_all(conn)
    .await?)
}

/// Weekly hours by technician; only `only` when given.
pub async fn hours(
    conn: &mut Conn,
    only: Option<i64>,
) -> Result<Vec<(i64, WeekHours)>, StoreError> {
    let rows: Vec<(i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT user_id, weekday, start_min, end_min FROM technician_hours \
         WHERE ($1 = 0 OR user_id = $1) ORDER BY user_id, weekday, start_min",
    )
    .bind(only.unwrap_or(0))
    .fetch_all(conn)
    .await?;
    let mut out: Vec<(i64, WeekHours)> = Vec::new();
    for (user, weekday, start, end) in rows {
        let (Ok(day), Ok(start_min), Ok(end_min)) = (
            usize::try_from(weekday - 1),
            u16::try_from(start),
            u16::try_from(end),
        ) else {
            continue;
        };
        if out.last().is_none_or(|(u, _)| *u != user) {
            out.push((user, WeekHours::default()));
        }
        if let (Some((_, week)), true) = (out.last_mut(), day < 7) {
            week.days[day].push(DaySpan { start_min, end_min });
        }
    }
    Ok(out)
}

/// Sets the profile, creating the scheduling row on first save. The area's circle is
/// centred on home.
pub async fn save_profile(
    conn: &mut Conn,
    user_id: i64,
    profile: &TechnicianProfile,
) -> Result<(), StoreError> {
    let centre = profile.radius_km.map(|_| profile.home);
    sqlx::query(
        "INSERT INTO technicians (user_id, skills, home_lat, home_lng, area_lat, area_lng, \
         area_radius_km, area_postal_codes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (user_id) DO UPDATE SET skills = excluded.skills, \
         home_lat = excluded.home_lat, home_lng = excluded.home_lng, \
         area_lat = excluded.area_lat, area_lng = excluded.area_lng, \
         area_radius_km = excluded.area_radius_km, area_postal_codes = excluded.area_postal_codes",
    )
    .bind(user_id)
    .bind(profile.skills.join(","))
    .bind(profile.home.latitude)
    .bind(profile.home.longitude)
    .bind(centre.map(|c| c.latitude))
    .bind(centre.map(|c| c.longitude))
    .bind(profile.radius_km)
    .bind(profile.postal_codes.join(","))
    .execute(conn)
    .await?;
    Ok(())
}

/// Replaces the weekly hours.
pub async fn replace_hours(
    conn: &mut Conn,
    user_id: i64,
    week: &WeekHours,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM technician_hours WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    for (index, spans) in week.days.iter().enumerate() {
        for span in spans {
            super::scheduling::insert_hours(
                conn,
                user_id,
                i64::try_from(index + 1).unwrap_or(1),
                i64::from(span.start_min),
                i64::from(span.end_min),
            )
            .await?;
        }
    }
    Ok(())
}

/// Time off that has not ended by `now`, soonest first.
pub async fn time_off(
    conn: &mut Conn,
    user_id: i64,
    now: i64,
) -> Result<Vec<(i64, i64, i64, Option<String>)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, starts_at, ends_at, reason FROM technician_time_off \
         WHERE user_id = $1 AND ends_at > $2 ORDER BY starts_at, id",
    )
    .bind(user_id)
    .bind(now)
    .fetch_all(conn)
    .await?)
}

pub async fn insert_time_off(
    conn: &mut Conn,
    user_id: i64,
    starts_at: i64,
    ends_at: i64,
    reason: Option<&str>,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO technician_time_off (user_id, starts_at, ends_at, reason) \
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(user_id)
    .bind(starts_at)
    .bind(ends_at)
    .bind(reason)
    .fetch_one(conn)
    .await?)
}

/// Extra shifts from `from_day` (`YYYY-MM-DD`) on, soonest first.
pub async fn extra_shifts(
    conn: &mut Conn,
    user_id: i64,
    from_day: &str,
) -> Result<Vec<(i64, String, i64, i64)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, day, start_min, end_min FROM technician_extra_shifts \
         WHERE user_id = $1 AND day >= $2 ORDER BY day, start_min, id",
    )
    .bind(user_id)
    .bind(from_day)
    .fetch_all(conn)
    .await?)
}

pub async fn insert_extra_shift(
    conn: &mut Conn,
    user_id: i64,
    day: &str,
    span: DaySpan,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO technician_extra_shifts (user_id, day, start_min, end_min) \
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(user_id)
    .bind(day)
    .bind(i64::from(span.start_min))
    .bind(i64::from(span.end_min))
    .fetch_one(conn)
    .await?)
}

/// What the office plans besides the weekly hours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Planned {
    TimeOff,
    ExtraShift,
}

impl Planned {
    fn table(self) -> &'static str {
        match self {
            Self::TimeOff => "technician_time_off",
            Self::ExtraShift => "technician_extra_shifts",
        }
    }
}

/// Whether the entry existed (for this technician) and is gone.
pub async fn delete_planned(
    conn: &mut Conn,
    what: Planned,
    user_id: i64,
    id: i64,
) -> Result<bool, StoreError> {
    let sql = format!(
        "DELETE FROM {} WHERE id = $1 AND user_id = $2",
        what.table()
    );
    let done = sqlx::query(&sql)
        .bind(id)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// How many of the technician's open visits overlap `[start, end)`.
pub async fn visits_between(
    conn: &mut Conn,
    user_id: i64,
    start: i64,
    end: i64,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM jobs WHERE technician_id = $1 \
         AND status NOT IN ('cancelled', 'completed') AND planned_start < $2 AND planned_end > $3",
    )
    .bind(user_id)
    .bind(end)
    .bind(start)
    .fetch_one(conn)
    .await?)
}

/// What customers are shown of a technician besides the first name (migration 0028).
#[derive(Debug, Clone, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct CardRow {
    pub trade: Option<String>,
    pub photo_token: Option<String>,
    pub photo_width: Option<i64>,
    pub photo_height: Option<i64>,
}

pub async fn card(conn: &mut Conn, user_id: i64) -> Result<Option<CardRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT trade, photo_token, photo_width, photo_height FROM technician_cards \
         WHERE user_id = $1",
    )
    .bind(user_id)
    .fetch_optional(conn)
    .await?)
}

pub async fn save_card(
    conn: &mut Conn,
    user_id: i64,
    card: &CardRow,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO technician_cards (user_id, trade, photo_token, photo_width, photo_height, \
         updated_at) VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (user_id) DO UPDATE SET trade = excluded.trade, \
         photo_token = excluded.photo_token, photo_width = excluded.photo_width, \
         photo_height = excluded.photo_height, updated_at = excluded.updated_at",
    )
    .bind(user_id)
    .bind(&card.trade)
    .bind(&card.photo_token)
    .bind(card.photo_width)
    .bind(card.photo_height)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// The technician whose card photo `token` is, with their full name.
pub async fn card_photo(conn: &mut Conn, token: &str) -> Result<Option<(i64, String)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT c.user_id, u.name FROM technician_cards c JOIN users u ON u.id = c.user_id \
         WHERE c.photo_token = $1",
    )
    .bind(token)
    .fetch_optional(conn)
    .await?)
}

/// Whether the technician `user_id` has (or had) a visit of the account.
pub async fn works_for(conn: &mut Conn, user_id: i64, account_id: i64) -> Result<bool, StoreError> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM jobs WHERE technician_id = $1 AND account_id = $2 LIMIT 1",
    )
    .bind(user_id)
    .bind(account_id)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// The middle of the technicians' home bases: where the business works, roughly.
pub async fn homes_centre(conn: &mut Conn) -> Result<Option<(f64, f64)>, StoreError> {
    let (lat, lng): (Option<f64>, Option<f64>) =
        sqlx::query_as("SELECT AVG(home_lat), AVG(home_lng) FROM technicians")
            .fetch_one(conn)
            .await?;
    Ok(lat.zip(lng))
}
