//! `kontor mail …` from a script, and the keyring being out of reach: a
//! clear `keyring_unavailable`, and the password written nowhere else.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

mod common;

fn kontor(data_dir: &Path, args: &[&str]) -> Output {
    common::kontor_cli(data_dir, args, "")
}

/// Runs `kontor` with no D-Bus session to find a Secret Service on.
fn kontor_without_keyring(data_dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kontor"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/kontor-test-bus")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn without_a_keyring_the_password_is_refused_and_stored_nowhere() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    assert!(kontor(data, &["init", "--business", "Berg Hardware"]).status.success());
    let set = kontor(
        data,
        &["mail", "set-server", "--host", "smtp.berg.example", "--username", "shop", "--from", "shop@berg.example"],
    );
    assert_eq!(
        String::from_utf8_lossy(&set.stdout).lines().next(),
        Some("smtp.berg.example:587 (starttls)  login shop  from shop@berg.example")
    );
    let before = common::kontor_cli(data, &["--json", "info"], "").stdout;

    let refused = kontor_without_keyring(data, &["--json", "mail", "password"], "very-secret-smtp-pw\n");
    assert_eq!(refused.status.code(), Some(1));
    let error: serde_json::Value = serde_json::from_slice(&refused.stderr).unwrap();
    assert_eq!(error["code"], "keyring_unavailable");
    assert_eq!(error["details"]["field"], "password");
    assert!(error["message"].as_str().unwrap().ends_with("the SMTP password was not stored anywhere"));

    assert_eq!(common::kontor_cli(data, &["--json", "info"], "").stdout, before, "no history entry either");
    for entry in std::fs::read_dir(data).unwrap().flatten().filter(|entry| entry.path().is_file()) {
        let bytes = std::fs::read(entry.path()).unwrap();
        assert!(!bytes.windows(19).any(|window| window == b"very-secret-smtp-pw"), "{:?}", entry.path());
    }
    let shown = kontor_without_keyring(data, &["--json", "mail", "settings"], "");
    let settings: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    assert_eq!(settings["password"], "unknown");
    assert!(settings["keyringError"].as_str().unwrap().contains("dbus"), "{settings}");
}

#[test]
fn the_outbox_and_bad_settings_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    assert!(kontor(data, &["init", "--business", "Berg Hardware"]).status.success());
    let bad = kontor(data, &["mail", "set-server", "--host", "smtp.berg.example", "--from", "nobody"]);
    assert_eq!(
        String::from_utf8_lossy(&bad.stderr).trim(),
        "error[invalid_input]: fromAddress: \"nobody\" is not an email address (like name@example.com)"
    );
    let outbox = kontor(data, &["--json", "mail", "outbox"]);
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&outbox.stdout).unwrap(),
        serde_json::json!({ "messages": [] })
    );
    let run = kontor(data, &["mail", "send-pending"]);
    assert_eq!(String::from_utf8_lossy(&run.stdout).trim(), "sent 0, failed 0, still pending 0");

    let invoice = dir.path().join("INV-1.pdf");
    std::fs::write(&invoice, common::pdf::pdf(1, "Invoice INV-1")).unwrap();
    let args = ["--json", "mail", "queue", "--to", "anna@kunde.example", "--subject", "Invoice INV-1", "--attach"];
    let queued = kontor(data, &[&args[..], &[invoice.to_str().unwrap()]].concat());
    let entry: serde_json::Value = serde_json::from_slice(&queued.stdout).unwrap();
    assert_eq!((entry["status"].as_str(), entry["attachmentName"].as_str()), (Some("pending"), Some("INV-1.pdf")));
    let run = kontor(data, &["mail", "send-pending"]);
    assert_eq!(String::from_utf8_lossy(&run.stdout).trim(), "sent 0, failed 0, still pending 1");
    let outbox = String::from_utf8_lossy(&kontor(data, &["mail", "outbox"]).stdout).into_owned();
    assert!(outbox.contains("pending") && outbox.contains("[INV-1.pdf]"), "{outbox}");
    assert!(outbox.contains("attempt 1: e-mail is not set up: no SMTP server is set (Settings → Email)"), "{outbox}");
    let test = kontor(data, &["mail", "test", "anna@kunde.example"]);
    assert_eq!(
        String::from_utf8_lossy(&test.stderr).trim(),
        "error[mail_not_configured]: e-mail is not set up: no SMTP server is set (Settings → Email)"
    );
}
