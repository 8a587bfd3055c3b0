//! A technician as the office sets them up for scheduling: skills, home base, service area
//! (a radius around home and/or postal codes), weekly hours with split shifts, time off and
//! extra shifts. Every form is read here, field by field, into values the engine accepts.

use crate::catalogue::parse_skills;
use crate::error::FieldError;
use crate::fields::{decimal, optional_text};
use crate::places::Position;
use jiff::civil::{Date, DateTime, Time};
use serde::{Deserialize, Serialize};

/// Skills, home and area: what decides which visits a technician can take.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TechnicianProfile {
    /// Lower case, without repeats.
    pub skills: Vec<String>,
    pub home: Position,
    /// Kilometres around home, as the crow flies.
    pub radius_km: Option<f64>,
    /// Upper case, without repeats.
    pub postal_codes: Vec<String>,
}

pub const RADIUS_MAX_KM: i64 = 500;
pub const POSTAL_CODES_MAX: usize = 200;
pub const REASON_MAX: usize = 200;
/// The longest time off one entry may hold.
pub const TIME_OFF_MAX_DAYS: i64 = 366;

/// `10961, 10965` as typed: each code letters, digits, spaces and dashes, at most 10.
fn postal_codes(raw: &str) -> Result<Vec<String>, FieldError> {
    let mut out: Vec<String> = Vec::new();
    for code in raw.split([',', ';', '\n']).map(|c| c.trim().to_uppercase()) {
        if code.is_empty() {
            continue;
        }
        let ok = code.chars().count() <= 10
            && code
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-');
        if !ok {
            return Err(FieldError::InvalidPostalCodes);
        }
        if !out.contains(&code) {
            out.push(code);
        }
    }
    if out.len() > POSTAL_CODES_MAX {
        return Err(FieldError::InvalidPostalCodes);
    }
    Ok(out)
}

impl TechnicianProfile {
    /// Reads `skills`, `home_latitude`, `home_longitude`, `radius_km` and `postal_codes`;
    /// a technician needs a radius, postal codes or both. Every refused field is named.
    pub fn parse<'a>(
        value: impl Fn(&str) -> &'a str,
    ) -> Result<Self, Vec<(&'static str, FieldError)>> {
        let mut problems = Vec::new();
        let skills = parse_skills(value("skills"))
            .map_err(|e| problems.push(("skills", e)))
            .ok();
        let latitude = decimal(value("home_latitude"), -90, 90)
            .map_err(|e| problems.push(("home_latitude", e)))
            .ok();
        let longitude = decimal(value("home_longitude"), -180, 180)
            .map_err(|e| problems.push(("home_longitude", e)))
            .ok();
        let radius = match value("radius_km").trim() {
            "" => Ok(None),
            raw => decimal(raw, 0, RADIUS_MAX_KM).and_then(|r| {
                if r > 0.0 {
                    Ok(Some(r))
                } else {
                    Err(FieldError::Between {
                        min: 0,
                        max: RADIUS_MAX_KM,
                    })
                }
            }),
        }
        .map_err(|e| problems.push(("radius_km", e)))
        .ok();
        let codes = postal_codes(value("postal_codes"))
            .map_err(|e| problems.push(("postal_codes", e)))
            .ok();
        if let (Some(None), Some(codes)) = (radius, &codes)
            && codes.is_empty()
        {
            problems.push(("radius_km", FieldError::AreaNeeded));
        }
        match (skills, latitude, longitude, radius, codes) {
            (Some(skills), Some(lat), Some(lng), Some(radius_km), Some(postal_codes))
                if problems.is_empty() =>
            {
                let home = Position::new(lat, lng)
                    .ok_or_else(|| vec![("home_latitude", FieldError::OutOfRange)])?;
                Ok(Self {
                    skills,
                    home,
                    radius_km,
                    postal_codes,
                })
            }
            _ => Err(problems),
        }
    }
}

/// Working time within one local day, in minutes after midnight (`end` up to 1440).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DaySpan {
    pub start_min: u16,
    pub end_min: u16,
}

