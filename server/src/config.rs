//! Runtime configuration: `Leptos.toml`, then `DOORSTEP_*` environment variables on top.
//! Every key has a default and a comment in `Leptos.toml`; a bad value stops start-up with
//! a message naming the key and what it accepts.

use std::collections::BTreeMap;
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use crate::http::client_ip::TrustedProxies;
use crate::mail::{MailSettings, SmtpTls};
use doorstep::services::auth::SessionPolicy;
use doorstep::services::files::S3Settings;
use doorstep::services::positions::PositionPolicy;
use doorstep::uploads::UploadLimits;

#[derive(Clone, PartialEq)]
pub struct Config {
    pub address: SocketAddr,
    pub public_url: String,
    pub data_dir: PathBuf,
    /// Empty means the embedded SQLite file in `data_dir`.
    database_url: String,
    pub database_max_connections: u32,
    pub site_root: PathBuf,
    pub hash_files: bool,
    pub log_format: LogFormat,
    pub log_level: String,
    pub demo_on_empty: bool,
    /// Proxies whose `X-Forwarded-For` header names the client.
    pub trusted_proxies: TrustedProxies,
    /// Customer sessions end after this many days without use…
    pub session_idle_days: u32,
    /// …and this many days after sign-in, however active.
    pub session_max_days: u32,
    /// Where mail goes (SMTP, or files when no host is set).
    pub mail: MailSettings,
    /// A server speaking the Nominatim API that finds positions for addresses; empty:
    /// people enter positions themselves.
    pub geocoder_url: String,
    /// A position of a technician on the way this close to the place is their arrival.
    pub arrival_radius_m: u32,
    /// Positions older than this are deleted, whatever the job.
    pub position_keep_minutes: u32,
    /// The map's tile server (`https://…/{z}/{x}/{y}.png`); empty: maps without tiles.
    pub map_tiles_url: String,
    /// Credit shown on maps for the tiles.
    pub map_tiles_attribution: String,
    /// How many photos of what size people may send.
    pub uploads: UploadLimits,
    /// Minutes a message may wait unread before its reader is mailed; 0: never.
    pub message_mail_minutes: u32,
    /// An S3-compatible bucket for files; an empty bucket keeps them in `data_dir/files`.
    pub files_s3: S3Settings,
    /// Whether newcomers may open their own customer account (else the office does).
    pub sign_up: bool,
    /// Every staff member must sign in in two steps (an authenticator app's code).
    pub staff_two_step: bool,
    /// The key access notes are sealed with (base64 of 32 bytes); empty: a key kept in
    /// `data_dir/data.key`, made on first start.
    pub data_key: String,
    /// Keys that sealed notes before the current one, comma-separated, kept until
    /// `doorstep rotate-data-key` has sealed everything again.
    pub previous_data_keys: Vec<String>,
    /// Staff single sign-on: the OpenID Connect provider's issuer (empty: none), and this
    /// portal's client id and secret there.
    pub oidc_issuer: String,
    pub oidc_client_id: String,
    pub oidc_client_secret: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {reason}")]
    Read { path: String, reason: String },
    #[error("{path} is not valid TOML: {reason}")]
    Syntax { path: String, reason: String },
    #[error("unknown setting `{key}` in {path}; known settings: {known}")]
    UnknownKey {
        key: String,
        path: String,
        known: String,
    },
    #[error("setting `{key}` (or {env}) is {value}, but it must be {allowed}")]
    Invalid {
        key: &'static str,
        env: String,
        value: String,
        allowed: &'static str,
    },
}

