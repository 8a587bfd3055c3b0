//! Passkeys: added by a signed-in person (the password again after a quarter of an hour),
//! then signing in with no email or password; the second step of a sign-in when the person
//! has one; removed with a form. A software authenticator speaks WebAuthn's real messages,
//! so forged answers are refused as a browser's would be: another site's origin or RP id,
//! no user verification, a bad signature, a cloned key, a removed passkey, replays.

use crate::authenticator::{SoftKey, Tamper};
use crate::helpers::{DEMO_PASSWORD, TestApp, call_as as call, count_of, spawn_configured};
use reqwest::Client;
use serde_json::Value;

/// The portal's public address in these tests: a host name, as passkeys need.
const ORIGIN: &str = "http://localhost:3000";

/// The app, believing `X-Forwarded-For` from loopback so that each test browser comes from
/// an address of its own (passkey sign-ins are limited per address).
async fn app() -> TestApp {
    spawn_configured(
        true,
        &[
            ("DOORSTEP_PUBLIC_URL", ORIGIN),
            ("DOORSTEP_TRUSTED_PROXIES", "127.0.0.1"),
        ],
    )
    .await
}

/// A new browser, from an address of its own.
fn client() -> Client {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    from_address(&format!("198.51.{}.{}", n / 250, n % 250 + 1))
}

fn from_address(ip: &str) -> Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-forwarded-for", ip.parse().expect("header value"));
    Client::builder()
        .cookie_store(true)
        .timeout(std::time::Duration::from_secs(30))
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .build()
        .expect("http client")
}

/// The options a start call answered with (a JSON string inside the JSON answer).
fn options(answer: &Value) -> Value {
    serde_json::from_str(answer.as_str().expect("options as a string")).expect("options JSON")
}

