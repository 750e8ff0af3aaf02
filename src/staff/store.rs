//! SQL for the `users` table. Every function takes a connection so services
//! can put several of them in one transaction.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::{Role, StaffMember};
use crate::error::{Error, Result};

#[derive(sqlx::FromRow)]
struct UserRow {
    id: i64,
    name: String,
    username: String,
    role: String,
    active: bool,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl UserRow {
    fn into_member(self) -> Result<StaffMember> {
        Ok(StaffMember {
            id: self.id,
            name: self.name,
            username: self.username,
            role: Role::parse(&self.role)?,
            active: self.active,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

/// The columns `UserRow` reads, spelled once (sqlx wants static SQL text).
macro_rules! select_users {
    ($rest:literal) => {
        concat!("SELECT id, name, username, role, active, created_at, updated_at FROM users ", $rest)
    };
}

pub(crate) async fn insert_user(
    conn: &mut SqliteConnection,
    name: &str,
    username: &str,
    role: Role,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<StaffMember> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO users (name, username, role, password_hash, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(name)
    .bind(username)
    .bind(role.as_str())
    .bind(password_hash)
    .bind(now)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    get_user(conn, id).await
}

pub(super) async fn get_user(conn: &mut SqliteConnection, id: i64) -> Result<StaffMember> {
    sqlx::query_as::<_, UserRow>(select_users!("WHERE id = ?"))
        .bind(id)
        .fetch_optional(conn)
        .await?
        .ok_or_else(|| Error::NotFound { entity: "user", key: id.to_string() })?
        .into_member()
}

/// A user by username (case-insensitive) with their password hash.
pub(super) async fn find_user_with_hash(
    conn: &mut SqliteConnection,
    username: &str,
) -> Result<Option<(StaffMember, String)>> {
    let row: Option<(i64, String)> = sqlx::query_as("SELECT id, password_hash FROM users WHERE username = ?")
        .bind(username)
        .fetch_optional(&mut *conn)
        .await?;
    match row {
        Some((id, hash)) => Ok(Some((get_user(conn, id).await?, hash))),
        None => Ok(None),
    }
}

pub(super) async fn password_hash(conn: &mut SqliteConnection, id: i64) -> Result<String> {
    sqlx::query_scalar("SELECT password_hash FROM users WHERE id = ?")
        .bind(id)
        .fetch_optional(conn)
        .await?
        .ok_or_else(|| Error::NotFound { entity: "user", key: id.to_string() })
}

pub(super) async fn list_users(conn: &mut SqliteConnection) -> Result<Vec<StaffMember>> {
    let rows = sqlx::query_as::<_, UserRow>(select_users!(
        "WHERE deleted_at IS NULL ORDER BY active DESC, name COLLATE NOCASE"
    ))
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(UserRow::into_member).collect()
}

pub(crate) async fn username_exists(conn: &mut SqliteConnection, username: &str) -> Result<bool> {
    Ok(sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM users WHERE username = ?)")
        .bind(username)
        .fetch_one(conn)
        .await?)
}

pub(crate) async fn count_users(conn: &mut SqliteConnection) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT count(*) FROM users").fetch_one(conn).await?)
}

pub(super) async fn count_active_owners(conn: &mut SqliteConnection) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT count(*) FROM users WHERE role = 'owner' AND active = 1 AND deleted_at IS NULL")
        .fetch_one(conn)
        .await?)
}

pub(super) async fn update_password(
    conn: &mut SqliteConnection,
    id: i64,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?")
        .bind(password_hash)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

pub(super) async fn update_active(
    conn: &mut SqliteConnection,
    id: i64,
    active: bool,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query("UPDATE users SET active = ?, updated_at = ? WHERE id = ?")
        .bind(active)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}
