//! "When can you come?" from the database, through the store, to the engine, and from the
//! command line.

use crate::helpers::spawn_app;
use doorstep::brand::Business;
use doorstep::scheduling::GeoPoint;
use doorstep::services::availability::{AvailabilityError, Query, ServiceKey, find_windows};
use doorstep::store::scheduling::{NewJob, insert_job};
use jiff::{SignedDuration, Timestamp};

pub(crate) fn shop() -> GeoPoint {
    GeoPoint::new(52.4891, 13.3936).expect("point")
}

/// The next Tuesday to Friday after today, when every demo technician works.
fn next_working_day(tz: &jiff::tz::TimeZone) -> jiff::civil::Date {
    let mut day = Timestamp::now()
        .to_zoned(tz.clone())
        .date()
        .tomorrow()
        .expect("date");
    while !(2..=5).contains(&day.weekday().to_monday_one_offset()) {
        day = day.tomorrow().expect("date");
    }
    day
}

pub(crate) async fn business(app: &crate::helpers::TestApp) -> Business {
    let mut conn = app.store.conn().await.expect("conn");
    doorstep::store::business::load(&mut conn)
        .await
        .expect("load")
        .expect("settings")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_week_has_windows_for_qualified_technicians_only() {
    let app = spawn_app().await;
    let settings = business(&app).await;
    let now = Timestamp::now();
    let from = now.to_zoned(settings.time_zone.zone()).date();
    let query = Query {
        service: ServiceKey::from("standard CLEAN"),
        at: shop(),
        postal_code: Some("10961"),
        from,
        days: 7,
        now,
    };
    let (snapshot, windows) = find_windows(&app.store, &settings, &query)
        .await
        .expect("search");
    assert_eq!(snapshot.technicians.len(), 3);
    assert!(!snapshot.jobs.is_empty(), "the demo week of jobs is loaded");
    assert!(
        windows.len() > 10,
        "plenty of windows in a week: {}",
        windows.len()
    );
    let names = doorstep::services::availability::names(&snapshot.technicians);
    for w in &windows {
        assert!(
            w.start >= now + SignedDuration::from_mins(120),
            "minimum notice"
        );
        for c in &w.candidates {
            assert_ne!(names[&c.technician], "Lena Vogel", "no cleaning skill");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_services_and_bad_ranges_are_refused() {
    let app = spawn_app().await;
    let settings = business(&app).await;
    let now = Timestamp::now();
    let from = now.to_zoned(settings.time_zone.zone()).date();
    let query = Query {
        service: ServiceKey::from("Pool cleaning"),
        at: shop(),
        postal_code: None,
        from,
        days: 1,
        now,
    };
    let err = find_windows(&app.store, &settings, &query).await.err();
    assert!(matches!(err, Some(AvailabilityError::UnknownService(_))));
    for days in [0, 61] {
        let query = Query {
            service: ServiceKey::from("Standard clean"),
            days,
            ..query.clone()
        };
        let err = find_windows(&app.store, &settings, &query).await.err();
        assert!(
            matches!(err, Some(AvailabilityError::TooManyDays)),
            "{days}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_booked_day_is_no_longer_offered() {
    let app = spawn_app().await;
    let settings = business(&app).await;
    let tz = settings.time_zone.zone();
    let now = Timestamp::now();
    let day = next_working_day(&tz);
    let query = Query {
        service: ServiceKey::from("Drain inspection"),
        at: shop(),
        postal_code: None,
        from: day,
        days: 1,
        now,
    };
    let (snapshot, before) = find_windows(&app.store, &settings, &query)
        .await
        .expect("search");
    let lena = snapshot
        .technicians
        .iter()
        .find(|t| t.name == "Lena Vogel")
        .expect("Lena")
        .id;
    let yusuf = snapshot
        .technicians
        .iter()
        .find(|t| t.name == "Yusuf Demir")
        .expect("Yusuf")
        .id;
    // Fill both plumbers' whole day with one long job.
    let start = day.to_zoned(tz.clone()).expect("midnight").timestamp();
    let mut conn = app.store.conn().await.expect("conn");
    for tech in [lena, yusuf] {
        let job = NewJob {
            account_id: 1,
            location_id: 1,
            service_id: snapshot.service.id,
            technician_id: Some(tech),
            status: "assigned",
            planned_start: start.as_second(),
            planned_end: start.as_second() + 23 * 3600,
            window: None,
            notes: None,
            booked_by: None,
        };
        insert_job(&mut conn, &job, now.as_second())
            .await
            .expect("job");
    }
    drop(conn);
    let (_, after) = find_windows(&app.store, &settings, &query)
        .await
        .expect("search");
    assert!(
        !before.is_empty(),
        "plumbers are free on a working day before the booking"
    );
    assert!(after.is_empty(), "fully booked: {after:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_command_line_prints_windows_from_the_configured_database() {
    let app = spawn_app().await;
    let url = app.database_url.clone();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_doorstep"))
        .args([
            "--config",
            "/nonexistent/Leptos.toml",
            "availability",
            "--service",
            "Standard clean",
        ])
        .args([
            "--days",
            "7",
            "--at",
            "52.4891,13.3936",
            "--postal-code",
            "10961",
        ])
        .env("DOORSTEP_DATABASE_URL", &url)
        // Its data folder too: the data key that sealed the access notes is kept there.
        .env("DOORSTEP_DATA_DIR", &app.data_dir)
        .env("DOORSTEP_LOG_LEVEL", "warn")
        .output()
        .expect("run doorstep");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("Standard clean (120 min + 15 min buffer)"),
        "{stdout}"
    );
    assert!(stdout.contains("window(s)."), "{stdout}");

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_doorstep"))
        .args([
            "--config",
            "/nonexistent/Leptos.toml",
            "availability",
            "--service",
            "Nope",
            "--at",
            "52.5,13.4",
        ])
        .env("DOORSTEP_DATABASE_URL", &url)
        .env("DOORSTEP_DATA_DIR", &app.data_dir)
        .env("DOORSTEP_LOG_LEVEL", "error")
        .output()
        .expect("run doorstep");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("known services: AC tune-up"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dispatchers_get_the_best_technician_with_the_reason() {
    let app = spawn_app().await;
    let settings = business(&app).await;
    let tz = settings.time_zone.zone();
    // 11:00 on the next Tuesday to Friday: Lena (HVAC) is the only one for a boiler.
    let day = next_working_day(&tz);
    let start = day.at(11, 0, 0, 0).to_zoned(tz).expect("zoned").timestamp();
    let best = doorstep::services::availability::best_technicians(
        &app.store,
        &settings,
        ServiceKey::from("Boiler service"),
        shop(),
        None,
        start,
    )
    .await
    .expect("best");
    assert_eq!(best.len(), 1, "{best:?}");
    assert_eq!(best[0].planned_start, start);
    assert!(
        best[0].added_travel > SignedDuration::ZERO,
        "the reason is in the data"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dates_far_from_today_are_refused_not_panicked_on() {
    let app = spawn_app().await;
    let settings = business(&app).await;
    let now = Timestamp::now();
    for (from, at) in [
        ("9999-12-30", now),
        ("2026-11-24", Timestamp::MAX),
        ("1900-01-01", now),
    ] {
        let query = Query {
            service: ServiceKey::from("Standard clean"),
            at: shop(),
            postal_code: None,
            from: from.parse().expect("date"),
            days: 3,
            now: at,
        };
        let err = find_windows(&app.store, &settings, &query).await.err();
        assert!(
            matches!(err, Some(AvailabilityError::DateOutOfRange)),
            "{from} {at}: {err:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_free_window_is_found_across_the_horizon_or_none() {
    use doorstep::services::availability::first_window;
    let app = spawn_app().await;
    let settings = business(&app).await;
    let now = Timestamp::now();
    let tz = settings.time_zone.zone();
    // Nobody works for the next three weeks (time off for everyone, from now until midnight
    // three weeks on: a holiday ending mid-morning would leave windows that start before it
    // ends and still fit the job after it, whatever the time of day the test runs).
    let until = now
        .to_zoned(tz.clone())
        .date()
        .checked_add(jiff::Span::new().days(21))
        .and_then(|day| day.to_zoned(tz.clone()))
        .expect("date")
        .timestamp();
    app.execute(&format!(
        "INSERT INTO technician_time_off (user_id, starts_at, ends_at, reason) \
         SELECT user_id, {}, {}, 'holiday' FROM technicians",
        now.as_second(),
        until.as_second()
    ))
    .await;
    let first = first_window(
        &app.store,
        &settings,
        ServiceKey::from("Standard clean"),
        shop(),
        Some("10961"),
        now,
    )
    .await
    .expect("search")
    .expect("a window after the holiday");
    assert!(first.start >= until, "{} before {}", first.start, until);
    let latest = until
        .to_zoned(tz.clone())
        .date()
        .checked_add(jiff::Span::new().days(4))
        .expect("date");
    assert!(
        first.start.to_zoned(tz).date() <= latest,
        "the first working day after it: {}",
        first.start
    );
    // A horizon shorter than the holiday: nothing at all.
    app.execute("UPDATE scheduling_rules SET horizon_days = 14")
        .await;
    let none = first_window(
        &app.store,
        &settings,
        ServiceKey::from("Standard clean"),
        shop(),
        Some("10961"),
        now,
    )
    .await
    .expect("search");
    assert!(none.is_none(), "{none:?}");
}
