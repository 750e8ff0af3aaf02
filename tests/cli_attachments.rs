//! `kontor order attach | attachments | attachment-save | detach` as a script
//! uses them: text and `--json` output, and `error[invalid_attachment]`.

use std::path::Path;
use std::process::Output;

mod common;

fn kontor(data_dir: &Path, args: &[&str]) -> Output {
    common::kontor_cli(data_dir, args, "")
}

fn json(output: &Output) -> serde_json::Value {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn a_pdf_is_attached_listed_saved_and_detached_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("book");
    assert!(kontor(&data, &["init", "--business", "Berg Hardware"]).status.success());
    assert!(kontor(&data, &["customer", "add", "--name", "Acme"]).status.success());
    let product = ["product", "add", "--sku", "W-7", "--name", "Wrench", "--unit-price", "5", "--tax-rate", "19"];
    assert!(kontor(&data, &[&product[..], &["--stock", "5"]].concat()).status.success());
    assert!(kontor(&data, &["order", "place", "--customer", "Acme", "--line", "W-7:1"]).status.success());

    let quote = dir.path().join("quote.pdf");
    std::fs::write(&quote, common::pdf::pdf(2, "Quote 17")).unwrap();
    let attached = kontor(&data, &["order", "attach", "SO-000001", quote.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&attached.stdout);
    assert!(attached.status.success() && text.starts_with("attached     1  SO-000001  quote.pdf  "), "{text}");
    assert!(text.contains("2 pages  by os:"), "{text}");

    let listed = json(&kontor(&data, &["--json", "order", "attachments", "SO-000001"]));
    assert_eq!(listed["attachments"][0]["fileName"], "quote.pdf");
    assert_eq!(listed["attachments"][0]["pages"], 2);

    let copy = dir.path().join("copy.pdf");
    let saved = json(&kontor(&data, &["--json", "order", "attachment-save", "1", "--out", copy.to_str().unwrap()]));
    assert_eq!(saved["attachment"]["id"], 1);
    assert_eq!(std::fs::read(&copy).unwrap(), std::fs::read(&quote).unwrap());

    let notes = dir.path().join("notes.pdf");
    std::fs::write(&notes, "not really a pdf").unwrap();
    let refused = kontor(&data, &["order", "attach", "SO-000001", notes.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.starts_with("error[invalid_attachment]: notes.pdf: not accepted as a PDF attachment: it is not a PDF"),
        "{stderr}"
    );
    let refused = kontor(&data, &["--json", "order", "attach", "SO-000001", notes.to_str().unwrap()]);
    let error: serde_json::Value = serde_json::from_slice(&refused.stderr).unwrap();
    assert_eq!(error["code"], "invalid_attachment");
    assert_eq!(error["details"]["reason"], "it is not a PDF (no %PDF- header)");

    let detached = kontor(&data, &["order", "detach", "1"]);
    assert!(String::from_utf8_lossy(&detached.stdout).starts_with("removed     1  SO-000001  quote.pdf"));
    let listed = json(&kontor(&data, &["--json", "order", "attachments", "SO-000001"]));
    assert_eq!(listed["attachments"], serde_json::json!([]));
}
