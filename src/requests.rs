//! What a customer asks the office instead of booking: a quote for a service priced on
//! inspection, or a call back when no window suits them.

use crate::error::FieldError;
use crate::fields::optional_text;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// "Please quote": the service has no price before someone looks.
    Quote,
    /// "Please call me": no window suits, or none is free.
    Callback,
    /// "Please change my visit": asked from the visit's page when it is too close to move or
    /// cancel online. It names the visit and only comes from there.
    Change,
}

impl RequestKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Quote => "quote",
            Self::Callback => "callback",
            Self::Change => "change",
        }
    }

    /// Whether the request form sends this kind (a change is asked from its visit's page).
    pub fn from_form(self) -> bool {
        !matches!(self, Self::Change)
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim() {
            "quote" => Some(Self::Quote),
            "callback" => Some(Self::Callback),
            "change" => Some(Self::Change),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    Open,
    Handled,
}

impl RequestStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Handled => "handled",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "open" => Some(Self::Open),
            "handled" => Some(Self::Handled),
            _ => None,
        }
    }
}

pub const NOTES_MAX: usize = 1000;
pub const PHONE_MAX: usize = 30;

/// The form's fields, in order.
pub const FIELDS: [&str; 2] = ["notes", "phone"];

/// A request as sent, valid by construction when it comes from [`RequestDraft::parse`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestDraft {
    pub kind: RequestKind,
    /// What needs doing (a quote needs it), or when to call.
    pub notes: Option<String>,
    /// A number to call; the account's people are reachable by mail anyway.
    pub phone: Option<String>,
}

/// A phone number as people write it: digits with spaces, dashes, dots, brackets and a
/// leading plus; at least six digits.
fn phone(raw: &str) -> Result<Option<String>, FieldError> {
    let Some(value) = optional_text(raw, PHONE_MAX)? else {
        return Ok(None);
    };
    let allowed = value.char_indices().all(|(i, c)| {
        c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')' | '/') || (c == '+' && i == 0)
    });
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if allowed && digits >= 6 {
        Ok(Some(value))
    } else {
        Err(FieldError::InvalidPhone)
    }
}

impl RequestDraft {
    /// Parses the form. A quote must say what needs doing; a call back may be empty.
    pub fn parse(
        kind: RequestKind,
        notes: &str,
        phone_number: &str,
    ) -> Result<Self, Vec<(&'static str, FieldError)>> {
        let mut problems = Vec::new();
        let notes = match optional_text(notes, NOTES_MAX) {
            Ok(None) if kind == RequestKind::Quote => {
                problems.push(("notes", FieldError::Required));
                None
            }
            Ok(notes) => notes,
            Err(e) => {
                problems.push(("notes", e));
                None
            }
        };
        let phone = phone(phone_number)
            .map_err(|e| problems.push(("phone", e)))
            .unwrap_or_default();
        if problems.is_empty() {
            Ok(Self { kind, notes, phone })
        } else {
            Err(problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_says_what_needs_doing_and_a_call_back_may_be_empty() {
        assert_eq!(
            RequestDraft::parse(RequestKind::Quote, "  ", ""),
            Err(vec![("notes", FieldError::Required)])
        );
        let call =
            RequestDraft::parse(RequestKind::Callback, "", " +49 (30) 123-456 ").expect("valid");
        assert_eq!(call.notes, None);
        assert_eq!(call.phone.as_deref(), Some("+49 (30) 123-456"));
    }

    #[test]
    fn phone_numbers_are_digits_and_punctuation_only() {
        for bad in [
            "12345",
            "call me",
            "+49+30 1234567",
            "030 1234567 ext. 5",
            "<b>030123456",
        ] {
            assert_eq!(
                RequestDraft::parse(RequestKind::Callback, "", bad),
                Err(vec![("phone", FieldError::InvalidPhone)]),
                "{bad}"
            );
        }
        let long = "1".repeat(PHONE_MAX + 1);
        assert_eq!(
            RequestDraft::parse(RequestKind::Callback, "", &long),
            Err(vec![("phone", FieldError::TooLong { max: PHONE_MAX })])
        );
    }

    #[test]
    fn kinds_round_trip() {
        for kind in [
            RequestKind::Quote,
            RequestKind::Callback,
            RequestKind::Change,
        ] {
            assert_eq!(RequestKind::parse(kind.as_str()), Some(kind));
        }
        assert!(!RequestKind::Change.from_form());
        assert_eq!(RequestKind::parse("visit"), None);
    }
}
