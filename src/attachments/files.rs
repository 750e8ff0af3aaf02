//! The content-addressed file store in the data folder: a PDF is kept once
//! under `attachments/<ab>/<sha256>.pdf`, written to a temporary file and
//! renamed into place, so a crash never leaves a half-written file under a
//! real name. Attachments and queued e-mail share it.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

const FOLDER: &str = "attachments";

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Where the file with this digest lives (whether or not it exists yet).
pub fn path_for(data_dir: &Path, sha256: &str) -> PathBuf {
    data_dir.join(FOLDER).join(&sha256[..2]).join(format!("{sha256}.pdf"))
}

/// Stores `bytes` unless a file with the same digest is already there, and
/// returns the digest.
pub fn store(data_dir: &Path, bytes: &[u8]) -> Result<String> {
    let sha256 = sha256_hex(bytes);
    let path = path_for(data_dir, &sha256);
    if path.exists() {
        return Ok(sha256);
    }
    let folder = path.parent().expect("a stored file has a folder");
    fs::create_dir_all(folder).map_err(|source| file_error("create", folder, source))?;
    // The process id keeps two programs storing the same bytes at once apart.
    let temp = folder.join(format!(".{sha256}.{}.tmp", std::process::id()));
    let written = fs::File::create(&temp).and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()
    });
    if let Err(source) = written {
        let _ = fs::remove_file(&temp);
        return Err(Error::File { action: "write", path: temp, source });
    }
    fs::rename(&temp, &path).map_err(|source| file_error("move into place", &path, source))?;
    // The rename itself must survive a power cut too.
    fs::File::open(folder).and_then(|dir| dir.sync_all()).map_err(|source| file_error("sync", folder, source))?;
    Ok(sha256)
}

fn file_error(action: &'static str, path: &Path, source: std::io::Error) -> Error {
    Error::File { action, path: path.to_path_buf(), source }
}

/// The stored bytes with this digest, checked against it: a file changed on
/// disk is reported, never shown as if it were the original.
pub fn read(data_dir: &Path, sha256: &str) -> Result<Vec<u8>> {
    let path = path_for(data_dir, sha256);
    let bytes = fs::read(&path).map_err(|source| Error::File { action: "read", path: path.clone(), source })?;
    if sha256_hex(&bytes) != sha256 {
        let source =
            std::io::Error::other("the file's content no longer matches its SHA-256; restore it from a backup");
        return Err(Error::File { action: "read", path, source });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_bytes_are_stored_once_under_their_digest() {
        let dir = tempfile::tempdir().unwrap();
        let first = store(dir.path(), b"%PDF-1.4 bytes").unwrap();
        let second = store(dir.path(), b"%PDF-1.4 bytes").unwrap();
        assert_eq!(first, second);
        assert_eq!(first, sha256_hex(b"%PDF-1.4 bytes"));
        let path = path_for(dir.path(), &first);
        assert!(path.ends_with(format!("attachments/{}/{first}.pdf", &first[..2])));
        assert_eq!(read(dir.path(), &first).unwrap(), b"%PDF-1.4 bytes");
        let folder = fs::read_dir(path.parent().unwrap()).unwrap().count();
        assert_eq!(folder, 1, "no temporary file is left behind");
    }

    #[test]
    fn a_file_changed_on_disk_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let sha = store(dir.path(), b"original").unwrap();
        fs::write(path_for(dir.path(), &sha), b"tampered").unwrap();
        let error = read(dir.path(), &sha).unwrap_err();
        assert_eq!(error.code(), "file_error");
        assert!(error.to_string().contains("no longer matches its SHA-256"), "{error}");
    }
}
