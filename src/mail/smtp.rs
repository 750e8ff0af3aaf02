//! Talking to the SMTP server with lettre (rustls, no OpenSSL): building a
//! message with its PDF and handing it over. A refusal is either final (the
//! server said 5xx: the message fails) or worth retrying (down, 4xx, timeout).

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::settings::{SmtpSecurity, SmtpSettings, mail_address};
use crate::error::Result;

const TIMEOUT: Duration = Duration::from_secs(20);

/// Everything needed to connect: the settings and the password from the keyring.
pub(super) struct Connection {
    pub settings: SmtpSettings,
    pub password: Option<String>,
    /// Shown as the sender's name (the business).
    pub sender_name: String,
}

/// A message as it goes out.
pub(super) struct Letter<'a> {
    pub recipient: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub attachment: Option<(&'a str, Vec<u8>)>,
}

/// Why sending did not work, and whether trying again may help.
pub(super) struct Refusal {
    pub reason: String,
    pub permanent: bool,
}

pub(super) async fn send(connection: &Connection, letter: Letter<'_>) -> Result<(), Refusal> {
    let message = build(connection, letter).map_err(|reason| Refusal { reason, permanent: true })?;
    let transport = transport(connection).map_err(|reason| Refusal { reason, permanent: false })?;
    transport
        .send(message)
        .await
        .map(|_| ())
        .map_err(|error| Refusal { permanent: error.is_permanent(), reason: describe(&error) })
}

fn build(connection: &Connection, letter: Letter<'_>) -> Result<Message, String> {
    let from = mail_address("fromAddress", &connection.settings.from_address).map_err(|error| error.to_string())?;
    let to = mail_address("recipient", letter.recipient).map_err(|error| error.to_string())?;
    let name = Some(connection.sender_name.clone()).filter(|name| !name.is_empty());
    let builder = Message::builder().from(Mailbox::new(name, from)).to(Mailbox::new(None, to)).subject(letter.subject);
    let text = SinglePart::plain(letter.body.to_string());
    let message = match letter.attachment {
        None => builder.singlepart(text),
        Some((file_name, bytes)) => {
            let pdf = Attachment::new(file_name.to_string())
                .body(bytes, ContentType::parse("application/pdf").expect("a valid content type"));
            builder.multipart(MultiPart::mixed().singlepart(text).singlepart(pdf))
        }
    };
    message.map_err(|error| format!("the message cannot be built: {error}"))
}

fn transport(connection: &Connection) -> Result<AsyncSmtpTransport<Tokio1Executor>, String> {
    let settings = &connection.settings;
    let host = settings.host.as_str();
    let builder = match settings.security {
        SmtpSecurity::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
        SmtpSecurity::Starttls => {
            AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host).map_err(|e| describe(&e))?
        }
        SmtpSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(host).map_err(|e| describe(&e))?,
    };
    let mut builder = builder.port(settings.port).timeout(Some(TIMEOUT));
    if !settings.username.is_empty() {
        let password = connection.password.clone().unwrap_or_default();
        builder = builder.credentials(Credentials::new(settings.username.clone(), password));
    }
    Ok(builder.build())
}

/// lettre's error with its causes, e.g. "Connection error: Connection refused (os error 111)".
fn describe(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        // lettre's own text already carries some causes; say each once.
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(&format!(": {cause_text}"));
        }
        source = cause.source();
    }
    text
}
