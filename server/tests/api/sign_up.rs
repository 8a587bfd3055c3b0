//! Self sign-up: a newcomer opens an account with their first address, proves their email
//! with the mailed link (which signs them in and takes them back to what they were doing),
//! cannot sign in before, and asks for the link again. A known address gets a mail instead
//! and the same answer; weak or personal passwords and every other mistake are named, and
//! nothing is written; the setting turns sign-up off.

use crate::helpers::{
    TestApp, count_of, location, mailed_link, spawn_app, spawn_configured, token_of,
};

const GOOD_PASSWORD: &str = "violet kettle marches north";

fn form(email: &str, password: &str) -> Vec<(String, String)> {
    [
        ("name", "Mia Berg"),
        ("email", email),
        ("password", password),
        ("label", "Home"),
        ("line1", "Kastanienallee 12"),
        ("postal_code", "10435"),
        ("city", "Berlin"),
        ("country", "de"),
    ]
    .into_iter()
    .map(|(k, v)| (format!("fields[{k}]"), v.to_string()))
    .collect()
}

async fn sign_up(app: &TestApp, fields: &[(String, String)]) -> reqwest::Response {
    app.call_form("/api/sign-up", fields).await
}

async fn try_sign_in(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    app.call("/api/sign-in", &[("email", email), ("password", password)])
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_newcomer_signs_up_proves_their_email_and_is_taken_back_to_their_booking() {
    let app = spawn_app().await;
    let users = count_of(&app, "SELECT COUNT(*) FROM users").await;
    let mut fields = form("Mia@Example.com", GOOD_PASSWORD);
    fields.push(("next".into(), "/book?service=SV-000001".into()));
    let res = sign_up(&app, &fields).await;
    assert_eq!(
        res.status(),
        200,
        "{}",
        res.text().await.unwrap_or_default()
    );
    assert_eq!(
        count_of(&app, "SELECT COUNT(*) FROM users").await,
        users + 1
    );
    let (account, kind, places): (String, String, i64) = sqlx::query_as(
        "SELECT a.name, a.kind, (SELECT COUNT(*) FROM locations l WHERE l.account_id = a.id) \
         FROM customer_accounts a JOIN memberships m ON m.account_id = a.id \
         JOIN users u ON u.id = m.user_id WHERE u.email = 'mia@example.com' AND m.role = 'owner'",
    )
    .fetch_one(app.store.pool())
    .await
    .expect("account");
    assert_eq!(
        (account.as_str(), kind.as_str(), places),
        ("Mia Berg", "household", 1)
    );

    // Before proving the email: the right password says so, a wrong one says nothing more.
    let res = try_sign_in(&app, "mia@example.com", GOOD_PASSWORD).await;
    assert_eq!(res.status(), 403);
    let body = res.text().await.unwrap_or_default();
    assert!(body.contains("email_not_verified"), "{body}");
    let res = try_sign_in(&app, "mia@example.com", "not the password at all").await;
    assert_eq!(res.status(), 401);

    // The mailed link's page offers a button; it proves the email and signs Mia in.
    let link = mailed_link(&app, "mia@example.com", "verify-email")
        .await
        .expect("mail");
    assert!(
        link.starts_with("http://localhost:3000/verify?token="),
        "{link}"
    );
    let token = token_of(&link);
    let page = app.get_html(&format!("/verify?token={token}")).await;
    assert!(page.contains("Confirm and sign in"), "{page}");
    let res = app
        .post_form(
            "/api/verify-email",
            &format!("/verify?token={token}"),
            &[("token", &token)],
        )
        .await;
    assert_eq!(res.status(), 302);
    assert_eq!(location(&res), "/book?service=SV-000001");
    let home = app.get_html("/").await;
    assert!(home.contains("Mia Berg"), "signed in as Mia: {home}");
    assert_eq!(
        count_of(
            &app,
            "SELECT COUNT(*) FROM users WHERE email = 'mia@example.com' \
             AND email_verified_at IS NOT NULL"
        )
        .await,
        1
    );
    // From now on the password works too; the link does not, twice.
    let res = try_sign_in(&app, "mia@example.com", GOOD_PASSWORD).await;
    assert_eq!(res.status(), 200);
    let again = app.call("/api/verify-email", &[("token", &token)]).await;
    assert_eq!(again.status(), 410);
    let page = app.get(&format!("/verify?token={token}")).await;
    assert_eq!(page.status(), 410);
    assert!(
        page.text()
            .await
            .unwrap_or_default()
            .contains("used already")
    );
    for action in ["signed_up", "email_verified"] {
        let n = count_of(
            &app,
            &format!("SELECT COUNT(*) FROM audit_log WHERE action = '{action}'"),
        )
        .await;
        assert_eq!(n, 1, "{action}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_known_address_gets_a_mail_and_the_same_answer_and_nothing_changes() {
    let app = spawn_app().await;
    let users = count_of(&app, "SELECT COUNT(*) FROM users").await;
    let res = sign_up(&app, &form("ana@example.com", GOOD_PASSWORD)).await;
    assert_eq!(res.status(), 200);
    assert_eq!(count_of(&app, "SELECT COUNT(*) FROM users").await, users);
    let link = mailed_link(&app, "ana@example.com", "sign-up-existing")
        .await
        .expect("mail");
    assert!(link.ends_with("/sign-in"), "{link}");
    // Ana's password is as it was.
    let res = try_sign_in(&app, "ana@example.com", crate::helpers::DEMO_PASSWORD).await;
    assert_eq!(res.status(), 200);
    let res = try_sign_in(&app, "ana@example.com", GOOD_PASSWORD).await;
    assert_eq!(res.status(), 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mistakes_are_named_kept_and_write_nothing() {
    let app = spawn_app().await;
    let users = count_of(&app, "SELECT COUNT(*) FROM users").await;
    let cases: Vec<(Vec<(String, String)>, &str)> = vec![
        (form("mia@example.com", "password1234"), "password"),
        (form("mia@example.com", "mia berg kettle river"), "password"),
        (form("mia@example.com", "short"), "password"),
        (form("not an address", GOOD_PASSWORD), "email"),
        (
            form("mia@example.com", GOOD_PASSWORD)
                .into_iter()
                .map(|(k, v)| {
                    if k == "fields[country]" {
                        (k, "Germany".into())
                    } else {
                        (k, v)
                    }
                })
                .collect(),
            "country",
        ),
        (
            form("mia@example.com", GOOD_PASSWORD)
                .into_iter()
                .map(|(k, v)| {
                    if k == "fields[name]" {
                        (k, "x".repeat(101))
                    } else {
                        (k, v)
                    }
                })
                .collect(),
            "name",
        ),
    ];
    for (fields, field) in cases {
        let res = sign_up(&app, &fields).await;
        assert_eq!(res.status(), 400, "{field}");
        let body: serde_json::Value = res.json().await.expect("json");
        let problems = body["problems"].as_array().cloned().unwrap_or_default();
        assert!(
            problems.iter().any(|p| p["field"] == field),
            "{field}: {body}"
        );
        // Everything typed comes back but the password.
        assert!(body["echo"].get("password").is_none(), "{body}");
        assert_eq!(body["echo"]["line1"], "Kastanienallee 12", "{body}");
    }
    assert_eq!(count_of(&app, "SELECT COUNT(*) FROM users").await, users);
    assert_eq!(
        count_of(&app, "SELECT COUNT(*) FROM mail_messages").await,
        0
    );

    // The translated words, on the page a browser without JavaScript comes back to.
    let mut fields: Vec<(&str, &str)> = Vec::new();
    let weak = form("mia@example.com", "password1234");
    for (k, v) in &weak {
        fields.push((k.as_str(), v.as_str()));
    }
    let res = app.post_form("/api/sign-up", "/sign-up", &fields).await;
    assert_eq!(res.status(), 302);
    let back = location(&res);
    let page = app.get_html(&back.replace(&app.base, "")).await;
    assert!(
        page.contains("This password is too easy to guess."),
        "{page}"
    );
    assert!(page.contains("Kastanienallee 12"), "what was typed is kept");
    assert!(
        !page.contains("password1234"),
        "the password is never sent back"
    );

    // The strength hint says the same as the form.
    let rated: serde_json::Value = app
        .call(
            "/api/password-strength",
            &[("password", "password1234"), ("email", "mia@example.com")],
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(rated["accepted"], false, "{rated}");
    assert!(
        rated["message"]
            .as_str()
            .unwrap_or_default()
            .contains("too easy")
    );
    let rated: serde_json::Value = app
        .call("/api/password-strength", &[("password", GOOD_PASSWORD)])
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(rated["accepted"], true, "{rated}");
    assert!(rated["score"].as_u64().unwrap_or_default() >= 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_link_can_be_sent_again_and_only_the_newest_works() {
    let app = spawn_app().await;
    assert_eq!(
        sign_up(&app, &form("mia@example.com", GOOD_PASSWORD))
            .await
            .status(),
        200
    );
    let first = token_of(
        &mailed_link(&app, "mia@example.com", "verify-email")
            .await
            .expect("mail"),
    );
    let res = app
        .call("/api/resend-verification", &[("email", "mia@example.com")])
        .await;
    assert_eq!(res.status(), 200);
    let second = token_of(
        &mailed_link(&app, "mia@example.com", "verify-email")
            .await
            .expect("mail"),
    );
    assert_ne!(first, second);
    assert_eq!(
        app.call("/api/verify-email", &[("token", &first)])
            .await
            .status(),
        410,
        "the older link is retired"
    );
    // An address with no account waiting, or a proven one, gets the same answer and no mail.
    let mails = count_of(&app, "SELECT COUNT(*) FROM mail_messages").await;
    for other in ["nobody@example.com", "ana@example.com"] {
        let res = app
            .call("/api/resend-verification", &[("email", other)])
            .await;
        assert_eq!(res.status(), 200, "{other}");
    }
    assert_eq!(
        count_of(&app, "SELECT COUNT(*) FROM mail_messages").await,
        mails
    );
    // Asking over and over sends at most a few an hour.
    for _ in 0..10 {
        app.call("/api/resend-verification", &[("email", "mia@example.com")])
            .await;
    }
    let sent = count_of(
        &app,
        "SELECT COUNT(*) FROM mail_messages WHERE template = 'verify-email'",
    )
    .await;
    assert_eq!(sent, doorstep::services::sign_up::RESENDS_HOURLY);
    // An expired link says so, and a made-up one is not found.
    let newest = token_of(
        &mailed_link(&app, "mia@example.com", "verify-email")
            .await
            .expect("mail"),
    );
    app.execute("UPDATE auth_links SET expires_at = 0").await;
    assert_eq!(
        app.call("/api/verify-email", &[("token", &newest)])
            .await
            .status(),
        410
    );
    let page = app.get(&format!("/verify?token={newest}")).await;
    assert!(
        page.text()
            .await
            .unwrap_or_default()
            .contains("has expired")
    );
    for bad in ["", "x", "../../etc/passwd", &"A".repeat(43)] {
        let res = app.call("/api/verify-email", &[("token", bad)]).await;
        assert_eq!(res.status(), 404, "{bad}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_address_cannot_open_accounts_without_end() {
    let app = spawn_app().await;
    for i in 0..doorstep::services::sign_up::PER_ADDRESS_HOURLY {
        let res = sign_up(&app, &form(&format!("mia{i}@example.com"), GOOD_PASSWORD)).await;
        assert_eq!(res.status(), 200, "sign-up {i}");
    }
    let res = sign_up(&app, &form("one-more@example.com", GOOD_PASSWORD)).await;
    assert_eq!(res.status(), 429);
    assert_eq!(
        count_of(
            &app,
            "SELECT COUNT(*) FROM users WHERE email = 'one-more@example.com'"
        )
        .await,
        0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_business_can_turn_sign_up_off() {
    let app = spawn_configured(true, &[("DOORSTEP_SIGN_UP", "false")]).await;
    let res = sign_up(&app, &form("mia@example.com", GOOD_PASSWORD)).await;
    assert_eq!(res.status(), 403);
    assert!(
        res.text()
            .await
            .unwrap_or_default()
            .contains("sign_up_closed")
    );
    let page = app.get_html("/sign-up").await;
    assert!(
        page.contains("New accounts are opened by the office."),
        "{page}"
    );
    assert!(!page.contains("fields[password]"));
    let sign_in = app.get_html("/sign-in").await;
    assert!(!sign_in.contains("Create an account"));
    let open = spawn_app().await;
    assert!(
        open.get_html("/sign-in")
            .await
            .contains("Create an account")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_visitor_sent_to_sign_in_comes_back_where_they_were() {
    let app = spawn_app().await;
    let res = app
        .client
        .get(app.url("/book?service=SV-000001"))
        .header("accept", "text/html")
        .send()
        .await
        .expect("GET");
    assert_eq!(res.status(), 302);
    let to = location(&res);
    assert_eq!(to, "/sign-in?next=%2Fbook%3Fservice%3DSV-000001");
    let page = app.get_html(&to).await;
    assert!(
        page.contains(r#"name="next" value="/book?service=SV-000001""#),
        "{page}"
    );
    assert!(page.contains("/sign-up?next=%2Fbook%3Fservice%3DSV-000001"));
    let res = app
        .post_form(
            "/api/sign-in",
            &to,
            &[
                ("email", "ana@example.com"),
                ("password", crate::helpers::DEMO_PASSWORD),
                ("next", "/book?service=SV-000001"),
            ],
        )
        .await;
    assert_eq!(location(&res), "/book?service=SV-000001");
    // Another site is never where a sign-in leads.
    let other = app.other_browser();
    let res = other
        .client
        .post(app.url("/api/sign-in"))
        .header("accept", "text/html")
        .header("referer", app.url("/sign-in"))
        .form(&[
            ("email", "ana@example.com"),
            ("password", crate::helpers::DEMO_PASSWORD),
            ("next", "//evil.example/"),
        ])
        .send()
        .await
        .expect("POST");
    assert_eq!(location(&res), "/");
}
