//! Passwords: argon2id hashes, and types that keep secrets out of logs and JSON.

use crate::error::FieldError;
use argon2::password_hash::{PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Argon2, PasswordHash as PhcHash};
use rand::rngs::OsRng;
use std::fmt;
use std::sync::OnceLock;

/// A password as typed. Not `Serialize`, and `Debug` prints nothing of it.
pub struct Password(String);

pub const MIN_PASSWORD_LEN: usize = 12;
/// Hashing cost grows with input; a cap keeps a huge body from becoming a denial of service.
pub const MAX_PASSWORD_LEN: usize = 1024;

impl Password {
    /// A new password someone chooses: long enough to resist guessing.
    pub fn parse_new(raw: String) -> Result<Self, FieldError> {
        let chars = raw.chars().count();
        if chars == 0 {
            Err(FieldError::Required)
        } else if chars < MIN_PASSWORD_LEN {
            Err(FieldError::TooShort {
                min: MIN_PASSWORD_LEN,
            })
        } else if raw.len() > MAX_PASSWORD_LEN {
            Err(FieldError::TooLong {
                max: MAX_PASSWORD_LEN,
            })
        } else {
            Ok(Self(raw))
        }
    }

    /// A password typed to sign in: only presence and the size cap are checked, so that the
    /// answer never tells which rule an old password breaks.
    pub fn parse_attempt(raw: String) -> Result<Self, FieldError> {
        if raw.is_empty() {
            Err(FieldError::Required)
        } else if raw.len() > MAX_PASSWORD_LEN {
            Err(FieldError::TooLong {
                max: MAX_PASSWORD_LEN,
            })
        } else {
            Ok(Self(raw))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(…)")
    }
}

/// The lowest zxcvbn score a new password may have (3: "safely unguessable").
pub const MIN_SCORE: u8 = 3;
/// zxcvbn's work grows with length; characters past this many are not scored (a password
/// this long is past guessing anyway).
const SCORED_CHARS: usize = 64;
/// Parts of a name or email shorter than this are not looked for in a password.
const PERSONAL_MIN: usize = 3;

/// How guessable a new password is, as the form tells the person choosing it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Strength {
    /// zxcvbn's score, 0 (guessed at once) to 4.
    pub score: u8,
    /// Why it would be refused; `None`: it is accepted.
    pub problem: Option<FieldError>,
}

/// Rates a new password; `personal` are the person's name and email, which it must not
/// contain (zxcvbn also counts them as easily guessed).
pub fn strength(raw: &str, personal: &[&str]) -> Strength {
    let problem = Password::parse_new(raw.to_string()).err();
    let scored: String = raw.chars().take(SCORED_CHARS).collect();
    let mut inputs: Vec<String> = Vec::new();
    for item in personal {
        let item = item.trim().to_lowercase();
        inputs.extend(
            item.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= PERSONAL_MIN)
                .map(str::to_string),
        );
        inputs.push(item);
    }
    inputs.retain(|w| w.chars().count() >= PERSONAL_MIN);
    let words: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let score = if scored.is_empty() {
        0
    } else {
        u8::from(zxcvbn::zxcvbn(&scored, &words).score())
    };
    let lowered = raw.to_lowercase();
    let problem = problem.or_else(|| {
        if words.iter().any(|w| lowered.contains(w)) {
            Some(FieldError::PasswordPersonal)
        } else if score < MIN_SCORE {
            Some(FieldError::PasswordWeak)
        } else {
            None
        }
    });
    Strength { score, problem }
}

/// A new password that passes every rule: long enough, not personal, not guessable.
pub fn choose(raw: String, personal: &[&str]) -> Result<Password, FieldError> {
    match strength(&raw, personal).problem {
        Some(problem) => Err(problem),
        None => Password::parse_new(raw),
    }
}

/// A PHC-format argon2id hash as stored in `users.password_hash`.
#[derive(Clone, PartialEq, Eq)]
pub struct PasswordHash(String);

