//! Customers keep their locations: a geocoder speaking the Nominatim API (a local fake
//! here, over HTTP) places them; without an answer the person types the position; a place
//! without one cannot be booked for, and every page says why; mistakes are named per field
//! and nothing is written; nobody else reads or changes an account's places.

use crate::helpers::{TestApp, location_path, spawn_app, spawn_configured, unescape};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// What the fake geocoder was asked: the query and the User-Agent.
type Asked = Arc<Mutex<Vec<(HashMap<String, String>, String)>>>;

/// A Nominatim search endpoint: Kastanienallee is at 52.5386, 13.4101; "Broken Street"
/// makes it fail; anything else is unknown.
async fn search(
    State(asked): State<Asked>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let agent = headers
        .get("user-agent")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let street = query.get("street").cloned().unwrap_or_default();
    asked.lock().expect("lock").push((query, agent));
    if street.starts_with("Broken") {
        return (StatusCode::SERVICE_UNAVAILABLE, "busy").into_response();
    }
    let body = if street.starts_with("Kastanienallee") {
        r#"[{"place_id":1,"lat":"52.5386","lon":"13.4101","display_name":"Kastanienallee 12, Berlin"}]"#
    } else {
        "[]"
    };
    ([("content-type", "application/json")], body).into_response()
}

async fn fake_geocoder() -> (String, Asked) {
    let asked = Asked::default();
    let router = axum::Router::new()
        .route("/search", get(search))
        .with_state(asked.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("address");
    tokio::spawn(async move { axum::serve(listener, router).await });
    (format!("http://{addr}"), asked)
}

fn form(location: &str, pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut out = vec![("location".to_string(), location.to_string())];
    out.extend(
        pairs
            .iter()
            .map(|(k, v)| (format!("fields[{k}]"), (*v).to_string())),
    );
    out
}

const NEW_PLACE: [(&str, &str); 6] = [
    ("label", "Studio"),
    ("line1", "Kastanienallee 12"),
    ("postal_code", "10435"),
    ("city", "Berlin"),
    ("country", "de"),
    ("access_notes", "Code 4711, second floor"),
];

/// Saves through the no-JavaScript form; returns where it led.
async fn save(app: &TestApp, location: &str, pairs: &[(&str, &str)]) -> String {
    let res = app
        .client
        .post(app.url("/api/save-location"))
        .header("accept", "text/html")
        .header("referer", app.url("/locations/new"))
        .form(&form(location, pairs))
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 302);
    location_path(&res, &app.url(""))
}

async fn position(app: &TestApp, reference: &str) -> (Option<f64>, Option<f64>) {
    let id: i64 = reference[3..].parse().expect("id");
    sqlx::query_as("SELECT latitude, longitude FROM locations WHERE id = $1")
        .bind(id)
        .fetch_one(app.store.pool())
        .await
        .expect("row")
}

async fn count(app: &TestApp) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM locations")
        .fetch_one(app.store.pool())
        .await
        .expect("count");
    n
}

