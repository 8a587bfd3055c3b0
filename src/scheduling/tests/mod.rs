//! Tests of the scheduling engine: one per rule, both DST changes in two zones, and
//! properties over random schedules.

mod dst;
mod properties;
mod rules;

use super::*;
use jiff::civil::{Date, Weekday};
use jiff::{SignedDuration, Timestamp};

pub const WEEK: [Weekday; 7] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Wednesday,
    Weekday::Thursday,
    Weekday::Friday,
    Weekday::Saturday,
    Weekday::Sunday,
];

pub fn ts(raw: &str) -> Timestamp {
    raw.parse().expect("timestamp")
}

pub fn date(raw: &str) -> Date {
    raw.parse().expect("date")
}

pub fn mins(m: i64) -> SignedDuration {
    SignedDuration::from_mins(m)
}

pub fn point(lat: f64, lng: f64) -> GeoPoint {
    GeoPoint::new(lat, lng).expect("point")
}

/// Rules with the given zone, window and step; no notice, travel 1.3 × distance at 30 km/h.
pub fn rules(tz: &str, window: i64, step: i64) -> Rules {
    Rules::new(
        tz,
        mins(0),
        60,
        mins(window),
        mins(step),
        TravelModel::new(1.3, 30.0, mins(0)).expect("travel"),
    )
    .expect("rules")
}

pub fn service(duration: i64, buffer: i64, skills: &[&str]) -> ServiceSpec {
    ServiceSpec::new(
        1,
        "Test service",
        mins(duration),
        mins(buffer),
        skills.iter().map(|s| s.to_string()).collect(),
    )
    .expect("service")
}

/// A technician with the same hours every day of the week, covering 30 km around home.
pub fn tech(id: i64, home: GeoPoint, spans: &[(&str, &str)], skills: &[&str]) -> Technician {
    let mut hours = WeeklyHours::default();
    for day in WEEK {
        for (start, end) in spans {
            let span = ShiftSpan::new(
                DayMinute::parse(start).expect("start"),
                DayMinute::parse(end).expect("end"),
            )
            .expect("span");
            hours.add(day, span).expect("hours");
        }
    }
    let area = ServiceArea::new(Some((home, 30.0)), vec![]).expect("area");
    Technician::new(
        id,
        &format!("Tech {id}"),
        skills.iter().map(|s| s.to_string()).collect(),
        home,
        area,
    )
    .with_hours(hours)
}

pub fn request<'a>(
    service: &'a ServiceSpec,
    at: GeoPoint,
    from: &str,
    days: u16,
    now: &str,
) -> Request<'a> {
    Request {
        service,
        at,
        postal_code: None,
        from: date(from),
        days,
        now: ts(now),
    }
}
