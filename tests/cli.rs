//! The `kontor` binary as a script would use it: exit codes, `--json`
//! output, `error[<code>]` refusals, and the OS account named in history.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

mod common;

fn kontor(data_dir: &Path, args: &[&str], stdin: &str) -> Output {
    common::kontor_cli(data_dir, args, stdin)
}

fn json(output: &Output) -> Value {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn init_add_list_and_info_speak_json() {
    let dir = tempfile::tempdir().unwrap();
    let init =
        json(&kontor(dir.path(), &["--json", "init", "--business", "Łukasz Müller GmbH", "--currency", "chf"], ""));
    assert_eq!(init["business"]["baseCurrency"], "CHF");

    let added = json(&kontor(
        dir.path(),
        &["--json", "user", "add", "--username", "Anna", "--name", "Anna Berg", "--role", "owner"],
        "owner-pass-1\n",
    ));
    assert_eq!((added["username"].as_str(), added["role"].as_str()), (Some("anna"), Some("owner")));

    let list = json(&kontor(dir.path(), &["--json", "user", "list"], ""));
    assert_eq!(list["users"].as_array().unwrap().len(), 1);

    let info = json(&kontor(dir.path(), &["info", "--json"], ""));
    assert_eq!(info["business"], "Łukasz Müller GmbH");
    assert_eq!((info["users"].as_i64(), info["backups"].as_i64()), (Some(1), Some(0)));
    assert_eq!(info["schemaVersion"], info["supportedSchemaVersion"]);
}

#[test]
fn refusals_exit_non_zero_with_their_code() {
    let dir = tempfile::tempdir().unwrap();
    let short = kontor(dir.path(), &["user", "add", "--username", "bo", "--name", "Bo", "--role", "clerk"], "short\n");
    assert!(!short.status.success());
    assert_eq!(
        String::from_utf8_lossy(&short.stderr).trim(),
        "error[password_too_short]: password: must be at least 8 characters"
    );

    kontor(dir.path(), &["user", "add", "--username", "bo", "--name", "Bo", "--role", "owner"], "long-enough\n");
    let last = kontor(dir.path(), &["--json", "user", "deactivate", "bo"], "");
    assert!(!last.status.success());
    let error: Value = serde_json::from_slice(&last.stderr).unwrap();
    assert_eq!(error["code"], "last_active_owner");

    let missing = kontor(dir.path(), &["user", "passwd", "nobody"], "long-enough\n");
    assert!(String::from_utf8_lossy(&missing.stderr).starts_with("error[not_found]: user nobody"));
}

#[test]
fn the_cli_records_the_os_account_that_owns_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    kontor(dir.path(), &["user", "add", "--username", "cara", "--name", "Cara", "--role", "clerk"], "clerk-pass-1\n");
    let shown = json(&kontor(dir.path(), &["--json", "user", "show", "cara"], ""));
    let actor = shown["history"][0]["actorName"].as_str().unwrap().to_string();
    let expected = String::from_utf8(Command::new("id").arg("-un").output().unwrap().stdout).unwrap();
    assert_eq!(actor, format!("os:{}", expected.trim()));
}

#[test]
fn a_damaged_database_is_reported_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("kontor.db"), b"not a database at all").unwrap();
    let output = kontor(dir.path(), &["info"], "");
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).starts_with("error[database_corrupt]"));
    assert_eq!(std::fs::read(dir.path().join("kontor.db")).unwrap(), b"not a database at all");
}
