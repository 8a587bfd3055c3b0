//! Booking re-checks inside one transaction per technician: two customers can never get the
//! same technician time, on either engine.

use crate::helpers::{TestApp, spawn_app};
use doorstep::brand::Business;
use doorstep::dto::SessionUser;
use doorstep::ids::{AccountRef, LocationRef, UserRef};
use doorstep::permissions::Role;
use doorstep::services::availability::{Query, ServiceKey, find_windows};
use doorstep::services::booking::{BookingError, BookingRequest, book};
use doorstep::services::mail::Recipient;
use doorstep::store::audit::RequestOrigin;
use jiff::Timestamp;

async fn business(app: &TestApp) -> Business {
    let mut conn = app.store.conn().await.expect("conn");
    doorstep::store::business::load(&mut conn)
        .await
        .expect("load")
        .expect("settings")
}

/// Ana's household and its one location.
pub(crate) async fn anas_home(app: &TestApp) -> (AccountRef, LocationRef) {
    let mut conn = app.store.conn().await.expect("conn");
    let (location, account): (i64, i64) =
        sqlx::query_as("SELECT id, account_id FROM locations WHERE label = 'Home'")
            .fetch_one(&mut *conn)
            .await
            .expect("home");
    (AccountRef::from_id(account), LocationRef::from_id(location))
}

/// Ana, as her session knows her.
pub(crate) async fn ana(app: &TestApp) -> SessionUser {
    let mut conn = app.store.conn().await.expect("conn");
    let (id, name, account): (i64, String, i64) = sqlx::query_as(
        "SELECT u.id, u.name, m.account_id FROM users u JOIN memberships m ON m.user_id = u.id \
         WHERE u.email = 'ana@example.com'",
    )
    .fetch_one(&mut *conn)
    .await
    .expect("ana");
    SessionUser {
        user: UserRef::from_id(id),
        name,
        email: "ana@example.com".into(),
        role: Role::AccountOwner,
        locale: Some(doorstep::locale::Locale::De),
        account: Some(AccountRef::from_id(account)),
        unread: 0,
        unread_messages: 0,
        places: None,
        must_enrol: false,
    }
}

/// A service's reference, as the booking pages pass it.
pub async fn service_ref(app: &TestApp, name: &str) -> String {
    let mut conn = app.store.conn().await.expect("conn");
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM services WHERE name = $1")
        .bind(name)
        .fetch_one(&mut *conn)
        .await
        .expect("service");
    doorstep::ids::ServiceRef::from_id(id).to_string()
}

fn origin() -> RequestOrigin {
    RequestOrigin {
        client_ip: Some("198.51.100.4".into()),
        user_agent: Some("BookingTest".into()),
        request_id: Some("req-1".into()),
    }
}

/// The standard-clean windows offered at Ana's home over the next two weeks.
async fn standard_clean_windows(
    app: &TestApp,
    settings: &Business,
    now: Timestamp,
) -> Vec<doorstep::scheduling::Window> {
    let query = Query {
        service: ServiceKey::from("Standard clean"),
        at: doorstep::scheduling::GeoPoint::new(52.5386, 13.4105).expect("point"),
        postal_code: Some("10435"),
        from: now.to_zoned(settings.time_zone.zone()).date(),
        days: 14,
        now,
    };
    find_windows(&app.store, settings, &query)
        .await
        .expect("windows")
        .1
}

