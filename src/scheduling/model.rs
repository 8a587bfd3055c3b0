//! What the engine reasons about, as typed values that cannot hold nonsense: each is built
//! by a constructor that refuses bad input with a [`ScheduleError`].

use super::ScheduleError;
use super::geo::GeoPoint;
use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

/// Minutes after local midnight, from 0 (00:00) to 1440 (24:00, the end of the day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DayMinute(u16);

impl DayMinute {
    pub const MIDNIGHT: DayMinute = DayMinute(0);
    pub const END_OF_DAY: DayMinute = DayMinute(1440);

    pub fn new(minutes: u32) -> Result<Self, ScheduleError> {
        u16::try_from(minutes)
            .ok()
            .filter(|m| *m <= 1440)
            .map(Self)
            .ok_or(ScheduleError::TimeOfDayOutOfRange(minutes))
    }

    /// `HH:MM`, with `24:00` for the end of the day.
    pub fn parse(raw: &str) -> Result<Self, ScheduleError> {
        let bad = || ScheduleError::MalformedTimeOfDay(raw.to_string());
        let (h, m) = raw.trim().split_once(':').ok_or_else(bad)?;
        let (h, m): (u32, u32) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
        if h > 24 || m >= 60 {
            return Err(bad());
        }
        Self::new(h * 60 + m).map_err(|_| bad())
    }

    pub fn minutes(self) -> u32 {
        u32::from(self.0)
    }
}

/// Working time within one local day: starts strictly before it ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ShiftSpan {
    start: DayMinute,
    end: DayMinute,
}

impl ShiftSpan {
    pub fn new(start: DayMinute, end: DayMinute) -> Result<Self, ScheduleError> {
        if start < end {
            Ok(Self { start, end })
        } else {
            Err(ScheduleError::ShiftEndsBeforeItStarts {
                start: start.minutes(),
                end: end.minutes(),
            })
        }
    }

    pub fn start(self) -> DayMinute {
        self.start
    }

    pub fn end(self) -> DayMinute {
        self.end
    }
}

/// Regular working hours per weekday; several spans a day make a split shift.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WeeklyHours {
    /// Monday first.
    days: [Vec<ShiftSpan>; 7],
}

impl WeeklyHours {
    /// Adds a span to a weekday; spans of one day may not overlap.
    pub fn add(&mut self, day: Weekday, span: ShiftSpan) -> Result<(), ScheduleError> {
        let spans = &mut self.days[weekday_index(day)];
        if spans
            .iter()
            .any(|s| s.start < span.end && span.start < s.end)
        {
            return Err(ScheduleError::OverlappingShifts);
        }
        spans.push(span);
        spans.sort();
        Ok(())
    }

    pub fn on(&self, day: Weekday) -> &[ShiftSpan] {
        &self.days[weekday_index(day)]
    }
}

fn weekday_index(day: Weekday) -> usize {
    usize::try_from(day.to_monday_zero_offset()).unwrap_or(0)
}

/// An absolute stretch of time, `start < end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    start: Timestamp,
    end: Timestamp,
}

impl Span {
    pub fn new(start: Timestamp, end: Timestamp) -> Result<Self, ScheduleError> {
        if start < end {
            Ok(Self { start, end })
        } else {
            Err(ScheduleError::EmptySpan)
        }
    }

    pub fn start(self) -> Timestamp {
        self.start
    }

    pub fn end(self) -> Timestamp {
        self.end
    }
}

/// Where a technician works: within a radius of a point, and/or in listed postal codes.
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceArea {
    circle: Option<(GeoPoint, f64)>,
    postal_codes: Vec<String>,
}

impl ServiceArea {
    pub fn new(
        circle: Option<(GeoPoint, f64)>,
        postal_codes: Vec<String>,
    ) -> Result<Self, ScheduleError> {
        if let Some((_, radius)) = circle
            && !(radius.is_finite() && radius > 0.0 && radius <= 20_000.0)
        {
            return Err(ScheduleError::InvalidRadius(radius));
        }
        let mut postal_codes: Vec<String> = postal_codes
            .into_iter()
            .map(|c| c.trim().to_uppercase())
            .filter(|c| !c.is_empty())
            .collect();
        postal_codes.sort();
        postal_codes.dedup();
        if circle.is_none() && postal_codes.is_empty() {
            return Err(ScheduleError::EmptyServiceArea);
        }
        Ok(Self {
            circle,
            postal_codes,
        })
    }

