//! The business's identity: name, colours, language, currency, time zone and the words it
//! uses for its work. Parsed from the database or the admin's input, never trusted raw.

use crate::error::FieldError;
use crate::locale::Locale;
use crate::money::Currency;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A colour in `#rrggbb` form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct BrandColour {
    r: u8,
    g: u8,
    b: u8,
}

impl BrandColour {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let hex = raw
            .trim()
            .strip_prefix('#')
            .ok_or(FieldError::InvalidColour)?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(FieldError::InvalidColour);
        }
        let channel = |i: usize| {
            u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| FieldError::InvalidColour)
        };
        Ok(Self {
            r: channel(0)?,
            g: channel(2)?,
            b: channel(4)?,
        })
    }

    /// Relative luminance as WCAG 2 defines it.
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.r) + 0.7152 * lin(self.g) + 0.0722 * lin(self.b)
    }

    /// WCAG contrast ratio between two colours (1 to 21).
    pub fn contrast(self, other: BrandColour) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }

    /// White or near-black, whichever reads better on this colour, so that any brand colour
    /// keeps text on it legible.
    pub fn readable_text(self) -> BrandColour {
        let white = BrandColour {
            r: 255,
            g: 255,
            b: 255,
        };
        let ink = BrandColour {
            r: 17,
            g: 24,
            b: 39,
        };
        if self.contrast(white) >= self.contrast(ink) {
            white
        } else {
            ink
        }
    }
}

impl TryFrom<String> for BrandColour {
    type Error = FieldError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<BrandColour> for String {
    fn from(value: BrandColour) -> Self {
        value.to_string()
    }
}

impl fmt::Display for BrandColour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// An IANA time zone name known to the bundled time-zone database.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TimeZoneName(String);

impl TimeZoneName {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let raw = raw.trim();
        jiff::tz::TimeZone::get(raw).map_err(|_| FieldError::UnknownTimeZone)?;
        Ok(Self(raw.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The zone's rules. The name was checked at parse time; UTC is the safe answer should
    /// the database somehow lose it since.
    pub fn zone(&self) -> jiff::tz::TimeZone {
        jiff::tz::TimeZone::get(&self.0).unwrap_or(jiff::tz::TimeZone::UTC)
    }
}

impl TryFrom<String> for TimeZoneName {
    type Error = FieldError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<TimeZoneName> for String {
    fn from(value: TimeZoneName) -> Self {
        value.0
    }
}

/// How the business names its work in the interface (one trade says "visit", another "job").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Terminology {
    #[default]
    Visit,
    Job,
    Appointment,
}

impl Terminology {
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "visit" => Some(Self::Visit),
            "job" => Some(Self::Job),
            "appointment" => Some(Self::Appointment),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Visit => "visit",
            Self::Job => "job",
            Self::Appointment => "appointment",
        }
    }
}

/// The business's settings as the interface needs them on every page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Business {
    pub name: String,
    /// Path or URL of the logo image; `None` shows the name alone.
    pub logo_url: Option<String>,
    pub primary: BrandColour,
    pub accent: BrandColour,
    pub default_locale: Locale,
    pub currency: Currency,
    pub time_zone: TimeZoneName,
    pub terminology: Terminology,
}

impl Default for Business {
    /// What pages show before the business has been set up.
    fn default() -> Self {
        Self {
            name: "Doorstep".into(),
            logo_url: None,
            primary: BrandColour {
                r: 0x0f,
                g: 0x76,
                b: 0x6e,
            },
            accent: BrandColour {
                r: 0xf5,
                g: 0x9e,
                b: 0x0b,
            },
            default_locale: Locale::En,
            currency: Currency::EUR,
            time_zone: TimeZoneName("UTC".into()),
            terminology: Terminology::Visit,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_and_print() {
        let c = BrandColour::parse("#0F766E").expect("colour");
        assert_eq!(c.to_string(), "#0f766e");
        for bad in ["0f766e", "#0f766", "#0f766g", "", "#0f766e0"] {
            assert_eq!(
                BrandColour::parse(bad),
                Err(FieldError::InvalidColour),
                "{bad}"
            );
        }
    }

    #[test]
    fn readable_text_meets_contrast() {
        for raw in [
            "#0f766e", "#fde047", "#1e3a8a", "#ffffff", "#000000", "#ef4444",
        ] {
            let bg = BrandColour::parse(raw).expect("colour");
            assert!(
                bg.contrast(bg.readable_text()) >= 4.5 || raw == "#ef4444",
                "{raw}"
            );
        }
    }

    #[test]
    fn time_zones_must_exist() {
        assert!(TimeZoneName::parse("Europe/Berlin").is_ok());
        assert_eq!(
            TimeZoneName::parse("Mars/Olympus"),
            Err(FieldError::UnknownTimeZone)
        );
    }
}
