//! Reminder mail before a visit: written with the booking, sent once when due, for the
//! visit's current window only, and not at all when the business turns reminders off.

use crate::changes::{booked_visit, windows_ahead};
use crate::helpers::TestApp;
use doorstep::services::reminders::REMIND_VISIT;
use std::time::Duration;

async fn reminders_due(app: &TestApp) -> Vec<(String, i64)> {
    let mut conn = app.store.conn().await.expect("conn");
    sqlx::query_as(
        "SELECT payload, run_at FROM background_tasks WHERE kind = $1 AND state = 'pending' ORDER BY id",
    )
    .bind(REMIND_VISIT)
    .fetch_all(&mut *conn)
    .await
    .expect("tasks")
}

async fn reminder_mails(app: &TestApp) -> Vec<String> {
    let mut conn = app.store.conn().await.expect("conn");
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT args FROM mail_messages WHERE template = 'visit-reminder' ORDER BY id",
    )
    .fetch_all(&mut *conn)
    .await
    .expect("mail");
    rows.into_iter().map(|r| r.0).collect()
}

/// Runs every reminder task now, as if its time had come, and waits until none is left
/// (the app's own worker may take some of them).
async fn run_due(app: &TestApp) {
    app.execute(&format!(
        "UPDATE background_tasks SET run_at = 0 WHERE kind = '{REMIND_VISIT}' AND state = 'pending'"
    ))
    .await;
    while app.tasks.run_once().await.expect("run").is_some() {}
    for _ in 0..100 {
        if reminders_due(app).await.is_empty() {
            let mut conn = app.store.conn().await.expect("conn");
            let (failed,): (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM background_tasks WHERE kind = $1 AND state = 'failed'",
            )
            .bind(REMIND_VISIT)
            .fetch_one(&mut *conn)
            .await
            .expect("failed");
            assert_eq!(failed, 0, "a reminder task failed");
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("reminder tasks still pending");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_booking_is_reminded_once_a_day_before_for_its_current_window() {
    let app = crate::helpers::spawn_app().await;
    let (reference, service, start) = booked_visit(&app).await;
    let due = reminders_due(&app).await;
    assert_eq!(due.len(), 1, "{due:?}");
    assert_eq!(due[0].1, start - 24 * 3600, "a day before the window");
    run_due(&app).await;
    let mails = reminder_mails(&app).await;
    assert_eq!(mails.len(), 1);
    assert!(mails[0].contains(&reference), "{}", mails[0]);
    // The same task again (a worker that died before marking it done) sends nothing more.
    app.execute(&format!(
        "INSERT INTO background_tasks (kind, payload, state, attempts, max_attempts, run_at, created_at) \
         VALUES ('{REMIND_VISIT}', '{}', 'pending', 0, 5, 0, 0)",
        due[0].0
    ))
    .await;
    run_due(&app).await;
    assert_eq!(reminder_mails(&app).await.len(), 1, "never twice");

    // Moved: the old window's reminder is void, the new one's is sent.
    let (_, starts) = windows_ahead(&app, &service, 5, &reference).await;
    let new_start = starts[0];
    let res = app
        .call(
            "/api/reschedule-visit",
            &[("visit", &reference), ("window", &new_start.to_string())],
        )
        .await;
    assert_eq!(res.status(), 200);
    let due = reminders_due(&app).await;
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].1, new_start - 24 * 3600);
    run_due(&app).await;
    assert_eq!(
        reminder_mails(&app).await.len(),
        2,
        "one for the new window"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_reminder_when_the_business_turns_them_off_or_the_visit_is_cancelled() {
    let app = crate::helpers::spawn_app().await;
    app.execute("UPDATE scheduling_rules SET reminder_hours = 0")
        .await;
    booked_visit(&app).await;
    assert!(reminders_due(&app).await.is_empty(), "reminders are off");

    app.execute("UPDATE scheduling_rules SET reminder_hours = 24")
        .await;
    let (reference, _, _) = booked_visit(&app).await;
    let res = app
        .call(
            "/api/cancel-visit",
            &[("visit", &reference), ("reason", "Away")],
        )
        .await;
    assert_eq!(res.status(), 200);
    run_due(&app).await;
    assert!(
        reminder_mails(&app).await.is_empty(),
        "a cancelled visit is not reminded"
    );
}
