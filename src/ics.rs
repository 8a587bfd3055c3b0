//! iCalendar (RFC 5545) for "Add to calendar" and the calendar feeds. Times are written in
//! UTC (`…Z`), which every calendar shows in its own zone and which no daylight-saving
//! change can shift; text is escaped and lines folded at 75 octets as the RFC requires.

use jiff::Timestamp;

/// One visit as a calendar event.
#[derive(Clone, Debug)]
pub struct Event {
    /// Stable across updates, unique worldwide: `DS-000042@portal.example.com`.
    pub uid: String,
    pub start: Timestamp,
    pub end: Timestamp,
    pub summary: String,
    pub location: String,
    pub description: String,
    /// The visit's page.
    pub url: Option<String>,
    pub cancelled: bool,
    /// Bumped when the event changes, so calendars replace their copy.
    pub sequence: i64,
}

/// `20261124T093000Z`.
fn utc(at: Timestamp) -> String {
    at.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for ch in value.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes one content line, folded so no physical line exceeds 75 octets, never splitting
/// a character.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for ch in content.chars() {
        let len = ch.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += len;
    }
    out.push_str("\r\n");
}

/// A whole calendar: `name` is the calendar's title in the client.
pub fn calendar(name: &str, events: &[Event], now: Timestamp) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Doorstep//Customer portal//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", text(name)));
    for e in events {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", text(&e.uid)));
        line(&mut out, &format!("DTSTAMP:{}", utc(now)));
        line(&mut out, &format!("DTSTART:{}", utc(e.start)));
        line(&mut out, &format!("DTEND:{}", utc(e.end)));
        line(&mut out, &format!("SEQUENCE:{}", e.sequence.max(0)));
        line(&mut out, &format!("SUMMARY:{}", text(&e.summary)));
        if !e.location.is_empty() {
            line(&mut out, &format!("LOCATION:{}", text(&e.location)));
        }
        if !e.description.is_empty() {
            line(&mut out, &format!("DESCRIPTION:{}", text(&e.description)));
        }
        if let Some(url) = &e.url {
            // A URI, not TEXT: nothing to escape, but never a line break.
            let url: String = url.chars().filter(|c| !c.is_control()).collect();
            line(&mut out, &format!("URL:{url}"));
        }
        let status = if e.cancelled {
            "CANCELLED"
        } else {
            "CONFIRMED"
        };
        line(&mut out, &format!("STATUS:{status}"));
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_folds_and_writes_utc() {
        let start: Timestamp = "2026-03-29T00:30:00Z".parse().expect("ts");
        let event = Event {
            uid: "DS-000042@portal.example.com".into(),
            start,
            end: start + jiff::SignedDuration::from_hours(2),
            summary: "Deep clean; kitchen, oven\\hob".into(),
            location: "Kastanienallee 12\n10435 Berlin".into(),
            description: "é".repeat(60),
            url: Some("https://portal.example.com/visits/DS-000042".into()),
            cancelled: false,
            sequence: 0,
        };
        let ics = calendar("Visits", &[event], start);
        assert!(ics.contains("DTSTART:20260329T003000Z\r\n"));
        assert!(ics.contains("DTEND:20260329T023000Z\r\n"));
        assert!(ics.contains("SUMMARY:Deep clean\\; kitchen\\, oven\\\\hob\r\n"));
        assert!(ics.contains("LOCATION:Kastanienallee 12\\n10435 Berlin\r\n"));
        for physical in ics.split("\r\n") {
            assert!(physical.len() <= 75, "{physical:?}");
        }
        // Unfolded, the description is whole.
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("DESCRIPTION:{}", "é".repeat(60))));
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    }
}
