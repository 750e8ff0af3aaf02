//! Golden tests of the invoice PDF: exact bytes (SHA-256), every line of
//! text poppler extracts, page count and size, and pages that render.
//! Needs poppler-utils (pdftotext, pdfinfo, pdftoppm; scripts/install-deps.sh).

use std::path::{Path, PathBuf};
use std::process::Command;

use kontor::invoices::locale::NumberLocale;
use kontor::invoices::{InvoiceSnapshot, PaperSize, pdf, sample_snapshot};
use kontor::money::Currency;
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

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|byte| format!("{byte:02x}")).collect()
}

fn info(path: &Path, field: &str) -> String {
    let info = run("pdfinfo", &[path.to_str().unwrap()]);
    let line = info.lines().find(|line| line.starts_with(field)).unwrap_or_else(|| panic!("no {field} in {info}"));
    line[field.len() + 1..].trim().to_string()
}

/// Each page's text as laid out, split at the form feed poppler puts between pages.
fn pages_text(path: &Path) -> Vec<String> {
    let text = run("pdftotext", &["-layout", path.to_str().unwrap(), "-"]);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    pages.retain(|page| !page.trim().is_empty());
    pages
}

/// Renders every page to PNG: proof that poppler parses the whole file.
fn render_pages(path: &Path, pages: usize) {
    let prefix = path.with_extension("");
    run("pdftoppm", &["-png", "-r", "50", path.to_str().unwrap(), prefix.to_str().unwrap()]);
    for page in 1..=pages {
        let width = if pages >= 10 { 2 } else { 1 };
        let png = PathBuf::from(format!("{}-{page:0width$}.png", prefix.display()));
        let bytes = std::fs::read(&png).unwrap_or_else(|e| panic!("{}: {e}", png.display()));
        assert!(bytes.starts_with(b"\x89PNG") && bytes.len() > 2_000, "page {page} rendered blank");
    }
}

/// Every line of the snapshot appears on one text line with its SKU,
/// quantity, unit price, rate and amount, and the tax breakdown and totals
/// are printed as the snapshot has them.
fn assert_content(snapshot: &InvoiceSnapshot, text: &str) {
    let eur = Currency::parse("EUR").unwrap();
    let en = NumberLocale::En;
    let rows: Vec<&str> = text.lines().collect();
    for line in &snapshot.lines {
        let expected = [
            line.sku.clone(),
            en.quantity(line.quantity),
            en.unit_price(line.unit_price, eur),
            en.tax_rate(line.tax_rate),
            en.amount(line.amount, eur),
        ];
        let description: String = line.description.chars().take(20).collect();
        let found = rows.iter().filter(|row| {
            let cells: Vec<&str> = row.split("  ").map(str::trim).filter(|cell| !cell.is_empty()).collect();
            cells.first() == Some(&expected[0].as_str())
                && cells.iter().any(|cell| cell.starts_with(&description))
                && cells[cells.len() - 4..]
                    == [&expected[1], &expected[2], &expected[3], &expected[4]].map(String::as_str)
        });
        assert!(found.count() >= 1, "line {} ({expected:?}) not printed:\n{text}", line.order_line_id);
    }
    for tax in &snapshot.taxes {
        let cells = [en.tax_rate(tax.rate), en.amount(tax.base, eur), en.amount(tax.tax, eur)];
        let printed = rows.iter().any(|row| {
            let row: Vec<&str> = row.split("  ").map(str::trim).filter(|cell| !cell.is_empty()).collect();
            row.len() >= 3 && row[row.len() - 3..] == cells.each_ref().map(String::as_str)
        });
        assert!(printed, "tax breakdown {cells:?} not printed:\n{text}");
    }
    for (label, amount) in
        [("Net total", snapshot.amount_net), ("Tax total", snapshot.amount_tax), ("Total due", snapshot.amount_total)]
    {
        let money = en.money(amount, eur);
        assert!(
            rows.iter().any(|row| row.contains(label) && row.trim_end().ends_with(&money)),
            "{label} {money} not printed:\n{text}"
        );
    }
}