/// `8`, `8:30`, `08.30` or `24:00`.
pub fn parse_time_of_day(raw: &str) -> Option<u16> {
    let raw = raw.trim();
    let (h, m) = match raw.split_once([':', '.', 'h']) {
        Some((h, m)) => (h, if m.is_empty() { "0" } else { m }),
        None => (raw, "0"),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || !digits(m) {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    let minutes = h * 60 + m;
    (h <= 24 && m < 60 && minutes <= 1440).then_some(minutes)
}

/// `08:30`; 1440 is `24:00`.
pub fn time_of_day(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// One day's hours as typed: `08:00–12:00, 13:00–17:00` (a split shift), empty for a day off.
pub fn parse_day_hours(raw: &str) -> Result<Vec<DaySpan>, FieldError> {
    let mut spans: Vec<DaySpan> = Vec::new();
    for part in raw.split([',', ';']).map(str::trim) {
        if part.is_empty() {
            continue;
        }
        let (from, to) = part
            .split_once(['-', '–', '—'])
            .ok_or(FieldError::InvalidHours)?;
        let (start_min, end_min) = parse_time_of_day(from)
            .zip(parse_time_of_day(to))
            .ok_or(FieldError::InvalidHours)?;
        if start_min >= end_min {
            return Err(FieldError::InvalidHours);
        }
        spans.push(DaySpan { start_min, end_min });
    }
    spans.sort();
    if spans.windows(2).any(|w| w[1].start_min < w[0].end_min) {
        return Err(FieldError::OverlappingHours);
    }
    if spans.len() > 6 {
        return Err(FieldError::InvalidHours);
    }
    Ok(spans)
}

/// The way the form shows a day: `08:00–12:00, 13:00–17:00`.
pub fn format_day_hours(spans: &[DaySpan]) -> String {
    spans
        .iter()
        .map(|s| format!("{}–{}", time_of_day(s.start_min), time_of_day(s.end_min)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Regular hours, Monday first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekHours {
    pub days: [Vec<DaySpan>; 7],
}

impl WeekHours {
    /// The form field of a weekday, Monday being 1.
    pub fn field(iso_weekday: usize) -> String {
        format!("hours_{iso_weekday}")
    }

    /// Reads `hours_1` (Monday) to `hours_7` (Sunday).
    pub fn parse<'a>(value: impl Fn(&str) -> &'a str) -> Result<Self, Vec<(String, FieldError)>> {
        let mut week = Self::default();
        let mut problems = Vec::new();
        for (index, day) in week.days.iter_mut().enumerate() {
            let field = Self::field(index + 1);
            match parse_day_hours(value(&field)) {
                Ok(spans) => *day = spans,
                Err(e) => problems.push((field, e)),
            }
        }
        if problems.is_empty() {
            Ok(week)
        } else {
            Err(problems)
        }
    }

    /// Working minutes in the week.
    pub fn total_minutes(&self) -> u32 {
        self.days
            .iter()
            .flatten()
            .map(|s| u32::from(s.end_min - s.start_min))
            .sum()
    }
}

/// A date as a `date` input sends it (`2026-12-01`).
fn parse_date(raw: &str) -> Result<Date, FieldError> {
    match raw.trim() {
        "" => Err(FieldError::Required),
        raw => raw.parse::<Date>().map_err(|_| FieldError::InvalidDate),
    }
}

/// Time off in the business's local time, with an optional reason.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeOffDraft {
    pub starts: DateTime,
    pub ends: DateTime,
    pub reason: Option<String>,
}

impl TimeOffDraft {
    /// Reads `start_day`, `start_time`, `end_day`, `end_time` and `reason`. Without a time,
    /// time off starts at the beginning of its first day and ends with its last day.
    pub fn parse<'a>(
        value: impl Fn(&str) -> &'a str,
    ) -> Result<Self, Vec<(&'static str, FieldError)>> {
        let mut problems = Vec::new();
        let mut moment = |day: &'static str, time: &'static str, end: bool| {
            let date = parse_date(value(day))
                .map_err(|e| problems.push((day, e)))
                .ok();
            let at = match value(time).trim() {
                "" => Ok(None),
                raw => parse_time_of_day(raw)
                    .map(Some)
                    .ok_or(FieldError::InvalidTime),
            }
            .map_err(|e| problems.push((time, e)))
            .ok()?;
            let date = date?;
            let minutes = match at {
                Some(m) => m,
                None if end => 1440,
                None => 0,
            };
            let (date, minutes) = if minutes == 1440 {
                (date.tomorrow().ok()?, 0)
            } else {
                (date, minutes)
            };
            let hour = i8::try_from(minutes / 60).ok()?;
            let minute = i8::try_from(minutes % 60).ok()?;
            Some(date.to_datetime(Time::new(hour, minute, 0, 0).ok()?))
        };
        let starts = moment("start_day", "start_time", false);
        let ends = moment("end_day", "end_time", true);
        let reason = optional_text(value("reason"), REASON_MAX)
            .map_err(|e| problems.push(("reason", e)))
            .ok();
        if let (Some(s), Some(e)) = (starts, ends) {
            if e <= s {
                problems.push(("end_day", FieldError::EndsBeforeStart));
            } else if s
                .date()
                .checked_add(jiff::Span::new().days(TIME_OFF_MAX_DAYS))
                .is_ok_and(|limit| e.date() > limit)
            {
                problems.push((
                    "end_day",
                    FieldError::Between {
                        min: 0,
                        max: TIME_OFF_MAX_DAYS,
                    },
                ));
            }
        }
        match (starts, ends, reason) {
            (Some(starts), Some(ends), Some(reason)) if problems.is_empty() => Ok(Self {
                starts,
                ends,
                reason,
            }),
            _ => Err(problems),
        }
    }
}

/// Work on a day outside the regular hours.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExtraShiftDraft {
    pub day: Date,
    pub span: DaySpan,
}

impl ExtraShiftDraft {
    /// Reads `day`, `from` and `until`.
    pub fn parse<'a>(
        value: impl Fn(&str) -> &'a str,
    ) -> Result<Self, Vec<(&'static str, FieldError)>> {
        let mut problems = Vec::new();
        let day = parse_date(value("day"))
            .map_err(|e| problems.push(("day", e)))
            .ok();
        let time = |name: &'static str, problems: &mut Vec<_>| match value(name).trim() {
            "" => {
                problems.push((name, FieldError::Required));
                None
            }
            raw => parse_time_of_day(raw).or_else(|| {
                problems.push((name, FieldError::InvalidTime));
                None
            }),
        };
        let from = time("from", &mut problems);
        let until = time("until", &mut problems);
        if let (Some(f), Some(u)) = (from, until)
            && u <= f
        {
            problems.push(("until", FieldError::EndsBeforeStart));
        }
        match (day, from, until) {
            (Some(day), Some(start_min), Some(end_min)) if problems.is_empty() => Ok(Self {
                day,
                span: DaySpan { start_min, end_min },
            }),
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> &'a str {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map_or("", |(_, v)| *v)
        }
    }

    #[test]
    fn hours_are_read_as_people_write_them() {
        let span = |s, e| DaySpan {
            start_min: s,
            end_min: e,
        };
        assert_eq!(
            parse_day_hours("8-12, 13:00–17:30"),
            Ok(vec![span(480, 720), span(780, 1050)])
        );
        assert_eq!(
            parse_day_hours(" 13:00—17:00 ; 07.30-12 "),
            Ok(vec![span(450, 720), span(780, 1020)])
        );
        assert_eq!(parse_day_hours("22:00-24:00"), Ok(vec![span(1320, 1440)]));
        assert_eq!(parse_day_hours("  "), Ok(vec![]));
        for bad in ["8", "8-25", "12-8", "8:60-9", "x-y", "24:30-24:40", "-1-3"] {
            assert_eq!(parse_day_hours(bad), Err(FieldError::InvalidHours), "{bad}");
        }
        assert_eq!(
            parse_day_hours("8-12, 11-14"),
            Err(FieldError::OverlappingHours)
        );
        assert_eq!(
            format_day_hours(&[span(480, 720), span(780, 1440)]),
            "08:00–12:00, 13:00–24:00"
        );
        // What is shown reads back as the same hours.
        let shown = format_day_hours(&[span(450, 720), span(780, 1020)]);
        assert_eq!(
            parse_day_hours(&shown),
            Ok(vec![span(450, 720), span(780, 1020)])
        );
    }

    #[test]
    fn a_week_names_each_refused_day() {
        let err = WeekHours::parse(form(&[("hours_1", "8-16"), ("hours_3", "nine to five")]))
            .expect_err("refused");
        assert_eq!(err, vec![("hours_3".to_string(), FieldError::InvalidHours)]);
        let week = WeekHours::parse(form(&[("hours_1", "8-12, 13-17"), ("hours_6", "9-13")]))
            .expect("week");
        assert_eq!(week.days[0].len(), 2);
        assert!(week.days[1].is_empty());
        assert_eq!(week.total_minutes(), 12 * 60);
    }

    #[test]
    fn a_profile_needs_a_home_and_an_area() {
        let ok = TechnicianProfile::parse(form(&[
            ("skills", "HVAC, gas, hvac"),
            ("home_latitude", "52,52"),
            ("home_longitude", "13.40"),
            ("radius_km", "25"),
            ("postal_codes", "10961; 10965 ,10961"),
        ]))
        .expect("profile");
        assert_eq!(ok.skills, ["hvac", "gas"]);
        assert_eq!(ok.postal_codes, ["10961", "10965"]);
        assert_eq!(ok.radius_km, Some(25.0));
        let err = TechnicianProfile::parse(form(&[
            ("home_latitude", "95"),
            ("home_longitude", ""),
            ("postal_codes", "<script>"),
        ]))
        .expect_err("refused");
        assert_eq!(
            err,
            vec![
                ("home_latitude", FieldError::Between { min: -90, max: 90 }),
                ("home_longitude", FieldError::Required),
                ("postal_codes", FieldError::InvalidPostalCodes),
            ]
        );
        let err = TechnicianProfile::parse(form(&[
            ("home_latitude", "52"),
            ("home_longitude", "13"),
            ("radius_km", ""),
        ]))
        .expect_err("refused");
        assert_eq!(err, vec![("radius_km", FieldError::AreaNeeded)]);
        let err = TechnicianProfile::parse(form(&[
            ("home_latitude", "52"),
            ("home_longitude", "13"),
            ("radius_km", "0"),
        ]))
        .expect_err("refused");
        assert_eq!(err[0].0, "radius_km");
    }

    #[test]
    fn time_off_takes_whole_days_or_times() {
        let off = TimeOffDraft::parse(form(&[
            ("start_day", "2026-12-24"),
            ("end_day", "2026-12-26"),
            ("reason", " Holidays "),
        ]))
        .expect("days");
        assert_eq!(off.starts.to_string(), "2026-12-24T00:00:00");
        assert_eq!(off.ends.to_string(), "2026-12-27T00:00:00");
        assert_eq!(off.reason.as_deref(), Some("Holidays"));
        let off = TimeOffDraft::parse(form(&[
            ("start_day", "2026-12-01"),
            ("start_time", "08:00"),
            ("end_day", "2026-12-01"),
            ("end_time", "12:30"),
        ]))
        .expect("times");
        assert_eq!(off.starts.to_string(), "2026-12-01T08:00:00");
        assert_eq!(off.ends.to_string(), "2026-12-01T12:30:00");
        assert_eq!(off.reason, None);
        let err = TimeOffDraft::parse(form(&[
            ("start_day", "2026-12-01"),
            ("start_time", "08:00"),
            ("end_day", "2026-12-01"),
            ("end_time", "07:00"),
        ]))
        .expect_err("refused");
        assert_eq!(err, vec![("end_day", FieldError::EndsBeforeStart)]);
        let err = TimeOffDraft::parse(form(&[
            ("start_day", "tomorrow"),
            ("start_time", "8 o'clock"),
        ]))
        .expect_err("refused");
        assert_eq!(
            err,
            vec![
                ("start_day", FieldError::InvalidDate),
                ("start_time", FieldError::InvalidTime),
                ("end_day", FieldError::Required)
            ]
        );
        let err = TimeOffDraft::parse(form(&[
            ("start_day", "2026-01-01"),
            ("end_day", "2028-01-01"),
        ]))
        .expect_err("refused");
        assert_eq!(err[0].0, "end_day");
    }

    #[test]
    fn an_extra_shift_is_a_day_and_two_times() {
        let shift = ExtraShiftDraft::parse(form(&[
            ("day", "2026-12-05"),
            ("from", "9"),
            ("until", "13:30"),
        ]))
        .expect("shift");
        assert_eq!(
            shift.span,
            DaySpan {
                start_min: 540,
                end_min: 810
            }
        );
        let err = ExtraShiftDraft::parse(form(&[
            ("day", "5.12.2026"),
            ("from", "14"),
            ("until", "13"),
        ]))
        .expect_err("refused");
        assert_eq!(
            err,
            vec![
                ("day", FieldError::InvalidDate),
                ("until", FieldError::EndsBeforeStart)
            ]
        );
    }
}
