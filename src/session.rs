//! A signed-in session: who is at the desk, and whether the app has locked
//! itself after being left idle. The desktop keeps one in Rust memory; the UI
//! only ever sees the `SignedInUser`, never a role it could forge.

use chrono::{DateTime, Duration, Utc};

use crate::error::{Error, Result};
use crate::staff::{Actor, SignedInUser};

#[derive(Debug, Clone)]
pub struct Session {
    user: SignedInUser,
    last_activity: DateTime<Utc>,
    idle_limit: Duration,
    locked: bool,
}

impl Session {
    pub fn start(user: SignedInUser, now: DateTime<Utc>, idle_lock_minutes: u32) -> Session {
        Session { user, last_activity: now, idle_limit: Duration::minutes(i64::from(idle_lock_minutes)), locked: false }
    }

    pub fn user(&self) -> &SignedInUser {
        &self.user
    }

    /// Locked by hand, or idle for at least the configured time.
    pub fn is_locked(&self, now: DateTime<Utc>) -> bool {
        self.locked || now - self.last_activity >= self.idle_limit
    }

    /// The acting user for an operation; counts as activity. A session that
    /// has gone idle locks itself here and refuses.
    pub fn actor(&mut self, now: DateTime<Utc>) -> Result<Actor> {
        self.record_activity(now)?;
        Ok(Actor::user(&self.user))
    }

    /// Keyboard or mouse activity reported by the UI keeps the session open,
    /// but cannot reopen one that has already locked.
    pub fn record_activity(&mut self, now: DateTime<Utc>) -> Result<()> {
        if self.is_locked(now) {
            self.locked = true;
            return Err(Error::SessionLocked);
        }
        self.last_activity = now;
        Ok(())
    }

    pub fn lock(&mut self) {
        self.locked = true;
    }

    /// Call only after the user's password was checked again.
    pub fn unlock(&mut self, now: DateTime<Utc>) {
        self.locked = false;
        self.last_activity = now;
    }

    pub fn set_idle_lock_minutes(&mut self, minutes: u32) {
        self.idle_limit = Duration::minutes(i64::from(minutes));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::staff::Role;

    fn session(now: DateTime<Utc>) -> Session {
        let user = SignedInUser { id: 1, name: "Anna".into(), username: "anna".into(), role: Role::Clerk };
        Session::start(user, now, 15)
    }

    #[test]
    fn locks_after_the_idle_time_and_stays_locked() {
        let start = Utc::now();
        let mut session = session(start);
        assert!(session.actor(start + Duration::minutes(14)).is_ok());
        // Activity at minute 14 restarts the count.
        assert!(!session.is_locked(start + Duration::minutes(28)));
        let idle = start + Duration::minutes(29);
        assert_eq!(session.actor(idle).unwrap_err().code(), "session_locked");
        assert_eq!(session.record_activity(idle).unwrap_err().code(), "session_locked");
        assert!(session.is_locked(idle));
        session.unlock(idle);
        assert_eq!(session.actor(idle).unwrap().role, Role::Clerk);
    }

    #[test]
    fn a_manual_lock_refuses_until_unlocked() {
        let now = Utc::now();
        let mut session = session(now);
        session.lock();
        assert!(session.actor(now).is_err());
        session.unlock(now);
        assert_eq!(session.actor(now).unwrap().name, "anna");
    }

    #[test]
    fn a_shorter_idle_limit_applies_at_once() {
        let start = Utc::now();
        let mut session = session(start);
        session.set_idle_lock_minutes(1);
        assert!(session.is_locked(start + Duration::minutes(1)));
    }
}
