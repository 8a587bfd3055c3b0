//! Dates, times, numbers and money written the way each supported language writes them,
//! in the business's time zone. Pure functions: the server and the browser format alike.

use crate::locale::Locale;
use crate::money::Money;
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// `value` as it may stand in an address's query: everything but the unreserved characters
/// (letters, digits, `-._~`) percent-encoded.
pub fn query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A narrow no-break space: French groups digits with it and puts it before units.
const NNBSP: char = '\u{202F}';
const NBSP: char = '\u{00A0}';

const MONTHS: [[&str; 12]; 4] = [
    [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
    [
        "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
    ],
    [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
        "déc.",
    ],
    [
        "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.",
        "Dez.",
    ],
];

const MONTHS_LONG: [[&str; 12]; 4] = [
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
];

/// Monday first, as ISO 8601 and every supported language's calendars start the week.
const WEEKDAYS: [[&str; 7]; 4] = [
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    [
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
    ],
    [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ],
    [
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag",
        "Sonntag",
    ],
];

const WEEKDAYS_SHORT: [[&str; 7]; 4] = [
    ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"],
    ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."],
    ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"],
];

fn locale_index(locale: Locale) -> usize {
    match locale {
        Locale::En => 0,
        Locale::Es => 1,
        Locale::Fr => 2,
        Locale::De => 3,
    }
}

fn separators(locale: Locale) -> (char, char) {
    match locale {
        Locale::En => (',', '.'),
        Locale::Es | Locale::De => ('.', ','),
        Locale::Fr => (NNBSP, ','),
    }
}

/// Groups the digits of a non-negative integer written in decimal.
fn group_digits(digits: &str, separator: char, min_grouping: usize) -> String {
    if digits.len() < 4 || digits.len() < 3 + min_grouping {
        return digits.to_string();
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    let first = digits.len() % 3;
    for (i, ch) in digits.chars().enumerate() {
        if i != 0 && (i + 3 - first).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(ch);
    }
    out
}

/// Spanish leaves four-digit numbers ungrouped (1000, but 10.000).
fn min_grouping(locale: Locale) -> usize {
    if locale == Locale::Es { 2 } else { 1 }
}

/// An integer such as a count: `12,345` (en), `12.345` (de, es), `12 345` (fr).
pub fn integer(value: i64, locale: Locale) -> String {
    let (group, _) = separators(locale);
    let digits = value.unsigned_abs().to_string();
    let grouped = group_digits(&digits, group, min_grouping(locale));
    if value < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// A decimal written from a scaled integer (`minor` with `scale` digits after the point).
fn scaled(minor: i64, scale: u32, locale: Locale) -> String {
    let (group, decimal) = separators(locale);
    let factor = 10u64.pow(scale);
    let abs = minor.unsigned_abs();
    let whole = group_digits(&(abs / factor).to_string(), group, min_grouping(locale));
    let sign = if minor < 0 { "-" } else { "" };
    if scale == 0 {
        format!("{sign}{whole}")
    } else {
        let frac = abs % factor;
        format!(
            "{sign}{whole}{decimal}{frac:0width$}",
            width = scale as usize
        )
    }
}

/// A distance on the road: `350 m` under a kilometre (to ten metres), else `3.2 km`
/// (`3,2 km` in de, es, fr), with a no-break space before the unit.
pub fn distance(metres: u32, locale: Locale) -> String {
    if metres < 995 {
        let tens = (metres + 5) / 10 * 10;
        format!("{tens}{NBSP}m")
    } else {
        let tenths = (i64::from(metres) + 50) / 100;
        format!("{}{NBSP}km", scaled(tenths, 1, locale))
    }
}

/// Money: `€1,234.50` (en), `1.234,50 €` (de, es), `1 234,50 €` (fr).
pub fn money(amount: Money, locale: Locale) -> String {
    let number = scaled(amount.minor, amount.currency.minor_digits(), locale);
    let symbol = amount.currency.symbol();
    match locale {
        Locale::En => match number.strip_prefix('-') {
            Some(rest) => format!("-{symbol}{rest}"),
            None => format!("{symbol}{number}"),
        },
        Locale::Fr => format!("{number}{NNBSP}{symbol}"),
        Locale::Es | Locale::De => format!("{number}{NBSP}{symbol}"),
    }
}

/// A calendar date in the business time zone: `Nov 23, 2026`, `23 nov 2026`,
/// `23 nov. 2026`, `23.11.2026`.
pub fn date(at: Timestamp, tz: &TimeZone, locale: Locale) -> String {
    let dt = at.to_zoned(tz.clone()).datetime();
    let month_index = usize::try_from(dt.month() - 1).unwrap_or(0);
    let month = MONTHS[locale_index(locale)][month_index];
    match locale {
        Locale::En => format!("{month} {}, {}", dt.day(), dt.year()),
        Locale::Es | Locale::Fr => format!("{} {month} {}", dt.day(), dt.year()),
        Locale::De => format!("{:02}.{:02}.{}", dt.day(), dt.month(), dt.year()),
    }
}

fn weekday_index(date: Date) -> usize {
    usize::try_from(date.weekday().to_monday_zero_offset()).unwrap_or(0)
}

/// A month heading: `November 2026`, `noviembre de 2026`, `novembre 2026`, `November 2026`.
pub fn month_year(year: i16, month: i8, locale: Locale) -> String {
    let index = usize::try_from(month - 1).unwrap_or(0).min(11);
    let name = MONTHS_LONG[locale_index(locale)][index];
    match locale {
        Locale::Es => format!("{name} de {year}"),
        _ => format!("{name} {year}"),
    }
}

/// A weekday's short name, Monday being 0: a calendar's column heading.
pub fn weekday_short(monday_zero: usize, locale: Locale) -> &'static str {
    WEEKDAYS_SHORT[locale_index(locale)][monday_zero.min(6)]
}

/// A weekday's full name, Monday being 0: a calendar column's accessible name.
pub fn weekday_long(monday_zero: usize, locale: Locale) -> &'static str {
    WEEKDAYS[locale_index(locale)][monday_zero.min(6)]
}

/// A day with its weekday: `Tuesday, Nov 24, 2026`, `martes, 24 nov 2026`,
/// `mardi 24 nov. 2026`, `Dienstag, 24.11.2026`.
pub fn day_long(date: Date, locale: Locale) -> String {
    let weekday = WEEKDAYS[locale_index(locale)][weekday_index(date)];
    let month_index = usize::try_from(date.month() - 1).unwrap_or(0);
    let month = MONTHS[locale_index(locale)][month_index];
    match locale {
        Locale::En => format!("{weekday}, {month} {}, {}", date.day(), date.year()),
        Locale::Es => format!("{weekday}, {} {month} {}", date.day(), date.year()),
        Locale::Fr => format!("{weekday} {} {month} {}", date.day(), date.year()),
        Locale::De => format!(
            "{weekday}, {:02}.{:02}.{}",
            date.day(),
            date.month(),
            date.year()
        ),
    }
}

/// A window of time on one day: `Tuesday, Nov 24, 2026, 10:00 AM – 12:00 PM`.
pub fn window(start: Timestamp, end: Timestamp, tz: &TimeZone, locale: Locale) -> String {
    let day = start.to_zoned(tz.clone()).date();
    format!(
        "{}, {}",
        day_long(day, locale),
        time_range(start, end, tz, locale)
    )
}

/// Two times of one day: `10:00 AM – 12:00 PM`, `10:00–12:00`.
pub fn time_range(start: Timestamp, end: Timestamp, tz: &TimeZone, locale: Locale) -> String {
    match locale {
        Locale::En => format!("{} – {}", time(start, tz, locale), time(end, tz, locale)),
        _ => format!("{}–{}", time(start, tz, locale), time(end, tz, locale)),
    }
}

/// A stored time (UTC seconds) as a date in the given zone; empty if out of range.
pub fn date_of_seconds(seconds: i64, tz: &TimeZone, locale: Locale) -> String {
    Timestamp::from_second(seconds)
        .map(|at| date(at, tz, locale))
        .unwrap_or_default()
}

/// A time of day in the business time zone: `2:05 PM` (en) or `14:05`.
pub fn time(at: Timestamp, tz: &TimeZone, locale: Locale) -> String {
    let dt = at.to_zoned(tz.clone()).datetime();
    match locale {
        Locale::En => {
            let hour = dt.hour();
            let (h12, suffix) = match hour {
                0 => (12, "AM"),
                1..=11 => (hour, "AM"),
                12 => (12, "PM"),
                _ => (hour - 12, "PM"),
            };
            format!("{h12}:{:02}{NNBSP}{suffix}", dt.minute())
        }
        _ => format!("{:02}:{:02}", dt.hour(), dt.minute()),
    }
}

/// A stored time (UTC seconds) as date and time in the given zone; empty if out of range.
pub fn date_time_of_seconds(seconds: i64, tz: &TimeZone, locale: Locale) -> String {
    Timestamp::from_second(seconds)
        .map(|at| date_time(at, tz, locale))
        .unwrap_or_default()
}

/// Date and time together: `Nov 23, 2026, 2:05 PM`, `23.11.2026, 14:05`.
pub fn date_time(at: Timestamp, tz: &TimeZone, locale: Locale) -> String {
    format!("{}, {}", date(at, tz, locale), time(at, tz, locale))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;

    fn eur(minor: i64) -> Money {
        Money::new(minor, Currency::parse("EUR").expect("EUR"))
    }

    #[test]
    fn integers_group_per_locale() {
        assert_eq!(integer(1234567, Locale::En), "1,234,567");
        assert_eq!(integer(1234567, Locale::De), "1.234.567");
        assert_eq!(integer(1234, Locale::Es), "1234");
        assert_eq!(integer(12345, Locale::Es), "12.345");
        assert_eq!(integer(-1234, Locale::Fr), "-1\u{202F}234");
        assert_eq!(integer(999, Locale::En), "999");
    }

    #[test]
    fn distance_per_locale() {
        assert_eq!(distance(0, Locale::En), format!("0{NBSP}m"));
        assert_eq!(distance(344, Locale::En), format!("340{NBSP}m"));
        assert_eq!(distance(994, Locale::De), format!("990{NBSP}m"));
        assert_eq!(distance(996, Locale::En), format!("1.0{NBSP}km"));
        assert_eq!(distance(3_249, Locale::Fr), format!("3,2{NBSP}km"));
        assert_eq!(
            distance(12_345_678, Locale::En),
            format!("12,345.7{NBSP}km")
        );
    }

    #[test]
    fn money_per_locale() {
        assert_eq!(money(eur(123450), Locale::En), "€1,234.50");
        assert_eq!(money(eur(123450), Locale::De), "1.234,50\u{A0}€");
        assert_eq!(money(eur(123450), Locale::Fr), "1\u{202F}234,50\u{202F}€");
        assert_eq!(money(eur(-5), Locale::En), "-€0.05");
        let yen = Money::new(1500, Currency::parse("JPY").expect("JPY"));
        assert_eq!(money(yen, Locale::En), "¥1,500");
    }

    #[test]
    fn dates_and_times_in_the_business_zone() {
        let tz = TimeZone::get("Europe/Berlin").expect("bundled tzdb");
        // 2026-11-23 13:05 UTC is 14:05 in Berlin (CET, UTC+1).
        let at: Timestamp = "2026-11-23T13:05:00Z".parse().expect("timestamp");
        assert_eq!(date(at, &tz, Locale::En), "Nov 23, 2026");
        assert_eq!(date(at, &tz, Locale::De), "23.11.2026");
        assert_eq!(date(at, &tz, Locale::Fr), "23 nov. 2026");
        assert_eq!(time(at, &tz, Locale::En), "2:05\u{202F}PM");
        assert_eq!(time(at, &tz, Locale::De), "14:05");
        assert_eq!(
            window(
                at,
                at + jiff::SignedDuration::from_hours(2),
                &tz,
                Locale::En
            ),
            "Monday, Nov 23, 2026, 2:05\u{202F}PM – 4:05\u{202F}PM"
        );
        assert_eq!(
            window(
                at,
                at + jiff::SignedDuration::from_hours(2),
                &tz,
                Locale::De
            ),
            "Montag, 23.11.2026, 14:05–16:05"
        );
        assert_eq!(month_year(2026, 11, Locale::Es), "noviembre de 2026");
        assert_eq!(weekday_short(6, Locale::Fr), "dim.");
        // Late evening UTC is already the next day in Berlin.
        let late: Timestamp = "2026-12-31T23:30:00Z".parse().expect("timestamp");
        assert_eq!(date(late, &tz, Locale::Es), "1 ene 2027");
    }
}
