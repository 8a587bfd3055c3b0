//! Proof of service: the technician completes a visit in progress with the service's
//! checklist, notes, photos and the customer's signature (typed, and drawn); the customer
//! opens the service report; nobody else sees it; bad input completes nothing.

use crate::changes::booked_visit;
use crate::events::{id_of, technician_of};
use crate::helpers::{TestApp, TestApp2, location, spawn_app};
use crate::job_steps::take;
use crate::problems::png;
use base64::Engine;
use image::{DynamicImage, ImageBuffer, ImageFormat, Rgba};
use reqwest::multipart::{Form, Part};
use std::io::Cursor;

/// A signature as the pad sends it: a white PNG with a dark stroke, as a `data:` URL.
fn signature() -> String {
    let image = ImageBuffer::from_fn(600, 200, |x, y| {
        if y.abs_diff(100) < 3 && x > 50 && x < 550 {
            Rgba([17, 17, 17, 255])
        } else {
            Rgba([255, 255, 255, 255])
        }
    });
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageRgba8(image)
        .write_to(&mut out, ImageFormat::Png)
        .expect("png");
    format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(out.into_inner())
    )
}

/// Ana's visit (of the Standard clean, which has a checklist), started by its technician;
/// the visit and the technician's browser.
async fn started(app: &TestApp) -> (String, TestApp2<'_>) {
    let (visit, _, _) = booked_visit(app).await;
    let technician = app.other_browser();
    technician.sign_in(&technician_of(app, &visit).await).await;
    take(&technician, &visit, "on_my_way").await;
    take(&technician, &visit, "start").await;
    (visit, technician)
}

fn form(visit: &str, signed_name: &str, drawn: &str, photos: &[Vec<u8>]) -> Form {
    let mut form = Form::new()
        .text("visit", visit.to_string())
        .text("checklist", "0")
        .text("checklist", "2")
        .text("notes", "Descaled the shower head.")
        .text("signed_name", signed_name.to_string())
        .text("signature", drawn.to_string());
    for bytes in photos {
        let part = Part::bytes(bytes.clone())
            .file_name("after.png")
            .mime_str("image/png")
            .expect("mime");
        form = form.part("photos", part);
    }
    form
}

async fn complete(who: &TestApp2<'_>, form: Form) -> reqwest::Response {
    who.client
        .post(who.app.url("/api/complete-visit"))
        .header("accept", "application/json")
        .multipart(form)
        .send()
        .await
        .expect("POST")
}

