//! `spawn_app()`: the whole server on port 0 with a fresh database holding the demo data.

use doorstep::store::Store;
use reqwest::header::{ACCEPT, CONTENT_TYPE, REFERER};
use reqwest::{Client, Response, redirect};
use server::config::Config;
use server::startup;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};

pub const DEMO_PASSWORD: &str = doorstep::services::demo::DEMO_PASSWORD;

pub struct TestApp {
    pub base: String,
    /// The database this app runs on, for commands run beside it.
    pub database_url: String,
    pub store: Store,
    /// A browser-like client: keeps cookies, does not follow redirects (tests look at them).
    pub client: Client,
    /// The server's background task worker (it also runs on its own).
    pub tasks: doorstep::services::tasks::Runner,
    /// The server's data folder.
    pub data_dir: std::path::PathBuf,
    /// Drops this test's PostgreSQL database when the test ends.
    _database: DatabaseGuard,
    _dir: tempfile::TempDir,
}

/// A PostgreSQL test database, dropped (with the connections still open to it) when the
/// test that made it ends; nothing for SQLite, whose file goes with the temp folder.
struct DatabaseGuard {
    postgres: Option<(String, String)>,
}

impl Drop for DatabaseGuard {
    fn drop(&mut self) {
        let Some((admin_url, name)) = self.postgres.take() else {
            return;
        };
        // Drop runs inside the test's runtime, which cannot block on itself.
        let label = name.clone();
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            runtime.block_on(async {
                let admin = Store::connect(&admin_url, 1).await?;
                let mut conn = admin.conn().await?;
                doorstep::store::execute_raw(
                    &mut conn,
                    &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
                )
                .await?;
                drop(conn);
                admin.close().await;
                Ok::<(), doorstep::store::StoreError>(())
            })
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!("could not drop test database {label}: {dropped:?}");
        }
    }
}

pub fn client() -> Client {
    Client::builder()
        .cookie_store(true)
        // A request that hangs fails its test instead of the whole run.
        .timeout(std::time::Duration::from_secs(30))
        .redirect(redirect::Policy::none())
        .build()
        .expect("http client")
}

/// A database URL of its own for one test.
async fn fresh_database(dir: &tempfile::TempDir) -> (String, DatabaseGuard) {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    match std::env::var("DOORSTEP_TEST_POSTGRES") {
        Ok(admin_url) if !admin_url.is_empty() => {
            let name = format!(
                "t_{}_{}_{}",
                std::process::id(),
                COUNTER.fetch_add(1, Ordering::Relaxed),
                rand::random::<u32>()
            );
            let admin = Store::connect(&admin_url, 1)
                .await
                .expect("connect to PostgreSQL");
            sqlx_execute(&admin, &format!("CREATE DATABASE {name}")).await;
            admin.close().await;
            let (base, _) = admin_url
                .rsplit_once('/')
                .expect("URL with a database name");
            let url = format!("{base}/{name}");
            (
                url,
                DatabaseGuard {
                    postgres: Some((admin_url, name)),
                },
            )
        }
        _ => (
            format!("sqlite://{}", dir.path().join("test.db").display()),
            DatabaseGuard { postgres: None },
        ),
    }
}

async fn sqlx_execute(store: &Store, sql: &str) {
    let mut conn = store.conn().await.expect("connection");
    doorstep::store::execute_raw(&mut conn, sql)
        .await
        .expect("statement");
}

/// A migrated, empty database of its own, with no server (and so no background worker)
/// running on it.
pub struct TestStore {
    pub store: Store,
    _database: DatabaseGuard,
    _dir: tempfile::TempDir,
}

pub async fn test_store() -> TestStore {
    test_store_until(i64::MAX).await
}

/// A database as the release that ended with migration `last` left it.
pub async fn test_store_until(last: i64) -> TestStore {
    let dir = tempfile::tempdir().expect("temp dir");
    let (url, database) = fresh_database(&dir).await;
    let store = Store::connect(&url, 8).await.expect("connect");
    store.migrate_until(last).await.expect("migrate");
    TestStore {
        store,
        _database: database,
        _dir: dir,
    }
}

