//! The service catalogue: the office adds and changes services in every language; what
//! customers may book follows it; nobody else reads or changes it.

use crate::helpers::{location_path, spawn_app, unescape};

fn form(pairs: &[(&str, &str)], service: &str) -> Vec<(String, String)> {
    let mut out = vec![("service".to_string(), service.to_string())];
    out.extend(
        pairs
            .iter()
            .map(|(k, v)| (format!("fields[{k}]"), (*v).to_string())),
    );
    out
}

const QUOTE: [(&str, &str); 8] = [
    ("name_en", "Mould removal"),
    ("name_de", "Schimmelsanierung"),
    ("description_en", "We look first, then quote."),
    ("category", "Restoration"),
    ("duration_min", "240"),
    ("buffer_min", "30"),
    ("price_kind", "quote"),
    ("active", "on"),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_office_adds_and_changes_services_and_mistakes_are_named() {
    let app = spawn_app().await;
    app.sign_in("dispatch@example.com").await;
    let html = unescape(&app.get_html("/office/services").await);
    assert!(html.contains("Standard clean") && html.contains("/office/services/SV-000001"));
    let html = unescape(&app.get_html("/office/services/SV-000001").await);
    assert!(
        html.contains("name=\"fields[name_en]\" value=\"Standard clean\""),
        "{html}"
    );

    // A new service that needs a quote.
    let res = app
        .client
        .post(app.url("/api/save-service"))
        .header("accept", "text/html")
        .header("referer", app.url("/office/services/new"))
        .form(&form(&QUOTE, ""))
        .send()
        .await
        .expect("POST");
    let landed = location_path(&res, &app.url(""));
    assert!(landed.starts_with("/office/services?saved=SV-"), "{landed}");
    let html = unescape(&app.get_html(&landed).await);
    assert!(html.contains("Mould removal") && html.contains("quote required"));

    // Mistakes: each field says why, and what was typed stays.
    let bad = [
        ("name_en", "Windows"),
        ("category", ""),
        ("duration_min", "2"),
        ("buffer_min", "0"),
        ("price_kind", "fixed"),
        ("price", "lots"),
        ("skills", "<b>"),
    ];
    let res = app
        .client
        .post(app.url("/api/save-service"))
        .header("accept", "text/html")
        .header("referer", app.url("/office/services/new"))
        .form(&form(&bad, ""))
        .send()
        .await
        .expect("POST");
    let back = location_path(&res, &app.url(""));
    let html = unescape(&app.get_html(&back).await);
    for expected in [
        "This field is required.",
        "Enter a number from 5 to 720.",
        "Enter a number.",
        "List skills as short words",
        "name=\"fields[price]\" value=\"lots\"",
        "name=\"fields[name_en]\" value=\"Windows\"",
    ] {
        assert!(html.contains(expected), "missing {expected:?}");
    }

    // Another service's name is refused on that field.
    let mut taken = QUOTE;
    taken[0] = ("name_en", "Standard clean");
    let res = app.call_form("/api/save-service", &form(&taken, "")).await;
    assert_eq!(res.status(), 400);
    let body: serde_json::Value = res.json().await.expect("json");
    assert_eq!(body["problems"][0]["field"], "name_en", "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn customers_see_what_they_may_book_in_their_language() {
    let app = spawn_app().await;
    let office = app.other_browser();
    office.sign_in("dispatch@example.com").await;
    let save = |pairs: Vec<(String, String)>| {
        office
            .client
            .post(app.url("/api/save-service"))
            .header("accept", "application/json")
            .form(&pairs)
            .send()
    };
    assert_eq!(save(form(&QUOTE, "")).await.expect("POST").status(), 200);
    // Standard clean gets a German name and a fixed price; Drain inspection is office-only.
    let clean = [
        ("name_en", "Standard clean"),
        ("name_de", "Unterhaltsreinigung"),
        ("category", "Cleaning"),
        ("duration_min", "120"),
        ("buffer_min", "15"),
        ("price_kind", "fixed"),
        ("price", "89,50"),
        ("skills", "cleaning"),
        ("self_bookable", "on"),
        ("active", "on"),
    ];
    let res = save(form(&clean, "SV-000001")).await.expect("POST");
    assert_eq!(
        res.status(),
        200,
        "{}",
        res.text().await.unwrap_or_default()
    );
    let mut conn = app.store.conn().await.expect("conn");
    let (drain,): (i64,) =
        sqlx::query_as("SELECT id FROM services WHERE name = 'Drain inspection'")
            .fetch_one(&mut *conn)
            .await
            .expect("drain");
    drop(conn);
    let drain_ref = doorstep::ids::ServiceRef::from_id(drain).to_string();
    let drain_form = [
        ("name_en", "Drain inspection"),
        ("category", "Plumbing"),
        ("duration_min", "60"),
        ("buffer_min", "0"),
        ("price_kind", "from"),
        ("price", "60"),
        ("active", "on"),
    ];
    assert_eq!(
        save(form(&drain_form, &drain_ref))
            .await
            .expect("POST")
            .status(),
        200
    );

    app.sign_in("ana@example.com").await;
    let de = app
        .client
        .get(app.url("/book"))
        .header("accept-language", "de")
        .send()
        .await
        .expect("GET")
        .text()
        .await
        .expect("body");
    let de = unescape(&de);
    // Ana chose German in her profile.
    assert!(
        de.contains("Unterhaltsreinigung") && de.contains("89,50"),
        "{de}"
    );
    assert!(de.contains("Schimmelsanierung") && de.contains("nach Angebot"));
    assert!(
        !de.contains("Drain inspection"),
        "office-only services are not offered"
    );
    // Neither the quote nor the office-only service can be booked by address.
    let (quote,): (i64,) = {
        let mut conn = app.store.conn().await.expect("conn");
        sqlx::query_as("SELECT id FROM services WHERE name = 'Mould removal'")
            .fetch_one(&mut *conn)
            .await
            .expect("quote")
    };
    let quote_ref = doorstep::ids::ServiceRef::from_id(quote).to_string();
    for service in [quote_ref.as_str(), drain_ref.as_str()] {
        let res = app
            .call(
                "/api/booking-calendar",
                &[("location", "LO-000001"), ("service", service)],
            )
            .await;
        assert_eq!(res.status(), 404, "{service}");
        let res = app
            .call(
                "/api/book-visit",
                &[
                    ("location", "LO-000001"),
                    ("service", service),
                    ("window", "1800000000"),
                ],
            )
            .await;
        assert_eq!(res.status(), 404, "{service}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_dispatchers_and_admins_manage_the_catalogue() {
    let app = spawn_app().await;
    let fields = form(&QUOTE, "");
    for path in [
        "/api/catalogue",
        "/api/catalogue-service",
        "/api/save-service",
    ] {
        let body: Vec<(String, String)> = match path {
            "/api/catalogue" => Vec::new(),
            "/api/catalogue-service" => vec![("service".into(), "SV-000001".into())],
            _ => fields.clone(),
        };
        let res = app.call_form(path, &body).await;
        assert_eq!(res.status(), 401, "visitor {path}");
        for (email, expected) in [
            ("ana@example.com", 403),
            ("tomas@example.com", 403),
            ("admin@example.com", 200),
        ] {
            let other = app.other_browser();
            other.sign_in(email).await;
            let res = other
                .client
                .post(app.url(path))
                .header("accept", "application/json")
                .form(&body)
                .send()
                .await
                .expect("POST");
            assert_eq!(res.status().as_u16(), expected, "{email} {path}");
        }
    }
    let customer = app.other_browser();
    customer.sign_in("ana@example.com").await;
    assert!(
        customer
            .get_html("/office/services")
            .await
            .contains("You do not have access to this.")
    );
}
