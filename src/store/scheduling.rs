//! Loading what the scheduling engine needs, as engine values. A stored row that no longer
//! makes sense (a shift that ends before it starts, a radius of zero) is skipped with a
//! warning rather than failing every search.

use super::{Conn, StoreError};
use crate::booking_rules::BookingRules;
use crate::scheduling::{
    DayMinute, GeoPoint, Job, Rules, ServiceArea, ServiceSpec, ShiftSpan, Span, Technician,
    TravelModel, WeeklyHours,
};
use jiff::civil::{Date, Weekday};
use jiff::{SignedDuration, Timestamp};
use std::collections::BTreeMap;

fn list(raw: &str) -> Vec<String> {
    raw.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn skip(what: &str, id: i64, why: impl std::fmt::Display) {
    tracing::warn!(what, id, %why, "skipping a scheduling row that does not make sense");
}

#[derive(Debug, Clone, sqlx::FromRow)]
struct RulesRow {
    min_notice_min: i64,
    horizon_days: i64,
    window_min: i64,
    step_min: i64,
    road_factor: f64,
    speed_kmh: f64,
    travel_buffer_min: i64,
}

/// The booking rules in the business's time zone.
pub async fn rules(conn: &mut Conn, time_zone: &str) -> Result<Rules, StoreError> {
    let row = sqlx::query_as::<_, RulesRow>(
        "SELECT min_notice_min, horizon_days, window_min, step_min, road_factor, speed_kmh, \
         travel_buffer_min FROM scheduling_rules WHERE id = 1",
    )
    .fetch_one(&mut *conn)
    .await?;
    let bad = |e: crate::scheduling::ScheduleError| {
        StoreError::Other(sqlx::Error::Decode(format!("scheduling_rules: {e}").into()))
    };
    let travel = TravelModel::new(
        row.road_factor,
        row.speed_kmh,
        SignedDuration::from_mins(row.travel_buffer_min),
    )
    .map_err(bad)?;
    Rules::new(
        time_zone,
        SignedDuration::from_mins(row.min_notice_min),
        u16::try_from(row.horizon_days).unwrap_or(0),
        SignedDuration::from_mins(row.window_min),
        SignedDuration::from_mins(row.step_min),
        travel,
    )
    .map_err(bad)
}

/// The travel model alone (an ETA needs nothing else).
pub async fn travel(conn: &mut Conn) -> Result<TravelModel, StoreError> {
    let (road_factor, speed_kmh, buffer_min): (f64, f64, i64) = sqlx::query_as(
        "SELECT road_factor, speed_kmh, travel_buffer_min FROM scheduling_rules WHERE id = 1",
    )
    .fetch_one(&mut *conn)
    .await?;
    TravelModel::new(
        road_factor,
        speed_kmh,
        SignedDuration::from_mins(buffer_min),
    )
    .map_err(|e| StoreError::Other(sqlx::Error::Decode(format!("scheduling_rules: {e}").into())))
}

#[derive(Debug, Clone, sqlx::FromRow)]
struct EditableRulesRow {
    min_notice_min: i64,
    horizon_days: i64,
    window_min: i64,
    step_min: i64,
    road_factor: f64,
    speed_kmh: f64,
    travel_buffer_min: i64,
    reschedule_notice_min: i64,
    cancel_notice_min: i64,
    reminder_hours: i64,
}

/// The booking rules as the office edits them (notices in whole hours).
pub async fn booking_rules(conn: &mut Conn) -> Result<BookingRules, StoreError> {
    let r = sqlx::query_as::<_, EditableRulesRow>(
        "SELECT min_notice_min, horizon_days, window_min, step_min, road_factor, speed_kmh, \
         travel_buffer_min, reschedule_notice_min, cancel_notice_min, reminder_hours \
         FROM scheduling_rules WHERE id = 1",
    )
    .fetch_one(conn)
    .await?;
    Ok(BookingRules {
        min_notice_hours: r.min_notice_min / 60,
        horizon_days: r.horizon_days,
        window_min: r.window_min,
        step_min: r.step_min,
        road_factor: r.road_factor,
        speed_kmh: r.speed_kmh,
        travel_buffer_min: r.travel_buffer_min,
        reschedule_notice_hours: r.reschedule_notice_min / 60,
        cancel_notice_hours: r.cancel_notice_min / 60,
        reminder_hours: r.reminder_hours,
    })
}

/// Saves the booking rules.
pub async fn save_booking_rules(
    conn: &mut Conn,
    rules: &BookingRules,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE scheduling_rules SET min_notice_min = $1, horizon_days = $2, window_min = $3, \
         step_min = $4, road_factor = $5, speed_kmh = $6, travel_buffer_min = $7, \
         reschedule_notice_min = $8, cancel_notice_min = $9, reminder_hours = $10, \
         updated_at = $11 WHERE id = 1",
    )
    .bind(rules.min_notice_hours * 60)
    .bind(rules.horizon_days)
    .bind(rules.window_min)
    .bind(rules.step_min)
    .bind(rules.road_factor)
    .bind(rules.speed_kmh)
    .bind(rules.travel_buffer_min)
    .bind(rules.reschedule_notice_hours * 60)
    .bind(rules.cancel_notice_hours * 60)
    .bind(rules.reminder_hours)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// How many hours before a visit's window its reminder goes out; 0: none.
pub async fn reminder_hours(conn: &mut Conn) -> Result<i64, StoreError> {
    let (hours,): (i64,) =
        sqlx::query_as("SELECT reminder_hours FROM scheduling_rules WHERE id = 1")
            .fetch_one(conn)
            .await?;
    Ok(hours.max(0))
}

/// How many days ahead customers may book.
pub async fn horizon_days(conn: &mut Conn) -> Result<i64, StoreError> {
    let (days,): (i64,) = sqlx::query_as("SELECT horizon_days FROM scheduling_rules WHERE id = 1")
        .fetch_one(conn)
        .await?;
    Ok(days.max(0))
}

/// How long before a visit's window a customer may still move it, and cancel it.
pub async fn change_notice(
    conn: &mut Conn,
) -> Result<(SignedDuration, SignedDuration), StoreError> {
    let (reschedule, cancel): (i64, i64) = sqlx::query_as(
        "SELECT reschedule_notice_min, cancel_notice_min FROM scheduling_rules WHERE id = 1",
    )
    .fetch_one(conn)
    .await?;
    Ok((
        SignedDuration::from_mins(reschedule.max(0)),
        SignedDuration::from_mins(cancel.max(0)),
    ))
}

#[derive(Debug, Clone, sqlx::FromRow)]
struct ServiceRow {
    id: i64,
    name: String,
    duration_min: i64,
    buffer_min: i64,
    skills: String,
}

fn service(row: ServiceRow) -> Option<ServiceSpec> {
    ServiceSpec::new(
        row.id,
        &row.name,
        SignedDuration::from_mins(row.duration_min),
        SignedDuration::from_mins(row.buffer_min),
        list(&row.skills),
    )
    .map_err(|e| skip("service", row.id, e))
    .ok()
}

const SERVICE_COLUMNS: &str = "id, name, duration_min, buffer_min, skills";

/// Bookable services, by name.
pub async fn services(conn: &mut Conn) -> Result<Vec<ServiceSpec>, StoreError> {
    let sql = format!("SELECT {SERVICE_COLUMNS} FROM services WHERE active = 1 ORDER BY name");
    let rows = sqlx::query_as::<_, ServiceRow>(&sql)
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().filter_map(service).collect())
}

