//! Completeness of the translations: a missing message fails here, not in front of a person.

use super::{Arg, tr};
use doorstep::error::FieldError;
use doorstep::locale::Locale;
use doorstep::permissions::Role;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn locales_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

/// Message ids (not terms, not attributes) defined in a language's files.
fn message_ids(locale: Locale) -> BTreeSet<String> {
    let dir = locales_dir().join(locale.code());
    let mut ids = BTreeSet::new();
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("dir entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("ftl") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read ftl");
        for line in text.lines() {
            let Some((id, _)) = line.split_once('=') else {
                continue;
            };
            let id = id.trim_end();
            let is_id = id.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                && !line.starts_with(' ');
            if is_id {
                assert!(
                    ids.insert(id.to_string()),
                    "{} defines {id} twice",
                    locale.code()
                );
            }
        }
    }
    ids
}

#[test]
fn every_locale_has_exactly_the_english_messages() {
    let english = message_ids(Locale::En);
    assert!(english.len() > 20, "English catalogue looks empty");
    for locale in Locale::ALL {
        let ids = message_ids(locale);
        let missing: Vec<_> = english.difference(&ids).collect();
        let extra: Vec<_> = ids.difference(&english).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", locale.code());
        assert!(
            extra.is_empty(),
            "{} has messages English lacks: {extra:?}",
            locale.code()
        );
    }
}

/// Every literal key the code looks up, found by reading the sources.
fn keys_used_in_sources() -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().and_then(|e| e.to_str()) != Some("rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("read source");
            for marker in ["t(\"", "t_with(\"", "key: \""] {
                let mut rest = text.as_str();
                while let Some(at) = rest.find(marker) {
                    // Only whole names: `t(` but not `expect(`.
                    let whole = rest[..at]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
                    let piece = &rest[at + marker.len()..];
                    let key: String = piece
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                        .collect();
                    if whole && !key.is_empty() && piece[key.len()..].starts_with('"') {
                        keys.insert(key);
                    }
                    rest = piece;
                }
            }
        }
    }
    keys
}

#[test]
fn every_key_the_code_uses_exists() {
    let english = message_ids(Locale::En);
    let mut used = keys_used_in_sources();
    assert!(used.len() > 10, "source scan found too few keys: {used:?}");
    for problem in [
        FieldError::Required,
        FieldError::TooLong { max: 1 },
        FieldError::TooShort { min: 1 },
        FieldError::InvalidEmail,
        FieldError::UnknownLocale,
        FieldError::InvalidColour,
        FieldError::UnknownTimeZone,
        FieldError::InvalidCurrency,
        FieldError::OutOfRange,
        FieldError::NotANumber,
        FieldError::Between { min: 1, max: 2 },
        FieldError::InvalidSkills,
        FieldError::Taken,
    ] {
        used.insert(problem.message_key().to_string());
    }
    for role in Role::ALL {
        used.insert(role.message_key().to_string());
    }
    for error in crate::error::ApiError::examples() {
        used.insert(error.message_key().to_string());
    }
    let missing: Vec<_> = used.difference(&english).collect();
    assert!(missing.is_empty(), "keys used but not defined: {missing:?}");
}

#[test]
fn lookups_are_translated_and_take_arguments() {
    assert_eq!(tr(Locale::De, "sign-in-title", &[]), "Anmelden");
    assert_eq!(tr(Locale::En, "sign-in-title", &[]), "Sign in");
    let n = tr(Locale::Fr, "field-too-long", &[("n", Arg::Num(254))]);
    assert!(n.contains("254"), "{n}");
    assert!(!n.contains('\u{2068}'), "isolation marks are off");
    assert_eq!(tr(Locale::Es, "no-such-key", &[]), "no-such-key");
}
