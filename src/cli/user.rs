//! `kontor user add|list|show|passwd|deactivate|activate`.

use clap::Subcommand;
use kontor::staff::{Actor, NewStaffMember, Role, StaffMember};
use kontor::{Kontor, Result};

use super::output;
use super::password_input::read_new_password;

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a member of staff (the password is prompted for, or read from stdin)
    Add {
        #[arg(long)]
        username: String,
        /// Full name as shown in the app and in history
        #[arg(long)]
        name: String,
        /// owner, manager or clerk
        #[arg(long, value_parser = parse_role)]
        role: Role,
    },
    /// List staff accounts
    List,
    /// One account and its history
    Show { username: String },
    /// Set a new password (prompted for, or read from stdin)
    Passwd { username: String },
    /// Stop an account from signing in (it stays in history)
    Deactivate { username: String },
    /// Allow a deactivated account to sign in again
    Activate { username: String },
}

fn parse_role(text: &str) -> Result<Role, String> {
    Role::parse(text).map_err(|error| error.to_string())
}

pub async fn run(kontor: &Kontor, actor: &Actor, command: UserCommand, json: bool) -> Result<()> {
    match command {
        UserCommand::Add { username, name, role } => {
            let password = read_new_password()?;
            let member = kontor.add_staff(actor, NewStaffMember { name, username, role, password }).await?;
            output::print(json, &member, || format!("added {}", describe(&member)));
        }
        UserCommand::List => {
            let staff = kontor.list_staff(actor).await?;
            output::print(json, &serde_json::json!({ "users": staff }), || {
                staff.iter().map(describe).collect::<Vec<_>>().join("\n")
            });
        }
        UserCommand::Show { username } => {
            let (member, history) = kontor.staff_by_username(actor, &username).await?;
            output::print(json, &serde_json::json!({ "user": member, "history": history }), || {
                let mut lines = vec![describe(&member)];
                lines.extend(
                    history.iter().map(|entry| format!("  {}  {}  by {}", entry.at, entry.action, entry.actor_name)),
                );
                lines.join("\n")
            });
        }
        UserCommand::Passwd { username } => {
            let (member, _) = kontor.staff_by_username(actor, &username).await?;
            let password = read_new_password()?;
            let member = kontor.reset_staff_password(actor, member.id, &password).await?;
            output::print(json, &member, || format!("password changed for {}", member.username));
        }
        UserCommand::Deactivate { username } => set_active(kontor, actor, &username, false, json).await?,
        UserCommand::Activate { username } => set_active(kontor, actor, &username, true, json).await?,
    }
    Ok(())
}

async fn set_active(kontor: &Kontor, actor: &Actor, username: &str, active: bool, json: bool) -> Result<()> {
    let (member, _) = kontor.staff_by_username(actor, username).await?;
    let member = kontor.set_staff_active(actor, member.id, active).await?;
    output::print(json, &member, || describe(&member));
    Ok(())
}

fn describe(member: &StaffMember) -> String {
    let state = if member.active { "active" } else { "deactivated" };
    format!("{:<16} {:<8} {:<12} {}", member.username, member.role.as_str(), state, member.name)
}