    /// Whether the place is inside the radius or in one of the postal codes.
    pub fn covers(&self, at: GeoPoint, postal_code: Option<&str>) -> bool {
        let in_circle = self
            .circle
            .is_some_and(|(centre, radius)| centre.distance_km(at) <= radius);
        in_circle
            || postal_code.is_some_and(|code| {
                let code = code.trim().to_uppercase();
                self.postal_codes.binary_search(&code).is_ok()
            })
    }
}

/// What a booking is for.
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceSpec {
    pub id: i64,
    pub name: String,
    duration: SignedDuration,
    buffer: SignedDuration,
    skills: Vec<String>,
}

impl ServiceSpec {
    pub fn new(
        id: i64,
        name: &str,
        duration: SignedDuration,
        buffer: SignedDuration,
        skills: Vec<String>,
    ) -> Result<Self, ScheduleError> {
        if duration <= SignedDuration::ZERO || duration > SignedDuration::from_hours(24) {
            return Err(ScheduleError::InvalidDuration);
        }
        if buffer < SignedDuration::ZERO || buffer > SignedDuration::from_hours(24) {
            return Err(ScheduleError::InvalidBuffer);
        }
        Ok(Self {
            id,
            name: name.to_string(),
            duration,
            buffer,
            skills: normalise_skills(skills),
        })
    }

    pub fn duration(&self) -> SignedDuration {
        self.duration
    }

    pub fn buffer(&self) -> SignedDuration {
        self.buffer
    }

    pub fn skills(&self) -> &[String] {
        &self.skills
    }
}

fn normalise_skills(skills: Vec<String>) -> Vec<String> {
    let mut skills: Vec<String> = skills
        .into_iter()
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty())
        .collect();
    skills.sort();
    skills.dedup();
    skills
}

/// A technician as the engine sees them.
#[derive(Clone, Debug, PartialEq)]
pub struct Technician {
    pub id: i64,
    pub name: String,
    skills: Vec<String>,
    hours: WeeklyHours,
    time_off: Vec<Span>,
    extra_shifts: Vec<(Date, ShiftSpan)>,
    home: GeoPoint,
    area: ServiceArea,
}

impl Technician {
    pub fn new(
        id: i64,
        name: &str,
        skills: Vec<String>,
        home: GeoPoint,
        area: ServiceArea,
    ) -> Self {
        Self {
            id,
            name: name.to_string(),
            skills: normalise_skills(skills),
            hours: WeeklyHours::default(),
            time_off: Vec::new(),
            extra_shifts: Vec::new(),
            home,
            area,
        }
    }

    pub fn with_hours(mut self, hours: WeeklyHours) -> Self {
        self.hours = hours;
        self
    }

    pub fn add_time_off(&mut self, span: Span) {
        self.time_off.push(span);
        self.time_off.sort();
    }

    pub fn add_extra_shift(&mut self, date: Date, span: ShiftSpan) {
        self.extra_shifts.push((date, span));
        self.extra_shifts.sort();
    }

    pub fn skills(&self) -> &[String] {
        &self.skills
    }

    pub fn home(&self) -> GeoPoint {
        self.home
    }

    pub fn hours(&self) -> &WeeklyHours {
        &self.hours
    }

    pub fn time_off(&self) -> &[Span] {
        &self.time_off
    }

    pub fn extra_shifts(&self) -> &[(Date, ShiftSpan)] {
        &self.extra_shifts
    }

    pub fn area(&self) -> &ServiceArea {
        &self.area
    }

    /// Whether the technician has every skill the service requires.
    pub fn qualified_for(&self, service: &ServiceSpec) -> bool {
        service
            .skills
            .iter()
            .all(|s| self.skills.binary_search(s).is_ok())
    }
}

