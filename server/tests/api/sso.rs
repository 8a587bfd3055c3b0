//! Staff single sign-on against a sign-in provider of our own on loopback, speaking OpenID
//! Connect as a real one does (discovery, authorize, token with PKCE, JWKS, RS256 ID tokens),
//! with knobs to make it answer wrongly: only a verified email of an active staff member,
//! in a token signed by the provider's key for this client and login, signs in.

use crate::helpers::{TestApp, count_of, spawn_app, spawn_configured};
use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use ring::signature::{RSA_PKCS1_SHA256, RsaKeyPair, RsaPublicKeyComponents};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

const CLIENT_ID: &str = "doorstep-test";
const CLIENT_SECRET: &str = "s3cret with spaces";

/// How the provider answers next.
#[derive(Clone)]
struct Knobs {
    email: String,
    email_verified: bool,
    other_key: bool,
    audience: String,
}

#[derive(Clone)]
struct Grant {
    challenge: String,
    nonce: String,
    redirect_uri: String,
}

#[derive(Clone)]
struct Provider {
    issuer: String,
    key: Arc<RsaKeyPair>,
    other: Arc<RsaKeyPair>,
    knobs: Arc<Mutex<Knobs>>,
    grants: Arc<Mutex<HashMap<String, Grant>>>,
}

async fn discovery(State(p): State<Provider>) -> Response {
    axum::Json(serde_json::json!({
        "issuer": p.issuer,
        "authorization_endpoint": format!("{}/authorize", p.issuer),
        "token_endpoint": format!("{}/token", p.issuer),
        "jwks_uri": format!("{}/jwks", p.issuer),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
    }))
    .into_response()
}

async fn authorize(
    State(p): State<Provider>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let field = |k: &str| q.get(k).cloned().unwrap_or_default();
    if field("client_id") != CLIENT_ID
        || field("response_type") != "code"
        || field("code_challenge_method") != "S256"
        || !field("scope").split(' ').any(|s| s == "openid")
    {
        return StatusCode::BAD_REQUEST.into_response();
    }
    let code = format!("code-{}", p.grants.lock().expect("grants").len());
    p.grants.lock().expect("grants").insert(
        code.clone(),
        Grant {
            challenge: field("code_challenge"),
            nonce: field("nonce"),
            redirect_uri: field("redirect_uri"),
        },
    );
    Redirect::to(&format!(
        "{}?code={code}&state={}",
        field("redirect_uri"),
        field("state")
    ))
    .into_response()
}

fn sign(key: &RsaKeyPair, claims: &serde_json::Value) -> String {
    let header = B64.encode(br#"{"alg":"RS256","typ":"JWT","kid":"k1"}"#);
    let body = B64.encode(claims.to_string());
    let input = format!("{header}.{body}");
    let mut signature = vec![0; key.public().modulus_len()];
    key.sign(
        &RSA_PKCS1_SHA256,
        &ring::rand::SystemRandom::new(),
        input.as_bytes(),
        &mut signature,
    )
    .expect("sign");
    format!("{input}.{}", B64.encode(signature))
}

async fn token(
    State(p): State<Provider>,
    headers: HeaderMap,
    Form(f): Form<HashMap<String, String>>,
) -> Response {
    let basic = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD
            .encode(format!("{CLIENT_ID}:{}", CLIENT_SECRET.replace(' ', "%20")))
    );
    let refused = |why: &str| {
        (
            StatusCode::BAD_REQUEST,
            axum::Json(serde_json::json!({"error": why})),
        )
            .into_response()
    };
    if headers.get("authorization").and_then(|v| v.to_str().ok()) != Some(basic.as_str()) {
        return refused("invalid_client");
    }
    let field = |k: &str| f.get(k).cloned().unwrap_or_default();
    // Each code once.
    let Some(grant) = p.grants.lock().expect("grants").remove(&field("code")) else {
        return refused("invalid_grant");
    };
    let verifier_hash = B64.encode(Sha256::digest(field("code_verifier").as_bytes()));
    if field("grant_type") != "authorization_code"
        || field("redirect_uri") != grant.redirect_uri
        || verifier_hash != grant.challenge
    {
        return refused("invalid_grant");
    }
    let knobs = p.knobs.lock().expect("knobs").clone();
    let now = jiff::Timestamp::now().as_second();
    let claims = serde_json::json!({
        "iss": p.issuer, "sub": "s-42", "aud": [knobs.audience], "azp": knobs.audience,
        "exp": now + 300, "iat": now, "nonce": grant.nonce,
        "email": knobs.email, "email_verified": knobs.email_verified,
    });
    let key = if knobs.other_key { &p.other } else { &p.key };
    axum::Json(serde_json::json!({
        "access_token": "at", "token_type": "Bearer", "expires_in": 300,
        "id_token": sign(key, &claims),
    }))
    .into_response()
}

async fn jwks(State(p): State<Provider>) -> Response {
    let public: RsaPublicKeyComponents<Vec<u8>> = p.key.public().into();
    axum::Json(serde_json::json!({"keys": [{
        "kty": "RSA", "kid": "k1", "use": "sig", "alg": "RS256",
        "n": B64.encode(&public.n), "e": B64.encode(&public.e),
    }]}))
    .into_response()
}

