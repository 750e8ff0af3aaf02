//! `kontor mail …`: SMTP settings (the password goes to the OS keyring),
//! the outbox, sending what waits, and a test message.

use std::path::PathBuf;

use clap::Subcommand;
use kontor::mail::{MailSettings, OutboxEntry, OutgoingMail, PdfFile, SmtpSecurity, SmtpSettings};
use kontor::staff::Actor;
use kontor::{Kontor, Result};

use super::output;
use super::password_input::read_new_password;

#[derive(Debug, Subcommand)]
pub enum MailCommand {
    /// Show the SMTP settings and whether the keyring holds the password
    Settings,
    /// Set the SMTP server
    SetServer {
        #[arg(long)]
        host: String,
        /// Default: 587 for starttls, 465 for tls, 25 for none
        #[arg(long)]
        port: Option<u16>,
        /// none, starttls or tls
        #[arg(long, default_value = "starttls", value_parser = parse_security)]
        security: SmtpSecurity,
        /// Login name (leave out when the server needs none)
        #[arg(long, default_value = "")]
        username: String,
        /// Sender address on every message
        #[arg(long = "from")]
        from_address: String,
    },
    /// Store the SMTP password in the OS keyring (prompted, or the first line of stdin)
    Password {
        /// Remove the stored password instead
        #[arg(long)]
        remove: bool,
    },
    /// Put a message (with an optional PDF) in the outbox; `send-pending` sends it
    Queue {
        #[arg(long = "to")]
        recipient: String,
        #[arg(long)]
        subject: String,
        #[arg(long, default_value = "")]
        body: String,
        /// A PDF to attach (checked like an order attachment)
        #[arg(long, value_name = "FILE")]
        attach: Option<PathBuf>,
    },
    /// Messages waiting, failed and recently sent
    Outbox,
    /// Try every pending message now (also those waiting out a back-off)
    SendPending,
    /// Send a test message now, to check the settings
    Test { recipient: String },
}

fn parse_security(text: &str) -> Result<SmtpSecurity, String> {
    SmtpSecurity::parse(text).map_err(|error| error.to_string())
}

pub async fn run(kontor: &Kontor, actor: &Actor, command: MailCommand, json: bool) -> Result<()> {
    match command {
        MailCommand::Settings => print_settings(&kontor.mail_settings(actor).await?, json),
        MailCommand::SetServer { host, port, security, username, from_address } => {
            let port = port.unwrap_or(match security {
                SmtpSecurity::None => 25,
                SmtpSecurity::Starttls => 587,
                SmtpSecurity::Tls => 465,
            });
            let settings = SmtpSettings { host, port, security, username, from_address };
            print_settings(&kontor.set_smtp_settings(actor, settings).await?, json);
        }
        MailCommand::Password { remove } => {
            let password = if remove { String::new() } else { read_new_password()? };
            if !remove && password.is_empty() {
                return Err(kontor::Error::InvalidInput { field: "password", reason: "must not be empty".into() });
            }
            print_settings(&kontor.set_smtp_password(actor, &password).await?, json);
        }
        MailCommand::Queue { recipient, subject, body, attach } => {
            let attachment = match attach {
                Some(path) => Some(PdfFile {
                    file_name: path.display().to_string(),
                    bytes: std::fs::read(&path).map_err(|source| kontor::Error::File {
                        action: "read",
                        path: path.clone(),
                        source,
                    })?,
                }),
                None => None,
            };
            let entry = kontor.queue_mail(actor, OutgoingMail { recipient, subject, body, attachment }).await?;
            output::print(json, &entry, || format!("queued {}", describe(&entry)));
        }
        MailCommand::Outbox => {
            let entries = kontor.mail_outbox(actor).await?;
            output::print(json, &serde_json::json!({ "messages": entries }), || {
                let mut lines: Vec<String> = entries.iter().map(describe).collect();
                lines.push(match entries.len() {
                    1 => "1 message".to_string(),
                    count => format!("{count} messages"),
                });
                lines.join("\n")
            });
        }
        MailCommand::SendPending => {
            let run = kontor.send_all_pending_mail().await?;
            output::print(json, &run, || {
                format!("sent {}, failed {}, still pending {}", run.sent, run.failed, run.pending)
            });
        }
        MailCommand::Test { recipient } => {
            kontor.send_test_mail(actor, &recipient).await?;
            output::print(json, &serde_json::json!({ "sentTo": recipient }), || {
                format!("test message sent to {recipient}")
            });
        }
    }
    Ok(())
}

fn print_settings(settings: &MailSettings, json: bool) {
    output::print(json, settings, || match &settings.smtp {
        None => "e-mail is not set up".to_string(),
        Some(smtp) => {
            let security = serde_json::to_value(smtp.security).expect("serialises");
            let login =
                if smtp.username.is_empty() { "no login".to_string() } else { format!("login {}", smtp.username) };
            let mut text = format!(
                "{}:{} ({})  {login}  from {}\npassword: {}",
                smtp.host,
                smtp.port,
                security.as_str().unwrap_or_default(),
                smtp.from_address,
                serde_json::to_value(settings.password).expect("serialises").as_str().unwrap_or_default()
            );
            if let Some(error) = &settings.keyring_error {
                text.push_str(&format!(" ({error})"));
            }
            text
        }
    });
}

fn describe(entry: &OutboxEntry) -> String {
    let status = serde_json::to_value(entry.status).expect("serialises");
    let mut text = format!(
        "{:>5}  {:<8} {}  {}  to {}",
        entry.id,
        status.as_str().unwrap_or_default(),
        entry.created_at.format("%Y-%m-%d %H:%M UTC"),
        entry.subject,
        entry.recipient
    );
    if let Some(name) = &entry.attachment_name {
        text.push_str(&format!("  [{name}]"));
    }
    if let Some(error) = &entry.last_error {
        text.push_str(&format!("\n       attempt {}: {error}", entry.attempts));
    }
    text
}
