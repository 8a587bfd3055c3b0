//! Each role's home shows its own real data; the server refuses everyone else.

use crate::helpers::{spawn_app, unescape};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_household_owner_sees_their_account_location_and_people() {
    let app = spawn_app().await;
    app.sign_in("ana@example.com").await;
    let html = unescape(&app.get_html("/").await);
    for expected in [
        "López household",
        "Household",
        "Kastanienallee 12",
        "10435 Berlin",
        "Gate code 4711",
        "Account owner",
        "AC-000001",
    ] {
        assert!(html.contains(expected), "missing {expected:?}");
    }
    assert!(
        !html.contains("Kiez Offices"),
        "never another account's data"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_company_member_sees_three_locations_and_three_people() {
    let app = spawn_app().await;
    app.sign_in("office@example.com").await;
    let html = unescape(&app.get_html("/").await);
    for expected in [
        "Kiez Offices GmbH",
        "Head office",
        "Warehouse",
        "Shop Kreuzberg",
        "Frieda Facilities",
        "Oskar Office",
        "Rita Reception",
        "Account member",
    ] {
        assert!(html.contains(expected), "missing {expected:?}");
    }
    assert!(!html.contains("Kastanienallee"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dispatchers_and_admins_see_every_customer_account() {
    let app = spawn_app().await;
    for email in ["dispatch@example.com", "admin@example.com"] {
        app.sign_in(email).await;
        let html = unescape(&app.get_html("/").await);
        assert!(html.contains("Customer accounts"), "{email}");
        assert!(
            html.contains("López household") && html.contains("Kiez Offices GmbH"),
            "{email}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_technician_sees_their_own_profile() {
    let app = spawn_app().await;
    app.sign_in("lena@example.com").await;
    let html = unescape(&app.get_html("/").await);
    assert!(
        html.contains("Your profile") && html.contains("Lena Vogel") && html.contains("Technician")
    );
    assert!(html.contains("+49 30 5550"));
    assert!(
        !html.contains("López household"),
        "technicians do not get the account list"
    );
}

async fn status_and_error(app: &crate::helpers::TestApp, path: &str) -> (u16, String) {
    let res = app.call(path, &[]).await;
    let status = res.status().as_u16();
    let body: serde_json::Value = res.json().await.expect("json error");
    (
        status,
        body["error"].as_str().unwrap_or_default().to_string(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn strangers_are_refused_by_the_server() {
    let app = spawn_app().await;
    assert_eq!(
        status_and_error(&app, "/api/customer-home").await,
        (401, "unauthenticated".into())
    );
    assert_eq!(
        status_and_error(&app, "/api/staff-home").await,
        (401, "unauthenticated".into())
    );

    app.sign_in("tomas@example.com").await;
    assert_eq!(
        status_and_error(&app, "/api/customer-home").await,
        (403, "forbidden".into())
    );

    let customer = app.other_browser();
    customer.sign_in("ana@example.com").await;
    let res = customer
        .client
        .post(app.url("/api/staff-home"))
        .header(reqwest::header::ACCEPT, "application/json")
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 403);
    let res = customer
        .client
        .post(app.url("/api/customer-home"))
        .header(reqwest::header::ACCEPT, "application/json")
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 200);
    let home: serde_json::Value = res.json().await.expect("json");
    assert_eq!(home["account"]["name"], "López household");
}
