//! Technicians as the office plans them: skills and area, weekly hours with split shifts,
//! time off and extra shifts. What is saved is what the booking calendar offers next;
//! mistakes are named field by field and change nothing; only the office may do it.

use crate::availability::{business, shop};
use crate::helpers::{TestApp, location_path, spawn_app, unescape, weekday_after_demo_week};
use doorstep::services::availability::{Query, ServiceKey, find_windows};
use jiff::Timestamp;
use jiff::civil::{Date, Weekday};

fn form(user: &str, pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut out = vec![("user".to_string(), user.to_string())];
    out.extend(
        pairs
            .iter()
            .map(|(k, v)| (format!("fields[{k}]"), (*v).to_string())),
    );
    out
}

async fn user_ref(app: &TestApp, email: &str) -> String {
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(app.store.pool())
        .await
        .expect("user");
    doorstep::ids::UserRef::from_id(id).to_string()
}

/// Days (local) with a window for a standard clean at the shop in the next 14 days.
async fn days_with_windows(app: &TestApp) -> Vec<(Date, Vec<u16>)> {
    let settings = business(app).await;
    let tz = settings.time_zone.zone();
    let now = Timestamp::now();
    let query = Query {
        service: ServiceKey::from("Standard clean"),
        at: shop(),
        postal_code: None,
        from: now.to_zoned(tz.clone()).date(),
        days: 14,
        now,
    };
    let (_, windows) = find_windows(&app.store, &settings, &query)
        .await
        .expect("windows");
    let mut days: Vec<(Date, Vec<u16>)> = Vec::new();
    for w in windows {
        let local = w.start.to_zoned(tz.clone());
        let minute = u16::try_from(local.hour()).expect("hour") * 60
            + u16::try_from(local.minute()).expect("minute");
        match days.last_mut() {
            Some((d, starts)) if *d == local.date() => starts.push(minute),
            _ => days.push((local.date(), vec![minute])),
        }
    }
    days
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_calendar_follows_the_hours_time_off_and_extra_shifts_the_office_sets() {
    let app = spawn_app().await;
    app.sign_in("dispatch@example.com").await;
    let html = unescape(&app.get_html("/office/technicians").await);
    for name in ["Tomás", "Lena", "Yusuf"] {
        assert!(html.contains(name), "{name}: {html}");
    }
    assert!(html.contains("Mon 08:00–12:00, 12:30–16:30"), "{html}");
    let tomas = user_ref(&app, "tomas@example.com").await;
    let html = unescape(&app.get_html(&format!("/office/technicians/{tomas}")).await);
    assert!(
        html.contains("name=\"fields[hours_1]\" value=\"08:00–12:00, 12:30–16:30\""),
        "{html}"
    );
    assert!(html.contains("name=\"fields[skills]\" value=\"cleaning, ladder\""));

    // Nobody works: nothing to book.
    for email in ["tomas@example.com", "lena@example.com", "yusuf@example.com"] {
        let who = user_ref(&app, email).await;
        let res = app
            .call_form("/api/save-technician-hours", &form(&who, &[]))
            .await;
        assert_eq!(
            res.status(),
            200,
            "{}",
            res.text().await.unwrap_or_default()
        );
    }
    assert!(days_with_windows(&app).await.is_empty());

    // Tomás works a split shift on weekdays: windows on weekdays only, inside his hours.
    let split = "07:00-11:00, 14:00-18:00";
    let week: Vec<(&str, &str)> = vec![
        ("hours_1", split),
        ("hours_2", split),
        ("hours_3", split),
        ("hours_4", split),
        ("hours_5", split),
    ];
    let res = app
        .client
        .post(app.url("/api/save-technician-hours"))
        .header("accept", "text/html")
        .header("referer", app.url(&format!("/office/technicians/{tomas}")))
        .form(&form(&tomas, &week))
        .send()
        .await
        .expect("POST");
    let landed = location_path(&res, &app.url(""));
    assert_eq!(landed, format!("/office/technicians/{tomas}?saved=hours"));
    let html = unescape(&app.get_html(&landed).await);
    assert!(html.contains("Weekly hours saved.") && html.contains("40:00 hours a week"));
    let days = days_with_windows(&app).await;
    assert!(!days.is_empty());
    for (day, starts) in &days {
        assert!(
            day.weekday().to_monday_one_offset() <= 5,
            "{day} is a weekend"
        );
        for start in starts {
            // A window may open a little before the shift: the job starts inside it.
            assert!((5 * 60..18 * 60).contains(start), "{day} {start}");
        }
    }
    assert!(
        days.iter()
            .any(|(_, s)| s.iter().any(|m| *m < 11 * 60) && s.iter().any(|m| *m >= 13 * 60)),
        "both parts of the split shift are offered: {days:?}"
    );

    // Time off for a whole Wednesday empties it; other days stay. The Wednesday is past the
    // demo week, whose jobs would fill some days but not others depending on today's date.
    let settings = business(&app).await;
    let tz = settings.time_zone.zone();
    let wednesday = weekday_after_demo_week(&tz, Weekday::Wednesday).to_string();
    assert!(
        days_with_windows(&app)
            .await
            .iter()
            .any(|(d, _)| d.to_string() == wednesday),
        "the Wednesday is open before the time off"
    );
    let res = app
        .call_form(
            "/api/add-time-off",
            &form(
                &tomas,
                &[
                    ("start_day", &wednesday),
                    ("end_day", &wednesday),
                    ("reason", "Training"),
                ],
            ),
        )
        .await;
    assert_eq!(
        res.status(),
        200,
        "{}",
        res.text().await.unwrap_or_default()
    );
    let days = days_with_windows(&app).await;
    assert!(!days.iter().any(|(d, _)| d.to_string() == wednesday));
    assert!(!days.is_empty());

    // An extra Sunday morning opens that Sunday.
    let sunday = weekday_after_demo_week(&tz, Weekday::Sunday).to_string();
    let res = app
        .call_form(
            "/api/add-extra-shift",
            &form(
                &tomas,
                &[("day", &sunday), ("from", "08:00"), ("until", "12:00")],
            ),
        )
        .await;
    assert_eq!(
        res.status(),
        200,
        "{}",
        res.text().await.unwrap_or_default()
    );
    let days = days_with_windows(&app).await;
    assert!(
        days.iter().any(|(d, _)| d.to_string() == sunday),
        "{days:?}"
    );

    // The page lists both; removing the time off gives Wednesday back.
    let html = unescape(&app.get_html(&format!("/office/technicians/{tomas}")).await);
    assert!(
        html.contains("Training") && html.contains("Remove time off"),
        "{html}"
    );
    let (entry,): (i64,) =
        sqlx::query_as("SELECT id FROM technician_time_off WHERE reason = 'Training'")
            .fetch_one(app.store.pool())
            .await
            .expect("entry");
    let res = app
        .call(
            "/api/remove-time-off",
            &[("user", &tomas), ("entry", &entry.to_string())],
        )
        .await;
    assert_eq!(res.status(), 200);
    let days = days_with_windows(&app).await;
    assert!(days.iter().any(|(d, _)| d.to_string() == wednesday));

    // Every change is in the trail, by the dispatcher, about Tomás.
    let actions: Vec<(String,)> =
        sqlx::query_as("SELECT action FROM audit_log WHERE subject = $1 ORDER BY id")
            .bind(&tomas)
            .fetch_all(app.store.pool())
            .await
            .expect("audit");
    let actions: Vec<&str> = actions.iter().map(|(a,)| a.as_str()).collect();
    assert_eq!(
        actions,
        [
            "technician_hours_saved",
            "technician_hours_saved",
            "time_off_added",
            "extra_shift_added",
            "time_off_removed"
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_smaller_area_and_new_skills_change_who_is_offered() {
    let app = spawn_app().await;
    app.sign_in("dispatch@example.com").await;
    let tomas = user_ref(&app, "tomas@example.com").await;
    let yusuf = user_ref(&app, "yusuf@example.com").await;
    // Yusuf stops cleaning; Tomás's area shrinks to 1 km around a home far from the shop.
    let res = app
        .call_form(
            "/api/save-technician",
            &form(
                &yusuf,
                &[
                    ("skills", "plumbing"),
                    ("home_latitude", "52.4870"),
                    ("home_longitude", "13.4305"),
                    ("radius_km", "8"),
                ],
            ),
        )
        .await;
    assert_eq!(
        res.status(),
        200,
        "{}",
        res.text().await.unwrap_or_default()
    );
    assert!(
        !days_with_windows(&app).await.is_empty(),
        "Tomás still goes"
    );
    let res = app
        .call_form(
            "/api/save-technician",
            &form(
                &tomas,
                &[
                    ("skills", "cleaning, ladder"),
                    ("home_latitude", "52,5163"),
                    ("home_longitude", "13,3777"),
                    ("radius_km", "1"),
                    ("postal_codes", ""),
                ],
            ),
        )
        .await;
    assert_eq!(
        res.status(),
        200,
        "{}",
        res.text().await.unwrap_or_default()
    );
    assert!(
        days_with_windows(&app).await.is_empty(),
        "nobody covers the shop"
    );
    let (radius, codes): (Option<f64>, String) = sqlx::query_as(
        "SELECT t.area_radius_km, t.area_postal_codes FROM technicians t \
         JOIN users u ON u.id = t.user_id WHERE u.email = 'tomas@example.com'",
    )
    .fetch_one(app.store.pool())
    .await
    .expect("row");
    assert_eq!((radius, codes.as_str()), (Some(1.0), ""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mistakes_are_named_keep_what_was_typed_and_change_nothing() {
    let app = spawn_app().await;
    app.sign_in("dispatch@example.com").await;
    let tomas = user_ref(&app, "tomas@example.com").await;
    let page = format!("/office/technicians/{tomas}");
    let hours = || async {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM technician_hours")
            .fetch_one(app.store.pool())
            .await
            .expect("count");
        n
    };
    let before = hours().await;
    let post = |path: &'static str, fields: Vec<(String, String)>| {
        let app = &app;
        let page = page.clone();
        async move {
            let res = app
                .client
                .post(app.url(path))
                .header("accept", "text/html")
                .header("referer", app.url(&page))
                .form(&fields)
                .send()
                .await
                .expect("POST");
            let back = location_path(&res, &app.url(""));
            unescape(&app.get_html(&back).await)
        }
    };
    let html = post(
        "/api/save-technician-hours",
        form(
            &tomas,
            &[
                ("hours_1", "8-12, 11-14"),
                ("hours_3", "nine to five"),
                ("hours_5", "08:00-16:00"),
            ],
        ),
    )
    .await;
    for expected in [
        "These hours overlap",
        "Write hours like 08:00–12:00",
        "name=\"fields[hours_3]\" value=\"nine to five\"",
        "name=\"fields[hours_5]\" value=\"08:00-16:00\"",
    ] {
        assert!(html.contains(expected), "missing {expected:?}: {html}");
    }
    assert_eq!(hours().await, before, "nothing written");

    let html = post(
        "/api/save-technician",
        form(
            &tomas,
            &[
                ("skills", "<b>"),
                ("home_latitude", "95"),
                ("home_longitude", "13.4"),
                ("radius_km", ""),
                ("postal_codes", "10961, <script>"),
            ],
        ),
    )
    .await;
    for expected in [
        "List skills as short words",
        "Enter a number from -90 to 90.",
        "Postal codes are separated by commas",
        "name=\"fields[postal_codes]\" value=\"10961, &lt;script&gt;\"",
    ] {
        assert!(html.contains(expected), "missing {expected:?}: {html}");
    }
    let html = post(
        "/api/save-technician",
        form(
            &tomas,
            &[
                ("home_latitude", "52.5"),
                ("home_longitude", "13.4"),
                ("radius_km", ""),
            ],
        ),
    )
    .await;
    assert!(
        html.contains("Give a radius, postal codes, or both"),
        "{html}"
    );

    let html = post(
        "/api/add-time-off",
        form(
            &tomas,
            &[
                ("start_day", "2030-03-10"),
                ("start_time", "14:00"),
                ("end_day", "2030-03-10"),
                ("end_time", "09:00"),
            ],
        ),
    )
    .await;
    assert!(html.contains("This must come after the start."), "{html}");
    assert!(html.contains("name=\"fields[start_time]\" value=\"14:00\""));
    let html = post(
        "/api/add-extra-shift",
        form(
            &tomas,
            &[("day", "next sunday"), ("from", "9"), ("until", "25:00")],
        ),
    )
    .await;
    assert!(html.contains("Enter a date, like 2026-12-01."), "{html}");
    assert!(html.contains("Enter a time of day, like 08:30."), "{html}");
    for table in ["technician_time_off", "technician_extra_shifts"] {
        let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(app.store.pool())
            .await
            .expect("count");
        assert_eq!(n, 0, "{table}");
    }

    // Not a technician, nobody at all, or another technician's entry: not found.
    let dispatcher = user_ref(&app, "dispatch@example.com").await;
    for who in [dispatcher.as_str(), "PE-999999", "nonsense"] {
        let res = app
            .call_form(
                "/api/save-technician-hours",
                &form(who, &[("hours_1", "8-12")]),
            )
            .await;
        assert_eq!(res.status(), 404, "{who}");
        let res = app.get(&format!("/office/technicians/{who}")).await;
        assert_eq!(res.status(), 404, "{who}");
    }
    let lena = user_ref(&app, "lena@example.com").await;
    let res = app
        .call_form(
            "/api/add-time-off",
            &form(
                &lena,
                &[("start_day", "2030-03-10"), ("end_day", "2030-03-11")],
            ),
        )
        .await;
    assert_eq!(res.status(), 200);
    let (entry,): (i64,) = sqlx::query_as("SELECT id FROM technician_time_off")
        .fetch_one(app.store.pool())
        .await
        .expect("entry");
    let res = app
        .call(
            "/api/remove-time-off",
            &[("user", &tomas), ("entry", &entry.to_string())],
        )
        .await;
    assert_eq!(res.status(), 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_office_plans_technicians() {
    let app = spawn_app().await;
    let tomas = user_ref(&app, "tomas@example.com").await;
    let calls: [(&str, Vec<(String, String)>); 6] = [
        ("/api/technicians", vec![]),
        ("/api/technician", vec![("user".into(), tomas.clone())]),
        (
            "/api/save-technician",
            form(
                &tomas,
                &[
                    ("skills", "cleaning"),
                    ("home_latitude", "52.5"),
                    ("home_longitude", "13.4"),
                    ("radius_km", "10"),
                ],
            ),
        ),
        (
            "/api/save-technician-hours",
            form(&tomas, &[("hours_1", "0-24")]),
        ),
        (
            "/api/add-time-off",
            form(
                &tomas,
                &[("start_day", "2030-01-01"), ("end_day", "2030-01-02")],
            ),
        ),
        (
            "/api/add-extra-shift",
            form(
                &tomas,
                &[("day", "2030-01-05"), ("from", "8"), ("until", "9")],
            ),
        ),
    ];
    for (path, fields) in &calls {
        assert_eq!(app.call_form(path, fields).await.status(), 401, "{path}");
    }
    for (email, status) in [
        ("ana@example.com", 403),
        ("tomas@example.com", 403),
        ("admin@example.com", 200),
    ] {
        app.sign_in(email).await;
        for (path, fields) in &calls {
            assert_eq!(
                app.call_form(path, fields).await.status(),
                status,
                "{email} {path}"
            );
        }
    }
    let (off, extra): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM technician_time_off), \
         (SELECT COUNT(*) FROM technician_extra_shifts)",
    )
    .fetch_one(app.store.pool())
    .await
    .expect("counts");
    assert_eq!((off, extra), (1, 1), "the admin's, and nobody else's");
}
