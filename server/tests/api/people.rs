//! Creating staff and loading demo data: all or nothing, audited, announced.

use crate::helpers::{spawn_app, spawn_app_with};
use doorstep::email::Email;
use doorstep::password::Password;
use doorstep::permissions::Role;
use doorstep::services::people::{CreateStaffError, create_staff};
use doorstep::store::audit;

fn password() -> Password {
    Password::parse_new("a long enough password".into()).expect("password")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn creating_an_admin_writes_the_user_an_audit_entry_and_an_event() {
    let app = spawn_app_with(false).await;
    let email = Email::parse("boss@example.com").expect("email");
    let user = create_staff(&app.store, &email, "Bo Boss", password(), Role::Admin, None)
        .await
        .expect("created");
    let mut conn = app.store.conn().await.expect("conn");
    let events = audit::unpublished(&mut conn, 10).await.expect("outbox");
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].topic, "user.created");
    assert!(events[0].payload.contains(&user.to_string()));
    let log = audit::latest(&mut conn, 10).await.expect("audit");
    assert_eq!(log[0].action, "staff_created");
    drop(conn);
    let res = app
        .post_form(
            "/api/sign-in",
            "/sign-in",
            &[
                ("email", "boss@example.com"),
                ("password", "a long enough password"),
            ],
        )
        .await;
    assert_eq!(
        crate::helpers::location(&res),
        "/",
        "the new admin can sign in"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_taken_email_is_refused_and_nothing_is_written() {
    let app = spawn_app().await;
    let email = Email::parse("ADMIN@example.com").expect("email");
    let err = create_staff(&app.store, &email, "Again", password(), Role::Admin, None)
        .await
        .expect_err("taken");
    assert!(matches!(err, CreateStaffError::EmailTaken), "{err:?}");
    let mut conn = app.store.conn().await.expect("conn");
    assert!(
        audit::unpublished(&mut conn, 10)
            .await
            .expect("outbox")
            .is_empty()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_data_goes_only_into_an_empty_database() {
    let app = spawn_app().await;
    let err = doorstep::services::demo::load(&app.store)
        .await
        .expect_err("not empty");
    assert!(matches!(err, doorstep::services::demo::DemoError::NotEmpty));
}
