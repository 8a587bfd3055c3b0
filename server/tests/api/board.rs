//! The dispatcher's board as a browser without JavaScript uses it: a technician's day with
//! the travel before each visit, a visit moved to where the engine finds it fits (with its
//! reason) and the customer told, a move that fits nowhere explained, time blocked, and
//! every refused form coming back as typed with nothing written.

use crate::helpers::{TestApp, location_path, spawn_app, unescape};
use doorstep::ids::{UserRef, VisitRef};
use doorstep::scheduling::GeoPoint;
use doorstep::services::availability::{self, ServiceKey};
use jiff::{SignedDuration, Timestamp};

async fn one<T: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin>(
    app: &TestApp,
    sql: &str,
) -> T {
    sqlx::query_as(sql)
        .fetch_one(app.store.pool())
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dispatcher_moves_a_visit_where_it_fits_and_the_customer_sees_the_new_time() {
    let app = spawn_app().await;
    let (visit, _, start) = crate::changes::booked_visit(&app).await;
    let id = VisitRef::parse(&visit).expect("visit").id();
    let settings = crate::availability::business(&app).await;
    let tz = settings.time_zone.zone();
    let day = Timestamp::from_second(start)
        .expect("start")
        .to_zoned(tz.clone())
        .date();
    let office = app.other_browser();
    office.sign_in("dispatch@example.com").await;

    // The visit is on its technician's lane, with the travel to it.
    let (technician, service): (i64, i64) = one(
        &app,
        &format!("SELECT technician_id, service_id FROM jobs WHERE id = {id}"),
    )
    .await;
    let board = unescape(&office.get_html(&format!("/office/board?day={day}")).await);
    let lane = board
        .find(&format!("id=\"lane-{}\"", UserRef::from_id(technician)))
        .unwrap_or_else(|| panic!("a lane for the technician: {board}"));
    assert!(board[lane..].contains(&visit), "{board}");
    assert!(board.contains("min of travel to get here"), "{board}");
    assert!(board.contains("Regular visits to arrange"));

    // Somewhere later that day that the engine says fits.
    let (lat, lng, postal): (f64, f64, String) = one(
        &app,
        "SELECT latitude, longitude, postal_code FROM locations WHERE label = 'Home'",
    )
    .await;
    let at = GeoPoint::new(lat, lng).expect("point");
    let mut target = None;
    for hours in [2, 3, 4, -2, 5] {
        let when =
            Timestamp::from_second(start).expect("start") + SignedDuration::from_hours(hours);
        let fits = availability::best_technicians(
            &app.store,
            &settings,
            ServiceKey::Id(service),
            at,
            Some(&postal),
            when,
        )
        .await
        .expect("best");
        if let Some(best) = fits.into_iter().next() {
            target = Some((best.technician, when));
            break;
        }
    }
    let (to_technician, when) = target.expect("a time that fits someone");
    let local = when.to_zoned(tz.clone());
    let (to_day, to_time) = (
        local.date().to_string(),
        local.strftime("%H:%M").to_string(),
    );
    let to_ref = UserRef::from_id(to_technician).to_string();
    let mails_before: (i64,) = one(&app, "SELECT COUNT(*) FROM mail_messages").await;
    let page = format!("/office/board?day={day}");
    let res = office
        .client
        .post(app.url("/api/move-visit"))
        .header("accept", "text/html")
        .header("referer", app.url(&page))
        .form(&[
            ("visit", visit.as_str()),
            ("technician", &to_ref),
            ("day", &to_day),
            ("time", &to_time),
        ])
        .send()
        .await
        .expect("move");
    assert_eq!(res.status(), 302);
    let landed = location_path(&res, &app.url(""));
    assert!(landed.contains(&format!("moved={visit}")), "{landed}");
    let html = unescape(&office.get_html(&landed).await);
    assert!(
        html.contains("is moved. It adds"),
        "the engine's reason: {html}"
    );
    let (now_technician, planned, window): (i64, i64, i64) = one(
        &app,
        &format!("SELECT technician_id, planned_start, window_start FROM jobs WHERE id = {id}"),
    )
    .await;
    assert_eq!(
        (now_technician, planned, window),
        (to_technician, when.as_second(), when.as_second())
    );
    let moved: (i64,) = one(
        &app,
        &format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'visit_moved' AND subject = '{visit}'"
        ),
    )
    .await;
    assert_eq!(moved.0, 1);
    let mails: (i64,) = one(&app, "SELECT COUNT(*) FROM mail_messages").await;
    assert_eq!(mails.0, mails_before.0 + 1, "the customer is told");
    // Ana's visit page shows the new time after a reload.
    let visit_page = unescape(&app.get_html(&format!("/visits/{visit}")).await);
    let shown = when.to_zoned(tz.clone()).strftime("%H:%M").to_string();
    assert!(visit_page.contains(&shown), "{shown} on {visit_page}");

    // Three at night fits nobody: said so, and nothing moves.
    let res = office
        .client
        .post(app.url("/api/move-visit"))
        .header("accept", "text/html")
        .header("referer", app.url(&page))
        .form(&[
            ("visit", visit.as_str()),
            ("technician", &to_ref),
            ("day", &to_day),
            ("time", "03:00"),
        ])
        .send()
        .await
        .expect("move");
    let html = unescape(&office.get_html(&location_path(&res, &app.url(""))).await);
    assert!(
        html.contains("does not fit that technician's day at that time"),
        "{html}"
    );
    assert!(html.contains("Nobody can take it at that time"), "{html}");
    // A time that does not read comes back with the form open and as typed.
    let res = office
        .client
        .post(app.url("/api/move-visit"))
        .header("accept", "text/html")
        .header("referer", app.url(&page))
        .form(&[
            ("visit", visit.as_str()),
            ("technician", &to_ref),
            ("day", &to_day),
            ("time", "half past ten"),
        ])
        .send()
        .await
        .expect("move");
    let html = unescape(&office.get_html(&location_path(&res, &app.url(""))).await);
    assert!(html.contains("Enter a time of day, like 08:30."), "{html}");
    assert!(html.contains("value=\"half past ten\""), "{html}");
    let after: (i64, i64) = one(
        &app,
        &format!("SELECT technician_id, planned_start FROM jobs WHERE id = {id}"),
    )
    .await;
    assert_eq!(after, (to_technician, when.as_second()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn blocking_time_shows_on_the_lane_and_a_bad_span_writes_nothing() {
    let app = spawn_app().await;
    let office = app.other_browser();
    office.sign_in("dispatch@example.com").await;
    let (tomas,): (i64,) = one(
        &app,
        "SELECT id FROM users WHERE email = 'tomas@example.com'",
    )
    .await;
    let tomas = UserRef::from_id(tomas).to_string();
    let tz = crate::availability::business(&app).await.time_zone.zone();
    let day = crate::helpers::next_weekday(&tz, jiff::civil::Weekday::Wednesday).to_string();
    let page = format!("/office/board?day={day}");
    let post = |fields: Vec<(&'static str, String)>| {
        let request = office
            .client
            .post(app.url("/api/block-time"))
            .header("accept", "text/html")
            .header("referer", app.url(&page))
            .form(&fields);
        async move { request.send().await.expect("block") }
    };
    let before: (i64,) = one(&app, "SELECT COUNT(*) FROM technician_time_off").await;
    let res = post(vec![
        ("technician", tomas.clone()),
        ("day", day.clone()),
        ("from", "14:00".into()),
        ("until", "13:00".into()),
        ("reason", "Van service".into()),
    ])
    .await;
    let html = unescape(&office.get_html(&location_path(&res, &app.url(""))).await);
    assert!(html.contains("This must come after the start."), "{html}");
    assert!(html.contains("value=\"Van service\""), "{html}");
    let same: (i64,) = one(&app, "SELECT COUNT(*) FROM technician_time_off").await;
    assert_eq!(same, before);

    let res = post(vec![
        ("technician", tomas.clone()),
        ("day", day.clone()),
        ("from", "12:00".into()),
        ("until", "13:30".into()),
        ("reason", "Van service".into()),
    ])
    .await;
    let landed = location_path(&res, &app.url(""));
    let html = unescape(&office.get_html(&landed).await);
    assert!(html.contains("The time is blocked"), "{html}");
    let lane = html.find(&format!("id=\"lane-{tomas}\"")).expect("lane");
    assert!(html[lane..].contains("Blocked: 12:00"), "{html}");
    let after: (i64,) = one(&app, "SELECT COUNT(*) FROM technician_time_off").await;
    assert_eq!(after.0, before.0 + 1);

    // Customers and technicians have no board.
    let other = app.other_browser();
    other.sign_in("ana@example.com").await;
    let res = other.client.get(app.url(&page)).send().await.expect("GET");
    assert_eq!(res.status(), 403);
    for bad in ["/office/board?day=someday", "/office/board?day=9999-01-01"] {
        let res = office.client.get(app.url(bad)).send().await.expect("GET");
        assert_eq!(res.status(), 400, "{bad}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flagged_regular_visit_day_is_arranged_from_the_board_once() {
    let app = spawn_app().await;
    // Nobody works at three in the morning: every day of the plan is flagged.
    let (plan, generated, first) = crate::plans::weekly_plan(&app, 3 * 60).await;
    assert_eq!(generated.booked, 0);
    let day = first.to_string();
    let settings = crate::availability::business(&app).await;
    let tz = settings.time_zone.zone();
    let office = app.other_browser();
    office.sign_in("dispatch@example.com").await;
    let page = format!("/office/board?day={day}");
    let board = unescape(&office.get_html(&page).await);
    let plan_ref = plan.to_string();
    assert!(
        board.contains(&format!("href=\"/plans/{plan_ref}\"")),
        "{board}"
    );
    let flagged_forms = board
        .matches(&format!("name=\"plan\" value=\"{plan_ref}\""))
        .count();
    assert!(flagged_forms >= 2, "an arrange form a day: {board}");

    // A time that fits someone that day, by the engine.
    let (service, lat, lng, postal): (i64, f64, f64, String) = one(
        &app,
        &format!(
            "SELECT p.service_id, l.latitude, l.longitude, l.postal_code FROM plans p \
             JOIN locations l ON l.id = p.location_id WHERE p.id = {}",
            plan.id()
        ),
    )
    .await;
    let at = GeoPoint::new(lat, lng).expect("point");
    let mut target = None;
    for hour in [10, 11, 9, 13, 14] {
        let when = first
            .at(hour, 0, 0, 0)
            .to_zoned(tz.clone())
            .expect("zoned")
            .timestamp();
        let fits = availability::best_technicians(
            &app.store,
            &settings,
            ServiceKey::Id(service),
            at,
            Some(&postal),
            when,
        )
        .await
        .expect("best");
        if let Some(best) = fits.into_iter().next() {
            target = Some((best.technician, when, format!("{hour:02}:00")));
            break;
        }
    }
    let (technician, when, time) = target.expect("a time that fits someone");
    let technician_ref = UserRef::from_id(technician).to_string();
    let post = |time: String| {
        let request = office
            .client
            .post(app.url("/api/place-flagged"))
            .header("accept", "text/html")
            .header("referer", app.url(&page))
            .form(&[
                ("plan", plan_ref.clone()),
                ("day", day.clone()),
                ("technician", technician_ref.clone()),
                ("time", time),
            ]);
        async move { request.send().await.expect("place") }
    };
    let count = |sql: &'static str| {
        let app = &app;
        async move { one::<(i64,)>(app, sql).await.0 }
    };
    let (jobs_before, mails_before) = (
        count("SELECT COUNT(*) FROM jobs").await,
        count("SELECT COUNT(*) FROM mail_messages").await,
    );

    // Three at night fits nobody: said so, the form comes back as typed, nothing is written.
    let res = post("03:00".into()).await;
    let html = unescape(&office.get_html(&location_path(&res, &app.url(""))).await);
    assert!(
        html.contains("does not fit that technician's day at that time"),
        "{html}"
    );
    assert!(html.contains("value=\"03:00\""), "{html}");
    assert_eq!(count("SELECT COUNT(*) FROM jobs").await, jobs_before);

    let res = post(time.clone()).await;
    assert_eq!(res.status(), 302);
    let landed = location_path(&res, &app.url(""));
    assert!(landed.contains("placed=DS-"), "{landed}");
    let html = unescape(&office.get_html(&landed).await);
    assert!(html.contains("is booked. It adds"), "{html}");
    let (state, job): (String, i64) = one(
        &app,
        &format!(
            "SELECT state, job_id FROM plan_days WHERE plan_id = {} AND day = '{day}'",
            plan.id()
        ),
    )
    .await;
    assert_eq!(state, "booked");
    let (assigned, planned, window, notes): (i64, i64, i64, String) = one(
        &app,
        &format!(
            "SELECT technician_id, planned_start, window_start, notes FROM jobs WHERE id = {job}"
        ),
    )
    .await;
    assert_eq!(
        (assigned, planned, window),
        (technician, when.as_second(), when.as_second())
    );
    assert_eq!(
        notes, "Key under the mat",
        "the plan's notes go with the visit"
    );
    assert_eq!(count("SELECT COUNT(*) FROM jobs").await, jobs_before + 1);
    assert_eq!(
        count("SELECT COUNT(*) FROM mail_messages").await,
        mails_before + 1,
        "whoever set the plan up is told"
    );
    let visit = VisitRef::from_id(job).to_string();
    let placed: (i64,) = one(
        &app,
        &format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'plan_day_placed' \
             AND subject = '{visit}'"
        ),
    )
    .await;
    assert_eq!(placed.0, 1);
    // Ana sees the day booked on her plan, and the visit with its time.
    app.sign_in("ana@example.com").await;
    let plan_page = unescape(&app.get_html(&format!("/plans/{plan_ref}")).await);
    assert!(plan_page.contains(&visit), "{plan_page}");
    let visit_page = unescape(&app.get_html(&format!("/visits/{visit}")).await);
    assert!(visit_page.contains(&time), "{time} on {visit_page}");

    // Arranged once: a second try books nothing more.
    let res = post(time).await;
    let html = unescape(&office.get_html(&location_path(&res, &app.url(""))).await);
    assert!(!html.contains("is booked. It adds"), "{html}");
    assert_eq!(count("SELECT COUNT(*) FROM jobs").await, jobs_before + 1);
    let listed = unescape(&office.get_html(&page).await)
        .matches(&format!("name=\"plan\" value=\"{plan_ref}\""))
        .count();
    assert_eq!(listed + 1, flagged_forms, "the day is no longer listed");
}
