//! Changing one's sign-in email: the password again, a link mailed to the new address (a
//! day, once), the old address told. An address with an account gets its holder told and the
//! asker the same answer; mistakes are named and change nothing.

use crate::helpers::{
    DEMO_PASSWORD, TestApp, count_of, location, mailed_link, spawn_app, token_of,
};

const NEW: &str = "ana.new@example.com";

async fn email_of_ana(app: &TestApp) -> String {
    let (email,): (String,) = sqlx::query_as("SELECT email FROM users WHERE name = 'Ana López'")
        .fetch_one(app.store.pool())
        .await
        .expect("ana");
    email
}

async fn can_sign_in(app: &TestApp, email: &str) -> bool {
    let res = crate::helpers::client()
        .post(app.url("/api/sign-in"))
        .header("accept", "application/json")
        .form(&[("email", email), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .expect("POST");
    res.status() == 200
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_email_counts_once_its_mailed_link_is_opened() {
    let app = spawn_app().await;
    let asks =
        |email: &'static str, password: &'static str| [("email", email), ("password", password)];
    assert_eq!(
        app.call("/api/change-email", &asks(NEW, DEMO_PASSWORD))
            .await
            .status(),
        401,
        "a visitor has no email to change"
    );
    app.sign_in("ana@example.com").await;

    // Mistakes: each named, the typed address kept, nothing sent.
    for (fields, field, problem) in [
        (asks(NEW, "not her password"), "password", "wrong_password"),
        (
            asks("ana@example.com", DEMO_PASSWORD),
            "email",
            "same_email",
        ),
        (
            asks("not an address", DEMO_PASSWORD),
            "email",
            "invalid_email",
        ),
    ] {
        let res = app.call("/api/change-email", &fields).await;
        assert_eq!(res.status(), 400, "{fields:?}");
        let body: serde_json::Value = res.json().await.expect("json");
        let found = if body["field"].is_string() {
            (body["field"].clone(), body["problem"]["problem"].clone())
        } else {
            (
                body["problems"][0]["field"].clone(),
                body["problems"][0]["problem"]["problem"].clone(),
            )
        };
        assert_eq!(found.0, field, "{body}");
        assert_eq!(found.1, problem, "{body}");
        assert_eq!(body["echo"]["email"], fields[0].1, "{body}");
        assert!(
            !body.to_string().contains(DEMO_PASSWORD),
            "passwords never echo"
        );
    }
    assert_eq!(
        count_of(
            &app,
            "SELECT COUNT(*) FROM auth_links WHERE purpose = 'email'"
        )
        .await,
        0
    );

    let res = app
        .post_form("/api/change-email", "/account", &asks(NEW, DEMO_PASSWORD))
        .await;
    assert_eq!(res.status(), 302);
    assert_eq!(location(&res), "/account?saved=email-sent");
    let page = app.get_html("/account?saved=email-sent").await;
    assert!(page.contains("Check the new address"), "{page}");
    assert_eq!(
        email_of_ana(&app).await,
        "ana@example.com",
        "nothing moves before the link"
    );
    let link = mailed_link(&app, NEW, "confirm-email")
        .await
        .expect("link to the new address");
    assert!(link.contains("/account/email?token="), "{link}");
    let token = token_of(&link);

    // The link's page names the address; a made-up one is not found.
    let page = app.get_html(&format!("/account/email?token={token}")).await;
    assert!(page.contains(NEW), "{page}");
    let res = app
        .get("/account/email?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
        .await;
    assert_eq!(res.status(), 404);

    // Opened in another browser, signed out: it works there too (the mail proves the address).
    let elsewhere = app.other_browser();
    let res = elsewhere
        .client
        .post(app.url("/api/confirm-email"))
        .header("accept", "text/html")
        .header("referer", app.url("/account/email"))
        .form(&[("token", token.as_str())])
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 302);
    assert_eq!(location(&res), "/sign-in?email=changed");
    assert_eq!(email_of_ana(&app).await, NEW);
    assert!(
        mailed_link(&app, "ana@example.com", "email-changed")
            .await
            .is_some(),
        "the old address is told"
    );
    assert!(can_sign_in(&app, NEW).await);
    assert!(!can_sign_in(&app, "ana@example.com").await);
    let html = app.get_html("/account").await;
    assert!(
        html.contains(NEW),
        "her session stays, with the new address"
    );
    assert_eq!(
        count_of(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'email_changed'"
        )
        .await,
        1
    );

    // Used once.
    let res = app
        .call("/api/confirm-email", &[("token", token.as_str())])
        .await;
    assert_eq!(res.status(), 410);

    // Had it not been her: the mail to the old address moves the account back, once, and
    // signs everyone out; no way back goes to the address it leaves, and no passkey added
    // meanwhile stays.
    app.execute(
        "INSERT INTO passkeys (user_id, credential_id, user_handle, name, passkey, created_at) \
         SELECT id, 'intruder', 'handle', 'Intruder', '{}', 0 FROM users WHERE name = 'Ana López'",
    )
    .await;
    let back = mailed_link(&app, "ana@example.com", "email-changed")
        .await
        .expect("a way back");
    assert!(back.contains("/account/email?token="), "{back}");
    let page = app
        .get_html(&format!("/account/email?token={}", token_of(&back)))
        .await;
    assert!(page.contains("ana@example.com"), "{page}");
    let res = elsewhere
        .client
        .post(app.url("/api/confirm-email"))
        .header("accept", "application/json")
        .form(&[("token", token_of(&back).as_str())])
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 200);
    assert_eq!(email_of_ana(&app).await, "ana@example.com");
    assert_eq!(
        app.call("/api/profile", &[]).await.status(),
        401,
        "everyone is signed out"
    );
    assert!(mailed_link(&app, NEW, "email-changed").await.is_none());
    assert_eq!(count_of(&app, "SELECT COUNT(*) FROM passkeys").await, 0);
    assert_eq!(
        count_of(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'email_restored'"
        )
        .await,
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn links_mailed_to_the_old_address_end_with_the_change() {
    let app = spawn_app().await;
    let res = app
        .post_form(
            "/api/request-password-reset",
            "/forgot-password",
            &[("email", "ana@example.com")],
        )
        .await;
    assert_eq!(res.status(), 302);
    let reset = token_of(
        &mailed_link(&app, "ana@example.com", "password-reset")
            .await
            .expect("reset link"),
    );
    app.sign_in("ana@example.com").await;
    let res = app
        .call(
            "/api/change-email",
            &[("email", NEW), ("password", DEMO_PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), 200);
    let token = token_of(&mailed_link(&app, NEW, "confirm-email").await.expect("link"));
    assert_eq!(
        app.call("/api/confirm-email", &[("token", token.as_str())])
            .await
            .status(),
        200
    );
    let res = app
        .call(
            "/api/reset-password",
            &[
                ("token", reset.as_str()),
                ("password", "violet kettle marches north"),
            ],
        )
        .await;
    assert_eq!(
        res.status(),
        410,
        "the reset link mailed to the old address is void"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_address_with_an_account_is_not_given_away_nor_told_to_the_asker() {
    let app = spawn_app().await;
    app.sign_in("ana@example.com").await;
    let res = app
        .call(
            "/api/change-email",
            &[("email", "office@example.com"), ("password", DEMO_PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), 200, "the same answer as for a free address");
    assert!(
        mailed_link(&app, "office@example.com", "email-in-use")
            .await
            .is_some(),
        "its holder is told"
    );
    assert!(
        mailed_link(&app, "office@example.com", "confirm-email")
            .await
            .is_none()
    );

    // A free address is asked for, then taken by someone else before the link is opened.
    let res = app
        .call(
            "/api/change-email",
            &[("email", NEW), ("password", DEMO_PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), 200);
    let token = token_of(&mailed_link(&app, NEW, "confirm-email").await.expect("link"));
    app.execute(&format!(
        "UPDATE users SET email = '{NEW}' WHERE email = 'office@example.com'"
    ))
    .await;
    let res = app
        .call("/api/confirm-email", &[("token", token.as_str())])
        .await;
    assert_eq!(res.status(), 400);
    let body: serde_json::Value = res.json().await.expect("json");
    assert_eq!(body["problem"]["problem"], "taken", "{body}");
    assert_eq!(email_of_ana(&app).await, "ana@example.com");
    assert_eq!(
        count_of(
            &app,
            "SELECT COUNT(*) FROM auth_links WHERE purpose = 'email' AND used_at IS NULL"
        )
        .await,
        1,
        "a refused link stays unused (its transaction rolled back)"
    );

    // Three asks an hour; the fourth is refused by name.
    app.call(
        "/api/change-email",
        &[("email", "third@example.com"), ("password", DEMO_PASSWORD)],
    )
    .await;
    let res = app
        .call(
            "/api/change-email",
            &[("email", "fourth@example.com"), ("password", DEMO_PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), 429);
    assert!(
        mailed_link(&app, "fourth@example.com", "confirm-email")
            .await
            .is_none()
    );
}
