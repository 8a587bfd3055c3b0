//! Arrival windows that shrink: once the technician's day moves, the customers still
//! waiting that day are told the window expected now, within the one promised, and that the
//! day runs late when it does; each change is an event their pages follow.

use crate::changes::booked_visit;
use crate::events::{id_of, technician_of};
use crate::helpers::{TestApp, unescape};
use crate::job_steps::{kinds_of, take};

/// A second visit for the same account, place and technician as `visit`, planned from
/// `start` for an hour, promising `window`.
async fn another_job(app: &TestApp, visit: &str, start: i64, window: (i64, i64)) -> String {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO jobs (account_id, location_id, service_id, technician_id, status, \
         planned_start, planned_end, window_start, window_end, created_at) \
         SELECT account_id, location_id, service_id, technician_id, 'scheduled', $1, $2, $3, \
         $4, created_at FROM jobs WHERE id = $5 RETURNING id",
    )
    .bind(start)
    .bind(start + 3600)
    .bind(window.0)
    .bind(window.1)
    .bind(id_of(visit))
    .fetch_one(app.store.pool())
    .await
    .expect("second job");
    doorstep::ids::VisitRef::from_id(id).to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_next_customer_is_told_what_to_expect_and_when_the_day_runs_late() {
    let app = crate::helpers::spawn_app().await;
    let (first, _, _) = booked_visit(&app).await;
    let now = jiff::Timestamp::now().as_second();
    // The first job now, the second a few minutes later (both today), promising two hours
    // from two hours on.
    app.execute(&format!(
        "UPDATE jobs SET planned_start = {now}, planned_end = {}, window_start = {now}, \
         window_end = {} WHERE id = {}",
        now + 60,
        now + 7200,
        id_of(&first)
    ))
    .await;
    let second = another_job(&app, &first, now + 120, (now + 7200, now + 14_400)).await;
    let page = unescape(&app.get_html(&format!("/visits/{second}")).await);
    assert!(
        !page.contains("Now expected"),
        "nothing before the day moves: {page}"
    );

    let tech = app.other_browser();
    tech.sign_in(&technician_of(&app, &first).await).await;
    take(&tech, &first, "on_my_way").await;
    // The technician will be free long before the second window opens: expected from its
    // start, half an hour wide.
    let page = unescape(&app.get_html(&format!("/visits/{second}")).await);
    assert!(page.contains("Now expected"), "{page}");
    assert!(!page.contains("Running late"), "{page}");
    let (start, end): (Option<i64>, Option<i64>) =
        sqlx::query_as("SELECT expected_start, expected_end FROM jobs WHERE id = $1")
            .bind(id_of(&second))
            .fetch_one(app.store.pool())
            .await
            .expect("expected");
    assert_eq!((start, end), (Some(now + 7200), Some(now + 7200 + 1800)));
    let home = unescape(&app.get_html("/").await);
    assert!(
        home.contains("Now expected"),
        "the home says it too: {home}"
    );

    // The second customer's promise has passed meanwhile (the first job ran over): the
    // next step says the day runs late.
    app.execute(&format!(
        "UPDATE jobs SET window_start = {}, window_end = {} WHERE id = {}",
        now - 7200,
        now - 3600,
        id_of(&second)
    ))
    .await;
    take(&tech, &first, "arrived").await;
    let page = unescape(&app.get_html(&format!("/visits/{second}")).await);
    assert!(page.contains("Running late: now expected"), "{page}");
    assert_eq!(kinds_of(&app, &second).await, ["expected", "slipped"]);
    // …and mails them, once, in their language.
    let (slipped,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM mail_messages WHERE template = 'visit-slipped'")
            .fetch_one(app.store.pool())
            .await
            .expect("mail");
    assert_eq!(slipped, 1);
    // A step that changes nothing for the second customer tells them nothing new.
    take(&tech, &first, "start").await;
    take(&tech, &first, "complete").await;
    let told = kinds_of(&app, &second).await;
    assert!(
        told.iter().all(|k| k == "expected" || k == "slipped"),
        "{told:?}"
    );

    // Once the second visit is under way itself, it is no longer "expected".
    take(&tech, &second, "on_my_way").await;
    take(&tech, &second, "arrived").await;
    let page = unescape(&app.get_html(&format!("/visits/{second}")).await);
    assert!(!page.contains("expected"), "{page}");
}
