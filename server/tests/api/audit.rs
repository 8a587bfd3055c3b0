//! The audit log keeps who did what, from where, for good: the database refuses to change
//! or delete an entry, and the actor's reference outlives the person.

use crate::helpers::{DEMO_PASSWORD, spawn_app};
use doorstep::store::{audit, execute_raw};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_database_refuses_to_change_or_delete_audit_entries() {
    let app = spawn_app().await;
    app.sign_in("ana@example.com").await;
    let mut conn = app.store.conn().await.expect("conn");
    let before = audit::latest(&mut conn, 100).await.expect("audit");
    assert!(!before.is_empty());
    for sql in [
        "UPDATE audit_log SET action = 'nothing'",
        "DELETE FROM audit_log",
        "DELETE FROM audit_log WHERE action = 'sign_in'",
    ] {
        let err = execute_raw(&mut conn, sql).await.expect_err(sql);
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
    let after = audit::latest(&mut conn, 100).await.expect("audit");
    assert_eq!(before.len(), after.len());
    // New entries still arrive, with ids that only grow.
    drop(conn);
    app.sign_in("ana@example.com").await;
    let mut conn = app.store.conn().await.expect("conn");
    let newest = audit::latest(&mut conn, 1).await.expect("audit");
    assert!(newest[0].id > before[0].id);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_ins_are_audited_with_address_agent_and_request_and_outlive_the_person() {
    let app = spawn_app().await;
    let res = app
        .client
        .post(app.url("/api/sign-in"))
        .header("accept", "application/json")
        .header("user-agent", "AuditTest/1.0")
        .form(&[("email", "lena@example.com"), ("password", "wrong one")])
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 401);
    let request_id = res.headers()["x-request-id"]
        .to_str()
        .expect("ascii")
        .to_string();
    let res = app
        .client
        .post(app.url("/api/sign-in"))
        .header("accept", "application/json")
        .header("user-agent", "AuditTest/1.0")
        .form(&[("email", "lena@example.com"), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 200);
    let mut conn = app.store.conn().await.expect("conn");
    let rows = audit::latest(&mut conn, 2).await.expect("audit");
    let (success, failure) = (&rows[0], &rows[1]);
    assert_eq!(failure.action, "sign_in_failed");
    assert_eq!(failure.client_ip.as_deref(), Some("127.0.0.1"));
    assert_eq!(failure.user_agent.as_deref(), Some("AuditTest/1.0"));
    assert_eq!(failure.request_id.as_deref(), Some(request_id.as_str()));
    assert_eq!(success.action, "sign_in");
    let actor = success.actor.clone().expect("actor");
    assert!(actor.starts_with("PE-"), "{actor}");

    // The person leaves; the trail still names them.
    execute_raw(
        &mut conn,
        "DELETE FROM users WHERE email = 'lena@example.com'",
    )
    .await
    .expect("delete the person");
    let rows = audit::latest(&mut conn, 2).await.expect("audit");
    assert_eq!(rows[0].actor.as_deref(), Some(actor.as_str()));
}