impl PasswordHash {
    pub fn from_stored(phc: String) -> Self {
        Self(phc)
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PasswordHash(…)")
    }
}

#[derive(Debug, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(String);

/// Hashes with argon2id and the crate's recommended parameters (19 MiB, 2 passes).
/// CPU-heavy: call it from `spawn_blocking`.
pub fn hash(password: &Password) -> Result<PasswordHash, HashError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.expose().as_bytes(), &salt)
        .map(|h| PasswordHash(h.to_string()))
        .map_err(|e| HashError(e.to_string()))
}

/// Whether `password` matches `hash`. A malformed stored hash matches nothing.
/// CPU-heavy: call it from `spawn_blocking`.
pub fn verify(password: &Password, hash: &PasswordHash) -> bool {
    match PhcHash::new(hash.expose()) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.expose().as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// A hash of a password nobody has, verified against when the email is unknown so that
/// an unknown address and a wrong password take the same time.
pub fn decoy_hash() -> &'static PasswordHash {
    static DECOY: OnceLock<PasswordHash> = OnceLock::new();
    DECOY.get_or_init(|| {
        let salt = SaltString::generate(&mut OsRng);
        let phc = Argon2::default()
            .hash_password(b"decoy password that nobody can know", &salt)
            .map(|h| h.to_string())
            .unwrap_or_default();
        PasswordHash(phc)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_differ() {
        let pw = Password::parse_new("correct horse battery".into()).expect("valid");
        let a = hash(&pw).expect("hash");
        let b = hash(&pw).expect("hash");
        assert_ne!(a, b, "salted");
        assert!(a.expose().starts_with("$argon2id$"));
        assert!(verify(&pw, &a));
        let wrong = Password::parse_attempt("incorrect horse".into()).expect("valid");
        assert!(!verify(&wrong, &a));
        assert!(!verify(&pw, &PasswordHash::from_stored("garbage".into())));
    }

    #[test]
    fn secrets_do_not_print() {
        let pw = Password::parse_attempt("hunter2".into()).expect("valid");
        assert_eq!(format!("{pw:?}"), "Password(…)");
        assert!(
            !format!("{:?}", PasswordHash::from_stored("$argon2id$x".into())).contains("argon")
        );
    }

    #[test]
    fn guessable_and_personal_passwords_are_refused() {
        let ana = ["Ana López", "ana.lopez@example.com"];
        let rated = |raw: &str| strength(raw, &ana);
        assert_eq!(
            rated("password1234").problem,
            Some(FieldError::PasswordWeak)
        );
        assert_eq!(
            rated("qwertyuiop123").problem,
            Some(FieldError::PasswordWeak)
        );
        assert_eq!(
            rated("lopez-river-kettle-87").problem,
            Some(FieldError::PasswordPersonal)
        );
        assert_eq!(
            rated("short").problem,
            Some(FieldError::TooShort {
                min: MIN_PASSWORD_LEN
            })
        );
        let good = rated("violet kettle marches north");
        assert_eq!(good.problem, None, "{good:?}");
        assert!(good.score >= MIN_SCORE);
        assert!(choose("violet kettle marches north".into(), &ana).is_ok());
        assert_eq!(
            choose("password1234".into(), &ana).err(),
            Some(FieldError::PasswordWeak)
        );
        // A very long password is rated on its start, quickly, and accepted.
        assert_eq!(rated(&"kettle violet ".repeat(70)).problem, None);
    }

    #[test]
    fn new_passwords_have_a_minimum_and_a_cap() {
        assert_eq!(
            Password::parse_new(String::new()).err(),
            Some(FieldError::Required)
        );
        assert_eq!(
            Password::parse_new("short".into()).err(),
            Some(FieldError::TooShort {
                min: MIN_PASSWORD_LEN
            })
        );
        assert_eq!(
            Password::parse_new("x".repeat(2000)).err(),
            Some(FieldError::TooLong {
                max: MAX_PASSWORD_LEN
            })
        );
    }
}
