//! The peers `kontor bench invoices` measures against: wkhtmltopdf (what
//! Odoo and ERPNext render invoices with) and headless Chromium's
//! `--print-to-pdf` (what Electron apps do), each printing an HTML invoice
//! with the same blocks, lines, tax breakdown and totals as Kontor's PDF.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::error::Result;
use crate::invoices::InvoiceSnapshot;

pub struct Peer {
    pub name: &'static str,
    program: &'static str,
    /// Arguments before the input; `{out}` is replaced by the output path.
    args: &'static [&'static str],
    /// The output path goes last (wkhtmltopdf) rather than in `{out}`.
    out_last: bool,
}

pub const PEERS: &[Peer] = &[
    Peer { name: "wkhtmltopdf", program: "wkhtmltopdf", args: &["-q", "--page-size", "A4"], out_last: true },
    Peer {
        name: "chromium --print-to-pdf",
        program: "chromium",
        args: &["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf={out}"],
        out_last: false,
    },
];

/// `runs` whole-process timings of `peer` printing `html` to `out`, or why it cannot run.
pub fn measure(peer: &Peer, html: &Path, out: &Path, runs: usize) -> Result<Vec<Duration>, String> {
    let out_text = out.display().to_string();
    let mut samples = Vec::with_capacity(runs);
    for _ in 0..runs {
        let _ = std::fs::remove_file(out);
        let mut command = Command::new(peer.program);
        command.args(peer.args.iter().map(|arg| arg.replace("{out}", &out_text))).arg(html);
        if peer.out_last {
            command.arg(out);
        }
        let started = Instant::now();
        let output = command.output().map_err(|error| match error.kind() {
            std::io::ErrorKind::NotFound => {
                format!("{} is not installed (scripts/install-deps.sh bench installs it)", peer.program)
            }
            _ => format!("{} did not start: {error}", peer.program),
        })?;
        samples.push(started.elapsed());
        if !out.exists() {
            return Err(format!("{} wrote no PDF: {}", peer.program, String::from_utf8_lossy(&output.stderr).trim()));
        }
    }
    Ok(samples)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn lines_html(text: &str) -> String {
    text.lines().map(escape).collect::<Vec<_>>().join("<br>")
}

/// The invoice as an HTML page, laid out like Kontor's PDF.
pub fn html_invoice(doc: &InvoiceSnapshot) -> Result<String> {
    let currency = doc.currency()?;
    let locale = doc.number_locale;
    let mut rows = String::new();
    for line in &doc.lines {
        let _ = write!(
            rows,
            "<tr><td>{}</td><td>{}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td></tr>",
            escape(&line.sku),
            escape(&line.description),
            locale.quantity(line.quantity),
            locale.unit_price(line.unit_price, currency),
            locale.tax_rate(line.tax_rate),
            locale.amount(line.amount, currency)
        );
    }
    let mut taxes = String::new();
    for tax in &doc.taxes {
        let _ = write!(
            taxes,
            "<tr><td>{}</td><td class=n>{}</td><td class=n>{}</td></tr>",
            locale.tax_rate(tax.rate),
            locale.amount(tax.base, currency),
            locale.amount(tax.tax, currency)
        );
    }
    Ok(format!(
        r#"<!doctype html><html><head><meta charset="utf-8"><title>Invoice {number}</title><style>
@page {{ size: A4; margin: 17mm; }}
body {{ font-family: "DejaVu Sans", sans-serif; font-size: 9pt; color: #222; }}
h1 {{ color: #1c4f8c; text-align: right; margin: 0; font-size: 22pt; }}
.blocks {{ display: flex; gap: 12pt; margin: 24pt 0; }} .blocks div {{ flex: 1; }}
.label {{ font-size: 7.5pt; font-weight: bold; color: #6b7280; }}
table {{ width: 100%; border-collapse: collapse; }} thead {{ display: table-header-group; }}
th {{ background: #f3f5f8; text-align: left; font-size: 8pt; color: #6b7280; padding: 5pt; border-bottom: 1px solid #1c4f8c; }}
td {{ padding: 3pt 5pt; }} tr:nth-child(even) td {{ background: #f3f5f8; }} .n {{ text-align: right; }}
.summary {{ display: flex; justify-content: space-between; margin-top: 16pt; page-break-inside: avoid; }}
.totals {{ width: 250pt; }} .total {{ font-weight: bold; font-size: 12pt; }}
footer {{ margin-top: 24pt; font-size: 7.5pt; color: #6b7280; border-top: 1px solid #ccc; }}
</style></head><body>
<strong style="font-size:16pt;color:#1c4f8c">{seller}</strong><h1>INVOICE</h1><div style="text-align:right">{number}</div>
<div class=blocks><div><div class=label>FROM</div><b>{seller}</b><br>{seller_address}<br>Tax ID: {tax_id}</div>
<div><div class=label>BILL TO</div><b>{buyer}</b><br>{buyer_address}<br>{email}</div>
<div><div class=label>DETAILS</div>Invoice no. {number}<br>Issue date {issued}<br>Due date {due}<br>Order {order}</div></div>
<table><thead><tr><th>SKU</th><th>Description</th><th class=n>Qty</th><th class=n>Unit price</th><th class=n>Tax</th><th class=n>Amount</th></tr></thead>
<tbody>{rows}</tbody></table>
<div class=summary><div><div class=label>PAYMENT</div>Payable within {terms} days, by {due}.<br><div class=label>BANK DETAILS</div>{bank}</div>
<div class=totals><table><tr><th>Rate</th><th class=n>Net</th><th class=n>Tax</th></tr>{taxes}</table>
<p>Net total <span style="float:right">{net}</span><br>Tax total <span style="float:right">{tax}</span></p>
<p class=total>Total due <span style="float:right">{total}</span></p></div></div>
<footer>{footer}</footer></body></html>"#,
        number = escape(&doc.number),
        seller = escape(&doc.seller.name),
        seller_address = lines_html(&doc.seller.address),
        tax_id = escape(&doc.seller.tax_id),
        buyer = escape(&doc.buyer.name),
        buyer_address = lines_html(&doc.buyer.address),
        email = escape(&doc.buyer.email),
        issued = locale.date(doc.issued_on),
        due = locale.date(doc.due_on),
        order = escape(&doc.order_number),
        terms = doc.payment_terms_days,
        bank = lines_html(&doc.bank_details),
        net = locale.money(doc.amount_net, currency),
        tax = locale.money(doc.amount_tax, currency),
        total = locale.money(doc.amount_total, currency),
        footer = escape(&doc.footer),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::invoices::sample_snapshot;

    #[test]
    fn the_html_invoice_carries_every_line_escaped_and_the_totals() {
        let doc = sample_snapshot(20);
        let html = html_invoice(&doc).unwrap();
        assert_eq!(html.matches("<tr><td>").count(), doc.lines.len() + doc.taxes.len());
        assert!(html.contains("Berg Hardware &amp; Books GmbH") && !html.contains("Hardware & Books"));
        assert!(html.contains("Σοφία: a history of wisdom") && html.contains("Łukasz Müller"));
        let total = doc.number_locale.money(doc.amount_total, doc.currency().unwrap());
        assert!(html.contains(&format!("Total due <span style=\"float:right\">{total}</span>")));
    }
}
