//! Access notes (door and alarm codes) are sealed in the database with the data key and
//! opened only on the way to someone who may read them; the key is rotated by command, old
//! plain notes are sealed at start, and a missing key is named instead of showing garbage.

use crate::helpers::{TestApp, spawn_app};
use doorstep::secrets::{Keyring, SecretError};
use doorstep::store::StoreError;
use server::config::Config;
use server::startup::{self, StartError};
use std::collections::BTreeMap;

async fn stored_notes(app: &TestApp) -> Vec<String> {
    sqlx::query_as::<_, (String,)>(
        "SELECT access_notes FROM locations WHERE access_notes IS NOT NULL ORDER BY id",
    )
    .fetch_all(app.store.pool())
    .await
    .expect("notes")
    .into_iter()
    .map(|(n,)| n)
    .collect()
}

fn config(app: &TestApp, key: &str, previous: &str) -> Config {
    let mut env = BTreeMap::new();
    env.insert(
        "DOORSTEP_DATABASE_URL".to_string(),
        app.database_url.clone(),
    );
    env.insert(
        "DOORSTEP_DATA_DIR".to_string(),
        app.data_dir.display().to_string(),
    );
    env.insert("DOORSTEP_DATA_KEY".to_string(), key.to_string());
    env.insert(
        "DOORSTEP_PREVIOUS_DATA_KEYS".to_string(),
        previous.to_string(),
    );
    Config::from_sources("test", "", &env).expect("config")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn access_notes_are_sealed_at_rest_and_read_in_plain_by_their_people() {
    let app = spawn_app().await;
    let stored = stored_notes(&app).await;
    assert!(!stored.is_empty());
    for note in &stored {
        assert!(note.starts_with("sealed1:"), "{note}");
        assert!(
            !note.contains("4711") && !note.contains("reception"),
            "{note}"
        );
    }
    app.sign_in("ana@example.com").await;
    let home: serde_json::Value = app
        .call("/api/customer-home", &[])
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        home["locations"][0]["access_notes"],
        "Gate code 4711, second floor left"
    );
    // A change is stored sealed too, and read back as typed.
    let res = app
        .call(
            "/api/save-location",
            &[
                ("location", "LO-000001"),
                ("fields[label]", "Home"),
                ("fields[line1]", "Kastanienallee 12"),
                ("fields[postal_code]", "10435"),
                ("fields[city]", "Berlin"),
                ("fields[country]", "DE"),
                ("fields[access_notes]", "Key safe 9999 behind the bins"),
                ("fields[latitude]", "52.5386"),
                ("fields[longitude]", "13.4105"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    let (raw,): (String,) = sqlx::query_as("SELECT access_notes FROM locations WHERE id = 1")
        .fetch_one(app.store.pool())
        .await
        .expect("note");
    assert!(
        raw.starts_with("sealed1:") && !raw.contains("9999"),
        "{raw}"
    );
    let form: serde_json::Value = app
        .call("/api/location", &[("location", "LO-000001")])
        .await
        .json()
        .await
        .expect("json");
    assert!(
        form.to_string().contains("Key safe 9999 behind the bins"),
        "{form}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_data_key_rotates_by_command_and_a_missing_key_is_named() {
    let app = spawn_app().await;
    let old = std::fs::read_to_string(app.data_dir.join("data.key"))
        .expect("the key made on first start")
        .trim()
        .to_string();
    let before = stored_notes(&app).await;
    let plain: Vec<String> = before
        .iter()
        .map(|n| app.store.open_notes(Some(n)).expect("opens").expect("note"))
        .collect();
    // A note from before sealing existed.
    app.execute("UPDATE locations SET access_notes = 'Ring twice' WHERE id = 2")
        .await;

    // New key, old one kept as previous: opening the store (what `rotate-data-key` does)
    // seals everything under the new key.
    let new = Keyring::new_key();
    let rotated = startup::open_store(&config(&app, &new, &old))
        .await
        .expect("rotated");
    let after = stored_notes(&app).await;
    let ring = rotated.keyring().expect("keyring").clone();
    assert!(after.iter().all(|n| ring.is_current(n)), "{after:?}");
    let only_new = Keyring::new(&new, &[]).expect("key");
    let reread: Vec<String> = after
        .iter()
        .map(|n| only_new.open(n).expect("opens"))
        .collect();
    let mut expected = plain.clone();
    expected[1] = "Ring twice".to_string();
    assert_eq!(reread, expected);
    rotated.close().await;

    // The new key alone is enough now; the old one alone opens nothing and says so.
    startup::open_store(&config(&app, &new, ""))
        .await
        .expect("new key alone")
        .close()
        .await;
    match startup::open_store(&config(&app, &old, "")).await {
        Err(StartError::Store(StoreError::Secret(SecretError::UnknownKey(id)))) => {
            assert_eq!(id, ring.current_id());
        }
        other => panic!("expected the unknown key to be named, got {other:?}"),
    }
    // A key that is not one is refused as a setting.
    let mut env = BTreeMap::new();
    env.insert("DOORSTEP_DATA_KEY".to_string(), "too-short".to_string());
    let err = Config::from_sources("test", "", &env).expect_err("refused");
    assert!(err.to_string().contains("data_key"), "{err}");
    assert!(
        !err.to_string().contains("too-short"),
        "never echoed: {err}"
    );
}
