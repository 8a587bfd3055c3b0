//! Two-step sign-in: set up with an authenticator app's first code (the secret sealed, ten
//! recovery codes shown once and kept hashed), then every sign-in asks for a code after the
//! password; each code and recovery code works once, wrong ones are counted, and turning it
//! off needs the password. A setting makes it required for staff.

use crate::helpers::{
    DEMO_PASSWORD, TestApp, call_as as call, count_of, location, spawn_app, spawn_configured,
};
use doorstep::totp;
use reqwest::Client;
use reqwest::header::{ACCEPT, REFERER};

/// The password step, as the sign-in form posts it without JavaScript.
async fn password_step(client: &Client, app: &TestApp, email: &str) -> reqwest::Response {
    client
        .post(app.url("/api/sign-in"))
        .header(ACCEPT, "text/html")
        .header(REFERER, app.url("/sign-in"))
        .form(&[
            ("email", email),
            ("password", DEMO_PASSWORD),
            ("next", "/notifications"),
        ])
        .send()
        .await
        .expect("POST")
}

/// The code of the app for the step `offset` steps from now.
fn code(secret: &str, offset: i64) -> String {
    let bytes = totp::from_base32(secret).expect("base32");
    let step = totp::step_of(jiff::Timestamp::now().as_second()) + offset;
    format!("{:06}", totp::code_at_step(&bytes, step))
}