/// Leaves one cleaner working, with one-hour windows: a standard clean (two hours) then
/// fills a window, so each window has room for exactly one booking.
async fn one_cleaner_one_hour_windows(app: &TestApp) {
    app.execute(
        "DELETE FROM technician_hours WHERE user_id <> (SELECT MIN(user_id) FROM technicians \
         WHERE skills LIKE '%cleaning%')",
    )
    .await;
    app.execute("DELETE FROM technician_extra_shifts").await;
    app.execute("UPDATE scheduling_rules SET window_min = 60, step_min = 60")
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_customers_racing_for_one_window_one_gets_it() {
    let app = spawn_app().await;
    one_cleaner_one_hour_windows(&app).await;
    let settings = business(&app).await;
    let (account, location) = anas_home(&app).await;
    let now = Timestamp::now();
    let windows = standard_clean_windows(&app, &settings, now).await;
    let window = windows
        .iter()
        .find(|w| w.candidates.len() == 1)
        .expect("a window with one candidate");
    let by = ana(&app).await;
    let attempts = (0..20).map(|_| {
        let store = app.store.clone();
        let settings = settings.clone();
        let start = window.start;
        let by = by.clone();
        tokio::spawn(async move {
            book(
                &store,
                &settings,
                &BookingRequest {
                    account,
                    location,
                    service: ServiceKey::from("Standard clean"),
                    window_start: start,
                    notes: None,
                    now,
                    by: &by,
                    notify: Some(&Recipient::from(&by)),
                    replaces: None,
                    plan_day: None,
                    for_request: None,
                    origin: &origin(),
                },
            )
            .await
        })
    });
    let attempts: Vec<_> = attempts.collect();
    let (mut booked, mut taken) = (Vec::new(), 0);
    for attempt in attempts {
        match attempt.await.expect("task") {
            Ok(done) => booked.push(done),
            Err(BookingError::JustTaken { alternatives }) => {
                taken += 1;
                assert!(
                    alternatives.iter().all(|w| w.start != window.start),
                    "the taken window is not offered again"
                );
            }
            Err(other) => panic!("{other}"),
        }
    }
    assert_eq!(booked.len(), 1, "exactly one booking");
    assert_eq!(taken, 19);
    let job = &booked[0];
    assert!(job.planned_start >= window.start && job.planned_start < window.end);

    // The database holds no overlap for that technician.
    let mut conn = app.store.conn().await.expect("conn");
    let spans: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT planned_start, planned_end FROM jobs WHERE technician_id = $1 \
         AND status <> 'cancelled' ORDER BY planned_start",
    )
    .bind(job.technician)
    .fetch_all(&mut *conn)
    .await
    .expect("jobs");
    for pair in spans.windows(2) {
        assert!(pair[0].1 <= pair[1].0, "overlap: {pair:?}");
    }

    // The visit keeps the window the customer was promised.
    let (window_start, window_end): (Option<i64>, Option<i64>) =
        sqlx::query_as("SELECT window_start, window_end FROM jobs WHERE id = $1")
            .bind(job.visit.id())
            .fetch_one(&mut *conn)
            .await
            .expect("visit");
    assert_eq!(
        (window_start, window_end),
        (Some(window.start.as_second()), Some(window.end.as_second()))
    );

    // One audit entry and one confirmation mail, in Ana's language, with the window.
    let entries: Vec<(String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT actor, subject, client_ip FROM audit_log WHERE action = 'visit_booked'",
    )
    .fetch_all(&mut *conn)
    .await
    .expect("audit");
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].0, by.user.to_string());
    assert_eq!(
        entries[0].1.as_deref(),
        Some(job.visit.to_string().as_str())
    );
    assert_eq!(entries[0].2.as_deref(), Some("198.51.100.4"));
    let mails: Vec<(String, String, String, String)> =
        sqlx::query_as("SELECT to_address, locale, template, args FROM mail_messages")
            .fetch_all(&mut *conn)
            .await
            .expect("mail");
    assert_eq!(mails.len(), 1, "{mails:?}");
    let (to, locale, template, args) = &mails[0];
    assert_eq!(
        (to.as_str(), locale.as_str(), template.as_str()),
        ("ana@example.com", "de", "visit-booked")
    );
    let args: serde_json::Value = serde_json::from_str(args).expect("json");
    let tz = settings.time_zone.zone();
    let de = doorstep::locale::Locale::De;
    assert_eq!(args["date"], doorstep::format::date(window.start, &tz, de));
    assert_eq!(args["from"], doorstep::format::time(window.start, &tz, de));
    assert_eq!(args["to"], doorstep::format::time(window.end, &tz, de));
    assert!(
        !args["technician"].as_str().expect("name").contains(' '),
        "first name only"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_window_never_offered_is_refused_with_the_nearest_open_ones() {
    let app = spawn_app().await;
    let settings = business(&app).await;
    let (account, location) = anas_home(&app).await;
    let now = Timestamp::now();
    // Three in the morning, a week from now: nobody works then.
    let night = now
        .to_zoned(settings.time_zone.zone())
        .date()
        .checked_add(jiff::Span::new().days(7))
        .expect("date")
        .at(3, 0, 0, 0)
        .to_zoned(settings.time_zone.zone())
        .expect("zoned")
        .timestamp();
    let ana_user = ana(&app).await;
    let refused = book(
        &app.store,
        &settings,
        &BookingRequest {
            account,
            location,
            service: ServiceKey::from("Standard clean"),
            window_start: night,
            notes: None,
            now,
            by: &ana_user,
            notify: None,
            replaces: None,
            plan_day: None,
            for_request: None,
            origin: &origin(),
        },
    )
    .await;
    match refused {
        Err(BookingError::JustTaken { alternatives }) => {
            assert!(!alternatives.is_empty(), "nearby windows are offered");
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_location_of_another_account_cannot_be_booked() {
    let app = spawn_app().await;
    let settings = business(&app).await;
    let (_, location) = anas_home(&app).await;
    let mut conn = app.store.conn().await.expect("conn");
    let (other,): (i64,) =
        sqlx::query_as("SELECT id FROM customer_accounts WHERE kind = 'company'")
            .fetch_one(&mut *conn)
            .await
            .expect("company");
    drop(conn);
    let ana_user = ana(&app).await;
    let refused = book(
        &app.store,
        &settings,
        &BookingRequest {
            account: AccountRef::from_id(other),
            location,
            service: ServiceKey::from("Standard clean"),
            window_start: Timestamp::now(),
            notes: None,
            now: Timestamp::now(),
            by: &ana_user,
            notify: None,
            replaces: None,
            plan_day: None,
            for_request: None,
            origin: &origin(),
        },
    )
    .await;
    assert!(
        matches!(refused, Err(BookingError::UnknownLocation)),
        "{refused:?}"
    );
}

/// The booking server function: who may call it, and what each caller gets.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_accounts_own_people_book_its_locations() {
    let app = spawn_app().await;
    let settings = business(&app).await;
    let (_, location) = anas_home(&app).await;
    let now = Timestamp::now();
    let windows = standard_clean_windows(&app, &settings, now).await;
    let start = windows[0].start.as_second().to_string();
    let location = location.to_string();
    let service = service_ref(&app, "Standard clean").await;
    let fields = [
        ("location", location.as_str()),
        ("service", service.as_str()),
        ("window", start.as_str()),
    ];
    let status = |res: reqwest::Response| res.status().as_u16();
    assert_eq!(
        status(app.call("/api/book-visit", &fields).await),
        401,
        "visitor"
    );
    for (email, expected) in [
        ("tomas@example.com", 403),
        ("dispatch@example.com", 403),
        ("admin@example.com", 403),
        ("facilities@example.com", 404),
    ] {
        let browser = app.other_browser();
        browser.sign_in(email).await;
        let res = browser
            .client
            .post(app.url("/api/book-visit"))
            .header("accept", "application/json")
            .form(&fields)
            .send()
            .await
            .expect("POST");
        assert_eq!(res.status().as_u16(), expected, "{email}");
    }
    app.sign_in("ana@example.com").await;
    let res = app.call("/api/book-visit", &fields).await;
    assert_eq!(res.status(), 200);
    let booked: serde_json::Value = res.json().await.expect("json");
    assert_eq!(
        booked["window_start"].as_i64(),
        Some(windows[0].start.as_second())
    );

    // A time nobody works: 409, the translated sentence, and the nearest open windows.
    let night = (windows[0].start.as_second() / 86_400 + 7) * 86_400 + 2 * 3600;
    let night = night.to_string();
    let res = app
        .client
        .post(app.url("/api/book-visit"))
        .header("accept", "application/json")
        .header("accept-language", "fr")
        .form(&[
            ("location", location.as_str()),
            ("service", service.as_str()),
            ("window", night.as_str()),
        ])
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 409);
    let body: serde_json::Value = res.json().await.expect("json");
    assert_eq!(body["error"], "window_taken");
    assert!(!body["alternatives"].as_array().expect("list").is_empty());
    // Her profile names no language, so the browser's (French) is used.
    assert!(
        body["message"]
            .as_str()
            .expect("message")
            .contains("créneau"),
        "{body}"
    );
    // Garbage in: a clear 400 or 404, never a 500.
    for (field, value, expected) in [("window", "soon", 400), ("location", "LO-x", 404)] {
        let mut bad = fields;
        for pair in bad.iter_mut() {
            if pair.0 == field {
                pair.1 = value;
            }
        }
        assert_eq!(
            status(app.call("/api/book-visit", &bad).await),
            expected,
            "{field}"
        );
    }
}
