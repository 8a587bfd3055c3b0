//! When a recurring plan's visits fall: weekly, every two or four weeks, monthly on a day
//! of the month or on the nth weekday, from a start date to an optional end, with a pause.
//! Pure date arithmetic in the business's calendar; the generator books what this yields.

use crate::error::FieldError;
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

/// How often a plan's visits come.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "every", rename_all = "snake_case")]
pub enum Frequency {
    /// Every `weeks` weeks (1, 2 or 4) on the start date's weekday.
    Weeks { weeks: u8 },
    /// Monthly on this day (1 to 31; the last day in shorter months).
    MonthDay { day: u8 },
    /// Monthly on the `nth` (1 to 4, or -1 for the last) `weekday` (Monday = 1).
    NthWeekday { nth: i8, weekday: u8 },
}

impl Frequency {
    /// The form's choices: `weekly`, `every_2_weeks`, `every_4_weeks`, `monthly_day`,
    /// `monthly_weekday`; the monthly ones take the start date's day or weekday.
    pub fn parse(raw: &str, start: Date) -> Option<Self> {
        let weekday = u8::try_from(start.weekday().to_monday_one_offset()).ok()?;
        let nth = (start.day() - 1) / 7 + 1;
        // The fifth of a weekday does not come every month: it means the last.
        let nth = if nth > 4 { -1 } else { nth };
        match raw {
            "weekly" => Some(Self::Weeks { weeks: 1 }),
            "every_2_weeks" => Some(Self::Weeks { weeks: 2 }),
            "every_4_weeks" => Some(Self::Weeks { weeks: 4 }),
            "monthly_day" => Some(Self::MonthDay {
                day: u8::try_from(start.day()).ok()?,
            }),
            "monthly_weekday" => Some(Self::NthWeekday { nth, weekday }),
            _ => None,
        }
    }

    /// The form's value for this frequency.
    pub fn key(self) -> &'static str {
        match self {
            Self::Weeks { weeks: 1 } => "weekly",
            Self::Weeks { weeks: 2 } => "every_2_weeks",
            Self::Weeks { .. } => "every_4_weeks",
            Self::MonthDay { .. } => "monthly_day",
            Self::NthWeekday { .. } => "monthly_weekday",
        }
    }

    pub const KEYS: [&'static str; 5] = [
        "weekly",
        "every_2_weeks",
        "every_4_weeks",
        "monthly_day",
        "monthly_weekday",
    ];
}

/// A plan's rule: from `starts` (its first possible visit) to `ends` (inclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recurrence {
    pub frequency: Frequency,
    pub starts: Date,
    pub ends: Option<Date>,
}

fn weekday_of(iso: u8) -> Option<Weekday> {
    Weekday::from_monday_one_offset(i8::try_from(iso).ok()?).ok()
}

/// The `nth` (or last, for -1) `weekday` of the month of `first` (its first day).
fn nth_weekday(first: Date, nth: i8, weekday: Weekday) -> Option<Date> {
    if nth == -1 {
        let last = first.last_of_month();
        let back = (last.weekday().to_monday_zero_offset() - weekday.to_monday_zero_offset())
            .rem_euclid(7);
        return last.checked_sub(i64::from(back).days()).ok();
    }
    let ahead =
        (weekday.to_monday_zero_offset() - first.weekday().to_monday_zero_offset()).rem_euclid(7);
    let day = first
        .checked_add((i64::from(ahead) + 7 * i64::from(nth - 1)).days())
        .ok()?;
    (day.month() == first.month()).then_some(day)
}

/// The day `pick` chooses in each month (given its first day), within `[from, until]`.
fn monthly(from: Date, until: Date, pick: impl Fn(Date) -> Option<Date>) -> Vec<Date> {
    let mut out = Vec::new();
    let mut month = from.first_of_month();
    while month <= until {
        if let Some(d) = pick(month).filter(|d| *d >= from && *d <= until) {
            out.push(d);
        }
        match month.checked_add(1.month()) {
            Ok(next) => month = next,
            Err(_) => break,
        }
    }
    out
}