/// Adds a passkey for the person signed in on `client`, named `name`.
async fn add(client: &Client, app: &TestApp, name: &str) -> SoftKey {
    let (status, started) = call(client, app, "start-passkey", &[]).await;
    assert_eq!(status, 200, "{started}");
    let (key, answer) = SoftKey::register(&options(&started), ORIGIN);
    let (status, body) = call(
        client,
        app,
        "add-passkey",
        &[("response", &answer.to_string()), ("name", name)],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    key
}

/// Signs in with `key` on `client` (a new browser unless given); the status and answer.
async fn sign_in_with(
    client: &Client,
    app: &TestApp,
    key: &mut SoftKey,
    origin: &str,
    tamper: &Tamper,
) -> (u16, Value) {
    let (status, started) = call(client, app, "start-passkey-sign-in", &[]).await;
    assert_eq!(status, 200, "{started}");
    let answer = key.sign_with(&options(&started), origin, tamper);
    call(
        client,
        app,
        "passkey-sign-in",
        &[
            ("response", &answer.to_string()),
            ("next", "/notifications"),
        ],
    )
    .await
}

async fn signed_in(client: &Client, app: &TestApp) -> bool {
    call(client, app, "passkeys", &[]).await.0 == 200
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_passkey_is_added_then_signs_in_with_no_email_or_password() {
    let app = app().await;
    app.sign_in("ana@example.com").await;
    let mut key = add(&app.client, &app, "  Work\u{202E} laptop ").await;
    let (_, view) = call(&app.client, &app, "passkeys", &[]).await;
    assert_eq!(view["available"], true);
    assert_eq!(view["passkeys"][0]["name"], "Work laptop");
    assert!(view["passkeys"][0]["last_used_at"].is_null());
    assert_eq!(
        count_of(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'passkey_added'"
        )
        .await,
        1
    );
    // The owner is told by mail: a passkey is a way in without the password.
    assert_eq!(
        count_of(
            &app,
            "SELECT COUNT(*) FROM mail_messages WHERE template = 'passkey-added' \
             AND to_address = 'ana@example.com'"
        )
        .await,
        1
    );

    // The password still signs in alone: for customers a passkey is another way in, not a
    // second step (losing the device locks nobody out).
    let by_password = client();
    sign_in_browser(&by_password, &app, "ana@example.com").await;

    // Another browser: no email, no password.
    let browser = client();
    let (status, to) = sign_in_with(&browser, &app, &mut key, ORIGIN, &Tamper::default()).await;
    assert_eq!(status, 200, "{to}");
    assert_eq!(to, "/notifications");
    assert!(signed_in(&browser, &app).await);
    let (_, view) = call(&browser, &app, "passkeys", &[]).await;
    assert!(view["passkeys"][0]["last_used_at"].is_i64());
    assert_eq!(
        count_of(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'passkey_sign_in'"
        )
        .await,
        1
    );
    // The device's counter is kept: a copy of the key that answers with an old count is a
    // clone, and refused.
    let mut clone = key.clone();
    let (status, _) = sign_in_with(&client(), &app, &mut key, ORIGIN, &Tamper::default()).await;
    assert_eq!(status, 200);
    let (status, body) =
        sign_in_with(&client(), &app, &mut clone, ORIGIN, &Tamper::default()).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("passkey_refused"))
    );

    // A ceremony works once: its answer again is "try again".
    let third = client();
    let (_, started) = call(&third, &app, "start-passkey-sign-in", &[]).await;
    let answer = key.sign(&options(&started), ORIGIN).to_string();
    let first = call(&third, &app, "passkey-sign-in", &[("response", &answer)]).await;
    assert_eq!(first.0, 200, "{}", first.1);
    assert_eq!(first.1, "/");
    let again = call(&third, &app, "passkey-sign-in", &[("response", &answer)]).await;
    assert_eq!(
        (again.0, again.1["error"].as_str()),
        (410, Some("passkey_expired"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_and_foreign_answers_are_refused_and_change_nothing() {
    let app = app().await;
    app.sign_in("ana@example.com").await;
    let mut key = add(&app.client, &app, "Phone").await;
    let sessions = count_of(&app, "SELECT COUNT(*) FROM sessions").await;
    let cases = [
        (
            "another site's origin",
            "https://evil.example",
            Tamper::default(),
            400,
            "passkey_refused",
        ),
        (
            "another site's RP id",
            ORIGIN,
            Tamper {
                rp_id: Some("evil.example".into()),
                ..Tamper::default()
            },
            400,
            "passkey_refused",
        ),
        (
            "no user verification",
            ORIGIN,
            Tamper {
                no_user_verification: true,
                ..Tamper::default()
            },
            400,
            "passkey_refused",
        ),
        (
            "a bad signature",
            ORIGIN,
            Tamper {
                bad_signature: true,
                ..Tamper::default()
            },
            400,
            "passkey_refused",
        ),
        (
            "no user handle",
            ORIGIN,
            Tamper {
                omit_user_handle: true,
                ..Tamper::default()
            },
            404,
            "passkey_unknown",
        ),
    ];
    for (case, origin, tamper, status, tag) in cases {
        let browser = client();
        let (got, body) = sign_in_with(&browser, &app, &mut key, origin, &tamper).await;
        assert_eq!(
            (got, body["error"].as_str()),
            (status, Some(tag)),
            "{case}: {body}"
        );
        assert!(!signed_in(&browser, &app).await, "{case}");
    }
    assert_eq!(
        count_of(&app, "SELECT COUNT(*) FROM sessions").await,
        sessions
    );
    assert_eq!(
        count_of(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'passkey_sign_in_failed'"
        )
        .await,
        5
    );

    // Not an answer at all: malformed, huge, or with no ceremony started.
    let browser = client();
    for garbage in ["{", "[]", &"x".repeat(20_000)] {
        call(&browser, &app, "start-passkey-sign-in", &[]).await;
        let (status, body) =
            call(&browser, &app, "passkey-sign-in", &[("response", garbage)]).await;
        assert_eq!(
            (status, body["error"].as_str()),
            (400, Some("bad_request")),
            "{body}"
        );
    }
    let (status, body) = call(&client(), &app, "passkey-sign-in", &[("response", "{}")]).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (410, Some("passkey_expired"))
    );

    // A registration made for another site adds nothing.
    let (_, started) = call(&app.client, &app, "start-passkey", &[]).await;
    let (_, answer) = SoftKey::register(&options(&started), "https://evil.example");
    let (status, body) = call(
        &app.client,
        &app,
        "add-passkey",
        &[("response", &answer.to_string()), ("name", "Evil")],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("passkey_refused"))
    );
    // A name too long is named, and the ceremony waits for a good one.
    let (_, started) = call(&app.client, &app, "start-passkey", &[]).await;
    let (_, answer) = SoftKey::register(&options(&started), ORIGIN);
    let long = "n".repeat(61);
    let (status, body) = call(
        &app.client,
        &app,
        "add-passkey",
        &[("response", &answer.to_string()), ("name", &long)],
    )
    .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (400, Some("name")),
        "{body}"
    );
    assert_eq!(count_of(&app, "SELECT COUNT(*) FROM passkeys").await, 1);

    // Removed: the passkey no longer signs in.
    let (_, view) = call(&app.client, &app, "passkeys", &[]).await;
    let id = view["passkeys"][0]["id"].to_string();
    let (status, _) = call(&app.client, &app, "remove-passkey", &[("id", &id)]).await;
    assert_eq!(status, 200);
    let (status, body) = sign_in_with(&client(), &app, &mut key, ORIGIN, &Tamper::default()).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (404, Some("passkey_unknown"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn adding_or_removing_needs_a_recent_sign_in_and_only_ones_own_is_removed() {
    let app = app().await;
    app.sign_in("ana@example.com").await;
    let mut key = add(&app.client, &app, "Phone").await;
    let (_, view) = call(&app.client, &app, "passkeys", &[]).await;
    let id = view["passkeys"][0]["id"].to_string();
    // Someone else cannot remove it.
    let other = client();
    let res = other
        .post(app.url("/api/sign-in"))
        .header(reqwest::header::ACCEPT, "application/json")
        .form(&[("email", "tomas@example.com"), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .expect("sign in");
    assert!(res.status().is_success() || res.status().is_redirection());
    let (status, _) = call(&other, &app, "remove-passkey", &[("id", &id)]).await;
    assert_eq!(status, 404);

    let mut tomas_key = add(&other, &app, "Tomás's phone").await;

    app.execute("UPDATE sessions SET created_at = created_at - 3600")
        .await;
    let (_, view) = call(&app.client, &app, "passkeys", &[]).await;
    assert_eq!(view["needs_password"], true);
    for (password, field) in [("", "password"), ("not the password", "password")] {
        let (status, body) = call(
            &app.client,
            &app,
            "start-passkey",
            &[("password", password)],
        )
        .await;
        assert_eq!(
            (status, body["field"].as_str()),
            (400, Some(field)),
            "{body}"
        );
        let (status, body) = call(
            &app.client,
            &app,
            "remove-passkey",
            &[("id", &id), ("password", password)],
        )
        .await;
        assert_eq!(
            (status, body["field"].as_str()),
            (400, Some(field)),
            "{body}"
        );
    }
    assert_eq!(
        count_of(&app, "SELECT COUNT(*) FROM passkeys WHERE name = 'Phone'").await,
        1
    );
    // A passkey confirms it is her as well as the password: someone else's does not, hers
    // renews the session.
    let (_, started) = call(
        &app.client,
        &app,
        "start-passkey-sign-in",
        &[("confirm", "true")],
    )
    .await;
    let answer = tomas_key.sign(&options(&started), ORIGIN).to_string();
    let (status, body) = call(
        &app.client,
        &app,
        "passkey-sign-in",
        &[("response", &answer)],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (403, Some("passkey_not_yours"))
    );
    let (_, started) = call(
        &app.client,
        &app,
        "start-passkey-sign-in",
        &[("confirm", "true")],
    )
    .await;
    let answer = key.sign(&options(&started), ORIGIN).to_string();
    let (status, body) = call(
        &app.client,
        &app,
        "passkey-sign-in",
        &[("response", &answer), ("next", "/account/passkeys")],
    )
    .await;
    assert_eq!((status, body.as_str()), (200, Some("/account/passkeys")));
    let (_, view) = call(&app.client, &app, "passkeys", &[]).await;
    assert_eq!(view["needs_password"], false);
    app.execute("UPDATE sessions SET created_at = created_at - 3600")
        .await;
    let (status, _) = call(
        &app.client,
        &app,
        "start-passkey",
        &[("password", DEMO_PASSWORD)],
    )
    .await;
    assert_eq!(status, 200);
    let (status, _) = call(
        &app.client,
        &app,
        "remove-passkey",
        &[("id", &id), ("password", DEMO_PASSWORD)],
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        count_of(&app, "SELECT COUNT(*) FROM passkeys WHERE name = 'Phone'").await,
        0
    );
    assert_eq!(
        count_of(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'passkey_removed'"
        )
        .await,
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn at_most_ten_passkeys_and_each_device_once() {
    let app = app().await;
    app.sign_in("ana@example.com").await;
    for n in 0..10 {
        add(&app.client, &app, &format!("Key {n}")).await;
    }
    let (status, body) = call(&app.client, &app, "start-passkey", &[]).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (409, Some("too_many_passkeys"))
    );
    // The options name the passkeys there already, so a device does not add its own twice.
    app.execute("DELETE FROM passkeys WHERE name = 'Key 9'")
        .await;
    let (_, started) = call(&app.client, &app, "start-passkey", &[]).await;
    let excluded = options(&started)["publicKey"]["excludeCredentials"]
        .as_array()
        .map_or(0, Vec::len);
    assert_eq!(excluded, 9);
    assert_eq!(
        options(&started)["publicKey"]["authenticatorSelection"]["residentKey"],
        "required"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_passkey_is_the_second_step_of_its_own_person_and_counts_for_staff() {
    let app = spawn_configured(
        true,
        &[
            ("DOORSTEP_PUBLIC_URL", ORIGIN),
            ("DOORSTEP_STAFF_TWO_STEP", "true"),
        ],
    )
    .await;
    // Staff who must set up two-step sign-in may add a passkey instead.
    app.sign_in("dispatch@example.com").await;
    let (status, _) = call(&app.client, &app, "staff-home", &[]).await;
    assert_eq!(status, 403, "nothing else before the second step is set up");
    let page = app.get("/account/passkeys").await;
    assert_eq!(page.status(), 200);
    let mut key = add(&app.client, &app, "Phone").await;
    // Ana has one too.
    let ana = client();
    sign_in_browser(&ana, &app, "ana@example.com").await;
    let mut ana_key = add(&ana, &app, "Ana's phone").await;

    // the dispatcher's password now asks for a second step, which her passkey takes.
    let browser = client();
    let res = password_step(&browser, &app, "dispatch@example.com").await;
    assert!(crate::helpers::location(&res).starts_with("/sign-in/code"));
    let (status, ways) = call(&browser, &app, "second-step-ways", &[]).await;
    assert_eq!((status, ways), (200, serde_json::json!([false, true])));
    // Ana's passkey is no second step of the dispatcher's.
    let (_, started) = call(
        &browser,
        &app,
        "start-passkey-sign-in",
        &[("second_step", "true")],
    )
    .await;
    let answer = ana_key.sign(&options(&started), ORIGIN).to_string();
    let (status, body) = call(&browser, &app, "passkey-sign-in", &[("response", &answer)]).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (403, Some("passkey_not_yours"))
    );
    assert!(!signed_in(&browser, &app).await);
    let (_, started) = call(
        &browser,
        &app,
        "start-passkey-sign-in",
        &[("second_step", "true")],
    )
    .await;
    let answer = key.sign(&options(&started), ORIGIN).to_string();
    let (status, body) = call(
        &browser,
        &app,
        "passkey-sign-in",
        &[("response", &answer), ("next", "/office/board")],
    )
    .await;
    assert_eq!((status, body.as_str()), (200, Some("/office/board")));
    let (status, _) = call(&browser, &app, "staff-home", &[]).await;
    assert_eq!(status, 200, "set up and signed in: the office is open");
    // The waiting sign-in is used up.
    let (status, _) = call(
        &browser,
        &app,
        "start-passkey-sign-in",
        &[("second_step", "true")],
    )
    .await;
    assert_eq!(status, 410);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn passkeys_are_off_when_the_public_address_is_an_ip() {
    let app = spawn_configured(true, &[("DOORSTEP_PUBLIC_URL", "http://127.0.0.1:3000")]).await;
    app.sign_in("ana@example.com").await;
    let (_, view) = call(&app.client, &app, "passkeys", &[]).await;
    assert_eq!(view["available"], false);
    assert_eq!(call(&app.client, &app, "start-passkey", &[]).await.0, 404);
    assert_eq!(
        call(&client(), &app, "start-passkey-sign-in", &[]).await.0,
        404
    );
    let page = app.get_html("/sign-in").await;
    assert!(!page.contains("data-passkey"));
    let on = self::app().await;
    assert!(on.get_html("/sign-in").await.contains("data-passkey"));
}

async fn password_step(client: &Client, app: &TestApp, email: &str) -> reqwest::Response {
    client
        .post(app.url("/api/sign-in"))
        .header(reqwest::header::ACCEPT, "text/html")
        .header(reqwest::header::REFERER, app.url("/sign-in"))
        .form(&[("email", email), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .expect("POST")
}

async fn sign_in_browser(client: &Client, app: &TestApp, email: &str) {
    let res = password_step(client, app, email).await;
    assert_eq!(crate::helpers::location(&res), "/", "{email} signed in");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_address_cannot_start_ceremonies_without_end() {
    let app = app().await;
    let browser = from_address("203.0.113.9");
    let mut statuses = Vec::new();
    for _ in 0..8 {
        statuses.push(call(&browser, &app, "start-passkey-sign-in", &[]).await.0);
    }
    assert_eq!(&statuses[..5], &[200; 5], "a few are free");
    assert!(
        statuses[5..].contains(&429),
        "then the address waits: {statuses:?}"
    );
    // Another address is not slowed.
    assert_eq!(
        call(&client(), &app, "start-passkey-sign-in", &[]).await.0,
        200
    );
}
