//! Time-based one-time codes (RFC 6238, as every authenticator app reads them): a 20-byte
//! secret, HMAC-SHA1, 30-second steps, 6 digits. A code is accepted one step early or late
//! (a phone's clock drifts), and each step works once: the step of the last accepted code is
//! kept, and codes of it or before are refused.

use hmac::{Hmac, Mac};
use rand::RngCore;
use sha1::Sha1;

/// Seconds per step.
pub const STEP_SECS: i64 = 30;
/// Digits in a code.
pub const DIGITS: u32 = 6;
/// Bytes of a secret (160 bits, as RFC 4226 recommends).
pub const SECRET_BYTES: usize = 20;

const BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// A new random secret.
pub fn new_secret() -> Vec<u8> {
    let mut bytes = vec![0u8; SECRET_BYTES];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes
}

/// The secret as people type it into an app (RFC 4648 base32, no padding).
pub fn base32(bytes: &[u8]) -> String {
    let mut out = String::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(BASE32[((buffer >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(BASE32[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// The bytes of a base32 secret (spaces and case ignored); `None` if it is not base32.
pub fn from_base32(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        let value = BASE32
            .iter()
            .position(|&b| b as char == c.to_ascii_uppercase())? as u32;
        buffer = (buffer << 5) | value;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push(((buffer >> bits) & 0xff) as u8);
        }
    }
    Some(out)
}

/// The code of one step.
pub fn code_at_step(secret: &[u8], step: i64) -> u32 {
    let Ok(mut mac) = Hmac::<Sha1>::new_from_slice(secret) else {
        return u32::MAX;
    };
    mac.update(&step.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = (digest[19] & 0x0f) as usize;
    let value = (u32::from(digest[offset]) & 0x7f) << 24
        | u32::from(digest[offset + 1]) << 16
        | u32::from(digest[offset + 2]) << 8
        | u32::from(digest[offset + 3]);
    value % 10u32.pow(DIGITS)
}

/// The step a moment falls in.
pub fn step_of(unix_secs: i64) -> i64 {
    unix_secs.div_euclid(STEP_SECS)
}

/// What typing a code gave: the step it matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    Accepted {
        step: i64,
    },
    /// A code of a step used already (a replay, or a second sign-in with the same code).
    Replayed,
    Wrong,
}

/// Checks a typed code at `now` against the secret, refusing steps up to `last_step`.
pub fn check(secret: &[u8], typed: &str, now: i64, last_step: Option<i64>) -> Check {
    let digits: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if digits.len() != DIGITS as usize || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Check::Wrong;
    }
    let Ok(wanted) = digits.parse::<u32>() else {
        return Check::Wrong;
    };
    let here = step_of(now);
    let mut replayed = false;
    for step in [here - 1, here, here + 1] {
        if code_at_step(secret, step) == wanted {
            if last_step.is_some_and(|last| step <= last) {
                replayed = true;
                continue;
            }
            return Check::Accepted { step };
        }
    }
    if replayed {
        Check::Replayed
    } else {
        Check::Wrong
    }
}

/// The `otpauth://` address an app reads from the QR code.
pub fn otpauth_uri(secret: &[u8], issuer: &str, account: &str) -> String {
    fn encode(s: &str) -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect()
    }
    format!(
        "otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECS}",
        encode(issuer),
        encode(account),
        base32(secret),
        encode(issuer)
    )
}

/// Ten new recovery codes, each 16 base32 characters (80 bits) in groups of four.
pub fn recovery_codes() -> Vec<String> {
    (0..10)
        .map(|_| {
            let mut bytes = [0u8; 10];
            rand::rngs::OsRng.fill_bytes(&mut bytes);
            let text = base32(&bytes).to_lowercase();
            text.as_bytes()
                .chunks(4)
                .map(|c| String::from_utf8_lossy(c).to_string())
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect()
}

/// A recovery code as typed, made comparable: lower case, no spaces or dashes.
pub fn normalise_recovery(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rfc_6238_test_vectors_hold() {
        // RFC 6238 appendix B, SHA-1, with its 20-byte ASCII secret (8 digits there, the
        // last 6 of them here).
        let secret = b"12345678901234567890";
        for (time, eight) in [
            (59, 94_287_082u32),
            (1_111_111_109, 7_081_804),
            (1_234_567_890, 89_005_924),
            (2_000_000_000, 69_279_037),
        ] {
            assert_eq!(
                code_at_step(secret, step_of(time)),
                eight % 1_000_000,
                "{time}"
            );
        }
    }

    #[test]
    fn a_code_works_once_within_a_step_of_now() {
        let secret = new_secret();
        let now = 1_800_000_000;
        let code = format!("{:06}", code_at_step(&secret, step_of(now)));
        let Check::Accepted { step } = check(&secret, &code, now, None) else {
            panic!("accepted");
        };
        assert_eq!(check(&secret, &code, now, Some(step)), Check::Replayed);
        assert_eq!(
            check(&secret, &code, now + 30, None),
            Check::Accepted { step }
        );
        assert_eq!(check(&secret, &code, now + 95, None), Check::Wrong);
        for bad in ["", "12345", "1234567", "abcdef", "１２３４５６"] {
            assert_eq!(check(&secret, bad, now, None), Check::Wrong, "{bad}");
        }
    }

    #[test]
    fn secrets_and_codes_read_back() {
        let secret = new_secret();
        assert_eq!(from_base32(&base32(&secret)), Some(secret.clone()));
        assert_eq!(base32(b"foobar"), "MZXW6YTBOI");
        assert_eq!(from_base32("mzxw 6ytb oi"), Some(b"foobar".to_vec()));
        assert_eq!(from_base32("0189"), None);
        let codes = recovery_codes();
        assert_eq!(codes.len(), 10);
        assert_eq!(codes[0].len(), 19);
        assert_eq!(normalise_recovery(&codes[0].to_uppercase()).len(), 16);
        let uri = otpauth_uri(&secret, "Brightside Home", "ana@example.com");
        assert!(uri.starts_with("otpauth://totp/Brightside%20Home:ana%40example.com?secret="));
    }
}
