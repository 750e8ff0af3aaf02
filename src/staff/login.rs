//! Signing in and unlocking, with throttling: after 5 failures in a row for a
//! username, further attempts are refused for 30 seconds. Failures are kept
//! in the database, so restarting the app does not reset the wait.

use chrono::{DateTime, Duration, Utc};
use sqlx::SqliteConnection;

use super::password::password_matches;
use super::store;
use super::{SignedInUser, StaffMember};
use crate::Kontor;
use crate::error::{Error, Result};

pub const MAX_FAILURES: u32 = 5;
pub const THROTTLE_SECONDS: i64 = 30;

impl Kontor {
    /// Checks a username and password; the result is who is now signed in.
    pub async fn sign_in(&self, username: &str, password: &str) -> Result<SignedInUser> {
        let username = username.trim().to_lowercase();
        if username.is_empty() {
            return Err(Error::InvalidInput { field: "username", reason: "must not be empty".into() });
        }
        let now = self.now();
        let mut conn = self.store().pool().acquire().await?;
        refuse_if_throttled(&mut conn, &username, now).await?;
        let Some((member, hash)) = store::find_user_with_hash(&mut conn, &username).await? else {
            drop(conn);
            self.record_failure(&username).await?;
            return Err(Error::UnknownUser { username });
        };
        drop(conn);
        self.check_password(&member, &hash, password).await?;
        if !member.active {
            return Err(Error::UserDeactivated { username });
        }
        Ok(signed_in(member))
    }

    /// Re-checks the signed-in user's password to unlock an idle session.
    pub async fn verify_password(&self, user_id: i64, password: &str) -> Result<SignedInUser> {
        let now = self.now();
        let mut conn = self.store().pool().acquire().await?;
        let member = store::get_user(&mut conn, user_id).await?;
        refuse_if_throttled(&mut conn, &member.username, now).await?;
        let hash = store::password_hash(&mut conn, user_id).await?;
        drop(conn);
        self.check_password(&member, &hash, password).await?;
        if !member.active {
            return Err(Error::UserDeactivated { username: member.username });
        }
        Ok(signed_in(member))
    }

    async fn check_password(&self, member: &StaffMember, hash: &str, password: &str) -> Result<()> {
        if password_matches(password, hash).await {
            let mut tx = self.store().write().await?;
            sqlx::query("DELETE FROM login_failures WHERE username = ?")
                .bind(&member.username)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            return Ok(());
        }
        let attempts_left = self.record_failure(&member.username).await?;
        Err(Error::WrongPassword { username: member.username.clone(), attempts_left })
    }

    /// Counts one failure; the fifth starts the wait. Returns attempts left.
    async fn record_failure(&self, username: &str) -> Result<u32> {
        let now = self.now();
        let mut tx = self.store().write().await?;
        let failures: i64 = sqlx::query_scalar(
            "INSERT INTO login_failures (username, failures) VALUES (?, 1)
             ON CONFLICT (username) DO UPDATE SET failures = failures + 1
             RETURNING failures",
        )
        .bind(username)
        .fetch_one(&mut *tx)
        .await?;
        let failures = u32::try_from(failures).unwrap_or(MAX_FAILURES);
        if failures >= MAX_FAILURES {
            sqlx::query("UPDATE login_failures SET failures = 0, blocked_until = ? WHERE username = ?")
                .bind(now + Duration::seconds(THROTTLE_SECONDS))
                .bind(username)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(MAX_FAILURES.saturating_sub(failures))
    }
}

async fn refuse_if_throttled(conn: &mut SqliteConnection, username: &str, now: DateTime<Utc>) -> Result<()> {
    let blocked_until: Option<DateTime<Utc>> =
        sqlx::query_scalar("SELECT blocked_until FROM login_failures WHERE username = ? AND blocked_until IS NOT NULL")
            .bind(username)
            .fetch_optional(conn)
            .await?;
    match blocked_until {
        Some(until) if until > now => Err(Error::LoginThrottled {
            username: username.to_string(),
            retry_after_secs: (until - now).num_seconds().max(1),
        }),
        _ => Ok(()),
    }
}

fn signed_in(member: StaffMember) -> SignedInUser {
    SignedInUser { id: member.id, name: member.name, username: member.username, role: member.role }
}
