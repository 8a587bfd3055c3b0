//! What the command line and start-up promise about data: the demo business, whose
//! passwords are public, is served on loopback addresses only; the embedded database is
//! private to its owner.

use std::process::Command;

#[test]
fn demo_data_is_refused_off_loopback() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = Command::new(env!("CARGO_BIN_EXE_doorstep"))
        .args(["--config", "/nonexistent/Leptos.toml", "serve", "--demo"])
        .env("DOORSTEP_ADDRESS", "0.0.0.0:0")
        .env("DOORSTEP_DATA_DIR", dir.path())
        .env("DOORSTEP_DATABASE_URL", "")
        .output()
        .expect("run doorstep");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("refusing to serve the demo business on 0.0.0.0:0")
            && stderr.contains("--demo-anywhere"),
        "{stderr}"
    );
    assert!(
        !dir.path().join("doorstep.db").exists(),
        "nothing was written"
    );
}

/// The embedded database holds addresses and access notes: only its owner may read it.
#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_embedded_database_is_created_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("var").join("doorstep");
    let env = [
        ("DOORSTEP_DATA_DIR".to_string(), data.display().to_string()),
        ("DOORSTEP_DATABASE_URL".to_string(), String::new()),
    ]
    .into_iter()
    .collect();
    let config = server::config::Config::from_sources("test", "", &env).expect("config");
    let store = server::startup::open_store(&config).await.expect("store");
    store.close().await;
    let mode = |path: &std::path::Path| {
        std::fs::metadata(path)
            .expect("metadata")
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode(&data.join("doorstep.db")), 0o600);
    assert_eq!(mode(&data), 0o700);
}
