//! A minimal software WebAuthn authenticator for integration tests.
//!
//! [`SoftKey`] answers the JSON options of a `webauthn-rs` 0.6 server with the JSON a browser
//! would post back: an ES256 (P-256) credential, "none" attestation, and the user-present and
//! user-verified flags set. [`Tamper`] bends single fields for negative tests.
//!
//! Formats follow WebAuthn Level 2: authenticator data (§6.1), attested credential data (§6.5.1),
//! the attestation object (§6.5.4) and client data (§5.8.1). The few CBOR items needed are
//! encoded by hand (RFC 8949).

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::rand::{SecureRandom as _, SystemRandom};
use ring::signature::{ECDSA_P256_SHA256_ASN1_SIGNING as ES256, EcdsaKeyPair, KeyPair as _};
use serde_json::{Value, json};
use sha2::{Digest as _, Sha256};

// Authenticator data flags: user present, user verified, attested credential data included.
const FLAG_UP: u8 = 0x01;
const FLAG_UV: u8 = 0x04;
const FLAG_AT: u8 = 0x40;

/// Deviations from a well-behaved authenticator, for negative tests; the default changes nothing.
///
/// A wrong origin needs no knob: pass it as the `origin` argument.
#[derive(Debug, Clone, Default)]
pub struct Tamper {
    /// Hash this RP id into the authenticator data instead of the registered one.
    pub rp_id: Option<String>,
    /// Leave the user-verified flag unset.
    pub no_user_verification: bool,
    /// Leave `userHandle` out of an assertion.
    pub omit_user_handle: bool,
    /// Send a well-formed signature over other bytes than the ones sent (assertions only).
    pub bad_signature: bool,
    /// Keep the signature counter where it is instead of increasing it (assertions only).
    pub keep_counter: bool,
}

/// A software passkey: one P-256 credential bound to one RP id and one user.
///
/// `Clone` gives a second copy of the same credential, e.g. to act out a cloned authenticator.
#[derive(Clone)]
pub struct SoftKey {
    /// The private key, PKCS#8 encoded.
    pkcs8: Vec<u8>,
    /// Random credential id, 16 to 32 bytes.
    credential_id: Vec<u8>,
    /// The RP id given at registration.
    rp_id: String,
    /// The user id given at registration, returned as `userHandle`.
    user_handle: Vec<u8>,
    /// Signature counter: 0 at registration, increased before each assertion.
    counter: u32,
}

impl SoftKey {
    /// Answers a registration: `options` is the JSON of a `CreationChallengeResponse`.
    /// Returns the new key and the `RegisterPublicKeyCredential` JSON.
    pub fn register(options: &Value, origin: &str) -> (Self, Value) {
        Self::register_with(options, origin, &Tamper::default())
    }

    /// Like [`SoftKey::register`], applying `tamper`'s `rp_id` and `no_user_verification`.
    pub fn register_with(options: &Value, origin: &str, tamper: &Tamper) -> (Self, Value) {
        let options = &options["publicKey"];
        let rng = SystemRandom::new();
        let pkcs8 =
            EcdsaKeyPair::generate_pkcs8(&ES256, &rng).expect("P-256 key generation failed");
        let key = Self {
            pkcs8: pkcs8.as_ref().to_vec(),
            credential_id: random_credential_id(&rng),
            rp_id: string_at(options, "/rp/id").to_owned(),
            user_handle: URL_SAFE_NO_PAD
                .decode(string_at(options, "/user/id"))
                .expect("publicKey.user.id is not base64url"),
            counter: 0,
        };

        // Attested credential data: AAGUID (zero: no attestation), id length, id, COSE key.
        let mut auth_data = key.authenticator_data(tamper, FLAG_AT);
        auth_data.extend_from_slice(&[0; 16]);
        let id_len = u16::try_from(key.credential_id.len()).expect("credential id too long");
        auth_data.extend_from_slice(&id_len.to_be_bytes());
        auth_data.extend_from_slice(&key.credential_id);
        // ring gives the public key uncompressed: 0x04 | x (32 bytes) | y (32 bytes).
        let public_key = key.key_pair().public_key().as_ref().to_vec();
        let (x, y) = public_key[1..].split_at(32);
        Cbor::Map(vec![
            (Cbor::Int(1), Cbor::Int(2)),  // kty: EC2
            (Cbor::Int(3), Cbor::Int(-7)), // alg: ES256
            (Cbor::Int(-1), Cbor::Int(1)), // crv: P-256
            (Cbor::Int(-2), Cbor::Bytes(x)),
            (Cbor::Int(-3), Cbor::Bytes(y)),
        ])
        .encode(&mut auth_data);

        let mut attestation_object = Vec::new();
        Cbor::Map(vec![
            (Cbor::Text("fmt"), Cbor::Text("none")),
            (Cbor::Text("attStmt"), Cbor::Map(Vec::new())),
            (Cbor::Text("authData"), Cbor::Bytes(&auth_data)),
        ])
        .encode(&mut attestation_object);

        let response = json!({
            "attestationObject": URL_SAFE_NO_PAD.encode(&attestation_object),
            "clientDataJSON": URL_SAFE_NO_PAD.encode(client_data("webauthn.create", options, origin)),
        });
        let credential = key.credential_json(&response);
        (key, credential)
    }

    /// Answers an authentication: `options` is the JSON of a `RequestChallengeResponse`.
    /// Increases the counter and returns the `PublicKeyCredential` JSON, with `userHandle`.
    /// `allowCredentials` is not looked at: the key always answers.
    pub fn sign(&mut self, options: &Value, origin: &str) -> Value {
        self.sign_with(options, origin, &Tamper::default())
    }