/// Every setting: name, what it accepts (for error messages).
const KEYS: [(&str, &str); 40] = [
    ("address", "an IP address and port such as 127.0.0.1:3000"),
    ("public_url", "an http:// or https:// URL"),
    ("data_dir", "a folder path"),
    (
        "database_url",
        "empty, sqlite://FILE or postgres://USER@HOST/DB",
    ),
    ("database_max_connections", "a whole number from 1 to 1000"),
    ("site_root", "a folder path"),
    ("hash_files", "true or false"),
    ("log_format", "\"text\" or \"json\""),
    (
        "log_level",
        "a log filter such as info or doorstep=debug,info",
    ),
    ("demo_on_empty", "true or false"),
    (
        "trusted_proxies",
        "a list of IP addresses or networks such as [\"127.0.0.1\", \"10.0.0.0/8\"]",
    ),
    ("session_idle_days", "a whole number of days from 1 to 365"),
    (
        "session_max_days",
        "a whole number of days from 1 to 365, at least session_idle_days",
    ),
    (
        "smtp_host",
        "empty (mail is written to files) or a host name",
    ),
    ("smtp_port", "a port number from 1 to 65535"),
    ("smtp_tls", "\"starttls\", \"tls\" or \"none\""),
    ("smtp_username", "text (empty: no sign-in)"),
    ("smtp_password", "text"),
    (
        "mail_from",
        "an address such as \"Brightside <portal@example.com>\"",
    ),
    (
        "geocoder_url",
        "empty (people enter positions) or an http:// or https:// URL",
    ),
    (
        "arrival_radius_m",
        "a whole number of metres from 10 to 5000",
    ),
    (
        "position_keep_minutes",
        "a whole number of minutes from 5 to 1440",
    ),
    (
        "map_tiles_url",
        "empty (maps without tiles) or an https:// (or http://) URL with {z}, {x} and {y}",
    ),
    ("map_tiles_attribution", "text"),
    ("upload_max_mb", "a whole number of megabytes from 1 to 50"),
    ("upload_max_files", "a whole number from 1 to 20"),
    ("upload_max_megapixels", "a whole number from 1 to 100"),
    (
        "message_mail_minutes",
        "a whole number of minutes from 0 (never) to 10080",
    ),
    (
        "files_s3_bucket",
        "empty (files stay in data_dir/files) or an S3 bucket name",
    ),
    (
        "files_s3_endpoint",
        "empty (AWS) or the http:// or https:// URL of an S3-compatible store",
    ),
    ("files_s3_region", "a region name such as eu-central-1"),
    ("files_s3_access_key_id", "text"),
    ("files_s3_secret_access_key", "text"),
    ("sign_up", "true or false"),
    ("staff_two_step", "true or false"),
    (
        "data_key",
        "empty (a key file in data_dir) or 32 bytes in base64 (`doorstep new-data-key`)",
    ),
    ("previous_data_keys", "keys in base64, separated by commas"),
    (
        "oidc_issuer",
        "empty (no single sign-on) or the provider's https:// issuer, exactly (http:// only on this machine)",
    ),
    ("oidc_client_id", "text"),
    ("oidc_client_secret", "text"),
];

impl Default for Config {
    fn default() -> Self {
        Self {
            address: SocketAddr::from(([127, 0, 0, 1], 3000)),
            public_url: "http://localhost:3000".into(),
            data_dir: PathBuf::from("data"),
            database_url: String::new(),
            database_max_connections: 8,
            site_root: PathBuf::from("target/site"),
            hash_files: true,
            log_format: LogFormat::Text,
            log_level: "info".into(),
            demo_on_empty: false,
            trusted_proxies: TrustedProxies::default(),
            session_idle_days: 30,
            session_max_days: 90,
            mail: MailSettings::default(),
            geocoder_url: String::new(),
            arrival_radius_m: 100,
            position_keep_minutes: 60,
            map_tiles_url: String::new(),
            map_tiles_attribution: String::new(),
            uploads: UploadLimits::default(),
            message_mail_minutes: 30,
            sign_up: true,
            staff_two_step: false,
            data_key: String::new(),
            previous_data_keys: Vec::new(),
            oidc_issuer: String::new(),
            oidc_client_id: String::new(),
            oidc_client_secret: String::new(),
            files_s3: S3Settings {
                region: "us-east-1".into(),
                ..S3Settings::default()
            },
        }
    }
}

