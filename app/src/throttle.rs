//! Slows down password guessing without letting a stranger lock anyone out.
//!
//! Failures are counted per (email, client IP) and per client IP across emails, never per
//! email alone: a stranger's wrong passwords for the admin's address slow the stranger, not
//! the admin signing in from their own address. After a few free failures each further one
//! makes the key wait longer (1 s, 2 s, 4 s … up to a cap); an attempt while a key waits is
//! refused before any password is checked. A key forgets its failures after a quiet spell.
//!
//! An attempt counts as a failure from the moment it starts (a success gives it back), so
//! a burst of parallel requests cannot slip past the count. Per process: with several
//! instances each keeps its own count.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::Mutex;

/// Free failures for one email from one address, then growing waits.
pub const FREE_PER_EMAIL_AND_IP: u32 = 5;
/// Free failures from one address across all emails (an office shares one address).
pub const FREE_PER_IP: u32 = 20;
/// The longest wait one key is given, in seconds.
pub const MAX_WAIT_SECS: i64 = 15 * 60;
/// A key with no attempt for this long starts over.
pub const FORGET_AFTER_SECS: i64 = 60 * 60;
/// Keys tracked per kind at most; the stalest are dropped first when full.
const CAPACITY: usize = 50_000;

#[derive(Clone, Copy, Debug)]
struct Entry {
    failures: u32,
    /// No attempt before this time (seconds).
    wait_until: i64,
    last: i64,
}

#[derive(Debug)]
struct Counter<K> {
    free: u32,
    entries: HashMap<K, Entry>,
}

impl<K: Hash + Eq + Clone> Counter<K> {
    fn new(free: u32) -> Self {
        Self {
            free,
            entries: HashMap::new(),
        }
    }

    /// Seconds left to wait for `key`, if it must wait.
    fn waiting(&mut self, key: &K, now: i64) -> Option<i64> {
        let entry = self.entries.get(key)?;
        if now - entry.last >= FORGET_AFTER_SECS {
            self.entries.remove(key);
            return None;
        }
        (entry.wait_until > now).then(|| entry.wait_until - now)
    }

    fn fail(&mut self, key: K, now: i64) {
        if self.entries.len() >= CAPACITY && !self.entries.contains_key(&key) {
            self.entries
                .retain(|_, e| now - e.last < FORGET_AFTER_SECS && e.wait_until > now);
            if self.entries.len() >= CAPACITY
                && let Some(stalest) = self
                    .entries
                    .iter()
                    .min_by_key(|(_, e)| e.last)
                    .map(|(k, _)| k.clone())
            {
                self.entries.remove(&stalest);
            }
        }
        let free = self.free;
        let entry = self.entries.entry(key).or_insert(Entry {
            failures: 0,
            wait_until: now,
            last: now,
        });
        if now - entry.last >= FORGET_AFTER_SECS {
            entry.failures = 0;
        }
        entry.failures = entry.failures.saturating_add(1);
        entry.last = now;
        if entry.failures > free {
            let doublings = (entry.failures - free - 1).min(20);
            entry.wait_until = now + (1i64 << doublings).min(MAX_WAIT_SECS);
        }
    }

    fn give_back(&mut self, key: &K) {
        let free = self.free;
        if let Some(entry) = self.entries.get_mut(key) {
            entry.failures = entry.failures.saturating_sub(1);
            if entry.failures <= free {
                entry.wait_until = 0;
            }
        }
    }

    fn clear(&mut self, key: &K) {
        self.entries.remove(key);
    }
}

#[derive(Debug)]
struct Counters {
    pairs: Counter<(String, IpAddr)>,
    addresses: Counter<IpAddr>,
}

#[derive(Debug)]
pub struct SignInThrottle {
    counters: Mutex<Counters>,
}

impl Default for SignInThrottle {
    fn default() -> Self {
        Self {
            counters: Mutex::new(Counters {
                pairs: Counter::new(FREE_PER_EMAIL_AND_IP),
                addresses: Counter::new(FREE_PER_IP),
            }),
        }
    }
}

