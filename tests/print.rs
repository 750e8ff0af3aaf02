//! Printing on a real CUPS queue: a CUPS-PDF printer ("KontorPDF") that
//! writes what it prints into ~/PDF, where the test reads it back. The test
//! sets the queue up itself (starting cupsd) when it runs as root, as CI
//! does; elsewhere it is skipped with a loud message unless the queue exists.
//! `kontor invoice print` sends an invoice's PDF the same way.

mod common;

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use kontor::print::print_pdf;

const QUEUE: &str = "KontorPDF";

fn succeeds(program: &str, args: &[&str]) -> bool {
    Command::new(program).args(args).output().is_ok_and(|output| output.status.success())
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|output| output.stdout.starts_with(b"0\n"))
}

/// True when the CUPS-PDF queue is there (set up now if we may).
fn cups_pdf_queue() -> bool {
    if succeeds("lpstat", &["-p", QUEUE]) {
        return true;
    }
    if !is_root() {
        eprintln!(
            "\n*** SKIPPED: no CUPS-PDF queue {QUEUE} and not root to set one up. As root:\n    cupsd && lpadmin -p {QUEUE} -v cups-pdf:/ -E -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd\n"
        );
        return false;
    }
    if !succeeds("lpstat", &["-r"])
        || !String::from_utf8_lossy(&Command::new("lpstat").arg("-r").output().unwrap().stdout).contains("is running")
    {
        assert!(succeeds("cupsd", &[]), "cupsd could not start (scripts/install-deps.sh installs cups)");
        let started = Instant::now();
        while !succeeds("lpstat", &["-r"]) && started.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(200));
        }
    }
    let added =
        succeeds("lpadmin", &["-p", QUEUE, "-v", "cups-pdf:/", "-E", "-m", "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"]);
    assert!(
        added,
        "lpadmin could not add the CUPS-PDF queue (scripts/install-deps.sh installs printer-driver-cups-pdf)"
    );
    true
}

/// cups-pdf writes to ~/PDF of the user who printed, in a file named after
/// the title (with what its configuration adds, such as a job number).
fn printed_file(title: &str) -> Option<PathBuf> {
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("/root"));
    let folder = std::fs::read_dir(home.join("PDF")).ok()?;
    folder.flatten().map(|entry| entry.path()).find(|path| {
        path.file_name().is_some_and(|name| name.to_string_lossy().starts_with(title))
            && path.extension().is_some_and(|ext| ext == "pdf")
    })
}

#[tokio::test]
async fn a_pdf_printed_on_a_cups_pdf_queue_comes_out_with_its_pages() {
    if !cups_pdf_queue() {
        return;
    }
    let title = format!("kontor-print-test-{}", std::process::id());
    let job = print_pdf(QUEUE, &title, &common::pdf::pdf(2, "Printed by Kontor")).await.unwrap();
    assert_eq!(job.printer, QUEUE);
    assert!(job.job_id.starts_with(&format!("{QUEUE}-")), "{job:?}");

    let started = Instant::now();
    let out = loop {
        if let Some(out) = printed_file(&title) {
            break out;
        }
        assert!(started.elapsed() < Duration::from_secs(60), "~/PDF/{title}*.pdf did not appear within a minute");
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    tokio::time::sleep(Duration::from_millis(500)).await; // cups-pdf may still be writing
    let info = Command::new("pdfinfo").arg(&out).output().unwrap();
    assert!(
        String::from_utf8_lossy(&info.stdout).lines().any(|line| line.starts_with("Pages:") && line.ends_with(" 2"))
    );
    let text = Command::new("pdftotext").arg(&out).arg("-").output().unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("Printed by Kontor - page 2"));
    std::fs::remove_file(&out).unwrap();
}

