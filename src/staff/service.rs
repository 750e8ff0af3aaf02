//! Staff services: list, add, reset a password, (de)activate. Owner only.

use serde_json::json;

use super::password::hash_password;
use super::store;
use super::{Actor, NewStaffMember, Permission, Role, StaffMember};
use crate::Kontor;
use crate::error::{Error, Result};
use crate::history::{self, Change, snapshot};
use crate::validate::required_text;

impl Kontor {
    pub async fn list_staff(&self, actor: &Actor) -> Result<Vec<StaffMember>> {
        actor.require(Permission::ManageStaff)?;
        let mut conn = self.store().pool().acquire().await?;
        store::list_users(&mut conn).await
    }

    /// One member of staff by username, with their history (CLI `user show`).
    pub async fn staff_by_username(
        &self,
        actor: &Actor,
        username: &str,
    ) -> Result<(StaffMember, Vec<history::HistoryEntry>)> {
        actor.require(Permission::ManageStaff)?;
        let mut conn = self.store().pool().acquire().await?;
        let (member, _) = store::find_user_with_hash(&mut conn, username.trim())
            .await?
            .ok_or_else(|| Error::NotFound { entity: "user", key: username.to_string() })?;
        let entries = history::list_for(&mut conn, "user", member.id).await?;
        Ok((member, entries))
    }

    pub async fn add_staff(&self, actor: &Actor, input: NewStaffMember) -> Result<StaffMember> {
        actor.require(Permission::ManageStaff)?;
        let name = clean_name(&input.name)?;
        let username = clean_username(&input.username)?;
        let hash = hash_password(&input.password).await?;
        let mut tx = self.store().write().await?;
        if store::username_exists(&mut tx, &username).await? {
            return Err(Error::UsernameTaken { username });
        }
        let now = self.now();
        let member = store::insert_user(&mut tx, &name, &username, input.role, &hash, now).await?;
        history::record(
            &mut tx,
            Change {
                entity: "user",
                entity_id: Some(member.id),
                action: "added",
                before: None,
                after: snapshot(&member),
                actor,
                at: now,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(member)
    }

    pub async fn reset_staff_password(&self, actor: &Actor, user_id: i64, password: &str) -> Result<StaffMember> {
        actor.require(Permission::ManageStaff)?;
        let hash = hash_password(password).await?;
        let mut tx = self.store().write().await?;
        store::get_user(&mut tx, user_id).await?;
        let now = self.now();
        store::update_password(&mut tx, user_id, &hash, now).await?;
        history::record(
            &mut tx,
            Change {
                entity: "user",
                entity_id: Some(user_id),
                action: "password_reset",
                before: None,
                after: None,
                actor,
                at: now,
            },
        )
        .await?;
        let member = store::get_user(&mut tx, user_id).await?;
        tx.commit().await?;
        Ok(member)
    }

    /// Deactivates or reactivates an account; a deactivated user cannot sign
    /// in, but stays in every history entry that names them.
    pub async fn set_staff_active(&self, actor: &Actor, user_id: i64, active: bool) -> Result<StaffMember> {
        actor.require(Permission::ManageStaff)?;
        if !active && actor.user_id == Some(user_id) {
            return Err(Error::OwnAccount);
        }
        let mut tx = self.store().write().await?;
        let before = store::get_user(&mut tx, user_id).await?;
        if before.active == active {
            return Ok(before);
        }
        if !active && before.role == Role::Owner && store::count_active_owners(&mut tx).await? <= 1 {
            return Err(Error::LastActiveOwner);
        }
        let now = self.now();
        store::update_active(&mut tx, user_id, active, now).await?;
        let after = store::get_user(&mut tx, user_id).await?;
        history::record(
            &mut tx,
            Change {
                entity: "user",
                entity_id: Some(user_id),
                action: if active { "reactivated" } else { "deactivated" },
                before: Some(json!({ "active": before.active })),
                after: Some(json!({ "active": after.active })),
                actor,
                at: now,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }
}

/// A person's name as shown in lists and history.
pub(crate) fn clean_name(name: &str) -> Result<String> {
    required_text("name", name, 100)
}

/// Usernames are typed at every sign-in: 2–32 of a–z, 0–9, '.', '_' or '-',
/// kept in lower case.
pub(crate) fn clean_username(username: &str) -> Result<String> {
    let username = username.trim().to_lowercase();
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-');
    if !(2..=32).contains(&username.chars().count()) || !username.chars().all(allowed) {
        return Err(Error::InvalidInput {
            field: "username",
            reason: "use 2 to 32 letters a–z, digits, '.', '_' or '-'".into(),
        });
    }
    Ok(username)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_trimmed_lowercased_and_checked() {
        assert_eq!(clean_username("  Anna.K ").unwrap(), "anna.k");
        for bad in ["", "a", "anna k", "anna@shop", "ąnna", &"x".repeat(33)] {
            let error = clean_username(bad).unwrap_err();
            assert_eq!(error.code(), "invalid_input", "{bad:?}");
            assert!(error.to_string().starts_with("username:"));
        }
    }
}
