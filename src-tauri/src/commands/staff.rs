//! Settings > Staff: the owner adds people, resets passwords, (de)activates.

use kontor::staff::{NewStaffMember, StaffMember};
use tauri::State;

use crate::error::CommandError;
use crate::state::Desktop;

#[tauri::command]
pub async fn staff_list(desktop: State<'_, Desktop>) -> Result<Vec<StaffMember>, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.list_staff(&actor).await?)
}

#[tauri::command]
pub async fn staff_add(desktop: State<'_, Desktop>, input: NewStaffMember) -> Result<StaffMember, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.add_staff(&actor, input).await?)
}

#[tauri::command]
pub async fn staff_reset_password(
    desktop: State<'_, Desktop>,
    user_id: i64,
    password: String,
) -> Result<StaffMember, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.reset_staff_password(&actor, user_id, &password).await?)
}

#[tauri::command]
pub async fn staff_set_active(
    desktop: State<'_, Desktop>,
    user_id: i64,
    active: bool,
) -> Result<StaffMember, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.set_staff_active(&actor, user_id, active).await?)
}