impl Config {
    /// Reads `path` (a missing file means all defaults) and the environment.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => {
                return Err(ConfigError::Read {
                    path: path.display().to_string(),
                    reason: e.to_string(),
                });
            }
        };
        let env: BTreeMap<String, String> = std::env::vars()
            .filter(|(k, _)| k.starts_with("DOORSTEP_"))
            .collect();
        Self::from_sources(&path.display().to_string(), &text, &env)
    }

    /// Builds the configuration from a file's text and environment variables.
    pub fn from_sources(
        path: &str,
        text: &str,
        env: &BTreeMap<String, String>,
    ) -> Result<Self, ConfigError> {
        let table: toml::Table =
            text.parse()
                .map_err(|e: toml::de::Error| ConfigError::Syntax {
                    path: path.into(),
                    reason: e.message().to_string(),
                })?;
        let known: Vec<&str> = KEYS.iter().map(|(k, _)| *k).collect();
        if let Some(key) = table.keys().find(|k| !known.contains(&k.as_str())) {
            return Err(ConfigError::UnknownKey {
                key: key.clone(),
                path: path.into(),
                known: known.join(", "),
            });
        }
        let mut raw: BTreeMap<&'static str, String> = BTreeMap::new();
        for (key, _) in KEYS {
            if let Some(value) = table.get(key) {
                let text = match value {
                    toml::Value::String(s) => s.clone(),
                    // A list (trusted_proxies) arrives as its items, comma-separated, as
                    // the environment variable gives it.
                    toml::Value::Array(items) => items
                        .iter()
                        .map(|item| match item {
                            toml::Value::String(s) => s.clone(),
                            other => other.to_string(),
                        })
                        .collect::<Vec<_>>()
                        .join(","),
                    other => other.to_string(),
                };
                raw.insert(key, text);
            }
            if let Some(value) = env.get(&env_name(key)) {
                raw.insert(key, value.clone());
            }
        }
        let mut config = Config::default();
        for (key, value) in raw {
            config.set(key, value)?;
        }
        if config.session_max_days < config.session_idle_days {
            return Err(ConfigError::Invalid {
                key: "session_max_days",
                env: env_name("session_max_days"),
                value: config.session_max_days.to_string(),
                allowed: "at least session_idle_days",
            });
        }
        Ok(config)
    }

    fn set(&mut self, key: &'static str, value: String) -> Result<(), ConfigError> {
        let invalid = |value: &str| ConfigError::Invalid {
            key,
            env: env_name(key),
            // A database URL or a password: never echo it.
            value: if matches!(
                key,
                "database_url"
                    | "smtp_password"
                    | "files_s3_secret_access_key"
                    | "data_key"
                    | "previous_data_keys"
            ) {
                "not accepted".to_string()
            } else {
                format!("{value:?}")
            },
            allowed: KEYS
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, a)| *a)
                .unwrap_or("valid"),
        };
        let v = value.trim();
        match key {
            "address" => self.address = v.parse().map_err(|_| invalid(v))?,
            "public_url" => {
                if !(v.starts_with("http://") || v.starts_with("https://")) || v.len() < 10 {
                    return Err(invalid(v));
                }
                self.public_url = v.trim_end_matches('/').to_string();
            }
            "data_dir" if !v.is_empty() => self.data_dir = PathBuf::from(v),
            "site_root" if !v.is_empty() => self.site_root = PathBuf::from(v),
            "database_url" => {
                let ok = v.is_empty() || doorstep::store::Engine::of_url(v).is_some();
                if !ok {
                    return Err(invalid(v));
                }
                self.database_url = v.to_string();
            }
            "database_max_connections" => {
                self.database_max_connections = v
                    .parse()
                    .ok()
                    .filter(|n| (1..=1000).contains(n))
                    .ok_or_else(|| invalid(v))?;
            }
            "trusted_proxies" => {
                self.trusted_proxies = TrustedProxies::parse(v).map_err(|bad| invalid(&bad))?;
            }
            "session_idle_days" => self.session_idle_days = days(v).ok_or_else(|| invalid(v))?,
            "session_max_days" => self.session_max_days = days(v).ok_or_else(|| invalid(v))?,
            "smtp_host" => self.mail.smtp_host = v.to_string(),
            "smtp_port" => {
                self.mail.smtp_port = v
                    .parse()
                    .ok()
                    .filter(|p| *p > 0)
                    .ok_or_else(|| invalid(v))?;
            }
            "smtp_tls" => {
                self.mail.smtp_tls = match v {
                    "starttls" => SmtpTls::StartTls,
                    "tls" => SmtpTls::Tls,
                    "none" => SmtpTls::None,
                    _ => return Err(invalid(v)),
                }
            }
            "smtp_username" => self.mail.smtp_username = v.to_string(),
            "smtp_password" => self.mail.smtp_password = value.clone(),
            "mail_from" => {
                v.parse::<lettre::message::Mailbox>()
                    .map_err(|_| invalid(v))?;
                self.mail.from = v.to_string();
            }
            "geocoder_url" => {
                let ok = v.is_empty()
                    || ((v.starts_with("http://") || v.starts_with("https://")) && v.len() > 10);
                if !ok {
                    return Err(invalid(v));
                }
                self.geocoder_url = v.trim_end_matches('/').to_string();
            }
            "arrival_radius_m" => {
                self.arrival_radius_m = v
                    .parse()
                    .ok()
                    .filter(|m| (10..=5000).contains(m))
                    .ok_or_else(|| invalid(v))?;
            }
            "position_keep_minutes" => {
                self.position_keep_minutes = v
                    .parse()
                    .ok()
                    .filter(|m| (5..=1440).contains(m))
                    .ok_or_else(|| invalid(v))?;
            }
            "map_tiles_url" => {
                let web = v.starts_with("http://") || v.starts_with("https://");
                let placed = ["{z}", "{x}", "{y}"].iter().all(|p| v.contains(p));
                let quoted = v.chars().any(|c| c.is_whitespace() || "\"'<>;".contains(c));
                if !(v.is_empty() || (web && placed && !quoted && v.len() > 16)) {
                    return Err(invalid(v));
                }
                self.map_tiles_url = v.to_string();
            }
            "map_tiles_attribution" => self.map_tiles_attribution = v.to_string(),
            "upload_max_mb" => {
                let mb: u64 = whole(v, 1, 50).ok_or_else(|| invalid(v))?;
                self.uploads.max_bytes = mb * 1024 * 1024;
            }
            "upload_max_files" => {
                self.uploads.max_files = whole(v, 1, 20).ok_or_else(|| invalid(v))?;
            }
            "message_mail_minutes" => {
                self.message_mail_minutes = whole(v, 0, 10_080).ok_or_else(|| invalid(v))?;
            }
            "upload_max_megapixels" => {
                let mp: u64 = whole(v, 1, 100).ok_or_else(|| invalid(v))?;
                self.uploads.max_pixels = mp * 1_000_000;
            }
            "files_s3_bucket" => {
                let ok = v.is_empty()
                    || ((3..=63).contains(&v.len())
                        && v.bytes().all(|b| {
                            b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.'
                        }));
                if !ok {
                    return Err(invalid(v));
                }
                self.files_s3.bucket = v.to_string();
            }
            "files_s3_endpoint" => {
                let ok = v.is_empty()
                    || ((v.starts_with("http://") || v.starts_with("https://")) && v.len() > 10);
                if !ok {
                    return Err(invalid(v));
                }
                self.files_s3.endpoint = v.trim_end_matches('/').to_string();
            }
            "files_s3_region" if !v.is_empty() => self.files_s3.region = v.to_string(),
            "files_s3_access_key_id" => self.files_s3.access_key_id = v.to_string(),
            "files_s3_secret_access_key" => self.files_s3.secret_access_key = value.clone(),
            "hash_files" => self.hash_files = parse_bool(v).ok_or_else(|| invalid(v))?,
            "sign_up" => self.sign_up = parse_bool(v).ok_or_else(|| invalid(v))?,
            "staff_two_step" => {
                self.staff_two_step = parse_bool(v).ok_or_else(|| invalid(v))?;
            }
            "oidc_issuer" => {
                let ok = v.is_empty()
                    || (doorstep::services::sso::reachable(v) && !v.contains(char::is_whitespace));
                if !ok {
                    return Err(invalid(v));
                }
                self.oidc_issuer = v.to_string();
            }
            "oidc_client_id" => self.oidc_client_id = v.to_string(),
            "oidc_client_secret" => self.oidc_client_secret = value.clone(),
            "data_key" => {
                if !v.is_empty() && doorstep::secrets::Keyring::new(v, &[]).is_err() {
                    return Err(invalid(v));
                }
                self.data_key = v.to_string();
            }
            "previous_data_keys" => {
                let keys: Vec<String> = v
                    .split(',')
                    .map(str::trim)
                    .filter(|k| !k.is_empty())
                    .map(str::to_string)
                    .collect();
                if keys
                    .iter()
                    .any(|k| doorstep::secrets::Keyring::new(k, &[]).is_err())
                {
                    return Err(invalid(v));
                }
                self.previous_data_keys = keys;
            }
            "demo_on_empty" => self.demo_on_empty = parse_bool(v).ok_or_else(|| invalid(v))?,
            "log_format" => {
                self.log_format = match v {
                    "text" => LogFormat::Text,
                    "json" => LogFormat::Json,
                    _ => return Err(invalid(v)),
                }
            }
            "log_level" => {
                tracing_subscriber::EnvFilter::try_new(v).map_err(|_| invalid(v))?;
                self.log_level = v.to_string();
            }
            _ => return Err(invalid(v)),
        }
        Ok(())
    }

    /// The database URL in force: the configured one, or SQLite in the data folder.
    pub fn database_url(&self) -> String {
        if self.database_url.is_empty() {
            format!("sqlite://{}", self.data_dir.join("doorstep.db").display())
        } else {
            self.database_url.clone()
        }
    }

    /// `scheme://host[:port]` of the public URL, as browsers send it in `Origin`.
    pub fn public_origin(&self) -> String {
        let (scheme, rest) = self
            .public_url
            .split_once("://")
            .unwrap_or(("http", &self.public_url));
        let host = rest.split('/').next().unwrap_or_default();
        format!("{scheme}://{host}")
    }

    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    pub fn position_policy(&self) -> PositionPolicy {
        PositionPolicy {
            arrival_radius_m: self.arrival_radius_m,
            keep: jiff::SignedDuration::from_mins(i64::from(self.position_keep_minutes)),
        }
    }

    /// The single sign-on provider, when the issuer is set.
    pub fn sso(&self) -> Option<doorstep::services::sso::Provider> {
        (!self.oidc_issuer.is_empty()).then(|| doorstep::services::sso::Provider {
            issuer: self.oidc_issuer.clone(),
            client_id: self.oidc_client_id.clone(),
            client_secret: self.oidc_client_secret.clone(),
        })
    }

    pub fn session_policy(&self) -> SessionPolicy {
        SessionPolicy {
            customer_idle_secs: i64::from(self.session_idle_days) * 24 * 3600,
            customer_max_secs: i64::from(self.session_max_days) * 24 * 3600,
            staff_two_step: self.staff_two_step,
            // Set at start-up, once the public URL is known to take passkeys.
            passkeys: false,
        }
    }
}

