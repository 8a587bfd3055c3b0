//! Secrets kept sealed in the database: access notes (door and alarm codes). Each value is
//! encrypted with AES-256-GCM under the current data key, with a fresh random nonce, and
//! stored as `sealed1:<key id>:<base64 of nonce and ciphertext>`; the key id (the first
//! bytes of the key's SHA-256) says which key opens it, so old keys keep working during a
//! rotation. Values written before sealing existed are read as they are, and sealed by
//! `doorstep rotate-data-key` (run at every start too).

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use rand::RngCore;
use sha2::{Digest, Sha256};
use std::fmt;
use std::sync::Arc;

const PREFIX: &str = "sealed1:";
/// What the ciphertext is bound to: a sealed value from elsewhere does not open as a note.
const CONTEXT: &[u8] = b"doorstep access notes v1";
const NONCE_BYTES: usize = 12;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SecretError {
    /// A data key setting that is not 32 bytes of base64.
    #[error("a data key must be 32 bytes, written in base64 (`doorstep new-data-key` makes one)")]
    BadKey,
    /// Sealed under a key this server does not have.
    #[error("sealed with data key {0}, which is not configured (set it in previous_data_keys)")]
    UnknownKey(String),
    /// Changed or damaged since it was sealed.
    #[error("a sealed value does not open: it was changed or damaged")]
    Damaged,
}

struct DataKey {
    id: String,
    cipher: Aes256Gcm,
}

impl DataKey {
    fn parse(encoded: &str) -> Result<Self, SecretError> {
        let bytes = STANDARD
            .decode(encoded.trim())
            .or_else(|_| URL_SAFE_NO_PAD.decode(encoded.trim()))
            .map_err(|_| SecretError::BadKey)?;
        if bytes.len() != 32 {
            return Err(SecretError::BadKey);
        }
        let id = Sha256::digest(&bytes)
            .iter()
            .take(4)
            .map(|b| format!("{b:02x}"))
            .collect();
        let cipher = Aes256Gcm::new_from_slice(&bytes).map_err(|_| SecretError::BadKey)?;
        Ok(Self { id, cipher })
    }
}

/// The current data key and any previous ones still needed to open older values.
#[derive(Clone)]
pub struct Keyring {
    keys: Arc<[DataKey]>,
}

impl fmt::Debug for Keyring {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ids: Vec<&str> = self.keys.iter().map(|k| k.id.as_str()).collect();
        write!(f, "Keyring({ids:?})")
    }
}

impl Keyring {
    /// `current` seals; `current` and `previous` open.
    pub fn new(current: &str, previous: &[String]) -> Result<Self, SecretError> {
        let mut keys = vec![DataKey::parse(current)?];
        for old in previous {
            keys.push(DataKey::parse(old)?);
        }
        Ok(Self { keys: keys.into() })
    }

    /// A new random key, in the form the settings take.
    pub fn new_key() -> String {
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        STANDARD.encode(bytes)
    }

    /// The id of the key that seals.
    pub fn current_id(&self) -> &str {
        &self.keys[0].id
    }

    pub fn seal(&self, plain: &str) -> String {
        let key = &self.keys[0];
        let mut nonce = [0u8; NONCE_BYTES];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let payload = Payload {
            msg: plain.as_bytes(),
            aad: CONTEXT,
        };
        // Encrypting in memory cannot fail for inputs this small (GCM's limit is 64 GiB).
        let sealed = key
            .cipher
            .encrypt(Nonce::from_slice(&nonce), payload)
            .unwrap_or_default();
        let mut out = nonce.to_vec();
        out.extend(sealed);
        format!("{PREFIX}{}:{}", key.id, URL_SAFE_NO_PAD.encode(out))
    }

    /// The plain text of a stored value (a value from before sealing is returned as it is).
    pub fn open(&self, stored: &str) -> Result<String, SecretError> {
        let Some(rest) = stored.strip_prefix(PREFIX) else {
            return Ok(stored.to_string());
        };
        let (id, body) = rest.split_once(':').ok_or(SecretError::Damaged)?;
        let key = self
            .keys
            .iter()
            .find(|k| k.id == id)
            .ok_or_else(|| SecretError::UnknownKey(id.to_string()))?;
        let bytes = URL_SAFE_NO_PAD
            .decode(body)
            .map_err(|_| SecretError::Damaged)?;
        if bytes.len() < NONCE_BYTES {
            return Err(SecretError::Damaged);
        }
        let (nonce, sealed) = bytes.split_at(NONCE_BYTES);
        let plain = key
            .cipher
            .decrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: sealed,
                    aad: CONTEXT,
                },
            )
            .map_err(|_| SecretError::Damaged)?;
        String::from_utf8(plain).map_err(|_| SecretError::Damaged)
    }

    /// [`Keyring::open`] for an optional value.
    pub fn open_opt(&self, stored: Option<&str>) -> Result<Option<String>, SecretError> {
        stored.map(|s| self.open(s)).transpose()
    }

    /// [`Keyring::seal`] for an optional value.
    pub fn seal_opt(&self, plain: Option<&str>) -> Option<String> {
        plain.map(|p| self.seal(p))
    }

    /// Whether a stored value is sealed under the current key already.
    pub fn is_current(&self, stored: &str) -> bool {
        stored
            .strip_prefix(PREFIX)
            .and_then(|rest| rest.split_once(':'))
            .is_some_and(|(id, _)| id == self.current_id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_values_open_only_with_their_key_and_unchanged() {
        let old = Keyring::new_key();
        let ring = Keyring::new(&old, &[]).expect("key");
        let sealed = ring.seal("Gate code 4711");
        assert!(sealed.starts_with("sealed1:"), "{sealed}");
        assert!(!sealed.contains("4711"));
        assert_ne!(
            sealed,
            ring.seal("Gate code 4711"),
            "a fresh nonce each time"
        );
        assert_eq!(ring.open(&sealed).as_deref(), Ok("Gate code 4711"));
        assert_eq!(
            ring.open("written before sealing").as_deref(),
            Ok("written before sealing")
        );

        // Rotated: the new key seals, the old one still opens what it sealed.
        let rotated = Keyring::new(&Keyring::new_key(), &[old]).expect("keys");
        assert_eq!(rotated.open(&sealed).as_deref(), Ok("Gate code 4711"));
        assert!(!rotated.is_current(&sealed));
        assert!(rotated.is_current(&rotated.seal("x")));
        // Without it: named, never garbage.
        let stranger = Keyring::new(&Keyring::new_key(), &[]).expect("key");
        assert!(matches!(
            stranger.open(&sealed),
            Err(SecretError::UnknownKey(_))
        ));

        // Tampered: refused.
        let mut bytes = sealed.into_bytes();
        let last = bytes.len() - 2;
        bytes[last] = if bytes[last] == b'A' { b'B' } else { b'A' };
        let tampered = String::from_utf8(bytes).expect("utf8");
        assert_eq!(ring.open(&tampered), Err(SecretError::Damaged));
        for bad in ["", "short", "c2hvcnQ=", &STANDARD.encode([0u8; 31])] {
            assert_eq!(
                Keyring::new(bad, &[]).err(),
                Some(SecretError::BadKey),
                "{bad}"
            );
        }
    }
}
