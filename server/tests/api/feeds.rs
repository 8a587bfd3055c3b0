//! Private calendar feeds: made and shown once, read by a real iCalendar parser (Python's
//! `icalendar`) with times right across a daylight-saving change, replaced and turned off,
//! and only ever listing the owner's visits.

use crate::helpers::{TestApp, location_path, spawn_app, unescape};
use jiff::Timestamp;
use jiff::tz::TimeZone;

/// Makes a feed through the no-JavaScript form; returns its address path and secret.
async fn make_feed(app: &TestApp) -> (String, String) {
    let res = app
        .post_form("/api/create-calendar-feed", "/calendar-feed", &[])
        .await;
    assert_eq!(res.status(), 302);
    let landed = location_path(&res, &app.url(""));
    let secret = landed
        .strip_prefix("/calendar-feed?secret=")
        .unwrap_or_else(|| panic!("{landed}"))
        .to_string();
    let page = unescape(&app.get_html(&landed).await);
    let path = format!("/feeds/{secret}.ics");
    // The full address, on the portal's public origin.
    assert!(
        page.contains(&format!("{path}\"")) && page.contains("value=\"http"),
        "{page}"
    );
    (path, secret)
}

/// A visit for `account` at `location` with `technician`, arriving 10:00-12:00 Berlin time
/// on `day`.
async fn visit_at(
    app: &TestApp,
    account: i64,
    location: i64,
    technician: i64,
    day: jiff::civil::Date,
) -> i64 {
    let berlin = TimeZone::get("Europe/Berlin").expect("tz");
    let start = day
        .at(10, 0, 0, 0)
        .to_zoned(berlin)
        .expect("zoned")
        .timestamp()
        .as_second();
    let mut conn = app.store.conn().await.expect("conn");
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO jobs (account_id, location_id, service_id, technician_id, status, planned_start, \
         planned_end, created_at, window_start, window_end) \
         VALUES ($1, $2, 1, $3, 'scheduled', $4, $5, 0, $4, $5) RETURNING id",
    )
    .bind(account)
    .bind(location)
    .bind(technician)
    .bind(start)
    .bind(start + 7200)
    .fetch_one(&mut *conn)
    .await
    .expect("visit");
    id
}

async fn user_id(app: &TestApp, email: &str) -> i64 {
    let mut conn = app.store.conn().await.expect("conn");
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&mut *conn)
        .await
        .expect("user");
    id
}

