//! What the window should show right now: the first-run setup, the login
//! screen, the lock screen, the app, or a problem that stopped the start.

use std::path::Path;

use kontor::business::DEFAULT_IDLE_LOCK_MINUTES;
use kontor::staff::SignedInUser;
use serde::Serialize;
use ts_rs::TS;

use crate::error::CommandError;
use crate::state::Desktop;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Screen {
    Setup,
    Login,
    Locked,
    App,
    Problem,
}

/// Why the database could not be opened, and whether a backup can replace it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StartupProblem {
    pub code: String,
    pub message: String,
    pub path: String,
    pub backup_available: bool,
}

impl StartupProblem {
    pub fn new(error: &kontor::Error, data_dir: &Path) -> StartupProblem {
        // Only a damaged file may be replaced by a backup; a newer schema or a
        // read-only folder needs the user to act outside Kontor.
        let backup_available =
            matches!(error, kontor::Error::DatabaseCorrupt { .. }) && kontor::store::latest_backup(data_dir).is_some();
        StartupProblem {
            code: error.code().to_string(),
            message: error.to_string(),
            path: data_dir.display().to_string(),
            backup_available,
        }
    }

    pub fn as_command_error(&self) -> CommandError {
        CommandError {
            code: self.code.clone(),
            message: self.message.clone(),
            details: serde_json::json!({ "path": self.path }),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppStatus {
    pub screen: Screen,
    pub business_name: Option<String>,
    pub user: Option<SignedInUser>,
    pub idle_lock_minutes: u32,
    pub problem: Option<StartupProblem>,
}

impl AppStatus {
    pub async fn of(desktop: &Desktop) -> Result<AppStatus, CommandError> {
        let kontor = match desktop.opened().await {
            Ok(kontor) => kontor,
            Err(problem) => {
                return Ok(AppStatus {
                    screen: Screen::Problem,
                    business_name: None,
                    user: None,
                    idle_lock_minutes: DEFAULT_IDLE_LOCK_MINUTES,
                    problem: Some(problem),
                });
            }
        };
        let profile = kontor.business_profile().await?;
        let session = desktop.session();
        let screen = match &session {
            _ if kontor.needs_setup().await? => Screen::Setup,
            None => Screen::Login,
            Some(session) if session.is_locked(kontor.now()) => Screen::Locked,
            Some(_) => Screen::App,
        };
        Ok(AppStatus {
            screen,
            idle_lock_minutes: profile.as_ref().map_or(DEFAULT_IDLE_LOCK_MINUTES, |p| p.idle_lock_minutes),
            business_name: profile.map(|profile| profile.name),
            user: session.map(|session| session.user().clone()),
            problem: None,
        })
    }
}
