//! Where the technician on the way is. Their phone shares its position every few seconds
//! after "on my way"; the people who may see the job are told where the technician is, how
//! far, and when they are expected, by the same travel model the schedule uses. Sharing ends
//! by itself: a position within the arrival radius of the place records the arrival, and
//! past the end of the technician's shift the server takes no more. Nobody is told where the
//! technician is once they have arrived: the position is deleted with that step.

use crate::dto::{SessionUser, VisitStatus, Whereabouts};
use crate::ids::VisitRef;
use crate::permissions::Role;
use crate::scheduling::{GeoPoint, TravelModel};
use crate::services::job_steps::Step;
use crate::services::visits::summary;
use crate::store::audit::RequestOrigin;
use crate::store::positions::{self, Fix, PositionRow};
use crate::store::visits::{self, VisitRow};
use crate::store::{Conn, Store, StoreError, events, technicians};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use tracing::instrument;

/// How sharing behaves (settings `arrival_radius_m`, `position_keep_minutes`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PositionPolicy {
    /// A position this close to the place (and at least this accurate) is an arrival.
    pub arrival_radius_m: u32,
    /// A position older than this is deleted, whatever the job.
    pub keep: SignedDuration,
}

impl Default for PositionPolicy {
    fn default() -> Self {
        Self {
            arrival_radius_m: 100,
            keep: SignedDuration::from_mins(60),
        }
    }
}

/// The most a phone may claim to be off by, in metres; worse is not a position.
pub const WORST_ACCURACY_M: f64 = 100_000.0;

/// A position as the phone reports it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reported {
    pub point: GeoPoint,
    pub accuracy_m: Option<f64>,
}

impl Reported {
    /// From the form's fields; `None` when they are not a position on Earth.
    pub fn parse(latitude: &str, longitude: &str, accuracy: Option<&str>) -> Option<Self> {
        let number = |raw: &str| raw.trim().parse::<f64>().ok();
        let point = GeoPoint::new(number(latitude)?, number(longitude)?).ok()?;
        let accuracy_m = match accuracy.map(str::trim).filter(|a| !a.is_empty()) {
            None => None,
            Some(raw) => Some(
                number(raw).filter(|a| a.is_finite() && (0.0..=WORST_ACCURACY_M).contains(a))?,
            ),
        };
        Some(Self { point, accuracy_m })
    }
}

/// What the phone does next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    /// Keep sharing.
    Sharing,
    /// The position was at the place: the arrival is recorded, and sharing stops.
    Arrived,
}

