//! Slows down password guessing: after too many sign-in attempts for one email address in a
//! quarter of an hour without a success, further attempts for it are refused until the
//! window has passed.
//! Per process: with several instances each keeps its own count.

use std::collections::HashMap;
use std::sync::Mutex;

/// Failed attempts allowed per address and window.
pub const MAX_FAILURES: u32 = 10;
/// The window, in seconds.
pub const WINDOW_SECS: i64 = 15 * 60;
/// Addresses tracked at most; old entries are dropped first when full.
const CAPACITY: usize = 10_000;

#[derive(Debug, Default)]
pub struct SignInThrottle {
    failures: Mutex<HashMap<String, (u32, i64)>>,
}

impl SignInThrottle {
    /// Counts an attempt for the address before the password is checked, so parallel
    /// requests cannot slip past the limit; `Err(seconds to wait)` once it is used up.
    pub fn attempt(&self, email: &str, now: i64) -> Result<(), u64> {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() >= CAPACITY && !map.contains_key(email) {
            map.retain(|_, (_, since)| now - *since < WINDOW_SECS);
            if map.len() >= CAPACITY
                && let Some(oldest) = map
                    .iter()
                    .min_by_key(|(_, (_, since))| *since)
                    .map(|(k, _)| k.clone())
            {
                map.remove(&oldest);
            }
        }
        let entry = map.entry(email.to_string()).or_insert((0, now));
        if now - entry.1 >= WINDOW_SECS {
            *entry = (0, now);
        }
        if entry.0 >= MAX_FAILURES {
            return Err(u64::try_from(WINDOW_SECS - (now - entry.1))
                .unwrap_or(1)
                .max(1));
        }
        entry.0 += 1;
        Ok(())
    }

    /// A successful sign-in clears the address's count.
    pub fn succeeded(&self, email: &str) {
        self.failures
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(email);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_after_the_limit_until_the_window_passes() {
        let t = SignInThrottle::default();
        for _ in 0..MAX_FAILURES {
            assert_eq!(t.attempt("a@b.co", 100), Ok(()));
        }
        assert_eq!(
            t.attempt("a@b.co", 160),
            Err(u64::try_from(WINDOW_SECS - 60).unwrap_or(0))
        );
        assert_eq!(t.attempt("other@b.co", 160), Ok(()), "per address");
        assert_eq!(
            t.attempt("a@b.co", 100 + WINDOW_SECS),
            Ok(()),
            "a new window"
        );
        t.succeeded("a@b.co");
        assert_eq!(t.attempt("a@b.co", 161), Ok(()));
    }
}
