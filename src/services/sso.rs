//! Single sign-on for staff through an OpenID Connect provider: the authorization-code flow
//! with PKCE (S256), a state bound to the browser and a nonce bound to the ID token, whose
//! RS256 signature is checked against the provider's published keys along with its issuer,
//! audience and times. The verified email then names a staff member of ours; nobody else
//! signs in this way.

use crate::dto::SessionUser;
use crate::email::Email;
use crate::services::auth::{self, SessionPolicy, SessionToken, SignInError, SignedIn};
use crate::services::{clock, links};
use crate::store::audit::RequestOrigin;
use crate::store::{Store, StoreError, users};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::time::Duration;

/// The action sign-ins by the provider are recorded under.
pub const SSO_ACTION: &str = "sign_in_sso";
/// How long the browser has to come back from the provider.
pub const LOGIN_SECS: i64 = 10 * 60;
/// Clock difference allowed with the provider.
const LEEWAY_SECS: i64 = 60;
/// How long one call to the provider may take.
const PROVIDER_TIMEOUT: Duration = Duration::from_secs(10);

/// The provider, as the settings give it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provider {
    /// Exactly as the provider names itself (`iss`), e.g. `https://login.example.com`.
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
}

#[derive(Debug, thiserror::Error)]
pub enum SsoError {
    /// The browser's login is gone, or the answer is not for it (state).
    #[error("no login waits in this browser")]
    NoLogin,
    /// The provider said no (the person cancelled, or it refused).
    #[error("the provider refused: {0}")]
    Refused(String),
    /// The provider could not be reached or answered nonsense.
    #[error("the provider: {0}")]
    Provider(String),
    /// The ID token failed a check (signature, issuer, audience, time, nonce, email).
    #[error("the ID token: {0}")]
    Token(&'static str),
    /// The verified email is no active staff member's.
    #[error("not one of the staff")]
    NotStaff,
    #[error(transparent)]
    SignIn(#[from] SignInError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<reqwest::Error> for SsoError {
    fn from(e: reqwest::Error) -> Self {
        Self::Provider(e.to_string())
    }
}

/// The provider's endpoints, from its discovery document.
#[derive(Clone, Debug, Deserialize)]
pub struct Discovery {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub jwks_uri: String,
}

/// A client for the provider: no redirects followed, every call bounded in time.
pub fn client() -> Result<reqwest::Client, SsoError> {
    Ok(reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(PROVIDER_TIMEOUT)
        .build()?)
}

/// Whether the provider may be reached at `url`: over HTTPS, or plain HTTP on this machine
/// only (a provider on loopback); the client secret and the keys never cross a network in
/// the clear.
pub fn reachable(url: &str) -> bool {
    if url.starts_with("https://") && url.len() > "https://".len() {
        return true;
    }
    let Some(rest) = url.strip_prefix("http://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    matches!(name, "127.0.0.1" | "localhost" | "::1")
}

/// Reads the provider's discovery document; its issuer must be the configured one exactly.
pub async fn discover(http: &reqwest::Client, provider: &Provider) -> Result<Discovery, SsoError> {
    let url = format!(
        "{}/.well-known/openid-configuration",
        provider.issuer.trim_end_matches('/')
    );
    let res = http.get(url).send().await?;
    if !res.status().is_success() {
        return Err(SsoError::Provider(format!(
            "discovery answered {}",
            res.status()
        )));
    }
    let found: Discovery = res.json().await?;
    if found.issuer != provider.issuer {
        return Err(SsoError::Provider("discovery names another issuer".into()));
    }
    if ![
        &found.authorization_endpoint,
        &found.token_endpoint,
        &found.jwks_uri,
    ]
    .iter()
    .all(|u| reachable(u))
    {
        return Err(SsoError::Provider(
            "an endpoint is neither HTTPS nor on this machine".into(),
        ));
    }
    Ok(found)
}

/// What the browser keeps while it is away at the provider (an HttpOnly cookie): the state
/// the provider hands back, and a secret the PKCE verifier and the nonce come from. Neither
/// is in the database.
pub struct Login {
    pub cookie: String,
    /// Where to send the browser.
    pub url: String,
}

fn derived(secret: &str, purpose: &str) -> String {
    B64.encode(Sha256::digest(format!("{purpose}:{secret}").as_bytes()))
}

fn challenge(verifier: &str) -> String {
    B64.encode(Sha256::digest(verifier.as_bytes()))
}

/// Starts a login: the provider's authorization address, and the cookie to keep meanwhile.
pub fn begin(provider: &Provider, discovery: &Discovery, redirect_uri: &str) -> Login {
    let (state, secret) = (links::new_secret(), links::new_secret());
    let verifier = derived(&secret, "pkce");
    let nonce = derived(&secret, "nonce");
    let query = [
        ("response_type", "code"),
        ("client_id", provider.client_id.as_str()),
        ("redirect_uri", redirect_uri),
        ("scope", "openid email profile"),
        ("state", state.as_str()),
        ("nonce", nonce.as_str()),
        ("code_challenge", &challenge(&verifier)),
        ("code_challenge_method", "S256"),
    ];
    let encoded: Vec<String> = query
        .iter()
        .map(|(k, v)| format!("{k}={}", crate::format::query_value(v)))
        .collect();
    let joiner = if discovery.authorization_endpoint.contains('?') {
        '&'
    } else {
        '?'
    };
    Login {
        cookie: format!("{state}.{secret}"),
        url: format!(
            "{}{joiner}{}",
            discovery.authorization_endpoint,
            encoded.join("&")
        ),
    }
}

#[derive(Deserialize)]
struct TokenAnswer {
    id_token: String,
}

#[derive(Deserialize)]
struct Header {
    alg: String,
    #[serde(default)]
    kid: Option<String>,
}

#[derive(Deserialize)]
struct Keys {
    keys: Vec<Key>,
}

#[derive(Deserialize)]
struct Key {
    kty: String,
    #[serde(default)]
    kid: Option<String>,
    #[serde(default, rename = "use")]
    usage: Option<String>,
    #[serde(default)]
    alg: Option<String>,
    #[serde(default)]
    n: String,
    #[serde(default)]
    e: String,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Audience {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize)]
struct Claims {
    iss: String,
    aud: Audience,
    exp: i64,
    #[serde(default)]
    iat: Option<i64>,
    #[serde(default)]
    azp: Option<String>,
    #[serde(default)]
    nonce: Option<String>,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    email_verified: Option<bool>,
}

/// Checks an ID token against the provider's keys and this login; its verified email.
fn verify(
    token: &str,
    keys: &Keys,
    provider: &Provider,
    nonce: &str,
    now: i64,
) -> Result<Email, SsoError> {
    use SsoError::Token;
    let mut parts = token.split('.');
    let (Some(h), Some(p), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Token("not three parts"));
    };
    let header: Header = B64
        .decode(h)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or(Token("an unreadable header"))?;
    if header.alg != "RS256" {
        return Err(Token("not signed with RS256"));
    }
    let candidates: Vec<&Key> = keys
        .keys
        .iter()
        .filter(|k| k.kty == "RSA" && k.usage.as_deref().is_none_or(|u| u == "sig"))
        .filter(|k| k.alg.as_deref().is_none_or(|a| a == "RS256"))
        .filter(|k| match (&header.kid, &k.kid) {
            (Some(want), Some(have)) => want == have,
            (Some(_), None) => false,
            (None, _) => true,
        })
        .collect();
    let [key] = candidates.as_slice() else {
        return Err(Token("no single key of the provider fits"));
    };
    let (n, e, signature) = match (B64.decode(&key.n), B64.decode(&key.e), B64.decode(s)) {
        (Ok(n), Ok(e), Ok(sig)) => (n, e, sig),
        _ => return Err(Token("an unreadable key or signature")),
    };
    let n = n.strip_prefix(&[0u8][..]).unwrap_or(&n);
    ring::signature::RsaPublicKeyComponents { n, e: &e[..] }
        .verify(
            &ring::signature::RSA_PKCS1_2048_8192_SHA256,
            format!("{h}.{p}").as_bytes(),
            &signature,
        )
        .map_err(|_| Token("the signature does not hold"))?;
    let claims: Claims = B64
        .decode(p)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or(Token("unreadable claims"))?;
    if claims.iss != provider.issuer {
        return Err(Token("another issuer"));
    }
    let audiences = match &claims.aud {
        Audience::One(a) => vec![a.as_str()],
        Audience::Many(all) => all.iter().map(String::as_str).collect(),
    };
    if !audiences.contains(&provider.client_id.as_str()) {
        return Err(Token("meant for another client"));
    }
    let given_to_us = claims.azp.as_deref() == Some(provider.client_id.as_str());
    if (audiences.len() > 1 || claims.azp.is_some()) && !given_to_us {
        return Err(Token("given to another client"));
    }
    if claims.exp <= now - LEEWAY_SECS {
        return Err(Token("expired"));
    }
    if claims.iat.is_some_and(|iat| iat > now + LEEWAY_SECS) {
        return Err(Token("issued in the future"));
    }
    let same_nonce = claims
        .nonce
        .as_deref()
        .is_some_and(|n| Sha256::digest(n.as_bytes()) == Sha256::digest(nonce.as_bytes()));
    if !same_nonce {
        return Err(Token("another login's nonce"));
    }
    if claims.email_verified != Some(true) {
        return Err(Token("the email is not verified by the provider"));
    }
    claims
        .email
        .as_deref()
        .and_then(|e| Email::parse(e).ok())
        .ok_or(Token("no email"))
}

/// Finishes a login the provider sent back: checks `state` against the browser's `cookie`,
/// exchanges `code` (with the PKCE verifier) and verifies the ID token. The verified email.
pub async fn finish(
    http: &reqwest::Client,
    provider: &Provider,
    redirect_uri: &str,
    cookie: &str,
    state: &str,
    code: &str,
) -> Result<Email, SsoError> {
    let (kept_state, secret) = cookie.split_once('.').ok_or(SsoError::NoLogin)?;
    let same = Sha256::digest(kept_state.as_bytes()) == Sha256::digest(state.as_bytes());
    if !same || secret.is_empty() || code.is_empty() || code.len() > 4096 {
        return Err(SsoError::NoLogin);
    }
    let discovery = discover(http, provider).await?;
    let res = http
        .post(&discovery.token_endpoint)
        .basic_auth(
            crate::format::query_value(&provider.client_id),
            Some(crate::format::query_value(&provider.client_secret)),
        )
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", redirect_uri),
            ("code_verifier", &derived(secret, "pkce")),
        ])
        .send()
        .await?;
    if !res.status().is_success() {
        return Err(SsoError::Provider(format!(
            "the token call answered {}",
            res.status()
        )));
    }
    let answer: TokenAnswer = res.json().await?;
    let keys: Keys = http.get(&discovery.jwks_uri).send().await?.json().await?;
    verify(
        &answer.id_token,
        &keys,
        provider,
        &derived(secret, "nonce"),
        clock::now(),
    )
}