impl TestStore {
    pub async fn execute(&self, sql: &str) {
        sqlx_execute(&self.store, sql).await;
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(true).await
}

pub async fn spawn_app_with(demo: bool) -> TestApp {
    spawn_configured(demo, &[]).await
}

/// The app with settings of its own (`DOORSTEP_*` variables, as the environment gives them).
pub async fn spawn_configured(demo: bool, settings: &[(&str, &str)]) -> TestApp {
    if std::env::var("TEST_LOG").is_ok() {
        server::telemetry::init(server::config::LogFormat::Text, "info");
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let (url, database) = fresh_database(&dir).await;
    let mut env = BTreeMap::new();
    env.insert("DOORSTEP_DATABASE_URL".to_string(), url.clone());
    env.insert("DOORSTEP_ADDRESS".to_string(), "127.0.0.1:0".to_string());
    env.insert("DOORSTEP_HASH_FILES".to_string(), "false".to_string());
    env.insert(
        "DOORSTEP_DATA_DIR".to_string(),
        dir.path().display().to_string(),
    );
    for (key, value) in settings {
        env.insert((*key).to_string(), (*value).to_string());
    }
    let config = Config::from_sources("test", "", &env).expect("test config");
    let store = startup::open_store(&config).await.expect("store");
    if demo {
        doorstep::services::demo::load(&store)
            .await
            .expect("demo data");
    }
    let state = startup::state(&config, store.clone()).await.expect("state");
    let tasks = state.tasks.clone();
    let server = startup::Server::bind(config.address, state)
        .await
        .expect("bind");
    let addr = server.local_addr().expect("address");
    tokio::spawn(server.serve());
    TestApp {
        base: format!("http://{addr}"),
        database_url: url,
        store,
        client: client(),
        tasks,
        data_dir: dir.path().to_path_buf(),
        _database: database,
        _dir: dir,
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    pub async fn get_html(&self, path: &str) -> String {
        let res = self.get(path).await;
        assert!(
            res.status().is_success() || res.status() == 404,
            "GET {path}: {}",
            res.status()
        );
        res.text().await.expect("body")
    }

    /// Posts a form as a browser without JavaScript does: `Accept: text/html` and a Referer.
    pub async fn post_form(&self, path: &str, from: &str, fields: &[(&str, &str)]) -> Response {
        self.client
            .post(self.url(path))
            .header(ACCEPT, "text/html,application/xhtml+xml")
            .header(REFERER, self.url(from))
            .form(fields)
            .send()
            .await
            .expect("POST form")
    }

    /// Calls a server function as an API client: form-encoded arguments, JSON answer.
    pub async fn call(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.client
            .post(self.url(path))
            .header(ACCEPT, "application/json")
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(serde_urlencoded(fields))
            .send()
            .await
            .expect("POST api")
    }

    /// Calls a server function with owned field names (maps: `fields[name]`).
    pub async fn call_form(&self, path: &str, fields: &[(String, String)]) -> Response {
        self.client
            .post(self.url(path))
            .header(ACCEPT, "application/json")
            .form(fields)
            .send()
            .await
            .expect("POST api")
    }

    /// Calls a server function as an API client would from the address `ip` (the test
    /// server must trust 127.0.0.1 as a proxy: `DOORSTEP_TRUSTED_PROXIES`).
    pub async fn call_from(&self, ip: &str, path: &str, fields: &[(&str, &str)]) -> Response {
        self.client
            .post(self.url(path))
            .header(ACCEPT, "application/json")
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("x-forwarded-for", ip)
            .body(serde_urlencoded(fields))
            .send()
            .await
            .expect("POST api")
    }

    /// Runs SQL beside the app, on a connection of its own.
    pub async fn execute(&self, sql: &str) {
        sqlx_execute(&self.store, sql).await;
    }

    /// Signs in through the no-JavaScript form and checks it worked.
    pub async fn sign_in(&self, email: &str) {
        let res = self
            .post_form(
                "/api/sign-in",
                "/sign-in",
                &[("email", email), ("password", DEMO_PASSWORD)],
            )
            .await;
        assert_eq!(res.status(), 302, "sign-in of {email}");
        assert_eq!(location(&res), "/", "sign-in of {email} lands home");
    }

    /// Another server instance on this app's database and data folder (as behind a load
    /// balancer); its address.
    pub async fn another_instance(&self) -> String {
        let mut env = BTreeMap::new();
        env.insert(
            "DOORSTEP_DATABASE_URL".to_string(),
            self.database_url.clone(),
        );
        env.insert("DOORSTEP_ADDRESS".to_string(), "127.0.0.1:0".to_string());
        env.insert("DOORSTEP_HASH_FILES".to_string(), "false".to_string());
        env.insert(
            "DOORSTEP_DATA_DIR".to_string(),
            self.data_dir.display().to_string(),
        );
        let config = Config::from_sources("test", "", &env).expect("test config");
        let store = startup::open_store(&config).await.expect("store");
        let state = startup::state(&config, store).await.expect("state");
        let server = startup::Server::bind(config.address, state)
            .await
            .expect("bind");
        let addr = server.local_addr().expect("address");
        tokio::spawn(server.serve());
        format!("http://{addr}")
    }

    /// A second browser on the same server.
    pub fn other_browser(&self) -> TestApp2<'_> {
        TestApp2 {
            app: self,
            client: client(),
        }
    }
}

/// Another client against the same app.
pub struct TestApp2<'a> {
    pub app: &'a TestApp,
    pub client: Client,
}

impl TestApp2<'_> {
    pub async fn get_html(&self, path: &str) -> String {
        self.client
            .get(self.app.url(path))
            .send()
            .await
            .expect("GET")
            .text()
            .await
            .expect("body")
    }

