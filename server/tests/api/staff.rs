//! Staff management: an admin invites someone who joins by the mailed link, changes roles
//! (the business keeps an active admin), and deactivates someone, whose sessions end at
//! once, until reactivated.

use crate::helpers::{call_as as call, mailed_link, spawn_app, token_of};
use serde_json::Value;

const GOOD_PASSWORD: &str = "violet kettle marches north";

fn member<'a>(list: &'a Value, email: &str) -> &'a Value {
    list.as_array()
        .expect("list")
        .iter()
        .find(|m| m["email"] == email)
        .expect("listed")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_invites_changes_roles_and_deactivates_staff() {
    let app = spawn_app().await;
    app.sign_in("admin@example.com").await;
    let admin = app.client.clone();
    let dispatcher = app.other_browser();
    dispatcher.sign_in("dispatch@example.com").await;
    assert_eq!(call(&dispatcher.client, &app, "staff", &[]).await.0, 403);
    let (status, list) = call(&admin, &app, "staff", &[]).await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(member(&list, "admin@example.com")["you"], true);

    // Mistakes named, typed values kept; a known address is taken.
    let (status, body) = call(
        &admin,
        &app,
        "invite-staff",
        &[
            ("name", ""),
            ("email", "ana@example.com"),
            ("role", "owner"),
        ],
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains("\"name\"") && body.to_string().contains("\"role\""));
    let (status, body) = call(
        &admin,
        &app,
        "invite-staff",
        &[
            ("name", "Ana"),
            ("email", "ana@example.com"),
            ("role", "technician"),
        ],
    )
    .await;
    assert_eq!(status, 400);
    assert!(body.to_string().contains("taken"), "{body}");

    // Nora is invited as a technician and joins by the link.
    let (status, body) = call(
        &admin,
        &app,
        "invite-staff",
        &[
            ("name", "Nora Nowak"),
            ("email", "nora@example.com"),
            ("role", "technician"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (_, list) = call(&admin, &app, "staff", &[]).await;
    assert_eq!(member(&list, "nora@example.com")["pending"], true);
    let token = token_of(
        &mailed_link(&app, "nora@example.com", "invitation")
            .await
            .expect("mail"),
    );
    let page = app.get_html(&format!("/join?token={token}")).await;
    assert!(page.contains("Brightside Home Services"), "{page}");
    let nora = crate::helpers::client();
    let (status, body) = call(
        &nora,
        &app,
        "join-account",
        &[
            ("token", &token),
            ("name", "Nora Nowak"),
            ("password", GOOD_PASSWORD),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(call(&nora, &app, "technician-day", &[]).await.0, 200);
    assert_eq!(
        call(&nora, &app, "board", &[("day", "2026-12-07")]).await.0,
        403
    );

    // Made a dispatcher: her next request runs the board.
    let nora_ref = member(&list, "nora@example.com")["user"]
        .as_i64()
        .expect("id");
    let nora_ref = doorstep::ids::UserRef::from_id(nora_ref).to_string();
    let (status, _) = call(
        &admin,
        &app,
        "set-staff-role",
        &[("user", &nora_ref), ("role", "dispatcher")],
    )
    .await;
    assert_eq!(status, 200);
    assert_ne!(
        call(&nora, &app, "board", &[("day", "2026-12-07")]).await.0,
        403
    );

    // Deactivated: signed out at once, and no sign-in until reactivated.
    let (status, _) = call(
        &admin,
        &app,
        "set-staff-active",
        &[("user", &nora_ref), ("active", "false")],
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(call(&nora, &app, "staff-home", &[]).await.0, 401);
    let again = crate::helpers::client();
    let (status, _) = call(
        &again,
        &app,
        "sign-in",
        &[("email", "nora@example.com"), ("password", GOOD_PASSWORD)],
    )
    .await;
    assert_eq!(status, 401);
    let (status, _) = call(
        &admin,
        &app,
        "set-staff-active",
        &[("user", &nora_ref), ("active", "true")],
    )
    .await;
    assert_eq!(status, 200);
    let (status, _) = call(
        &again,
        &app,
        "sign-in",
        &[("email", "nora@example.com"), ("password", GOOD_PASSWORD)],
    )
    .await;
    assert_eq!(status, 200);

    // The only admin neither steps down nor deactivates themselves; customers are no staff.
    let me = member(&list, "admin@example.com")["user"]
        .as_i64()
        .expect("id");
    let me = doorstep::ids::UserRef::from_id(me).to_string();
    let (status, body) = call(
        &admin,
        &app,
        "set-staff-role",
        &[("user", &me), ("role", "dispatcher")],
    )
    .await;
    assert_eq!((status, body["error"].as_str()), (409, Some("last_admin")));
    assert_eq!(
        call(
            &admin,
            &app,
            "set-staff-active",
            &[("user", &me), ("active", "false")]
        )
        .await
        .0,
        400
    );
    let (_, people) = call(&admin, &app, "staff", &[]).await;
    assert!(people.to_string().contains("admin@example.com"));
    let ana = doorstep::ids::UserRef::from_id(
        crate::helpers::count_of(&app, "SELECT id FROM users WHERE email = 'ana@example.com'")
            .await,
    )
    .to_string();
    assert_eq!(
        call(
            &admin,
            &app,
            "set-staff-active",
            &[("user", &ana), ("active", "false")]
        )
        .await
        .0,
        404
    );
}
