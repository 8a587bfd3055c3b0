//! A person's own details: name, phone and language, which the portal and their mails use
//! from then on; mistakes are named and change nothing.

use crate::helpers::{count_of, spawn_app};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn people_keep_their_name_phone_and_language() {
    let app = spawn_app().await;
    assert_eq!(app.call("/api/profile", &[]).await.status(), 401);
    app.sign_in("ana@example.com").await;
    let profile: serde_json::Value = app
        .call("/api/profile", &[])
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(profile["name"], "Ana López");
    assert_eq!(profile["email"], "ana@example.com");

    // Three mistakes at once: each named, what was typed kept, nothing written.
    let res = app
        .call(
            "/api/save-profile",
            &[("name", "  "), ("phone", "call me maybe"), ("locale", "xx")],
        )
        .await;
    assert_eq!(res.status(), 400);
    let body: serde_json::Value = res.json().await.expect("json");
    let named: Vec<&str> = body["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| p["field"].as_str().expect("field"))
        .collect();
    assert_eq!(named, ["name", "phone", "locale"], "{body}");
    assert_eq!(body["echo"]["phone"], "call me maybe");
    assert_eq!(
        count_of(
            &app,
            "SELECT COUNT(*) FROM users WHERE name = 'Ana López' AND phone IS NULL"
        )
        .await,
        1
    );

    let res = app
        .post_form(
            "/api/save-profile",
            "/account",
            &[
                ("name", "Ana María López"),
                ("phone", "+49 30 1234567"),
                ("locale", "de"),
            ],
        )
        .await;
    assert_eq!(res.status(), 302);
    let profile: serde_json::Value = app
        .call("/api/profile", &[])
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(profile["name"], "Ana María López");
    assert_eq!(profile["phone"], "+49 30 1234567");
    assert_eq!(profile["locale"], "de");
    // The portal speaks German to her now.
    let page = app.get_html("/account").await;
    assert!(page.contains(r#"lang="de""#), "{page}");
    assert_eq!(
        count_of(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'profile_changed'"
        )
        .await,
        1
    );
}
