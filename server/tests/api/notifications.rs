//! In-app notifications: the people of a visit's account are told of its steps (but not of
//! their own), see how many are new on every page, read them newest first and mark them
//! read; nobody else is told anything of it.

use crate::changes::booked_visit;
use crate::events::{id_of, technician_of};
use crate::helpers::{location_path, spawn_app, unescape};
use crate::job_steps::take;
use reqwest::header::ACCEPT;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_account_is_told_of_the_visits_steps_and_marks_them_read() {
    let app = spawn_app().await;
    // Ana booked it herself: she is not told what she did.
    let (visit, _, _) = booked_visit(&app).await;
    let home = unescape(&app.get_html("/").await);
    assert!(home.contains(">Notifications</a>"), "{home}");
    let page = unescape(&app.get_html("/notifications").await);
    assert!(page.contains("Nothing yet."), "{page}");

    let now = jiff::Timestamp::now().as_second();
    app.execute(&format!(
        "UPDATE jobs SET planned_start = {now}, planned_end = {} WHERE id = {}",
        now + 3600,
        id_of(&visit)
    ))
    .await;
    let tech = app.other_browser();
    tech.sign_in(&technician_of(&app, &visit).await).await;
    for step in ["on_my_way", "arrived"] {
        take(&tech, &visit, step).await;
    }
    let home = unescape(&app.get_html("/").await);
    assert!(home.contains("Notifications (2 new)"), "{home}");
    let page = unescape(&app.get_html("/notifications").await);
    let arrived = page
        .find("has arrived for Standard clean")
        .expect("arrived");
    let on_the_way = page
        .find("is on the way for Standard clean")
        .expect("on the way");
    assert!(arrived < on_the_way, "newest first: {page}");
    assert!(
        page.contains(&format!("href=\"/visits/{visit}\"")),
        "{page}"
    );
    assert!(page.contains("Mark all as read"), "{page}");

    // Another account's owner is told nothing of it; the technician gets no list entries.
    let stranger = app.other_browser();
    stranger.sign_in("facilities@example.com").await;
    let theirs = unescape(&stranger.get_html("/notifications").await);
    assert!(theirs.contains("Nothing yet."), "{theirs}");
    let res = tech
        .client
        .post(app.url("/api/notifications"))
        .header(ACCEPT, "application/json")
        .send()
        .await
        .expect("POST");
    assert_eq!(
        res.json::<serde_json::Value>().await.expect("json"),
        serde_json::json!([])
    );

    // As the page's form posts it without JavaScript: back on the list.
    let res = app
        .post_form("/api/mark-notifications-read", "/notifications", &[])
        .await;
    assert_eq!(location_path(&res, &app.url("")), "/notifications");
    let home = unescape(&app.get_html("/").await);
    assert!(home.contains(">Notifications</a>"), "{home}");
    let page = unescape(&app.get_html("/notifications").await);
    assert!(!page.contains("Mark all as read"), "{page}");
    assert!(
        page.contains("has arrived"),
        "read ones stay listed: {page}"
    );
}