    /// Like [`SoftKey::sign`], applying every knob of `tamper`.
    pub fn sign_with(&mut self, options: &Value, origin: &str, tamper: &Tamper) -> Value {
        if !tamper.keep_counter {
            self.counter += 1;
        }
        let auth_data = self.authenticator_data(tamper, 0);
        let client_data = client_data("webauthn.get", &options["publicKey"], origin);

        // The signature covers authenticatorData || SHA-256(clientDataJSON).
        let mut signed = auth_data.clone();
        signed.extend_from_slice(&Sha256::digest(&client_data));
        if tamper.bad_signature {
            signed[0] ^= 0x01;
        }
        let signature = self
            .key_pair()
            .sign(&SystemRandom::new(), &signed)
            .expect("ECDSA signing failed");

        let mut response = json!({
            "authenticatorData": URL_SAFE_NO_PAD.encode(&auth_data),
            "clientDataJSON": URL_SAFE_NO_PAD.encode(&client_data),
            "signature": URL_SAFE_NO_PAD.encode(signature.as_ref()),
        });
        if !tamper.omit_user_handle {
            response["userHandle"] = URL_SAFE_NO_PAD.encode(&self.user_handle).into();
        }
        self.credential_json(&response)
    }

    /// Parses the stored PKCS#8 document back into a signing key.
    fn key_pair(&self) -> EcdsaKeyPair {
        EcdsaKeyPair::from_pkcs8(&ES256, &self.pkcs8, &SystemRandom::new())
            .expect("stored PKCS#8 key is invalid")
    }

    /// The fixed part of authenticator data: rpIdHash | flags | signCount.
    /// UP is always set, UV unless tampered; BE and BS stay clear (not a synced passkey).
    fn authenticator_data(&self, tamper: &Tamper, extra_flags: u8) -> Vec<u8> {
        let rp_id = tamper.rp_id.as_deref().unwrap_or(&self.rp_id);
        let mut flags = FLAG_UP | extra_flags;
        if !tamper.no_user_verification {
            flags |= FLAG_UV;
        }
        let mut data = Sha256::digest(rp_id.as_bytes()).to_vec();
        data.push(flags);
        data.extend_from_slice(&self.counter.to_be_bytes());
        data
    }

    /// Wraps an authenticator response into the credential JSON a browser would send.
    fn credential_json(&self, response: &Value) -> Value {
        let id = URL_SAFE_NO_PAD.encode(&self.credential_id);
        json!({
            "id": id,
            "rawId": id,
            "type": "public-key",
            "response": response,
            "extensions": {},
        })
    }
}

/// The client data JSON bytes for ceremony `kind`, echoing the options' challenge as given.
fn client_data(kind: &str, options: &Value, origin: &str) -> Vec<u8> {
    let challenge = string_at(options, "/challenge");
    // Written out by hand to fix the member order browsers use; `Value` escapes each string.
    format!(
        r#"{{"type":{},"challenge":{},"origin":{},"crossOrigin":false}}"#,
        Value::from(kind),
        Value::from(challenge),
        Value::from(origin),
    )
    .into_bytes()
}

/// The string at JSON `pointer` in `value`; panics with the pointer when it is missing.
fn string_at<'a>(value: &'a Value, pointer: &str) -> &'a str {
    value
        .pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("options lack a string at publicKey{pointer}"))
}

/// A random credential id of 16 to 32 bytes.
fn random_credential_id(rng: &SystemRandom) -> Vec<u8> {
    let mut len = [0u8];
    rng.fill(&mut len).expect("system randomness failed");
    let mut id = vec![0; 16 + usize::from(len[0] % 17)];
    rng.fill(&mut id).expect("system randomness failed");
    id
}

/// The few CBOR data items an authenticator has to emit.
enum Cbor<'a> {
    /// An unsigned (major type 0) or negative (major type 1) integer.
    Int(i64),
    /// A byte string (major type 2).
    Bytes(&'a [u8]),
    /// A UTF-8 text string (major type 3).
    Text(&'a str),
    /// A map (major type 5), its pairs written in the given order.
    Map(Vec<(Self, Self)>),
}

impl Cbor<'_> {
    /// Appends the encoding of this item to `out`.
    fn encode(&self, out: &mut Vec<u8>) {
        match self {
            Cbor::Int(n) if *n >= 0 => head(out, 0, n.unsigned_abs()),
            Cbor::Int(n) => head(out, 1, n.unsigned_abs() - 1), // encodes -1 - n
            Cbor::Bytes(bytes) => {
                head(out, 2, bytes.len() as u64);
                out.extend_from_slice(bytes);
            }
            Cbor::Text(text) => {
                head(out, 3, text.len() as u64);
                out.extend_from_slice(text.as_bytes());
            }
            Cbor::Map(pairs) => {
                head(out, 5, pairs.len() as u64);
                for (key, value) in pairs {
                    key.encode(out);
                    value.encode(out);
                }
            }
        }
    }
}

/// Appends an item head: the major type in the top 3 bits, then the argument in its shortest form
/// (inside the first byte below 24, else in the 1, 2, 4 or 8 big-endian bytes that follow).
fn head(out: &mut Vec<u8>, major: u8, argument: u64) {
    let bytes = argument.to_be_bytes();
    let (info, follow) = match argument {
        0..=23 => (bytes[7], 0),
        24..=0xff => (24, 1),
        0x100..=0xffff => (25, 2),
        0x1_0000..=0xffff_ffff => (26, 4),
        _ => (27, 8),
    };
    out.push((major << 5) | info);
    out.extend_from_slice(&bytes[8 - follow..]);
}
