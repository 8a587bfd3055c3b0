//! References people see and type (`DS-000042` for a visit), never a bare database key.
//!
//! A reference names a row; it grants nothing. Every lookup by reference still checks the
//! caller's rights on the server.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! public_ref {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(i64);

        impl $name {
            pub const PREFIX: &'static str = $prefix;

            pub fn from_id(id: i64) -> Self {
                Self(id)
            }

            pub fn id(self) -> i64 {
                self.0
            }

            /// Parses `PREFIX-digits` as shown by `Display`, ignoring case and spaces.
            pub fn parse(raw: &str) -> Option<Self> {
                let raw = raw.trim();
                let (prefix, digits) = raw.split_once('-')?;
                if !prefix.eq_ignore_ascii_case(Self::PREFIX)
                    || digits.is_empty()
                    || digits.len() > 12
                    || !digits.bytes().all(|b| b.is_ascii_digit())
                {
                    return None;
                }
                digits.parse::<i64>().ok().filter(|id| *id > 0).map(Self)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}-{:06}", Self::PREFIX, self.0)
            }
        }
    };
}

public_ref!(
    /// A person: staff member or customer user.
    UserRef,
    "PE"
);
public_ref!(
    /// A visit (a job): what a customer quotes when they call about it.
    VisitRef,
    "DS"
);
public_ref!(
    /// A service of the business's catalogue.
    ServiceRef,
    "SV"
);
public_ref!(
    /// A customer account (a household or a company).
    AccountRef,
    "AC"
);
public_ref!(
    /// A service location of a customer account.
    LocationRef,
    "LO"
);
public_ref!(
    /// A customer's request to the office: a quote, or a call back.
    RequestRef,
    "RQ"
);
public_ref!(
    /// A customer's recurring plan: the same visit again and again.
    PlanRef,
    "PL"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_garbage() {
        let r = VisitRef::from_id(123);
        assert_eq!(r.to_string(), "DS-000123");
        assert_eq!(VisitRef::parse(" ds-000123 "), Some(r));
        assert_eq!(VisitRef::parse("AC-000123"), None);
        assert_eq!(UserRef::parse("DS-000123"), None);
        assert_eq!(UserRef::parse("PE-000123"), Some(UserRef::from_id(123)));
        assert_eq!(VisitRef::parse("DS-"), None);
        assert_eq!(VisitRef::parse("DS-12a"), None);
        assert_eq!(VisitRef::parse("DS-0"), None);
        assert_eq!(VisitRef::parse("DS-99999999999999999999"), None);
        assert_eq!(AccountRef::from_id(1_234_567).to_string(), "AC-1234567");
    }
}
