//! Changing plans: moving and cancelling a visit within the notice, asking the office
//! after it, staff overriding it, and nobody else touching it.

use crate::booking::service_ref;
use crate::helpers::{TestApp, location_path, spawn_app, unescape};
use jiff::{Span, Timestamp};

const ANA_HOME: &str = "LO-000001";

/// The windows offered for Ana's home `days_ahead` local days from today, trying later
/// days until one has some; with the day they are on.
pub async fn windows_ahead(
    app: &TestApp,
    service: &str,
    days_ahead: i64,
    reschedule: &str,
) -> (String, Vec<i64>) {
    let today = Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::get("Europe/Berlin").expect("tz"))
        .date();
    for extra in 0..10 {
        let day = today
            .checked_add(Span::new().days(days_ahead + extra))
            .expect("day")
            .to_string();
        let res = app
            .call(
                "/api/booking-calendar",
                &[
                    ("location", ANA_HOME),
                    ("service", service),
                    ("day", &day),
                    ("reschedule", reschedule),
                ],
            )
            .await;
        assert_eq!(res.status(), 200, "calendar for {day}");
        let body: serde_json::Value = res.json().await.expect("json");
        if body["selected"].as_str() == Some(day.as_str()) {
            let starts: Vec<i64> = body["windows"]
                .as_array()
                .expect("windows")
                .iter()
                .filter_map(|w| w["start"].as_i64())
                .collect();
            if !starts.is_empty() {
                return (day, starts);
            }
        }
    }
    panic!("no windows in ten days");
}