/// Sets up two-step sign-in for the person signed in on `client`; the secret and the codes.
async fn set_up(client: &Client, app: &TestApp) -> (String, Vec<String>) {
    assert_eq!(call(client, app, "start-two-step", &[]).await.0, 200);
    let (_, view) = call(client, app, "two-step", &[]).await;
    let secret = view["setting_up"][0].as_str().expect("secret").to_string();
    assert!(
        view["setting_up"][1]
            .as_str()
            .expect("qr")
            .starts_with("<?xml")
    );
    // A wrong first code is named and turns nothing on.
    let (status, body) = call(client, app, "confirm-two-step", &[("code", "000000")]).await;
    if code(&secret, 0) != "000000" {
        assert_eq!(status, 400, "{body}");
        assert!(body.to_string().contains("wrong_code"), "{body}");
    }
    let (status, body) = call(
        client,
        app,
        "confirm-two-step",
        &[("code", &code(&secret, 0))],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (_, codes) = call(client, app, "take-recovery-codes", &[]).await;
    let codes: Vec<String> = serde_json::from_value(codes).expect("codes");
    assert_eq!(codes.len(), 10);
    // Shown once.
    let (_, again) = call(client, app, "take-recovery-codes", &[]).await;
    assert_eq!(again, serde_json::json!([]));
    (secret, codes)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_code_after_the_password_each_code_once_and_recovery_codes_once() {
    let app = spawn_app().await;
    app.sign_in("ana@example.com").await;
    let (secret, codes) = set_up(&app.client, &app).await;
    // Kept sealed and hashed: neither the secret nor a code is in the database as it is.
    let (stored,): (String,) = sqlx::query_as("SELECT secret FROM totp_secrets")
        .fetch_one(app.store.pool())
        .await
        .expect("secret");
    assert!(stored.starts_with("sealed1:") && !stored.contains(&secret));
    let plain_codes = count_of(
        &app,
        &format!(
            "SELECT COUNT(*) FROM recovery_codes WHERE code_hash LIKE '%{}%'",
            &codes[0][..4]
        ),
    )
    .await;
    assert_eq!(plain_codes, 0);
    let (_, view) = call(&app.client, &app, "two-step", &[]).await;
    assert_eq!(
        (view["on"].as_bool(), view["codes_left"].as_i64()),
        (Some(true), Some(10))
    );

    // A new browser: the password alone opens no session; the code page is next.
    let phone = crate::helpers::client();
    let res = password_step(&phone, &app, "ana@example.com").await;
    assert_eq!(res.status(), 302);
    assert_eq!(location(&res), "/sign-in/code?next=%2Fnotifications");
    assert_eq!(call(&phone, &app, "customer-home", &[]).await.0, 401);
    let page = phone
        .get(app.url("/sign-in/code?next=%2Fnotifications"))
        .send()
        .await
        .expect("GET")
        .text()
        .await
        .expect("page");
    assert!(page.contains(r#"action="/api/second-step""#), "{page}");
    // The code that turned it on is spent; a wrong one is named; the next one works.
    for (typed, problem) in [
        (code(&secret, 0), "code_used"),
        ("123456x".into(), "wrong_code"),
    ] {
        let (status, body) = call(&phone, &app, "second-step", &[("code", &typed)]).await;
        assert_eq!(status, 400, "{typed}: {body}");
        assert!(body.to_string().contains(problem), "{typed}: {body}");
    }
    let next = code(&secret, 1);
    let res = phone
        .post(app.url("/api/second-step"))
        .header(ACCEPT, "text/html")
        .header(REFERER, app.url("/sign-in/code"))
        .form(&[("code", next.as_str()), ("next", "/notifications")])
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 302);
    assert_eq!(location(&res), "/notifications");
    assert_eq!(call(&phone, &app, "customer-home", &[]).await.0, 200);

    // Another browser cannot use that code again; a recovery code works once.
    let laptop = crate::helpers::client();
    password_step(&laptop, &app, "ana@example.com").await;
    let (status, body) = call(&laptop, &app, "second-step", &[("code", &next)]).await;
    assert!(body.to_string().contains("code_used"), "{status} {body}");
    let typed = codes[3].to_uppercase().replace('-', " ");
    assert_eq!(
        call(&laptop, &app, "second-step", &[("code", &typed)])
            .await
            .0,
        200
    );
    let tablet = crate::helpers::client();
    password_step(&tablet, &app, "ana@example.com").await;
    let (_, body) = call(&tablet, &app, "second-step", &[("code", &codes[3])]).await;
    assert!(body.to_string().contains("wrong_code"), "{body}");
    let (_, view) = call(&app.client, &app, "two-step", &[]).await;
    assert_eq!(view["codes_left"].as_i64(), Some(9));

    // A few wrong tries, and the waiting sign-in is gone: start again.
    for _ in 0..4 {
        call(&tablet, &app, "second-step", &[("code", "999999")]).await;
    }
    let (status, body) = call(&tablet, &app, "second-step", &[("code", &codes[4])]).await;
    assert_eq!(status, 410, "{body}");
    assert_eq!(body["error"], "sign_in_again");
    // Without the cookie of a waiting sign-in, nothing to finish.
    let (status, _) = call(
        &crate::helpers::client(),
        &app,
        "second-step",
        &[("code", &codes[4])],
    )
    .await;
    assert_eq!(status, 410);
    assert!(
        count_of(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'second_step_failed'"
        )
        .await
            >= 5
    );

    // Turning it off needs the password; then the password alone signs in again.
    let (status, body) = call(
        &app.client,
        &app,
        "turn-off-two-step",
        &[("password", "not it at all")],
    )
    .await;
    assert_eq!(status, 400, "{body}");
    let (status, _) = call(
        &app.client,
        &app,
        "turn-off-two-step",
        &[("password", DEMO_PASSWORD)],
    )
    .await;
    assert_eq!(status, 200);
    let res = password_step(&crate::helpers::client(), &app, "ana@example.com").await;
    assert_eq!(location(&res), "/notifications");
    assert_eq!(
        count_of(&app, "SELECT COUNT(*) FROM recovery_codes").await,
        0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_business_can_require_two_step_sign_in_of_its_staff() {
    let app = spawn_configured(true, &[("DOORSTEP_STAFF_TWO_STEP", "true")]).await;
    app.sign_in("dispatch@example.com").await;
    // Nothing but setting it up.
    let (status, body) = call(&app.client, &app, "staff-home", &[]).await;
    assert_eq!(status, 403, "{body}");
    assert_eq!(body["error"], "two_step_required");
    // Pages of their role, and pages refused to it (the redirect stands over the refusal).
    for page in ["/office/board", "/office/staff"] {
        let res = app
            .client
            .get(app.url(page))
            .header(ACCEPT, "text/html")
            .send()
            .await
            .expect("GET");
        assert_eq!(res.status(), 302, "{page}");
        assert_eq!(location(&res), "/account/two-step");
    }
    let page = app.get_html("/account/two-step").await;
    assert!(
        page.contains("requires it") || page.contains("asks every staff"),
        "{page}"
    );
    let (secret, _) = set_up(&app.client, &app).await;
    // Turning it on signed out the other sessions; this one goes on, now allowed.
    assert_eq!(call(&app.client, &app, "staff-home", &[]).await.0, 200);
    let _ = secret;
    // Customers are not asked.
    let customer = crate::helpers::client();
    let res = password_step(&customer, &app, "ana@example.com").await;
    assert_eq!(location(&res), "/notifications");
    assert_eq!(call(&customer, &app, "customer-home", &[]).await.0, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changing_how_one_signs_in_asks_the_password_again_after_a_quarter_of_an_hour() {
    let app = spawn_app().await;
    app.sign_in("ana@example.com").await;
    let (_, view) = call(&app.client, &app, "two-step", &[]).await;
    assert_eq!(view["needs_password"], false);
    // Signed in an hour ago.
    app.execute("UPDATE sessions SET created_at = created_at - 3600")
        .await;
    let (_, view) = call(&app.client, &app, "two-step", &[]).await;
    assert_eq!(view["needs_password"], true);
    for typed in ["", "not the password at all"] {
        let (status, body) =
            call(&app.client, &app, "start-two-step", &[("password", typed)]).await;
        assert_eq!(status, 400, "{typed:?}: {body}");
        assert!(body.to_string().contains("password"), "{body}");
    }
    assert_eq!(count_of(&app, "SELECT COUNT(*) FROM totp_secrets").await, 0);
    let (status, _) = call(
        &app.client,
        &app,
        "start-two-step",
        &[("password", DEMO_PASSWORD)],
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(count_of(&app, "SELECT COUNT(*) FROM totp_secrets").await, 1);
}
