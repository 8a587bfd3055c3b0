//! Forgotten and changed passwords: a mailed single-use link (an hour) sets a new one and
//! ends every other session; a change needs the current password and ends the others too;
//! both are told by mail; an unknown address gets the same answer and no mail.

use crate::helpers::{DEMO_PASSWORD, TestApp, location, mailed_link, spawn_app};

const NEW_PASSWORD: &str = "violet kettle marches north";

async fn mails(app: &TestApp, template: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM mail_messages WHERE template = $1")
        .bind(template)
        .fetch_one(app.store.pool())
        .await
        .expect("count");
    n
}

async fn signed_in_at_home(client: &reqwest::Client, app: &TestApp) -> bool {
    let res = client
        .get(app.url("/notifications"))
        .header("accept", "text/html")
        .send()
        .await
        .expect("GET");
    res.status() == 200
}

async fn sign_in_works(app: &TestApp, password: &str) -> bool {
    let res = crate::helpers::client()
        .post(app.url("/api/sign-in"))
        .header("accept", "application/json")
        .form(&[("email", "ana@example.com"), ("password", password)])
        .send()
        .await
        .expect("POST");
    res.status() == 200
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forgotten_password_is_reset_by_the_mailed_link_and_other_sessions_end() {
    let app = spawn_app().await;
    // Ana is signed in on her phone.
    let phone = app.other_browser();
    phone.sign_in("ana@example.com").await;
    assert!(signed_in_at_home(&phone.client, &app).await);

    // An unknown address gets the same answer, and no mail.
    for email in ["nobody@example.com", "ana@example.com"] {
        let res = app
            .post_form(
                "/api/request-password-reset",
                "/forgot-password",
                &[("email", email)],
            )
            .await;
        assert_eq!(res.status(), 302, "{email}");
        assert_eq!(location(&res), "/forgot-password?sent=1");
    }
    assert_eq!(mails(&app, "password-reset").await, 1);
    let link = mailed_link(&app, "ana@example.com", "password-reset")
        .await
        .expect("a link");
    let token = link.split("token=").nth(1).expect("token").to_string();
    let page = app
        .get_html(&format!("/reset-password?token={token}"))
        .await;
    assert!(page.contains("Choose a new password"), "{page}");

    // A weak one is refused and the link still works.
    let res = app
        .call(
            "/api/reset-password",
            &[("token", &token), ("password", "password1234")],
        )
        .await;
    assert_eq!(res.status(), 400);
    assert!(
        res.text()
            .await
            .unwrap_or_default()
            .contains("password_weak")
    );

    let res = app
        .post_form(
            "/api/reset-password",
            &format!("/reset-password?token={token}"),
            &[("token", &token), ("password", NEW_PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), 302);
    assert_eq!(location(&res), "/account?saved=password-reset");
    let page = app.get_html("/account?saved=password-reset").await;
    assert!(page.contains("Your new password is saved"), "{page}");
    assert!(
        !signed_in_at_home(&phone.client, &app).await,
        "the phone is signed out"
    );
    assert!(!sign_in_works(&app, DEMO_PASSWORD).await);
    assert!(sign_in_works(&app, NEW_PASSWORD).await);
    // Once only.
    let again = app
        .call(
            "/api/reset-password",
            &[("token", &token), ("password", NEW_PASSWORD)],
        )
        .await;
    assert_eq!(again.status(), 410);
    let (audited,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'password_reset'")
            .fetch_one(app.store.pool())
            .await
            .expect("audit");
    assert_eq!(audited, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reset_links_expire_and_are_sent_a_few_times_an_hour_at_most() {
    let app = spawn_app().await;
    for _ in 0..6 {
        app.call(
            "/api/request-password-reset",
            &[("email", "ana@example.com")],
        )
        .await;
    }
    assert_eq!(
        mails(&app, "password-reset").await,
        doorstep::services::passwords::RESETS_HOURLY
    );
    let link = mailed_link(&app, "ana@example.com", "password-reset")
        .await
        .expect("a link");
    let token = link.split("token=").nth(1).expect("token").to_string();
    app.execute("UPDATE auth_links SET expires_at = 0").await;
    let res = app
        .call(
            "/api/reset-password",
            &[("token", &token), ("password", NEW_PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), 410);
    let page = app.get(&format!("/reset-password?token={token}")).await;
    assert_eq!(page.status(), 410);
    assert!(sign_in_works(&app, DEMO_PASSWORD).await, "nothing changed");
    let res = app
        .call(
            "/api/request-password-reset",
            &[("email", "not an address")],
        )
        .await;
    assert_eq!(res.status(), 400);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_password_is_changed_with_the_current_one_and_other_devices_are_signed_out() {
    let app = spawn_app().await;
    app.sign_in("ana@example.com").await;
    let phone = app.other_browser();
    phone.sign_in("ana@example.com").await;

    let res = app
        .call(
            "/api/change-password",
            &[("current", "not my password"), ("password", NEW_PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), 400);
    assert!(
        res.text()
            .await
            .unwrap_or_default()
            .contains("wrong_password")
    );
    let res = app
        .call(
            "/api/change-password",
            &[("current", DEMO_PASSWORD), ("password", "ana lopez garden")],
        )
        .await;
    assert_eq!(res.status(), 400, "her own name is refused");
    assert!(
        signed_in_at_home(&phone.client, &app).await,
        "nothing changed yet"
    );

    let res = app
        .post_form(
            "/api/change-password",
            "/account",
            &[("current", DEMO_PASSWORD), ("password", NEW_PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), 302);
    let to = location(&res);
    assert_eq!(to, "/account?saved=password&ended=1");
    let page = app.get_html(&to).await;
    assert!(page.contains("One other device was signed out."), "{page}");
    assert!(
        signed_in_at_home(&app.client, &app).await,
        "this device stays"
    );
    assert!(
        !signed_in_at_home(&phone.client, &app).await,
        "the phone is out"
    );
    assert!(sign_in_works(&app, NEW_PASSWORD).await);
    assert_eq!(mails(&app, "password-changed").await, 1);
    // A visitor cannot change anyone's.
    let res = crate::helpers::client()
        .post(app.url("/api/change-password"))
        .header("accept", "application/json")
        .form(&[
            ("current", NEW_PASSWORD),
            ("password", "another long passphrase here"),
        ])
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn people_see_where_they_are_signed_in_and_end_any_or_all_of_it() {
    let app = spawn_app().await;
    let phone = app.other_browser();
    let sign_in_as = |client: &reqwest::Client, agent: &'static str| {
        client
            .post(app.url("/api/sign-in"))
            .header("accept", "text/html")
            .header("referer", app.url("/sign-in"))
            .header("user-agent", agent)
            .form(&[("email", "ana@example.com"), ("password", DEMO_PASSWORD)])
            .send()
    };
    let android = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
    let mac = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:133.0) Gecko/20100101 Firefox/133.0";
    sign_in_as(&phone.client, android).await.expect("phone");
    sign_in_as(&app.client, mac).await.expect("laptop");
    let tablet = app.other_browser();
    sign_in_as(&tablet.client, android).await.expect("tablet");

    let list: serde_json::Value = app
        .call("/api/sessions", &[])
        .await
        .json()
        .await
        .expect("json");
    let list = list.as_array().cloned().unwrap_or_default();
    assert_eq!(list.len(), 3, "{list:?}");
    let here: Vec<_> = list.iter().filter(|s| s["current"] == true).collect();
    assert_eq!(here.len(), 1);
    assert_eq!(here[0]["browser"], "Firefox");
    assert_eq!(here[0]["system"], "macOS");
    assert_eq!(here[0]["client_ip"], "127.0.0.1");
    let page = app.get_html("/account").await;
    assert!(
        page.contains("Chrome on Android") && page.contains("This device"),
        "{page}"
    );

    // One ended by its handle: that browser is out, the others stay.
    let phone_handle = list
        .iter()
        .find(|s| s["current"] == false)
        .and_then(|s| s["handle"].as_str())
        .expect("another")
        .to_string();
    let res = app
        .call("/api/end-session", &[("session", &phone_handle)])
        .await;
    assert_eq!(res.status(), 200);
    let left = [
        signed_in_at_home(&phone.client, &app).await,
        signed_in_at_home(&tablet.client, &app).await,
    ];
    assert_eq!(
        left.iter().filter(|s| **s).count(),
        1,
        "one of the two is out"
    );
    // Someone else's session, or a made-up one, is not found.
    let other = app.other_browser();
    other.sign_in("facilities@example.com").await;
    let theirs: serde_json::Value = other
        .client
        .post(app.url("/api/sessions"))
        .header("accept", "application/json")
        .send()
        .await
        .expect("POST")
        .json()
        .await
        .expect("json");
    let theirs = theirs[0]["handle"].as_str().expect("handle").to_string();
    for bad in [theirs.as_str(), "zzzz", "0123456789abcdef", "' OR 1=1 --"] {
        let res = app.call("/api/end-session", &[("session", bad)]).await;
        assert_eq!(res.status(), 404, "{bad}");
    }
    assert!(signed_in_at_home(&other.client, &app).await);

    // All the others at once.
    let res = app
        .post_form("/api/end-other-sessions", "/account", &[])
        .await;
    assert_eq!(location(&res), "/account?saved=sessions&ended=1#sessions");
    assert!(!signed_in_at_home(&phone.client, &app).await);
    assert!(!signed_in_at_home(&tablet.client, &app).await);
    assert!(signed_in_at_home(&app.client, &app).await);
    let page = app.get_html("/account?saved=sessions&ended=1").await;
    assert!(page.contains("One other device is signed out."), "{page}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mailed_link_signs_in_once_and_only_in_the_browser_that_asked() {
    let app = spawn_app().await;
    let res = app
        .post_form(
            "/api/request-sign-in-link",
            "/sign-in",
            &[("email", "ana@example.com"), ("next", "/notifications")],
        )
        .await;
    assert_eq!(res.status(), 302);
    assert_eq!(location(&res), "/sign-in?link=sent");
    let page = app.get_html("/sign-in?link=sent").await;
    assert!(page.contains("a sign-in link is on its way"), "{page}");
    let link = mailed_link(&app, "ana@example.com", "sign-in-link")
        .await
        .expect("a link");
    assert!(link.contains("/sign-in/link?token="), "{link}");
    let token = link.split("token=").nth(1).expect("token").to_string();

    // Another browser (a mail app's, another device) cannot use it; it still works here.
    let elsewhere = app.other_browser();
    let res = elsewhere
        .client
        .post(app.url("/api/sign-in-with-link"))
        .header("accept", "application/json")
        .form(&[("token", &token)])
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 403);
    assert!(
        res.text()
            .await
            .unwrap_or_default()
            .contains("link_other_browser")
    );

    let page = app.get_html(&format!("/sign-in/link?token={token}")).await;
    assert!(page.contains(r#"name="token""#), "{page}");
    let res = app
        .post_form(
            "/api/sign-in-with-link",
            &format!("/sign-in/link?token={token}"),
            &[("token", &token)],
        )
        .await;
    assert_eq!(res.status(), 302);
    assert_eq!(location(&res), "/notifications");
    assert!(signed_in_at_home(&app.client, &app).await);
    let again = app
        .call("/api/sign-in-with-link", &[("token", &token)])
        .await;
    assert_eq!(again.status(), 410);

    // An address with no account gets the same answer and no mail; a bad one is named.
    let before = mails(&app, "sign-in-link").await;
    let res = app
        .call(
            "/api/request-sign-in-link",
            &[("email", "nobody@example.com")],
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(mails(&app, "sign-in-link").await, before);
    let res = app
        .call("/api/request-sign-in-link", &[("email", "not an address")])
        .await;
    assert_eq!(res.status(), 400);
    assert!(
        res.text()
            .await
            .unwrap_or_default()
            .contains(r#""field":"email""#)
    );

    // An expired link says so.
    let fresh = app.other_browser();
    fresh
        .client
        .post(app.url("/api/request-sign-in-link"))
        .header("accept", "application/json")
        .form(&[("email", "ana@example.com")])
        .send()
        .await
        .expect("POST");
    let token = mailed_link(&app, "ana@example.com", "sign-in-link")
        .await
        .expect("a link")
        .split("token=")
        .nth(1)
        .expect("token")
        .to_string();
    app.execute("UPDATE auth_links SET expires_at = 0").await;
    let res = fresh
        .client
        .post(app.url("/api/sign-in-with-link"))
        .header("accept", "application/json")
        .form(&[("token", &token)])
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 410);
}