/// Ana books the first window three days or more ahead; returns its reference and start.
pub async fn booked_visit(app: &TestApp) -> (String, String, i64) {
    app.sign_in("ana@example.com").await;
    let service = service_ref(app, "Standard clean").await;
    let (_, starts) = windows_ahead(app, &service, 3, "").await;
    let start = starts[0].to_string();
    let res = app
        .call(
            "/api/book-visit",
            &[
                ("location", ANA_HOME),
                ("service", &service),
                ("window", &start),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.expect("json");
    let visit = body["visit"].as_i64().expect("visit id");
    let reference = doorstep::ids::VisitRef::from_id(visit).to_string();
    (reference, service, starts[0])
}

/// The one text value `sql` selects.
async fn text(app: &TestApp, sql: &str) -> String {
    let mut conn = app.store.conn().await.expect("conn");
    let (value,): (String,) = sqlx::query_as(sql).fetch_one(&mut *conn).await.expect(sql);
    value
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_moves_a_visit_through_the_calendar_without_javascript() {
    let app = spawn_app().await;
    let (reference, service, start) = booked_visit(&app).await;
    let page = unescape(&app.get_html(&format!("/visits/{reference}")).await);
    let link = format!("/book?location={ANA_HOME}&service={service}&reschedule={reference}");
    assert!(page.contains(&link), "a link into the calendar: {page}");
    assert!(page.contains("Cancel this visit"));

    // Its own time counts as free while moving it; pick another window.
    let (day, starts) = windows_ahead(&app, &service, 4, &reference).await;
    let new_start = *starts
        .iter()
        .find(|s| **s != start)
        .expect("another window");
    let html = app.get_html(&format!("{link}&day={day}")).await;
    assert!(
        html.contains("name=\"reschedule\""),
        "the day form keeps the visit"
    );
    let review = format!("{link}&day={day}&window={new_start}");
    let html = unescape(&app.get_html(&review).await);
    assert!(html.contains(&format!("Move visit {reference}")), "{html}");
    let res = app
        .post_form(
            "/api/reschedule-visit",
            &review,
            &[("visit", &reference), ("window", &new_start.to_string())],
        )
        .await;
    assert_eq!(res.status(), 302);
    assert_eq!(
        location_path(&res, &app.url("")),
        format!("/visits/{reference}?moved=1")
    );
    let page = unescape(&app.get_html(&format!("/visits/{reference}?moved=1")).await);
    assert!(page.contains("Your visit has been moved."));
    assert!(page.contains("You moved the visit."));

    let id: i64 = reference[3..].parse().expect("id");
    let mut conn = app.store.conn().await.expect("conn");
    let (status, window): (String, Option<i64>) =
        sqlx::query_as("SELECT status, window_start FROM jobs WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await
            .expect("visit");
    drop(conn);
    assert_eq!((status.as_str(), window), ("scheduled", Some(new_start)));
    let count = text(
        &app,
        "SELECT CAST(COUNT(*) AS TEXT) FROM jobs WHERE booked_by IS NOT NULL",
    )
    .await;
    assert_eq!(count, "1", "moved, not booked twice");
    let action = text(
        &app,
        "SELECT action FROM audit_log WHERE action LIKE 'visit_%' ORDER BY id DESC LIMIT 1",
    )
    .await;
    assert_eq!(action, "visit_rescheduled");
    let template = text(
        &app,
        "SELECT template FROM mail_messages ORDER BY id DESC LIMIT 1",
    )
    .await;
    assert_eq!(template, "visit-rescheduled");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelling_asks_a_reason_and_frees_the_time() {
    let app = spawn_app().await;
    let (reference, service, start) = booked_visit(&app).await;
    let page = format!("/visits/{reference}");
    let res = app
        .post_form(
            "/api/cancel-visit",
            &page,
            &[("visit", &reference), ("reason", "  ")],
        )
        .await;
    let back = location_path(&res, &app.url(""));
    let html = unescape(&app.get_html(&back).await);
    assert!(html.contains("This field is required."), "{html}");

    let res = app
        .post_form(
            "/api/cancel-visit",
            &page,
            &[("visit", &reference), ("reason", "We are moving house")],
        )
        .await;
    assert_eq!(
        location_path(&res, &app.url("")),
        format!("/visits/{reference}?cancelled=1")
    );
    let html = unescape(&app.get_html(&format!("{page}?cancelled=1")).await);
    assert!(html.contains("Your visit is cancelled."));
    assert!(html.contains("You cancelled the visit.") && html.contains("We are moving house"));
    assert!(
        !html.contains("Cancel this visit"),
        "nothing more to change"
    );
    let args = text(
        &app,
        "SELECT args FROM mail_messages WHERE template = 'visit-cancelled'",
    )
    .await;
    assert!(args.contains("We are moving house"), "{args}");
    // Its time is offered again, and a second cancel is refused clearly.
    let (_, starts) = windows_ahead(&app, &service, 3, "").await;
    assert!(starts.contains(&start), "the freed window is offered again");
    let res = app
        .call(
            "/api/cancel-visit",
            &[("visit", &reference), ("reason", "again")],
        )
        .await;
    assert_eq!(res.status(), 409);
    let body: serde_json::Value = res.json().await.expect("json");
    assert_eq!(body["error"], "visit_closed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inside_the_notice_customers_ask_the_office_and_staff_may_still_change() {
    let app = spawn_app().await;
    let (reference, _, start) = booked_visit(&app).await;
    // A notice longer than the time left: too late for the customer.
    app.execute(
        "UPDATE scheduling_rules SET reschedule_notice_min = 20160, cancel_notice_min = 20160",
    )
    .await;
    let page = format!("/visits/{reference}");
    let html = unescape(&app.get_html(&page).await);
    assert!(
        html.contains("Less than 336 hours before the visit"),
        "{html}"
    );
    assert!(!html.contains("Choose another time") && !html.contains("Cancel this visit"));
    let res = app
        .call(
            "/api/reschedule-visit",
            &[("visit", &reference), ("window", &start.to_string())],
        )
        .await;
    assert_eq!(res.status(), 409);
    let body: serde_json::Value = res.json().await.expect("json");
    assert_eq!(body["error"], "too_late");
    let res = app
        .call(
            "/api/cancel-visit",
            &[("visit", &reference), ("reason", "ill")],
        )
        .await;
    assert_eq!(res.status(), 409);

    let res = app
        .post_form(
            "/api/ask-office",
            &page,
            &[
                ("visit", &reference),
                ("message", "Could you come an hour later?"),
            ],
        )
        .await;
    assert_eq!(
        location_path(&res, &app.url("")),
        format!("/visits/{reference}?asked=1")
    );
    let html = unescape(&app.get_html(&format!("{page}?asked=1")).await);
    assert!(html.contains("You asked the office for a change."));
    assert!(html.contains("Could you come an hour later?"));

    // The message reaches the office as a change request naming the visit: on the office's
    // list of requests and on the board of the visit's day, beside the technicians' lanes.
    let office = app.other_browser();
    office.sign_in("dispatch@example.com").await;
    let list = unescape(&office.get_html("/office/requests").await);
    assert!(list.contains("Change to a visit"), "{list}");
    assert!(
        list.contains(&format!("href=\"/visits/{reference}\"")),
        "{list}"
    );
    assert!(list.contains("Could you come an hour later?"));
    let visit_page = unescape(&office.get_html(&page).await);
    let board_link = visit_page
        .split("href=\"")
        .map(|rest| rest.split('"').next().unwrap_or_default())
        .find(|href| href.starts_with("/office/board?day="))
        .unwrap_or_else(|| panic!("staff move visits on the board: {visit_page}"))
        .to_string();
    let board = unescape(&office.get_html(&board_link).await);
    let column = board
        .split("id=\"board-unassigned\"")
        .nth(1)
        .expect("the column beside the lanes");
    assert!(column.contains("Change to a visit"), "{column}");
    assert!(column.contains("Could you come an hour later?"), "{column}");
    // Only the visit's page asks for a change: the request form does not.
    let res = app
        .call(
            "/api/send-request",
            &[
                ("location", "LO-000001"),
                ("kind", "change"),
                ("notes", "x"),
            ],
        )
        .await;
    assert_eq!(res.status(), 400);

    // The office may, whatever the notice.
    let res = office
        .client
        .post(app.url("/api/cancel-visit"))
        .header("accept", "application/json")
        .form(&[("visit", reference.as_str()), ("reason", "Customer phoned")])
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 200);
    let html = unescape(&app.get_html(&page).await);
    assert!(html.contains("The office cancelled the visit."), "{html}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nobody_else_moves_cancels_or_writes_about_a_visit() {
    let app = spawn_app().await;
    let (reference, _, start) = booked_visit(&app).await;
    let start = start.to_string();
    let visit = reference.as_str();
    let calls: [(&str, Vec<(&str, &str)>); 3] = [
        (
            "/api/reschedule-visit",
            vec![("visit", visit), ("window", start.as_str())],
        ),
        (
            "/api/cancel-visit",
            vec![("visit", visit), ("reason", "mine now")],
        ),
        (
            "/api/ask-office",
            vec![("visit", visit), ("message", "hello")],
        ),
    ];
    for (path, fields) in &calls {
        let visitor = reqwest::Client::new()
            .post(app.url(path))
            .header("accept", "application/json")
            .form(fields)
            .send()
            .await
            .expect("POST");
        assert_eq!(visitor.status(), 401, "visitor {path}");
        for email in [
            "facilities@example.com",
            "tomas@example.com",
            "lena@example.com",
        ] {
            let other = app.other_browser();
            other.sign_in(email).await;
            let res = other
                .client
                .post(app.url(path))
                .header("accept", "application/json")
                .form(fields)
                .send()
                .await
                .expect("POST");
            assert_eq!(res.status(), 404, "{email} {path}");
        }
    }
    // Garbage references are not found, never a 500.
    for bad in ["DS-", "DS-0", "<b>", "DS-99999999"] {
        let res = app
            .call("/api/cancel-visit", &[("visit", bad), ("reason", "x")])
            .await;
        assert_eq!(res.status(), 404, "{bad}");
    }
    let status = text(
        &app,
        &format!(
            "SELECT status FROM jobs WHERE id = {}",
            reference[3..].trim_start_matches('0')
        ),
    )
    .await;
    assert_eq!(status, "scheduled", "untouched");
}
