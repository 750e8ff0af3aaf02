//! Staff: the people who use Kontor, their roles, and who is acting.
//!
//! Every service that changes or reveals business data takes the acting
//! `Actor` and checks its permission here, in the core, whatever front end
//! called it.

mod login;
mod password;
mod permission;
mod service;
mod store;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use password::MIN_PASSWORD_CHARS;
pub(crate) use password::hash_password;
pub use permission::Permission;
pub(crate) use service::{clean_name, clean_username};
pub(crate) use store::{count_users, insert_user};

/// What a member of staff may do: owner ⊃ manager ⊃ clerk (DOMAIN.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Role {
    Owner,
    Manager,
    Clerk,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Manager => "manager",
            Role::Clerk => "clerk",
        }
    }

    pub fn parse(text: &str) -> crate::Result<Role> {
        match text.trim().to_ascii_lowercase().as_str() {
            "owner" => Ok(Role::Owner),
            "manager" => Ok(Role::Manager),
            "clerk" => Ok(Role::Clerk),
            _ => Err(crate::Error::InvalidInput {
                field: "role",
                reason: format!("\"{text}\" is not a role (owner, manager or clerk)"),
            }),
        }
    }
}

/// A member of staff as lists and forms show them (never the password hash).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StaffMember {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub username: String,
    pub role: Role,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The form for adding a member of staff.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewStaffMember {
    pub name: String,
    pub username: String,
    pub role: Role,
    pub password: String,
}

/// Who is signed in: what the UI may know about the session's user.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SignedInUser {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub username: String,
    pub role: Role,
}

/// Whoever performs an operation: a signed-in user, or the operating-system
/// user running the CLI on their own data folder. History names them.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub user_id: Option<i64>,
    pub name: String,
    pub role: Role,
}

impl Actor {
    pub fn user(user: &SignedInUser) -> Actor {
        Actor { user_id: Some(user.id), name: user.username.clone(), role: user.role }
    }

    /// The CLI acts with the owner's rights as the OS account that owns the
    /// data folder: whoever can open the file can already change it.
    pub fn operating_system(account: &str) -> Actor {
        Actor { user_id: None, name: format!("os:{account}"), role: Role::Owner }
    }

    pub fn require(&self, permission: Permission) -> crate::Result<()> {
        if self.role.may(permission) {
            Ok(())
        } else {
            Err(crate::Error::Forbidden { action: permission.describe(), role: self.role.as_str() })
        }
    }
}
