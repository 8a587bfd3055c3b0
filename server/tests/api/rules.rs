//! The booking rules screen: the office changes what customers are offered; every bad
//! field is named and kept; nobody else may read or change them.

use crate::helpers::{location_path, spawn_app, unescape};

const GOOD: [(&str, &str); 10] = [
    ("min_notice_hours", "4"),
    ("horizon_days", "21"),
    ("window_min", "180"),
    ("step_min", "60"),
    ("road_factor", "1,4"),
    ("speed_kmh", "25"),
    ("travel_buffer_min", "15"),
    ("reschedule_notice_hours", "12"),
    ("cancel_notice_hours", "6"),
    ("reminder_hours", "24"),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_office_changes_the_rules_and_bad_fields_are_named_and_kept() {
    let app = spawn_app().await;
    app.sign_in("dispatch@example.com").await;
    let html = unescape(&app.get_html("/office/rules").await);
    assert!(html.contains("Minimum notice (hours)"));
    assert!(
        html.contains("name=\"min_notice_hours\" value=\"2\""),
        "{html}"
    );
    assert!(html.contains("name=\"road_factor\" value=\"1.3\""));

    let mut bad = GOOD;
    bad[1] = ("horizon_days", "0");
    bad[4] = ("road_factor", "fast");
    let res = app
        .post_form("/api/save-booking-rules", "/office/rules", &bad)
        .await;
    let back = location_path(&res, &app.url(""));
    assert!(back.starts_with("/office/rules"), "{back}");
    let html = unescape(&app.get_html(&back).await);
    assert!(html.contains("Enter a number from 1 to 365."), "{html}");
    assert!(html.contains("Enter a number."));
    assert!(
        html.contains("name=\"road_factor\" value=\"fast\""),
        "typed values are kept"
    );
    assert!(html.contains("name=\"window_min\" value=\"180\""));
    let mut conn = app.store.conn().await.expect("conn");
    let (horizon,): (i64,) = sqlx::query_as("SELECT horizon_days FROM scheduling_rules")
        .fetch_one(&mut *conn)
        .await
        .expect("rules");
    assert_eq!(horizon, 30, "nothing saved");
    drop(conn);

    let res = app
        .post_form("/api/save-booking-rules", "/office/rules", &GOOD)
        .await;
    assert_eq!(location_path(&res, &app.url("")), "/office/rules?saved=1");
    let html = unescape(&app.get_html("/office/rules?saved=1").await);
    assert!(html.contains("The booking rules are saved."));
    let mut conn = app.store.conn().await.expect("conn");
    let saved: (i64, i64, i64, f64, i64, i64) = sqlx::query_as(
        "SELECT min_notice_min, horizon_days, window_min, road_factor, reschedule_notice_min, \
         cancel_notice_min FROM scheduling_rules",
    )
    .fetch_one(&mut *conn)
    .await
    .expect("rules");
    assert_eq!((saved.0, saved.1, saved.2), (240, 21, 180));
    assert!((saved.3 - 1.4).abs() < 1e-9);
    assert_eq!((saved.4, saved.5), (720, 360));
    let (actor,): (String,) =
        sqlx::query_as("SELECT actor FROM audit_log WHERE action = 'booking_rules_changed'")
            .fetch_one(&mut *conn)
            .await
            .expect("audited");
    assert!(actor.starts_with("PE-"));
    drop(conn);

    // Customers now get three-hour windows.
    let customer = app.other_browser();
    customer.sign_in("ana@example.com").await;
    let res = customer
        .client
        .post(app.url("/api/booking-calendar"))
        .header("accept", "application/json")
        .form(&[("location", "LO-000001"), ("service", "SV-000001")])
        .send()
        .await
        .expect("POST");
    let body: serde_json::Value = res.json().await.expect("json");
    let first = &body["windows"][0];
    let width = first["end"].as_i64().unwrap_or(0) - first["start"].as_i64().unwrap_or(0);
    assert!(
        body["windows"].as_array().is_none_or(|w| w.is_empty()) || width == 3 * 3600,
        "{body}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_dispatchers_and_admins_read_or_change_the_rules() {
    let app = spawn_app().await;
    for (path, fields) in [
        ("/api/booking-rules", &[][..]),
        ("/api/save-booking-rules", &GOOD[..]),
    ] {
        let res = app.call(path, fields).await;
        assert_eq!(res.status(), 401, "visitor {path}");
        for (email, expected) in [
            ("ana@example.com", 403),
            ("office@example.com", 403),
            ("tomas@example.com", 403),
            ("dispatch@example.com", 200),
            ("admin@example.com", 200),
        ] {
            let other = app.other_browser();
            other.sign_in(email).await;
            let res = other
                .client
                .post(app.url(path))
                .header("accept", "application/json")
                .form(fields)
                .send()
                .await
                .expect("POST");
            assert_eq!(res.status().as_u16(), expected, "{email} {path}");
        }
    }
    let customer = app.other_browser();
    customer.sign_in("ana@example.com").await;
    let html = customer.get_html("/office/rules").await;
    assert!(html.contains("You do not have access to this."));
    assert!(!html.contains("min_notice_hours"));
}