/// A bookable service by its name, ignoring case (compared here rather than in SQL, where
/// SQLite and PostgreSQL fold case differently); the oldest wins if two names differ only
/// in case.
pub async fn service_by_name(
    conn: &mut Conn,
    name: &str,
) -> Result<Option<ServiceSpec>, StoreError> {
    let wanted = name.trim().to_lowercase();
    let sql = format!("SELECT {SERVICE_COLUMNS} FROM services WHERE active = 1 ORDER BY id");
    let rows = sqlx::query_as::<_, ServiceRow>(&sql)
        .fetch_all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .find(|r| r.name.to_lowercase() == wanted)
        .and_then(service))
}

/// A bookable service by its id.
pub async fn service_by_id(conn: &mut Conn, id: i64) -> Result<Option<ServiceSpec>, StoreError> {
    let sql = format!("SELECT {SERVICE_COLUMNS} FROM services WHERE active = 1 AND id = $1");
    let row = sqlx::query_as::<_, ServiceRow>(&sql)
        .bind(id)
        .fetch_optional(conn)
        .await?;
    Ok(row.and_then(service))
}

#[derive(Debug, Clone, sqlx::FromRow)]
struct TechnicianRow {
    user_id: i64,
    name: String,
    skills: String,
    home_lat: f64,
    home_lng: f64,
    area_lat: Option<f64>,
    area_lng: Option<f64>,
    area_radius_km: Option<f64>,
    area_postal_codes: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
struct HoursRow {
    user_id: i64,
    weekday: i64,
    start_min: i64,
    end_min: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
struct ExtraRow {
    user_id: i64,
    day: String,
    start_min: i64,
    end_min: i64,
}

fn span_of(start: i64, end: i64) -> Result<ShiftSpan, crate::scheduling::ScheduleError> {
    let minute = |m: i64| DayMinute::new(u32::try_from(m).unwrap_or(u32::MAX));
    ShiftSpan::new(minute(start)?, minute(end)?)
}

fn weekday(iso: i64) -> Option<Weekday> {
    i8::try_from(iso)
        .ok()
        .and_then(|d| Weekday::from_monday_one_offset(d).ok())
}

/// Every active technician with their hours, and the time off and extra shifts that touch
/// `[from, to)`, in id order.
pub async fn technicians(
    conn: &mut Conn,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<Technician>, StoreError> {
    let rows = sqlx::query_as::<_, TechnicianRow>(
        "SELECT t.user_id, u.name, t.skills, t.home_lat, t.home_lng, t.area_lat, t.area_lng, \
         t.area_radius_km, t.area_postal_codes FROM technicians t \
         JOIN users u ON u.id = t.user_id WHERE u.disabled = 0 ORDER BY t.user_id",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut hours: BTreeMap<i64, WeeklyHours> = BTreeMap::new();
    let hour_rows = sqlx::query_as::<_, HoursRow>(
        "SELECT user_id, weekday, start_min, end_min FROM technician_hours ORDER BY user_id, weekday, start_min",
    )
    .fetch_all(&mut *conn)
    .await?;
    for h in hour_rows {
        let entry = hours.entry(h.user_id).or_default();
        let added = span_of(h.start_min, h.end_min)
            .and_then(|span| {
                weekday(h.weekday)
                    .ok_or(crate::scheduling::ScheduleError::EmptySpan)
                    .map(|d| (d, span))
            })
            .and_then(|(day, span)| entry.add(day, span));
        if let Err(e) = added {
            skip("technician_hours", h.user_id, e);
        }
    }
    let time_off: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT user_id, starts_at, ends_at FROM technician_time_off WHERE ends_at > $1 AND starts_at < $2",
    )
    .bind(from.as_second())
    .bind(to.as_second())
    .fetch_all(&mut *conn)
    .await?;
    let extras = sqlx::query_as::<_, ExtraRow>(
        "SELECT user_id, day, start_min, end_min FROM technician_extra_shifts WHERE day >= $1 AND day <= $2",
    )
    .bind(from.strftime("%Y-%m-%d").to_string())
    .bind(to.strftime("%Y-%m-%d").to_string())
    .fetch_all(&mut *conn)
    .await?;

    let mut technicians = Vec::with_capacity(rows.len());
    for row in rows {
        let home = match GeoPoint::new(row.home_lat, row.home_lng) {
            Ok(p) => p,
            Err(e) => {
                skip("technician", row.user_id, e);
                continue;
            }
        };
        let circle = match (row.area_lat, row.area_lng, row.area_radius_km) {
            (Some(lat), Some(lng), Some(r)) => GeoPoint::new(lat, lng).ok().map(|c| (c, r)),
            (None, None, Some(r)) => Some((home, r)),
            _ => None,
        };
        let area = match ServiceArea::new(circle, list(&row.area_postal_codes)) {
            Ok(a) => a,
            Err(e) => {
                skip("technician", row.user_id, e);
                continue;
            }
        };
        let mut tech = Technician::new(row.user_id, &row.name, list(&row.skills), home, area)
            .with_hours(hours.remove(&row.user_id).unwrap_or_default());
        for (_, start, end) in time_off.iter().filter(|(u, _, _)| *u == row.user_id) {
            match (Timestamp::from_second(*start), Timestamp::from_second(*end)) {
                (Ok(s), Ok(e)) => match Span::new(s, e) {
                    Ok(span) => tech.add_time_off(span),
                    Err(err) => skip("technician_time_off", row.user_id, err),
                },
                _ => skip("technician_time_off", row.user_id, "time out of range"),
            }
        }
        for extra in extras.iter().filter(|x| x.user_id == row.user_id) {
            match (
                extra.day.parse::<Date>(),
                span_of(extra.start_min, extra.end_min),
            ) {
                (Ok(day), Ok(span)) => tech.add_extra_shift(day, span),
                _ => skip("technician_extra_shifts", row.user_id, "bad day or span"),
            }
        }
        technicians.push(tech);
    }
    Ok(technicians)
}

#[derive(Debug, Clone, sqlx::FromRow)]
struct JobRow {
    technician_id: i64,
    planned_start: i64,
    planned_end: i64,
    buffer_min: i64,
    latitude: f64,
    longitude: f64,
}

/// Assigned, not cancelled jobs that touch `[from, to)`; each busy until its end plus the
/// service's buffer.
pub async fn jobs(conn: &mut Conn, from: Timestamp, to: Timestamp) -> Result<Vec<Job>, StoreError> {
    jobs_except(conn, from, to, None).await
}

const JOBS: &str = "SELECT j.technician_id, j.planned_start, j.planned_end, s.buffer_min, \
     l.latitude, l.longitude FROM jobs j JOIN services s ON s.id = j.service_id \
     JOIN locations l ON l.id = j.location_id \
     WHERE j.technician_id IS NOT NULL AND j.status <> 'cancelled' \
     AND j.planned_start < $1 AND j.planned_end > $2 AND j.id <> $3 AND j.planned_start > $4";

/// No job lasts longer (services take at most a day, plus their buffer): the lower bound on
/// the start lets the index on it serve the range instead of every job since the first.
const LONGEST_JOB_S: i64 = 48 * 3600;

/// As [`jobs`], leaving out job `except`: the visit being moved does not stand in its own way.
pub async fn jobs_except(
    conn: &mut Conn,
    from: Timestamp,
    to: Timestamp,
    except: Option<i64>,
) -> Result<Vec<Job>, StoreError> {
    load_jobs(conn, JOBS, from, to, except, None).await
}

/// As [`jobs_except`], for one technician only: what a re-check under their lock needs.
pub async fn technician_jobs(
    conn: &mut Conn,
    technician: i64,
    from: Timestamp,
    to: Timestamp,
    except: Option<i64>,
) -> Result<Vec<Job>, StoreError> {
    let sql = format!("{JOBS} AND j.technician_id = $5");
    load_jobs(conn, &sql, from, to, except, Some(technician)).await
}

async fn load_jobs(
    conn: &mut Conn,
    sql: &str,
    from: Timestamp,
    to: Timestamp,
    except: Option<i64>,
    technician: Option<i64>,
) -> Result<Vec<Job>, StoreError> {
    let mut query = sqlx::query_as::<_, JobRow>(sql)
        .bind(to.as_second())
        .bind(from.as_second() - 24 * 3600)
        .bind(except.unwrap_or(0))
        .bind(from.as_second() - 24 * 3600 - LONGEST_JOB_S);
    if let Some(technician) = technician {
        query = query.bind(technician);
    }
    let rows = query.fetch_all(conn).await?;
    let mut jobs = Vec::with_capacity(rows.len());
    for r in rows {
        let job = Timestamp::from_second(r.planned_start)
            .and_then(|s| Timestamp::from_second(r.planned_end + r.buffer_min * 60).map(|e| (s, e)))
            .map_err(|e| e.to_string())
            .and_then(|(s, e)| {
                let at = GeoPoint::new(r.latitude, r.longitude).map_err(|e| e.to_string())?;
                Job::new(r.technician_id, s, e, at).map_err(|e| e.to_string())
            });
        match job {
            Ok(job) => jobs.push(job),
            Err(e) => skip("job", r.technician_id, e),
        }
    }
    Ok(jobs)
}

/// A technician's profile for scheduling.
pub struct NewTechnician<'a> {
    pub user_id: i64,
    pub skills: &'a [&'a str],
    pub home: (f64, f64),
    pub radius_km: Option<f64>,
    pub postal_codes: &'a [&'a str],
}

