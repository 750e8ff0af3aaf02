//! The desktop's state: the open book (or why it could not be opened) and
//! the one signed-in session. The session lives here, in Rust; the UI only
//! learns who is signed in.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;

use kontor::Kontor;
use kontor::session::Session;
use kontor::staff::Actor;
use tokio::sync::RwLock;

use crate::error::CommandError;
use crate::status::StartupProblem;

pub struct Desktop {
    pub data_dir: PathBuf,
    pub started: Instant,
    book: RwLock<Result<Kontor, StartupProblem>>,
    session: Mutex<Option<Session>>,
}

impl Desktop {
    pub fn new(data_dir: PathBuf, started: Instant, opened: kontor::Result<Kontor>) -> Desktop {
        let book = opened.map_err(|error| StartupProblem::new(&error, &data_dir));
        Desktop { data_dir, started, book: RwLock::new(book), session: Mutex::new(None) }
    }

    /// The open book, or the startup problem as a command error.
    pub async fn kontor(&self) -> Result<Kontor, CommandError> {
        match &*self.book.read().await {
            Ok(kontor) => Ok(kontor.clone()),
            Err(problem) => Err(problem.as_command_error()),
        }
    }

    /// The book as opened: the problem is kept for the status screen.
    pub async fn opened(&self) -> Result<Kontor, StartupProblem> {
        self.book.read().await.clone()
    }

    /// Replaces the book after a restore; the session is dropped with it.
    pub async fn reopen(&self, opened: kontor::Result<Kontor>) {
        let book = opened.map_err(|error| StartupProblem::new(&error, &self.data_dir));
        *self.book.write().await = book;
        *self.sessions() = None;
    }

    /// The book and the signed-in actor, for any command that needs one.
    /// Counts as activity, and refuses when the session has locked.
    pub async fn acting(&self) -> Result<(Kontor, Actor), CommandError> {
        let kontor = self.kontor().await?;
        let actor = self.with_session(|session| session.actor(kontor.now()))?;
        Ok((kontor, actor))
    }

    /// Runs `f` on the session; `not_signed_in` when there is none.
    pub fn with_session<T>(&self, f: impl FnOnce(&mut Session) -> kontor::Result<T>) -> Result<T, CommandError> {
        match self.sessions().as_mut() {
            Some(session) => Ok(f(session)?),
            None => Err(kontor::Error::NotSignedIn.into()),
        }
    }

    pub fn sign_in(&self, session: Session) {
        *self.sessions() = Some(session);
    }

    pub fn sign_out(&self) {
        *self.sessions() = None;
    }

    /// A snapshot of the session for the status screen.
    pub fn session(&self) -> Option<Session> {
        self.sessions().clone()
    }

    fn sessions(&self) -> std::sync::MutexGuard<'_, Option<Session>> {
        // A panic while holding the lock cannot leave a session half-written
        // (it is replaced whole), so a poisoned lock is still usable.
        self.session.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
