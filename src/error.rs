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
        }
    }

    /// The number a message needs, if any (`{ $n }` in the Fluent text).
    pub fn count(&self) -> Option<usize> {
        match self {
            Self::TooLong { max } => Some(*max),
            Self::TooShort { min } => Some(*min),
            _ => None,
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
