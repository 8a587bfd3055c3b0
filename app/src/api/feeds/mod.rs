//! Each person's private calendar feed.

mod calendar_feed;

pub use calendar_feed::*;