async fn status_of(app: &TestApp, visit: &str) -> String {
    let (status,): (String,) = sqlx::query_as("SELECT status FROM jobs WHERE id = $1")
        .bind(id_of(visit))
        .fetch_one(app.store.pool())
        .await
        .expect("status");
    status
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_visit_is_completed_with_checklist_photos_and_signature_and_its_report_is_read() {
    let app = spawn_app().await;
    let (visit, technician) = started(&app).await;
    let options: serde_json::Value = technician
        .client
        .post(app.url("/api/completion-form"))
        .header("accept", "application/json")
        .form(&[("visit", visit.as_str())])
        .send()
        .await
        .expect("POST")
        .json()
        .await
        .expect("json");
    assert_eq!(
        options["checklist"][0], "Kitchen surfaces wiped",
        "{options}"
    );
    let res = complete(
        &technician,
        form(&visit, "Ana Ruiz", &signature(), &[png(300, 200)]),
    )
    .await;
    assert_eq!(
        res.status(),
        200,
        "{}",
        res.text().await.unwrap_or_default()
    );
    assert_eq!(status_of(&app, &visit).await, "completed");
    // The customer's page follows: the step is an event of the visit.
    assert!(
        crate::job_steps::kinds_of(&app, &visit)
            .await
            .contains(&"completed".to_string())
    );

    // Ana reads the report: what was ticked, the notes, the photo, who signed.
    let report: serde_json::Value = app
        .call("/api/service-report", &[("visit", &visit)])
        .await
        .json()
        .await
        .expect("json");
    let done: Vec<bool> = report["checklist"]
        .as_array()
        .expect("checklist")
        .iter()
        .map(|e| e["done"].as_bool().expect("done"))
        .collect();
    assert_eq!(done, [true, false, true, false]);
    assert_eq!(report["notes"], "Descaled the shower head.");
    assert_eq!(report["signed_name"], "Ana Ruiz");
    assert_eq!(report["photos"].as_array().expect("photos").len(), 1);
    let signature = report["signature"]["token"].as_str().expect("signature");
    let drawn = app.get(&format!("/files/{signature}")).await;
    assert_eq!(drawn.status(), 200);
    let drawn = image::load_from_memory(&drawn.bytes().await.expect("bytes")).expect("jpeg");
    assert_eq!((drawn.width(), drawn.height()), (600, 200));
    let page = app.get_html(&format!("/visits/{visit}/report")).await;
    assert!(page.contains("Signed by Ana Ruiz") && page.contains("Kitchen surfaces wiped"));
    let visit_page = app.get_html(&format!("/visits/{visit}")).await;
    assert!(visit_page.contains(&format!("/visits/{visit}/report")));

    // Nobody else: another customer finds nothing, a visitor is sent to sign in.
    let stranger = app.other_browser();
    stranger.sign_in("facilities@example.com").await;
    let res = stranger
        .client
        .post(app.url("/api/service-report"))
        .header("accept", "application/json")
        .form(&[("visit", visit.as_str())])
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 404);
    let res = stranger
        .client
        .get(app.url(&format!("/files/{signature}")))
        .send()
        .await
        .expect("GET");
    assert_eq!(res.status(), 404);

    // Completed once: a second completion is refused and stores nothing more.
    let files_before: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM files")
        .fetch_one(app.store.pool())
        .await
        .expect("files");
    let res = complete(&technician, form(&visit, "Ana", "", &[png(10, 10)])).await;
    assert_eq!(res.status(), 409);
    let files_after: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM files")
        .fetch_one(app.store.pool())
        .await
        .expect("files");
    assert_eq!(files_before, files_after);
    let stored = std::fs::read_dir(app.data_dir.join("files").join("photos"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(
        stored, 4,
        "the photo and the signature, each with its thumbnail"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_completions_complete_nothing_and_keep_what_was_typed() {
    let app = spawn_app().await;
    let (visit, technician) = started(&app).await;
    let svg = format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode("<svg><script>alert(1)</script></svg>")
    );
    for (what, signed_name, drawn, field, problem) in [
        ("no name", " ", "", "signed_name", "required"),
        (
            "a signature that is an SVG",
            "Ana",
            svg.as_str(),
            "signature",
            "not_a_photo",
        ),
        (
            "a signature that is a page",
            "Ana",
            "data:text/html;base64,PHNjcmlwdD4=",
            "signature",
            "not_a_photo",
        ),
        (
            "a signature that is no base64",
            "Ana",
            "data:image/png;base64,@@@",
            "signature",
            "photo_unreadable",
        ),
    ] {
        let res = complete(&technician, form(&visit, signed_name, drawn, &[])).await;
        assert_eq!(res.status(), 400, "{what}");
        let body: serde_json::Value = res.json().await.expect("json");
        assert_eq!(body["problems"][0]["field"], field, "{what}: {body}");
        assert_eq!(
            body["problems"][0]["problem"]["problem"], problem,
            "{what}: {body}"
        );
        assert_eq!(body["echo"]["notes"], "Descaled the shower head.", "{what}");
    }
    // A tick that is no item of the checklist.
    let res = complete(
        &technician,
        Form::new()
            .text("visit", visit.clone())
            .text("checklist", "99")
            .text("signed_name", "Ana"),
    )
    .await;
    assert_eq!(res.status(), 400);
    assert_eq!(status_of(&app, &visit).await, "in_progress");
    // The customer may not complete it, nor another technician.
    app.sign_in("ana@example.com").await;
    let ana = TestApp2 {
        app: &app,
        client: app.client.clone(),
    };
    let res = complete(&ana, form(&visit, "Ana", "", &[])).await;
    assert_eq!(res.status(), 404);
    assert_eq!(status_of(&app, &visit).await, "in_progress");

    // Without JavaScript: back on the visit's page with what was typed and the message.
    let res = technician
        .client
        .post(app.url("/api/complete-visit"))
        .header("accept", "text/html")
        .header("referer", app.url(&format!("/visits/{visit}")))
        .multipart(form(&visit, "", "", &[]))
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 302);
    let back = location(&res).replace(&app.base, "");
    let page = technician.get_html(&back).await;
    assert!(
        page.contains("Descaled the shower head."),
        "what was typed is kept"
    );
    assert!(page.contains(r#"action="/api/complete-visit""#));
}
