//! The SMTP password in the OS keyring (Secret Service on Linux, through the
//! `keyring` crate), under service "kontor" and account "user@host". It is
//! never written to the database, a log or an export; when the keyring
//! cannot be reached the caller gets `keyring_unavailable` and nothing is
//! written anywhere else.

use crate::error::{Error, Result};

const SERVICE: &str = "kontor";

/// The keyring account an SMTP login is stored under.
pub fn account(username: &str, host: &str) -> String {
    format!("{username}@{host}")
}

fn unavailable(error: keyring::Error) -> Error {
    Error::KeyringUnavailable { reason: error.to_string() }
}

/// The keyring talks D-Bus and blocks; keep it off the async threads.
async fn with_entry<T: Send + 'static>(
    account: &str,
    work: impl FnOnce(keyring::Entry) -> Result<T> + Send + 'static,
) -> Result<T> {
    let account = account.to_string();
    tokio::task::spawn_blocking(move || work(keyring::Entry::new(SERVICE, &account).map_err(unavailable)?))
        .await
        .map_err(|error| Error::KeyringUnavailable { reason: format!("the keyring call stopped: {error}") })?
}

pub async fn store_password(account: &str, password: &str) -> Result<()> {
    let password = password.to_string();
    with_entry(account, move |entry| entry.set_password(&password).map_err(unavailable)).await
}

/// The stored password, or `None` when none is stored for the account.
pub async fn read_password(account: &str) -> Result<Option<String>> {
    with_entry(account, |entry| match entry.get_password() {
        Ok(password) => Ok(Some(password)),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(error) => Err(unavailable(error)),
    })
    .await
}

/// Removes the account's password; none stored is fine.
pub async fn forget_password(account: &str) -> Result<()> {
    with_entry(account, |entry| match entry.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(error) => Err(unavailable(error)),
    })
    .await
}