#[tokio::test]
async fn an_unknown_printer_or_a_bad_name_is_refused_clearly() {
    let bytes = common::pdf::pdf(1, "x");
    let error = print_pdf("No Such Printer", "x", &bytes).await.unwrap_err();
    assert_eq!((error.code(), error.details()["field"].as_str()), ("invalid_input", Some("printer")));
    let error = print_pdf("KontorNoSuchQueue", "x", &bytes).await.unwrap_err();
    assert_eq!(error.code(), "printer_unavailable");
    assert_eq!(error.details()["printer"], "KontorNoSuchQueue");
    assert!(!error.details()["reason"].as_str().unwrap().is_empty());
    let error = print_pdf(QUEUE, "notes.txt", b"plain text").await.unwrap_err();
    assert_eq!(error.code(), "invalid_attachment");
}

#[tokio::test]
async fn kontor_invoice_print_sends_the_invoice_pdf_to_the_queue() {
    if !cups_pdf_queue() {
        return;
    }
    // Through the CLI, as a script at the counter would print.
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let cli = |args: &[&str]| {
        let output = common::kontor_cli(data, args, "");
        assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
        output
    };
    cli(&["init", "--business", "Print Hardware"]);
    cli(&["customer", "add", "--name", "Print Kunde"]);
    cli(&[
        "product",
        "add",
        "--sku",
        "A-1",
        "--name",
        "Anvil",
        "--unit-price",
        "10",
        "--tax-rate",
        "19",
        "--stock",
        "9",
    ]);
    cli(&["order", "place", "--customer", "Print Kunde", "--line", "A-1:2"]);
    let issued: serde_json::Value =
        serde_json::from_slice(&cli(&["--json", "invoice", "issue", "SO-000001"]).stdout).unwrap();
    let number = issued["detail"]["invoice"]["number"].as_str().unwrap().to_string();
    // cups-pdf names the file after the title; remove what an earlier run left.
    while let Some(old) = printed_file(&number) {
        std::fs::remove_file(old).unwrap();
    }

    let job: serde_json::Value =
        serde_json::from_slice(&cli(&["--json", "invoice", "print", &number, "--printer", QUEUE]).stdout).unwrap();
    assert_eq!(job["printer"], QUEUE);
    assert!(job["jobId"].as_str().unwrap().starts_with(&format!("{QUEUE}-")), "{job}");
    let started = Instant::now();
    let out = loop {
        if let Some(out) = printed_file(&number) {
            break out;
        }
        assert!(started.elapsed() < Duration::from_secs(60), "~/PDF/{number}*.pdf did not appear within a minute");
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    tokio::time::sleep(Duration::from_millis(500)).await; // cups-pdf may still be writing
    // The invoice font has no text map pdftotext can read, so compare pages and page size with the original.
    let original = data.join("original.pdf");
    cli(&["invoice", "pdf", &number, "--out", original.to_str().unwrap()]);
    let layout = |file: &std::path::Path| {
        let info = Command::new("pdfinfo").arg(file).output().unwrap();
        String::from_utf8_lossy(&info.stdout)
            .lines()
            .filter(|line| line.starts_with("Pages:") || line.starts_with("Page size:"))
            // "Page size: 595.28 x 841.89 pts (A4)": CUPS rounds the figures, the paper stays.
            .map(|line| {
                if line.starts_with("Pages:") {
                    line.split_whitespace().collect::<Vec<_>>().join(" ")
                } else {
                    line.split('(').skip(1).collect()
                }
            })
            .collect::<Vec<_>>()
    };
    let printed = layout(&out);
    assert_eq!(printed, ["Pages: 1".to_string(), "A4)".to_string()]);
    assert_eq!(printed, layout(&original));
    std::fs::remove_file(&out).unwrap();

    let refused =
        common::kontor_cli(data, &["--json", "invoice", "print", &number, "--printer", "KontorNoSuchQueue"], "");
    assert_eq!(refused.status.code(), Some(1));
    let error: serde_json::Value = serde_json::from_slice(&refused.stderr).unwrap();
    assert_eq!(
        (error["code"].as_str(), error["details"]["field"].as_str()),
        (Some("printer_unavailable"), Some("printer"))
    );
    let missing = common::kontor_cli(data, &["--json", "invoice", "print", "INV-1999-000009", "--printer", QUEUE], "");
    let error: serde_json::Value = serde_json::from_slice(&missing.stderr).unwrap();
    assert_eq!(error["code"], "not_found");
}
