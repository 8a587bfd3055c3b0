//! Arrival windows that shrink: as a technician's day goes (they set off, start, finish),
//! each customer still waiting that day is told what is still possible: "now expected
//! 10:40–11:10", never wider than the window promised, and past its end when the day runs
//! late. The forecast follows the day from the last job that moved, by the schedule's own
//! travel model and the jobs' planned durations, and is written in the transaction of the
//! step that moved it, with an event per changed visit (its page follows live).

use crate::dto::VisitStatus;
use crate::scheduling::{GeoPoint, TravelModel};
use crate::services::visits::summary;
use crate::store::visits::{self, VisitRow};
use crate::store::{Conn, StoreError, events};
use jiff::Timestamp;
use jiff::tz::TimeZone;

/// The widest expected window, in seconds: what a customer can plan around.
pub const NARROW_SECS: i64 = 30 * 60;

/// One job of the day as the forecast reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct Stop {
    pub status: VisitStatus,
    pub place: Option<GeoPoint>,
    /// The window promised to the customer.
    pub window: (i64, i64),
    /// How long the work takes, in seconds.
    pub duration: i64,
}

/// What a waiting customer is told: the window expected now, and whether it is past the
/// one promised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expected {
    pub start: i64,
    pub end: i64,
    pub late: bool,
}

/// The expected windows of the stops still waiting (by index), from where the day stands
/// at `now`; nothing before any job of the day has moved.
pub fn forecast(stops: &[Stop], now: i64, travel: &TravelModel) -> Vec<(usize, Expected)> {
    let moved = stops.iter().rposition(|s| {
        matches!(
            s.status,
            VisitStatus::EnRoute
                | VisitStatus::Arrived
                | VisitStatus::InProgress
                | VisitStatus::Completed
        )
    });
    let Some(moved) = moved else {
        return Vec::new();
    };
    let between = |a: Option<GeoPoint>, b: Option<GeoPoint>| match (a, b) {
        (Some(a), Some(b)) => travel.between(a, b).as_secs(),
        _ => 0,
    };
    let mut out = Vec::new();
    let last = &stops[moved];
    // When the technician is free again, and where.
    let mut free_at = match last.status {
        VisitStatus::Completed => now,
        VisitStatus::Arrived | VisitStatus::InProgress => now + last.duration,
        _ => {
            // On the way: there after the trip from the stop before (if any).
            let from = moved.checked_sub(1).and_then(|i| stops[i].place);
            let arrive = now + between(from, last.place);
            let expected = expect(arrive, last.window);
            out.push((moved, expected));
            expected.start + last.duration
        }
    };
    let mut from = last.place;
    for (i, stop) in stops.iter().enumerate().skip(moved + 1) {
        if !matches!(stop.status, VisitStatus::Scheduled | VisitStatus::Assigned) {
            continue;
        }
        let expected = expect(free_at + between(from, stop.place), stop.window);
        out.push((i, expected));
        free_at = expected.start + stop.duration;
        from = stop.place.or(from);
    }
    out
}

/// The window expected for an arrival at `arrive` at a place promised `window`: from the
/// arrival (never before the promise), at most `NARROW_SECS` wide, never past the promise's
/// end unless the arrival itself is.
fn expect(arrive: i64, window: (i64, i64)) -> Expected {
    let start = arrive.max(window.0);
    if start >= window.1 {
        Expected {
            start,
            end: start + NARROW_SECS,
            late: true,
        }
    } else {
        Expected {
            start,
            end: (start + NARROW_SECS).min(window.1),
            late: false,
        }
    }
}

/// Recomputes the technician's day around `now` inside the transaction of a step, writes
/// the windows that changed and an event for each (`expected`, or `slipped` when late).
pub async fn refresh(
    conn: &mut Conn,
    technician: i64,
    now: i64,
    tz: &TimeZone,
) -> Result<(), StoreError> {
    let Ok(at) = Timestamp::from_second(now) else {
        return Ok(());
    };
    let today = at.to_zoned(tz.clone()).date();
    let (Ok(from), Some(to)) = (
        today.to_zoned(tz.clone()),
        today
            .tomorrow()
            .ok()
            .and_then(|d| d.to_zoned(tz.clone()).ok()),
    ) else {
        return Ok(());
    };
    let rows = visits::day_of_technician(
        conn,
        technician,
        from.timestamp().as_second(),
        to.timestamp().as_second(),
    )
    .await?;
    if rows.is_empty() {
        return Ok(());
    }
    let stops: Vec<Stop> = rows.iter().map(stop).collect();
    let travel = crate::store::scheduling::travel(conn).await?;
    for (i, expected) in forecast(&stops, now, &travel) {
        let row = &rows[i];
        if row.expected_start == Some(expected.start) && row.expected_end == Some(expected.end) {
            continue;
        }
        visits::set_expected(conn, row.id, expected.start, expected.end).await?;
        let kind = if expected.late { "slipped" } else { "expected" };
        // Mailed once, when the day starts running late for them (the page and the in-app
        // list follow every change).
        let first_slip =
            expected.late && events::count_for_job(conn, row.id, "slipped").await? == 0;
        events::append_for_job(conn, row.id, kind, now, "{}").await?;
        // A job on the way has told its customer already; the ones waiting are told.
        let waiting = matches!(
            stops[i].status,
            VisitStatus::Scheduled | VisitStatus::Assigned
        );
        if waiting || expected.late {
            crate::store::notifications::tell_account(conn, row.id, kind, now, None).await?;
        }
        if first_slip {
            crate::services::notifications::mail_account(conn, row.id, "slipped", None).await?;
        }
    }
    Ok(())
}

