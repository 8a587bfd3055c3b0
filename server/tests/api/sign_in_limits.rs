//! Password guessing is slowed per (email, address) and per address, never per email alone,
//! and every refusal is explained, translated, and audited.

use crate::helpers::{DEMO_PASSWORD, TestApp, location_path, spawn_configured, unescape};
use doorstep::store::audit;

/// The app believing `X-Forwarded-For` from the test client (loopback), so that tests can
/// speak from several addresses.
async fn behind_proxy() -> TestApp {
    spawn_configured(true, &[("DOORSTEP_TRUSTED_PROXIES", "127.0.0.1")]).await
}

async fn count(app: &TestApp, action: &str) -> i64 {
    let mut conn = app.store.conn().await.expect("conn");
    audit::count(&mut conn, action).await.expect("count")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_strangers_wrong_passwords_do_not_keep_the_person_out() {
    let app = behind_proxy().await;
    let mut refused = 0;
    for _ in 0..30 {
        let res = app
            .call_from(
                "203.0.113.66",
                "/api/sign-in",
                &[("email", "admin@example.com"), ("password", "guess")],
            )
            .await;
        match res.status().as_u16() {
            401 => {}
            429 => refused += 1,
            other => panic!("unexpected status {other}"),
        }
    }
    assert!(refused > 0, "the stranger is slowed");
    // The admin, from their own address, signs in at once.
    let res = app
        .call_from(
            "198.51.100.10",
            "/api/sign-in",
            &[("email", "admin@example.com"), ("password", DEMO_PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), 200, "{:?}", res.text().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn spraying_one_password_over_many_emails_is_slowed_and_audited() {
    let app = behind_proxy().await;
    let mut refused = 0;
    for n in 0..100 {
        let email = format!("person{n}@example.com");
        let res = app
            .call_from(
                "203.0.113.99",
                "/api/sign-in",
                &[("email", &email), ("password", "Summer2026!")],
            )
            .await;
        if res.status() == 429 {
            refused += 1;
        }
    }
    assert!(refused >= 70, "refused {refused} of 100");
    let checked = count(&app, "sign_in_failed").await;
    assert!(checked <= 30, "{checked} passwords reached the hash");
    assert_eq!(count(&app, "sign_in_throttled").await, refused);
    // Every refusal names where it came from and which request it was.
    let mut conn = app.store.conn().await.expect("conn");
    let latest = audit::latest(&mut conn, 5).await.expect("audit");
    for row in latest {
        assert_eq!(row.client_ip.as_deref(), Some("203.0.113.99"), "{row:?}");
        assert!(
            row.request_id.as_deref().is_some_and(|id| id.len() >= 16),
            "{row:?}"
        );
        assert!(row.actor.is_none(), "{row:?}");
    }
    drop(conn);
    // Someone else is not affected.
    let res = app
        .call_from(
            "198.51.100.20",
            "/api/sign-in",
            &[("email", "ana@example.com"), ("password", DEMO_PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refusal_says_when_to_retry_in_the_persons_language() {
    let app = behind_proxy().await;
    let attempt = |lang: &'static str| {
        app.client
            .post(app.url("/api/sign-in"))
            .header("accept", "application/json")
            .header("accept-language", lang)
            .header("x-forwarded-for", "203.0.113.7")
            .form(&[("email", "ana@example.com"), ("password", "guess")])
            .send()
    };
    let mut last = None;
    for _ in 0..10 {
        let res = attempt("de").await.expect("POST");
        if res.status() == 429 {
            last = Some(res);
            break;
        }
    }
    let res = last.expect("refused within ten attempts");
    let retry_after: u64 = res.headers()["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!((1..=900).contains(&retry_after));
    let body: serde_json::Value = res.json().await.expect("json");
    assert_eq!(body["error"], "rate_limited");
    assert_eq!(body["retry_after_secs"], retry_after);
    let message = body["message"].as_str().expect("message");
    assert!(message.contains("Versuche"), "German: {message}");

    // A browser without JavaScript gets the translated sentence on the page, email kept.
    let res = app
        .client
        .post(app.url("/api/sign-in"))
        .header("accept", "text/html")
        .header("referer", app.url("/sign-in"))
        .header("x-forwarded-for", "203.0.113.7")
        .form(&[("email", "ana@example.com"), ("password", "guess")])
        .send()
        .await
        .expect("POST");
    let html = unescape(&app.get_html(&location_path(&res, &app.base)).await);
    assert!(html.contains("Too many attempts"), "{html}");
    assert!(html.contains("value=\"ana@example.com\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_trusted_proxies_forwarded_for_is_ignored() {
    let app = spawn_configured(true, &[]).await;
    let res = app
        .call_from(
            "203.0.113.5",
            "/api/sign-in",
            &[("email", "ana@example.com"), ("password", "guess")],
        )
        .await;
    assert_eq!(res.status(), 401);
    let mut conn = app.store.conn().await.expect("conn");
    let latest = audit::latest(&mut conn, 1).await.expect("audit");
    assert_eq!(latest[0].action, "sign_in_failed");
    assert_eq!(latest[0].client_ip.as_deref(), Some("127.0.0.1"));
    assert_eq!(latest[0].subject.as_deref(), Some("ana@example.com"));
}
