//! The service catalogue as the office edits it: a name and description per language,
//! a category, how long a visit takes and the pause after it, the price (fixed, "from", or
//! "quote required"), the skills it needs, and whether customers may book it themselves.

use crate::error::FieldError;
use crate::fields::{text, whole};
use crate::locale::Locale;
use crate::money::Currency;
use serde::{Deserialize, Serialize};

/// How a service is priced.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PriceKind {
    /// Exactly this price.
    Fixed,
    /// At least this price; the visit decides.
    From,
    /// No price before a quote: customers ask, the office answers.
    Quote,
}

impl PriceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Fixed => "fixed",
            Self::From => "from",
            Self::Quote => "quote",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "fixed" => Some(Self::Fixed),
            "from" => Some(Self::From),
            "quote" => Some(Self::Quote),
            _ => None,
        }
    }
}

/// A service's texts in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceText {
    pub locale: Locale,
    pub name: String,
    pub description: String,
}

/// A service as saved, valid by construction when it comes from [`ServiceDraft::parse`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceDraft {
    /// Texts per language; the business's default language always has one.
    pub texts: Vec<ServiceText>,
    pub category: String,
    pub duration_min: i64,
    pub buffer_min: i64,
    pub price_kind: PriceKind,
    /// In the currency's minor units; `None` for a quote.
    pub price_minor: Option<i64>,
    /// Lower case, without repeats.
    pub skills: Vec<String>,
    pub self_bookable: bool,
    pub active: bool,
    /// What the technician ticks off before completing a visit of it, in order.
    pub checklist: Vec<String>,
}

pub const NAME_MAX: usize = 80;
/// The most items a service's checklist has, and the longest item.
pub const CHECKLIST_ITEMS: usize = 20;
pub const CHECKLIST_ITEM_MAX: usize = 120;

/// A checklist typed one item per line; empty lines are dropped.
pub fn parse_checklist(raw: &str) -> Result<Vec<String>, FieldError> {
    let items: Vec<String> = raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    if items.len() > CHECKLIST_ITEMS {
        return Err(FieldError::Between {
            min: 0,
            max: CHECKLIST_ITEMS as i64,
        });
    }
    if items.iter().any(|i| i.chars().count() > CHECKLIST_ITEM_MAX) {
        return Err(FieldError::TooLong {
            max: CHECKLIST_ITEM_MAX,
        });
    }
    Ok(items)
}
pub const DESCRIPTION_MAX: usize = 1000;
pub const CATEGORY_MAX: usize = 60;

