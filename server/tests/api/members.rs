//! The people of a customer account: the owner's grid of who may see, book and pay where,
//! enforced in every page, list, file, notification and live stream, and changed at once;
//! roles, removal (sessions end), and inviting someone who joins by a mailed link.
//!
//! The demo's company account: Frieda owns it; Oskar may do everything at its three
//! offices; Rita sees and books for the head office only.

use crate::helpers::{TestApp, call_as as call, count_of, mailed_link, spawn_app, token_of};
use reqwest::Client;

const FRIEDA: &str = "facilities@example.com";
const OSKAR: &str = "office@example.com";
const RITA: &str = "reception@example.com";
const GOOD_PASSWORD: &str = "violet kettle marches north";

/// A signed-in browser of its own.
async fn browser(app: &TestApp, email: &str) -> Client {
    let other = app.other_browser();
    other.sign_in(email).await;
    other.client
}

async fn location_id(app: &TestApp, label: &str) -> String {
    let id = count_of(
        app,
        &format!("SELECT id FROM locations WHERE label = '{label}'"),
    )
    .await;
    doorstep::ids::LocationRef::from_id(id).to_string()
}

/// The labels of the places a customer's home lists.
async fn home_places(client: &Client, app: &TestApp) -> Vec<String> {
    let (status, home) = call(client, app, "customer-home", &[]).await;
    assert_eq!(status, 200, "{home}");
    home["locations"]
        .as_array()
        .expect("locations")
        .iter()
        .map(|l| l["label"].as_str().expect("label").to_string())
        .collect()
}

/// A problem report with one photo at `place`, as `client`; the request's reference and the
/// photo's address.
pub(crate) async fn report_with_photo(
    client: &Client,
    app: &TestApp,
    place: &str,
) -> (String, String) {
    let photo = reqwest::multipart::Part::bytes(crate::problems::png(400, 300))
        .file_name("leak.png")
        .mime_str("image/png")
        .expect("mime");
    let form = reqwest::multipart::Form::new()
        .text("location", place.to_string())
        .text("category", "leak")
        .text("description", "Water under the sink")
        .text("priority", "normal")
        .text("acknowledged", "yes")
        .part("photos", photo);
    let res = client
        .post(app.url("/api/report-problem"))
        .header("accept", "application/json")
        .multipart(form)
        .send()
        .await
        .expect("POST");
    assert_eq!(
        res.status(),
        200,
        "{}",
        res.text().await.unwrap_or_default()
    );
    let request = count_of(app, "SELECT MAX(id) FROM service_requests").await;
    let (token,): (String,) =
        sqlx::query_as("SELECT token FROM files WHERE request_id = $1 ORDER BY id LIMIT 1")
            .bind(request)
            .fetch_one(app.store.pool())
            .await
            .expect("file");
    (format!("RQ-{request:06}"), format!("/files/{token}"))
}

async fn get_status(client: &Client, app: &TestApp, path: &str) -> u16 {
    client
        .get(app.url(path))
        .send()
        .await
        .expect("GET")
        .status()
        .as_u16()
}

/// A demo visit at `place` still to come.
async fn visit_at(app: &TestApp, place: &str) -> String {
    let id = doorstep::ids::LocationRef::parse(place)
        .expect("place")
        .id();
    let job = count_of(
        app,
        &format!(
            "SELECT MIN(id) FROM jobs WHERE location_id = {id} AND status <> 'cancelled' \
             AND planned_start > {}",
            jiff::Timestamp::now().as_second()
        ),
    )
    .await;
    doorstep::ids::VisitRef::from_id(job).to_string()
}

fn grid_box(person: &str, place: &str, right: &str) -> String {
    format!("rights[{person}:{place}:{right}]")
}