async fn calendar_status(app: &TestApp, location: &str) -> u16 {
    app.call(
        "/api/booking-calendar",
        &[("location", location), ("service", "SV-000001")],
    )
    .await
    .status()
    .as_u16()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_geocoder_places_a_new_location_and_it_can_be_booked_for() {
    let (geocoder, asked) = fake_geocoder().await;
    let app = spawn_configured(true, &[("DOORSTEP_GEOCODER_URL", &geocoder)]).await;
    app.sign_in("ana@example.com").await;
    let html = unescape(&app.get_html("/locations/new").await);
    assert!(
        html.contains("we look the address up") && html.contains("autocomplete=\"postal-code\""),
        "{html}"
    );

    let landed = save(&app, "", &NEW_PLACE).await;
    let reference = landed
        .strip_prefix("/locations?saved=")
        .unwrap_or_else(|| panic!("{landed}"))
        .to_string();
    assert_eq!(
        position(&app, &reference).await,
        (Some(52.5386), Some(13.4101))
    );
    // A structured search, with the portal named as Nominatim's policy asks.
    let (query, agent) = asked.lock().expect("lock")[0].clone();
    assert_eq!(query["street"], "Kastanienallee 12");
    assert_eq!(query["postalcode"], "10435");
    assert_eq!(query["countrycodes"], "de");
    assert!(agent.starts_with("Doorstep/"), "{agent}");

    let html = unescape(&app.get_html(&landed).await);
    assert!(
        html.contains("Location saved.") && html.contains("Studio"),
        "{html}"
    );
    assert_eq!(calendar_status(&app, &reference).await, 200);

    // The trail says the access notes changed, never what they say.
    let (detail,): (String,) = sqlx::query_as(
        "SELECT detail FROM audit_log WHERE action = 'location_added' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(app.store.pool())
    .await
    .expect("audit");
    assert!(
        detail.contains("\"position\":\"found\"") && !detail.contains("4711"),
        "{detail}"
    );

    // Changing only the notes keeps the position without asking again.
    let before = asked.lock().expect("lock").len();
    let mut changed = NEW_PLACE.to_vec();
    changed[5] = ("access_notes", "Code 1234");
    changed.extend([("latitude", "52.5386"), ("longitude", "13.4101")]);
    let landed = save(&app, &reference, &changed).await;
    assert!(landed.starts_with("/locations?saved="), "{landed}");
    assert_eq!(asked.lock().expect("lock").len(), before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_an_answer_the_place_is_saved_unplaced_and_booking_says_why() {
    let (geocoder, _asked) = fake_geocoder().await;
    let app = spawn_configured(true, &[("DOORSTEP_GEOCODER_URL", &geocoder)]).await;
    app.sign_in("ana@example.com").await;

    // Unknown address: saved, and the form asks for the position.
    let mut unknown = NEW_PLACE.to_vec();
    unknown[1] = ("line1", "Nowhere Lane 1");
    let landed = save(&app, "", &unknown).await;
    assert!(landed.contains("?unplaced=not_found"), "{landed}");
    let reference = landed
        .trim_start_matches("/locations/")
        .split('?')
        .next()
        .expect("reference")
        .to_string();
    assert_eq!(position(&app, &reference).await, (None, None));
    let html = unescape(&app.get_html(&landed).await);
    assert!(
        html.contains("couldn't find this address on the map"),
        "{html}"
    );
    assert!(html.contains("value=\"Nowhere Lane 1\""), "{html}");

    // Booking refuses it, clearly, on every path.
    assert_eq!(calendar_status(&app, &reference).await, 409);
    let res = app
        .call(
            "/api/booking-calendar",
            &[("location", &reference), ("service", "SV-000001")],
        )
        .await;
    let body: serde_json::Value = res.json().await.expect("json");
    assert_eq!(body["error"], "location_not_placed", "{body}");
    let html = unescape(&app.get_html(&format!("/book?location={reference}")).await);
    assert!(
        html.contains("don't know where this place is on the map"),
        "{html}"
    );
    let html = unescape(&app.get_html("/book").await);
    assert!(html.contains(&format!("/locations/{reference}")), "{html}");
    let res = app
        .call(
            "/api/book-visit",
            &[
                ("location", &reference),
                ("service", "SV-000001"),
                ("window", "2000000000"),
            ],
        )
        .await;
    assert_eq!(res.status(), 409);
    let html = unescape(&app.get_html("/").await);
    assert!(html.contains("Add its position"), "{html}");

    // The geocoder failing says so, differently.
    let mut broken = NEW_PLACE.to_vec();
    broken[1] = ("line1", "Broken Street 3");
    let landed = save(&app, "", &broken).await;
    assert!(landed.contains("?unplaced=unavailable"), "{landed}");

    // Typing the position places it.
    let mut typed = unknown.clone();
    typed.extend([("latitude", "52,52"), ("longitude", "13,405")]);
    let landed = save(&app, &reference, &typed).await;
    assert!(landed.starts_with("/locations?saved="), "{landed}");
    assert_eq!(
        position(&app, &reference).await,
        (Some(52.52), Some(13.405))
    );
    assert_eq!(calendar_status(&app, &reference).await, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_no_geocoder_people_enter_positions_and_mistakes_keep_what_they_typed() {
    let app = spawn_app().await;
    app.sign_in("ana@example.com").await;
    let html = unescape(&app.get_html("/locations/new").await);
    assert!(html.contains("a map app shows them"), "{html}");
    let landed = save(&app, "", &NEW_PLACE).await;
    assert!(landed.contains("?unplaced=no_geocoder"), "{landed}");

    let before = count(&app).await;
    let bad = [
        ("label", ""),
        ("line1", "Kastanienallee 12"),
        ("postal_code", "10435"),
        ("city", "Berlin"),
        ("country", "Germany"),
        ("latitude", "95"),
        ("longitude", "x"),
    ];
    let back = save(&app, "", &bad).await;
    let html = unescape(&app.get_html(&back).await);
    for expected in [
        "This field is required.",
        "two-letter country code",
        "Enter a number from -90 to 90.",
        "Enter a number.",
        "name=\"fields[country]\" value=\"Germany\"",
        "name=\"fields[latitude]\" value=\"95\"",
    ] {
        assert!(html.contains(expected), "missing {expected:?}");
    }
    assert_eq!(count(&app).await, before, "nothing written");

    // As an API client: the problems by field, in form order.
    let res = app.call_form("/api/save-location", &form("", &bad)).await;
    assert_eq!(res.status(), 400);
    let body: serde_json::Value = res.json().await.expect("json");
    let fields: Vec<&str> = body["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| p["field"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(fields, ["label", "country", "latitude", "longitude"]);
    let huge = "x".repeat(100_000);
    let mut long = NEW_PLACE.to_vec();
    long[5] = ("access_notes", &huge);
    let res = app.call_form("/api/save-location", &form("", &long)).await;
    assert_eq!(res.status(), 400);
    assert_eq!(count(&app).await, before, "nothing written");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_place_with_open_visits_keeps_a_position() {
    let (geocoder, _asked) = fake_geocoder().await;
    let app = spawn_configured(true, &[("DOORSTEP_GEOCODER_URL", &geocoder)]).await;
    // Ana's home has visits booked in the demo.
    let (location, open): (i64, i64) = sqlx::query_as(
        "SELECT l.id, (SELECT COUNT(*) FROM jobs j WHERE j.location_id = l.id \
         AND j.status NOT IN ('completed', 'cancelled')) FROM locations l \
         JOIN memberships m ON m.account_id = l.account_id \
         JOIN users u ON u.id = m.user_id WHERE u.email = 'ana@example.com' ORDER BY 2 DESC LIMIT 1",
    )
    .fetch_one(app.store.pool())
    .await
    .expect("location");
    assert!(open > 0, "the demo books visits at Ana's home");
    app.sign_in("ana@example.com").await;
    let reference = format!("LO-{location:06}");
    let before = position(&app, &reference).await;
    let mut moved = NEW_PLACE.to_vec();
    moved[1] = ("line1", "Nowhere Lane 1");
    let res = app
        .call_form("/api/save-location", &form(&reference, &moved))
        .await;
    assert_eq!(res.status(), 400);
    let body: serde_json::Value = res.json().await.expect("json");
    assert_eq!(body["problems"][0]["field"], "latitude", "{body}");
    assert_eq!(
        body["problems"][0]["problem"]["problem"], "position_needed",
        "{body}"
    );
    assert_eq!(position(&app, &reference).await, before, "nothing changed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_accounts_people_keep_its_places() {
    let app = spawn_app().await;
    // Visitors are asked to sign in.
    assert_eq!(app.call("/api/locations", &[]).await.status(), 401);
    assert_eq!(
        app.call_form("/api/save-location", &form("", &NEW_PLACE))
            .await
            .status(),
        401
    );
    // Staff do not keep customers' places here.
    for email in [
        "yusuf@example.com",
        "dispatch@example.com",
        "admin@example.com",
    ] {
        let staff = app.other_browser();
        staff.sign_in(email).await;
        let res = staff
            .client
            .post(app.url("/api/save-location"))
            .header("accept", "application/json")
            .form(&form("", &NEW_PLACE))
            .send()
            .await
            .expect("POST");
        assert_eq!(res.status(), 403, "{email}");
    }
    // Only the company's owner adds one: a member may not (a new place would be no one's
    // to see until the owner gives it).
    let annex = form(
        "",
        &[
            ("label", "Annex"),
            ("line1", "Anbauweg 1"),
            ("postal_code", "10117"),
            ("city", "Berlin"),
            ("country", "DE"),
            ("latitude", "52.52"),
            ("longitude", "13.39"),
        ],
    );
    for (email, status) in [("office@example.com", 404), ("facilities@example.com", 200)] {
        let person = app.other_browser();
        person.sign_in(email).await;
        let res = person
            .client
            .post(app.url("/api/save-location"))
            .header("accept", "application/json")
            .form(&annex)
            .send()
            .await
            .expect("POST");
        assert_eq!(res.status(), status, "{email}");
    }
    let (warehouse,): (i64,) = sqlx::query_as("SELECT id FROM locations WHERE label = 'Annex'")
        .fetch_one(app.store.pool())
        .await
        .expect("warehouse");
    let warehouse = format!("LO-{warehouse:06}");
    // Another account's customer can neither read nor change it, nor tell it exists.
    app.sign_in("ana@example.com").await;
    let res = app.call("/api/location", &[("location", &warehouse)]).await;
    assert_eq!(res.status(), 404);
    let res = app
        .call_form("/api/save-location", &form(&warehouse, &NEW_PLACE))
        .await;
    assert_eq!(res.status(), 404);
    let html = unescape(&app.get_html(&format!("/locations/{warehouse}")).await);
    assert!(!html.contains("Anbauweg"), "{html}");
    let (label,): (String,) = sqlx::query_as("SELECT label FROM locations WHERE label = 'Annex'")
        .fetch_one(app.store.pool())
        .await
        .expect("unchanged");
    assert_eq!(label, "Annex");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_upgrade_that_lets_positions_be_missing_keeps_every_place_and_visit() {
    let db = crate::helpers::test_store_until(13).await;
    for statement in [
        "INSERT INTO customer_accounts (name, kind, created_at) VALUES ('Ana', 'household', 0)",
        "INSERT INTO locations (account_id, label, line1, postal_code, city, country, \
         latitude, longitude, access_notes, created_at) \
         SELECT id, 'Home', 'Kastanienallee 12', '10435', 'Berlin', 'DE', 52.5, 13.4, \
         'Code 1', 0 FROM customer_accounts",
        "INSERT INTO services (name, trade, duration_min, created_at) \
         VALUES ('Clean', 'cleaning', 60, 0)",
        "INSERT INTO jobs (account_id, location_id, service_id, status, planned_start, \
         planned_end, created_at) SELECT l.account_id, l.id, s.id, 'scheduled', 100, 200, 0 \
         FROM locations l, services s",
    ] {
        db.execute(statement).await;
    }
    db.store.migrate().await.expect("upgrade");
    let row: (String, Option<f64>, Option<String>) =
        sqlx::query_as("SELECT label, latitude, access_notes FROM locations")
            .fetch_one(db.store.pool())
            .await
            .expect("location kept");
    assert_eq!(row, ("Home".into(), Some(52.5), Some("Code 1".into())));
    let (jobs,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM jobs j JOIN locations l ON l.id = j.location_id")
            .fetch_one(db.store.pool())
            .await
            .expect("jobs");
    assert_eq!(jobs, 1, "the visit survived the rebuild");
    // The visits still point at the locations table: an unknown place is refused, and
    // removing the account removes its places and their visits.
    let orphan = sqlx::query(
        "INSERT INTO jobs (account_id, location_id, service_id, status, planned_start, \
         planned_end, created_at) \
         SELECT account_id, location_id + 99, service_id, 'scheduled', 100, 200, 0 FROM jobs",
    )
    .execute(db.store.pool())
    .await;
    assert!(orphan.is_err(), "a visit at no place is refused");
    // A place without a position is now allowed, but never half of one.
    db.execute(
        "INSERT INTO locations (account_id, label, line1, postal_code, city, country, created_at) \
         SELECT id, 'New', 'Somewhere 1', '10115', 'Berlin', 'DE', 0 FROM customer_accounts",
    )
    .await;
    let half = sqlx::query(
        "INSERT INTO locations (account_id, label, line1, postal_code, city, country, \
         latitude, created_at) \
         SELECT id, 'Half', 'Somewhere 2', '10115', 'Berlin', 'DE', 1.0, 0 FROM customer_accounts",
    )
    .execute(db.store.pool())
    .await;
    assert!(half.is_err(), "a latitude without a longitude is refused");
    db.execute("DELETE FROM customer_accounts").await;
    let (left,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM jobs")
        .fetch_one(db.store.pool())
        .await
        .expect("jobs");
    assert_eq!(left, 0, "the cascade still runs through the new table");
}
