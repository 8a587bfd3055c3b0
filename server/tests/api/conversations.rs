//! Conversations: a job's thread between the customer, the technician and the office (with
//! photos, read state, unread counts and the live stream), the support thread, the form
//! without JavaScript, the idempotency key, routing, and nobody else getting anything of it.

use crate::changes::booked_visit;
use crate::events::{id_of, technician_of};
use crate::helpers::{TestApp, TestApp2, count_of, location_path, spawn_app, unescape};
use crate::problems::{png, stored_files};
use reqwest::Client;
use reqwest::header::{ACCEPT, REFERER};
use reqwest::multipart::{Form, Part};

/// The message form as the browser posts it.
pub(crate) fn message(thread: &str, body: &str, key: &str, photos: &[Vec<u8>]) -> Form {
    let mut form = Form::new()
        .text("thread", thread.to_string())
        .text("body", body.to_string())
        .text("key", key.to_string());
    for bytes in photos {
        let part = Part::bytes(bytes.clone())
            .file_name("sink.png")
            .mime_str("image/png")
            .expect("mime");
        form = form.part("photos", part);
    }
    form
}

/// Sends a message as the chat island does (JSON asked for); the status and error tag.
pub(crate) async fn send(client: &Client, app: &TestApp, form: Form) -> (u16, Option<String>) {
    let res = client
        .post(app.url("/api/send-message"))
        .header(ACCEPT, "application/json")
        .multipart(form)
        .send()
        .await
        .expect("POST");
    let status = res.status().as_u16();
    let body: serde_json::Value = res.json().await.unwrap_or_default();
    (status, body["error"].as_str().map(str::to_string))
}

/// Sends a text message, which must be taken.
async fn sends(client: &Client, app: &TestApp, thread: &str, text: &str, key: &str) {
    assert_eq!(
        send(client, app, message(thread, text, key, &[])).await,
        (200, None),
        "{text}"
    );
}

async fn set_status(app: &TestApp, visit: &str, status: &str) {
    app.execute(&format!(
        "UPDATE jobs SET status = '{status}' WHERE id = {}",
        id_of(visit)
    ))
    .await;
}

async fn html(client: &Client, app: &TestApp, path: &str) -> (u16, String) {
    let res = client.get(app.url(path)).send().await.expect("GET");
    let status = res.status().as_u16();
    (status, unescape(&res.text().await.expect("body")))
}

async fn waiting_on(app: &TestApp, visit: &str) -> String {
    let (who,): (String,) = sqlx::query_as("SELECT waiting_on FROM threads WHERE job_id = $1")
        .bind(id_of(visit))
        .fetch_one(app.store.pool())
        .await
        .expect("thread");
    who
}

async fn token_of_last_photo(app: &TestApp) -> String {
    let (token,): (String,) =
        sqlx::query_as("SELECT token FROM message_files ORDER BY id DESC LIMIT 1")
            .fetch_one(app.store.pool())
            .await
            .expect("photo");
    token
}