async fn user_ref(app: &TestApp, email: &str) -> String {
    let id = count_of(
        app,
        &format!("SELECT id FROM users WHERE email = '{email}'"),
    )
    .await;
    doorstep::ids::UserRef::from_id(id).to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_sees_and_books_only_where_the_owner_lets_them() {
    let app = spawn_app().await;
    let head = location_id(&app, "Head office").await;
    let warehouse = location_id(&app, "Warehouse").await;
    let (frieda, oskar, rita) = (
        browser(&app, FRIEDA).await,
        browser(&app, OSKAR).await,
        browser(&app, RITA).await,
    );
    assert_eq!(home_places(&frieda, &app).await.len(), 3);
    assert_eq!(home_places(&oskar, &app).await.len(), 3);
    assert_eq!(
        home_places(&rita, &app).await,
        vec!["Head office".to_string()]
    );

    // Booking offers Rita only the head office; the warehouse is not hers to ask about.
    let (_, options) = call(&rita, &app, "booking-options", &[]).await;
    let offered: Vec<i64> = options["locations"]
        .as_array()
        .expect("locations")
        .iter()
        .map(|l| l["location"].as_i64().expect("id"))
        .collect();
    let head_id = doorstep::ids::LocationRef::parse(&head).expect("ref").id();
    assert_eq!(offered, vec![head_id], "{options}");
    for (endpoint, fields) in [
        (
            "booking-calendar",
            vec![("location", warehouse.as_str()), ("service", "SV-000001")],
        ),
        (
            "send-request",
            vec![
                ("location", warehouse.as_str()),
                ("kind", "callback"),
                ("notes", "Hi"),
            ],
        ),
        ("location", vec![("location", warehouse.as_str())]),
    ] {
        let (status, body) = call(&rita, &app, endpoint, &fields).await;
        assert_eq!(status, 404, "{endpoint}: {body}");
    }
    // She may ask for a call back about the head office.
    let (status, body) = call(
        &rita,
        &app,
        "send-request",
        &[("location", &head), ("kind", "callback"), ("notes", "Hi")],
    )
    .await;
    assert_eq!(status, 200, "{body}");

    // Oskar's report about the warehouse, its photo and a warehouse visit: nothing for Rita.
    let (request, photo) = report_with_photo(&oskar, &app, &warehouse).await;
    let visit = visit_at(&app, &warehouse).await;
    assert_eq!(
        call(&frieda, &app, "request", &[("request", &request)])
            .await
            .0,
        200
    );
    assert_eq!(
        call(&rita, &app, "request", &[("request", &request)])
            .await
            .0,
        404
    );
    assert_eq!(get_status(&frieda, &app, &photo).await, 200);
    assert_eq!(get_status(&rita, &app, &photo).await, 404);
    assert_eq!(
        call(&frieda, &app, "visit", &[("visit", &visit)]).await.0,
        200
    );
    assert_eq!(
        call(&rita, &app, "visit", &[("visit", &visit)]).await.0,
        404
    );
    let page = rita
        .get(app.url(&format!("/visits/{visit}")))
        .header("accept", "text/html")
        .send()
        .await
        .expect("GET");
    assert_eq!(page.status(), 404);

    // The office cancels the warehouse visit: the owner and Oskar are told, Rita is not.
    let office = browser(&app, "dispatch@example.com").await;
    let (status, body) = call(
        &office,
        &app,
        "cancel-visit",
        &[("visit", &visit), ("reason", "Van broke down")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let told = |email: &str| {
        format!(
            "SELECT COUNT(*) FROM notifications n JOIN users u ON u.id = n.user_id \
             WHERE u.email = '{email}' AND n.kind = 'cancelled'"
        )
    };
    assert_eq!(count_of(&app, &told(FRIEDA)).await, 1);
    assert_eq!(count_of(&app, &told(OSKAR)).await, 1);
    assert_eq!(count_of(&app, &told(RITA)).await, 0);

    // A member adds no places, and changes only those they may book for.
    let place = [
        ("fields[label]", "Annex"),
        ("fields[line1]", "Friedrichstraße 70"),
        ("fields[postal_code]", "10117"),
        ("fields[city]", "Berlin"),
        ("fields[country]", "DE"),
    ];
    let mut adding = vec![("location", "")];
    adding.extend(place);
    assert_eq!(call(&oskar, &app, "save-location", &adding).await.0, 404);
    let mut changing = vec![("location", warehouse.as_str())];
    changing.extend(place);
    assert_eq!(call(&rita, &app, "save-location", &changing).await.0, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_owners_grid_takes_effect_at_once_and_is_all_or_nothing() {
    let app = spawn_app().await;
    let head = location_id(&app, "Head office").await;
    let warehouse = location_id(&app, "Warehouse").await;
    let frieda = browser(&app, FRIEDA).await;
    let rita = browser(&app, RITA).await;
    let (rita_ref, oskar_ref) = (user_ref(&app, RITA).await, user_ref(&app, OSKAR).await);

    let (status, people) = call(&frieda, &app, "account-people", &[]).await;
    assert_eq!(status, 200, "{people}");
    assert_eq!(people["people"].as_array().expect("people").len(), 3);
    assert_eq!(people["locations"].as_array().expect("places").len(), 3);

    // Rita may now see the warehouse (not book there); Oskar only the head office.
    let grid = [
        grid_box(&rita_ref, &head, "book"),
        grid_box(&rita_ref, &warehouse, "view"),
        grid_box(&oskar_ref, &head, "pay"),
    ];
    let fields: Vec<(&str, &str)> = grid.iter().map(|k| (k.as_str(), "on")).collect();
    let (status, body) = call(&frieda, &app, "save-rights", &fields).await;
    assert_eq!(status, 200, "{body}");
    let mut places = home_places(&rita, &app).await;
    places.sort();
    assert_eq!(
        places,
        vec!["Head office".to_string(), "Warehouse".to_string()]
    );
    let (status, _) = call(
        &rita,
        &app,
        "booking-calendar",
        &[("location", &warehouse), ("service", "SV-000001")],
    )
    .await;
    assert_eq!(status, 404, "seeing is not booking");
    // The warehouse's page is hers to read, not to change; the head office's to change.
    let page = |path: String| {
        let rita = rita.clone();
        let url = app.url(&path);
        async move {
            let res = rita
                .get(url)
                .header("accept", "text/html")
                .send()
                .await
                .expect("GET");
            assert_eq!(res.status(), 200, "{path}");
            res.text().await.expect("html")
        }
    };
    let read_only = page(format!("/locations/{warehouse}")).await;
    assert!(read_only.contains("You may see this place"), "{read_only}");
    assert!(!read_only.contains("/api/save-location"), "no form to save");
    let changeable = page(format!("/locations/{head}")).await;
    assert!(changeable.contains("/api/save-location"), "{changeable}");
    let oskar = browser(&app, OSKAR).await;
    assert_eq!(
        home_places(&oskar, &app).await,
        vec!["Head office".to_string()]
    );
    assert_eq!(
        count_of(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'rights_changed'"
        )
        .await,
        1
    );

    // Taken away again: her very next request no longer sees it.
    let only_head = [grid_box(&rita_ref, &head, "view")];
    let fields: Vec<(&str, &str)> = only_head.iter().map(|k| (k.as_str(), "on")).collect();
    assert_eq!(call(&frieda, &app, "save-rights", &fields).await.0, 200);
    assert_eq!(
        home_places(&rita, &app).await,
        vec!["Head office".to_string()]
    );

    // A grid naming someone or somewhere outside the account changes nothing at all.
    let before = count_of(&app, "SELECT COUNT(*) FROM location_rights").await;
    let ana_home = "LO-000001";
    let ana = user_ref(&app, "ana@example.com").await;
    for bad in [
        vec![
            grid_box(&rita_ref, &warehouse, "book"),
            grid_box(&rita_ref, ana_home, "view"),
        ],
        vec![
            grid_box(&rita_ref, &warehouse, "book"),
            grid_box(&ana, &head, "view"),
        ],
        vec![grid_box(&rita_ref, &warehouse, "admin")],
        vec![format!("rights[{rita_ref}:{warehouse}]")],
    ] {
        let fields: Vec<(&str, &str)> = bad.iter().map(|k| (k.as_str(), "on")).collect();
        let (status, body) = call(&frieda, &app, "save-rights", &fields).await;
        assert!(matches!(status, 400 | 404), "{bad:?}: {status} {body}");
    }
    assert_eq!(
        count_of(&app, "SELECT COUNT(*) FROM location_rights").await,
        before
    );
    assert_eq!(
        home_places(&rita, &app).await,
        vec!["Head office".to_string()]
    );

    // Members do not manage people; nor does another account's owner reach these.
    assert_eq!(call(&rita, &app, "account-people", &[]).await.0, 403);
    let ana_browser = browser(&app, "ana@example.com").await;
    let fields = [(grid_box(&rita_ref, &head, "view"), "on")];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(
        call(&ana_browser, &app, "save-rights", &fields).await.0,
        404
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn roles_change_the_last_owner_stays_and_a_removed_person_is_signed_out() {
    let app = spawn_app().await;
    let frieda = browser(&app, FRIEDA).await;
    let oskar = browser(&app, OSKAR).await;
    let (frieda_ref, oskar_ref) = (user_ref(&app, FRIEDA).await, user_ref(&app, OSKAR).await);

    // Frieda is the only owner: she cannot step down or leave.
    for (endpoint, fields) in [
        (
            "set-member-role",
            vec![("user", frieda_ref.as_str()), ("role", "member")],
        ),
        ("remove-member", vec![("user", frieda_ref.as_str())]),
    ] {
        let (status, body) = call(&frieda, &app, endpoint, &fields).await;
        assert_eq!(status, 409, "{endpoint}: {body}");
        assert_eq!(body["error"], "last_owner");
    }
    // Oskar becomes an owner (his rights go: owners may do all), then she may step down.
    let (status, body) = call(
        &frieda,
        &app,
        "set-member-role",
        &[("user", &oskar_ref), ("role", "owner")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(call(&oskar, &app, "account-people", &[]).await.0, 200);
    let (status, _) = call(
        &oskar,
        &app,
        "set-member-role",
        &[("user", &frieda_ref), ("role", "member")],
    )
    .await;
    assert_eq!(status, 200);
    // As a member without rights yet, Frieda sees no place.
    assert!(home_places(&frieda, &app).await.is_empty());

    // Oskar removes Frieda: her session ends at once.
    let (status, _) = call(&oskar, &app, "remove-member", &[("user", &frieda_ref)]).await;
    assert_eq!(status, 200);
    assert_eq!(call(&frieda, &app, "customer-home", &[]).await.0, 401);
    assert_eq!(
        count_of(
            &app,
            &format!(
                "SELECT COUNT(*) FROM sessions WHERE user_id = {}",
                doorstep::ids::UserRef::parse(&frieda_ref)
                    .expect("ref")
                    .id()
            )
        )
        .await,
        0
    );
    // Nobody outside the account is touched through it.
    let tomas = user_ref(&app, "tomas@example.com").await;
    assert_eq!(
        call(&oskar, &app, "remove-member", &[("user", &tomas)])
            .await
            .0,
        404
    );
    assert_eq!(
        call(
            &oskar,
            &app,
            "set-member-role",
            &[("user", &oskar_ref), ("role", "admin")]
        )
        .await
        .0,
        400
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invited_person_joins_with_the_rights_the_owner_chose() {
    let app = spawn_app().await;
    let head = location_id(&app, "Head office").await;
    let warehouse = location_id(&app, "Warehouse").await;
    let frieda = browser(&app, FRIEDA).await;
    let invite = |email: &'static str| {
        let view = grid_box("new", &warehouse, "view");
        let book = grid_box("new", &warehouse, "book");
        (email, view, book)
    };
    let (email, view, book) = invite("nina@example.com");
    let (status, body) = call(
        &frieda,
        &app,
        "invite-member",
        &[
            ("name", "Nina Night"),
            ("email", email),
            ("role", "member"),
            (&view, "on"),
            (&book, "on"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let link = mailed_link(&app, email, "invitation")
        .await
        .expect("mailed");
    assert!(link.contains("/join?token="), "{link}");
    let token = token_of(&link);
    // Pending: listed as invited, unable to sign in with any password.
    let (_, people) = call(&frieda, &app, "account-people", &[]).await;
    let nina = people["people"]
        .as_array()
        .expect("people")
        .iter()
        .find(|p| p["email"] == email)
        .expect("listed")
        .clone();
    assert_eq!(nina["pending"], true);

    // The page names the account and who invited; no-JS form.
    let page = app.get_html(&format!("/join?token={token}")).await;
    assert!(page.contains("Kiez Offices GmbH"), "{page}");
    assert!(page.contains("Frieda Facilities"));
    assert!(page.contains(r#"action="/api/join-account""#));

    // A weak or personal password is named, the name typed is kept, nothing changes.
    let newcomer = app.other_browser().client;
    for weak in ["password1234", "nina@example.com1"] {
        let (status, body) = call(
            &newcomer,
            &app,
            "join-account",
            &[("token", &token), ("name", "Nina N."), ("password", weak)],
        )
        .await;
        assert_eq!(status, 400, "{body}");
        assert_eq!(body["echo"]["name"], "Nina N.");
    }
    let (status, body) = call(
        &newcomer,
        &app,
        "join-account",
        &[
            ("token", &token),
            ("name", "Nina N."),
            ("password", GOOD_PASSWORD),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        home_places(&newcomer, &app).await,
        vec!["Warehouse".to_string()]
    );
    let (status, _) = call(
        &newcomer,
        &app,
        "booking-calendar",
        &[("location", &warehouse), ("service", "SV-000001")],
    )
    .await;
    assert_ne!(status, 404, "she may book at the warehouse");
    assert_eq!(
        call(
            &newcomer,
            &app,
            "booking-calendar",
            &[("location", &head), ("service", "SV-000001")]
        )
        .await
        .0,
        404
    );
    // Used once only; and she signs in with her password from now on.
    let (status, _) = call(
        &newcomer,
        &app,
        "join-account",
        &[
            ("token", &token),
            ("name", "X"),
            ("password", GOOD_PASSWORD),
        ],
    )
    .await;
    assert_eq!(status, 410);
    let res = app
        .other_browser()
        .client
        .post(app.url("/api/sign-in"))
        .header("accept", "application/json")
        .form(&[("email", email), ("password", GOOD_PASSWORD)])
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 200);

    // Someone already in, staff, another account's people, bad addresses: named, no mail.
    let mails = count_of(
        &app,
        "SELECT COUNT(*) FROM mail_messages WHERE template = 'invitation'",
    )
    .await;
    for (email, problem) in [
        (RITA, "already_member"),
        ("tomas@example.com", "cannot_join"),
        ("ana@example.com", "cannot_join"),
        ("not-an-address", "invalid_email"),
    ] {
        let (status, body) = call(
            &frieda,
            &app,
            "invite-member",
            &[("name", "Someone"), ("email", email), ("role", "member")],
        )
        .await;
        assert_eq!(status, 400, "{email}: {body}");
        assert!(body.to_string().contains(problem), "{email}: {body}");
        assert_eq!(body["echo"]["email"], email);
    }
    assert_eq!(
        count_of(
            &app,
            "SELECT COUNT(*) FROM mail_messages WHERE template = 'invitation'"
        )
        .await,
        mails
    );
    // A made-up invitation is not found.
    let page = app
        .client
        .get(app.url("/join?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
        .send()
        .await
        .expect("GET");
    assert_eq!(page.status(), 404);
}
