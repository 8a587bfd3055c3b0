//! The languages Doorstep speaks and how a request's language is chosen.

use crate::error::FieldError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A language with a complete translation. Adding one means adding its `.ftl` files and a
/// variant here; the completeness test then names every missing message.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Es,
    Fr,
    De,
}

impl Locale {
    pub const ALL: [Locale; 4] = [Locale::En, Locale::Es, Locale::Fr, Locale::De];

    /// The BCP 47 tag used in `<html lang>`, cookies and the database.
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Es => "es",
            Self::Fr => "fr",
            Self::De => "de",
        }
    }

    /// The language's own name, shown in the language switcher so that a person who cannot
    /// read the current language still finds theirs.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Es => "Español",
            Self::Fr => "Français",
            Self::De => "Deutsch",
        }
    }

    /// Parses a tag such as `de`, `de-AT` or `ES`; region and script are ignored.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let primary = raw.trim().split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "en" => Ok(Self::En),
            "es" => Ok(Self::Es),
            "fr" => Ok(Self::Fr),
            "de" => Ok(Self::De),
            _ => Err(FieldError::UnknownLocale),
        }
    }

    /// The best supported language in an `Accept-Language` header, honouring q-values;
    /// `None` when the header names none of ours.
    pub fn from_accept_language(header: &str) -> Option<Self> {
        let mut best: Option<(f32, usize, Locale)> = None;
        for (position, item) in header.split(',').enumerate().take(32) {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or_default().trim();
            let quality = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if quality.is_nan() || quality <= 0.0 {
                continue;
            }
            let Ok(locale) = Self::parse(tag) else {
                continue;
            };
            let better = match best {
                None => true,
                Some((q, pos, _)) => quality > q || (quality == q && position < pos),
            };
            if better {
                best = Some((quality, position, locale));
            }
        }
        best.map(|(_, _, locale)| locale)
    }

    /// Chooses the language of a request: the signed-in person's saved preference, then the
    /// language cookie, then the browser's `Accept-Language`, then the business default.
    pub fn negotiate(
        saved: Option<Locale>,
        cookie: Option<&str>,
        accept_language: Option<&str>,
        business_default: Locale,
    ) -> Locale {
        saved
            .or_else(|| cookie.and_then(|c| Self::parse(c).ok()))
            .or_else(|| accept_language.and_then(Self::from_accept_language))
            .unwrap_or(business_default)
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tags_with_regions() {
        assert_eq!(Locale::parse("de-AT"), Ok(Locale::De));
        assert_eq!(Locale::parse("ES"), Ok(Locale::Es));
        assert_eq!(Locale::parse("fr_CA"), Ok(Locale::Fr));
        assert_eq!(Locale::parse("pt-BR"), Err(FieldError::UnknownLocale));
        assert_eq!(Locale::parse(""), Err(FieldError::UnknownLocale));
    }

    #[test]
    fn accept_language_honours_quality_and_order() {
        assert_eq!(Locale::from_accept_language("de"), Some(Locale::De));
        assert_eq!(
            Locale::from_accept_language("pt-BR, fr;q=0.8, de;q=0.9"),
            Some(Locale::De)
        );
        assert_eq!(Locale::from_accept_language("es, en"), Some(Locale::Es));
        assert_eq!(Locale::from_accept_language("fr;q=0, it"), None);
        assert_eq!(Locale::from_accept_language("*"), None);
        assert_eq!(Locale::from_accept_language("de;q=abc"), Some(Locale::De));
    }

    #[test]
    fn negotiation_order_is_saved_cookie_header_default() {
        let n = Locale::negotiate;
        assert_eq!(
            n(Some(Locale::Fr), Some("de"), Some("es"), Locale::En),
            Locale::Fr
        );
        assert_eq!(n(None, Some("de"), Some("es"), Locale::En), Locale::De);
        assert_eq!(n(None, Some("xx"), Some("es"), Locale::En), Locale::Es);
        assert_eq!(n(None, None, Some("it"), Locale::Fr), Locale::Fr);
    }
}
