//! Business settings changed elsewhere (another instance, the command line, by hand) show
//! up without a restart.

use crate::helpers::spawn_app;
use doorstep::store::{Store, execute_raw};
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_branding_change_made_elsewhere_shows_within_seconds() {
    let app = spawn_app().await;
    assert!(app.get_html("/").await.contains("Brightside Home Services"));
    // Another process's connection, as another instance or `psql` would make it.
    let elsewhere = Store::connect(&app.database_url, 1).await.expect("connect");
    let mut conn = elsewhere.conn().await.expect("conn");
    execute_raw(
        &mut conn,
        "UPDATE business_settings SET name = 'Sparkle & Sons', primary_colour = '#123456'",
    )
    .await
    .expect("update");
    drop(conn);
    elsewhere.close().await;
    let started = Instant::now();
    loop {
        let html = crate::helpers::unescape(&app.get_html("/").await);
        if html.contains("Sparkle & Sons") && html.contains("--brand:#123456") {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the change did not show: {html}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}