/// A whole number from `min` to `max`.
fn whole<T: std::str::FromStr + PartialOrd>(v: &str, min: T, max: T) -> Option<T> {
    v.parse().ok().filter(|n| *n >= min && *n <= max)
}

fn days(v: &str) -> Option<u32> {
    v.parse().ok().filter(|n| (1..=365).contains(n))
}

/// `url` with the password of any `user:password@` part, and of any `password=` query
/// parameter, replaced by `…`.
pub fn redact_url(url: &str) -> String {
    let mut shown = match url.split_once("://") {
        Some((scheme, rest)) => match rest.split_once('@') {
            Some((credentials, host))
                if !credentials.contains('/') && credentials.contains(':') =>
            {
                let user = credentials.split(':').next().unwrap_or_default();
                format!("{scheme}://{user}:…@{host}")
            }
            _ => url.to_string(),
        },
        None => url.to_string(),
    };
    if let Some((base, query)) = shown.split_once('?') {
        let query = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((key, _)) if key.eq_ignore_ascii_case("password") => format!("{key}=…"),
                _ => pair.to_string(),
            })
            .collect::<Vec<_>>()
            .join("&");
        shown = format!("{base}?{query}");
    }
    shown
}

fn env_name(key: &str) -> String {
    format!("DOORSTEP_{}", key.to_ascii_uppercase())
}