fn stop(row: &VisitRow) -> Stop {
    let s = summary(row);
    Stop {
        status: s.status,
        place: row
            .location_lat
            .zip(row.location_lng)
            .and_then(|(lat, lng)| GeoPoint::new(lat, lng).ok()),
        window: (s.window_start, s.window_end),
        duration: (row.planned_end - row.planned_start).max(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::SignedDuration;

    const H: i64 = 3600;
    const M: i64 = 60;

    fn travel() -> TravelModel {
        // 36 km/h straight, no allowance: 1 km takes 100 s.
        TravelModel::new(1.0, 36.0, SignedDuration::ZERO).expect("model")
    }

    fn at(km_east: f64) -> Option<GeoPoint> {
        // About 68 km per degree of longitude at 52°N.
        GeoPoint::new(52.5, 13.4 + km_east / 68.0).ok()
    }

    fn stop(status: VisitStatus, km: f64, window: (i64, i64), duration: i64) -> Stop {
        Stop {
            status,
            place: at(km),
            window,
            duration,
        }
    }

    #[test]
    fn nothing_is_forecast_before_the_day_moves() {
        let stops = [stop(VisitStatus::Scheduled, 0.0, (9 * H, 11 * H), H)];
        assert!(forecast(&stops, 8 * H, &travel()).is_empty());
    }

    #[test]
    fn an_early_finish_narrows_the_next_window_from_its_start() {
        let stops = [
            stop(VisitStatus::Completed, 0.0, (8 * H, 10 * H), H),
            stop(VisitStatus::Scheduled, 6.0, (10 * H, 12 * H), H),
        ];
        // Done at 9:00; 6 km (about 10 min) away; the window opens at 10:00.
        let out = forecast(&stops, 9 * H, &travel());
        assert_eq!(out.len(), 1);
        let (i, e) = out[0];
        assert_eq!(i, 1);
        assert_eq!((e.start, e.end, e.late), (10 * H, 10 * H + 30 * M, false));
    }

    #[test]
    fn a_finish_inside_the_window_starts_the_expectation_at_the_arrival() {
        let stops = [
            stop(VisitStatus::Completed, 0.0, (8 * H, 10 * H), H),
            stop(VisitStatus::Assigned, 6.0, (10 * H, 12 * H), H),
        ];
        let out = forecast(&stops, 10 * H + 30 * M, &travel());
        let e = out[0].1;
        assert!(
            e.start > 10 * H + 30 * M && e.start < 10 * H + 45 * M,
            "{e:?}"
        );
        assert_eq!(e.end - e.start, NARROW_SECS);
        assert!(!e.late);
        // Near the end of the promise: never past it.
        let out = forecast(&stops, 11 * H + 40 * M, &travel());
        let e = out[0].1;
        assert_eq!(e.end, 12 * H);
        assert!(!e.late);
    }

    #[test]
    fn a_long_job_makes_the_later_ones_late_in_order() {
        let stops = [
            stop(VisitStatus::InProgress, 0.0, (8 * H, 10 * H), 3 * H),
            stop(VisitStatus::Scheduled, 0.0, (10 * H, 12 * H), H),
            stop(VisitStatus::Cancelled, 0.0, (11 * H, 13 * H), H),
            stop(VisitStatus::Scheduled, 0.0, (12 * H, 14 * H), H),
        ];
        // Started at 10:00 and takes three hours: the next at 13:00 (late), the one after
        // at 14:00 (late too); the cancelled one is skipped.
        let out = forecast(&stops, 10 * H, &travel());
        let found: Vec<(usize, i64, bool)> =
            out.iter().map(|(i, e)| (*i, e.start, e.late)).collect();
        assert_eq!(found, [(1, 13 * H, true), (3, 14 * H, true)]);
    }

    #[test]
    fn on_the_way_the_job_itself_is_forecast_from_the_trip() {
        let stops = [
            stop(VisitStatus::Completed, 0.0, (8 * H, 9 * H), H),
            stop(VisitStatus::EnRoute, 12.0, (9 * H, 11 * H), H),
            stop(VisitStatus::Scheduled, 12.0, (11 * H, 13 * H), H),
        ];
        let out = forecast(&stops, 9 * H + 30 * M, &travel());
        assert_eq!(out[0].0, 1);
        // 12 km at 36 km/h: 20 minutes (give or take the map's curvature).
        assert!((out[0].1.start - (9 * H + 50 * M)).abs() < M, "{out:?}");
        assert_eq!(out[1].0, 2);
        assert_eq!(out[1].1.start, 11 * H);
    }
}