/// Opens a session for the active staff member with the verified `email` (two-step sign-in,
/// when they set it up, still asks for its code).
pub async fn sign_in(
    store: &Store,
    policy: &SessionPolicy,
    email: &Email,
    origin: &RequestOrigin,
    replacing: Option<&SessionToken>,
) -> Result<SignedIn, SsoError> {
    let person = {
        let mut conn = store.conn().await?;
        match users::by_email(&mut conn, email.as_str()).await? {
            // Deactivated in between: not staff any more.
            Some((id, _)) => users::by_id(&mut conn, id).await.map_err(|e| match e {
                StoreError::NotFound => SsoError::NotStaff,
                other => other.into(),
            })?,
            None => return Err(SsoError::NotStaff),
        }
    };
    let staff = auth::session_user(&person).is_some_and(|u: SessionUser| u.role.is_staff());
    if !staff {
        return Err(SsoError::NotStaff);
    }
    let mut tx = store.begin().await?;
    let signed_in =
        auth::open_session(&mut tx, policy, &person, origin, replacing, SSO_ACTION).await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(signed_in)
}

#[cfg(test)]
mod tests {
    use super::reachable;

    #[test]
    fn the_provider_is_reached_over_https_or_on_this_machine() {
        assert!(reachable("https://login.example.com/token"));
        assert!(reachable("http://127.0.0.1:9400/token"));
        assert!(reachable("http://localhost/jwks"));
        assert!(reachable("http://[::1]:8080/"));
        assert!(!reachable("http://login.example.com/token"));
        assert!(!reachable("http://127.0.0.1.example.com/"));
        assert!(!reachable("ftp://127.0.0.1/"));
        assert!(!reachable("https://"));
    }
}