/// Work already planned: the technician is busy at `location` from `start` until `end`
/// (the job's end plus its buffer, when the technician is free to leave).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Job {
    pub technician: i64,
    span: Span,
    location: GeoPoint,
}

impl Job {
    pub fn new(
        technician: i64,
        start: Timestamp,
        end: Timestamp,
        location: GeoPoint,
    ) -> Result<Self, ScheduleError> {
        Ok(Self {
            technician,
            span: Span::new(start, end)?,
            location,
        })
    }

    pub fn start(&self) -> Timestamp {
        self.span.start
    }

    pub fn end(&self) -> Timestamp {
        self.span.end
    }

    pub fn location(&self) -> GeoPoint {
        self.location
    }
}

/// Travel time: great-circle distance × road factor ÷ average speed, rounded up to the
/// second, plus a fixed allowance (parking, walking to the door).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TravelModel {
    road_factor: f64,
    speed_kmh: f64,
    fixed: SignedDuration,
}

impl TravelModel {
    pub fn new(
        road_factor: f64,
        speed_kmh: f64,
        fixed: SignedDuration,
    ) -> Result<Self, ScheduleError> {
        if !(road_factor.is_finite() && (1.0..=5.0).contains(&road_factor)) {
            return Err(ScheduleError::InvalidRoadFactor(road_factor));
        }
        if !(speed_kmh.is_finite() && speed_kmh > 0.0 && speed_kmh <= 300.0) {
            return Err(ScheduleError::InvalidSpeed(speed_kmh));
        }
        if fixed < SignedDuration::ZERO || fixed > SignedDuration::from_hours(4) {
            return Err(ScheduleError::InvalidTravelBuffer);
        }
        Ok(Self {
            road_factor,
            speed_kmh,
            fixed,
        })
    }

    pub fn between(&self, a: GeoPoint, b: GeoPoint) -> SignedDuration {
        let hours = a.distance_km(b) * self.road_factor / self.speed_kmh;
        // Whole seconds, rounded up; at most a day for any two points on Earth.
        let secs = (hours * 3600.0).ceil().clamp(0.0, 86_400.0);
        SignedDuration::from_secs(secs as i64) + self.fixed
    }
}

/// The business's booking rules.
#[derive(Clone, Debug)]
pub struct Rules {
    time_zone: TimeZone,
    min_notice: SignedDuration,
    horizon_days: u16,
    window: SignedDuration,
    step: SignedDuration,
    travel: TravelModel,
}

impl Rules {
    pub fn new(
        time_zone: &str,
        min_notice: SignedDuration,
        horizon_days: u16,
        window: SignedDuration,
        step: SignedDuration,
        travel: TravelModel,
    ) -> Result<Self, ScheduleError> {
        let time_zone = TimeZone::get(time_zone)
            .map_err(|_| ScheduleError::UnknownTimeZone(time_zone.to_string()))?;
        let whole_minutes = |d: SignedDuration| d.as_secs() % 60 == 0 && d.subsec_nanos() == 0;
        if min_notice < SignedDuration::ZERO {
            return Err(ScheduleError::NegativeNotice);
        }
        if !(1..=366).contains(&horizon_days) {
            return Err(ScheduleError::InvalidHorizon(horizon_days));
        }
        let day = SignedDuration::from_hours(24);
        if window <= SignedDuration::ZERO || window > day || !whole_minutes(window) {
            return Err(ScheduleError::InvalidWindow);
        }
        if step <= SignedDuration::ZERO || step > day || !whole_minutes(step) {
            return Err(ScheduleError::InvalidStep);
        }
        Ok(Self {
            time_zone,
            min_notice,
            horizon_days,
            window,
            step,
            travel,
        })
    }

    pub fn time_zone(&self) -> &TimeZone {
        &self.time_zone
    }

    pub fn min_notice(&self) -> SignedDuration {
        self.min_notice
    }

    pub fn horizon_days(&self) -> u16 {
        self.horizon_days
    }

    pub fn window(&self) -> SignedDuration {
        self.window
    }

    pub fn step(&self) -> SignedDuration {
        self.step
    }

    pub fn travel(&self) -> &TravelModel {
        &self.travel
    }
}
