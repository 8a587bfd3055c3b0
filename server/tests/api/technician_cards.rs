//! What customers see of the technician coming to them: the office sets a trade and a photo;
//! the customer's visit page shows them with the first name once the visit is assigned; the
//! photo is served to the staff and to the accounts the technician has visits with, nobody
//! else; a replaced or removed photo is gone from the store; bad input changes nothing.

use crate::changes::booked_visit;
use crate::events::id_of;
use crate::helpers::{TestApp, TestApp2, spawn_app};
use crate::problems::{png, stored_files};
use reqwest::multipart::{Form, Part};

/// The technician of `visit`, as the office's forms name them (`PE-…`).
async fn technician_ref(app: &TestApp, visit: &str) -> String {
    let (id,): (i64,) = sqlx::query_as("SELECT technician_id FROM jobs WHERE id = $1")
        .bind(id_of(visit))
        .fetch_one(app.store.pool())
        .await
        .expect("technician");
    doorstep::ids::UserRef::from_id(id).to_string()
}

fn card_form(user: &str, trade: &str, photos: &[&[u8]], remove: bool) -> Form {
    let mut form = Form::new()
        .text("user", user.to_string())
        .text("trade", trade.to_string());
    if remove {
        form = form.text("remove_photo", "yes");
    }
    for bytes in photos {
        let part = Part::bytes(bytes.to_vec())
            .file_name("me.png")
            .mime_str("image/png")
            .expect("mime");
        form = form.part("photos", part);
    }
    form
}

async fn save(who: &TestApp2<'_>, form: Form) -> reqwest::Response {
    who.client
        .post(who.app.url("/api/save-technician-card"))
        .header("accept", "application/json")
        .multipart(form)
        .send()
        .await
        .expect("POST")
}

async fn card_of(app: &TestApp, user: &str) -> Option<(Option<String>, Option<String>)> {
    let id = doorstep::ids::UserRef::parse(user).expect("ref").id();
    sqlx::query_as("SELECT trade, photo_token FROM technician_cards WHERE user_id = $1")
        .bind(id)
        .fetch_optional(app.store.pool())
        .await
        .expect("card")
}

