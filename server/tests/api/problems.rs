//! Problem reports with photos: the customer's form (multipart, as the browser sends it),
//! hostile uploads refused or neutralised with nothing stored, the photos served only to
//! people who may see the request, the office's question, refusal and booking through the
//! engine, and the same photos kept in an S3-compatible store by setting.

use crate::booking::service_ref;
use crate::helpers::{TestApp, location, spawn_app, spawn_configured};
use image::{DynamicImage, ImageBuffer, ImageFormat, Rgb};
use reqwest::multipart::{Form, Part};
use std::io::Cursor;

const ANA_HOME: &str = "LO-000001";

/// Photos as sent: (file name, bytes).
type Photos = Vec<(&'static str, Vec<u8>)>;

pub(crate) fn png(width: u32, height: u32) -> Vec<u8> {
    let image = ImageBuffer::from_fn(width, height, |x, y| {
        Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(image)
        .write_to(&mut out, ImageFormat::Png)
        .expect("png");
    out.into_inner()
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A PNG claiming `side` × `side` pixels in a few bytes.
fn claimed_png(side: u32) -> Vec<u8> {
    let chunk = |kind: &[u8; 4], data: &[u8]| {
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        let mut out = (data.len() as u32).to_be_bytes().to_vec();
        out.extend_from_slice(&body);
        out.extend_from_slice(&crc32(&body).to_be_bytes());
        out
    };
    let mut ihdr = side.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&side.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend(chunk(b"IHDR", &ihdr));
    out.extend(chunk(b"IDAT", &[0x78, 0x9c, 0x03, 0x00]));
    out.extend(chunk(b"IEND", &[]));
    out
}

/// The problem form as the browser posts it, with `photos` as (name, bytes).
fn form(description: &str, photos: &[(&str, Vec<u8>)]) -> Form {
    let mut form = Form::new()
        .text("location", ANA_HOME)
        .text("category", "leak")
        .text("description", description.to_string())
        .text("priority", "urgent")
        .text("acknowledged", "yes")
        .text("days", "tue")
        .text("days", "fri")
        .text("phone", "");
    for (name, bytes) in photos {
        let part = Part::bytes(bytes.clone())
            .file_name((*name).to_string())
            .mime_str("image/png")
            .expect("mime");
        form = form.part("photos", part);
    }
    form
}

async fn report(client: &reqwest::Client, app: &TestApp, form: Form) -> reqwest::Response {
    client
        .post(app.url("/api/report-problem"))
        .header("accept", "application/json")
        .multipart(form)
        .send()
        .await
        .expect("POST")
}

async fn count(app: &TestApp, table: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(app.store.pool())
        .await
        .expect("count");
    n
}

/// Files in the local store, thumbnails included.
pub(crate) fn stored_files(app: &TestApp) -> usize {
    std::fs::read_dir(app.data_dir.join("files").join("photos"))
        .map(|dir| dir.count())
        .unwrap_or(0)
}

/// The tokens of the newest request's photos, in the order sent.
async fn tokens(app: &TestApp) -> Vec<String> {
    sqlx::query_as::<_, (String,)>(
        "SELECT token FROM files WHERE request_id = (SELECT MAX(id) FROM service_requests) \
         ORDER BY id",
    )
    .fetch_all(app.store.pool())
    .await
    .expect("tokens")
    .into_iter()
    .map(|(t,)| t)
    .collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_reports_a_problem_with_photos_and_only_the_right_people_see_them() {
    let app = spawn_app().await;
    app.sign_in("ana@example.com").await;
    let options: serde_json::Value = app
        .call("/api/problem-options", &[])
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(options["response"]["urgent"], 8, "{options}");
    assert_eq!(options["max_files"], 6);
    // A polyglot: a PNG with a page behind its end.
    let mut polyglot = png(64, 48);
    polyglot.extend_from_slice(b"<html><script>alert(document.cookie)</script></html>");
    let res = report(
        &app.client,
        &app,
        form(
            "Water under the kitchen sink",
            &[("sink.png", png(800, 600)), ("../../evil\".png", polyglot)],
        ),
    )
    .await;
    assert_eq!(
        res.status(),
        200,
        "{}",
        res.text().await.unwrap_or_default()
    );
    let (id, kind, status, category, priority, days, hours): (
        i64,
        String,
        String,
        String,
        String,
        String,
        i64,
    ) = sqlx::query_as(
        "SELECT id, kind, status, category, priority, preferred_days, response_hours \
             FROM service_requests ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(app.store.pool())
    .await
    .expect("request");
    assert_eq!(
        (
            kind.as_str(),
            status.as_str(),
            category.as_str(),
            priority.as_str(),
            days.as_str(),
            hours
        ),
        ("problem", "open", "leak", "urgent", "tue,fri", 8)
    );
    let reference = format!("RQ-{id:06}");
    // A reference at once, and a mail.
    let (mails,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM mail_messages WHERE template = 'problem-reported' \
         AND to_address = 'ana@example.com'",
    )
    .fetch_one(app.store.pool())
    .await
    .expect("mail");
    assert_eq!(mails, 1);
    let tokens = tokens(&app).await;
    assert_eq!(tokens.len(), 2);
    assert_eq!(stored_files(&app), 4, "two photos, two thumbnails");
    let (name,): (String,) = sqlx::query_as("SELECT name FROM files ORDER BY id DESC LIMIT 1")
        .fetch_one(app.store.pool())
        .await
        .expect("name");
    assert_eq!(name, "evil.jpg");

    // Ana sees them: re-encoded JPEGs with a strict policy of their own.
    let res = app.get(&format!("/files/{}", tokens[1])).await;
    assert_eq!(res.status(), 200);
    let headers = res.headers().clone();
    assert_eq!(headers["content-type"], "image/jpeg");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(
        headers["content-security-policy"],
        "default-src 'none'; sandbox"
    );
    let disposition = headers["content-disposition"].to_str().expect("ascii");
    assert!(
        disposition.starts_with("inline; filename=\"evil.jpg\""),
        "{disposition}"
    );
    let bytes = res.bytes().await.expect("bytes");
    assert!(bytes.starts_with(&[0xFF, 0xD8, 0xFF]));
    assert!(
        !contains(&bytes, b"<script"),
        "the page behind the image is gone"
    );
    let thumb = app.get(&format!("/files/{}/thumb", tokens[0])).await;
    assert_eq!(thumb.status(), 200);
    let thumb = image::load_from_memory(&thumb.bytes().await.expect("bytes")).expect("jpeg");
    assert_eq!((thumb.width(), thumb.height()), (320, 240));
    // The request's page shows them, its facts and its timeline.
    let page = app.get_html(&format!("/requests/{reference}")).await;
    assert!(
        page.contains(&format!("/files/{}/thumb", tokens[0])),
        "{page}"
    );
    assert!(page.contains("Leak or water") && page.contains("within 8 hours"));

    // Nobody else: a visitor is told to sign in, another customer and a technician of no
    // visit of it find nothing; the office sees it.
    let path = format!("/files/{}", tokens[0]);
    let visitor = crate::helpers::client()
        .get(app.url(&path))
        .send()
        .await
        .expect("GET");
    assert_eq!(visitor.status(), 401);
    for (email, status) in [
        ("facilities@example.com", 404),
        ("tomas@example.com", 404),
        ("dispatch@example.com", 200),
        ("admin@example.com", 200),
    ] {
        let other = app.other_browser();
        other.sign_in(email).await;
        let res = other.client.get(app.url(&path)).send().await.expect("GET");
        assert_eq!(res.status(), status, "{email}");
        let res = other
            .client
            .post(app.url("/api/request"))
            .header("accept", "application/json")
            .form(&[("request", reference.as_str())])
            .send()
            .await
            .expect("POST");
        let allowed = status == 200 && email != "tomas@example.com";
        assert_eq!(res.status() == 200, allowed, "{email} reading {reference}");
    }
    // A made-up or malformed token is simply not found.
    for bad in ["AAAAAAAAAAAAAAAAAAAAAAAA", "..%2F..%2Fdoorstep.db", "x"] {
        assert_eq!(
            app.get(&format!("/files/{bad}")).await.status(),
            404,
            "{bad}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_uploads_are_refused_with_a_clear_message_and_nothing_is_stored() {
    let app = spawn_configured(
        true,
        &[
            ("DOORSTEP_UPLOAD_MAX_MB", "1"),
            ("DOORSTEP_UPLOAD_MAX_FILES", "2"),
        ],
    )
    .await;
    app.sign_in("ana@example.com").await;
    let before = count(&app, "service_requests").await;
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>"#;
    let mut big = vec![0xFF, 0xD8, 0xFF, 0xE0];
    big.resize(1024 * 1024 + 10, 0);
    let cases: Vec<(&str, Photos, &str)> = vec![
        (
            "an SVG with a script",
            vec![("photo.svg", svg.to_vec())],
            "not_a_photo",
        ),
        (
            "10,000 × 10,000 pixels",
            vec![("huge.png", claimed_png(10_000))],
            "photo_too_large",
        ),
        (
            "a decompression bomb",
            vec![("bomb.png", claimed_png(60_000))],
            "photo_too_large",
        ),
        (
            "over the size limit",
            vec![("big.jpg", big)],
            "photo_too_big",
        ),
        (
            "more photos than allowed",
            vec![
                ("1.png", png(8, 8)),
                ("2.png", png(8, 8)),
                ("3.png", png(8, 8)),
            ],
            "too_many_photos",
        ),
        (
            "a broken photo",
            vec![("broken.png", claimed_png(100))],
            "photo_unreadable",
        ),
    ];
    for (what, photos, problem) in cases {
        let res = report(&app.client, &app, form("Something is dripping", &photos)).await;
        assert_eq!(res.status(), 400, "{what}");
        let body: serde_json::Value = res.json().await.expect("json");
        assert_eq!(body["problems"][0]["field"], "photos", "{what}: {body}");
        assert_eq!(
            body["problems"][0]["problem"]["problem"], problem,
            "{what}: {body}"
        );
        // What was typed comes back, and the message is translated.
        assert_eq!(
            body["echo"]["description"], "Something is dripping",
            "{what}"
        );
        assert!(
            body["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{what}"
        );
    }
    // Not multipart at all, or announced larger than any form: refused before reading.
    let res = app
        .call("/api/report-problem", &[("location", ANA_HOME)])
        .await;
    assert_eq!(res.status(), 400);
    let res = app
        .client
        .post(app.url("/api/report-problem"))
        .header("accept", "application/json")
        .header("content-type", "multipart/form-data; boundary=x")
        .header("content-length", (64 * 1024 * 1024).to_string())
        .body(vec![0u8; 16])
        .send()
        .await;
    // The server answers before the body it refused arrives (or closes the connection).
    if let Ok(res) = res {
        assert_eq!(res.status(), 413);
    }
    // A missing field with good photos: the photos are never stored.
    let res = report(&app.client, &app, form("", &[("ok.png", png(20, 20))])).await;
    assert_eq!(res.status(), 400);
    assert_eq!(count(&app, "service_requests").await, before);
    assert_eq!(count(&app, "files").await, 0);
    assert_eq!(stored_files(&app), 0, "nothing stored half-way");

    // Without JavaScript: back to the form with what was typed, and the message shown.
    let res = app
        .client
        .post(app.url("/api/report-problem"))
        .header("accept", "text/html")
        .header(
            "referer",
            app.url(&format!("/requests/problem?location={ANA_HOME}")),
        )
        .multipart(form("Ceiling stain", &[("x.svg", svg.to_vec())]))
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 302);
    let back = location(&res);
    assert!(back.contains("__err="), "{back}");
    let page = app.get_html(&back.replace(&app.base, "")).await;
    assert!(page.contains("Ceiling stain"), "what was typed is kept");
    assert!(page.contains(r#"action="/api/report-problem" enctype="multipart/form-data""#));
    assert!(
        page.contains("Only photos in JPEG, PNG or WebP can be sent."),
        "{page}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_office_asks_the_customer_answers_and_the_office_books_through_the_engine() {
    let app = spawn_app().await;
    app.sign_in("ana@example.com").await;
    let res = report(
        &app.client,
        &app,
        form("Oven does not heat", &[("oven.png", png(40, 30))]),
    )
    .await;
    assert_eq!(res.status(), 200);
    let (id,): (i64,) = sqlx::query_as("SELECT MAX(id) FROM service_requests")
        .fetch_one(app.store.pool())
        .await
        .expect("id");
    let reference = format!("RQ-{id:06}");
    let office = app.other_browser();
    office.sign_in("dispatch@example.com").await;
    let call = |path: &'static str, fields: Vec<(&'static str, String)>| {
        let client = office.client.clone();
        let url = app.url(path);
        async move {
            client
                .post(url)
                .header("accept", "application/json")
                .form(&fields)
                .send()
                .await
                .expect("POST")
        }
    };
    // An empty question is refused; a real one waits for Ana, who is told by mail.
    let res = call(
        "/api/triage-request",
        vec![
            ("request", reference.clone()),
            ("action", "ask".into()),
            ("message", " ".into()),
        ],
    )
    .await;
    assert_eq!(res.status(), 400);
    let res = call(
        "/api/triage-request",
        vec![
            ("request", reference.clone()),
            ("action", "ask".into()),
            ("message", "Is it gas or electric?".into()),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);
    let (mail,): (String,) = sqlx::query_as(
        "SELECT args FROM mail_messages WHERE template = 'request-question' \
         AND to_address = 'ana@example.com'",
    )
    .fetch_one(app.store.pool())
    .await
    .expect("question mail");
    assert!(mail.contains("Is it gas or electric?"));
    // Asked twice: refused, the request waits for Ana already.
    let res = call(
        "/api/triage-request",
        vec![
            ("request", reference.clone()),
            ("action", "ask".into()),
            ("message", "And?".into()),
        ],
    )
    .await;
    assert_eq!(res.status(), 409);
    let res = app
        .call(
            "/api/answer-request",
            &[("request", &reference), ("answer", "Electric")],
        )
        .await;
    assert_eq!(res.status(), 200);
    // The office finds windows at Ana's home and books one for the request.
    let service = service_ref(&app, "Standard clean").await;
    let found: serde_json::Value = call(
        "/api/request-windows",
        vec![("request", reference.clone()), ("service", service.clone())],
    )
    .await
    .json()
    .await
    .expect("json");
    assert!(!found["services"].as_array().expect("services").is_empty());
    let start = found["calendar"]["windows"][0]["start"]
        .as_i64()
        .expect("a window");
    let res = call(
        "/api/schedule-request",
        vec![
            ("request", reference.clone()),
            ("service", service.clone()),
            ("window", start.to_string()),
        ],
    )
    .await;
    assert_eq!(
        res.status(),
        200,
        "{}",
        res.text().await.unwrap_or_default()
    );
    let (status, visit): (String, Option<i64>) =
        sqlx::query_as("SELECT status, visit_id FROM service_requests WHERE id = $1")
            .bind(id)
            .fetch_one(app.store.pool())
            .await
            .expect("request");
    assert_eq!(status, "scheduled");
    let visit = visit.expect("linked to its visit");
    let (account, window_start, technician): (i64, i64, i64) =
        sqlx::query_as("SELECT account_id, window_start, technician_id FROM jobs WHERE id = $1")
            .bind(visit)
            .fetch_one(app.store.pool())
            .await
            .expect("visit");
    assert_eq!(window_start, start);
    let (anas,): (i64,) = sqlx::query_as("SELECT account_id FROM service_requests WHERE id = $1")
        .bind(id)
        .fetch_one(app.store.pool())
        .await
        .expect("account");
    assert_eq!(account, anas);
    // Ana gets the booking's confirmation; the timeline tells every step.
    let (booked,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM mail_messages WHERE template = 'visit-booked' \
         AND to_address = 'ana@example.com'",
    )
    .fetch_one(app.store.pool())
    .await
    .expect("mail");
    assert_eq!(booked, 1);
    let view: serde_json::Value = app
        .call("/api/request", &[("request", &reference)])
        .await
        .json()
        .await
        .expect("json");
    let steps: Vec<&str> = view["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .filter_map(|s| s["kind"].as_str())
        .collect();
    assert_eq!(steps, ["question", "answer", "scheduled"]);
    assert_eq!(view["steps"][0]["staff"], true);
    assert_eq!(view["steps"][1]["staff"], false);
    // Whoever works the visit now sees the photos of the problem.
    let token = tokens(&app).await.remove(0);
    let (email,): (String,) = sqlx::query_as("SELECT email FROM users WHERE id = $1")
        .bind(technician)
        .fetch_one(app.store.pool())
        .await
        .expect("technician");
    let worker = app.other_browser();
    worker.sign_in(&email).await;
    let res = worker
        .client
        .get(app.url(&format!("/files/{token}")))
        .send()
        .await
        .expect("GET");
    assert_eq!(res.status(), 200);
    // Scheduled: nothing more to decline or book.
    let res = call(
        "/api/triage-request",
        vec![
            ("request", reference.clone()),
            ("action", "decline".into()),
            ("message", "No".into()),
        ],
    )
    .await;
    assert_eq!(res.status(), 409);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_office_declines_with_a_reason_the_customer_reads() {
    let app = spawn_app().await;
    app.sign_in("ana@example.com").await;
    let res = report(&app.client, &app, form("Wasps in the attic", &[])).await;
    assert_eq!(res.status(), 200);
    let (id,): (i64,) = sqlx::query_as("SELECT MAX(id) FROM service_requests")
        .fetch_one(app.store.pool())
        .await
        .expect("id");
    let reference = format!("RQ-{id:06}");
    let office = app.other_browser();
    office.sign_in("admin@example.com").await;
    // Without JavaScript, as the office's page posts it.
    let res = office
        .client
        .post(app.url("/api/triage-request"))
        .header("accept", "text/html")
        .header("referer", app.url(&format!("/requests/{reference}")))
        .form(&[
            ("request", reference.as_str()),
            ("action", "decline"),
            ("message", "We do not handle wasps; a pest controller does."),
        ])
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 302);
    assert!(location(&res).ends_with(&format!("/requests/{reference}?decline=1")));
    let page = app.get_html(&format!("/requests/{reference}")).await;
    assert!(
        page.contains("Declined") && page.contains("a pest controller does"),
        "{page}"
    );
    let (mails,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM mail_messages WHERE template = 'request-declined'")
            .fetch_one(app.store.pool())
            .await
            .expect("mail");
    assert_eq!(mails, 1);
    // Nothing to answer any more.
    let res = app
        .call(
            "/api/answer-request",
            &[("request", &reference), ("answer", "Oh")],
        )
        .await;
    assert_eq!(res.status(), 409);
}

/// A local S3 server (moto, from PyPI) on a free port, with a bucket; stopped on drop.
struct S3Server {
    child: std::process::Child,
    endpoint: String,
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn s3_server(bucket: &str) -> S3Server {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let child = std::process::Command::new("moto_server")
        .args(["-H", "127.0.0.1", "-p", &port.to_string()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("moto_server (pip install 'moto[server]'; .ci/install.sh does)");
    let endpoint = format!("http://127.0.0.1:{port}");
    let server = S3Server { child, endpoint };
    let client = reqwest::Client::new();
    for _ in 0..100 {
        if let Ok(res) = client
            .put(format!("{}/{bucket}", server.endpoint))
            .send()
            .await
            && res.status().is_success()
        {
            return server;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the S3 server did not start");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn photos_are_kept_in_an_s3_compatible_store_by_setting() {
    let s3 = s3_server("doorstep-photos").await;
    let app = spawn_configured(
        true,
        &[
            ("DOORSTEP_FILES_S3_BUCKET", "doorstep-photos"),
            ("DOORSTEP_FILES_S3_ENDPOINT", &s3.endpoint),
            ("DOORSTEP_FILES_S3_ACCESS_KEY_ID", "test"),
            ("DOORSTEP_FILES_S3_SECRET_ACCESS_KEY", "test"),
        ],
    )
    .await;
    app.sign_in("ana@example.com").await;
    let res = report(
        &app.client,
        &app,
        form("Broken tile", &[("tile.png", png(100, 50))]),
    )
    .await;
    assert_eq!(
        res.status(),
        200,
        "{}",
        res.text().await.unwrap_or_default()
    );
    assert_eq!(stored_files(&app), 0, "nothing in the local folder");
    let token = tokens(&app).await.remove(0);
    let served = app.get(&format!("/files/{token}")).await;
    assert_eq!(served.status(), 200);
    let served = served.bytes().await.expect("bytes");
    // The object is in the bucket, as served: read back with the store's own credentials.
    let bucket = doorstep::services::files::FileStore::s3(&doorstep::services::files::S3Settings {
        bucket: "doorstep-photos".into(),
        endpoint: s3.endpoint.clone(),
        region: "us-east-1".into(),
        access_key_id: "test".into(),
        secret_access_key: "test".into(),
    })
    .expect("bucket");
    let object = bucket
        .get(&format!("photos/{token}.jpg"))
        .await
        .expect("read")
        .expect("kept in the bucket");
    assert_eq!(object, served);
    // An anonymous reader of the bucket gets nothing.
    let anonymous = reqwest::get(format!(
        "{}/doorstep-photos/photos/{token}.jpg",
        s3.endpoint
    ))
    .await
    .expect("GET object");
    assert_eq!(anonymous.status(), 403);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_office_sets_the_response_times_customers_are_promised() {
    let app = spawn_app().await;
    let office = app.other_browser();
    office.sign_in("dispatch@example.com").await;
    let times = |low: &str, normal: &str, urgent: &str, emergency: &str| {
        vec![
            ("fields[hours_low]".to_string(), low.to_string()),
            ("fields[hours_normal]".to_string(), normal.to_string()),
            ("fields[hours_urgent]".to_string(), urgent.to_string()),
            ("fields[hours_emergency]".to_string(), emergency.to_string()),
        ]
    };
    let save = |fields: Vec<(String, String)>| {
        office
            .client
            .post(app.url("/api/save-response-times"))
            .header("accept", "application/json")
            .form(&fields)
            .send()
    };
    let stored = || async {
        sqlx::query_as::<_, (String, i64)>(
            "SELECT priority, hours FROM response_times ORDER BY priority",
        )
        .fetch_all(app.store.pool())
        .await
        .expect("times")
    };
    let before = stored().await;

    // Mistakes: out of range, not a number, empty, an urgent priority slower than a normal
    // one. Each named, nothing changed.
    for (fields, field) in [
        (times("0", "48", "8", "2"), "hours_low"),
        (times("96", "721", "8", "2"), "hours_normal"),
        (times("96", "48", "soon", "2"), "hours_urgent"),
        (times("96", "48", "8", ""), "hours_emergency"),
        (times("96", "48", "72", "2"), "hours_urgent"),
    ] {
        let res = save(fields).await.expect("POST");
        assert_eq!(res.status(), 400, "{field}");
        let body = res.text().await.unwrap_or_default();
        assert!(body.contains(field), "{body}");
        assert_eq!(stored().await, before);
    }
    // A customer may not.
    app.sign_in("ana@example.com").await;
    let res = app
        .call_form("/api/save-response-times", &times("1", "1", "1", "1"))
        .await;
    assert_eq!(res.status(), 403);

    // Saved: the office's page shows them, the customer's form promises them, and a report
    // sent now is promised the new time.
    let res = save(times("72", "24", "4", "1")).await.expect("POST");
    assert_eq!(
        res.status(),
        200,
        "{}",
        res.text().await.unwrap_or_default()
    );
    let page = office.get_html("/office/rules?saved=response-times").await;
    assert!(page.contains("Response times saved."), "{page}");
    assert!(page.contains(r#"value="72""#) && page.contains(r#"value="1""#));
    let options: serde_json::Value = app
        .call("/api/problem-options", &[])
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(options["response"]["urgent"], 4, "{options}");
    let res = report(&app.client, &app, form("Water under the sink", &[])).await;
    assert_eq!(
        res.status(),
        200,
        "{}",
        res.text().await.unwrap_or_default()
    );
    let (hours,): (i64,) =
        sqlx::query_as("SELECT response_hours FROM service_requests ORDER BY id DESC LIMIT 1")
            .fetch_one(app.store.pool())
            .await
            .expect("request");
    assert_eq!(hours, 4);
    let (audited,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'response_times_saved'")
            .fetch_one(app.store.pool())
            .await
            .expect("audit");
    assert_eq!(audited, 1);
}