impl SignInThrottle {
    fn counters(&self) -> std::sync::MutexGuard<'_, Counters> {
        self.counters
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Counts an attempt for `email` from `ip` before the password is checked;
    /// `Err(seconds to wait)` while either key must wait (nothing is counted then).
    pub fn attempt(&self, email: &str, ip: IpAddr, now: i64) -> Result<(), u64> {
        let mut c = self.counters();
        let pair = (email.to_string(), ip);
        let wait = c
            .pairs
            .waiting(&pair, now)
            .into_iter()
            .chain(c.addresses.waiting(&ip, now))
            .max();
        if let Some(wait) = wait {
            return Err(u64::try_from(wait).unwrap_or(1).max(1));
        }
        c.pairs.fail(pair, now);
        c.addresses.fail(ip, now);
        Ok(())
    }

    /// A successful sign-in: the pair starts over, and the address gets this attempt back
    /// (not its other failures: signing in to one's own account must not reset a spray).
    pub fn succeeded(&self, email: &str, ip: IpAddr) {
        let mut c = self.counters();
        c.pairs.clear(&(email.to_string(), ip));
        c.addresses.give_back(&ip);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(last: u8) -> IpAddr {
        IpAddr::from([203, 0, 113, last])
    }

    #[test]
    fn a_strangers_failures_do_not_stop_the_owner_at_their_own_address() {
        let t = SignInThrottle::default();
        let admin = "admin@example.com";
        let mut refused = 0;
        for second in 0..200 {
            if t.attempt(admin, ip(66), second).is_err() {
                refused += 1;
            }
        }
        assert!(refused > 150, "the stranger is slowed: {refused}");
        assert_eq!(t.attempt(admin, ip(10), 200), Ok(()), "the admin is not");
        t.succeeded(admin, ip(10));
    }

    #[test]
    fn waits_grow_after_the_free_failures_and_are_forgotten_later() {
        let t = SignInThrottle::default();
        let (email, from) = ("ana@example.com", ip(1));
        for _ in 0..FREE_PER_EMAIL_AND_IP {
            assert_eq!(t.attempt(email, from, 100), Ok(()));
        }
        assert_eq!(
            t.attempt(email, from, 100),
            Ok(()),
            "sixth: counted, then a wait"
        );
        assert_eq!(t.attempt(email, from, 100), Err(1));
        assert_eq!(t.attempt(email, from, 101), Ok(()));
        assert_eq!(t.attempt(email, from, 101), Err(2));
        assert_eq!(t.attempt(email, from, 103), Ok(()));
        assert_eq!(t.attempt(email, from, 103), Err(4));
        assert_eq!(
            t.attempt(email, from, 103 + FORGET_AFTER_SECS),
            Ok(()),
            "a quiet hour later it starts over"
        );
    }

    #[test]
    fn spraying_one_password_over_many_emails_is_slowed_per_address() {
        let t = SignInThrottle::default();
        let sprayer = ip(99);
        let mut allowed = 0;
        for n in 0..100 {
            if t.attempt(&format!("person{n}@example.com"), sprayer, 500)
                .is_ok()
            {
                allowed += 1;
            }
        }
        assert_eq!(
            allowed,
            FREE_PER_IP + 1,
            "then every email waits for the address"
        );
        assert_eq!(
            t.attempt("x@example.com", ip(7), 500),
            Ok(()),
            "others are not"
        );
    }

    #[test]
    fn success_clears_the_pair_but_not_the_address() {
        let t = SignInThrottle::default();
        let from = ip(5);
        for n in 0..FREE_PER_IP {
            assert_eq!(t.attempt(&format!("p{n}@example.com"), from, 10), Ok(()));
        }
        assert_eq!(t.attempt("mine@example.com", from, 10), Ok(()));
        t.succeeded("mine@example.com", from);
        assert_eq!(t.attempt("next@example.com", from, 10), Ok(()));
        assert!(t.attempt("again@example.com", from, 10).is_err());
    }
}
