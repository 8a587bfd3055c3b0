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

/// How many mails of `template` went to Ana, and the arguments of the newest.
async fn mails_to_ana(app: &crate::helpers::TestApp, template: &str) -> (i64, String) {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT args FROM mail_messages WHERE template = $1 AND to_address = 'ana@example.com' \
         ORDER BY id DESC",
    )
    .bind(template)
    .fetch_all(app.store.pool())
    .await
    .expect("mails");
    (
        rows.len() as i64,
        rows.into_iter().next().map(|r| r.0).unwrap_or_default(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn customers_are_mailed_the_important_steps_they_chose() {
    let app = spawn_app().await;
    let (visit, _, _) = booked_visit(&app).await;
    assert_eq!(mails_to_ana(&app, "visit-booked").await.0, 1, "confirmed");
    let tech = app.other_browser();
    tech.sign_in(&technician_of(&app, &visit).await).await;
    take(&tech, &visit, "on_my_way").await;
    let (sent, args) = mails_to_ana(&app, "visit-on-the-way").await;
    assert_eq!(sent, 1);
    assert!(args.contains(&visit) && args.contains("\"from\""), "{args}");
    take(&tech, &visit, "arrived").await;
    take(&tech, &visit, "start").await;
    take(&tech, &visit, "complete").await;
    assert_eq!(mails_to_ana(&app, "visit-completed").await.0, 1);
    // The technician, who took the steps, gets none of them.
    let (technician_mails,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM mail_messages WHERE template LIKE 'visit-%' \
         AND to_address <> 'ana@example.com'",
    )
    .fetch_one(app.store.pool())
    .await
    .expect("mails");
    assert_eq!(technician_mails, 0);

    // Ana keeps only the mails of completed visits and late days.
    let wanted: serde_json::Value = app
        .call("/api/mail-preferences", &[])
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        wanted,
        serde_json::json!(["booked", "en_route", "completed", "slipped"])
    );
    let res = app
        .post_form(
            "/api/save-mail-preferences",
            "/notifications",
            &[("completed", "on"), ("slipped", "on")],
        )
        .await;
    assert_eq!(res.status(), 302);
    assert_eq!(location_path(&res, &app.base), "/notifications?saved=1");
    let page = unescape(&app.get_html("/notifications?saved=1").await);
    assert!(page.contains("Your mail choices are saved."), "{page}");
    let wanted: serde_json::Value = app
        .call("/api/mail-preferences", &[])
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(wanted, serde_json::json!(["completed", "slipped"]));
    let (second, _, _) = booked_visit(&app).await;
    assert_eq!(
        mails_to_ana(&app, "visit-booked").await.0,
        1,
        "no second confirmation"
    );
    let tech = app.other_browser();
    tech.sign_in(&technician_of(&app, &second).await).await;
    take(&tech, &second, "on_my_way").await;
    assert_eq!(
        mails_to_ana(&app, "visit-on-the-way").await.0,
        1,
        "no second 'on the way'"
    );
}