/// The provider on a free loopback port.
async fn provider() -> Provider {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let issuer = format!("http://{}", listener.local_addr().expect("address"));
    let load = |der: &[u8]| Arc::new(RsaKeyPair::from_pkcs8(der).expect("test key"));
    let p = Provider {
        issuer,
        key: load(include_bytes!("../fixtures/sso-test-key.pk8")),
        other: load(include_bytes!("../fixtures/sso-other-key.pk8")),
        knobs: Arc::new(Mutex::new(Knobs {
            email: "dispatch@example.com".into(),
            email_verified: true,
            other_key: false,
            audience: CLIENT_ID.into(),
        })),
        grants: Arc::default(),
    };
    let app = axum::Router::new()
        .route("/.well-known/openid-configuration", get(discovery))
        .route("/authorize", get(authorize))
        .route("/token", post(token))
        .route("/jwks", get(jwks))
        .with_state(p.clone());
    tokio::spawn(async move { axum::serve(listener, app).await });
    p
}

async fn portal(p: &Provider) -> TestApp {
    spawn_configured(
        true,
        &[
            ("DOORSTEP_OIDC_ISSUER", p.issuer.as_str()),
            ("DOORSTEP_OIDC_CLIENT_ID", CLIENT_ID),
            ("DOORSTEP_OIDC_CLIENT_SECRET", CLIENT_SECRET),
        ],
    )
    .await
}

/// What a browser does: press the button, pass the provider, come back. The status of the
/// page it comes back to, and that page's redirect (if any); `tamper` changes the way back.
async fn round_trip(
    app: &TestApp,
    client: &reqwest::Client,
    tamper: impl Fn(String) -> String,
) -> (u16, String) {
    let res = client
        .post(app.url("/api/start-sso"))
        .header("accept", "text/html")
        .header("origin", app.base.clone())
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 302, "to the provider");
    let at_provider = crate::helpers::location(&res);
    let res = client.get(&at_provider).send().await.expect("GET provider");
    assert_eq!(res.status().as_u16(), 303, "back from the provider");
    let back = crate::helpers::location(&res);
    // The provider sends the browser to the public address; this test's portal listens
    // elsewhere on loopback.
    let path = back
        .split_once("/sign-in/sso")
        .map(|(_, q)| format!("/sign-in/sso{q}"))
        .expect("way back");
    let res = client
        .get(app.url(&tamper(path)))
        .header("accept", "text/html")
        .send()
        .await
        .expect("GET back");
    let status = res.status().as_u16();
    let to = res
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default()
        .to_string();
    (status, to)
}

async fn who(app: &TestApp, client: &reqwest::Client) -> Option<String> {
    let res = client
        .post(app.url("/api/profile"))
        .header("accept", "application/json")
        .send()
        .await
        .expect("POST");
    if res.status() != 200 {
        return None;
    }
    let body: serde_json::Value = res.json().await.expect("json");
    body["email"].as_str().map(str::to_string)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_sign_in_through_the_provider() {
    let p = provider().await;
    let app = portal(&p).await;
    let html = app.get_html("/sign-in").await;
    assert!(html.contains("/api/start-sso"), "the button is offered");
    let browser = crate::helpers::client();
    let (status, to) = round_trip(&app, &browser, |p| p).await;
    assert_eq!((status, to.as_str()), (302, "/"));
    assert_eq!(
        who(&app, &browser).await.as_deref(),
        Some("dispatch@example.com")
    );
    assert_eq!(
        count_of(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'sign_in_sso'"
        )
        .await,
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_answer_signs_nobody_in() {
    let p = provider().await;
    let app = portal(&p).await;
    let set = |f: &dyn Fn(&mut Knobs)| f(&mut p.knobs.lock().expect("knobs"));

    // A customer's verified email: not staff.
    set(&|k| k.email = "ana@example.com".into());
    let browser = crate::helpers::client();
    assert_eq!(round_trip(&app, &browser, |p| p).await.0, 403);
    assert_eq!(who(&app, &browser).await, None);
    // Not verified by the provider; signed by another key; meant for another client.
    set(&|k| k.email = "dispatch@example.com".into());
    for knob in [
        (&|k: &mut Knobs| k.email_verified = false) as &dyn Fn(&mut Knobs),
        &|k: &mut Knobs| {
            k.email_verified = true;
            k.other_key = true;
        },
        &|k: &mut Knobs| {
            k.other_key = false;
            k.audience = "someone-else".into();
        },
    ] {
        set(knob);
        let browser = crate::helpers::client();
        assert_eq!(round_trip(&app, &browser, |p| p).await.0, 502);
        assert_eq!(who(&app, &browser).await, None);
    }
    set(&|k| k.audience = CLIENT_ID.into());

    // Another state than this browser's: start again.
    let browser = crate::helpers::client();
    let (status, _) = round_trip(&app, &browser, |p| p.replace("state=", "state=x")).await;
    assert_eq!(status, 410);
    // The provider refused (the person cancelled).
    let (status, _) = round_trip(&app, &browser, |p| format!("{p}&error=access_denied")).await;
    assert_eq!(status, 502);
    // A way back used once cannot be used again (the login's cookie is spent).
    let (status, to) = round_trip(&app, &browser, |p| p).await;
    assert_eq!((status, to.as_str()), (302, "/"));
    assert_eq!(
        who(&app, &browser).await.as_deref(),
        Some("dispatch@example.com")
    );
    assert_eq!(
        count_of(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'sign_in_sso'"
        )
        .await,
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_provider_there_is_no_single_sign_on() {
    let app = spawn_app().await;
    let html = app.get_html("/sign-in").await;
    assert!(!html.contains("/api/start-sso"));
    let res = app.call("/api/start-sso", &[]).await;
    assert_eq!(res.status(), 404);
    assert_eq!(app.get("/sign-in/sso?code=x&state=y").await.status(), 404);
}