impl Recurrence {
    /// The visit days in `[from, until]`, in order. The result over a range is the same
    /// as over its parts joined: what a generator running day by day, or twice, sees.
    pub fn days(&self, from: Date, until: Date) -> Vec<Date> {
        let from = from.max(self.starts);
        let until = match self.ends {
            Some(end) => until.min(end),
            None => until,
        };
        let mut out = Vec::new();
        if from > until {
            return out;
        }
        match self.frequency {
            Frequency::Weeks { weeks } => {
                let period = 7 * i64::from(weeks.max(1));
                let since = self.starts.until(from).map(|s| s.get_days()).unwrap_or(0);
                let skip = (i64::from(since) + period - 1).div_euclid(period);
                let mut day = self.starts.checked_add((skip * period).days()).ok();
                while let Some(d) = day.filter(|d| *d <= until) {
                    out.push(d);
                    day = d.checked_add(period.days()).ok();
                }
            }
            Frequency::MonthDay { day } => {
                out = monthly(from, until, |month| {
                    let last = month.last_of_month().day();
                    let wanted = i8::try_from(day).unwrap_or(1).clamp(1, last);
                    month.with().day(wanted).build().ok()
                });
            }
            Frequency::NthWeekday { nth, weekday } => {
                if let Some(weekday) = weekday_of(weekday) {
                    out = monthly(from, until, |month| nth_weekday(month, nth, weekday));
                }
            }
        }
        out
    }
}

/// How far from today a plan's first visit may be.
pub const START_MAX_DAYS: i64 = 366;

