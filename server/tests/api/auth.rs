//! Signing in and out, sessions, and wrong credentials.

use crate::helpers::{DEMO_PASSWORD, location, location_path, set_cookies, spawn_app, unescape};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_in_sets_a_safe_session_cookie_and_lands_home() {
    let app = spawn_app().await;
    let res = app
        .post_form(
            "/api/sign-in",
            "/sign-in",
            &[("email", "ana@example.com"), ("password", DEMO_PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), 302);
    assert_eq!(location(&res), "/");
    let cookie = set_cookies(&res)
        .into_iter()
        .find(|c| c.starts_with("doorstep_session="))
        .expect("session cookie");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(
        !cookie.contains("Secure"),
        "plain-HTTP test server: {cookie}"
    );
    let home = app.get_html("/").await;
    assert!(
        home.contains("Hello, Ana López"),
        "customer home greets: {home}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_password_and_unknown_email_get_the_same_translated_answer_and_keep_the_email() {
    let app = spawn_app().await;
    let mut pages = Vec::new();
    for email in ["ana@example.com", "nobody@example.com"] {
        let res = app
            .post_form(
                "/api/sign-in",
                "/sign-in",
                &[("email", email), ("password", "not the password")],
            )
            .await;
        assert_eq!(res.status(), 302);
        let back = location_path(&res, &app.base);
        assert!(back.starts_with("/sign-in?"), "{back}");
        assert!(
            set_cookies(&res)
                .iter()
                .all(|c| !c.starts_with("doorstep_session=") || c.contains("Max-Age=0"))
        );
        let html = unescape(&app.get_html(&back).await);
        assert!(
            html.contains("That email and password do not match"),
            "{html}"
        );
        assert!(
            html.contains(&format!("value=\"{email}\"")),
            "email kept: {email}"
        );
        pages.push(html.replace(email, "EMAIL"));
    }
    // Same message either way (nonces differ per response, so compare the alert only).
    let alert = |html: &str| {
        html.split("role=\"alert\"")
            .nth(1)
            .map(|s| s[..200.min(s.len())].to_string())
    };
    assert_eq!(alert(&pages[0]), alert(&pages[1]));
    assert!(
        app.get_html("/").await.contains("href=\"/sign-in\""),
        "still signed out"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_malformed_email_is_explained_next_to_the_field() {
    let app = spawn_app().await;
    let res = app
        .post_form(
            "/api/sign-in",
            "/sign-in",
            &[("email", "ana@"), ("password", "whatever")],
        )
        .await;
    let html = unescape(&app.get_html(&location_path(&res, &app.base)).await);
    assert!(
        html.contains("Enter an email address like name@example.com."),
        "{html}"
    );
    assert!(html.contains("value=\"ana@\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_form_missing_fields_is_a_bad_request_not_a_server_error() {
    let app = spawn_app().await;
    let res = app
        .call("/api/sign-in", &[("email", "ana@example.com")])
        .await;
    assert_eq!(res.status(), 400);
    let body: serde_json::Value = res.json().await.expect("json");
    assert_eq!(body["error"], "bad_request");
    let res = app
        .post_form("/api/sign-in", "/sign-in", &[("email", "ana@example.com")])
        .await;
    assert_eq!(res.status(), 302, "a browser is sent back to the form");
    let html = app.get_html(&location_path(&res, &app.base)).await;
    assert!(html.contains("The form was incomplete"), "{html}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_session_id_changes_at_sign_in() {
    let app = spawn_app().await;
    app.sign_in("ana@example.com").await;
    let first = session_ids(&app).await;
    app.sign_in("ana@example.com").await;
    let second = session_ids(&app).await;
    assert_eq!(first.len(), 1);
    assert_eq!(second.len(), 1, "the old session was closed");
    assert_ne!(first, second, "a new id at each sign-in");
}

async fn session_ids(app: &crate::helpers::TestApp) -> Vec<String> {
    let mut conn = app.store.conn().await.expect("conn");
    doorstep::store::sessions::all_ids(&mut conn)
        .await
        .expect("ids")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_out_ends_the_session() {
    let app = spawn_app().await;
    app.sign_in("dispatch@example.com").await;
    assert_eq!(session_ids(&app).await.len(), 1);
    let res = app.post_form("/api/sign-out", "/", &[]).await;
    assert_eq!(res.status(), 302);
    assert_eq!(location(&res), "/");
    assert!(
        set_cookies(&res)
            .iter()
            .any(|c| c.starts_with("doorstep_session=;") && c.contains("Max-Age=0"))
    );
    assert!(session_ids(&app).await.is_empty());
    let html = app.get_html("/").await;
    assert!(html.contains("href=\"/sign-in\""), "signed out");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forged_or_stale_session_cookie_signs_nobody_in_and_is_cleared() {
    let app = spawn_app().await;
    let forged = "A".repeat(43);
    let res = app
        .client
        .get(app.url("/"))
        .header(
            reqwest::header::COOKIE,
            format!("doorstep_session={forged}"),
        )
        .send()
        .await
        .expect("GET");
    assert!(
        set_cookies(&res)
            .iter()
            .any(|c| c.starts_with("doorstep_session=;"))
    );
    let html = res.text().await.expect("body");
    assert!(html.contains("href=\"/sign-in\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_from_other_sites_are_refused() {
    let app = spawn_app().await;
    let forged = app
        .client
        .post(app.url("/api/sign-in"))
        .header(reqwest::header::ORIGIN, "https://evil.example")
        .header(reqwest::header::ACCEPT, "text/html")
        .form(&[("email", "ana@example.com"), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .expect("POST");
    assert_eq!(forged.status(), 403);
    assert!(
        set_cookies(&forged).is_empty(),
        "no session for a forged form"
    );
    let ours = app
        .client
        .post(app.url("/api/set-locale"))
        .header(reqwest::header::ORIGIN, app.base.clone())
        .header(reqwest::header::ACCEPT, "application/json")
        .form(&[("locale", "de")])
        .send()
        .await
        .expect("POST");
    assert_eq!(ours.status(), 200, "our own pages may write");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_active_session_slides_and_its_cookie_follows() {
    let app = spawn_app().await;
    app.sign_in("ana@example.com").await;
    // Pretend the last request was ten minutes ago.
    let mut conn = app.store.conn().await.expect("conn");
    let ten_minutes_ago = doorstep::services::clock::now() - 600;
    doorstep::store::execute_raw(
        &mut conn,
        &format!("UPDATE sessions SET last_seen_at = {ten_minutes_ago}"),
    )
    .await
    .expect("update");
    drop(conn);
    let res = app.get("/").await;
    let cookie = set_cookies(&res)
        .into_iter()
        .find(|c| c.starts_with("doorstep_session="))
        .expect("refreshed");
    assert!(
        cookie.contains("Max-Age=2592000") && cookie.contains("HttpOnly"),
        "{cookie}"
    );
    // Within five minutes nothing is written and no cookie is sent.
    let res = app.get("/").await;
    assert!(
        set_cookies(&res)
            .iter()
            .all(|c| !c.starts_with("doorstep_session="))
    );
}