async fn visit_json(who: &TestApp2<'_>, visit: &str) -> serde_json::Value {
    who.client
        .post(who.app.url("/api/visit"))
        .header("accept", "application/json")
        .form(&[("visit", visit)])
        .send()
        .await
        .expect("POST")
        .json()
        .await
        .expect("json")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_customer_sees_the_technicians_trade_and_photo_and_nobody_else_gets_the_photo() {
    let app = spawn_app().await;
    let (visit, _, _) = booked_visit(&app).await;
    let technician = technician_ref(&app, &visit).await;
    let office = app.other_browser();
    office.sign_in("dispatch@example.com").await;

    // Before the office sets anything: the first name only.
    let page = app.get_html(&format!("/visits/{visit}")).await;
    assert!(page.contains("data-technician-name"), "{page}");
    assert!(!page.contains("class=\"portrait\""), "{page}");

    let res = save(
        &office,
        card_form(&technician, "Heating engineer", &[&png(800, 600)], false),
    )
    .await;
    assert_eq!(
        res.status(),
        200,
        "{}",
        res.text().await.unwrap_or_default()
    );
    let (trade, token) = card_of(&app, &technician).await.expect("a card");
    assert_eq!(trade.as_deref(), Some("Heating engineer"));
    let token = token.expect("a photo");
    assert_eq!(stored_files(&app), 2, "the photo and its thumbnail");

    // The office's page shows it back.
    let office_page = office
        .get_html(&format!("/office/technicians/{technician}"))
        .await;
    assert!(office_page.contains("Heating engineer"), "{office_page}");
    assert!(office_page.contains(&format!("/files/{token}/thumb")));

    // Ana's visit: the trade and the photo beside the first name, in the page and its data.
    let page = app.get_html(&format!("/visits/{visit}")).await;
    assert!(page.contains("Heating engineer"), "{page}");
    assert!(page.contains(&format!("/files/{token}/thumb")), "{page}");
    let ana = app.other_browser();
    ana.sign_in("ana@example.com").await;
    let data = visit_json(&ana, &visit).await;
    assert_eq!(
        data["technician_card"]["trade"], "Heating engineer",
        "{data}"
    );
    assert_eq!(data["technician_card"]["photo"]["token"], token.as_str());

    // Served as a JPEG to Ana, the technician and the office; a customer the technician
    // never visited (the facilities company, once its demo visits by them are handed back
    // to the office) and a visitor get nothing.
    let id = doorstep::ids::UserRef::parse(&technician)
        .expect("ref")
        .id();
    sqlx::query(
        "UPDATE jobs SET technician_id = NULL, status = 'scheduled' WHERE technician_id = $1 \
         AND account_id IN (SELECT m.account_id FROM memberships m JOIN users u \
         ON u.id = m.user_id WHERE u.email = 'facilities@example.com')",
    )
    .bind(id)
    .execute(app.store.pool())
    .await
    .expect("unassign");
    let thumb = app.get(&format!("/files/{token}/thumb")).await;
    assert_eq!(thumb.status(), 200);
    assert_eq!(thumb.headers()["content-type"], "image/jpeg");
    assert_eq!(thumb.headers()["x-content-type-options"], "nosniff");
    let email = crate::events::technician_of(&app, &visit).await;
    for (who, status) in [
        (email.as_str(), 200),
        ("dispatch@example.com", 200),
        ("facilities@example.com", 404),
    ] {
        let other = app.other_browser();
        other.sign_in(who).await;
        let res = other
            .client
            .get(app.url(&format!("/files/{token}")))
            .send()
            .await
            .expect("GET");
        assert_eq!(res.status(), status, "{who}");
    }
    let visitor = crate::helpers::client()
        .get(app.url(&format!("/files/{token}")))
        .send()
        .await
        .expect("GET");
    assert_eq!(visitor.status(), 401);

    // A new photo replaces the old one, whose objects are deleted.
    let res = save(
        &office,
        card_form(&technician, "Heating engineer", &[&png(300, 300)], false),
    )
    .await;
    assert_eq!(res.status(), 200);
    let (_, second) = card_of(&app, &technician).await.expect("a card");
    let second = second.expect("a photo");
    assert_ne!(second, token);
    assert_eq!(stored_files(&app), 2);
    assert_eq!(app.get(&format!("/files/{token}")).await.status(), 404);

    // Saving without a photo keeps it; removing it takes it away, with its objects.
    let res = save(&office, card_form(&technician, "Plumber", &[], false)).await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        card_of(&app, &technician).await,
        Some((Some("Plumber".into()), Some(second.clone())))
    );
    let res = save(&office, card_form(&technician, "", &[], true)).await;
    assert_eq!(res.status(), 200);
    assert_eq!(card_of(&app, &technician).await, Some((None, None)));
    assert_eq!(stored_files(&app), 0);
    let page = app.get_html(&format!("/visits/{visit}")).await;
    assert!(
        !page.contains("class=\"portrait\"") && !page.contains("Plumber"),
        "{page}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_cards_change_nothing_and_keep_the_trade_typed() {
    let app = spawn_app().await;
    let (visit, _, _) = booked_visit(&app).await;
    let technician = technician_ref(&app, &visit).await;
    let office = app.other_browser();
    office.sign_in("dispatch@example.com").await;
    let before = card_of(&app, &technician).await;
    assert!(before.is_some(), "the demo's technicians have a trade");
    let long = "x".repeat(61);
    let photo = png(200, 200);
    let cases: Vec<(&str, Form, &str)> = vec![
        (
            "too long",
            card_form(&technician, &long, &[], false),
            "trade",
        ),
        (
            "not a photo",
            card_form(
                &technician,
                "Plumber",
                &[b"<svg onload=alert(1)>".as_slice()],
                false,
            ),
            "photos",
        ),
        (
            "two photos",
            card_form(&technician, "Plumber", &[&photo, &photo], false),
            "photos",
        ),
    ];
    for (label, form, field) in cases {
        let res = save(&office, form).await;
        assert_eq!(res.status(), 400, "{label}");
        let body: serde_json::Value = res.json().await.expect("json");
        let text = body.to_string();
        assert!(text.contains(field), "{label}: {text}");
        assert_eq!(card_of(&app, &technician).await, before, "{label}");
        assert_eq!(stored_files(&app), 0, "{label}");
    }

    // Without JavaScript the form comes back with the trade as typed and the problem named.
    let res = office
        .client
        .post(app.url("/api/save-technician-card"))
        .header("accept", "text/html")
        .header(
            "referer",
            app.url(&format!("/office/technicians/{technician}")),
        )
        .multipart(card_form(&technician, &long, &[], false))
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 302);
    let back = crate::helpers::location(&res);
    assert!(back.contains("__err="), "{back}");
    let page = office.get_html(&back.replace(&app.base, "")).await;
    assert!(page.contains(&long), "what was typed is kept");
    assert!(page.contains("Use at most 60 characters."), "{page}");

    // Not a technician, or not the office: refused.
    let res = save(&office, card_form("PE-000001", "Plumber", &[], false)).await;
    assert_eq!(res.status(), 404);
    let ana = app.other_browser();
    ana.sign_in("ana@example.com").await;
    let res = save(&ana, card_form(&technician, "Plumber", &[], false)).await;
    assert_eq!(res.status(), 403);
    assert_eq!(card_of(&app, &technician).await, before);
}
