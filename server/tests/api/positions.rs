//! The technician on the way: their phone shares its position, the customer's page says how
//! far they are and when they are expected, a position at the place is the arrival, and
//! nobody is told where the technician is after that.

use crate::changes::booked_visit;
use crate::events::{id_of, technician_of};
use crate::helpers::{TestApp, TestApp2, spawn_app, unescape};
use crate::job_steps::{kinds_of, take};
use doorstep::services::positions::{self, PositionPolicy};
use reqwest::header::ACCEPT;

/// Posts a position as an API client; the status, the error tag and whether to keep
/// sharing.
async fn share(
    who: &TestApp2<'_>,
    visit: &str,
    lat: &str,
    lng: &str,
) -> (u16, Option<String>, Option<bool>) {
    let res = who
        .client
        .post(who.app.url("/api/share-position"))
        .header(ACCEPT, "application/json")
        .form(&[
            ("visit", visit),
            ("latitude", lat),
            ("longitude", lng),
            ("accuracy", "8"),
        ])
        .send()
        .await
        .expect("POST");
    let status = res.status().as_u16();
    let body: serde_json::Value = res.json().await.unwrap_or_default();
    (
        status,
        body["error"].as_str().map(str::to_string),
        body["keep_sharing"].as_bool(),
    )
}

/// The place of the visit.
async fn place(app: &TestApp, visit: &str) -> (f64, f64) {
    sqlx::query_as(
        "SELECT l.latitude, l.longitude FROM jobs j JOIN locations l ON l.id = j.location_id \
         WHERE j.id = $1",
    )
    .bind(id_of(visit))
    .fetch_one(app.store.pool())
    .await
    .expect("place")
}

async fn positions_kept(app: &TestApp) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM technician_positions")
        .fetch_one(app.store.pool())
        .await
        .expect("count");
    n
}

