//! Sessions to ASVS level 2: staff sessions end 12 hours after sign-in, cookies are
//! `__Host-` and HSTS is sent under HTTPS, nothing a signed-in person is sent may be
//! stored, and signing out clears what the browser kept.

use crate::helpers::{DEMO_PASSWORD, set_cookies, spawn_app, spawn_configured};
use reqwest::header::{CACHE_CONTROL, COOKIE};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_sessions_end_twelve_hours_after_sign_in_customers_do_not() {
    let app = spawn_app().await;
    let admin = app.other_browser();
    admin.sign_in("admin@example.com").await;
    app.sign_in("ana@example.com").await;
    // Both signed in twelve hours and a minute ago, both used a minute ago.
    let signed_in = doorstep::services::clock::now() - 12 * 3600 - 60;
    let recent = doorstep::services::clock::now() - 60;
    app.execute(&format!(
        "UPDATE sessions SET created_at = {signed_in}, last_seen_at = {recent}"
    ))
    .await;
    let staff_page = admin.get_html("/").await;
    assert!(
        staff_page.contains("href=\"/sign-in\""),
        "the admin is signed out"
    );
    let customer_page = app.get_html("/").await;
    assert!(customer_page.contains("Hello, Ana"), "the customer is not");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_staff_cookie_lives_twelve_hours_a_customers_thirty_days() {
    let app = spawn_app().await;
    for (email, max_age) in [
        ("tomas@example.com", "Max-Age=43200"),
        ("ana@example.com", "Max-Age=2592000"),
    ] {
        let res = app
            .post_form(
                "/api/sign-in",
                "/sign-in",
                &[("email", email), ("password", DEMO_PASSWORD)],
            )
            .await;
        let cookie = set_cookies(&res)
            .into_iter()
            .find(|c| c.starts_with("doorstep_session="))
            .expect("session cookie");
        assert!(cookie.contains(max_age), "{email}: {cookie}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn under_https_the_cookie_is_host_only_and_browsers_keep_to_https() {
    let app = spawn_configured(
        true,
        &[("DOORSTEP_PUBLIC_URL", "https://portal.example.com")],
    )
    .await;
    let res = app.get("/").await;
    assert_eq!(
        res.headers()["strict-transport-security"],
        "max-age=63072000"
    );
    let res = app
        .post_form(
            "/api/sign-in",
            "/sign-in",
            &[("email", "ana@example.com"), ("password", DEMO_PASSWORD)],
        )
        .await;
    let cookie = set_cookies(&res)
        .into_iter()
        .find(|c| c.contains("doorstep_session="))
        .expect("session cookie");
    assert!(cookie.starts_with("__Host-doorstep_session="), "{cookie}");
    assert!(
        cookie.contains("; Secure") && cookie.contains("Path=/"),
        "{cookie}"
    );
    assert!(!cookie.contains("Domain="), "{cookie}");
    let pair = cookie.split(';').next().expect("name=value").to_string();
    let home = |cookie: String| app.client.get(app.url("/")).header(COOKIE, cookie).send();
    let html = home(pair.clone())
        .await
        .expect("GET")
        .text()
        .await
        .expect("body");
    assert!(
        html.contains("Hello, Ana"),
        "signed in with the __Host- cookie"
    );
    // The unprefixed name means nothing under HTTPS…
    let plain = pair.replacen("__Host-", "", 1);
    let html = home(plain).await.expect("GET").text().await.expect("body");
    assert!(html.contains("href=\"/sign-in\""));
    // …and a second session cookie beside ours (planted by a sibling) signs nobody in.
    let planted = format!("{pair}; __Host-doorstep_session={}", "B".repeat(43));
    let html = home(planted)
        .await
        .expect("GET")
        .text()
        .await
        .expect("body");
    assert!(html.contains("href=\"/sign-in\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plain_http_sends_no_hsts() {
    let app = spawn_app().await;
    let res = app.get("/").await;
    assert!(res.headers().get("strict-transport-security").is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_sent_to_a_signed_in_person_may_be_stored() {
    let app = spawn_app().await;
    assert_eq!(
        app.get("/").await.headers()[CACHE_CONTROL],
        "private, no-cache"
    );
    app.sign_in("ana@example.com").await;
    for path in [
        "/",
        "/sign-in",
        "/offline",
        "/no-such-page",
        "/manifest.webmanifest",
    ] {
        let res = app.get(path).await;
        assert_eq!(res.headers()[CACHE_CONTROL], "private, no-store", "{path}");
    }
    let res = app.call("/api/customer-home", &[]).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()[CACHE_CONTROL], "private, no-store");
    // Built assets stay cacheable: they are the same for everyone.
    let res = app.get("/register-sw.js").await;
    assert_ne!(res.headers()[CACHE_CONTROL], "private, no-store");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_out_clears_the_browsers_cache_and_storage() {
    let app = spawn_app().await;
    app.sign_in("ana@example.com").await;
    let res = app.post_form("/api/sign-out", "/", &[]).await;
    assert_eq!(res.status(), 302);
    assert_eq!(res.headers()["clear-site-data"], "\"cache\", \"storage\"");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_response_carries_a_request_id() {
    let app = spawn_app().await;
    let a = app.get("/healthz").await;
    let b = app.get("/").await;
    let id = |res: &reqwest::Response| {
        res.headers()["x-request-id"]
            .to_str()
            .expect("ascii")
            .to_string()
    };
    assert_eq!(id(&a).len(), 36, "a UUID");
    assert_ne!(id(&a), id(&b));
}
