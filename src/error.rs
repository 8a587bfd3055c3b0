//! Errors that mean something to a person: what was wrong with a field.
//!
//! Each variant's snake_case name is also the Fluent key suffix the UI shows for it
//! (`field-<name>`), so the wire format and the translations cannot drift apart.

use serde::{Deserialize, Serialize};

/// Why a submitted value was refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum FieldError {
    #[error("a value is required")]
    Required,
    #[error("at most {max} characters are allowed")]
    TooLong { max: usize },
    #[error("at least {min} characters are required")]
    TooShort { min: usize },
    #[error("not an email address")]
    InvalidEmail,
    #[error("not a supported language")]
    UnknownLocale,
    #[error("not a colour in #rrggbb form")]
    InvalidColour,
    #[error("not a known time zone")]
    UnknownTimeZone,
    #[error("not a currency code")]
    InvalidCurrency,
    #[error("out of range")]
    OutOfRange,
    #[error("not a number")]
    NotANumber,
    #[error("must be between {min} and {max}")]
    Between { min: i64, max: i64 },
    #[error("skills are short words separated by commas")]
    InvalidSkills,
    #[error("already in use")]
    Taken,
    #[error("not a two-letter country code")]
    InvalidCountry,
    #[error("visits are booked here, so a position is needed")]
    PositionNeeded,
    #[error("not a phone number")]
    InvalidPhone,
    #[error("hours are written like 08:00-12:00, several separated by commas")]
    InvalidHours,
    #[error("the hours of one day overlap")]
    OverlappingHours,
    #[error("a radius, postal codes or both are needed")]
    AreaNeeded,
    #[error("postal codes are short codes separated by commas")]
    InvalidPostalCodes,
    #[error("not a date and time")]
    InvalidDateTime,
    #[error("not a date")]
    InvalidDate,
    #[error("not a time of day")]
    InvalidTime,
    #[error("must be after the start")]
    EndsBeforeStart,
    #[error("a photo is larger than {max_mb} MB")]
    PhotoTooBig { max_mb: u64 },
    #[error("at most {max} photos")]
    TooManyPhotos { max: usize },
    #[error("not a JPEG, PNG or WebP photo")]
    NotAPhoto,
    #[error("a photo has more than {max_megapixels} megapixels")]
    PhotoTooLarge { max_megapixels: u64 },
    #[error("a photo cannot be read")]
    PhotoUnreadable,
    #[error("slower than a less urgent priority")]
    SlowerThanLessUrgent,
    #[error("the password is too easy to guess")]
    PasswordWeak,
    #[error("the password contains the person's name or email")]
    PasswordPersonal,
    #[error("not the current password")]
    WrongPassword,
    #[error("already one of the account's people")]
    AlreadyMember,
    #[error("this address cannot join the account")]
    CannotJoin,
    #[error("not the code of the app, nor an unused recovery code")]
    WrongCode,
    #[error("this code was used already")]
    CodeUsed,
    #[error("this is the current email")]
    SameEmail,
}

impl FieldError {
    /// The Fluent message id that explains this problem to a person.
    pub fn message_key(&self) -> &'static str {
        match self {
            Self::Required => "field-required",
            Self::TooLong { .. } => "field-too-long",
            Self::TooShort { .. } => "field-too-short",
            Self::InvalidEmail => "field-invalid-email",
            Self::UnknownLocale => "field-unknown-locale",
            Self::InvalidColour => "field-invalid-colour",
            Self::UnknownTimeZone => "field-unknown-time-zone",
            Self::InvalidCurrency => "field-invalid-currency",
            Self::OutOfRange => "field-out-of-range",
            Self::NotANumber => "field-not-a-number",
            Self::Between { .. } => "field-between",
            Self::InvalidSkills => "field-invalid-skills",
            Self::Taken => "field-taken",
            Self::InvalidCountry => "field-invalid-country",
            Self::PositionNeeded => "field-position-needed",
            Self::InvalidPhone => "field-invalid-phone",
            Self::InvalidHours => "field-invalid-hours",
            Self::OverlappingHours => "field-overlapping-hours",
            Self::AreaNeeded => "field-area-needed",
            Self::InvalidPostalCodes => "field-invalid-postal-codes",
            Self::InvalidDateTime => "field-invalid-date-time",
            Self::InvalidDate => "field-invalid-date",
            Self::InvalidTime => "field-invalid-time",
            Self::EndsBeforeStart => "field-ends-before-start",
            Self::PhotoTooBig { .. } => "field-photo-too-big",
            Self::TooManyPhotos { .. } => "field-too-many-photos",
            Self::NotAPhoto => "field-not-a-photo",
            Self::PhotoTooLarge { .. } => "field-photo-too-large",
            Self::PhotoUnreadable => "field-photo-unreadable",
            Self::SlowerThanLessUrgent => "field-slower-than-less-urgent",
            Self::PasswordWeak => "field-password-weak",
            Self::PasswordPersonal => "field-password-personal",
            Self::WrongPassword => "field-wrong-password",
            Self::AlreadyMember => "field-already-member",
            Self::CannotJoin => "field-cannot-join",
            Self::WrongCode => "field-wrong-code",
            Self::CodeUsed => "field-code-used",
            Self::SameEmail => "field-same-email",
        }
    }

    /// The numbers a message needs (`{ $n }`, `{ $min }`, `{ $max }` in the Fluent text).
    pub fn args(&self) -> Vec<(&'static str, i64)> {
        let n = |v: usize| i64::try_from(v).unwrap_or(i64::MAX);
        match self {
            Self::TooLong { max } => vec![("n", n(*max))],
            Self::TooShort { min } => vec![("n", n(*min))],
            Self::Between { min, max } => vec![("min", *min), ("max", *max)],
            Self::PhotoTooBig { max_mb } => vec![("n", i64::try_from(*max_mb).unwrap_or(i64::MAX))],
            Self::TooManyPhotos { max } => vec![("n", n(*max))],
            Self::PhotoTooLarge { max_megapixels } => {
                vec![("n", i64::try_from(*max_megapixels).unwrap_or(i64::MAX))]
            }
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_format_is_pinned() {
        let json = serde_json::to_string(&FieldError::TooLong { max: 254 }).expect("json");
        assert_eq!(json, r#"{"problem":"too_long","max":254}"#);
        let json = serde_json::to_string(&FieldError::Required).expect("json");
        assert_eq!(json, r#"{"problem":"required"}"#);
    }
}