/// Ana's visit with Tomás (or whoever has it) signed in beside her.
async fn visit_with_technician(app: &TestApp) -> (String, TestApp2<'_>) {
    let (visit, _, _) = booked_visit(app).await;
    let tech = app.other_browser();
    tech.sign_in(&technician_of(app, &visit).await).await;
    (visit, tech)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_job_thread_carries_messages_photos_and_read_state_between_its_members() {
    let app = spawn_app().await;
    let (visit, tech) = visit_with_technician(&app).await;
    let page = format!("/visits/{visit}");
    let (_, before) = html(&app.client, &app, &page).await;
    assert!(before.contains("No messages yet."), "{before}");
    assert!(before.contains("action=\"/api/send-message\""), "{before}");

    // Ana writes, with a photo and a link; her retry with the same key changes nothing.
    let files_before = stored_files(&app);
    let text = "Water under the sink, see https://example.com/leak?x=1. <b>Thanks</b>";
    let form = || message(&visit, text, "k-ana-1", &[png(320, 240)]);
    assert_eq!(send(&app.client, &app, form()).await, (200, None));
    assert_eq!(send(&app.client, &app, form()).await, (200, None));
    assert_eq!(count_of(&app, "SELECT COUNT(*) FROM messages").await, 1);
    assert_eq!(
        count_of(&app, "SELECT COUNT(*) FROM message_files").await,
        1
    );
    assert_eq!(
        stored_files(&app),
        files_before + 2,
        "the photo and its thumbnail, once"
    );
    // Before the job is on its way, the office is to answer.
    assert_eq!(waiting_on(&app, &visit).await, "office");
    let (_, today) = html(&tech.client, &app, "/today").await;
    assert!(today.contains("Today (1 unread)"), "{today}");
    let photo = token_of_last_photo(&app).await;

    // Tomás reads it on the visit's page: the text as text, the address as a safe link.
    let (status, seen_by_tech) = html(&tech.client, &app, &page).await;
    assert_eq!(status, 200);
    assert!(seen_by_tech.contains("(customer)"), "{seen_by_tech}");
    assert!(
        seen_by_tech.contains(
            "<a href=\"https://example.com/leak?x=1\" rel=\"noopener noreferrer nofollow ugc\" target=\"_blank\">"
        ),
        "{seen_by_tech}"
    );
    assert!(!seen_by_tech.contains("<b>Thanks</b>"), "never HTML");
    assert!(seen_by_tech.contains(&format!("/files/{photo}/thumb")));
    // Reading it is seen by Ana.
    let (_, ana_page) = html(&app.client, &app, &page).await;
    assert!(ana_page.contains("Seen by "), "{ana_page}");

    // Tomás answers: Ana has one unread message, counted in her navigation until she reads.
    sends(&tech.client, &app, &visit, "On it tomorrow.", "k-t-1").await;
    assert_eq!(waiting_on(&app, &visit).await, "customer");
    let (_, home) = html(&app.client, &app, "/").await;
    assert!(home.contains("Messages (1 unread)"), "{home}");
    assert!(home.contains("You have one unread message."), "{home}");
    // The messages page leads to it.
    let (_, messages) = html(&app.client, &app, "/messages").await;
    assert!(
        messages.contains(&format!(
            "href=\"/visits/{visit}#thread\">{visit}: one unread message"
        )),
        "{messages}"
    );
    let (_, read) = html(&app.client, &app, &page).await;
    assert!(read.contains("On it tomorrow."));
    let (_, home) = html(&app.client, &app, "/").await;
    assert!(!home.contains("unread)"), "read now: {home}");

    // The photo: for the thread's members only.
    let path = format!("/files/{photo}");
    assert_eq!(app.get(&path).await.status(), 200);
    assert_eq!(
        tech.client
            .get(app.url(&path))
            .send()
            .await
            .expect("GET")
            .status(),
        200
    );
    let office = app.other_browser();
    office.sign_in("dispatch@example.com").await;
    assert_eq!(
        office
            .client
            .get(app.url(&path))
            .send()
            .await
            .expect("GET")
            .status(),
        200
    );
    for outsider in [
        "facilities@example.com",
        "lena@example.com",
        "yusuf@example.com",
    ] {
        if outsider == technician_of(&app, &visit).await {
            continue;
        }
        let other = app.other_browser();
        other.sign_in(outsider).await;
        let res = other.client.get(app.url(&path)).send().await.expect("GET");
        assert_eq!(res.status(), 404, "{outsider}");
        let (status, page) = html(&other.client, &app, &format!("/visits/{visit}")).await;
        assert_eq!(status, 404, "{outsider}");
        assert!(!page.contains("Water under the sink"), "{outsider}");
        assert_eq!(
            send(&other.client, &app, message(&visit, "Hi", "", &[])).await,
            (404, Some("not_found".into())),
            "{outsider}"
        );
    }
    assert_eq!(count_of(&app, "SELECT COUNT(*) FROM messages").await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_javascript_the_form_posts_and_a_refusal_keeps_what_was_typed() {
    let app = spawn_app().await;
    let (visit, _) = visit_with_technician(&app).await;
    let page = format!("/visits/{visit}");
    let post = |body: String| {
        app.client
            .post(app.url("/api/send-message"))
            .header(ACCEPT, "text/html")
            .header(REFERER, app.url(&page))
            .multipart(message(&visit, &body, "k-plain", &[]))
            .send()
    };
    // Too long: back to the page, with the reason and every character typed.
    let long = format!("Please{}", " x".repeat(1000));
    let res = post(long.clone()).await.expect("POST");
    assert_eq!(res.status(), 302);
    let back = location_path(&res, &app.url(""));
    let (_, refused) = html(&app.client, &app, &back).await;
    assert!(refused.contains("2000"), "the reason: {refused}");
    assert!(refused.contains(&long), "what was typed is kept");
    assert_eq!(count_of(&app, "SELECT COUNT(*) FROM messages").await, 0);
    // Empty, without photos: refused as required.
    let res = post("   ".into()).await.expect("POST");
    assert_eq!(res.status(), 302);
    assert_eq!(count_of(&app, "SELECT COUNT(*) FROM messages").await, 0);

    // Sent: back on the visit's thread, and the message is there on reload.
    let res = post("Gate code changed".into()).await.expect("POST");
    assert_eq!(res.status(), 302);
    assert_eq!(location_path(&res, &app.url("")), format!("{page}#thread"));
    let (_, shown) = html(&app.client, &app, &page).await;
    assert!(shown.contains("Gate code changed"), "{shown}");
    // The same form posted twice (a double click, a retry) is one message.
    let res = post("Gate code changed".into()).await.expect("POST");
    assert_eq!(res.status(), 302);
    assert_eq!(count_of(&app, "SELECT COUNT(*) FROM messages").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn messages_go_to_the_technician_on_the_way_and_a_finished_job_is_read_only_for_them() {
    let app = spawn_app().await;
    let (visit, tech) = visit_with_technician(&app).await;
    set_status(&app, &visit, "en_route").await;
    sends(&app.client, &app, &visit, "Park in the yard", "a").await;
    assert_eq!(waiting_on(&app, &visit).await, "technician");
    set_status(&app, &visit, "completed").await;
    assert_eq!(
        send(&tech.client, &app, message(&visit, "Done", "b", &[])).await,
        (403, Some("forbidden".into()))
    );
    let (status, page) = html(&tech.client, &app, &format!("/visits/{visit}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Park in the yard"));
    assert!(page.contains("no longer write"), "{page}");
    // The customer still writes (after the visit is when questions come).
    sends(&app.client, &app, &visit, "Thank you", "c").await;
    assert_eq!(waiting_on(&app, &visit).await, "office");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_support_thread_is_the_accounts_and_the_offices_only() {
    let app = spawn_app().await;
    app.sign_in("ana@example.com").await;
    let (account,): (i64,) = sqlx::query_as(
        "SELECT m.account_id FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE u.email = 'ana@example.com'",
    )
    .fetch_one(app.store.pool())
    .await
    .expect("account");
    let account = doorstep::ids::AccountRef::from_id(account).to_string();
    let (status, page) = html(&app.client, &app, "/messages").await;
    assert_eq!(status, 200);
    assert!(page.contains("Conversation with the office"), "{page}");
    assert_eq!(
        send(
            &app.client,
            &app,
            message(
                &account,
                "Can I get last month's invoice?",
                "s1",
                &[png(64, 64)]
            )
        )
        .await,
        (200, None)
    );
    let photo = token_of_last_photo(&app).await;

    let office = app.other_browser();
    office.sign_in("dispatch@example.com").await;
    let (status, page) = html(&office.client, &app, &format!("/messages/{account}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("last month's invoice"), "{page}");
    sends(&office.client, &app, &account, "Sent it by mail.", "o1").await;
    assert_eq!(
        office
            .client
            .get(app.url(&format!("/files/{photo}")))
            .send()
            .await
            .expect("GET")
            .status(),
        200
    );

    for outsider in ["facilities@example.com", "tomas@example.com"] {
        let other = app.other_browser();
        other.sign_in(outsider).await;
        let (status, page) = html(&other.client, &app, &format!("/messages/{account}")).await;
        assert_eq!(status, 404, "{outsider}");
        assert!(!page.contains("last month's invoice"), "{outsider}");
        let res = other
            .client
            .get(app.url(&format!("/files/{photo}")))
            .send()
            .await
            .expect("GET");
        assert_eq!(res.status(), 404, "{outsider}");
        assert_eq!(
            send(&other.client, &app, message(&account, "Hi", "", &[]))
                .await
                .0,
            404,
            "{outsider}"
        );
    }
    // Facilities' own support thread is theirs and empty.
    let other = app.other_browser();
    other.sign_in("facilities@example.com").await;
    let (status, page) = html(&other.client, &app, "/messages").await;
    assert_eq!(status, 200);
    assert!(page.contains("No messages yet."), "{page}");
    // Ana reads the answer; the unread count went with it.
    let (_, home) = html(&app.client, &app, "/").await;
    assert!(home.contains("Messages (1 unread)"), "{home}");
    let (_, page) = html(&app.client, &app, "/messages").await;
    assert!(page.contains("Sent it by mail."));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_reaches_the_live_streams_of_its_members_only() {
    let app = spawn_app().await;
    let (visit, tech) = visit_with_technician(&app).await;
    let stranger = app.other_browser();
    stranger.sign_in("facilities@example.com").await;
    let mut ana_live = crate::events::Live::open(&app.client, &app.url(""), None).await;
    let mut tech_live = crate::events::Live::open(&tech.client, &app.url(""), None).await;
    let mut stranger_live = crate::events::Live::open(&stranger.client, &app.url(""), None).await;
    sends(&app.client, &app, &visit, "Hello", "live-1").await;
    let wait = std::time::Duration::from_secs(3);
    for live in [&mut ana_live, &mut tech_live] {
        let (_, data) = live.next(wait).await.expect("an event");
        assert_eq!(data["kind"], "message");
        assert_eq!(data["visit"], id_of(&visit));
        assert!(
            data.get("body").is_none(),
            "the text never travels on the stream"
        );
    }
    // Tomás reads it: Ana's stream says so.
    let _ = html(&tech.client, &app, &format!("/visits/{visit}")).await;
    let (_, data) = ana_live.next(wait).await.expect("seen");
    assert_eq!(data["kind"], "seen");
    assert!(
        stranger_live
            .drain(std::time::Duration::from_millis(500))
            .await
            .is_empty()
    );
    // A support message names its account (the office's pages follow one account's).
    let (account,): (i64,) = sqlx::query_as("SELECT account_id FROM jobs WHERE id = $1")
        .bind(id_of(&visit))
        .fetch_one(app.store.pool())
        .await
        .expect("account");
    let support = doorstep::ids::AccountRef::from_id(account).to_string();
    // His own read of the visit's thread is news on his stream too.
    tech_live.drain(std::time::Duration::from_millis(300)).await;
    sends(&app.client, &app, &support, "A question", "live-2").await;
    let (_, data) = ana_live.next(wait).await.expect("support message");
    assert_eq!(data["kind"], "message");
    assert_eq!(data["account"], account);
    assert!(data["visit"].is_null(), "{data}");
    assert!(
        tech_live
            .drain(std::time::Duration::from_millis(500))
            .await
            .is_empty(),
        "technicians are not in support threads"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_office_inbox_lists_takes_and_times_the_first_answer() {
    let app = spawn_app().await;
    let (visit, _) = visit_with_technician(&app).await;
    sends(&app.client, &app, &visit, "Can you bring a ladder?", "i1").await;
    let office = app.other_browser();
    office.sign_in("dispatch@example.com").await;
    let admin = app.other_browser();
    admin.sign_in("admin@example.com").await;

    let (status, inbox) = html(&office.client, &app, "/office/inbox").await;
    assert_eq!(status, 200);
    assert!(inbox.contains("Unassigned (1)"), "{inbox}");
    assert!(inbox.contains(&format!("visit {visit}")), "{inbox}");
    assert!(inbox.contains("Waiting for a first answer for"), "{inbox}");
    assert!(
        inbox.contains("Inbox (1 unread)"),
        "the navigation counts it: {inbox}"
    );

    // The dispatcher takes it (the plain form): it leaves the unassigned list for theirs,
    // and the admin no longer counts it.
    let (dispatcher,): (i64,) =
        sqlx::query_as("SELECT id FROM users WHERE email = 'dispatch@example.com'")
            .fetch_one(app.store.pool())
            .await
            .expect("dispatcher");
    let me = doorstep::ids::UserRef::from_id(dispatcher).to_string();
    let res = office
        .client
        .post(app.url("/api/assign-thread"))
        .header(ACCEPT, "text/html")
        .header(REFERER, app.url("/office/inbox"))
        .form(&[
            ("thread", visit.as_str()),
            ("to", me.as_str()),
            ("back", "unassigned"),
        ])
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 302);
    assert_eq!(
        location_path(&res, &app.url("")),
        "/office/inbox?show=unassigned"
    );
    let (_, inbox) = html(&office.client, &app, "/office/inbox").await;
    assert!(inbox.contains("Nothing waits on the office."), "{inbox}");
    let (_, mine) = html(&office.client, &app, "/office/inbox?show=mine").await;
    assert!(mine.contains(&format!("visit {visit}")), "{mine}");
    let (_, admin_home) = html(&admin.client, &app, "/office/inbox").await;
    assert!(!admin_home.contains("Inbox (1 unread)"), "{admin_home}");
    assert_eq!(
        count_of(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'thread_assigned'"
        )
        .await,
        1
    );

    // Nobody outside the office takes it, nor is it given to them.
    let tech_ref = {
        let (id,): (i64,) =
            sqlx::query_as("SELECT id FROM users WHERE email = 'tomas@example.com'")
                .fetch_one(app.store.pool())
                .await
                .expect("tomas");
        doorstep::ids::UserRef::from_id(id).to_string()
    };
    let res = office
        .client
        .post(app.url("/api/assign-thread"))
        .header(ACCEPT, "application/json")
        .form(&[("thread", visit.as_str()), ("to", tech_ref.as_str())])
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 404);

    // The answer: waiting on the customer, with the time the first answer took.
    sends(&office.client, &app, &visit, "Yes, we will.", "o1").await;
    let (_, waiting) = html(&office.client, &app, "/office/inbox?show=waiting").await;
    assert!(waiting.contains("Waiting on the customer (1)"), "{waiting}");
    assert!(waiting.contains("First answer after"), "{waiting}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn canned_replies_are_offered_in_the_customers_language() {
    let app = spawn_app().await;
    let (visit, _) = visit_with_technician(&app).await;
    let office = app.other_browser();
    office.sign_in("dispatch@example.com").await;
    let add = |locale: &'static str, title: &'static str, body: &'static str| {
        office
            .client
            .post(app.url("/api/add-canned-reply"))
            .header(ACCEPT, "application/json")
            .form(&[("locale", locale), ("title", title), ("body", body)])
            .send()
    };
    assert_eq!(
        add("en", "Ladder", "We will bring a ladder.")
            .await
            .expect("POST")
            .status(),
        200
    );
    assert_eq!(
        add("es", "Escalera", "Traeremos una escalera.")
            .await
            .expect("POST")
            .status(),
        200
    );
    // Refused with the reasons, nothing kept.
    let res = add("xx", "", "Hi").await.expect("POST");
    assert_eq!(res.status(), 400);
    let body: serde_json::Value = res.json().await.expect("json");
    let fields: Vec<&str> = body["problems"]
        .as_array()
        .map(|p| p.iter().filter_map(|p| p["field"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(fields, vec!["locale", "title"], "{body}");
    assert_eq!(
        count_of(&app, "SELECT COUNT(*) FROM canned_replies").await,
        2
    );
    // A customer keeps none.
    let res = app
        .call(
            "/api/add-canned-reply",
            &[("locale", "en"), ("title", "x"), ("body", "y")],
        )
        .await;
    assert_eq!(res.status(), 403);

    // Ana reads English: her visit's thread offers the English reply, and picking it fills
    // the message in.
    let page = format!("/visits/{visit}");
    let (_, shown) = html(&office.client, &app, &page).await;
    assert!(shown.contains(">Ladder</a>"), "{shown}");
    assert!(!shown.contains("Escalera"), "{shown}");
    let (ladder,): (i64,) = sqlx::query_as("SELECT id FROM canned_replies WHERE title = 'Ladder'")
        .fetch_one(app.store.pool())
        .await
        .expect("ladder");
    let (_, picked) = html(&office.client, &app, &format!("{page}?reply={ladder}")).await;
    assert!(
        picked.contains(">We will bring a ladder.</textarea>"),
        "{picked}"
    );
    // In Spanish, the Spanish one.
    app.execute("UPDATE users SET locale = 'es' WHERE email = 'ana@example.com'")
        .await;
    let (_, shown) = html(&office.client, &app, &page).await;
    assert!(shown.contains(">Escalera</a>"), "{shown}");
    assert!(!shown.contains(">Ladder</a>"), "{shown}");

    // Removed once; a second time it is not there.
    for expected in [200, 404] {
        let res = office
            .client
            .post(app.url("/api/remove-canned-reply"))
            .header(ACCEPT, "application/json")
            .form(&[("reply", ladder.to_string())])
            .send()
            .await
            .expect("POST");
        assert_eq!(res.status(), expected);
    }
}

/// Runs every unread-message task now, as if its time had come, until none is left.
async fn run_unread_mail(app: &TestApp) {
    use doorstep::services::conversations::UNREAD_MAIL;
    app.execute(&format!(
        "UPDATE background_tasks SET run_at = 0 WHERE kind = '{UNREAD_MAIL}' AND state = 'pending'"
    ))
    .await;
    while app.tasks.run_once().await.expect("run").is_some() {}
    for _ in 0..100 {
        let pending = count_of(
            app,
            &format!(
                "SELECT COUNT(*) FROM background_tasks WHERE kind = '{UNREAD_MAIL}' \
                 AND state IN ('pending', 'running')"
            ),
        )
        .await;
        if pending == 0 {
            let failed = count_of(
                app,
                &format!(
                    "SELECT COUNT(*) FROM background_tasks WHERE kind = '{UNREAD_MAIL}' \
                     AND state = 'failed'"
                ),
            )
            .await;
            assert_eq!(failed, 0, "an unread-message task failed");
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("unread-message tasks still pending");
}

/// The addresses and arguments of the unread-message mails, in order.
async fn waiting_mails(app: &TestApp) -> Vec<(String, String, String)> {
    sqlx::query_as(
        "SELECT to_address, locale, args FROM mail_messages WHERE template = 'message-waiting' \
         ORDER BY id",
    )
    .fetch_all(app.store.pool())
    .await
    .expect("mail")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_left_unread_is_mailed_once_in_the_readers_language() {
    let app = spawn_app().await;
    let (visit, tech) = visit_with_technician(&app).await;
    // Ana chose no language: she reads the business's (set to German here).
    app.execute("UPDATE users SET locale = NULL WHERE email = 'ana@example.com'")
        .await;
    app.execute("UPDATE business_settings SET default_locale = 'de'")
        .await;
    let technician = technician_of(&app, &visit).await;
    // The technician writes twice; Ana reads neither: one mail, in German, about the first.
    for (text, key) in [("Ich komme um zehn.", "t1"), ("Bitte Hund anleinen.", "t2")] {
        sends(&tech.client, &app, &visit, text, key).await;
    }
    assert_eq!(
        count_of(
            &app,
            "SELECT COUNT(*) FROM background_tasks WHERE kind = 'message.unread'"
        )
        .await,
        2,
        "one task per message, due later"
    );
    run_unread_mail(&app).await;
    let mails = waiting_mails(&app).await;
    assert_eq!(mails.len(), 1, "{mails:?}");
    let (to, locale, args) = &mails[0];
    assert_eq!(to, "ana@example.com");
    assert_eq!(locale, "de");
    assert!(args.contains(&visit) && args.contains("#thread"), "{args}");
    assert!(
        !args.contains("Ich komme"),
        "the text stays in the portal: {args}"
    );

    // Ana reads, and answers after the job is on its way: the technician is mailed, not the
    // office; read in time, nobody is.
    let _ = html(&app.client, &app, &format!("/visits/{visit}")).await;
    set_status(&app, &visit, "en_route").await;
    sends(&app.client, &app, &visit, "Gate is open", "a1").await;
    run_unread_mail(&app).await;
    let mails = waiting_mails(&app).await;
    assert_eq!(mails.len(), 2, "{mails:?}");
    assert_eq!(mails[1].0, technician);
    sends(&app.client, &app, &visit, "Thanks!", "a2").await;
    let _ = html(&tech.client, &app, &format!("/visits/{visit}")).await;
    run_unread_mail(&app).await;
    assert_eq!(waiting_mails(&app).await.len(), 2, "read in time: no mail");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reading_a_thread_never_holds_two_connections_at_once() {
    // With one connection in the pool, a page that held one while asking for another would
    // wait for itself (under load, many requests wait for each other that way).
    let app =
        crate::helpers::spawn_configured(true, &[("DOORSTEP_DATABASE_MAX_CONNECTIONS", "1")]).await;
    let (visit, tech) = visit_with_technician(&app).await;
    sends(&app.client, &app, &visit, "One at a time", "c1").await;
    let started = std::time::Instant::now();
    let (status, page) = html(&tech.client, &app, &format!("/visits/{visit}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("One at a time"));
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    let (_, ana) = html(&app.client, &app, &format!("/visits/{visit}")).await;
    assert!(ana.contains("Seen by"), "{ana}");
}
