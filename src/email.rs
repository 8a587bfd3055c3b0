//! Email addresses, parsed once at the boundary and trusted afterwards.

use crate::error::FieldError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A syntactically plausible email address, trimmed and lower-cased.
///
/// The only way to get one is [`Email::parse`]; whether it can receive mail is a question
/// for a confirmation link, not for a parser.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

/// The longest address RFC 5321 allows on the wire.
pub const MAX_EMAIL_LEN: usize = 254;

impl Email {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let value = raw.trim().to_lowercase();
        if value.is_empty() {
            return Err(FieldError::Required);
        }
        if value.len() > MAX_EMAIL_LEN {
            return Err(FieldError::TooLong { max: MAX_EMAIL_LEN });
        }
        let Some((local, domain)) = value.split_once('@') else {
            return Err(FieldError::InvalidEmail);
        };
        let domain_ok = !domain.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local
                .chars()
                .any(|c| c.is_whitespace() || c == '@' || c.is_control());
        if domain_ok && local_ok {
            Ok(Self(value))
        } else {
            Err(FieldError::InvalidEmail)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = FieldError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Email> for String {
    fn from(value: Email) -> Self {
        value.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_and_normalises_plain_addresses() {
        let email = Email::parse("  Ana.Lopez@Example.COM ").expect("valid");
        assert_eq!(email.as_str(), "ana.lopez@example.com");
    }

    #[test]
    fn refuses_what_cannot_be_an_address() {
        for (raw, want) in [
            ("", FieldError::Required),
            ("   ", FieldError::Required),
            ("no-at-sign", FieldError::InvalidEmail),
            ("@example.com", FieldError::InvalidEmail),
            ("ana@", FieldError::InvalidEmail),
            ("ana@example", FieldError::InvalidEmail),
            ("ana@exa mple.com", FieldError::InvalidEmail),
            ("ana@example..com", FieldError::InvalidEmail),
            ("a b@example.com", FieldError::InvalidEmail),
        ] {
            assert_eq!(Email::parse(raw), Err(want), "{raw:?}");
        }
        let long = format!("{}@example.com", "a".repeat(250));
        assert_eq!(
            Email::parse(&long),
            Err(FieldError::TooLong { max: MAX_EMAIL_LEN })
        );
    }
}
