//! The trail as people read it: an owner reads their account's (and only theirs) and
//! downloads everything held about it; admins filter the whole trail and are alerted to
//! bursts of failed sign-ins and to staff signing in from a new network.

use crate::helpers::{DEMO_PASSWORD, TestApp, count_of, spawn_app, spawn_configured};
use std::io::Read as _;

async fn json(app: &TestApp, path: &str, fields: &[(&str, &str)]) -> (u16, serde_json::Value) {
    let res = app.call(path, fields).await;
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or_default())
}

fn actions(page: &serde_json::Value) -> Vec<String> {
    page["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| e["action"].as_str().expect("action").to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_owner_reads_their_accounts_trail_and_nobody_elses() {
    let app = spawn_app().await;
    // Frieda (another account) signs in first: nothing of hers reaches Ana's trail.
    let frieda = app.other_browser();
    frieda.sign_in("facilities@example.com").await;
    app.sign_in("ana@example.com").await;
    let res = app
        .call(
            "/api/invite-member",
            &[
                ("name", "Mo"),
                ("email", "mo@example.com"),
                ("role", "member"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    let (status, page) = json(&app, "/api/account-trail", &[]).await;
    assert_eq!(status, 200, "{page}");
    let seen = actions(&page);
    assert_eq!(
        seen.first().map(String::as_str),
        Some("member_invited"),
        "{seen:?}"
    );
    assert!(seen.contains(&"sign_in".to_string()), "{seen:?}");
    let entries = page["entries"].as_array().expect("entries");
    assert!(
        entries.iter().all(|e| e["who"] != "Frieda Wagner"),
        "another account's sign-in stays out: {page}"
    );
    let own_sign_in = entries
        .iter()
        .find(|e| e["action"] == "sign_in")
        .expect("sign in");
    assert_eq!(own_sign_in["who"], "Ana López");
    assert_eq!(page["older"], serde_json::Value::Null, "one page");

    // The page names the actions in words.
    let html = app.get_html("/account/trail").await;
    assert!(html.contains("Invited someone"), "{html}");

    // Not an owner: refused; a visitor: asked to sign in.
    let (status, _) = crate::helpers::call_as(&frieda.client, &app, "account-trail", &[]).await;
    assert_eq!(status, 200, "Frieda owns her own account");
    let tech = app.other_browser();
    tech.sign_in("tomas@example.com").await;
    let (status, _) = crate::helpers::call_as(&tech.client, &app, "account-trail", &[]).await;
    assert_eq!(status, 403);
}

/// The export's files by name.
fn unzip(bytes: &[u8]) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).expect("entry");
            let mut body = Vec::new();
            file.read_to_end(&mut body).expect("read");
            (file.name().to_string(), body)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_owner_downloads_everything_held_about_the_account() {
    let app = spawn_app().await;
    let post = |client: &reqwest::Client, origin: Option<String>| {
        let mut req = client.post(app.url("/account/export"));
        if let Some(origin) = origin {
            req = req.header("origin", origin);
        }
        req.send()
    };
    assert_eq!(post(&app.client, None).await.expect("POST").status(), 401);
    app.sign_in("ana@example.com").await;
    // A form on another site cannot make her download (nor record) anything.
    let res = post(&app.client, Some("https://elsewhere.example".into()))
        .await
        .expect("POST");
    assert_eq!(res.status(), 403);

    // The office changed her place from an address of its own: she reads what, not where from.
    let (account,): (i64,) = sqlx::query_as("SELECT account_id FROM locations WHERE id = 1")
        .fetch_one(app.store.pool())
        .await
        .expect("account");
    let admin = count_of(
        &app,
        "SELECT id FROM users WHERE email = 'admin@example.com'",
    )
    .await;
    app.execute(&format!(
        "INSERT INTO audit_log (at, actor, action, subject, client_ip, account_id) VALUES \
         (1, '{}', 'location_changed', 'LO-000001', '203.0.113.1', {account})",
        doorstep::ids::UserRef::from_id(admin)
    ))
    .await;
    let res = post(&app.client, Some(app.base.clone()))
        .await
        .expect("POST");
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/zip");
    let cache = res.headers()["cache-control"]
        .to_str()
        .expect("ascii")
        .to_string();
    assert!(cache.contains("no-store"), "{cache}");
    let disposition = res.headers()["content-disposition"]
        .to_str()
        .expect("ascii")
        .to_string();
    assert!(
        disposition.starts_with("attachment; filename=\"AC-"),
        "{disposition}"
    );
    let files = unzip(&res.bytes().await.expect("body"));
    for name in [
        "account.json",
        "csv/account.csv",
        "csv/people.csv",
        "csv/rights.csv",
        "csv/locations.csv",
        "csv/visits.csv",
        "csv/requests.csv",
        "csv/plans.csv",
        "csv/photos.csv",
        "csv/trail.csv",
    ] {
        assert!(files.contains_key(name), "{name} in {:?}", files.keys());
    }
    let data: serde_json::Value = serde_json::from_slice(&files["account.json"]).expect("json");
    assert_eq!(data["people"][0]["email"], "ana@example.com", "{data}");
    assert_eq!(
        data["locations"][0]["access_notes"], "Gate code 4711, second floor left",
        "notes are opened for their owner"
    );
    assert!(
        data["locations"][0]["id"]
            .as_str()
            .expect("ref")
            .starts_with("LO-")
    );
    assert!(!data["visits"].as_array().expect("visits").is_empty());
    let trail = data["trail"].as_array().expect("trail");
    assert_eq!(
        trail.last().expect("entry")["action"],
        "account_exported",
        "the export lists itself"
    );
    let office = trail
        .iter()
        .find(|e| e["action"] == "location_changed")
        .expect("office entry");
    assert_eq!(
        office["client_ip"],
        serde_json::Value::Null,
        "never the office's address"
    );
    let own = trail
        .iter()
        .find(|e| e["action"] == "sign_in")
        .expect("her sign-in");
    assert!(own["client_ip"].is_string(), "her own address: {own}");
    assert!(!String::from_utf8_lossy(&files["csv/trail.csv"]).contains("203.0.113.1"));
    let all = String::from_utf8_lossy(&files["account.json"]).to_string();
    assert!(
        !all.contains("facilities@example.com"),
        "nothing of another account"
    );
    assert!(!all.contains("Head office"));
    let csv = String::from_utf8(files["csv/locations.csv"].clone()).expect("utf-8");
    assert!(csv.starts_with("id,label,line1,"), "{csv}");
    assert!(
        csv.contains("\"Gate code 4711, second floor left\""),
        "{csv}"
    );
    assert_eq!(
        count_of(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'account_exported'"
        )
        .await,
        1
    );

    // Three an hour: the fourth is sent back to the page, which says so.
    for _ in 0..2 {
        let res = post(&app.client, Some(app.base.clone()))
            .await
            .expect("POST");
        assert_eq!(res.status(), 200);
    }
    let res = post(&app.client, Some(app.base.clone()))
        .await
        .expect("POST");
    assert_eq!(res.status(), 303);
    assert_eq!(crate::helpers::location(&res), "/account/trail?export=wait");
    let html = app.get_html("/account/trail?export=wait").await;
    assert!(html.contains("three times in the last hour"), "{html}");

    // A member who is not the owner gets nothing.
    let member = app.other_browser();
    member.sign_in("reception@example.com").await;
    let res = member
        .client
        .post(app.url("/account/export"))
        .header("origin", app.base.clone())
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 403);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_filter_the_whole_trail_and_mistakes_are_named() {
    let app = spawn_app().await;
    let ana = app.other_browser();
    ana.sign_in("ana@example.com").await;
    app.sign_in("admin@example.com").await;
    let (status, page) = json(&app, "/api/office-trail", &[("action", "sign_in")]).await;
    assert_eq!(status, 200, "{page}");
    let seen = actions(&page);
    assert!(seen.len() >= 2, "{seen:?}");
    assert!(seen.iter().all(|a| a.starts_with("sign_in")), "{seen:?}");
    // `_` is no wildcard: `sign_` takes `sign_in`, `sign%` nothing.
    let (_, page) = json(&app, "/api/office-trail", &[("action", "sign%")]).await;
    assert!(actions(&page).is_empty(), "{page}");
    let ana_ref = {
        let id = count_of(&app, "SELECT id FROM users WHERE email = 'ana@example.com'").await;
        doorstep::ids::UserRef::from_id(id).to_string()
    };
    let (_, page) = json(
        &app,
        "/api/office-trail",
        &[("actor", &ana_ref.to_lowercase())],
    )
    .await;
    let entries = page["entries"].as_array().expect("entries");
    assert!(!entries.is_empty());
    assert!(entries.iter().all(|e| e["who"] == "Ana López"), "{page}");
    // Days: today's entries are there from today on, none before yesterday ends.
    let today = jiff::Zoned::now().date().to_string();
    let (status, page) = json(
        &app,
        "/api/office-trail",
        &[("from", "2000-01-01"), ("to", "2000-01-02")],
    )
    .await;
    assert_eq!(status, 200);
    assert!(actions(&page).is_empty(), "{page}");
    let (_, page) = json(&app, "/api/office-trail", &[("from", &today)]).await;
    assert!(!actions(&page).is_empty() || today.is_empty());

    let (status, body) = json(
        &app,
        "/api/office-trail",
        &[
            ("from", "yesterday"),
            ("to", "2026-02-30"),
            ("ip", &"9".repeat(300)),
        ],
    )
    .await;
    assert_eq!(status, 400, "{body}");
    let named: Vec<&str> = body["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| p["field"].as_str().expect("field"))
        .collect();
    assert_eq!(named, ["ip", "from", "to"], "{body}");
    assert_eq!(body["echo"]["from"], "yesterday");

    // Others are refused.
    let (status, _) = crate::helpers::call_as(&ana.client, &app, "office-trail", &[]).await;
    assert_eq!(status, 403);
    let html = app.get_html("/office/trail?action=sign_in").await;
    assert!(html.contains("Narrow the trail"), "{html}");
}

async fn sign_in_from(app: &TestApp, ip: &str, email: &str, password: &str) -> u16 {
    crate::helpers::client()
        .post(app.url("/api/sign-in"))
        .header("accept", "application/json")
        .header("x-forwarded-for", ip)
        .form(&[("email", email), ("password", password)])
        .send()
        .await
        .expect("POST")
        .status()
        .as_u16()
}

async fn alerts(app: &TestApp, kind: &str) -> i64 {
    count_of(
        app,
        &format!("SELECT COUNT(*) FROM security_alerts WHERE kind = '{kind}'"),
    )
    .await
}

async fn mails_to_admin(app: &TestApp, template: &str) -> i64 {
    count_of(
        app,
        &format!(
            "SELECT COUNT(*) FROM mail_messages WHERE template = '{template}' \
             AND to_address = 'admin@example.com'"
        ),
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_are_alerted_to_bursts_of_failed_sign_ins_once() {
    let app = spawn_configured(true, &[("DOORSTEP_TRUSTED_PROXIES", "127.0.0.1")]).await;
    // Forty-nine failures already this minute, from addresses all over.
    let now = jiff::Timestamp::now().as_second();
    for i in 0..49 {
        app.execute(&format!(
            "INSERT INTO audit_log (at, action, subject, client_ip) \
             VALUES ({now}, 'sign_in_failed', 'x{i}@example.com', '198.51.100.{i}')"
        ))
        .await;
    }
    assert_eq!(alerts(&app, "failed_sign_ins").await, 0);
    assert_eq!(
        sign_in_from(
            &app,
            "203.0.113.9",
            "nobody@example.com",
            "wrong password here"
        )
        .await,
        401
    );
    assert_eq!(
        alerts(&app, "failed_sign_ins").await,
        1,
        "the fiftieth raises it"
    );
    assert_eq!(mails_to_admin(&app, "failed-sign-ins").await, 1);
    assert_eq!(
        sign_in_from(
            &app,
            "203.0.113.10",
            "nobody@example.com",
            "wrong password again"
        )
        .await,
        401
    );
    assert_eq!(
        alerts(&app, "failed_sign_ins").await,
        1,
        "once an hour, not once a try"
    );

    app.sign_in("admin@example.com").await;
    let (status, list) = json(&app, "/api/security-alerts", &[]).await;
    assert_eq!(status, 200);
    assert_eq!(list[0]["kind"], "failed_sign_ins");
    assert_eq!(list[0]["count"], 50);
    assert_eq!(list[0]["seen"], false);
    let html = app.get_html("/office/trail").await;
    assert!(html.contains("failed sign-ins in a few minutes"), "{html}");
    assert_eq!(app.call("/api/mark-alerts-seen", &[]).await.status(), 200);
    let (_, list) = json(&app, "/api/security-alerts", &[]).await;
    assert_eq!(list[0]["seen"], true);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_are_alerted_when_staff_sign_in_from_a_new_network() {
    let app = spawn_configured(true, &[("DOORSTEP_TRUSTED_PROXIES", "127.0.0.1")]).await;
    let dispatcher = "dispatch@example.com";
    // The first sign-in ever has nothing to compare with; the same /24 is known.
    assert_eq!(
        sign_in_from(&app, "203.0.113.5", dispatcher, DEMO_PASSWORD).await,
        200
    );
    assert_eq!(
        sign_in_from(&app, "203.0.113.77", dispatcher, DEMO_PASSWORD).await,
        200
    );
    assert_eq!(alerts(&app, "new_network").await, 0);
    // Customers are not watched this way.
    assert_eq!(
        sign_in_from(&app, "203.0.113.5", "ana@example.com", DEMO_PASSWORD).await,
        200
    );
    assert_eq!(
        sign_in_from(&app, "192.0.2.5", "ana@example.com", DEMO_PASSWORD).await,
        200
    );
    assert_eq!(alerts(&app, "new_network").await, 0);

    assert_eq!(
        sign_in_from(&app, "198.51.100.20", dispatcher, DEMO_PASSWORD).await,
        200
    );
    assert_eq!(alerts(&app, "new_network").await, 1);
    assert_eq!(mails_to_admin(&app, "new-network-sign-in").await, 1);
    // Known from now on.
    assert_eq!(
        sign_in_from(&app, "198.51.100.21", dispatcher, DEMO_PASSWORD).await,
        200
    );
    assert_eq!(alerts(&app, "new_network").await, 1);
    app.sign_in("admin@example.com").await;
    let (_, list) = json(&app, "/api/security-alerts", &[]).await;
    assert_eq!(list[0]["kind"], "new_network");
    assert_eq!(list[0]["client_ip"], "198.51.100.20");
    assert!(list[0]["person"].as_str().is_some_and(|p| !p.is_empty()));
}
