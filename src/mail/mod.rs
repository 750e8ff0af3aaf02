//! E-mail: SMTP settings (password in the OS keyring only), an outbox that
//! keeps messages until the server took them, and a test message. The
//! invoice work calls `queue_mail` with a PDF (bytes + file name); the
//! desktop's housekeeping and `kontor mail send-pending` send what is due.

mod outbox;
mod secret;
mod settings;
mod smtp;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::json;
use ts_rs::TS;

use crate::Kontor;
use crate::attachments::{check_pdf, clean_file_name, files};
use crate::error::{Error, Result};
use crate::history::{self, Change};
use crate::orders::back_off;
use crate::staff::{Actor, Permission};
use crate::validate::{optional_text, required_text};

pub use secret::account as keyring_account;
pub use settings::{SmtpSecurity, SmtpSettings, mail_address};

/// One run of the sender at a time in this process, so no message goes out twice.
static SENDING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The Settings page's Email section: what is set, and whether the keyring holds a password.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MailSettings {
    pub smtp: Option<SmtpSettings>,
    pub password: PasswordState,
    /// Why the keyring could not be asked, when `password` is `unknown`.
    pub keyring_error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PasswordState {
    Stored,
    Missing,
    /// No login name: the server takes mail without signing in.
    NotNeeded,
    /// The keyring could not be reached.
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
#[ts(export)]
pub enum MailStatus {
    Pending,
    Sent,
    /// The server refused it for good (e.g. unknown recipient); not retried.
    Failed,
}

/// A message in the outbox, as the Settings page and `kontor mail outbox` show it.
#[derive(Debug, Clone, PartialEq, Serialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OutboxEntry {
    #[ts(type = "number")]
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub attachment_name: Option<String>,
    pub status: MailStatus,
    #[ts(type = "number")]
    pub attempts: i64,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: Option<String>,
    pub queued_by: String,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

/// What one run of the sender did, and how many messages still wait.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MailRun {
    pub sent: u32,
    pub failed: u32,
    pub pending: u32,
}

/// A PDF to send: its bytes and the name the recipient sees.
#[derive(Debug, Clone)]
pub struct PdfFile {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// A message checked and with its PDF stored: what `queue_ready` writes.
pub(crate) struct ReadyMail {
    pub recipient: String,
    subject: String,
    body: String,
    /// The file name and the stored file's SHA-256.
    attachment: Option<(String, String)>,
}

/// Puts a ready message in the outbox (and its history) on `conn`, in the caller's transaction.
pub(crate) async fn queue_ready(
    conn: &mut sqlx::SqliteConnection,
    actor: &Actor,
    now: DateTime<Utc>,
    ready: &ReadyMail,
) -> Result<OutboxEntry> {
    let new = outbox::NewMessage {
        recipient: &ready.recipient,
        subject: &ready.subject,
        body: &ready.body,
        attachment: ready.attachment.as_ref().map(|(name, sha256)| (name.as_str(), sha256.as_str())),
        queued_by: &actor.name,
        now,
    };
    let id = outbox::insert(conn, &new).await?;
    let after = Some(
        json!({ "recipient": ready.recipient, "subject": ready.subject, "attachment": new.attachment.map(|a| a.0) }),
    );
    history::record(
        conn,
        Change { entity: "mail", entity_id: Some(id), action: "queued", before: None, after, actor, at: now },
    )
    .await?;
    outbox::get(conn, id).await
}

/// A message to queue (an invoice to a customer, say).
#[derive(Debug, Clone)]
pub struct OutgoingMail {
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub attachment: Option<PdfFile>,
}

impl Kontor {
    pub async fn mail_settings(&self, actor: &Actor) -> Result<MailSettings> {
        actor.require(Permission::EditBusiness)?;
        let smtp = self.smtp_settings().await?;
        let Some(smtp) = smtp else {
            return Ok(MailSettings { smtp: None, password: PasswordState::Missing, keyring_error: None });
        };
        if smtp.username.is_empty() {
            return Ok(MailSettings { smtp: Some(smtp), password: PasswordState::NotNeeded, keyring_error: None });
        }
        let (password, keyring_error) = match secret::read_password(&secret::account(&smtp.username, &smtp.host)).await
        {
            Ok(Some(_)) => (PasswordState::Stored, None),
            Ok(None) => (PasswordState::Missing, None),
            Err(Error::KeyringUnavailable { reason }) => (PasswordState::Unknown, Some(reason)),
            Err(error) => return Err(error),
        };
        Ok(MailSettings { smtp: Some(smtp), password, keyring_error })
    }

