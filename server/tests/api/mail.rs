//! Mail goes out through the background worker to a real SMTP server (aiosmtpd on
//! loopback), in the recipient's language and the business's name, once; without an SMTP
//! server it is written as an `.eml` file.

use crate::helpers::{TestApp, spawn_app, spawn_configured};
use doorstep::email::Email;
use doorstep::locale::Locale;
use doorstep::services::mail::{SEND_MAIL, queue_settings_check, send_payload};
use doorstep::services::tasks::enqueue;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// An SMTP server on loopback that keeps every message it accepts in a Maildir.
struct SmtpSink {
    child: Child,
    dir: tempfile::TempDir,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

impl SmtpSink {
    fn start(port: u16) -> Self {
        let dir = tempfile::tempdir().expect("maildir");
        let child = Command::new("python3")
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(dir.path().join("box"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 -m aiosmtpd (pip install aiosmtpd)");
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "aiosmtpd did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Self { child, dir }
    }

    fn messages(&self) -> Vec<String> {
        let new = self.dir.path().join("box").join("new");
        let mut files: Vec<PathBuf> = std::fs::read_dir(new)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.sort();
        files
            .iter()
            .map(|f| std::fs::read_to_string(f).expect("message"))
            .collect()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn with_smtp(port: u16) -> TestApp {
    let port = port.to_string();
    spawn_configured(
        true,
        &[
            ("DOORSTEP_SMTP_HOST", "127.0.0.1"),
            ("DOORSTEP_SMTP_PORT", &port),
            ("DOORSTEP_SMTP_TLS", "none"),
            ("DOORSTEP_MAIL_FROM", "Portal <portal@brightside.example>"),
        ],
    )
    .await
}

async fn eventually<T>(what: &str, mut check: impl AsyncFnMut() -> Option<T>) -> T {
    let started = Instant::now();
    loop {
        if let Some(found) = check().await {
            return found;
        }
        assert!(started.elapsed() < Duration::from_secs(20), "{what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn sent_at(app: &TestApp, id: i64) -> Option<i64> {
    let mut conn = app.store.conn().await.expect("conn");
    doorstep::store::mail::by_id(&mut conn, id)
        .await
        .expect("mail")
        .sent_at
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_goes_out_once_over_smtp_in_the_recipients_language() {
    let port = free_port();
    let sink = SmtpSink::start(port);
    let app = with_smtp(port).await;
    let to = Email::parse("kim@example.com").expect("email");
    let id = queue_settings_check(&app.store, &to, Locale::De)
        .await
        .expect("queued");
    app.tasks.wake();
    let message = eventually("the message arrives", async || sink.messages().pop()).await;
    assert!(message.contains("To: kim@example.com"), "{message}");
    assert!(
        message.contains("From: \"Brightside Home Services\" <portal@brightside.example>")
            || message.contains("From: Brightside Home Services <portal@brightside.example>"),
        "{message}"
    );
    assert!(
        message.contains("Subject: Brightside Home Services: Das Portal kann E-Mails senden"),
        "{message}"
    );
    assert!(message.contains("multipart/alternative"), "{message}");
    assert!(message.contains("text/plain") && message.contains("text/html"));
    let sent = eventually("the delivery is recorded", async || sent_at(&app, id).await).await;

    // Another send task for the same message (a retry after a lost answer) sends nothing.
    let mut tx = app.store.begin().await.expect("tx");
    enqueue(&mut tx, SEND_MAIL, &send_payload(id), Duration::ZERO, 3)
        .await
        .expect("again");
    tx.commit().await.expect("commit");
    while app.tasks.run_once().await.expect("run").is_some() {}
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(sink.messages().len(), 1, "sent once");
    assert_eq!(sent_at(&app, id).await, Some(sent));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_waits_for_an_smtp_server_that_is_down_and_goes_out_when_it_is_back() {
    let port = free_port();
    let app = with_smtp(port).await;
    let to = Email::parse("kim@example.com").expect("email");
    let id = queue_settings_check(&app.store, &to, Locale::En)
        .await
        .expect("queued");
    app.tasks.wake();
    let error = eventually("the failed attempt is recorded", async || {
        let mut conn = app.store.conn().await.expect("conn");
        let err: Option<(String, String)> = sqlx::query_as(
            "SELECT state, last_error FROM background_tasks WHERE last_error IS NOT NULL",
        )
        .fetch_optional(&mut *conn)
        .await
        .expect("task");
        err
    })
    .await;
    assert_eq!(error.0, "pending", "{error:?}");
    assert!(error.1.contains("SMTP"), "{error:?}");
    assert_eq!(sent_at(&app, id).await, None);

    let sink = SmtpSink::start(port);
    app.execute("UPDATE background_tasks SET run_at = 0").await;
    app.tasks.wake();
    eventually("the message arrives", async || sink.messages().pop()).await;
    eventually("the delivery is recorded", async || sent_at(&app, id).await).await;
    assert_eq!(sink.messages().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_an_smtp_server_mail_is_written_as_a_file() {
    let app = spawn_app().await;
    let to = Email::parse("kim@example.com").expect("email");
    let id = queue_settings_check(&app.store, &to, Locale::Fr)
        .await
        .expect("queued");
    app.tasks.wake();
    let file = eventually("the file is written", async || {
        std::fs::read_dir(app.data_dir.join("mail"))
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.extension().is_some_and(|x| x == "eml"))
    })
    .await;
    let text = std::fs::read_to_string(&file).expect("eml");
    assert!(text.contains("To: kim@example.com"), "{text}");
    assert!(
        text.contains("le portail peut envoyer des e-mails"),
        "{text}"
    );
    eventually("the delivery is recorded", async || sent_at(&app, id).await).await;
}

#[test]
fn the_mail_test_command_sends_through_the_configured_server() {
    let port = free_port();
    let sink = SmtpSink::start(port);
    let dir = tempfile::tempdir().expect("data");
    let out = Command::new(env!("CARGO_BIN_EXE_doorstep"))
        .args(["--config", "/nonexistent/Leptos.toml", "mail-test"])
        .args(["--to", "owner@example.com", "--locale", "es"])
        .env("DOORSTEP_DATA_DIR", dir.path())
        .env("DOORSTEP_DATABASE_URL", "")
        .env("DOORSTEP_SMTP_HOST", "127.0.0.1")
        .env("DOORSTEP_SMTP_PORT", port.to_string())
        .env("DOORSTEP_SMTP_TLS", "none")
        .output()
        .expect("run doorstep");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("Sent to owner@example.com: smtp 250"),
        "{stdout}"
    );
    let messages = sink.messages();
    assert_eq!(messages.len(), 1);
    assert!(
        messages[0].contains("el portal puede enviar correos"),
        "{}",
        messages[0]
    );
}

#[test]
fn the_mail_test_command_explains_bad_input_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("data");
    for (args, says) in [
        (
            ["--to", "not an address", "--locale", "en"],
            "is not an email address",
        ),
        (
            ["--to", "kim@example.com", "--locale", "klingon"],
            "unknown language",
        ),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_doorstep"))
            .args(["--config", "/nonexistent/Leptos.toml", "mail-test"])
            .args(args)
            .env("DOORSTEP_DATA_DIR", dir.path())
            .env("DOORSTEP_DATABASE_URL", "")
            .output()
            .expect("run doorstep");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
    assert!(
        !dir.path().join("doorstep.db").exists(),
        "nothing was written"
    );
}
