//! SMTP settings (host, port, security, login name, sender address), kept
//! as one JSON row in `settings`. The password is not among them: it lives
//! in the OS keyring (`secret`).

use lettre::Address;
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::validate::{optional_text, required_text};

const KEY: &str = "smtp";

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SmtpSecurity {
    /// Plain SMTP (a relay on this machine or the local network only).
    None,
    /// Plain connection upgraded with STARTTLS (usually port 587).
    Starttls,
    /// TLS from the first byte (usually port 465).
    Tls,
}

impl SmtpSecurity {
    pub fn parse(text: &str) -> Result<SmtpSecurity> {
        match text.trim().to_ascii_lowercase().as_str() {
            "none" => Ok(SmtpSecurity::None),
            "starttls" => Ok(SmtpSecurity::Starttls),
            "tls" => Ok(SmtpSecurity::Tls),
            _ => Err(Error::InvalidInput {
                field: "security",
                reason: format!("\"{text}\" is not a connection security (none, starttls, tls)"),
            }),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub security: SmtpSecurity,
    /// The login name; empty when the server takes mail without signing in.
    pub username: String,
    /// The sender address on every message.
    pub from_address: String,
}

impl SmtpSettings {
    /// Trimmed and checked; each refusal names its field.
    pub fn cleaned(&self) -> Result<SmtpSettings> {
        let host = required_text("host", &self.host, 253)?;
        if host.contains(|c: char| c.is_whitespace() || c == '/' || c == ':') {
            return Err(Error::InvalidInput { field: "host", reason: format!("\"{host}\" is not a host name") });
        }
        if self.port == 0 {
            return Err(Error::InvalidInput { field: "port", reason: "must be between 1 and 65535".into() });
        }
        let username = optional_text("username", &self.username, 254)?;
        let from_address = mail_address("fromAddress", &self.from_address)?.to_string();
        Ok(SmtpSettings { host, port: self.port, security: self.security, username, from_address })
    }
}

/// An address mail can be sent to, as the SMTP library will accept it.
pub fn mail_address(field: &'static str, text: &str) -> Result<Address> {
    let text = required_text(field, text, 254)?;
    text.parse().map_err(|_| Error::InvalidInput {
        field,
        reason: format!("\"{text}\" is not an email address (like name@example.com)"),
    })
}

pub(super) async fn read(conn: &mut SqliteConnection) -> Result<Option<SmtpSettings>> {
    let value: Option<String> =
        sqlx::query_scalar("SELECT value FROM settings WHERE key = ?").bind(KEY).fetch_optional(conn).await?;
    // Written only by `write` below, so it always parses; an unreadable row counts as not set up.
    Ok(value.and_then(|text| serde_json::from_str(&text).ok()))
}

pub(super) async fn write(
    conn: &mut SqliteConnection,
    settings: &SmtpSettings,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let value = serde_json::to_string(settings).expect("settings serialise");
    sqlx::query(
        "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (key) DO UPDATE SET value = ?2, updated_at = ?3",
    )
    .bind(KEY)
    .bind(value)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}
