//! Both daylight-saving changes in Europe/Berlin and America/New_York, through a night
//! shift (00:00–06:00 local) that spans them: windows start every 30 real minutes, none at
//! a local time that does not exist, none twice, each exactly one hour long.

use super::*;

fn night_windows(tz: &str, day: &str) -> Vec<Window> {
    let home = point(40.7, -74.0);
    let svc = service(30, 0, &[]);
    let t = tech(1, home, &[("00:00", "06:00")], &[]);
    let day_before = date(day).yesterday().expect("date");
    let now = day_before
        .to_zoned(rules(tz, 60, 30).time_zone().clone())
        .expect("zoned")
        .timestamp();
    let req = Request {
        service: &svc,
        at: home,
        postal_code: None,
        from: date(day),
        days: 1,
        now,
    };
    search(&req, &[t], &[], &rules(tz, 60, 30))
}

/// Checks the windows cover `[first, last]` every 30 real minutes, each one hour long.
fn assert_continuous(windows: &[Window], first: &str, last: &str, count: usize) {
    let starts: Vec<Timestamp> = windows.iter().map(|w| w.start).collect();
    assert_eq!(starts.len(), count, "{starts:?}");
    assert_eq!(starts.first().copied(), Some(ts(first)));
    assert_eq!(starts.last().copied(), Some(ts(last)));
    for pair in starts.windows(2) {
        assert_eq!(
            pair[1].duration_since(pair[0]),
            mins(30),
            "none skipped, none twice: {pair:?}"
        );
    }
    for w in windows {
        assert_eq!(w.end.duration_since(w.start), mins(60), "one real hour");
        assert_eq!(
            w.candidates[0].planned_start, w.start,
            "free technician starts at the window start"
        );
    }
}

fn local_hours(windows: &[Window], tz: &str) -> Vec<(i8, i8, i32)> {
    let zone = jiff::tz::TimeZone::get(tz).expect("zone");
    windows
        .iter()
        .map(|w| {
            let z = w.start.to_zoned(zone.clone());
            (z.hour(), z.minute(), z.offset().seconds())
        })
        .collect()
}

#[test]
fn new_york_spring_forward() {
    // 2026-03-08 02:00 EST becomes 03:00 EDT. The shift is 00:00 EST (05:00Z) to
    // 06:00 EDT (10:00Z): five real hours; the last 30-minute job starts at 09:30Z.
    let windows = night_windows("America/New_York", "2026-03-08");
    assert_continuous(&windows, "2026-03-08T05:00:00Z", "2026-03-08T09:30:00Z", 10);
    assert!(
        local_hours(&windows, "America/New_York")
            .iter()
            .all(|(h, _, _)| *h != 2),
        "02:xx does not exist"
    );
}

#[test]
fn new_york_fall_back() {
    // 2026-11-01 02:00 EDT becomes 01:00 EST: 01:00 and 01:30 happen twice. The shift is
    // 00:00 EDT (04:00Z) to 06:00 EST (11:00Z): seven real hours.
    let windows = night_windows("America/New_York", "2026-11-01");
    assert_continuous(&windows, "2026-11-01T04:00:00Z", "2026-11-01T10:30:00Z", 14);
    let hours = local_hours(&windows, "America/New_York");
    let one_oclock: Vec<_> = hours
        .iter()
        .filter(|(h, m, _)| *h == 1 && *m == 0)
        .collect();
    assert_eq!(one_oclock.len(), 2, "01:00 twice");
    assert_ne!(one_oclock[0].2, one_oclock[1].2, "at two different offsets");
}

#[test]
fn berlin_spring_forward() {
    // 2026-03-29 02:00 CET becomes 03:00 CEST. Shift 00:00 CET (23:00Z the day before)
    // to 06:00 CEST (04:00Z).
    let windows = night_windows("Europe/Berlin", "2026-03-29");
    assert_continuous(&windows, "2026-03-28T23:00:00Z", "2026-03-29T03:30:00Z", 10);
    assert!(
        local_hours(&windows, "Europe/Berlin")
            .iter()
            .all(|(h, _, _)| *h != 2),
        "02:xx does not exist"
    );
}

#[test]
fn berlin_fall_back() {
    // 2026-10-25 03:00 CEST becomes 02:00 CET: 02:00 and 02:30 happen twice. Shift
    // 00:00 CEST (22:00Z the day before) to 06:00 CET (05:00Z).
    let windows = night_windows("Europe/Berlin", "2026-10-25");
    assert_continuous(&windows, "2026-10-24T22:00:00Z", "2026-10-25T04:30:00Z", 14);
    let twice: Vec<_> = local_hours(&windows, "Europe/Berlin")
        .into_iter()
        .filter(|(h, m, _)| (*h, *m) == (2, 30))
        .collect();
    assert_eq!(twice.len(), 2);
}

#[test]
fn a_day_shift_on_a_change_day_has_its_real_length() {
    // 08:00–17:00 local on the spring-forward day is nine real hours, starting at 08:00 EDT.
    let home = point(40.7, -74.0);
    let svc = service(60, 0, &[]);
    let t = tech(1, home, &[("08:00", "17:00")], &[]);
    let r = rules("America/New_York", 120, 60);
    let req = Request {
        service: &svc,
        at: home,
        postal_code: None,
        from: date("2026-03-08"),
        days: 1,
        now: ts("2026-03-07T00:00:00Z"),
    };
    let windows = search(&req, &[t], &[], &r);
    assert_eq!(
        windows.first().map(|w| w.candidates[0].planned_start),
        Some(ts("2026-03-08T12:00:00Z")),
        "first start 08:00 EDT"
    );
    assert_eq!(
        windows.last().map(|w| w.start),
        Some(ts("2026-03-08T20:00:00Z")),
        "last start 16:00 EDT"
    );
    assert!(
        windows
            .iter()
            .all(|w| w.end.duration_since(w.start) == mins(120))
    );
}