#[derive(Debug, thiserror::Error)]
pub enum PositionError {
    /// Missing, or not the caller's job.
    #[error("no such job")]
    NotFound,
    /// The job is not on the way (any more), or the shift is over: sharing stops.
    #[error("the job is not on the way")]
    NotNow,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Takes a position from the phone of the job's technician.
#[instrument(skip(store, by, origin, tz), fields(by = %by.user))]
pub async fn share(
    store: &Store,
    by: &SessionUser,
    visit: VisitRef,
    reported: Reported,
    policy: PositionPolicy,
    tz: &TimeZone,
    origin: &RequestOrigin,
) -> Result<Shared, PositionError> {
    if by.role != Role::Technician {
        return Err(PositionError::NotFound);
    }
    let now = crate::services::clock::now();
    let row = {
        let mut conn = store.conn().await?;
        let row = visits::by_id(&mut conn, visit.id())
            .await?
            .filter(|row| row.technician_id == Some(by.user.id()))
            .ok_or(PositionError::NotFound)?;
        if summary(&row).status != VisitStatus::EnRoute
            || now > share_until(&mut conn, &row, tz).await?
        {
            return Err(PositionError::NotNow);
        }
        row
    };
    let there = destination(&row).is_some_and(|place| {
        reported.point.distance_km(place) * 1000.0 <= f64::from(policy.arrival_radius_m)
            && reported.accuracy_m.unwrap_or(0.0) <= f64::from(policy.arrival_radius_m)
    });
    let mut tx = store.begin().await?;
    let shared = if there {
        let arrived = crate::services::job_steps::take_in(
            &mut tx,
            by,
            &row,
            Step::Arrived,
            tz,
            origin,
            "arrived_by_position",
        )
        .await?;
        if !arrived {
            tx.rollback().await.map_err(StoreError::from)?;
            return Err(PositionError::NotNow);
        }
        Shared::Arrived
    } else {
        let fix = Fix {
            job_id: row.id,
            technician_id: by.user.id(),
            latitude: reported.point.lat(),
            longitude: reported.point.lng(),
            accuracy_m: reported.accuracy_m,
            at: now,
        };
        if !positions::save(&mut tx, &fix).await? {
            tx.rollback().await.map_err(StoreError::from)?;
            return Err(PositionError::NotNow);
        }
        // Not a timeline step: an event only, so the job's page says the new distance.
        events::append_for_job(&mut tx, row.id, "position", now, "{}").await?;
        Shared::Sharing
    };
    tx.commit().await.map_err(StoreError::from)?;
    store.announce_events();
    Ok(shared)
}

/// The place's position, when it has one.
fn destination(row: &VisitRow) -> Option<GeoPoint> {
    GeoPoint::new(row.location_lat?, row.location_lng?).ok()
}

/// Until when the technician's phone shares its position for the job: the end of their
/// shift on the job's day, and never before an hour after the job's planned end.
pub async fn share_until(
    conn: &mut Conn,
    row: &VisitRow,
    tz: &TimeZone,
) -> Result<i64, StoreError> {
    let floor = row.planned_end + 3600;
    let Some(technician) = row.technician_id else {
        return Ok(floor);
    };
    let Ok(start) = Timestamp::from_second(row.planned_start) else {
        return Ok(floor);
    };
    let day = start.to_zoned(tz.clone()).date();
    let weekday = usize::try_from(day.weekday().to_monday_zero_offset()).unwrap_or(0);
    let hours = technicians::hours(conn, Some(technician)).await?;
    let shift_end = hours
        .first()
        .and_then(|(_, week)| week.days.get(weekday))
        .and_then(|spans| spans.iter().map(|s| s.end_min).max())
        .and_then(|end_min| {
            let midnight = day.to_zoned(tz.clone()).ok()?;
            let end = midnight
                .checked_add(SignedDuration::from_mins(i64::from(end_min)))
                .ok()?;
            Some(end.timestamp().as_second())
        });
    Ok(shift_end.map_or(floor, |end| end.max(floor)))
}

/// Where the technician of `row` is, for someone who may see the job: only while it is on
/// the way and their phone shares.
pub async fn whereabouts(
    conn: &mut Conn,
    row: &VisitRow,
) -> Result<Option<Whereabouts>, StoreError> {
    if summary(row).status != VisitStatus::EnRoute {
        return Ok(None);
    }
    let Some(position) = positions::of_job(conn, row.id).await? else {
        return Ok(None);
    };
    let travel = crate::store::scheduling::travel(conn).await?;
    Ok(describe(row, &position, &travel))
}

fn describe(row: &VisitRow, position: &PositionRow, travel: &TravelModel) -> Option<Whereabouts> {
    let here = GeoPoint::new(position.latitude, position.longitude).ok()?;
    let place = destination(row);
    let distance_m = place.map(|p| {
        let metres = (here.distance_km(p) * 1000.0).round();
        // At most half the Earth's circumference: always fits.
        metres.clamp(0.0, f64::from(u32::MAX)) as u32
    });
    let eta = place.map(|p| position.at + travel.between(here, p).as_secs());
    Some(Whereabouts {
        latitude: position.latitude,
        longitude: position.longitude,
        at: position.at,
        destination: place.map(|p| (p.lat(), p.lng())),
        distance_m,
        eta,
    })
}

/// Deletes positions older than the policy keeps them, those of jobs no longer on the
/// way, and the events of positions past keeping; how many positions and events went.
pub async fn sweep(store: &Store, policy: PositionPolicy) -> Result<(u64, u64), StoreError> {
    let before = crate::services::clock::now() - policy.keep.as_secs();
    let mut conn = store.conn().await?;
    let positions = positions::sweep(&mut conn, before).await?;
    let events = positions::sweep_events(&mut conn, before).await?;
    Ok((positions, events))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_is_a_position_on_earth_with_a_believable_accuracy() {
        let r = Reported::parse(" 52.37 ", "4.89", Some("12.5")).expect("valid");
        assert_eq!((r.point.lat(), r.point.lng()), (52.37, 4.89));
        assert_eq!(r.accuracy_m, Some(12.5));
        assert_eq!(
            Reported::parse("52.37", "4.89", Some(" ")).map(|r| r.accuracy_m),
            Some(None)
        );
        for (lat, lng, acc) in [
            ("91", "0", None),
            ("0", "181", None),
            ("NaN", "0", None),
            ("inf", "0", None),
            ("", "0", None),
            ("1e400", "0", None),
            ("0", "0", Some("-1")),
            ("0", "0", Some("1e9")),
            ("0", "0", Some("NaN")),
        ] {
            assert!(
                Reported::parse(lat, lng, acc).is_none(),
                "{lat},{lng},{acc:?}"
            );
        }
    }
}
