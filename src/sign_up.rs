//! What a newcomer types to open an account: their name, email, a company (optional) and
//! their first service address. The password is checked on the server (see
//! `password::choose`), which needs the name and email parsed here.

use crate::email::Email;
use crate::error::FieldError;
use crate::fields::{optional_text, text};
use crate::places::LocationDraft;
use serde::{Deserialize, Serialize};

/// The longest name, in characters.
pub const NAME_MAX: usize = 100;
/// The longest company name, in characters.
pub const COMPANY_MAX: usize = 120;

/// The sign-up form's fields, in form order (the password after the email).
pub const FIELDS: [&str; 10] = [
    "name",
    "email",
    "password",
    "company",
    "label",
    "line1",
    "line2",
    "postal_code",
    "city",
    "country",
];

/// The form, parsed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignUpDraft {
    pub name: String,
    pub email: Email,
    /// A company signing up; `None`: a household.
    pub company: Option<String>,
    pub place: LocationDraft,
}

impl SignUpDraft {
    /// Parses every field but the password; each refused one is named, in form order.
    pub fn parse<'a>(
        value: impl Fn(&str) -> &'a str,
    ) -> Result<Self, Vec<(&'static str, FieldError)>> {
        let mut problems = Vec::new();
        let name = text(value("name"), NAME_MAX, true).map_err(|e| problems.push(("name", e)));
        let email = Email::parse(value("email")).map_err(|e| problems.push(("email", e)));
        let company =
            optional_text(value("company"), COMPANY_MAX).map_err(|e| problems.push(("company", e)));
        // The first place takes only an address (no position, no notes yet).
        let place = LocationDraft::parse(|field| match field {
            "latitude" | "longitude" | "access_notes" => "",
            other => value(other),
        })
        .map_err(|p| problems.extend(p));
        match (name, email, company, place) {
            (Ok(name), Ok(email), Ok(company), Ok(place)) if problems.is_empty() => Ok(Self {
                name,
                email,
                company,
                place,
            }),
            _ => {
                problems.sort_by_key(|(name, _)| FIELDS.iter().position(|f| f == name));
                Err(problems)
            }
        }
    }
}

/// Where to go after signing in or up: only a path of the portal itself (never another
/// site, never a protocol-relative `//host`), else home.
pub fn safe_next(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let ok = raw.starts_with('/')
        && !raw.starts_with("//")
        && !raw.starts_with("/\\")
        && raw.len() <= 512
        && !raw.chars().any(|c| c.is_control() || c == '\\');
    ok.then(|| raw.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> &'static str {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map_or("", |(_, v)| *v)
        }
    }

    #[test]
    fn a_household_signs_up_with_its_first_address() {
        let draft = SignUpDraft::parse(form(&[
            ("name", " Mia Berg "),
            ("email", "Mia@Example.com"),
            ("label", "Home"),
            ("line1", "Kastanienallee 12"),
            ("postal_code", "10435"),
            ("city", "Berlin"),
            ("country", "de"),
            ("latitude", "99"),
        ]))
        .expect("valid");
        assert_eq!(draft.name, "Mia Berg");
        assert_eq!(draft.email.as_str(), "mia@example.com");
        assert_eq!(draft.company, None);
        assert_eq!(draft.place.address.country, "DE");
        assert_eq!(
            draft.place.position, None,
            "no position is taken from sign-up"
        );
    }

    #[test]
    fn every_mistake_is_named_in_form_order() {
        let problems =
            SignUpDraft::parse(form(&[("email", "not an email"), ("country", "Germany")]))
                .expect_err("refused");
        let names: Vec<&str> = problems.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            names,
            [
                "name",
                "email",
                "label",
                "line1",
                "postal_code",
                "city",
                "country"
            ]
        );
    }

    #[test]
    fn only_our_own_paths_are_followed() {
        assert_eq!(
            safe_next("/book?service=SV-000001").as_deref(),
            Some("/book?service=SV-000001")
        );
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "",
            "book",
            "/a\nb",
        ] {
            assert_eq!(safe_next(bad), None, "{bad}");
        }
    }
}
