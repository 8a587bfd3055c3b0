//! A service location as its customer edits it: a label, the postal address, notes for
//! getting in, and where it is on the map. The position may be missing (no geocoder, no
//! result); such a place cannot be booked for until someone enters it.

use crate::error::FieldError;
use crate::fields::{decimal, optional_text, text};
use serde::{Deserialize, Serialize};

pub const LABEL_MAX: usize = 60;
pub const LINE_MAX: usize = 120;
pub const POSTAL_CODE_MAX: usize = 16;
pub const CITY_MAX: usize = 80;
pub const ACCESS_NOTES_MAX: usize = 1000;

/// The form's fields, in order.
pub const FIELDS: [&str; 9] = [
    "label",
    "line1",
    "line2",
    "postal_code",
    "city",
    "country",
    "access_notes",
    "latitude",
    "longitude",
];

/// A point on Earth, in degrees.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Position {
    pub latitude: f64,
    pub longitude: f64,
}

impl Position {
    /// A position inside the valid ranges, or `None`.
    pub fn new(latitude: f64, longitude: f64) -> Option<Self> {
        let ok = latitude.is_finite()
            && longitude.is_finite()
            && (-90.0..=90.0).contains(&latitude)
            && (-180.0..=180.0).contains(&longitude);
        ok.then_some(Self {
            latitude,
            longitude,
        })
    }

    /// As the form shows it: six decimals (about 10 cm), no trailing zeros.
    pub fn field(value: f64) -> String {
        let s = format!("{value:.6}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        if s == "-0" { "0".into() } else { s.into() }
    }
}

/// The address part of a location, what a geocoder searches for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub line1: String,
    pub line2: Option<String>,
    pub postal_code: String,
    pub city: String,
    /// ISO 3166 two-letter code, upper case.
    pub country: String,
}

/// A location as saved, valid by construction when it comes from [`LocationDraft::parse`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LocationDraft {
    pub label: String,
    pub address: Address,
    pub access_notes: Option<String>,
    /// As typed; `None` when both fields were left empty.
    pub position: Option<Position>,
}

fn country(raw: &str) -> Result<String, FieldError> {
    let code = raw.trim().to_ascii_uppercase();
    if code.is_empty() {
        return Err(FieldError::Required);
    }
    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(code)
    } else {
        Err(FieldError::InvalidCountry)
    }
}

impl LocationDraft {
    /// Parses the form: `value(name)` gives each field as typed. Every refused field is
    /// named, in form order.
    pub fn parse<'a>(
        value: impl Fn(&str) -> &'a str,
    ) -> Result<Self, Vec<(&'static str, FieldError)>> {
        let mut problems = Vec::new();
        let mut check = |name: &'static str, r: Result<String, FieldError>| {
            r.map_err(|e| problems.push((name, e))).unwrap_or_default()
        };
        let label = check("label", text(value("label"), LABEL_MAX, true));
        let line1 = check("line1", text(value("line1"), LINE_MAX, true));
        let line2 = check("line2", text(value("line2"), LINE_MAX, false));
        let postal_code = check(
            "postal_code",
            text(value("postal_code"), POSTAL_CODE_MAX, true),
        );
        let city = check("city", text(value("city"), CITY_MAX, true));
        let country = check("country", country(value("country")));
        let access_notes = optional_text(value("access_notes"), ACCESS_NOTES_MAX)
            .map_err(|e| problems.push(("access_notes", e)))
            .unwrap_or_default();
        let (lat, lng) = (value("latitude").trim(), value("longitude").trim());
        let position = if lat.is_empty() && lng.is_empty() {
            None
        } else {
            let lat = decimal(lat, -90, 90).map_err(|e| problems.push(("latitude", e)));
            let lng = decimal(lng, -180, 180).map_err(|e| problems.push(("longitude", e)));
            match (lat, lng) {
                (Ok(lat), Ok(lng)) => Position::new(lat, lng),
                _ => None,
            }
        };
        if !problems.is_empty() {
            problems.sort_by_key(|(name, _)| FIELDS.iter().position(|f| f == name));
            return Err(problems);
        }
        Ok(Self {
            label,
            address: Address {
                line1,
                line2: (!line2.is_empty()).then_some(line2),
                postal_code,
                city,
                country,
            },
            access_notes,
            position,
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

    const GOOD: [(&str, &str); 6] = [
        ("label", " Home "),
        ("line1", "Kastanienallee 12"),
        ("postal_code", "10435"),
        ("city", "Berlin"),
        ("country", "de"),
        ("access_notes", "  "),
    ];

    #[test]
    fn a_place_without_a_position_is_a_valid_draft() {
        let draft = LocationDraft::parse(form(&GOOD)).expect("valid");
        assert_eq!(draft.label, "Home");
        assert_eq!(draft.address.country, "DE");
        assert_eq!(draft.address.line2, None);
        assert_eq!(draft.access_notes, None);
        assert_eq!(draft.position, None);
    }

    #[test]
    fn a_position_takes_either_decimal_mark() {
        let mut fields = GOOD.to_vec();
        fields.extend([("latitude", "52,5386"), ("longitude", " 13.4101 ")]);
        let draft = LocationDraft::parse(form(&fields)).expect("valid");
        assert_eq!(
            draft.position,
            Some(Position {
                latitude: 52.5386,
                longitude: 13.4101
            })
        );
    }

    #[test]
    fn every_bad_field_is_named_in_form_order() {
        let long = "x".repeat(LINE_MAX + 1);
        let fields = [
            ("label", ""),
            ("line1", long.as_str()),
            ("postal_code", "10435"),
            ("city", "Berlin"),
            ("country", "Germany"),
            ("latitude", "95"),
        ];
        let problems = LocationDraft::parse(form(&fields)).expect_err("refused");
        assert_eq!(
            problems,
            vec![
                ("label", FieldError::Required),
                ("line1", FieldError::TooLong { max: LINE_MAX }),
                ("country", FieldError::InvalidCountry),
                ("latitude", FieldError::Between { min: -90, max: 90 }),
                ("longitude", FieldError::Required),
            ]
        );
    }

    #[test]
    fn positions_are_shown_short_and_checked_for_range() {
        assert_eq!(Position::field(52.538_600), "52.5386");
        assert_eq!(Position::field(-0.000_000_1), "0");
        assert_eq!(Position::field(13.0), "13");
        assert!(Position::new(91.0, 0.0).is_none());
        assert!(Position::new(0.0, f64::NAN).is_none());
    }
}
