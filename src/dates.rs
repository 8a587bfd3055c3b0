//! Calendar dates as they travel in addresses: a month `2026-11`, a day `2026-11-24`.

use jiff::civil::Date;

/// Parses `2026-11` as the first of that month.
pub fn parse_month(raw: &str) -> Option<Date> {
    let (year, month) = raw.trim().split_once('-')?;
    if year.len() != 4 || month.len() != 2 {
        return None;
    }
    let year: i16 = year.parse().ok()?;
    let month: i8 = month.parse().ok()?;
    Date::new(year, month, 1).ok()
}

/// Parses `2026-11-24`.
pub fn parse_day(raw: &str) -> Option<Date> {
    let raw = raw.trim();
    if raw.len() != 10 {
        return None;
    }
    raw.parse::<Date>().ok()
}

/// `2026-11` for any day of November 2026.
pub fn month_key(date: Date) -> String {
    format!("{:04}-{:02}", date.year(), date.month())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_days_round_trip_and_refuse_garbage() {
        let day = parse_day("2026-11-24").expect("day");
        assert_eq!(month_key(day), "2026-11");
        assert_eq!(parse_month("2026-11"), Date::new(2026, 11, 1).ok());
        for bad in ["2026-13", "26-11", "2026-1", "november", "", "2026-11-01"] {
            assert_eq!(parse_month(bad), None, "{bad}");
        }
        for bad in ["2026-02-30", "2026-11", "2026-11-24T10:00", "x"] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
    }
}
