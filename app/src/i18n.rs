//! Translations from the Fluent files in `app/locales/<lang>/`.
//!
//! Texts are looked up on the server only: pages are rendered there, and islands receive
//! the few texts they need as props (Fluent in the browser would cost ~130 KB of wasm).

use doorstep::locale::Locale;
use leptos::prelude::*;

/// The language of the page being rendered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageLocale(pub Locale);

/// Makes the request's language available to every component of the page.
pub fn provide() {
    provide_context(PageLocale(crate::request::current().locale));
}

pub fn locale() -> Locale {
    use_context::<PageLocale>().map(|l| l.0).unwrap_or_default()
}

/// A message without arguments in the page's language.
pub fn t(key: &str) -> String {
    tr(locale(), key, &[])
}

/// A message with arguments (`{ $name }` in the Fluent text) in the page's language.
pub fn t_with(key: &str, args: &[(&str, Arg)]) -> String {
    tr(locale(), key, args)
}

/// An argument to a message.
#[derive(Clone, Debug)]
pub enum Arg {
    Str(String),
    Num(i64),
}

impl From<&str> for Arg {
    fn from(v: &str) -> Self {
        Arg::Str(v.to_string())
    }
}

impl From<String> for Arg {
    fn from(v: String) -> Self {
        Arg::Str(v)
    }
}

impl From<u32> for Arg {
    fn from(v: u32) -> Self {
        Arg::Num(i64::from(v))
    }
}

impl From<u64> for Arg {
    fn from(v: u64) -> Self {
        Arg::Num(i64::try_from(v).unwrap_or(i64::MAX))
    }
}

impl From<usize> for Arg {
    fn from(v: usize) -> Self {
        Arg::Num(i64::try_from(v).unwrap_or(i64::MAX))
    }
}

impl From<i64> for Arg {
    fn from(v: i64) -> Self {
        Arg::Num(v)
    }
}

#[cfg(feature = "ssr")]
mod fluent {
    use super::Arg;
    use doorstep::locale::Locale;
    use fluent_templates::fluent_bundle::FluentValue;
    use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};
    use std::borrow::Cow;
    use std::collections::HashMap;

    static_loader! {
        pub static LOCALES = {
            locales: "./locales",
            fallback_language: "en",
            // All supported languages are left-to-right; isolation marks would only get in
            // the way of attribute values and plain-text uses.
            customise: |bundle| bundle.set_use_isolating(false),
        };
    }

    static EN: LanguageIdentifier = langid!("en");
    static ES: LanguageIdentifier = langid!("es");
    static FR: LanguageIdentifier = langid!("fr");
    static DE: LanguageIdentifier = langid!("de");

    pub fn lang_id(locale: Locale) -> &'static LanguageIdentifier {
        match locale {
            Locale::En => &EN,
            Locale::Es => &ES,
            Locale::Fr => &FR,
            Locale::De => &DE,
        }
    }

    pub fn lookup(locale: Locale, key: &str, args: &[(&str, Arg)]) -> String {
        let lang = lang_id(locale);
        if args.is_empty() {
            return LOCALES
                .try_lookup(lang, key)
                .unwrap_or_else(|| missing(key));
        }
        let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Arg::Str(s) => FluentValue::from(s.clone()),
                    Arg::Num(n) => FluentValue::from(*n),
                };
                (Cow::Owned((*name).to_string()), value)
            })
            .collect();
        LOCALES
            .try_lookup_with_args(lang, key, &map)
            .unwrap_or_else(|| missing(key))
    }

    fn missing(key: &str) -> String {
        tracing::warn!(key, "missing translation");
        key.to_string()
    }
}

/// A message in a given language; for texts rendered outside a page (mail, offline page).
pub fn tr(locale: Locale, key: &str, args: &[(&str, Arg)]) -> String {
    #[cfg(feature = "ssr")]
    {
        fluent::lookup(locale, key, args)
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = (locale, args);
        key.to_string()
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests;
