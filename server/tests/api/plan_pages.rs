//! The regular-visit pages as a browser without JavaScript uses them: set up a plan with
//! plain forms, have a refused form come back with every field as typed and nothing
//! written, skip a day, pause, and find another account's plan out of reach.

use crate::helpers::{TestApp, location_path, next_weekday, spawn_app, unescape};
use jiff::civil::Weekday;

/// The value of the first `<option>` of the `<select name=…>`.
fn first_option(html: &str, name: &str) -> String {
    let at = html
        .find(&format!("name=\"{name}\""))
        .unwrap_or_else(|| panic!("a {name} select: {html}"));
    let rest = &html[at..];
    let v = rest.find("<option value=\"").expect("an option") + 15;
    let end = rest[v..].find('"').expect("end") + v;
    rest[v..end].to_string()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql)
        .fetch_one(app.store.pool())
        .await
        .expect("count");
    n
}

/// Ana's home and the standard clean (a two-hour visit), as the new-plan page offers them.
async fn choices(app: &TestApp) -> (String, String) {
    let html = unescape(&app.get_html("/plans/new").await);
    assert!(html.contains("Set up a regular visit"), "{html}");
    assert!(
        html.contains("name=\"frequency\" value=\"weekly\""),
        "{html}"
    );
    (
        first_option(&html, "location"),
        first_option(&html, "service"),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_sets_up_skips_and_pauses_a_plan_with_plain_forms() {
    let app = spawn_app().await;
    app.sign_in("ana@example.com").await;
    let list = unescape(&app.get_html("/plans").await);
    assert!(list.contains("You have no regular visits yet"), "{list}");
    assert!(list.contains("href=\"/plans/new\""));
    let (location, service) = choices(&app).await;

    // Every refused field is named; everything typed comes back; nothing is written.
    let bad = [
        ("location", location.as_str()),
        ("service", service.as_str()),
        ("frequency", "fortnightly-ish"),
        ("starts", "2020-01-07"),
        ("ends", "soon"),
        ("time", "25:70"),
        ("notes", "Gate code 4411, dog is friendly"),
    ];
    let res = app.post_form("/api/create-plan", "/plans/new", &bad).await;
    assert_eq!(res.status(), 302);
    let back = location_path(&res, &app.url(""));
    assert!(back.starts_with("/plans/new"), "{back}");
    let html = unescape(&app.get_html(&back).await);
    for expected in [
        "This value is out of range.",
        "Enter a date, like 2026-12-01.",
        "Enter a time of day, like 08:30.",
        "Gate code 4411, dog is friendly",
        "value=\"25:70\"",
        "value=\"soon\"",
        "value=\"2020-01-07\"",
        "aria-invalid=\"true\"",
    ] {
        assert!(html.contains(expected), "missing {expected:?}: {html}");
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM plans").await, 0);

    // A good form books the first visits and lands on the plan.
    let tz = crate::availability::business(&app).await.time_zone.zone();
    let starts = next_weekday(&tz, Weekday::Tuesday).to_string();
    let good = [
        ("location", location.as_str()),
        ("service", service.as_str()),
        ("frequency", "weekly"),
        ("starts", starts.as_str()),
        ("ends", ""),
        ("time", "09:00"),
        ("notes", "Gate code 4411"),
    ];
    let res = app.post_form("/api/create-plan", "/plans/new", &good).await;
    assert_eq!(res.status(), 302);
    let landed = location_path(&res, &app.url(""));
    assert!(landed.starts_with("/plans/PL-"), "{landed}");
    let reference = landed
        .trim_start_matches("/plans/")
        .split('?')
        .next()
        .expect("reference")
        .to_string();
    let html = unescape(&app.get_html(&landed).await);
    assert!(html.contains("Your regular visit is set up"), "{html}");
    assert!(html.contains("Every week on Tuesday"), "{html}");
    assert!(
        html.contains("name=\"day\" value=\""),
        "a skip form per day"
    );
    let booked = count(
        &app,
        "SELECT COUNT(*) FROM plan_days WHERE state = 'booked'",
    )
    .await;
    assert!(booked >= 2, "{booked}");

    // Skipping the first day cancels its visit.
    let day = {
        let at = html.find("name=\"day\" value=\"").expect("day") + 18;
        html[at..at + 10].to_string()
    };
    let page = format!("/plans/{reference}");
    let res = app
        .post_form(
            "/api/skip-plan-day",
            &page,
            &[("plan", &reference), ("day", &day)],
        )
        .await;
    assert_eq!(res.status(), 302);
    let html = unescape(&app.get_html(&location_path(&res, &app.url(""))).await);
    assert!(html.contains("is skipped."), "{html}");
    assert_eq!(
        count(
            &app,
            &format!("SELECT COUNT(*) FROM plan_days WHERE day = '{day}' AND state = 'skipped'")
        )
        .await,
        1
    );

    // A pause with a day that does not read comes back with it; a good one pauses.
    let res = app
        .post_form(
            "/api/pause-plan",
            &page,
            &[("plan", &reference), ("until", "next spring")],
        )
        .await;
    let html = unescape(&app.get_html(&location_path(&res, &app.url(""))).await);
    assert!(html.contains("Enter a date, like 2026-12-01."), "{html}");
    assert!(html.contains("value=\"next spring\""), "{html}");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM plans WHERE paused_until IS NULL"
        )
        .await,
        1
    );
    let until = next_weekday(&tz, Weekday::Tuesday)
        .checked_add(jiff::Span::new().days(21))
        .expect("date")
        .to_string();
    let res = app
        .post_form(
            "/api/pause-plan",
            &page,
            &[("plan", &reference), ("until", &until)],
        )
        .await;
    let html = unescape(&app.get_html(&location_path(&res, &app.url(""))).await);
    assert!(html.contains("The plan is paused."), "{html}");
    assert!(html.contains("Resume now"), "{html}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_account_neither_reads_nor_changes_a_plan() {
    let app = spawn_app().await;
    app.sign_in("ana@example.com").await;
    let (location, service) = choices(&app).await;
    let tz = crate::availability::business(&app).await.time_zone.zone();
    let starts = next_weekday(&tz, Weekday::Tuesday).to_string();
    let res = app
        .post_form(
            "/api/create-plan",
            "/plans/new",
            &[
                ("location", location.as_str()),
                ("service", service.as_str()),
                ("frequency", "every_2_weeks"),
                ("starts", starts.as_str()),
                ("time", "09:00"),
            ],
        )
        .await;
    let landed = location_path(&res, &app.url(""));
    let reference = landed
        .trim_start_matches("/plans/")
        .split('?')
        .next()
        .expect("reference")
        .to_string();
    let days_before = count(&app, "SELECT COUNT(*) FROM plan_days").await;

    let stranger = app.other_browser();
    stranger.sign_in("facilities@example.com").await;
    let res = stranger
        .client
        .get(app.url(&format!("/plans/{reference}")))
        .send()
        .await
        .expect("GET");
    assert_eq!(res.status(), 404);
    let list = unescape(&stranger.get_html("/plans").await);
    assert!(!list.contains(&reference), "{list}");
    for (path, fields) in [
        (
            "/api/skip-plan-day",
            vec![("plan", reference.as_str()), ("day", starts.as_str())],
        ),
        (
            "/api/pause-plan",
            vec![("plan", reference.as_str()), ("until", starts.as_str())],
        ),
        ("/api/end-plan", vec![("plan", reference.as_str())]),
    ] {
        let res = stranger
            .client
            .post(app.url(path))
            .header("accept", "application/json")
            .form(&fields)
            .send()
            .await
            .expect("POST");
        assert_eq!(res.status(), 404, "{path}");
    }
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM plan_days").await,
        days_before
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM plans WHERE status = 'active' AND paused_until IS NULL"
        )
        .await,
        1
    );
    // A reference that does not read is a plain 404 page, never a 500.
    for bad in [
        "/plans/PL-zzz",
        "/plans/%00",
        "/plans/PL-99999999999999999999",
    ] {
        assert_eq!(app.get(bad).await.status(), 404, "{bad}");
    }
}
