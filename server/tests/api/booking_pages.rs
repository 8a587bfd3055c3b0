//! The booking pages as a browser without JavaScript uses them: links and plain forms from
//! the home page to the visit's confirmation, errors that keep what was typed, and a visit
//! page nobody else can read.

use crate::helpers::{TestApp, location_path, spawn_app, unescape};

/// The first `attr="…"` value in `html` that starts with `prefix`.
fn attr_after(html: &str, attr: &str, prefix: &str) -> Option<String> {
    let html = html.replace("&amp;", "&");
    let needle = format!("{attr}=\"{prefix}");
    let at = html.find(&needle)? + attr.len() + 2;
    let end = html[at..].find('"')? + at;
    Some(html[at..end].to_string())
}

/// The value of the first checked radio button named `window`.
fn first_window(html: &str) -> Option<String> {
    let at = html.find("name=\"window\"")?;
    let rest = &html[at..];
    let v = rest.find("value=\"")? + 7;
    let end = rest[v..].find('"')? + v;
    Some(rest[v..end].to_string())
}

/// Walks Ana's household from the service list to the review of the first window offered;
/// returns the review page's address.
async fn to_review(app: &TestApp) -> String {
    // One location: the page starts at the service.
    let html = unescape(&app.get_html("/book").await);
    assert!(html.contains("Step 2 of 4"), "{html}");
    assert!(html.contains("Standard clean"));
    let service = crate::booking::service_ref(app, "Standard clean").await;
    let service_step = attr_after(&html, "href", "/book?location=LO-")
        .map(|first| {
            format!(
                "{}&service={service}",
                first.split('&').next().unwrap_or("")
            )
        })
        .expect("service link");
    let mut html = app.get_html(&service_step).await;
    assert!(html.contains("Step 3 of 4"));
    assert!(html.contains("class=\"calendar\""), "a month grid: {html}");
    if first_window(&html).is_none() {
        // The rest of this month is full: the page points at the first free day.
        let first_free = attr_after(&html, "href", &format!("{service_step}&day="))
            .expect("a link to the first free day");
        html = app.get_html(&first_free).await;
    }
    let day_link = attr_after(&html, "href", &format!("{service_step}&day="))
        .unwrap_or_else(|| panic!("a day with windows is a link: {html}"));
    assert!(
        html.contains("aria-current=\"date\""),
        "the chosen day is marked"
    );
    let window = first_window(&html).expect("the day's windows are radio buttons");
    let day = day_link.rsplit("day=").next().expect("day").to_string();
    let review = format!("{service_step}&day={day}&window={window}");
    let html = app.get_html(&review).await;
    assert!(html.contains("Step 4 of 4"), "{html}");
    assert!(html.contains("name=\"window\" value=\"") && html.contains(&window));
    review
}

