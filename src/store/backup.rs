//! Backups of the database file: one is written before every migration, and
//! a damaged database can be replaced by the newest one without deleting it.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::DATABASE_FILE;
use crate::error::{Error, Result};

pub fn backups_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("backups")
}

/// A consistent copy of the live database (WAL included) via `VACUUM INTO`,
/// named by time so that the newest sorts last.
pub(super) async fn write_backup(conn: &mut SqliteConnection, data_dir: &Path, now: DateTime<Utc>) -> Result<PathBuf> {
    let dir = backups_dir(data_dir);
    fs::create_dir_all(&dir).map_err(|source| Error::File { action: "create", path: dir.clone(), source })?;
    let target = dir.join(format!("kontor-{}.db", now.format("%Y%m%dT%H%M%S%.3fZ")));
    sqlx::query("VACUUM INTO ?").bind(target.to_string_lossy().into_owned()).execute(conn).await?;
    Ok(target)
}

/// Every backup in `backups/`, oldest first.
pub fn list_backups(data_dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(backups_dir(data_dir)) else {
        return Vec::new();
    };
    let mut backups: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "db"))
        .collect();
    backups.sort();
    backups
}

/// The newest backup in `backups/`, if any.
pub fn latest_backup(data_dir: &Path) -> Option<PathBuf> {
    list_backups(data_dir).pop()
}

/// Moves the current database (and its WAL files) aside as
/// `kontor.db.damaged-<time>` and copies the newest backup into its place.
/// Nothing is deleted or overwritten. Call only while no pool is open.
pub fn restore_latest_backup(data_dir: &Path, now: DateTime<Utc>) -> Result<PathBuf> {
    let backup = latest_backup(data_dir).ok_or_else(|| Error::NoBackup { path: backups_dir(data_dir) })?;
    let suffix = format!("damaged-{}", now.format("%Y%m%dT%H%M%S%.3fZ"));
    for file in [DATABASE_FILE.to_string(), format!("{DATABASE_FILE}-wal"), format!("{DATABASE_FILE}-shm")] {
        let path = data_dir.join(&file);
        if path.exists() {
            let aside = data_dir.join(format!("{file}.{suffix}"));
            fs::rename(&path, &aside).map_err(|source| Error::File { action: "move aside", path, source })?;
        }
    }
    let live = data_dir.join(DATABASE_FILE);
    fs::copy(&backup, &live).map_err(|source| Error::File { action: "restore", path: backup.clone(), source })?;
    Ok(backup)
}
