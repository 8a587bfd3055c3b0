//! The scheduling engine: which arrival windows a customer is offered, and which
//! technician should take each. Pure computation over typed values: no IO, no clock
//! (the caller says what "now" is), deterministic.
//!
//! # The rule
//!
//! Times of day are read in the business time zone. A **window** is the real-time interval
//! `[s, s + width)` where `s` is an instant whose local wall-clock time is a whole number of
//! `step`s after local midnight on one of the requested dates. A local time skipped by a
//! daylight-saving change does not exist and starts no window; a local time that occurs
//! twice starts two windows, one at each instant. Every window lasts exactly `width` of real
//! time. Only windows with `now + min_notice <= s < now + horizon_days × 24 h` are considered.
//!
//! A technician's **working spans** on a date are their weekly hours for that weekday and
//! any extra shifts on that date, merged where they touch or overlap, converted to instants
//! (a time skipped by DST moves forward, a repeated one takes its first occurrence; 24:00 is
//! the next midnight), minus their time off.
//!
//! On each date the technician's **stops** are, span by span in time order: home base,
//! free at the first span's start; then each existing job of that date, in order of start,
//! free again at the later of its end and the previous stop's free time (a job's end
//! includes its buffer). Jobs that end before a span starts (before the first span, in a
//! break) only move the stop; those overlapping a span make its gaps. A later span of the
//! same date (after a break or time off) carries on from the last stop, whose free time may
//! lie before the span: the technician may set off then, but starts work within the span.
//! Within a span `[S, E)`, between a stop `P` (free at `p`) and the end of the span, the
//! service (duration `d`, buffer `b`) fits with a start `t` when
//!
//! * `t >= p + travel(P, customer)`, `t >= S` and `t >= now + min_notice`,
//! * `t + d + b <= E`, and
//! * `t + d + b + travel(customer, N) <= n` when the date has a next job `N`, starting at
//!   `n` (in this span, or in a later one).
//!
//! A window is **offered** when some technician who has every skill the service requires,
//! and whose service area covers the customer (within the radius, or one of the postal
//! codes), has such a `t` inside the window (`s <= t < s + width`); their **planned start**
//! is the earliest such `t`. Each candidate carries the travel the job adds to their day
//! (`travel(P, customer) + travel(customer, N) - travel(P, N)`, or just the first term when
//! the date has no later job) and the idle time it leaves in the span. Candidates are ranked by added
//! travel, then by the idle time left (tighter fits first), then planned start, then id.
//!
//! Travel is great-circle distance × road factor ÷ average speed, rounded up to the second,
//! plus a fixed allowance.

mod geo;
mod model;
mod search;

#[cfg(test)]
mod tests;

pub use geo::GeoPoint;
pub use model::{
    DayMinute, Job, Rules, ServiceArea, ServiceSpec, ShiftSpan, Span, Technician, TravelModel,
    WeeklyHours,
};
pub use search::{Candidate, Request, Window, best_technicians, search};

/// Why a scheduling input was refused. Every constructor of the model returns one of these
/// instead of accepting a value that would make the search meaningless.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ScheduleError {
    #[error("a shift must end after it starts (start {start} min, end {end} min)")]
    ShiftEndsBeforeItStarts { start: u32, end: u32 },
    #[error("shifts of the same day overlap")]
    OverlappingShifts,
    #[error("{0} minutes is not a time of day (0 to 1440)")]
    TimeOfDayOutOfRange(u32),
    #[error("{0:?} is not a time of day like 08:30")]
    MalformedTimeOfDay(String),
    #[error("a time span must end after it starts")]
    EmptySpan,
    #[error("a service must last more than zero and at most 24 hours")]
    InvalidDuration,
    #[error("a service's buffer must be between zero and 24 hours")]
    InvalidBuffer,
    #[error(
        "the arrival window must be a whole number of minutes, more than zero and at most 24 hours"
    )]
    InvalidWindow,
    #[error("the slot step must be a whole number of minutes, more than zero and at most 24 hours")]
    InvalidStep,
    #[error("minimum notice cannot be negative")]
    NegativeNotice,
    #[error("the booking horizon must be 1 to 366 days, not {0}")]
    InvalidHorizon(u16),
    #[error("{0:?} is not a time zone in the time-zone database")]
    UnknownTimeZone(String),
    #[error("latitude {lat} / longitude {lng} is not a place on Earth")]
    CoordinatesOutOfRange { lat: f64, lng: f64 },
    #[error("{0:?} is not a position like 52.52,13.40")]
    MalformedCoordinates(String),
    #[error("a service radius must be more than zero km and at most 20000 km, not {0}")]
    InvalidRadius(f64),
    #[error("a service area needs a radius or at least one postal code")]
    EmptyServiceArea,
    #[error("the road factor must be between 1 and 5, not {0}")]
    InvalidRoadFactor(f64),
    #[error("the average speed must be more than 0 and at most 300 km/h, not {0}")]
    InvalidSpeed(f64),
    #[error("the travel allowance must be between zero and 4 hours")]
    InvalidTravelBuffer,
}
