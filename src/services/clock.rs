//! The time, read by use cases only: the store never looks at the clock, it stores the
//! times it is given, so every write of a use case carries one consistent "now".

/// Seconds since the Unix epoch (UTC), the unit every time column uses.
pub fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}
