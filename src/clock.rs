//! Where "now" comes from. The app uses the system clock; tests use a manual
//! clock they can move forward (idle locks, sign-in throttling).

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};

#[derive(Clone, Debug, Default)]
pub struct Clock {
    manual: Option<Arc<Mutex<DateTime<Utc>>>>,
}

impl Clock {
    pub fn system() -> Clock {
        Clock { manual: None }
    }

    /// A clock that stands still at `start` until `advance` moves it.
    pub fn manual(start: DateTime<Utc>) -> Clock {
        Clock { manual: Some(Arc::new(Mutex::new(start))) }
    }

    pub fn now(&self) -> DateTime<Utc> {
        match &self.manual {
            Some(time) => *time.lock().expect("clock mutex poisoned"),
            None => Utc::now(),
        }
    }

    /// Moves a manual clock forward; the system clock cannot be moved.
    pub fn advance(&self, by: Duration) {
        let time = self.manual.as_ref().expect("only a manual clock can be advanced");
        *time.lock().expect("clock mutex poisoned") += by;
    }
}