/// Ana's visit, today, with its technician signed in on a second browser.
async fn today(app: &TestApp) -> (String, String) {
    let (visit, _, _) = booked_visit(app).await;
    let now = jiff::Timestamp::now().as_second();
    app.execute(&format!(
        "UPDATE jobs SET planned_start = {}, planned_end = {} WHERE id = {}",
        now,
        now + 3600,
        id_of(&visit)
    ))
    .await;
    let technician = technician_of(app, &visit).await;
    (visit, technician)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_customer_is_told_where_the_technician_is_until_they_arrive() {
    let app = spawn_app().await;
    let (visit, technician) = today(&app).await;
    let tech = app.other_browser();
    tech.sign_in(&technician).await;
    let (lat, lng) = place(&app, &visit).await;

    // Not on the way yet: nothing is taken.
    assert_eq!(
        share(&tech, &visit, "52.5", "13.4").await,
        (409, Some("not_sharing".into()), None)
    );
    take(&tech, &visit, "on_my_way").await;
    // About 3.3 km north of the place.
    let away = format!("{}", lat + 0.03);
    assert_eq!(
        share(&tech, &visit, &away, &lng.to_string()).await,
        (200, None, Some(true))
    );
    let page = unescape(&app.get_html(&format!("/visits/{visit}")).await);
    assert!(page.contains("data-technician-where"), "{page}");
    assert!(page.contains("km away."), "{page}");
    assert!(page.contains("Expected around"), "{page}");
    assert!(page.contains(&format!("data-lat=\"{away}\"")), "{page}");
    // Closer: the page says so.
    let closer = format!("{}", lat + 0.004);
    assert_eq!(
        share(&tech, &visit, &closer, &lng.to_string()).await,
        (200, None, Some(true))
    );
    let page = unescape(&app.get_html(&format!("/visits/{visit}")).await);
    assert!(page.contains("\u{a0}m away."), "{page}");
    assert_eq!(positions_kept(&app).await, 1, "one row per job");

    // At the door: the arrival is recorded, sharing stops, and nobody is told where the
    // technician is any more.
    let there = format!("{}", lat + 0.0003);
    assert_eq!(
        share(&tech, &visit, &there, &lng.to_string()).await,
        (200, None, Some(false))
    );
    assert_eq!(positions_kept(&app).await, 0);
    let page = unescape(&app.get_html(&format!("/visits/{visit}")).await);
    assert!(page.contains("Arrived"), "{page}");
    assert!(!page.contains("data-technician-where"), "{page}");
    assert_eq!(
        share(&tech, &visit, &there, &lng.to_string()).await,
        (409, Some("not_sharing".into()), None)
    );
    let kinds = kinds_of(&app, &visit).await;
    // Setting off also tells the customer the window expected now.
    assert_eq!(
        kinds,
        [
            "booked", "en_route", "expected", "position", "position", "arrived"
        ]
    );
    let (detail,): (Option<String>,) =
        sqlx::query_as("SELECT detail FROM audit_log WHERE action = 'visit_step' ORDER BY id DESC")
            .fetch_one(app.store.pool())
            .await
            .expect("audit");
    assert_eq!(detail.as_deref(), Some("arrived_by_position"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_jobs_technician_shares_a_real_position_during_the_shift() {
    let app = spawn_app().await;
    let (visit, technician) = today(&app).await;
    let tech = app.other_browser();
    tech.sign_in(&technician).await;
    take(&tech, &visit, "on_my_way").await;

    for (lat, lng) in [
        ("91", "13.4"),
        ("52.5", "-181"),
        ("NaN", "13.4"),
        ("inf", "13.4"),
        ("", "13.4"),
        ("52.5; DROP TABLE jobs", "13.4"),
    ] {
        assert_eq!(
            share(&tech, &visit, lat, lng).await,
            (400, Some("bad_request".into()), None),
            "{lat},{lng}"
        );
    }
    // Another technician, the office and the customer are told there is no such job.
    let other = ["tomas@example.com", "lena@example.com", "yusuf@example.com"]
        .into_iter()
        .find(|e| *e != technician)
        .expect("another technician");
    for who in [other, "dispatch@example.com", "ana@example.com"] {
        let b = app.other_browser();
        b.sign_in(who).await;
        assert_eq!(
            share(&b, &visit, "52.5", "13.4").await,
            (404, Some("not_found".into()), None),
            "{who}"
        );
    }
    let visitor = app.other_browser();
    assert_eq!(share(&visitor, &visit, "52.5", "13.4").await.0, 401);
    assert_eq!(positions_kept(&app).await, 0, "nothing was taken");

    // The shift of the job's day is long over: sharing stops.
    let days_ago = jiff::Timestamp::now().as_second() - 3 * 86_400;
    app.execute(&format!(
        "UPDATE jobs SET planned_start = {}, planned_end = {} WHERE id = {}",
        days_ago,
        days_ago + 3600,
        id_of(&visit)
    ))
    .await;
    assert_eq!(
        share(&tech, &visit, "52.5", "13.4").await,
        (409, Some("not_sharing".into()), None)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_position_goes_with_the_next_step_or_when_it_is_old() {
    let app = spawn_app().await;
    let (visit, technician) = today(&app).await;
    let tech = app.other_browser();
    tech.sign_in(&technician).await;
    let (lat, lng) = place(&app, &visit).await;
    take(&tech, &visit, "on_my_way").await;
    let away = format!("{}", lat + 0.05);
    assert_eq!(share(&tech, &visit, &away, &lng.to_string()).await.0, 200);
    // Arrived by the button: the position goes in the same step.
    take(&tech, &visit, "arrived").await;
    assert_eq!(positions_kept(&app).await, 0);

    // A phone that stopped sharing: its position is swept once older than the setting.
    let (second, _, _) = booked_visit(&app).await;
    let now = jiff::Timestamp::now().as_second();
    app.execute(&format!(
        "UPDATE jobs SET status = 'en_route', planned_start = {now}, planned_end = {} \
         WHERE id = {}",
        now + 3600,
        id_of(&second)
    ))
    .await;
    let second_tech = technician_of(&app, &second).await;
    let phone = app.other_browser();
    phone.sign_in(&second_tech).await;
    assert_eq!(share(&phone, &second, &away, &lng.to_string()).await.0, 200);
    let policy = PositionPolicy::default();
    assert_eq!(
        positions::sweep(&app.store, policy).await.expect("sweep"),
        (0, 0)
    );
    let old = now - policy.keep.as_secs() - 1;
    app.execute(&format!("UPDATE technician_positions SET at = {old}"))
        .await;
    app.execute(&format!(
        "UPDATE events SET at = {old} WHERE kind = 'position'"
    ))
    .await;
    // The position, and the events of both visits' positions; nothing else of the stream.
    assert_eq!(
        positions::sweep(&app.store, policy).await.expect("sweep"),
        (1, 2)
    );
    let kinds = kinds_of(&app, &second).await;
    assert!(!kinds.iter().any(|k| k == "position"), "{kinds:?}");
    assert!(kinds_of(&app, &visit).await.iter().any(|k| k == "booked"));
    let page = unescape(&app.get_html(&format!("/visits/{second}")).await);
    assert!(!page.contains("data-technician-where"), "{page}");
}