fn field<'a>(url: &'a str, name: &str) -> &'a str {
    url.split(['?', '&'])
        .find_map(|kv| kv.strip_prefix(&format!("{name}=")))
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_books_without_javascript_and_lands_on_the_confirmation() {
    let app = spawn_app().await;
    app.sign_in("ana@example.com").await;
    let home = unescape(&app.get_html("/").await);

    assert!(home.contains("href=\"/book\""), "a way to book from home");

    let review = to_review(&app).await;
    let fields = [
        ("location", field(&review, "location")),
        ("service", field(&review, "service")),
        ("window", field(&review, "window")),
        ("notes", "The dog is friendly; ring twice."),
    ];
    let res = app.post_form("/api/book-visit", &review, &fields).await;
    assert_eq!(res.status(), 302);
    let landed = location_path(&res, &app.url(""));
    assert!(landed.starts_with("/visits/DS-"), "{landed}");
    assert!(landed.ends_with("?booked=1"), "{landed}");
    let reference = landed
        .trim_start_matches("/visits/")
        .trim_end_matches("?booked=1")
        .to_string();

    let page = unescape(&app.get_html(&landed).await);
    for expected in [
        "Your visit is booked.",
        reference.as_str(),
        "Standard clean",
        "The dog is friendly; ring twice.",
        "You booked the visit.",
        "Kastanienallee 12",
        "Add to calendar",
    ] {
        assert!(page.contains(expected), "missing {expected:?}");
    }
    // "Add to calendar": the window in UTC, the reference in the UID.
    let ics = app.get(&format!("/visits/{reference}/calendar.ics")).await;
    assert_eq!(ics.status(), 200);
    assert_eq!(
        ics.headers()["content-type"].to_str().expect("type"),
        "text/calendar; charset=utf-8"
    );
    let window: i64 = field(&review, "window").parse().expect("window");
    let start = jiff::Timestamp::from_second(window).expect("start");
    // Unfolded: a long line may be folded anywhere, even inside an escape.
    let ics = ics.text().await.expect("body").replace("\r\n ", "");
    assert!(
        ics.contains(&format!("DTSTART:{}\r\n", start.strftime("%Y%m%dT%H%M%SZ"))),
        "{ics}"
    );
    assert!(ics.contains(&format!("UID:{reference}@")), "{ics}");
    assert!(ics.contains("The dog is friendly\\; ring twice."), "{ics}");
    let home = unescape(&app.get_html("/").await);
    assert!(
        home.contains(&format!("/visits/{reference}")),
        "home lists it"
    );
    assert!(!home.contains("No visits planned"));

    // Nobody outside the account reads it, nor a technician not sent there; the one
    // assigned does, and the office.
    let visit_id: i64 = reference[3..].parse().expect("id");
    let mut conn = app.store.conn().await.expect("conn");
    let (assigned,): (String,) = sqlx::query_as(
        "SELECT u.email FROM jobs j JOIN users u ON u.id = j.technician_id WHERE j.id = $1",
    )
    .bind(visit_id)
    .fetch_one(&mut *conn)
    .await
    .expect("assigned");
    drop(conn);
    let other_technician = ["tomas@example.com", "lena@example.com", "yusuf@example.com"]
        .into_iter()
        .find(|e| *e != assigned)
        .expect("another technician");
    for (email, sees) in [
        ("facilities@example.com", false),
        (other_technician, false),
        (assigned.as_str(), true),
        ("dispatch@example.com", true),
        ("admin@example.com", true),
    ] {
        let other = app.other_browser();
        other.sign_in(email).await;
        let res = other
            .client
            .get(app.url(&format!("/visits/{reference}")))
            .send()
            .await
            .expect("GET");
        let status = res.status().as_u16();
        let body = res.text().await.expect("body");
        if sees {
            assert_eq!(status, 200, "{email}");
            assert!(body.contains("ring twice"), "{email}");
        } else {
            assert_eq!(status, 404, "{email}");
            assert!(!body.contains("ring twice") && !body.contains("Kastanienallee"));
        }
        let ics = other
            .client
            .get(app.url(&format!("/visits/{reference}/calendar.ics")))
            .send()
            .await
            .expect("GET");
        assert_eq!(
            ics.status().as_u16(),
            if sees { 200 } else { 404 },
            "{email}"
        );
    }
    // A visitor is sent to sign in; garbage references are simply not found.
    let visitor = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let res = visitor
        .get(app.url(&format!("/visits/{reference}")))
        .header("accept", "text/html")
        .send()
        .await
        .expect("GET");
    assert_eq!(res.status(), 302);
    for bad in ["/visits/DS-", "/visits/<script>", "/visits/DS-999999999"] {
        assert_eq!(app.get(bad).await.status(), 404, "{bad}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_confirmation_keeps_the_note_and_offers_other_times() {
    let app = spawn_app().await;
    app.sign_in("ana@example.com").await;
    let review = to_review(&app).await;
    let long = "x".repeat(1001);
    let mut fields = vec![
        ("location", field(&review, "location")),
        ("service", field(&review, "service")),
        ("window", field(&review, "window")),
        ("notes", long.as_str()),
    ];
    let res = app.post_form("/api/book-visit", &review, &fields).await;
    assert_eq!(res.status(), 302);
    let back = location_path(&res, &app.url(""));
    assert!(back.starts_with("/book?"), "{back}");
    let html = unescape(&app.get_html(&back).await);
    assert!(html.contains("Use at most 1000 characters."), "{html}");
    assert!(html.contains(&long), "what was typed is kept");
    assert!(html.contains("aria-invalid=\"true\""));

    // Someone else takes the window first: a clear message and the nearest open times.
    fields[3] = ("notes", "Second try");
    let first = app.post_form("/api/book-visit", &review, &fields).await;
    assert!(location_path(&first, &app.url("")).starts_with("/visits/DS-"));
    let res = app.post_form("/api/book-visit", &review, &fields).await;
    let back = location_path(&res, &app.url(""));
    assert!(back.starts_with("/book?"), "{back}");
    let html = unescape(&app.get_html(&back).await);
    assert!(html.contains("Someone has just booked that time"), "{html}");
    assert!(html.contains("These times are still free"), "{html}");
    assert!(html.contains("Second try"), "the note survives");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_calendar_refuses_bad_addresses_clearly_and_staff_cannot_book() {
    let app = spawn_app().await;
    app.sign_in("ana@example.com").await;
    let service = crate::booking::service_ref(&app, "Standard clean").await;
    let service_step = format!("/book?location=LO-000001&service={service}");
    for (suffix, expected) in [
        ("&month=2020-01", "out of range"),
        ("&month=banana", "out of range"),
        ("&day=2026-02-30", "out of range"),
    ] {
        let html = app.get_html(&format!("{service_step}{suffix}")).await;
        assert!(
            html.to_lowercase().contains(expected) || html.contains("role=\"alert\""),
            "{suffix}"
        );
    }
    // Another account's location and an unknown service: not found.
    let html = app
        .get_html("/book?location=LO-000002&service=SV-000001")
        .await;
    assert!(html.contains("role=\"alert\""), "{html}");
    let other = app.other_browser();
    other.sign_in("dispatch@example.com").await;
    let html = other.get_html("/book").await;
    assert!(html.contains("You do not have access to this."));
}