/// An amount such as `89`, `89.50` or `89,50` in minor units of `currency`.
pub fn parse_amount(raw: &str, currency: Currency) -> Result<i64, FieldError> {
    let raw = raw.trim().replace(',', ".");
    if raw.is_empty() {
        return Err(FieldError::Required);
    }
    let digits = currency.minor_digits();
    let (whole, fraction) = raw.split_once('.').unwrap_or((raw.as_str(), ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !all_digits(whole) || !all_digits(fraction) {
        return Err(FieldError::NotANumber);
    }
    if fraction.len() > usize::try_from(digits).unwrap_or(0) {
        return Err(FieldError::NotANumber);
    }
    let scale = 10_i64.pow(digits);
    let units: i64 = whole.parse().map_err(|_| FieldError::NotANumber)?;
    let mut minor = 0;
    if !fraction.is_empty() {
        let padded = format!(
            "{fraction:0<width$}",
            width = usize::try_from(digits).unwrap_or(0)
        );
        minor = padded.parse().map_err(|_| FieldError::NotANumber)?;
    }
    let max_units = 1_000_000;
    if units > max_units {
        return Err(FieldError::Between {
            min: 0,
            max: max_units,
        });
    }
    Ok(units * scale + minor)
}

/// Skills as typed, comma separated: each a short word of letters, digits and dashes.
pub fn parse_skills(raw: &str) -> Result<Vec<String>, FieldError> {
    let mut out: Vec<String> = Vec::new();
    for skill in raw.split(',').map(|s| s.trim().to_lowercase()) {
        if skill.is_empty() {
            continue;
        }
        let ok = skill.chars().count() <= 30
            && skill
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == ' ');
        if !ok {
            return Err(FieldError::InvalidSkills);
        }
        if !out.contains(&skill) {
            out.push(skill);
        }
    }
    Ok(out)
}

impl ServiceDraft {
    /// Parses the form: `value(name)` gives each field as typed (`name_de`,
    /// `description_de`, …, `category`, `duration_min`, `buffer_min`, `price_kind`, `price`,
    /// `skills`, `checklist` (one item per line), and the checkboxes `self_bookable` and
    /// `active`, present when ticked).
    /// Every refused field is named.
    pub fn parse<'a>(
        value: impl Fn(&str) -> &'a str,
        default_locale: Locale,
        currency: Currency,
    ) -> Result<Self, Vec<(String, FieldError)>> {
        let mut problems: Vec<(String, FieldError)> = Vec::new();
        let mut texts = Vec::new();
        for locale in Locale::ALL {
            let name_field = format!("name_{}", locale.code());
            let description_field = format!("description_{}", locale.code());
            let name = text(value(&name_field), NAME_MAX, locale == default_locale);
            let description = text(value(&description_field), DESCRIPTION_MAX, false);
            match (name, description) {
                (Ok(name), Ok(description)) => {
                    if !name.is_empty() {
                        texts.push(ServiceText {
                            locale,
                            name,
                            description,
                        });
                    } else if !description.is_empty() {
                        problems.push((name_field, FieldError::Required));
                    }
                }
                (name, description) => {
                    if let Err(e) = name {
                        problems.push((name_field, e));
                    }
                    if let Err(e) = description {
                        problems.push((description_field, e));
                    }
                }
            }
        }
        // The default language first: it is the fallback everywhere.
        texts.sort_by_key(|t: &ServiceText| t.locale != default_locale);
        let mut check = |field: &str, r: Result<i64, FieldError>| {
            r.map_err(|e| problems.push((field.to_string(), e)))
                .unwrap_or_default()
        };
        let duration_min = check("duration_min", whole(value("duration_min"), 5, 720));
        let buffer_min = check("buffer_min", whole(value("buffer_min"), 0, 240));
        let price_kind = PriceKind::parse(value("price_kind").trim());
        let price_minor = match price_kind {
            None => {
                problems.push(("price_kind".into(), FieldError::Required));
                None
            }
            Some(PriceKind::Quote) => None,
            Some(_) => match parse_amount(value("price"), currency) {
                Ok(minor) => Some(minor),
                Err(e) => {
                    problems.push(("price".into(), e));
                    None
                }
            },
        };
        let category = text(value("category"), CATEGORY_MAX, true)
            .map_err(|e| problems.push(("category".into(), e)))
            .unwrap_or_default();
        let skills = parse_skills(value("skills"))
            .map_err(|e| problems.push(("skills".into(), e)))
            .unwrap_or_default();
        let checklist = parse_checklist(value("checklist"))
            .map_err(|e| problems.push(("checklist".into(), e)))
            .unwrap_or_default();
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Self {
            texts,
            category,
            duration_min,
            buffer_min,
            price_kind: price_kind.unwrap_or(PriceKind::From),
            price_minor,
            skills,
            self_bookable: !value("self_bookable").is_empty(),
            active: !value("active").is_empty(),
            checklist,
        })
    }

    /// The name in `locale`, else in the default language (the first text).
    pub fn name(&self, locale: Locale) -> &str {
        self.texts
            .iter()
            .find(|t| t.locale == locale)
            .or_else(|| self.texts.first())
            .map_or("", |t| t.name.as_str())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_checklist_is_one_item_per_line_within_limits() {
        assert_eq!(
            parse_checklist("  Filters \n\n Coils\r\nTest run\n"),
            Ok(vec![
                "Filters".to_string(),
                "Coils".into(),
                "Test run".into()
            ])
        );
        assert_eq!(parse_checklist(""), Ok(Vec::new()));
        let many = "item\n".repeat(CHECKLIST_ITEMS + 1);
        assert!(matches!(
            parse_checklist(&many),
            Err(FieldError::Between { .. })
        ));
        let long = "x".repeat(CHECKLIST_ITEM_MAX + 1);
        assert_eq!(
            parse_checklist(&long),
            Err(FieldError::TooLong {
                max: CHECKLIST_ITEM_MAX
            })
        );
    }

    use super::*;

    fn form<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> &'a str {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map_or("", |(_, v)| v)
        }
    }

    #[test]
    fn amounts_in_minor_units_either_decimal_mark() {
        assert_eq!(parse_amount("89", Currency::EUR), Ok(8900));
        assert_eq!(parse_amount("89,5", Currency::EUR), Ok(8950));
        assert_eq!(parse_amount(" 0.05 ", Currency::EUR), Ok(5));
        assert_eq!(
            parse_amount("1.234", Currency::EUR),
            Err(FieldError::NotANumber)
        );
        assert_eq!(
            parse_amount("-3", Currency::EUR),
            Err(FieldError::NotANumber)
        );
        assert_eq!(parse_amount("", Currency::EUR), Err(FieldError::Required));
        let yen = Currency::parse("JPY").expect("JPY");
        assert_eq!(parse_amount("1500", yen), Ok(1500));
    }

    #[test]
    fn a_service_needs_its_default_name_and_a_price_unless_quoted() {
        let good = [
            ("name_de", "Grundreinigung"),
            ("name_en", "Deep clean"),
            ("description_en", "Everything, top to bottom."),
            ("category", "Cleaning"),
            ("duration_min", "180"),
            ("buffer_min", "15"),
            ("price_kind", "from"),
            ("price", "149"),
            ("skills", "Cleaning, ladders, cleaning"),
            ("self_bookable", "on"),
            ("active", "on"),
        ];
        let draft = ServiceDraft::parse(form(&good), Locale::De, Currency::EUR).expect("valid");
        assert_eq!(draft.texts.len(), 2);
        assert_eq!(draft.price_minor, Some(14900));
        assert_eq!(draft.skills, ["cleaning", "ladders"]);
        assert!(draft.self_bookable && draft.active);
        assert_eq!(draft.name(Locale::Fr), "Grundreinigung");

        let bad = [
            ("name_en", "Deep clean"),
            ("description_fr", "Tout"),
            ("category", ""),
            ("duration_min", "2"),
            ("buffer_min", "x"),
            ("price_kind", "fixed"),
            ("price", "a lot"),
            ("skills", "<script>"),
        ];
        let problems = ServiceDraft::parse(form(&bad), Locale::De, Currency::EUR).expect_err("bad");
        let names: Vec<&str> = problems.iter().map(|(n, _)| n.as_str()).collect();
        for expected in [
            "name_de",
            "name_fr",
            "category",
            "duration_min",
            "buffer_min",
            "price",
            "skills",
        ] {
            assert!(names.contains(&expected), "{expected} in {names:?}");
        }
        let quote = [
            ("name_de", "Sanierung"),
            ("category", "Bau"),
            ("duration_min", "60"),
            ("buffer_min", "0"),
            ("price_kind", "quote"),
        ];
        let draft = ServiceDraft::parse(form(&quote), Locale::De, Currency::EUR).expect("quote");
        assert_eq!(
            (draft.price_kind, draft.price_minor),
            (PriceKind::Quote, None)
        );
        assert!(!draft.self_bookable && !draft.active);
    }
}
