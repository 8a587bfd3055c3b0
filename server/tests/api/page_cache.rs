//! The page cache and what makes it safe: pages identical byte for byte (no nonce, a CSP
//! by hashes), kept per person and language, and dropped by any change to the data.

use crate::helpers::{DEMO_PASSWORD, TestApp, set_cookies, spawn_app};
use base64::Engine as _;
use reqwest::header::{ACCEPT, ACCEPT_ENCODING, CONTENT_SECURITY_POLICY, COOKIE, REFERER};
use sha2::{Digest, Sha256};

const MARKER: &str = "x-doorstep-page-cache";

/// The text of every inline `<script>` and `<style>` of a page.
fn inline_code(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for tag in ["script", "style"] {
        let open = format!("<{tag}");
        let close = format!("</{tag}>");
        let mut rest = html;
        while let Some(start) = rest.find(&open) {
            let after = &rest[start..];
            let end = after.find('>').expect("tag end");
            let attributes = &after[..end];
            let body = &after[end + 1..];
            let stop = body.find(&close).expect("closing tag");
            if !attributes.contains(" src=") {
                found.push(body[..stop].to_string());
            }
            rest = &body[stop..];
        }
    }
    found
}

fn allowed_by_hash(csp: &str, code: &str) -> bool {
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(code.as_bytes()));
    csp.contains(&format!("'sha256-{hash}'"))
}