/// Each event of an iCalendar text as Python's `icalendar` reads it: UID, then the start
/// in Berlin time.
fn parse_with_icalendar(ics: &str) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("feed.ics");
    std::fs::write(&file, ics).expect("write");
    let script = "import sys, zoneinfo, icalendar\n\
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n\
        berlin = zoneinfo.ZoneInfo('Europe/Berlin')\n\
        for e in cal.walk('VEVENT'):\n\
        \x20   start = e.decoded('DTSTART').astimezone(berlin)\n\
        \x20   print(str(e['UID']) + ' ' + start.strftime('%Y-%m-%d %H:%M %Z'))\n";
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&file)
        .output()
        .expect("python3 (pip install icalendar)");
    assert!(
        out.status.success(),
        "icalendar refused the feed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            l.split_once(' ')
                .map(|(u, t)| (u.to_string(), t.to_string()))
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customers_feed_reads_right_across_a_daylight_saving_change() {
    let app = spawn_app().await;
    app.sign_in("ana@example.com").await;
    let (path, secret) = make_feed(&app).await;

    // Two visits at 10:00 Berlin time either side of the next change of the clocks.
    let berlin = TimeZone::get("Europe/Berlin").expect("tz");
    let change = berlin
        .following(Timestamp::now())
        .next()
        .expect("a coming change")
        .timestamp()
        .to_zoned(berlin.clone())
        .date();
    let before = change
        .checked_sub(jiff::Span::new().days(2))
        .expect("before");
    let after = change
        .checked_add(jiff::Span::new().days(2))
        .expect("after");
    let tomas = user_id(&app, "tomas@example.com").await;
    let first = visit_at(&app, 1, 1, tomas, before).await;
    let second = visit_at(&app, 1, 1, tomas, after).await;
    // Another account's visit never appears.
    let other = visit_at(&app, 2, 2, tomas, after).await;

    let visitor = reqwest::Client::new();
    let res = visitor.get(app.url(&path)).send().await.expect("GET");
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["content-type"],
        "text/calendar; charset=utf-8"
    );
    assert_eq!(res.headers()["cache-control"], "private, no-store");
    let ics = res.text().await.expect("body");
    let events = parse_with_icalendar(&ics);
    let find = |id: i64| {
        let uid = format!("{}@", doorstep::ids::VisitRef::from_id(id));
        events
            .iter()
            .find(|(u, _)| u.starts_with(&uid))
            .map(|(_, t)| t.clone())
    };
    let (a, b) = (find(first).expect("first"), find(second).expect("second"));
    assert!(a.starts_with(&format!("{before} 10:00")), "{a}");
    assert!(b.starts_with(&format!("{after} 10:00")), "{b}");
    assert_ne!(
        a.rsplit(' ').next(),
        b.rsplit(' ').next(),
        "the zone's name changed: {a} / {b}"
    );
    assert!(find(other).is_none(), "never another account's visit");

    // A new address ends the old one; turning it off ends that too.
    let (new_path, new_secret) = make_feed(&app).await;
    assert_ne!(secret, new_secret);
    assert_eq!(
        visitor
            .get(app.url(&path))
            .send()
            .await
            .expect("GET")
            .status(),
        404
    );
    assert_eq!(
        visitor
            .get(app.url(&new_path))
            .send()
            .await
            .expect("GET")
            .status(),
        200
    );
    let res = app
        .post_form("/api/revoke-calendar-feed", "/calendar-feed", &[])
        .await;
    assert_eq!(location_path(&res, &app.url("")), "/calendar-feed?off=1");
    assert_eq!(
        visitor
            .get(app.url(&new_path))
            .send()
            .await
            .expect("GET")
            .status(),
        404
    );
    // Someone else's secret in the address bar shows nothing.
    let page = app
        .get_html(&format!("/calendar-feed?secret={secret}"))
        .await;
    assert!(!page.contains("/feeds/"), "{page}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_technicians_feed_lists_their_own_jobs_and_nobody_else_gets_one() {
    let app = spawn_app().await;
    let tomas = user_id(&app, "tomas@example.com").await;
    let lena = user_id(&app, "lena@example.com").await;
    let day = Timestamp::now()
        .to_zoned(TimeZone::get("Europe/Berlin").expect("tz"))
        .date()
        .checked_add(jiff::Span::new().days(3))
        .expect("day");
    let mine = visit_at(&app, 1, 1, tomas, day).await;
    let hers = visit_at(&app, 2, 2, lena, day).await;
    app.sign_in("tomas@example.com").await;
    let (path, _) = make_feed(&app).await;
    let ics = reqwest::get(app.url(&path))
        .await
        .expect("GET")
        .text()
        .await
        .expect("body");
    let events = parse_with_icalendar(&ics);
    let has = |id: i64| {
        let uid = format!("{}@", doorstep::ids::VisitRef::from_id(id));
        events.iter().any(|(u, _)| u.starts_with(&uid))
    };
    assert!(has(mine) && !has(hers));

    for (email, expected) in [("dispatch@example.com", 403), ("admin@example.com", 403)] {
        let other = app.other_browser();
        other.sign_in(email).await;
        for path in [
            "/api/create-calendar-feed",
            "/api/revoke-calendar-feed",
            "/api/calendar-feed",
        ] {
            let res = other
                .client
                .post(app.url(path))
                .header("accept", "application/json")
                .send()
                .await
                .expect("POST");
            assert_eq!(res.status().as_u16(), expected, "{email} {path}");
        }
    }
    let res = app.call("/api/create-calendar-feed", &[]).await;
    assert_eq!(res.status(), 200, "a signed-in technician may");
    let visitor = reqwest::Client::new();
    let res = visitor
        .post(app.url("/api/create-calendar-feed"))
        .header("accept", "application/json")
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 401);
    let made_up = format!("/feeds/{}.ics", "A".repeat(43));
    for bad in ["/feeds/x.ics", made_up.as_str(), "/feeds/..%2f..%2fetc.ics"] {
        assert_eq!(
            visitor
                .get(app.url(bad))
                .send()
                .await
                .expect("GET")
                .status(),
            404,
            "{bad}"
        );
    }
}
