//! `kontor bench invoices`: the invoice PDF measured in the same run as
//! its peers — in-process render of a one-page and a 10-page invoice, the
//! whole `kontor invoice pdf` process, file sizes, a batch of 1,000
//! invoices issued and exported — next to wkhtmltopdf and headless Chromium
//! printing an equivalent HTML invoice (`peers.rs`). It works in a
//! throw-away book of its own, never the user's.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use serde::Serialize;

use super::Timing;
use super::peers;
use crate::Kontor;
use crate::error::{Error, Result};
use crate::invoices::{BatchOptions, InvoiceSnapshot, pdf, sample_snapshot};
use crate::money::Amount;
use crate::orders::{NewLine, NewOrder, OrderQuery, PaymentMethod};
use crate::products::NewProduct;
use crate::staff::Actor;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceBenchReport {
    pub timings: Vec<Timing>,
    pub one_page_bytes: usize,
    pub ten_page_bytes: usize,
    pub ten_page_lines: usize,
    pub batch_invoices: usize,
    pub batch_seconds: f64,
    /// Peers that could not be measured, and why.
    pub skipped: Vec<String>,
}

/// How many times each figure is taken (whole processes: a tenth, at least 3).
pub struct InvoiceBenchOptions {
    pub runs: usize,
    pub batch: usize,
    /// The `kontor` binary, for the whole-process figures.
    pub kontor_exe: PathBuf,
}

pub async fn run(options: &InvoiceBenchOptions) -> Result<InvoiceBenchReport> {
    let work = std::env::temp_dir().join(format!("kontor-bench-invoices-{}", std::process::id()));
    let result = run_in(&work, options).await;
    let _ = std::fs::remove_dir_all(&work);
    result
}

async fn run_in(work: &Path, options: &InvoiceBenchOptions) -> Result<InvoiceBenchReport> {
    let ten_page_lines = lines_for_pages(10)?;
    let one = sample_snapshot(6);
    let ten = sample_snapshot(ten_page_lines);
    let one_page_bytes = pdf::render(&one, None)?.len();
    let ten_page_bytes = pdf::render(&ten, None)?.len();
    let mut timings = vec![
        in_process("kontor in-process, 1 page", &one, options.runs)?,
        in_process("kontor in-process, 10 pages", &ten, options.runs)?,
    ];

    let book = work.join("book");
    let kontor = Kontor::open(&book).await?;
    let actor = Actor::operating_system("bench");
    kontor.register_business(&actor, "Berg Hardware & Books GmbH", "EUR").await?;
    let (one_number, ten_number) = issue_samples(&kontor, &actor, ten_page_lines).await?;
    let processes = (options.runs / 10).max(3);
    let exe = &options.kontor_exe;
    for (name, number) in
        [("kontor invoice pdf process, 1 page", &one_number), ("kontor invoice pdf process, 10 pages", &ten_number)]
    {
        let out = work.join(format!("{number}.pdf"));
        let args = ["--data-dir", path_str(&book)?, "invoice", "pdf", number, "--out", path_str(&out)?];
        timings.push(whole_process(name, exe, &args, &out, processes)?);
    }

    let html = work.join("html");
    std::fs::create_dir_all(&html).map_err(|source| Error::File { action: "create", path: html.clone(), source })?;
    let mut skipped = Vec::new();
    for (pages, snapshot) in [("1 page", &one), ("10 pages", &ten)] {
        let page = html.join(format!("invoice-{}.html", snapshot.lines.len()));
        std::fs::write(&page, peers::html_invoice(snapshot)?).map_err(|source| Error::File {
            action: "write",
            path: page.clone(),
            source,
        })?;
        for peer in peers::PEERS {
            match peers::measure(peer, &page, &html.join("peer.pdf"), processes) {
                Ok(samples) => timings.push(Timing::of(&format!("{} process, {pages}", peer.name), samples)),
                Err(reason) => skipped.push(format!("{} ({pages}): {reason}", peer.name)),
            }
        }
    }
    skipped.dedup();

    let batch_seconds = batch(&kontor, &actor, options.batch, &work.join("batch")).await?;
    kontor.store().close().await;
    Ok(InvoiceBenchReport {
        timings,
        one_page_bytes,
        ten_page_bytes,
        ten_page_lines,
        batch_invoices: options.batch,
        batch_seconds,
        skipped,
    })
}

/// The fewest sample lines that fill `pages` pages.
fn lines_for_pages(pages: usize) -> Result<usize> {
    let mut lines = 1;
    while page_count(&pdf::render(&sample_snapshot(lines), None)?) < pages {
        lines += 5;
    }
    Ok(lines)
}

fn page_count(pdf: &[u8]) -> usize {
    pdf.windows(11).filter(|window| &window[..10] == b"/Type/Page" && window[10] != b's').count()
}

