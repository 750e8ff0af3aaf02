//! The folder Kontor keeps its database and backups in, and the checks made
//! before SQLite is allowed near a file.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// `KONTOR_DATA_DIR` if set, else the OS data directory
/// (`~/.local/share/kontor` on Linux).
pub fn default_data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("KONTOR_DATA_DIR").filter(|dir| !dir.is_empty()) {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("app", "Kontor", "kontor")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from("kontor-data"))
}

/// Creates the folder if needed and proves a file can be written in it, so a
/// read-only folder is reported as such rather than as an SQLite error.
pub(crate) fn ensure_writable(dir: &Path) -> Result<()> {
    let not_writable =
        |error: std::io::Error| Error::DataDirNotWritable { path: dir.to_path_buf(), reason: error.to_string() };
    fs::create_dir_all(dir).map_err(not_writable)?;
    // A name of this process's own: two programs opening the same book at
    // once (the app and the CLI) must not delete each other's probe.
    let probe = dir.join(format!(".kontor-write-check-{}", std::process::id()));
    fs::write(&probe, b"ok").map_err(not_writable)?;
    fs::remove_file(&probe).map_err(not_writable)
}

/// Every SQLite database starts with these 16 bytes; an empty file is a
/// database SQLite has not written to yet.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

pub(crate) fn check_sqlite_header(path: &Path) -> Result<()> {
    let mut header = Vec::with_capacity(16);
    fs::File::open(path).and_then(|file| file.take(16).read_to_end(&mut header)).map_err(|source| Error::File {
        action: "read",
        path: path.to_path_buf(),
        source,
    })?;
    if header.is_empty() || header == SQLITE_HEADER {
        return Ok(());
    }
    Err(Error::DatabaseCorrupt { path: path.to_path_buf(), reason: "the file is not an SQLite database".into() })
}
