//! E-mail settings (the password goes straight to the OS keyring), a test
//! message, and the outbox with "send now".

use kontor::mail::{MailRun, MailSettings, OutboxEntry, SmtpSettings};
use tauri::State;

use crate::error::CommandError;
use crate::state::Desktop;

#[tauri::command]
pub async fn mail_settings_get(desktop: State<'_, Desktop>) -> Result<MailSettings, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.mail_settings(&actor).await?)
}

#[tauri::command]
pub async fn mail_settings_save(
    desktop: State<'_, Desktop>,
    input: SmtpSettings,
) -> Result<MailSettings, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.set_smtp_settings(&actor, input).await?)
}

/// An empty password removes the stored one.
#[tauri::command]
pub async fn mail_password_set(desktop: State<'_, Desktop>, password: String) -> Result<MailSettings, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.set_smtp_password(&actor, &password).await?)
}

#[tauri::command]
pub async fn mail_test(desktop: State<'_, Desktop>, recipient: String) -> Result<(), CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.send_test_mail(&actor, &recipient).await?)
}

#[tauri::command]
pub async fn mail_outbox(desktop: State<'_, Desktop>) -> Result<Vec<OutboxEntry>, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.mail_outbox(&actor).await?)
}

/// "Send now": tries every pending message instead of waiting for its next try.
#[tauri::command]
pub async fn mail_send_pending(desktop: State<'_, Desktop>) -> Result<MailRun, CommandError> {
    let (kontor, _actor) = desktop.acting().await?;
    Ok(kontor.send_all_pending_mail().await?)
}
