//! Sending queued mail: the background task handler for `mail.send`. It renders the message
//! in the recipient's language with the business's current brand, sends it over SMTP (or,
//! with no SMTP server configured, writes it as an `.eml` file under the data folder), and
//! records the delivery. A message already recorded as sent is never sent again.

use app::state::AppState;
use doorstep::locale::Locale;
use doorstep::services::clock;
use doorstep::services::mail::{MailTemplate, SEND_MAIL, parse_send_payload};
use doorstep::services::tasks::{TaskError, TaskFuture, TaskHandler};
use doorstep::store::mail;
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

/// How the SMTP connection is secured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmtpTls {
    /// STARTTLS on the submission port (587), required.
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
    /// None at all: only for a relay on the same machine or a test server.
    None,
}

/// Where mail goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailSettings {
    /// The SMTP server's host name; empty: write `.eml` files instead.
    pub smtp_host: String,
    pub smtp_port: u16,
    pub smtp_tls: SmtpTls,
    pub smtp_username: String,
    pub smtp_password: String,
    /// The sender, `Name <address>` or an address.
    pub from: String,
}

impl Default for MailSettings {
    fn default() -> Self {
        Self {
            smtp_host: String::new(),
            smtp_port: 587,
            smtp_tls: SmtpTls::StartTls,
            smtp_username: String::new(),
            smtp_password: String::new(),
            from: "Doorstep <portal@localhost>".into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum MailSetupError {
    #[error("mail_from is not an address such as \"Brightside <portal@example.com>\": {0}")]
    From(String),
    #[error("the SMTP server {host} cannot be used: {reason}")]
    Smtp { host: String, reason: String },
}

enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(PathBuf),
}

/// The handler of `mail.send` tasks.
pub struct MailSender {
    app: AppState,
    transport: Transport,
    from: Mailbox,
}

impl MailSender {
    /// Mail over SMTP as configured, or into `data_dir/mail` without an SMTP host.
    pub fn new(
        app: AppState,
        settings: &MailSettings,
        data_dir: &std::path::Path,
    ) -> Result<Self, MailSetupError> {
        let from: Mailbox = settings
            .from
            .parse()
            .map_err(|e: lettre::address::AddressError| MailSetupError::From(e.to_string()))?;
        let transport = if settings.smtp_host.is_empty() {
            Transport::Files(data_dir.join("mail"))
        } else {
            let host = settings.smtp_host.as_str();
            let smtp_error = |e: lettre::transport::smtp::Error| MailSetupError::Smtp {
                host: host.to_string(),
                reason: e.to_string(),
            };
            let builder = match settings.smtp_tls {
                SmtpTls::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host)
                    .map_err(smtp_error)?,
                SmtpTls::Tls => {
                    AsyncSmtpTransport::<Tokio1Executor>::relay(host).map_err(smtp_error)?
                }
                SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
            };
            let mut builder = builder
                .port(settings.smtp_port)
                .timeout(Some(Duration::from_secs(30)));
            if !settings.smtp_username.is_empty() {
                builder = builder.credentials(Credentials::new(
                    settings.smtp_username.clone(),
                    settings.smtp_password.clone(),
                ));
            }
            Transport::Smtp(builder.build())
        };
        Ok(Self {
            app,
            transport,
            from,
        })
    }

    /// Where mail goes, for the start-up log.
    pub fn destination(&self) -> String {
        match &self.transport {
            Transport::Smtp(_) => "SMTP".into(),
            Transport::Files(dir) => format!("files in {}", dir.display()),
        }
    }

    async fn send(&self, payload: &str) -> Result<(), TaskError> {
        let id = parse_send_payload(payload)
            .ok_or_else(|| TaskError::Permanent(format!("not a mail task: {payload}")))?;
        let row = {
            let mut conn = self.app.store.conn().await.map_err(retry)?;
            mail::by_id(&mut conn, id).await.map_err(retry)?
        };
        if let Some(sent_at) = row.sent_at {
            tracing::info!(
                mail = id,
                sent_at,
                "mail already sent; not sending it again"
            );
            return Ok(());
        }
        let message = self.build(&row)?;
        let delivery = match &self.transport {
            Transport::Smtp(smtp) => {
                let response = smtp.send(message).await.map_err(|e| {
                    if e.is_permanent() {
                        TaskError::Permanent(format!("the SMTP server refused it: {e}"))
                    } else {
                        TaskError::Retry(format!("SMTP: {e}"))
                    }
                })?;
                let said = response.message().next().unwrap_or_default().to_string();
                format!("smtp {}: {said}", response.code())
            }
            Transport::Files(dir) => {
                let path = dir.join(format!("{}-{id:06}.eml", row.created_at));
                write_file(dir, &path, &message.formatted())
                    .await
                    .map_err(|e| TaskError::Retry(format!("writing {}: {e}", path.display())))?;
                tracing::info!(mail = id, path = %path.display(), "mail written to a file (no SMTP server configured)");
                format!("file {}", path.display())
            }
        };
        let mut conn = self.app.store.conn().await.map_err(retry)?;
        mail::mark_sent(&mut conn, id, clock::now(), &delivery)
            .await
            .map_err(retry)?;
        Ok(())
    }

    fn build(&self, row: &mail::MailRow) -> Result<Message, TaskError> {
        let template = MailTemplate::parse(&row.template).ok_or_else(|| {
            TaskError::Permanent(format!("unknown mail template {:?}", row.template))
        })?;
        let locale = Locale::parse(&row.locale).unwrap_or_default();
        let args: BTreeMap<String, String> = serde_json::from_str(&row.args)
            .map_err(|e| TaskError::Permanent(format!("mail arguments: {e}")))?;
        let business = self.app.business();
        let rendered = app::mail::render(template, locale, &args, &business);
        let address = row
            .to_address
            .parse()
            .map_err(|e| TaskError::Permanent(format!("recipient {:?}: {e}", row.to_address)))?;
        let from = Mailbox::new(Some(business.name.clone()), self.from.email.clone());
        Message::builder()
            .from(from)
            .to(Mailbox::new(row.to_name.clone(), address))
            .subject(rendered.subject)
            .multipart(MultiPart::alternative_plain_html(
                rendered.text,
                rendered.html,
            ))
            .map_err(|e| TaskError::Permanent(format!("building the message: {e}")))
    }
}

fn retry(err: impl std::fmt::Display) -> TaskError {
    TaskError::Retry(err.to_string())
}

/// Writes `bytes` to `path` (in `dir`, created readable by its owner only), whole or not
/// at all.
async fn write_file(
    dir: &std::path::Path,
    path: &std::path::Path,
    bytes: &[u8],
) -> std::io::Result<()> {
    let dir = dir.to_path_buf();
    let path = path.to_path_buf();
    let bytes = bytes.to_vec();
    tokio::task::spawn_blocking(move || {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(&dir)?;
        let partial = path.with_extension("eml.part");
        std::fs::write(&partial, &bytes)?;
        std::fs::rename(&partial, &path)
    })
    .await
    .map_err(std::io::Error::other)?
}

impl TaskHandler for MailSender {
    fn kind(&self) -> &'static str {
        SEND_MAIL
    }

    fn run<'a>(&'a self, payload: &'a str, _attempt: i64) -> TaskFuture<'a> {
        Box::pin(self.send(payload))
    }
}