/// A plan's rule as typed: `frequency`, `starts` (a date), `ends` (optional).
pub fn parse_recurrence<'a>(
    value: impl Fn(&str) -> &'a str,
    today: Date,
) -> Result<Recurrence, Vec<(&'static str, FieldError)>> {
    let mut problems = Vec::new();
    let date = |name: &'static str, required: bool, problems: &mut Vec<_>| match value(name).trim()
    {
        "" if required => {
            problems.push((name, FieldError::Required));
            None
        }
        "" => None,
        raw => match raw.parse::<Date>() {
            Ok(d) => Some(d),
            Err(_) => {
                problems.push((name, FieldError::InvalidDate));
                None
            }
        },
    };
    let starts = date("starts", true, &mut problems);
    let ends = date("ends", false, &mut problems);
    if let Some(s) = starts {
        let latest = today.checked_add(START_MAX_DAYS.days()).unwrap_or(today);
        if s < today || s > latest {
            problems.push(("starts", FieldError::OutOfRange));
        }
    }
    if let (Some(s), Some(e)) = (starts, ends)
        && e < s
    {
        problems.push(("ends", FieldError::EndsBeforeStart));
    }
    let frequency = match (value("frequency").trim(), starts) {
        ("", _) => {
            problems.push(("frequency", FieldError::Required));
            None
        }
        (raw, Some(s)) => Frequency::parse(raw, s).or_else(|| {
            problems.push(("frequency", FieldError::OutOfRange));
            None
        }),
        (_, None) => None,
    };
    match (frequency, starts) {
        (Some(frequency), Some(starts)) if problems.is_empty() => Ok(Recurrence {
            frequency,
            starts,
            ends,
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    fn rule(frequency: Frequency, starts: Date) -> Recurrence {
        Recurrence {
            frequency,
            starts,
            ends: None,
        }
    }

    #[test]
    fn weeks_keep_the_start_weekday_and_the_step() {
        let r = rule(Frequency::Weeks { weeks: 2 }, date(2026, 12, 1));
        assert_eq!(
            r.days(date(2026, 12, 5), date(2027, 1, 1)),
            [date(2026, 12, 15), date(2026, 12, 29)]
        );
        let r = Recurrence {
            ends: Some(date(2026, 12, 15)),
            ..rule(Frequency::Weeks { weeks: 1 }, date(2026, 12, 1))
        };
        assert_eq!(
            r.days(date(2026, 11, 1), date(2027, 1, 1)),
            [date(2026, 12, 1), date(2026, 12, 8), date(2026, 12, 15)]
        );
    }

    #[test]
    fn months_take_the_last_day_when_shorter_and_the_nth_weekday() {
        let r = rule(Frequency::MonthDay { day: 31 }, date(2027, 1, 31));
        assert_eq!(
            r.days(date(2027, 1, 1), date(2027, 4, 30)),
            [
                date(2027, 1, 31),
                date(2027, 2, 28),
                date(2027, 3, 31),
                date(2027, 4, 30)
            ]
        );
        // The second Tuesday, and the last Friday.
        let start = date(2026, 12, 8);
        let second_tuesday = Frequency::parse("monthly_weekday", start).expect("rule");
        assert_eq!(second_tuesday, Frequency::NthWeekday { nth: 2, weekday: 2 });
        assert_eq!(
            rule(second_tuesday, start).days(start, date(2027, 2, 28)),
            [date(2026, 12, 8), date(2027, 1, 12), date(2027, 2, 9)]
        );
        let last_friday = Frequency::parse("monthly_weekday", date(2026, 10, 30)).expect("rule");
        assert_eq!(
            last_friday,
            Frequency::NthWeekday {
                nth: -1,
                weekday: 5
            }
        );
        assert_eq!(
            rule(last_friday, date(2026, 10, 30)).days(date(2026, 11, 1), date(2027, 1, 31)),
            [date(2026, 11, 27), date(2026, 12, 25), date(2027, 1, 29)]
        );
    }

    #[test]
    fn the_form_names_what_is_wrong() {
        let today = date(2026, 11, 24);
        let form = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map_or("", |(_, v)| *v)
            }
        };
        let ok = parse_recurrence(
            form(&[("frequency", "every_4_weeks"), ("starts", "2026-12-02")]),
            today,
        )
        .expect("rule");
        assert_eq!(ok.frequency, Frequency::Weeks { weeks: 4 });
        let err = parse_recurrence(
            form(&[
                ("frequency", "daily"),
                ("starts", "2026-11-01"),
                ("ends", "2026-10-01"),
            ]),
            today,
        )
        .expect_err("refused");
        assert_eq!(
            err,
            vec![
                ("starts", FieldError::OutOfRange),
                ("ends", FieldError::EndsBeforeStart),
                ("frequency", FieldError::OutOfRange)
            ]
        );
    }

    fn any_frequency() -> impl Strategy<Value = Frequency> {
        prop_oneof![
            prop::sample::select(vec![1u8, 2, 4]).prop_map(|weeks| Frequency::Weeks { weeks }),
            (1u8..=31).prop_map(|day| Frequency::MonthDay { day }),
            (prop::sample::select(vec![1i8, 2, 3, 4, -1]), 1u8..=7)
                .prop_map(|(nth, weekday)| Frequency::NthWeekday { nth, weekday }),
        ]
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (0i64..3000).prop_map(|n| date(2026, 1, 1).checked_add(n.days()).expect("date"))
    }

    proptest! {
        #[test]
        fn days_are_ordered_inside_the_rule_and_split_ranges_agree(
            frequency in any_frequency(),
            starts in any_date(),
            end_after in prop::option::of(0i64..800),
            from in any_date(),
            length in 0i64..500,
            cut in 0i64..500,
        ) {
            let ends = end_after.map(|n| starts.checked_add(n.days()).expect("date"));
            let r = Recurrence { frequency, starts, ends };
            let until = from.checked_add(length.days()).expect("date");
            let days = r.days(from, until);
            for pair in days.windows(2) {
                prop_assert!(pair[0] < pair[1]);
            }
            for d in &days {
                prop_assert!(*d >= from && *d <= until && *d >= starts);
                prop_assert!(ends.is_none_or(|e| *d <= e));
                match frequency {
                    Frequency::Weeks { weeks } => {
                        let since = starts.until(*d).expect("span").get_days();
                        prop_assert_eq!(i64::from(since) % (7 * i64::from(weeks)), 0);
                    }
                    Frequency::MonthDay { day } => {
                        let wanted = i8::try_from(day).expect("day").min(d.last_of_month().day());
                        prop_assert_eq!(d.day(), wanted);
                    }
                    Frequency::NthWeekday { weekday, .. } => {
                        prop_assert_eq!(
                            d.weekday().to_monday_one_offset(),
                            i8::try_from(weekday).expect("weekday")
                        );
                    }
                }
            }
            // One visit a period at most: months hold one, weeks are a period apart.
            if !matches!(frequency, Frequency::Weeks { .. }) {
                for pair in days.windows(2) {
                    prop_assert!(pair[0].first_of_month() != pair[1].first_of_month());
                }
            }
            // A generator cutting the range anywhere sees the same days.
            let cut = from.checked_add(cut.min(length).days()).expect("date");
            let mut joined = r.days(from, cut);
            if let Ok(next) = cut.tomorrow() {
                joined.extend(r.days(next, until));
            }
            prop_assert_eq!(joined, days);
        }
    }
}