    pub async fn sign_in(&self, email: &str) {
        self.sign_in_with(email, DEMO_PASSWORD).await;
    }

    pub async fn sign_in_with(&self, email: &str, password: &str) {
        let res = self
            .client
            .post(self.app.url("/api/sign-in"))
            .header(ACCEPT, "text/html")
            .header(REFERER, self.app.url("/sign-in"))
            .form(&[("email", email), ("password", password)])
            .send()
            .await
            .expect("POST");
        assert_eq!(res.status(), 302, "sign-in of {email}");
    }
}

fn serde_urlencoded(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub fn location(res: &Response) -> String {
    res.headers()
        .get(reqwest::header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

/// The path and query of a Location header (which may be absolute).
pub fn location_path(res: &Response, base: &str) -> String {
    let loc = location(res);
    loc.strip_prefix(base).map(str::to_string).unwrap_or(loc)
}

pub fn set_cookies(res: &Response) -> Vec<String> {
    res.headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_string))
        .collect()
}

/// Decodes the HTML entities the renderer uses, for comparing visible text.
pub fn unescape(html: &str) -> String {
    html.replace("&amp;", "&")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
}

/// The first `weekday` at least three days from today in `tz`: past any notice rule.
pub fn next_weekday(tz: &jiff::tz::TimeZone, weekday: jiff::civil::Weekday) -> jiff::civil::Date {
    weekday_from(tz, weekday, 3)
}

/// The first `weekday` a week or more from today in `tz`: past the demo data's week of jobs,
/// so what the day offers does not depend on which weekday the test runs.
pub fn weekday_after_demo_week(
    tz: &jiff::tz::TimeZone,
    weekday: jiff::civil::Weekday,
) -> jiff::civil::Date {
    weekday_from(tz, weekday, 7)
}

fn weekday_from(
    tz: &jiff::tz::TimeZone,
    weekday: jiff::civil::Weekday,
    days_ahead: i64,
) -> jiff::civil::Date {
    let mut day = jiff::Timestamp::now()
        .to_zoned(tz.clone())
        .date()
        .checked_add(jiff::Span::new().days(days_ahead))
        .expect("date");
    while day.weekday() != weekday {
        day = day.tomorrow().expect("date");
    }
    day
}

/// The link in the newest mail of `template` to `to`, if there is one.
pub async fn mailed_link(app: &TestApp, to: &str, template: &str) -> Option<String> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT args FROM mail_messages WHERE to_address = $1 AND template = $2 \
         ORDER BY id DESC LIMIT 1",
    )
    .bind(to)
    .bind(template)
    .fetch_optional(app.store.pool())
    .await
    .expect("mail");
    let args: serde_json::Value = serde_json::from_str(&row?.0).expect("json");
    Some(args["link"].as_str()?.to_string())
}

/// The secret a mailed link carries.
pub fn token_of(link: &str) -> String {
    link.split("token=").nth(1).expect("token").to_string()
}

/// The single number a `SELECT COUNT(*) …` gives.
pub async fn count_of(app: &TestApp, sql: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql)
        .fetch_one(app.store.pool())
        .await
        .expect("count");
    n
}

/// Calls a server function as `client`, as an API client does; the status and the JSON
/// answer (or the text, when it is not JSON).
pub async fn call_as(
    client: &Client,
    app: &TestApp,
    endpoint: &str,
    fields: &[(&str, &str)],
) -> (u16, serde_json::Value) {
    let res = client
        .post(app.url(&format!("/api/{endpoint}")))
        .header(ACCEPT, "application/json")
        .form(fields)
        .send()
        .await
        .expect("POST");
    let status = res.status().as_u16();
    let body = res.text().await.expect("body");
    let value = serde_json::from_str(&body).unwrap_or(serde_json::Value::String(body));
    (status, value)
}
