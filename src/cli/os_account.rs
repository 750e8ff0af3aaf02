//! The operating-system account that owns the data folder: the CLI records
//! itself under that name in the history.

use std::path::Path;

#[cfg(unix)]
pub fn owner_of(data_dir: &Path) -> String {
    use std::os::unix::fs::MetadataExt;
    let Ok(metadata) = std::fs::metadata(data_dir) else {
        return fallback();
    };
    let uid = metadata.uid();
    account_name(uid).unwrap_or_else(|| format!("uid{uid}"))
}

#[cfg(not(unix))]
pub fn owner_of(_data_dir: &Path) -> String {
    fallback()
}

fn fallback() -> String {
    std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_else(|_| "unknown".into())
}

/// Looks the uid up in /etc/passwd (name:password:uid:…).
#[cfg(unix)]
fn account_name(uid: u32) -> Option<String> {
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        let uid_field = fields.nth(1)?;
        (uid_field.parse() == Ok(uid)).then(|| name.to_string())
    })
}