fn parse_bool(v: &str) -> Option<bool> {
    match v {
        "true" | "1" | "yes" => Some(true),
        "false" | "0" | "no" => Some(false),
        _ => None,
    }
}

/// The database URL may hold a password: never print it.
impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = redact_url(&self.database_url());
        f.debug_struct("Config")
            .field("address", &self.address)
            .field("public_url", &self.public_url)
            .field("data_dir", &self.data_dir)
            .field("database_url", &shown)
            .field("database_max_connections", &self.database_max_connections)
            .field("site_root", &self.site_root)
            .field("hash_files", &self.hash_files)
            .field("log_format", &self.log_format)
            .field("log_level", &self.log_level)
            .field("demo_on_empty", &self.demo_on_empty)
            .field("trusted_proxies", &self.trusted_proxies)
            .field("session_idle_days", &self.session_idle_days)
            .field("session_max_days", &self.session_max_days)
            .field("smtp_host", &self.mail.smtp_host)
            .field("smtp_port", &self.mail.smtp_port)
            .field("smtp_tls", &self.mail.smtp_tls)
            .field("smtp_username", &self.mail.smtp_username)
            .field(
                "smtp_password",
                &if self.mail.smtp_password.is_empty() {
                    ""
                } else {
                    "…"
                },
            )
            .field("mail_from", &self.mail.from)
            .field("geocoder_url", &self.geocoder_url)
            .field("arrival_radius_m", &self.arrival_radius_m)
            .field("position_keep_minutes", &self.position_keep_minutes)
            .field("map_tiles_url", &self.map_tiles_url)
            .field("uploads", &self.uploads)
            .field("message_mail_minutes", &self.message_mail_minutes)
            .field("staff_two_step", &self.staff_two_step)
            .field("oidc_issuer", &self.oidc_issuer)
            // The client's secret is not shown, nor named.
            .field("oidc_client_id", &self.oidc_client_id)
            .field(
                "data_key",
                &if self.data_key.is_empty() {
                    "(file)"
                } else {
                    "…"
                },
            )
            .field("previous_data_keys", &self.previous_data_keys.len())
            .field("files_s3_bucket", &self.files_s3.bucket)
            .field("files_s3_endpoint", &self.files_s3.endpoint)
            .field("map_tiles_attribution", &self.map_tiles_attribution)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn defaults_then_file_then_environment() {
        let c = Config::from_sources("x", "", &env(&[])).expect("defaults");
        assert_eq!(c, Config::default());
        let c = Config::from_sources(
            "x",
            "address = \"0.0.0.0:8080\"\nhash_files = false",
            &env(&[]),
        )
        .expect("file");
        assert_eq!(c.address.port(), 8080);
        assert!(!c.hash_files);
        let c = Config::from_sources(
            "x",
            "address = \"0.0.0.0:8080\"",
            &env(&[("DOORSTEP_ADDRESS", "127.0.0.1:9")]),
        )
        .expect("env");
        assert_eq!(c.address.port(), 9);
        assert_eq!(c.database_url(), "sqlite://data/doorstep.db");
    }

    #[test]
    fn bad_values_name_the_key_and_what_is_allowed() {
        let err = Config::from_sources("x", "log_format = \"xml\"", &env(&[])).expect_err("bad");
        let text = err.to_string();
        assert!(
            text.contains("log_format")
                && text.contains("DOORSTEP_LOG_FORMAT")
                && text.contains("json"),
            "{text}"
        );
        let err = Config::from_sources("x", "", &env(&[("DOORSTEP_DATABASE_URL", "mysql://x")]))
            .expect_err("bad");
        assert!(err.to_string().contains("database_url"));
        let err = Config::from_sources("x", "adress = \"x\"", &env(&[])).expect_err("unknown");
        assert!(matches!(err, ConfigError::UnknownKey { .. }));
        let err = Config::from_sources("x", "address = [", &env(&[])).expect_err("syntax");
        assert!(matches!(err, ConfigError::Syntax { .. }));
        let err = Config::from_sources("x", "database_max_connections = 0", &env(&[]))
            .expect_err("range");
        assert!(err.to_string().contains("1 to 1000"));
    }

    #[test]
    fn debug_hides_database_passwords() {
        let c = Config::from_sources(
            "x",
            "database_url = \"postgres://u:secret@db/doorstep\"",
            &env(&[]),
        )
        .expect("pg");
        assert!(!format!("{c:?}").contains("secret"));
        let c = Config::from_sources(
            "x",
            "database_url = \"postgres://db/doorstep?user=u&password=hunter2&sslmode=require\"",
            &env(&[]),
        )
        .expect("pg with query");
        let shown = format!("{c:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(
            shown.contains("sslmode=require") && shown.contains("user=u"),
            "{shown}"
        );
        assert_eq!(
            redact_url("postgres://u:p@h/d?Password=x"),
            "postgres://u:…@h/d?Password=…"
        );
        assert_eq!(redact_url("sqlite://data/x.db"), "sqlite://data/x.db");
    }

    #[test]
    fn proxies_and_session_lifetimes() {
        let c = Config::from_sources(
            "x",
            "trusted_proxies = [\"127.0.0.1\", \"10.0.0.0/8\"]\nsession_idle_days = 7",
            &env(&[]),
        )
        .expect("lists");
        assert_eq!(c.trusted_proxies.0.len(), 2);
        assert_eq!(c.session_policy().customer_idle_secs, 7 * 24 * 3600);
        let c = Config::from_sources(
            "x",
            "",
            &env(&[("DOORSTEP_TRUSTED_PROXIES", "::1, 127.0.0.1")]),
        )
        .expect("env list");
        assert_eq!(c.trusted_proxies.0.len(), 2);
        let err = Config::from_sources("x", "trusted_proxies = [\"proxy.local\"]", &env(&[]))
            .expect_err("names are not addresses");
        assert!(err.to_string().contains("trusted_proxies"), "{err}");
        let err = Config::from_sources(
            "x",
            "session_idle_days = 60\nsession_max_days = 30",
            &env(&[]),
        )
        .expect_err("max below idle");
        assert!(err.to_string().contains("session_max_days"), "{err}");
        assert!(Config::from_sources("x", "session_idle_days = 0", &env(&[])).is_err());
    }

    #[test]
    fn mail_settings_and_their_secrets() {
        let c = Config::from_sources(
            "x",
            "smtp_host = \"mail.example.com\"\nsmtp_port = 465\nsmtp_tls = \"tls\"\n\
             smtp_username = \"portal\"\nsmtp_password = \"s3cret\"\n\
             mail_from = \"Brightside <portal@example.com>\"",
            &env(&[]),
        )
        .expect("mail settings");
        assert_eq!(c.mail.smtp_port, 465);
        assert_eq!(c.mail.smtp_tls, SmtpTls::Tls);
        assert!(!format!("{c:?}").contains("s3cret"));
        let err = Config::from_sources("x", "smtp_tls = \"ssl\"", &env(&[])).expect_err("tls");
        assert!(err.to_string().contains("starttls"), "{err}");
        let err = Config::from_sources("x", "mail_from = \"not an address\"", &env(&[]))
            .expect_err("from");
        assert!(err.to_string().contains("mail_from"), "{err}");
        assert!(Config::from_sources("x", "smtp_port = 0", &env(&[])).is_err());
    }

    #[test]
    fn positions_and_map_tiles() {
        let c = Config::from_sources(
            "x",
            "arrival_radius_m = 250\nposition_keep_minutes = 30\n\
             map_tiles_url = \"https://tiles.example.com/{z}/{x}/{y}.png\"\n\
             map_tiles_attribution = \"© Example\"",
            &env(&[]),
        )
        .expect("position settings");
        assert_eq!(c.position_policy().arrival_radius_m, 250);
        assert_eq!(c.position_policy().keep.as_secs(), 30 * 60);
        assert_eq!(c.map_tiles_url, "https://tiles.example.com/{z}/{x}/{y}.png");
        for bad in [
            "arrival_radius_m = 0",
            "arrival_radius_m = 9000",
            "position_keep_minutes = 0",
            "position_keep_minutes = 2000",
            // No place for the tile numbers; not a web address; a quote that would leave
            // the content security policy.
            "map_tiles_url = \"https://tiles.example.com/tile.png\"",
            "map_tiles_url = \"ftp://tiles.example.com/{z}/{x}/{y}.png\"",
            "map_tiles_url = \"https://a.example.com/{z}/{x}/{y}.png'; script-src *\"",
        ] {
            let err = Config::from_sources("x", bad, &env(&[])).expect_err(bad);
            assert!(matches!(err, ConfigError::Invalid { .. }), "{bad}: {err}");
        }
    }

    #[test]
    fn uploads_and_file_store() {
        let c = Config::from_sources(
            "x",
            "upload_max_mb = 5\nupload_max_files = 3\nupload_max_megapixels = 24\n\
             files_s3_bucket = \"doorstep-files\"\n\
             files_s3_endpoint = \"http://127.0.0.1:9000/\"",
            &env(&[("DOORSTEP_FILES_S3_SECRET_ACCESS_KEY", "s3cr3t")]),
        )
        .expect("upload settings");
        assert_eq!(c.uploads.max_bytes, 5 * 1024 * 1024);
        assert_eq!(c.uploads.max_files, 3);
        assert_eq!(c.uploads.max_pixels, 24_000_000);
        assert_eq!(c.files_s3.bucket, "doorstep-files");
        assert_eq!(c.files_s3.endpoint, "http://127.0.0.1:9000");
        assert_eq!(c.files_s3.region, "us-east-1");
        assert!(!format!("{c:?}").contains("s3cr3t"));
        assert!(!format!("{:?}", c.files_s3).contains("s3cr3t"));
        for bad in [
            "upload_max_mb = 0",
            "upload_max_mb = 500",
            "upload_max_files = 0",
            "upload_max_megapixels = 1000",
            "files_s3_bucket = \"Has Spaces\"",
            "files_s3_endpoint = \"s3.example.com\"",
        ] {
            let err = Config::from_sources("x", bad, &env(&[])).expect_err(bad);
            assert!(matches!(err, ConfigError::Invalid { .. }), "{bad}: {err}");
        }
        let secret = Config::from_sources(
            "x",
            "upload_max_files = \"many\"",
            &env(&[("DOORSTEP_FILES_S3_SECRET_ACCESS_KEY", "s3cr3t")]),
        )
        .expect_err("bad");
        assert!(!secret.to_string().contains("s3cr3t"));
    }
}