    /// Saves the SMTP settings (not the password: `set_smtp_password`).
    pub async fn set_smtp_settings(&self, actor: &Actor, input: SmtpSettings) -> Result<MailSettings> {
        actor.require(Permission::EditBusiness)?;
        let cleaned = input.cleaned()?;
        let now = self.now();
        let mut tx = self.store().write().await?;
        let before = settings::read(&mut tx).await?;
        settings::write(&mut tx, &cleaned, now).await?;
        let change = Change {
            entity: "setting",
            entity_id: None,
            action: "smtp",
            before: before.as_ref().and_then(history::snapshot),
            after: history::snapshot(&cleaned),
            actor,
            at: now,
        };
        history::record(&mut tx, change).await?;
        tx.commit().await?;
        self.mail_settings(actor).await
    }

    /// Puts the SMTP password in the OS keyring (an empty one removes it).
    /// History says that it changed, never what it is.
    pub async fn set_smtp_password(&self, actor: &Actor, password: &str) -> Result<MailSettings> {
        actor.require(Permission::EditBusiness)?;
        if password.chars().count() > 1024 {
            return Err(Error::InvalidInput { field: "password", reason: "must be at most 1024 characters".into() });
        }
        let smtp = self.smtp_settings().await?.filter(|smtp| !smtp.username.is_empty()).ok_or_else(|| {
            Error::InvalidInput { field: "password", reason: "save the SMTP server and login name first".into() }
        })?;
        let account = secret::account(&smtp.username, &smtp.host);
        let action = if password.is_empty() {
            secret::forget_password(&account).await?;
            "smtp_password_removed"
        } else {
            secret::store_password(&account, password).await?;
            "smtp_password_stored"
        };
        let now = self.now();
        let mut tx = self.store().write().await?;
        let after = Some(json!({ "keyringAccount": account }));
        history::record(
            &mut tx,
            Change { entity: "setting", entity_id: None, action, before: None, after, actor, at: now },
        )
        .await?;
        tx.commit().await?;
        self.mail_settings(actor).await
    }

    /// Queues a message (with at most one PDF) for sending; nothing is sent yet.
    pub async fn queue_mail(&self, actor: &Actor, mail: OutgoingMail) -> Result<OutboxEntry> {
        actor.require(Permission::EnterOrders)?;
        let ready = self.ready_to_queue(&mail)?;
        let mut tx = self.store().write().await?;
        let entry = queue_ready(&mut tx, actor, self.now(), &ready).await?;
        tx.commit().await?;
        Ok(entry)
    }

    /// Checks a message and stores its PDF, before any transaction, so other
    /// writers do not wait for the disk; `queue_ready` then queues it inside
    /// the caller's transaction (an invoice's e-mail and its history together).
    pub(crate) fn ready_to_queue(&self, mail: &OutgoingMail) -> Result<ReadyMail> {
        let recipient = mail_address("recipient", &mail.recipient)?.to_string();
        let subject = required_text("subject", &mail.subject, 300)?;
        if subject.contains(['\r', '\n']) {
            return Err(Error::InvalidInput { field: "subject", reason: "must be one line".into() });
        }
        let body = optional_text("body", &mail.body, 100_000)?;
        let attachment = match &mail.attachment {
            Some(pdf) => {
                let name = clean_file_name(&pdf.file_name)?;
                check_pdf(&name, &pdf.bytes)?;
                let sha256 = files::store(self.store().data_dir(), &pdf.bytes)?;
                Some((name, sha256))
            }
            None => None,
        };
        Ok(ReadyMail { recipient, subject, body, attachment })
    }

    /// Waiting and failed messages first, then the latest sent; at most 200.
    pub async fn mail_outbox(&self, actor: &Actor) -> Result<Vec<OutboxEntry>> {
        actor.require(Permission::EnterOrders)?;
        let mut conn = self.store().pool().acquire().await?;
        outbox::list(&mut conn, 200).await
    }

    /// Sends a test message now (not through the outbox), to check the settings.
    pub async fn send_test_mail(&self, actor: &Actor, recipient: &str) -> Result<()> {
        actor.require(Permission::EditBusiness)?;
        let recipient = mail_address("recipient", recipient)?.to_string();
        let connection = self.smtp_connection().await?;
        let letter = smtp::Letter {
            recipient: &recipient,
            subject: "Kontor test message",
            body: "This message was sent by Kontor to check its e-mail settings.",
            attachment: None,
        };
        smtp::send(&connection, letter).await.map_err(|refusal| Error::MailFailed { reason: refusal.reason })
    }

