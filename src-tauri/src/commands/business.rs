//! The business: first-run setup and the profile in Settings.

use kontor::business::{BusinessProfile, BusinessProfileUpdate, SetupInput};
use kontor::session::Session;
use tauri::State;

use crate::error::CommandError;
use crate::state::Desktop;
use crate::status::AppStatus;

/// First run: creates the business and its owner, and signs the owner in.
#[tauri::command]
pub async fn setup_business(desktop: State<'_, Desktop>, input: SetupInput) -> Result<AppStatus, CommandError> {
    let kontor = desktop.kontor().await?;
    let owner = kontor.set_up(input).await?;
    let profile = kontor.business_profile().await?.ok_or(kontor::Error::NotSetUp)?;
    desktop.sign_in(Session::start(owner, kontor.now(), profile.idle_lock_minutes));
    AppStatus::of(&desktop).await
}

#[tauri::command]
pub async fn business_get(desktop: State<'_, Desktop>) -> Result<BusinessProfile, CommandError> {
    let (kontor, _actor) = desktop.acting().await?;
    Ok(kontor.business_profile().await?.ok_or(kontor::Error::NotSetUp)?)
}

#[tauri::command]
pub async fn business_update(
    desktop: State<'_, Desktop>,
    input: BusinessProfileUpdate,
) -> Result<BusinessProfile, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    let profile = kontor.update_business(&actor, input).await?;
    desktop.with_session(|session| {
        session.set_idle_lock_minutes(profile.idle_lock_minutes);
        Ok(())
    })?;
    Ok(profile)
}