pub async fn insert_technician(conn: &mut Conn, t: &NewTechnician<'_>) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO technicians (user_id, skills, home_lat, home_lng, area_lat, area_lng, area_radius_km, \
         area_postal_codes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(t.user_id)
    .bind(t.skills.join(","))
    .bind(t.home.0)
    .bind(t.home.1)
    .bind(t.radius_km.map(|_| t.home.0))
    .bind(t.radius_km.map(|_| t.home.1))
    .bind(t.radius_km)
    .bind(t.postal_codes.join(","))
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn insert_hours(
    conn: &mut Conn,
    user_id: i64,
    weekday: i64,
    start_min: i64,
    end_min: i64,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO technician_hours (user_id, weekday, start_min, end_min) VALUES ($1, $2, $3, $4)")
        .bind(user_id)
        .bind(weekday)
        .bind(start_min)
        .bind(end_min)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn insert_service(
    conn: &mut Conn,
    name: &str,
    trade: &str,
    duration_min: i64,
    buffer_min: i64,
    skills: &[&str],
    created_at: i64,
) -> Result<i64, StoreError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO services (name, trade, duration_min, buffer_min, skills, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(name)
    .bind(trade)
    .bind(duration_min)
    .bind(buffer_min)
    .bind(skills.join(","))
    .bind(created_at)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

pub struct NewJob {
    pub account_id: i64,
    pub location_id: i64,
    pub service_id: i64,
    pub technician_id: Option<i64>,
    pub status: &'static str,
    pub planned_start: i64,
    pub planned_end: i64,
    /// The arrival window promised to the customer (UTC seconds), when booked in one.
    pub window: Option<(i64, i64)>,
    /// What the customer wrote for the technician.
    pub notes: Option<String>,
    /// Who booked it, when a person did.
    pub booked_by: Option<i64>,
}

pub async fn insert_job(conn: &mut Conn, job: &NewJob, created_at: i64) -> Result<i64, StoreError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO jobs (account_id, location_id, service_id, technician_id, status, planned_start, \
         planned_end, created_at, window_start, window_end, notes, booked_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
    )
    .bind(job.account_id)
    .bind(job.location_id)
    .bind(job.service_id)
    .bind(job.technician_id)
    .bind(job.status)
    .bind(job.planned_start)
    .bind(job.planned_end)
    .bind(created_at)
    .bind(job.window.map(|w| w.0))
    .bind(job.window.map(|w| w.1))
    .bind(job.notes.as_deref())
    .bind(job.booked_by)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// Takes the technician's booking lock until the transaction ends: a write to their row,
/// so it must be the transaction's first statement (on SQLite a transaction that read
/// first could not write later). Bookings for the same technician queue here; others pass.
pub async fn lock_technician(conn: &mut Conn, user_id: i64) -> Result<bool, StoreError> {
    let done = sqlx::query("UPDATE technicians SET skills = skills WHERE user_id = $1")
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}
