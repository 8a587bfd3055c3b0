//! Every request is traceable: its id comes back in `x-request-id`, every line logged while
//! it runs carries that id, and it ends in one line with method, route, status, latency and
//! user; a failure is in that line once, with its whole cause chain.

use crate::helpers::spawn_app;
use std::io::Write;
use std::sync::{Mutex, OnceLock};

/// Log lines written by every server of this test process (all tests share the subscriber).
static LINES: Mutex<Vec<String>> = Mutex::new(Vec::new());

struct Capture;

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf).to_string();
        LINES
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .extend(text.lines().map(str::to_string));
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Installs the capturing subscriber; `false` when another one was installed first
/// (`TEST_LOG` set), and these tests cannot look at the logs.
fn capture() -> bool {
    static INSTALLED: OnceLock<bool> = OnceLock::new();
    *INSTALLED.get_or_init(|| {
        let subscriber = tracing_subscriber::fmt()
            .with_env_filter("info")
            .with_ansi(false)
            .with_target(false)
            .with_writer(|| Capture)
            .finish();
        tracing::subscriber::set_global_default(subscriber).is_ok()
    })
}

fn lines_with(needle: &str) -> Vec<String> {
    LINES
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .iter()
        .filter(|l| l.contains(needle))
        .cloned()
        .collect()
}

fn request_id(res: &reqwest::Response) -> String {
    res.headers()["x-request-id"]
        .to_str()
        .expect("ascii")
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_request_ends_in_one_line_and_a_failure_carries_its_causes() {
    if !capture() {
        eprintln!("another log subscriber is installed (TEST_LOG?): nothing to check");
        return;
    }
    let app = spawn_app().await;
    let res = app.get("/sign-in").await;
    let id = request_id(&res);
    let lines = lines_with(&id);
    let ends: Vec<_> = lines.iter().filter(|l| l.contains("status=")).collect();
    assert_eq!(ends.len(), 1, "one line per request: {lines:#?}");
    let end = ends[0];
    assert!(
        end.contains("method=GET")
            && end.contains("route=/sign-in")
            && end.contains("status=200")
            && end.contains("latency_ms=")
            && end.contains("user=\"-\""),
        "{end}"
    );

    // A signed-in request names its user; a failure deep down names every cause, once.
    app.sign_in("ana@example.com").await;
    app.execute("ALTER TABLE locations RENAME TO locations_elsewhere")
        .await;
    let res = app.call("/api/customer-home", &[]).await;
    assert_eq!(res.status(), 500);
    let id = request_id(&res);
    app.execute("ALTER TABLE locations_elsewhere RENAME TO locations")
        .await;
    let lines = lines_with(&id);
    let failures: Vec<_> = lines
        .iter()
        .filter(|l| l.contains("customer home failed"))
        .collect();
    assert_eq!(failures.len(), 1, "logged once: {lines:#?}");
    let failure = failures[0];
    assert!(
        failure.contains("status=500") && failure.contains("user=\"PE-"),
        "{failure}"
    );
    assert!(
        failure.contains("locations"),
        "the database's own words: {failure}"
    );
    // The person sees none of it.
    let body = res.text().await.expect("body");
    assert!(!body.contains("locations"), "{body}");
}
