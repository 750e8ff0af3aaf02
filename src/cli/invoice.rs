//! `kontor invoice …`: issue an order's invoice or credit note, show and
//! list them, write a PDF, e-mail it to the customer or print it, and
//! issue/export in bulk.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;
use clap::Subcommand;
use kontor::error::Error;
use kontor::invoices::{
    BatchOptions, InvoiceDetail, InvoiceKind, InvoiceQuery, InvoiceStatus, InvoiceSummary, IssuedInvoice,
};
use kontor::mail::{MailStatus, OutboxEntry};
use kontor::orders::{OrderQuery, OrderStatus};
use kontor::staff::Actor;
use kontor::{Kontor, Result};

use super::output;

#[derive(Debug, Subcommand)]
pub enum InvoiceCommand {
    /// Issue the invoice of an order (again: shows the existing one)
    Issue { order: String },
    /// Issue a credit note for what was returned or cancelled since the invoice
    Credit { order: String },
    /// One invoice or credit note with its lines, taxes and related documents
    Show { number: String },
    /// Invoices and credit notes, newest first
    List {
        /// invoice or credit_note
        #[arg(long, value_parser = parse_kind)]
        kind: Option<InvoiceKind>,
        /// issued, partially_paid, paid or credited
        #[arg(long, value_parser = parse_status)]
        status: Option<InvoiceStatus>,
        #[arg(long)]
        overdue: bool,
        /// Number, order number or customer name contains this
        #[arg(long)]
        search: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<NaiveDate>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<NaiveDate>,
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
    },
    /// Write the PDF of an invoice or credit note
    Pdf {
        number: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// E-mail the PDF to the customer (queued in the outbox; retried while offline)
    Email {
        number: String,
        /// Try to send it now instead of waiting for the next send
        #[arg(long)]
        send_now: bool,
    },
    /// Print the PDF on a CUPS printer
    Print {
        number: String,
        /// The CUPS queue name (`lpstat -p` lists them)
        #[arg(long, value_name = "NAME")]
        printer: String,
    },
    /// Issue the invoices of every order matching the filters (and export their PDFs)
    Batch {
        /// Order status
        #[arg(long, value_parser = parse_order_status)]
        status: Option<OrderStatus>,
        /// Orders created on or after this day
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<NaiveDate>,
        /// Orders created on or before this day
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<NaiveDate>,
        /// Order number or customer name contains this
        #[arg(long)]
        search: Option<String>,
        /// Write <number>.pdf for each invoice here
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
    },
}

fn parse_kind(text: &str) -> Result<InvoiceKind, String> {
    InvoiceKind::parse(text).map_err(|error| error.to_string())
}

fn parse_status(text: &str) -> Result<InvoiceStatus, String> {
    InvoiceStatus::parse(text).map_err(|error| error.to_string())
}

fn parse_order_status(text: &str) -> Result<OrderStatus, String> {
    OrderStatus::parse(text).map_err(|error| error.to_string())
}

pub async fn run(kontor: &Kontor, actor: &Actor, command: InvoiceCommand, json: bool) -> Result<()> {
    match command {
        InvoiceCommand::Issue { order } => {
            let issued = kontor.issue_invoice(actor, &order).await?;
            output::print(json, &issued, || describe_issued(&issued));
        }
        InvoiceCommand::Credit { order } => {
            let detail = kontor.issue_credit_note(actor, &order).await?;
            output::print(json, &detail, || describe(&detail));
        }
        InvoiceCommand::Show { number } => {
            let detail = kontor.invoice_detail(actor, &number).await?;
            output::print(json, &detail, || describe(&detail));
        }
        InvoiceCommand::List { kind, status, overdue, search, from, to, limit, offset } => {
            let query = InvoiceQuery { kind, status, overdue_only: overdue, from, to, search, offset, limit };
            let page = kontor.list_invoices(actor, &query).await?;
            output::print(json, &page, || {
                let mut lines: Vec<String> = page.items.iter().map(row).collect();
                lines.push(format!("{} of {} documents", page.items.len(), page.total));
                lines.join("\n")
            });
        }
        InvoiceCommand::Pdf { number, out } => {
            let bytes = kontor.invoice_pdf(actor, &number).await?;
            std::fs::write(&out, &bytes).map_err(|source| Error::File {
                action: "write",
                path: out.clone(),
                source,
            })?;
            let written = serde_json::json!({ "number": number, "path": out, "bytes": bytes.len() });
            output::print(json, &written, || format!("{number}: {} bytes written to {}", bytes.len(), out.display()));
        }
        InvoiceCommand::Email { number, send_now } => {
            let mut entry = kontor.email_invoice(actor, &number).await?;
            if send_now {
                kontor.send_pending_mail().await?;
                let outbox = kontor.mail_outbox(actor).await?;
                if let Some(now) = outbox.into_iter().find(|message| message.id == entry.id) {
                    entry = now;
                }
            }
            output::print(json, &entry, || describe_mail(&number, &entry, send_now));
        }
        InvoiceCommand::Print { number, printer } => {
            let job = kontor.print_invoice(actor, &number, &printer).await?;
            output::print(json, &job, || format!("sent {number} to {} (job {})", job.printer, job.job_id));
        }
        InvoiceCommand::Batch { status, from, to, search, out_dir } => {
            let filter = OrderQuery { status, from, to, search, ..OrderQuery::default() };
            let options = BatchOptions { filter, out_dir };
            // The desktop can cancel a batch; from a terminal, Ctrl-C ends the process
            // between transactions' commits, which leaves no gap either.
            let never = AtomicBool::new(false);
            let summary = kontor
                .issue_invoices_batch(
                    actor,
                    &options,
                    |done, total| {
                        if !json {
                            eprintln!("invoices: {done} of {total} orders");
                        }
                    },
                    &never,
                )
                .await?;
            output::print(json, &summary, || {
                let mut text = format!(
                    "{} orders matched: {} invoices issued, {} already invoiced, {} skipped, {} PDFs written",
                    summary.matched,
                    summary.issued,
                    summary.existing,
                    summary.skipped.len(),
                    summary.exported
                );
                for skipped in &summary.skipped {
                    text.push_str(&format!(
                        "\n  {} skipped: error[{}]: {}",
                        skipped.order, skipped.code, skipped.message
                    ));
                }
                text
            });
        }
    }
    Ok(())
}

fn row(invoice: &InvoiceSummary) -> String {
    format!(
        "{:<16} {:<10} {} due {} {:>12} {} paid {:>12} {}{}  {}",
        invoice.number,
        invoice.order_number,
        invoice.issued_on,
        invoice.due_on,
        invoice.amount_total,
        invoice.currency,
        invoice.amount_paid,
        invoice.status.as_str(),
        if invoice.overdue { " OVERDUE" } else { "" },
        invoice.customer_name
    )
}

fn describe_issued(issued: &IssuedInvoice) -> String {
    let note = if issued.created { "issued" } else { "already issued" };
    format!("{note}: {}", describe(&issued.detail))
}

fn describe(detail: &InvoiceDetail) -> String {
    let doc = &detail.snapshot;
    let mut text = row(&detail.invoice);
    for line in &doc.lines {
        text.push_str(&format!(
            "\n  {:<12} {:>5} × {} at {}% = {}  {}",
            line.sku, line.quantity, line.unit_price, line.tax_rate, line.amount, line.description
        ));
    }
    for tax in &doc.taxes {
        text.push_str(&format!("\n  tax {}% on {} = {}", tax.rate, tax.base, tax.tax));
    }
    text.push_str(&format!(
        "\n  net {} + tax {} = {} {}",
        doc.amount_net, doc.amount_tax, doc.amount_total, doc.currency
    ));
    for related in &detail.related {
        text.push_str(&format!("\n  related {} {} {}", related.number, related.amount_total, related.currency));
    }
    text
}

fn describe_mail(number: &str, entry: &OutboxEntry, tried: bool) -> String {
    let to = format!("{number} to {} (message {})", entry.recipient, entry.id);
    match (entry.status, &entry.last_error) {
        (MailStatus::Sent, _) => format!("sent {to}"),
        (MailStatus::Failed, error) => format!("the server refused {to}: {}", error.as_deref().unwrap_or("")),
        (MailStatus::Pending, Some(error)) => {
            format!(
                "queued {to}; not sent yet ({error}), retried from {}",
                entry.next_attempt_at.format("%Y-%m-%d %H:%M UTC")
            )
        }
        // The sender stops at the first message the server does not take; older ones go first.
        (MailStatus::Pending, None) if tried => {
            format!("queued {to}; not tried yet: older messages wait for the mail server (`kontor mail outbox`)")
        }
        (MailStatus::Pending, None) => format!("queued {to}; `kontor mail send-pending` sends it"),
    }
}
