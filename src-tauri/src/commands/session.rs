//! Signing in and out, locking and unlocking the session.

use kontor::business::DEFAULT_IDLE_LOCK_MINUTES;
use kontor::session::Session;
use tauri::State;

use crate::error::CommandError;
use crate::state::Desktop;
use crate::status::AppStatus;

#[tauri::command]
pub async fn session_login(
    desktop: State<'_, Desktop>,
    username: String,
    password: String,
) -> Result<AppStatus, CommandError> {
    let kontor = desktop.kontor().await?;
    let user = kontor.sign_in(&username, &password).await?;
    let idle_minutes = kontor.business_profile().await?.map_or(DEFAULT_IDLE_LOCK_MINUTES, |p| p.idle_lock_minutes);
    desktop.sign_in(Session::start(user, kontor.now(), idle_minutes));
    AppStatus::of(&desktop).await
}

#[tauri::command]
pub async fn session_logout(desktop: State<'_, Desktop>) -> Result<AppStatus, CommandError> {
    desktop.sign_out();
    AppStatus::of(&desktop).await
}

#[tauri::command]
pub async fn session_lock(desktop: State<'_, Desktop>) -> Result<AppStatus, CommandError> {
    desktop.with_session(|session| {
        session.lock();
        Ok(())
    })?;
    AppStatus::of(&desktop).await
}

/// Unlocks with the signed-in user's own password (throttled like sign-in).
#[tauri::command]
pub async fn session_unlock(desktop: State<'_, Desktop>, password: String) -> Result<AppStatus, CommandError> {
    let kontor = desktop.kontor().await?;
    let user_id = desktop.with_session(|session| Ok(session.user().id))?;
    kontor.verify_password(user_id, &password).await?;
    desktop.with_session(|session| {
        session.unlock(kontor.now());
        Ok(())
    })?;
    AppStatus::of(&desktop).await
}

/// Keyboard or mouse activity in the window keeps the session open.
#[tauri::command]
pub async fn session_activity(desktop: State<'_, Desktop>) -> Result<(), CommandError> {
    let kontor = desktop.kontor().await?;
    desktop.with_session(|session| session.record_activity(kontor.now()))
}
