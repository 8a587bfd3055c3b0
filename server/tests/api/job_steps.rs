//! The job on the day: the technician's list of today's jobs, and each step (on my way,
//! arrived, start, complete) taken once and in order by the job's technician or the office;
//! the customer's page and live stream follow, and nobody else may take a step.

use crate::changes::booked_visit;
use crate::events::{id_of, technician_of};
use crate::helpers::{TestApp, TestApp2, location_path, spawn_app, unescape};
use reqwest::header::{ACCEPT, REFERER};

/// Takes `step` as an API client; the status and the error tag, if any.
pub(crate) async fn step(who: &TestApp2<'_>, visit: &str, step: &str) -> (u16, Option<String>) {
    let res = who
        .client
        .post(who.app.url("/api/advance-visit"))
        .header(ACCEPT, "application/json")
        .form(&[("visit", visit), ("step", step)])
        .send()
        .await
        .expect("POST");
    let status = res.status().as_u16();
    let body: serde_json::Value = res.json().await.unwrap_or_default();
    (status, body["error"].as_str().map(str::to_string))
}

/// Takes `step`, which must be taken.
pub(crate) async fn take(who: &TestApp2<'_>, visit: &str, what: &str) {
    assert_eq!(step(who, visit, what).await, (200, None), "{what}");
}

/// The kinds of the visit's events, in order.
pub(crate) async fn kinds_of(app: &TestApp, visit: &str) -> Vec<String> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT kind FROM events WHERE job_id = $1 ORDER BY seq")
            .bind(id_of(visit))
            .fetch_all(app.store.pool())
            .await
            .expect("events");
    rows.into_iter().map(|r| r.0).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_technician_takes_each_step_once_in_order_and_the_customer_follows() {
    let app = spawn_app().await;
    let (visit, _, _) = booked_visit(&app).await;
    // Now: on the technician's day.
    let now = jiff::Timestamp::now().as_second();
    app.execute(&format!(
        "UPDATE jobs SET planned_start = {}, planned_end = {} WHERE id = {}",
        now,
        now + 60,
        id_of(&visit)
    ))
    .await;
    let technician = technician_of(&app, &visit).await;
    let tech = app.other_browser();
    tech.sign_in(&technician).await;

    let day = unescape(&tech.get_html("/today").await);
    assert!(day.contains(&visit), "{day}");
    assert!(day.contains("Kastanienallee"), "the address: {day}");
    assert!(
        day.contains(&format!("aria-label=\"On my way: {visit}\"")),
        "{day}"
    );

    // Out of order: refused, nothing changes.
    assert_eq!(
        step(&tech, &visit, "complete").await,
        (409, Some("step_out_of_order".into()))
    );
    // Without JavaScript: the form lands back on the day.
    let res = tech
        .client
        .post(app.url("/api/advance-visit"))
        .header(ACCEPT, "text/html")
        .header(REFERER, app.url("/today"))
        .form(&[
            ("visit", visit.as_str()),
            ("step", "on_my_way"),
            ("back", "today"),
        ])
        .send()
        .await
        .expect("POST");
    assert_eq!(location_path(&res, &app.url("")), format!("/today#{visit}"));
    // Twice (a second phone, a double tap): the second is told.
    assert_eq!(
        step(&tech, &visit, "on_my_way").await,
        (409, Some("step_out_of_order".into()))
    );
    let page = unescape(&app.get_html(&format!("/visits/{visit}")).await);
    assert!(page.contains("On the way"), "{page}");
    for (next, shows) in [
        ("arrived", "Arrived"),
        ("start", "In progress"),
        ("complete", "Completed"),
    ] {
        assert_eq!(step(&tech, &visit, next).await, (200, None), "{next}");
        let page = unescape(&app.get_html(&format!("/visits/{visit}")).await);
        assert!(page.contains(shows), "{next}: {page}");
    }
    assert_eq!(
        step(&tech, &visit, "complete").await,
        (409, Some("step_out_of_order".into()))
    );
    let page = unescape(&app.get_html(&format!("/visits/{visit}")).await);
    for line in [
        "set off.",
        " arrived.",
        "started the work.",
        "finished the work.",
    ] {
        assert!(page.contains(line), "{line}: {page}");
    }
    let kinds = kinds_of(&app, &visit).await;
    // Setting off also tells the customer the window expected now.
    assert_eq!(
        kinds,
        [
            "booked",
            "en_route",
            "expected",
            "arrived",
            "started",
            "completed"
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_jobs_technician_and_the_office_take_its_steps() {
    let app = spawn_app().await;
    let (visit, _, _) = booked_visit(&app).await;
    let technician = technician_of(&app, &visit).await;
    let other = ["tomas@example.com", "lena@example.com", "yusuf@example.com"]
        .into_iter()
        .find(|e| *e != technician)
        .expect("another technician");
    for email in [other, "facilities@example.com", "ana@example.com"] {
        let who = app.other_browser();
        who.sign_in(email).await;
        assert_eq!(
            step(&who, &visit, "on_my_way").await,
            (404, Some("not_found".into())),
            "{email}"
        );
    }
    let customer_day = app.other_browser();
    customer_day.sign_in("ana@example.com").await;
    let res = customer_day
        .client
        .get(app.url("/today"))
        .send()
        .await
        .expect("GET");
    assert_eq!(res.status(), 403);
    // The step's button is on the visit's page for the office, never for the customer.
    let button = format!("aria-label=\"On my way: {visit}\"");
    let customers_page = unescape(&customer_day.get_html(&format!("/visits/{visit}")).await);
    assert!(!customers_page.contains(&button), "{customers_page}");
    let office = app.other_browser();
    office.sign_in("dispatch@example.com").await;
    let offices_page = unescape(&office.get_html(&format!("/visits/{visit}")).await);
    assert!(offices_page.contains(&button), "{offices_page}");
    assert_eq!(step(&office, &visit, "on_my_way").await, (200, None));
    assert_eq!(
        step(&office, &visit, "sideways").await.0,
        400,
        "an unknown step is a bad request"
    );
}