/// GETs `path` with `cookie` (or none) and returns status, CSP, whether the internal
/// marker leaked, and the body.
async fn fetch(app: &TestApp, path: &str, cookie: Option<&str>) -> (u16, String, bool, String) {
    let mut req = reqwest::Client::new().get(app.url(path));
    if let Some(cookie) = cookie {
        req = req.header(COOKIE, cookie);
    }
    let res = req.send().await.expect("GET");
    let status = res.status().as_u16();
    let csp = res
        .headers()
        .get(CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let leaked = res.headers().contains_key(MARKER);
    (status, csp, leaked, res.text().await.expect("body"))
}

/// Signs `email` in with a client of its own and returns the `Cookie` header value.
async fn session_cookie(app: &TestApp, email: &str) -> String {
    let res = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .post(app.url("/api/sign-in"))
        .header(ACCEPT, "text/html")
        .header(REFERER, app.url("/sign-in"))
        .form(&[("email", email), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .expect("sign in");
    set_cookies(&res)
        .iter()
        .find(|v| v.starts_with("doorstep_session="))
        .and_then(|v| v.split(';').next())
        .expect("session cookie")
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_inline_script_and_style_is_allowed_by_its_hash() {
    let app = spawn_app().await;
    let customer = session_cookie(&app, "ana@example.com").await;
    let dispatcher = session_cookie(&app, "dispatch@example.com").await;
    let technician = session_cookie(&app, "lena@example.com").await;
    let visits = [
        ("/", None),
        ("/sign-in", None),
        ("/offline", None),
        ("/no-such-page", None),
        ("/", Some(customer.as_str())),
        ("/", Some(dispatcher.as_str())),
        ("/", Some(technician.as_str())),
    ];
    for (path, cookie) in visits {
        // Twice: rendered, then (where kept) from the cache.
        for round in 0..2 {
            let (status, csp, leaked, html) = fetch(&app, path, cookie).await;
            assert!(status == 200 || status == 404, "{path}: {status}");
            assert!(
                !leaked,
                "{path}: the cache's marker must not leave the server"
            );
            assert!(
                !csp.contains("nonce") && !csp.contains("unsafe-inline"),
                "{csp}"
            );
            let code = inline_code(&html);
            assert!(
                code.len() >= 4,
                "{path}: loader, Leptos's two, brand colours"
            );
            for code in code {
                assert!(
                    allowed_by_hash(&csp, &code),
                    "{path} (round {round}): inline code not allowed by the CSP: {code:.80}"
                );
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kept_page_goes_to_the_same_person_only() {
    let app = spawn_app().await;
    let ana = session_cookie(&app, "ana@example.com").await;
    let office = session_cookie(&app, "office@example.com").await;
    let (_, _, _, first) = fetch(&app, "/", Some(&ana)).await;
    let (_, _, _, again) = fetch(&app, "/", Some(&ana)).await;
    assert!(first.contains("Kastanienallee"));
    assert_eq!(first, again, "the same page, byte for byte");

    let (_, _, _, other) = fetch(&app, "/", Some(&office)).await;
    assert!(other.contains("Kiez Offices") && !other.contains("Kastanienallee"));
    let (_, _, _, visitor) = fetch(&app, "/", None).await;
    assert!(!visitor.contains("Kastanienallee") && visitor.contains("href=\"/sign-in\""));

    // Signed out, the old cookie gets nothing of the kept page.
    let res = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .post(app.url("/api/sign-out"))
        .header(ACCEPT, "text/html")
        .header(REFERER, app.url("/"))
        .header(COOKIE, &ana)
        .send()
        .await
        .expect("sign out");
    assert_eq!(res.status(), 302);
    let (_, _, _, after) = fetch(&app, "/", Some(&ana)).await;
    assert!(!after.contains("Kastanienallee"), "signed out");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_is_part_of_what_is_kept() {
    let app = spawn_app().await;
    let visit = |lang: &'static str| {
        let url = app.url("/sign-in");
        async move {
            reqwest::Client::new()
                .get(url)
                .header(reqwest::header::ACCEPT_LANGUAGE, lang)
                .send()
                .await
                .expect("GET")
                .text()
                .await
                .expect("body")
        }
    };
    for _ in 0..2 {
        assert!(visit("de").await.contains("<html lang=\"de\""));
        assert!(visit("fr").await.contains("<html lang=\"fr\""));
        assert!(visit("en").await.contains("<html lang=\"en\""));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_made_by_another_process_shows_on_the_next_visit() {
    let app = spawn_app().await;
    let ana = session_cookie(&app, "ana@example.com").await;
    let (_, _, _, before) = fetch(&app, "/", Some(&ana)).await;
    assert!(before.contains("López household"));
    let (_, _, _, kept) = fetch(&app, "/", Some(&ana)).await;
    assert_eq!(before, kept);

    // Another instance (or a command) writes to the same database.
    let elsewhere = doorstep::store::Store::connect(&app.database_url, 1)
        .await
        .expect("second connection");
    let version = elsewhere.data_version().await.expect("version");
    let mut conn = elsewhere.conn().await.expect("conn");
    doorstep::store::execute_raw(
        &mut conn,
        "UPDATE customer_accounts SET name = 'López-Weber household' WHERE name = 'López household'",
    )
    .await
    .expect("rename");
    drop(conn);
    assert!(elsewhere.data_version().await.expect("version") > version);
    elsewhere.close().await;

    let (_, _, _, after) = fetch(&app, "/", Some(&ana)).await;
    assert!(
        after.contains("López-Weber household"),
        "the change shows at once"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_answering_a_failed_form_are_not_kept() {
    let app = spawn_app().await;
    let res = app
        .post_form(
            "/api/sign-in",
            "/sign-in",
            &[("email", "ana@example.com"), ("password", "wrong")],
        )
        .await;
    assert_eq!(res.status(), 302);
    let back = crate::helpers::location(&res).to_string();
    assert!(back.contains("__err"), "{back}");
    let path = back.trim_start_matches(&app.base).to_string();
    for _ in 0..2 {
        let (status, _, leaked, html) = fetch(&app, &path, None).await;
        assert_eq!(status, 200);
        assert!(!leaked);
        assert!(html.contains("role=\"alert\""), "the error is shown");
    }
    // The same page without the error is kept, and compressed copies decode to it.
    let plain = reqwest::Client::builder()
        .build()
        .expect("client")
        .get(app.url("/sign-in"))
        .header(ACCEPT_ENCODING, "gzip")
        .send()
        .await
        .expect("GET");
    assert_eq!(plain.headers()["content-encoding"], "gzip");
}

/// Tables whose rows never appear on a kept page.
const UNVERSIONED: [&str; 5] = [
    "sessions",
    "audit_log",
    "outbox",
    "data_version",
    "_sqlx_migrations",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_table_pages_show_moves_the_data_version() {
    let app = spawn_app().await;
    let pool = app.store.pool();
    let (tables, triggered): (Vec<String>, Vec<String>) = match app.store.engine() {
        doorstep::store::Engine::Sqlite => (
            sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                .fetch_all(pool)
                .await
                .expect("tables"),
            sqlx::query_scalar("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%data_version%'")
                .fetch_all(pool)
                .await
                .expect("triggers"),
        ),
        doorstep::store::Engine::Postgres => (
            sqlx::query_scalar("SELECT table_name::TEXT FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
                .fetch_all(pool)
                .await
                .expect("tables"),
            sqlx::query_scalar("SELECT event_object_table::TEXT FROM information_schema.triggers WHERE action_statement LIKE '%move_data_version%'")
                .fetch_all(pool)
                .await
                .expect("triggers"),
        ),
    };
    let missing: Vec<&String> = tables
        .iter()
        .filter(|t| !UNVERSIONED.contains(&t.as_str()) && !triggered.contains(t))
        .collect();
    assert!(
        missing.is_empty(),
        "tables without the data-version trigger: {missing:?}"
    );
    assert!(tables.len() > UNVERSIONED.len() + 10, "{tables:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kept_page_is_served_without_rendering_again() {
    let app = spawn_app().await;
    let ana = session_cookie(&app, "ana@example.com").await;
    let (_, _, _, first) = fetch(&app, "/", Some(&ana)).await;
    assert!(first.contains("López household"));
    // Change the data behind the cache's back (no trigger, so no new version): the kept
    // page is what comes back, which shows it was not rendered again.
    let drop_trigger = match app.store.engine() {
        doorstep::store::Engine::Sqlite => {
            "DROP TRIGGER customer_accounts_update_moves_data_version"
        }
        doorstep::store::Engine::Postgres => {
            "DROP TRIGGER customer_accounts_moves_data_version ON customer_accounts"
        }
    };
    let mut conn = app.store.conn().await.expect("conn");
    doorstep::store::execute_raw(&mut conn, drop_trigger)
        .await
        .expect("drop trigger");
    doorstep::store::execute_raw(
        &mut conn,
        "UPDATE customer_accounts SET name = 'Unseen household' WHERE name = 'López household'",
    )
    .await
    .expect("rename");
    drop(conn);
    let (_, _, _, kept) = fetch(&app, "/", Some(&ana)).await;
    assert_eq!(first, kept);
    // A page not kept yet shows the data as it is.
    let (_, _, _, fresh) = fetch(&app, "/?fresh", Some(&ana)).await;
    assert!(fresh.contains("Unseen household"));
}
