//! Requests to the office: a quote for a service priced on inspection, a call back when
//! no window suits. The customer gets a reference and a mail; the office lists what is
//! open and marks it handled; mistakes keep what was typed; nobody else sees them.

use crate::helpers::{TestApp, location_path, spawn_app, unescape};

/// Ana's home and the demo's quote-only service, as references.
async fn home_and_quote_service(app: &TestApp) -> (String, String) {
    let (location,): (i64,) = sqlx::query_as(
        "SELECT l.id FROM locations l JOIN memberships m ON m.account_id = l.account_id \
         JOIN users u ON u.id = m.user_id WHERE u.email = 'ana@example.com' ORDER BY l.id LIMIT 1",
    )
    .fetch_one(app.store.pool())
    .await
    .expect("home");
    // A service priced on inspection, added as the office would.
    let (service,): (i64,) = sqlx::query_as(
        "INSERT INTO services (name, trade, duration_min, price_kind, self_bookable, created_at) \
         VALUES ('Mould removal', 'restoration', 240, 'quote', 0, 0) RETURNING id",
    )
    .fetch_one(app.store.pool())
    .await
    .expect("service");
    (format!("LO-{location:06}"), format!("SV-{service:06}"))
}

async fn count(app: &TestApp) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM service_requests")
        .fetch_one(app.store.pool())
        .await
        .expect("count");
    n
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quote_request_reaches_the_office_and_is_marked_handled() {
    let app = spawn_app().await;
    let (home, mould) = home_and_quote_service(&app).await;
    app.sign_in("ana@example.com").await;
    // The service step links quote services to the request form.
    let html = unescape(&app.get_html("/book").await);
    let form = format!("/book/request?location={home}&service={mould}&kind=quote");
    assert!(html.contains(&form), "{html}");
    let html = unescape(&app.get_html(&form).await);
    assert!(
        html.contains("Quote request") && html.contains("Mould removal"),
        "{html}"
    );
    // The form posts the names the server function reads.
    for name in ["location", "service", "kind", "notes", "phone"] {
        assert!(html.contains(&format!("name=\"{name}\"")), "{name}: {html}");
    }

    // Without JavaScript: a quote must say what needs doing; what was typed stays.
    let res = app
        .post_form(
            "/api/send-request",
            &form,
            &[
                ("location", &home),
                ("service", &mould),
                ("kind", "quote"),
                ("notes", ""),
                ("phone", "call me maybe"),
            ],
        )
        .await;
    let back = location_path(&res, &app.url(""));
    let html = unescape(&app.get_html(&back).await);
    assert!(html.contains("This field is required."), "{html}");
    assert!(html.contains("Enter a phone number"), "{html}");
    assert!(html.contains("value=\"call me maybe\""), "{html}");
    assert_eq!(count(&app).await, 0, "nothing written");

    let res = app
        .post_form(
            "/api/send-request",
            &form,
            &[
                ("location", &home),
                ("service", &mould),
                ("kind", "quote"),
                ("notes", "Black spots on the bathroom ceiling, about 2 m²."),
                ("phone", "+49 30 1234567"),
            ],
        )
        .await;
    assert_eq!(res.status(), 302);
    let landed = location_path(&res, &app.url(""));
    assert!(
        landed.starts_with("/requests/RQ-") && landed.ends_with("?sent=1"),
        "{landed}"
    );
    let reference = landed[10..19].to_string();
    let html = unescape(&app.get_html(&landed).await);
    assert!(
        html.contains(&format!("We got your request {reference}"))
            && html.contains("Waiting for our answer")
            && html.contains("Black spots"),
        "{html}"
    );
    // The customer's home lists it while it waits.
    let html = unescape(&app.get_html("/").await);
    assert!(html.contains(&format!("/requests/{reference}")), "{html}");
    // A mail in the customer's language says it arrived; the trail has it.
    let (args,): (String,) = sqlx::query_as(
        "SELECT args FROM mail_messages WHERE template = 'quote-requested' AND to_address = 'ana@example.com'",
    )
    .fetch_one(app.store.pool())
    .await
    .expect("mail");
    assert!(
        args.contains(&reference) && args.contains("Mould removal"),
        "{args}"
    );
    let (audited,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'request_sent' AND subject = $1",
    )
    .bind(&reference)
    .fetch_one(app.store.pool())
    .await
    .expect("audit");
    assert_eq!(audited, 1);

    // The office sees it, with the number to call, and marks it handled.
    let office = app.other_browser();
    office.sign_in("dispatch@example.com").await;
    let html = unescape(&office.get_html("/office/requests").await);
    assert!(
        html.contains(&reference) && html.contains("tel:+49301234567") && html.contains("Ana"),
        "{html}"
    );
    let html = unescape(&office.get_html(&format!("/requests/{reference}")).await);
    assert!(html.contains("Black spots"), "{html}");
    let res = office
        .client
        .post(app.url("/api/handle-request"))
        .header("accept", "text/html")
        .header("referer", app.url("/office/requests"))
        .form(&[("request", reference.as_str())])
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 302);
    let landed = location_path(&res, &app.url(""));
    let html = unescape(&office.get_html(&landed).await);
    assert!(
        html.contains(&format!("{reference} is marked as handled")),
        "{html}"
    );
    assert!(
        !html.contains("tel:+49301234567"),
        "no longer listed: {html}"
    );
    // Twice is refused, clearly.
    let res = office
        .client
        .post(app.url("/api/handle-request"))
        .header("accept", "application/json")
        .form(&[("request", reference.as_str())])
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 409);
    let html = unescape(&app.get_html(&format!("/requests/{reference}")).await);
    assert!(html.contains("Answered"), "{html}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_call_back_is_offered_when_a_month_has_no_window() {
    let app = spawn_app().await;
    let (home, _) = home_and_quote_service(&app).await;
    app.sign_in("ana@example.com").await;
    // Nobody works in the horizon: no window anywhere, and the page offers a call back.
    sqlx::query("DELETE FROM technician_hours")
        .execute(app.store.pool())
        .await
        .expect("no hours");
    let html = unescape(
        &app.get_html(&format!("/book?location={home}&service=SV-000001"))
            .await,
    );
    assert!(html.contains("There are no free times"), "{html}");
    let call = format!("/book/request?location={home}&service=SV-000001&kind=callback");
    assert!(html.contains(&call), "{html}");
    // A call back needs nothing typed.
    let res = app
        .call(
            "/api/send-request",
            &[
                ("location", &home),
                ("service", "SV-000001"),
                ("kind", "callback"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    let (kind, notes): (String, Option<String>) =
        sqlx::query_as("SELECT kind, notes FROM service_requests")
            .fetch_one(app.store.pool())
            .await
            .expect("request");
    assert_eq!((kind.as_str(), notes), ("callback", None));
    let (template,): (String,) = sqlx::query_as(
        "SELECT template FROM mail_messages WHERE template LIKE '%requested' ORDER BY id DESC",
    )
    .fetch_one(app.store.pool())
    .await
    .expect("mail");
    assert_eq!(template, "callback-requested");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_are_limited_and_private_to_their_account_and_the_office() {
    let app = spawn_app().await;
    let (home, mould) = home_and_quote_service(&app).await;
    let send = |kind: &'static str| {
        let (home, mould) = (home.clone(), mould.clone());
        move |who: &TestApp| {
            let fields = vec![
                ("location".to_string(), home.clone()),
                ("service".to_string(), mould.clone()),
                ("kind".to_string(), kind.to_string()),
                ("notes".to_string(), "Please look".to_string()),
            ];
            let client = who.client.clone();
            let url = who.url("/api/send-request");
            async move {
                client
                    .post(url)
                    .header("accept", "application/json")
                    .form(&fields)
                    .send()
                    .await
                    .expect("POST")
                    .status()
                    .as_u16()
            }
        }
    };
    let quote = send("quote");
    // Visitors sign in first; staff do not send customers' requests.
    assert_eq!(quote(&app).await, 401);
    for email in [
        "yusuf@example.com",
        "dispatch@example.com",
        "admin@example.com",
    ] {
        let staff = app.other_browser();
        staff.sign_in(email).await;
        let status = staff
            .client
            .post(app.url("/api/send-request"))
            .header("accept", "application/json")
            .form(&[("location", home.as_str()), ("kind", "callback")])
            .send()
            .await
            .expect("POST")
            .status();
        assert_eq!(status, 403, "{email}");
        let listed = staff
            .client
            .post(app.url("/api/office-requests"))
            .header("accept", "application/json")
            .send()
            .await
            .expect("POST")
            .status();
        let expected = if email.starts_with("yusuf") { 403 } else { 200 };
        assert_eq!(listed, expected, "{email}");
    }
    // Another account's person cannot send one for Ana's home, nor read Ana's.
    app.sign_in("facilities@example.com").await;
    assert_eq!(quote(&app).await, 404);
    app.sign_in("ana@example.com").await;
    assert_eq!(quote(&app).await, 200);
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM service_requests")
        .fetch_one(app.store.pool())
        .await
        .expect("request");
    let reference = format!("RQ-{id:06}");
    let other = app.other_browser();
    other.sign_in("office@example.com").await;
    let res = other
        .client
        .post(app.url("/api/request"))
        .header("accept", "application/json")
        .form(&[("request", reference.as_str())])
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 404);
    let html = unescape(&other.get_html(&format!("/requests/{reference}")).await);
    assert!(!html.contains("Please look"), "{html}");
    // Customers cannot mark requests handled.
    let res = app
        .call("/api/handle-request", &[("request", &reference)])
        .await;
    assert_eq!(res.status(), 403);
    // A quote names its service; an unknown kind is malformed.
    let res = app
        .call(
            "/api/send-request",
            &[("location", &home), ("kind", "quote"), ("notes", "x")],
        )
        .await;
    assert_eq!(res.status(), 404);
    let res = app
        .call(
            "/api/send-request",
            &[("location", &home), ("kind", "visit")],
        )
        .await;
    assert_eq!(res.status(), 400);
    // At most twenty open at once, so a stuck script cannot flood the office.
    for _ in 1..20 {
        assert_eq!(quote(&app).await, 200);
    }
    assert_eq!(count(&app).await, 20);
    let res = app
        .call(
            "/api/send-request",
            &[
                ("location", &home),
                ("service", &mould),
                ("kind", "quote"),
                ("notes", "x"),
            ],
        )
        .await;
    assert_eq!(res.status(), 409);
    let body: serde_json::Value = res.json().await.expect("json");
    assert_eq!(body["error"], "too_many_requests", "{body}");
    assert_eq!(count(&app).await, 20);
}