fn in_process(name: &str, snapshot: &InvoiceSnapshot, runs: usize) -> Result<Timing> {
    pdf::render(snapshot, None)?; // fonts parsed once per process, as in the app
    let mut samples = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        std::hint::black_box(pdf::render(snapshot, None)?);
        samples.push(started.elapsed());
    }
    Ok(Timing::of(name, samples))
}

/// `runs` timed `exe args` processes, each writing `out` afresh as the
/// peers do (`peers::measure`): overwriting a file first frees its blocks,
/// which on this machine's disk waits for a discard.
fn whole_process(name: &str, exe: &Path, args: &[&str], out: &Path, runs: usize) -> Result<Timing> {
    let mut samples = Vec::with_capacity(runs);
    for _ in 0..runs {
        let _ = std::fs::remove_file(out);
        let started = Instant::now();
        let output = Command::new(exe).args(args).output().map_err(|source| Error::File {
            action: "run",
            path: exe.to_path_buf(),
            source,
        })?;
        samples.push(started.elapsed());
        if !output.status.success() {
            return Err(Error::InvalidInput {
                field: "kontor",
                reason: format!("`kontor invoice pdf` failed: {}", String::from_utf8_lossy(&output.stderr)),
            });
        }
    }
    Ok(Timing::of(name, samples))
}

fn path_str(path: &Path) -> Result<&str> {
    path.to_str()
        .ok_or_else(|| Error::InvalidInput { field: "path", reason: format!("{} is not UTF-8", path.display()) })
}

/// Products for the sample lines, a customer, and two issued invoices
/// (one page, ten pages); returns their numbers.
async fn issue_samples(kontor: &Kontor, actor: &Actor, ten_page_lines: usize) -> Result<(String, String)> {
    let customer = kontor
        .add_customer(
            actor,
            crate::customers::NewCustomer {
                name: "Łukasz Müller".into(),
                billing_address: "ul. Długa 5/7\n00-238 Warszawa\nPoland".into(),
                ..Default::default()
            },
        )
        .await?;
    for line in &sample_snapshot(ten_page_lines).lines {
        let product = NewProduct {
            sku: format!("{}-{:04}", line.sku, line.order_line_id),
            name: line.description.clone(),
            unit_price: line.unit_price,
            cost: Amount::ZERO,
            tax_rate: line.tax_rate,
            stock: 1_000_000,
            reorder_level: 0,
            allow_backorder: false,
            active: true,
            notes: String::new(),
        };
        kontor.add_product(actor, product).await?;
    }
    let order = |lines: usize| {
        let lines = sample_snapshot(ten_page_lines)
            .lines
            .into_iter()
            .take(lines)
            .map(|line| NewLine { sku: format!("{}-{:04}", line.sku, line.order_line_id), quantity: line.quantity })
            .collect();
        new_order(customer.id, lines)
    };
    let one = kontor.create_order(actor, order(6)).await?;
    let ten = kontor.create_order(actor, order(ten_page_lines)).await?;
    let one = kontor.issue_invoice(actor, &one.number).await?.detail.invoice.number;
    let ten = kontor.issue_invoice(actor, &ten.number).await?.detail.invoice.number;
    Ok((one, ten))
}

fn new_order(customer_id: i64, lines: Vec<NewLine>) -> NewOrder {
    NewOrder {
        customer_id,
        currency: None,
        exchange_rate: None,
        payment_method: PaymentMethod::BankTransfer,
        urgent: false,
        promised_date: None,
        notes: String::new(),
        lines,
        place: true,
        credit_override: None,
    }
}

/// Places `count` three-line orders, then times issuing all their invoices
/// and writing every PDF.
async fn batch(kontor: &Kontor, actor: &Actor, count: usize, out_dir: &Path) -> Result<f64> {
    let customer = kontor.find_customer(actor, "Łukasz Müller").await?;
    let skus: Vec<String> =
        sample_snapshot(3).lines.iter().map(|l| format!("{}-{:04}", l.sku, l.order_line_id)).collect();
    for _ in 0..count {
        let lines = skus.iter().map(|sku| NewLine { sku: sku.clone(), quantity: 2 }).collect();
        kontor.create_order(actor, new_order(customer.id, lines)).await?;
    }
    let options = BatchOptions { filter: OrderQuery::default(), out_dir: Some(out_dir.to_path_buf()) };
    let started = Instant::now();
    let summary = kontor.issue_invoices_batch(actor, &options, |_, _| {}, &AtomicBool::new(false)).await?;
    let elapsed: Duration = started.elapsed();
    if summary.issued < count {
        return Err(Error::InvalidInput {
            field: "batch",
            reason: format!("issued {} of {count} invoices", summary.issued),
        });
    }
    Ok(elapsed.as_secs_f64())
}