    /// Sends every message that is due, oldest first. A message the server
    /// refuses for good is marked failed; when the server cannot be reached,
    /// the message waits (back-off) and the rest wait with it until the next run.
    pub async fn send_pending_mail(&self) -> Result<MailRun> {
        let _one_sender = SENDING.lock().await;
        let now = self.now();
        let due = {
            let mut conn = self.store().pool().acquire().await?;
            outbox::due(&mut conn, now).await?
        };
        let mut run = MailRun::default();
        if !due.is_empty() {
            match self.smtp_connection().await {
                Ok(connection) => self.send_due(&connection, due, &mut run).await?,
                Err(problem) => {
                    let mut conn = self.store().pool().acquire().await?;
                    for message in &due {
                        let retry_at = now + back_off(message.attempts + 1);
                        outbox::mark_refused(&mut conn, message.id, &problem.to_string(), false, retry_at).await?;
                    }
                }
            }
        }
        let pending: i64 = sqlx::query_scalar("SELECT count(*) FROM mail_outbox WHERE status = 'pending'")
            .fetch_one(self.store().pool())
            .await?;
        run.pending = pending as u32;
        Ok(run)
    }

    /// "Send now": every pending message is tried at once, whatever its back-off says.
    pub async fn send_all_pending_mail(&self) -> Result<MailRun> {
        sqlx::query("UPDATE mail_outbox SET next_attempt_at = ? WHERE status = 'pending' AND next_attempt_at > ?")
            .bind(self.now())
            .bind(self.now())
            .execute(self.store().pool())
            .await?;
        self.send_pending_mail().await
    }

    async fn send_due(
        &self,
        connection: &smtp::Connection,
        due: Vec<outbox::DueMessage>,
        run: &mut MailRun,
    ) -> Result<()> {
        let mut conn = self.store().pool().acquire().await?;
        for message in due {
            let attachment = match (&message.attachment_name, &message.attachment_sha256) {
                (Some(name), Some(sha256)) => match files::read(self.store().data_dir(), sha256) {
                    Ok(bytes) => Some((name.as_str(), bytes)),
                    Err(error) => {
                        outbox::mark_refused(&mut conn, message.id, &error.to_string(), true, self.now()).await?;
                        run.failed += 1;
                        continue;
                    }
                },
                _ => None,
            };
            let letter = smtp::Letter {
                recipient: &message.recipient,
                subject: &message.subject,
                body: &message.body,
                attachment,
            };
            match smtp::send(connection, letter).await {
                Ok(()) => {
                    outbox::mark_sent(&mut conn, message.id, self.now()).await?;
                    run.sent += 1;
                }
                Err(refusal) if refusal.permanent => {
                    outbox::mark_refused(&mut conn, message.id, &refusal.reason, true, self.now()).await?;
                    run.failed += 1;
                }
                Err(refusal) => {
                    let retry_at = self.now() + back_off(message.attempts + 1);
                    outbox::mark_refused(&mut conn, message.id, &refusal.reason, false, retry_at).await?;
                    break;
                }
            }
        }
        Ok(())
    }

    /// Refuses (`mail_not_configured`) when no server is set, or its login has no
    /// password in the keyring: such mail would only wait. A keyring out of reach
    /// now is not a refusal: the outbox retries and says why.
    pub(crate) async fn check_mail_set_up(&self) -> Result<()> {
        match self.smtp_connection().await {
            Ok(_) | Err(Error::KeyringUnavailable { .. }) => Ok(()),
            Err(error) => Err(error),
        }
    }

    async fn smtp_settings(&self) -> Result<Option<SmtpSettings>> {
        let mut conn = self.store().pool().acquire().await?;
        settings::read(&mut conn).await
    }

    /// Settings, the password from the keyring, and the business name to send as.
    async fn smtp_connection(&self) -> Result<smtp::Connection> {
        let settings = self
            .smtp_settings()
            .await?
            .ok_or_else(|| Error::MailNotConfigured { reason: "no SMTP server is set (Settings → Email)".into() })?;
        let password = if settings.username.is_empty() {
            None
        } else {
            let account = secret::account(&settings.username, &settings.host);
            let password = secret::read_password(&account).await?.ok_or_else(|| Error::MailNotConfigured {
                reason: format!("no SMTP password for {account} in the OS keyring"),
            })?;
            Some(password)
        };
        let sender_name: Option<String> =
            sqlx::query_scalar("SELECT name FROM business WHERE id = 1").fetch_optional(self.store().pool()).await?;
        Ok(smtp::Connection { settings, password, sender_name: sender_name.unwrap_or_default() })
    }
}
