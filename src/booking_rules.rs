//! The business's booking rules as the office edits them: in the units people think in
//! (hours of notice, days ahead, minutes), parsed field by field so every mistake is
//! named next to its field at once.

use crate::error::FieldError;
use crate::fields::{decimal, whole};
use serde::{Deserialize, Serialize};

/// The rules, valid by construction when they come from [`BookingRules::parse`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct BookingRules {
    /// How soon the earliest window may start.
    pub min_notice_hours: i64,
    /// How many days ahead customers may book.
    pub horizon_days: i64,
    /// How wide an arrival window is.
    pub window_min: i64,
    /// How far apart windows start.
    pub step_min: i64,
    /// The travel model: great-circle distance × road factor ÷ speed, plus an allowance.
    pub road_factor: f64,
    pub speed_kmh: f64,
    pub travel_buffer_min: i64,
    /// How long before a visit customers may still move it, and cancel it, themselves.
    pub reschedule_notice_hours: i64,
    pub cancel_notice_hours: i64,
    /// How long before a visit's window its reminder mail goes out; 0: none.
    pub reminder_hours: i64,
}

/// The form's fields, as typed.
pub const FIELDS: [&str; 10] = [
    "min_notice_hours",
    "horizon_days",
    "window_min",
    "step_min",
    "road_factor",
    "speed_kmh",
    "travel_buffer_min",
    "reschedule_notice_hours",
    "cancel_notice_hours",
    "reminder_hours",
];

impl BookingRules {
    /// Parses the form: `value(name)` gives each field as typed. Every refused field is
    /// named, in form order.
    pub fn parse<'a>(
        value: impl Fn(&str) -> &'a str,
    ) -> Result<Self, Vec<(&'static str, FieldError)>> {
        let mut problems = Vec::new();
        let mut take = |name: &'static str, r: Result<i64, FieldError>| {
            r.map_err(|e| problems.push((name, e))).unwrap_or_default()
        };
        let min_notice_hours = take("min_notice_hours", whole(value("min_notice_hours"), 0, 720));
        let horizon_days = take("horizon_days", whole(value("horizon_days"), 1, 365));
        let window_min = take("window_min", whole(value("window_min"), 15, 720));
        let step_min = take("step_min", whole(value("step_min"), 5, 240));
        let travel_buffer_min = take(
            "travel_buffer_min",
            whole(value("travel_buffer_min"), 0, 120),
        );
        let reschedule_notice_hours = take(
            "reschedule_notice_hours",
            whole(value("reschedule_notice_hours"), 0, 720),
        );
        let cancel_notice_hours = take(
            "cancel_notice_hours",
            whole(value("cancel_notice_hours"), 0, 720),
        );
        let reminder_hours = take("reminder_hours", whole(value("reminder_hours"), 0, 168));
        let road_factor = decimal(value("road_factor"), 1, 3)
            .map_err(|e| problems.push(("road_factor", e)))
            .unwrap_or_default();
        let speed_kmh = decimal(value("speed_kmh"), 5, 120)
            .map_err(|e| problems.push(("speed_kmh", e)))
            .unwrap_or_default();
        if !problems.is_empty() {
            problems.sort_by_key(|(name, _)| FIELDS.iter().position(|f| f == name));
            return Err(problems);
        }
        Ok(Self {
            min_notice_hours,
            horizon_days,
            window_min,
            step_min,
            road_factor,
            speed_kmh,
            travel_buffer_min,
            reschedule_notice_hours,
            cancel_notice_hours,
            reminder_hours,
        })
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
                .map_or("", |(_, v)| v)
        }
    }

    #[test]
    fn parses_both_decimal_marks_and_names_every_bad_field_in_order() {
        let good = [
            ("min_notice_hours", "2"),
            ("horizon_days", "30"),
            ("window_min", "120"),
            ("step_min", "30"),
            ("road_factor", "1,3"),
            ("speed_kmh", "28.5"),
            ("travel_buffer_min", "10"),
            ("reschedule_notice_hours", "24"),
            ("cancel_notice_hours", "48"),
            ("reminder_hours", "24"),
        ];
        let rules = BookingRules::parse(form(&good)).expect("valid");
        assert!((rules.road_factor - 1.3).abs() < 1e-9);
        assert_eq!(rules.cancel_notice_hours, 48);

        let bad = [
            ("min_notice_hours", "soon"),
            ("horizon_days", "0"),
            ("window_min", ""),
            ("step_min", "30"),
            ("road_factor", "9"),
            ("speed_kmh", "NaN"),
            ("travel_buffer_min", "10"),
            ("reschedule_notice_hours", "24"),
            ("cancel_notice_hours", "-1"),
            ("reminder_hours", "24"),
        ];
        let problems = BookingRules::parse(form(&bad)).expect_err("invalid");
        let names: Vec<&str> = problems.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            names,
            [
                "min_notice_hours",
                "horizon_days",
                "window_min",
                "road_factor",
                "speed_kmh",
                "cancel_notice_hours"
            ]
        );
        assert_eq!(problems[0].1, FieldError::NotANumber);
        assert_eq!(problems[1].1, FieldError::Between { min: 1, max: 365 });
        assert_eq!(problems[2].1, FieldError::Required);
    }
}