#[test]
fn a_one_page_invoice_is_pinned_to_its_bytes_and_reads_back_whole() {
    let snapshot = sample_snapshot(6);
    let (path, bytes) = write("one-page.pdf", &snapshot);
    assert_eq!(bytes, pdf::render(&snapshot, None).unwrap(), "the same invoice gives the same bytes");
    assert_eq!(info(&path, "Pages:"), "1");
    assert_eq!(info(&path, "Page size:"), "595.28 x 841.89 pts (A4)");
    assert!(bytes.len() <= 40 * 1024, "{} bytes with the subset font and no logo", bytes.len());
    let pages = pages_text(&path);
    assert_eq!(pages.len(), 1);
    let text = &pages[0];
    for expected in [
        "INVOICE",
        "INV-2026-000042",
        "Berg Hardware & Books GmbH",
        "Hauptstraße 12",
        "Łukasz Müller",
        "ul. Długa 5/7",
        "Ñoño's garden guide",
        "Σοφία: a history of wisdom",
        "2026-11-16",
        "SO-001337",
        "Payable within 14 days, by 2026-11-16.",
        "IBAN DE89 3704 0044 0532 0130 00",
        "Registered at Amtsgericht Berlin HRB 12345",
        "Page 1 of 1",
    ] {
        assert!(text.contains(expected), "{expected:?} missing:\n{text}");
    }
    assert_content(&snapshot, text);
    render_pages(&path, 1);
    assert_eq!(sha256(&bytes), ONE_PAGE_SHA256, "the one-page invoice's bytes changed; look at {}", path.display());
}

#[test]
fn a_three_page_invoice_repeats_the_table_header_and_numbers_its_pages() {
    let snapshot = sample_snapshot(80);
    let (path, bytes) = write("three-pages.pdf", &snapshot);
    assert_eq!(info(&path, "Pages:"), "3");
    let pages = pages_text(&path);
    assert_eq!(pages.len(), 3);
    for (index, page) in pages.iter().enumerate() {
        assert!(page.contains(&format!("Page {} of 3", index + 1)), "page {} unnumbered:\n{page}", index + 1);
        let header = page.lines().find(|line| line.contains("SKU")).expect("table header on every page");
        for title in ["Description", "Qty", "Unit price", "Tax", "Amount"] {
            assert!(header.contains(title), "{title} missing from the header on page {}", index + 1);
        }
        if index > 0 {
            assert!(page.contains("Invoice INV-2026-000042 (continued)"));
        }
    }
    assert!(pages[2].contains("Дмитрий's workshop notebook"));
    assert!(!pages[0].contains("Total due") && !pages[1].contains("Total due"), "totals only under the last row");
    assert_content(&snapshot, &pages.join("\n"));
    render_pages(&path, 3);
    assert_eq!(sha256(&bytes), THREE_PAGE_SHA256, "the 3-page invoice's bytes changed; look at {}", path.display());
}

#[test]
fn a_name_beyond_latin_greek_and_cyrillic_prints_from_the_whole_font() {
    let mut snapshot = sample_snapshot(3);
    snapshot.buyer.name = "Արամ ქეთევანი".to_string();
    let (path, _) = write("armenian-georgian.pdf", &snapshot);
    let text = &pages_text(&path)[0];
    assert!(text.contains(&snapshot.buyer.name), "{text}");
    render_pages(&path, 1);
}

#[test]
fn letter_paper_and_german_numbers() {
    let mut snapshot = sample_snapshot(3);
    snapshot.paper_size = PaperSize::Letter;
    snapshot.number_locale = NumberLocale::De;
    let (path, _) = write("letter-de.pdf", &snapshot);
    assert_eq!(info(&path, "Page size:"), "612 x 792 pts (letter)");
    let text = &pages_text(&path)[0];
    let total = NumberLocale::De.money(snapshot.amount_total, Currency::parse("EUR").unwrap());
    assert!(total.contains(',') && text.contains(&total), "{total} missing:\n{text}");
    assert!(text.contains("02.11.2026"));
}

#[test]
fn a_logo_is_drawn_and_a_broken_one_is_refused() {
    let snapshot = sample_snapshot(2);
    let logo = tiny_png();
    let with_logo = pdf::render(&snapshot, Some(&logo)).unwrap();
    let plain = pdf::render(&snapshot, None).unwrap();
    assert_ne!(with_logo, plain);
    assert_eq!(with_logo, pdf::render(&snapshot, Some(&logo)).unwrap(), "a logo does not break determinism");
    let path = out_dir().join("logo.pdf");
    std::fs::write(&path, &with_logo).unwrap();
    render_pages(&path, 1);
    assert_eq!(pdf::render(&snapshot, Some(b"GIF89a")).unwrap_err().code(), "invalid_logo");
}

/// A 40×20 two-colour PNG.
fn tiny_png() -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, 40, 20);
    encoder.set_color(png::ColorType::Rgb);
    let mut writer = encoder.write_header().unwrap();
    let pixels: Vec<u8> = (0..40 * 20).flat_map(|i| if i % 40 < 20 { [30, 80, 140] } else { [240, 180, 40] }).collect();
    writer.write_image_data(&pixels).unwrap();
    writer.finish().unwrap();
    bytes
}

const ONE_PAGE_SHA256: &str = "dcba7dcfa134ff90d003566c7a3276a8feda1aca7a579a670f7b1a8c99e37ec9";
const THREE_PAGE_SHA256: &str = "a78acace36112d5b43da11df0b4efdb4683083546e51b52cda1617cc7a8edb6c";
