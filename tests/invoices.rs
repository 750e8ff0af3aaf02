//! Invoices and credit notes against a real book: gapless numbering per
//! series and year, idempotent issue, credit notes to the cent, status from
//! payments and refunds, overdue on the manual clock, batch with progress
//! and cancel, and two `kontor` processes issuing at once. Every refusal
//! asserts its code and that the book is unchanged.

mod common;

use std::sync::atomic::{AtomicBool, Ordering};

use chrono::Duration;
use kontor::Kontor;
use kontor::invoices::{BatchOptions, InvoiceKind, InvoiceQuery, InvoiceStatus, InvoiceSummary};
use kontor::money::Amount;
use kontor::orders::{Order, OrderQuery, OrderStatus, PaymentMethod};
use kontor::staff::{Actor, Role, SignedInUser};

fn amount(text: &str) -> Amount {
    Amount::parse("amount", text).unwrap()
}

struct Shop {
    book: common::Book,
    owner: Actor,
    manager: Actor,
    clerk: Actor,
    customer_id: i64,
}

async fn member(book: &common::Book, owner: &Actor, username: &str, role: Role) -> Actor {
    let member = common::add(&book.kontor, owner, username, role).await;
    Actor::user(&SignedInUser { id: member.id, name: member.name, username: member.username, role: member.role })
}

/// A shop with a manager, a clerk, a customer and three products:
/// A-1 at 10.00 (19 %), B-2 at 3.3333 (7 %), and FREE at 0.00.
async fn shop() -> Shop {
    let (book, owner) = common::set_up_book().await;
    let owner = Actor::user(&owner);
    let manager = member(&book, &owner, "mia", Role::Manager).await;
    let clerk = member(&book, &owner, "cara", Role::Clerk).await;
    let customer = common::customer(&book.kontor, &owner, "Łukasz Müller", None).await;
    common::product(&book.kontor, &owner, "A-1", "10.00", "19", 500).await;
    common::product(&book.kontor, &owner, "B-2", "3.3333", "7", 500).await;
    common::product(&book.kontor, &owner, "FREE", "0", "19", 500).await;
    Shop { book, owner, manager, clerk, customer_id: customer.id }
}

impl Shop {
    fn kontor(&self) -> &Kontor {
        &self.book.kontor
    }

    async fn place(&self, lines: &[(&str, i64)]) -> Order {
        self.kontor().create_order(&self.clerk, common::order_input(self.customer_id, lines)).await.unwrap()
    }

    async fn issue(&self, order: &Order) -> InvoiceSummary {
        self.kontor().issue_invoice(&self.manager, &order.number).await.unwrap().detail.invoice
    }

    async fn show(&self, number: &str) -> InvoiceSummary {
        self.kontor().invoice_detail(&self.manager, number).await.unwrap().invoice
    }

    async fn order(&self, number: &str) -> Order {
        self.kontor().order_detail(&self.clerk, number).await.unwrap().order
    }

    /// Runs a refused operation and checks its code and that nothing changed.
    async fn refused<T: std::fmt::Debug>(
        &self,
        code: &str,
        op: impl std::future::Future<Output = kontor::Result<T>>,
    ) -> kontor::Error {
        let before = common::dump(self.kontor()).await;
        let error = op.await.unwrap_err();
        assert_eq!(error.code(), code, "{error}");
        assert_eq!(common::dump(self.kontor()).await, before, "a refused {code} changed the book");
        error
    }
}

#[tokio::test]
async fn numbers_are_gapless_per_series_and_year_and_issuing_twice_returns_the_same_invoice() {
    let shop = shop().await;
    let mut numbers = Vec::new();
    for _ in 0..3 {
        let order = shop.place(&[("A-1", 1)]).await;
        numbers.push(shop.issue(&order).await.number);
    }
    assert_eq!(numbers, ["INV-2026-000001", "INV-2026-000002", "INV-2026-000003"]);

    let first = shop.order(&shop.show("INV-2026-000001").await.order_number).await;
    let before = common::dump(shop.kontor()).await;
    let again = shop.kontor().issue_invoice(&shop.manager, &first.number).await.unwrap();
    assert!(!again.created);
    assert_eq!(again.detail.invoice.number, "INV-2026-000001");
    assert_eq!(common::dump(shop.kontor()).await, before, "issuing again writes nothing");

    // A credit note has its own series.
    shop.kontor().cancel_order(&shop.clerk, &first.number).await.unwrap();
    let credit = shop.kontor().issue_credit_note(&shop.manager, &first.number).await.unwrap();
    assert_eq!(credit.invoice.number, "CN-2026-000001");
    assert_eq!(credit.invoice.kind, InvoiceKind::CreditNote);

    // A new year starts both series again at 1; the prefix is the profile's.
    shop.book.clock.advance(Duration::days(60));
    let mut settings = shop.kontor().invoice_settings().await.unwrap().profile;
    settings.invoice_prefix = "re".into();
    shop.kontor().update_invoice_profile(&shop.owner, settings).await.unwrap();
    let order = shop.place(&[("A-1", 1)]).await;
    assert_eq!(shop.issue(&order).await.number, "RE-2027-000001");
    let order = shop.place(&[("A-1", 1)]).await;
    assert_eq!(shop.issue(&order).await.number, "RE-2027-000002");
    assert_eq!(shop.show("INV-2026-000002").await.number, "INV-2026-000002", "old numbers keep their prefix");
}

#[tokio::test]
async fn refusals_name_the_problem_and_change_nothing() {
    let shop = shop().await;
    let draft = shop
        .kontor()
        .create_order(
            &shop.clerk,
            kontor::orders::NewOrder { place: false, ..common::order_input(shop.customer_id, &[("A-1", 1)]) },
        )
        .await
        .unwrap();
    let error = shop.refused("invalid_state", shop.kontor().issue_invoice(&shop.manager, &draft.number)).await;
    assert_eq!(error.details()["status"], "draft");
    let cancelled = shop.place(&[("A-1", 1)]).await;
    shop.kontor().cancel_order(&shop.clerk, &cancelled.number).await.unwrap();
    shop.refused("invalid_state", shop.kontor().issue_invoice(&shop.manager, &cancelled.number)).await;
    let free = shop.place(&[("FREE", 2)]).await;
    shop.refused("nothing_to_invoice", shop.kontor().issue_invoice(&shop.manager, &free.number)).await;

    let order = shop.place(&[("A-1", 2)]).await;
    let error = shop.refused("forbidden", shop.kontor().issue_invoice(&shop.clerk, &order.number)).await;
    assert_eq!(error.to_string(), "a clerk may not issue or read invoices");
    shop.refused(
        "forbidden",
        shop.kontor().list_invoices(&shop.clerk, &InvoiceQuery { limit: 10, ..Default::default() }),
    )
    .await;
    shop.refused("not_found", shop.kontor().issue_invoice(&shop.manager, "SO-999999")).await;
    shop.refused("not_invoiced", shop.kontor().issue_credit_note(&shop.manager, &order.number)).await;
    shop.issue(&order).await;
    let error = shop.refused("nothing_to_credit", shop.kontor().issue_credit_note(&shop.manager, &order.number)).await;
    assert_eq!(error.details()["invoice"], "INV-2026-000001");
    shop.refused("not_found", shop.kontor().invoice_detail(&shop.manager, "INV-2026-000999")).await;

    // The business profile: owner only, bad logos and prefixes refused.
    let profile = shop.kontor().invoice_settings().await.unwrap().profile;
    shop.refused("forbidden", shop.kontor().update_invoice_profile(&shop.manager, profile.clone())).await;
    let error = shop.refused("invalid_logo", shop.kontor().set_invoice_logo(&shop.owner, Some(b"just text"))).await;
    assert_eq!(error.details()["field"], "logo");
    shop.refused("invalid_logo", shop.kontor().set_invoice_logo(&shop.owner, Some(b"\x89PNG\r\n\x1a\nbroken"))).await;
    let bad_prefix = kontor::invoices::InvoiceProfile { invoice_prefix: "IN V".into(), ..profile.clone() };
    let error = shop.refused("invalid_input", shop.kontor().update_invoice_profile(&shop.owner, bad_prefix)).await;
    assert_eq!(error.details()["field"], "invoicePrefix");
    let long_terms = kontor::invoices::InvoiceProfile { payment_terms_days: 400, ..profile };
    shop.refused("invalid_input", shop.kontor().update_invoice_profile(&shop.owner, long_terms)).await;
}

#[tokio::test]
async fn a_credit_note_after_a_return_brings_the_invoice_to_the_order_to_the_cent() {
    let shop = shop().await;
    let order = shop.place(&[("A-1", 3), ("B-2", 3)]).await;
    let invoice = shop.issue(&order).await;
    // 30.00 + 5.70 tax; 3 × 3.3333 = 10.00 + 0.70 tax.
    assert_eq!(invoice.amount_total, amount("46.40"));
    shop.kontor().ship_order(&shop.clerk, &order.number).await.unwrap();
    shop.kontor().return_line(&shop.clerk, &order.number, "B-2", 1, true).await.unwrap();

    let credit = shop.kontor().issue_credit_note(&shop.manager, &order.number).await.unwrap();
    let note = &credit.snapshot;
    assert_eq!(note.corrects.as_deref(), Some("INV-2026-000001"));
    assert_eq!(note.lines.len(), 1);
    assert_eq!((note.lines[0].sku.as_str(), note.lines[0].quantity), ("B-2", 1));
    // Billed 10.00, now 2 × 3.3333 = 6.67: 3.33 credited; tax 0.70 billed, 0.47 on what remains.
    assert_eq!(note.lines[0].amount, amount("3.33"));
    assert_eq!((note.taxes[0].base, note.taxes[0].tax), (amount("3.33"), amount("0.23")));
    assert_eq!(note.amount_total, amount("3.56"));
    let now = shop.order(&order.number).await;
    assert_eq!(invoice.amount_total - note.amount_total, now.amount_total, "invoice − credit note = order");

    // A second return credits only the new difference.
    shop.kontor().return_line(&shop.clerk, &order.number, "A-1", 2, false).await.unwrap();
    let second = shop.kontor().issue_credit_note(&shop.manager, &order.number).await.unwrap();
    assert_eq!(second.invoice.number, "CN-2026-000002");
    assert_eq!(second.snapshot.amount_total, amount("23.80"));
    let now = shop.order(&order.number).await;
    let invoice = shop.show("INV-2026-000001").await;
    assert_eq!(invoice.amount_credited, amount("27.36"));
    assert_eq!(invoice.amount_total - invoice.amount_credited, now.amount_total);
    let detail = shop.kontor().invoice_detail(&shop.manager, "INV-2026-000001").await.unwrap();
    let related: Vec<&str> = detail.related.iter().map(|doc| doc.number.as_str()).collect();
    assert_eq!(related, ["CN-2026-000001", "CN-2026-000002"]);

    let history = shop.kontor().order_detail(&shop.clerk, &order.number).await.unwrap().history;
    let actions: Vec<&str> =
        history.iter().map(|entry| entry.action.as_str()).filter(|a| a.contains("issued")).collect();
    assert_eq!(actions, ["invoice_issued", "credit_note_issued", "credit_note_issued"]);
}

#[tokio::test]
async fn a_credit_note_after_a_line_is_cancelled_and_after_the_order_is_cancelled() {
    let shop = shop().await;
    let order = shop.place(&[("A-1", 2), ("B-2", 6)]).await;
    let invoice = shop.issue(&order).await;
    shop.kontor().cancel_line(&shop.clerk, &order.number, "B-2").await.unwrap();
    let credit = shop.kontor().issue_credit_note(&shop.manager, &order.number).await.unwrap();
    // 6 × 3.3333 = 20.00 and 1.40 tax, all of it.
    assert_eq!((credit.snapshot.amount_net, credit.snapshot.amount_tax), (amount("20.00"), amount("1.40")));
    shop.kontor().cancel_order(&shop.clerk, &order.number).await.unwrap();
    let last = shop.kontor().issue_credit_note(&shop.manager, &order.number).await.unwrap();
    assert_eq!(last.snapshot.amount_total, amount("23.80"));
    let invoice = shop.show(&invoice.number).await;
    assert_eq!(invoice.amount_credited, invoice.amount_total);
    assert_eq!(invoice.status, InvoiceStatus::Credited);
    shop.refused("nothing_to_credit", shop.kontor().issue_credit_note(&shop.manager, &order.number)).await;
}

#[tokio::test]
async fn payments_settle_the_invoice_and_unpaid_invoices_become_overdue() {
    let shop = shop().await;
    let order = shop.place(&[("A-1", 10)]).await;
    let invoice = shop.issue(&order).await;
    assert_eq!((invoice.status, invoice.overdue), (InvoiceStatus::Issued, false));
    assert_eq!(invoice.due_on, invoice.issued_on + Duration::days(14));

    let pay = |value: &'static str| {
        shop.kontor().record_payment(&shop.clerk, &order.number, PaymentMethod::Card, amount(value), "")
    };
    pay("19.00").await.unwrap();
    let invoice = shop.show(&invoice.number).await;
    assert_eq!((invoice.status, invoice.amount_paid), (InvoiceStatus::PartiallyPaid, amount("19.00")));

    // Past the due date, still owing: overdue, and the list can show just those.
    shop.book.clock.advance(Duration::days(15));
    assert!(shop.show(&invoice.number).await.overdue);
    let overdue = InvoiceQuery { overdue_only: true, limit: 50, ..Default::default() };
    assert_eq!(shop.kontor().list_invoices(&shop.manager, &overdue).await.unwrap().total, 1);
    let dashboard = || shop.kontor().dashboard(&shop.manager);
    assert_eq!(dashboard().await.unwrap().overdue_invoices, 1);

    pay("100.00").await.unwrap();
    let paid = shop.show(&invoice.number).await;
    assert_eq!((paid.status, paid.overdue), (InvoiceStatus::Paid, false));
    assert_eq!(shop.kontor().list_invoices(&shop.manager, &overdue).await.unwrap().total, 0);
    assert_eq!(dashboard().await.unwrap().overdue_invoices, 0);

    // A refund takes it back to partly paid.
    shop.kontor().record_refund(&shop.manager, &order.number, PaymentMethod::Card, amount("50"), "").await.unwrap();
    assert_eq!(shop.show(&invoice.number).await.status, InvoiceStatus::PartiallyPaid);
    let partial = InvoiceQuery { status: Some(InvoiceStatus::PartiallyPaid), limit: 50, ..Default::default() };
    assert_eq!(shop.kontor().list_invoices(&shop.manager, &partial).await.unwrap().items[0].number, invoice.number);
}

#[tokio::test]
async fn the_issued_invoice_stays_as_issued_and_its_pdf_is_the_same_bytes() {
    let shop = shop().await;
    let order = shop.place(&[("A-1", 1)]).await;
    let invoice = shop.issue(&order).await;
    let pdf = shop.kontor().invoice_pdf(&shop.manager, &invoice.number).await.unwrap();
    assert!(pdf.starts_with(b"%PDF"));

    // Changing the business afterwards does not touch what was issued.
    let mut profile = shop.kontor().invoice_settings().await.unwrap().profile;
    profile.legal_name = "Renamed Holdings AG".into();
    profile.payment_terms_days = 60;
    shop.kontor().update_invoice_profile(&shop.owner, profile).await.unwrap();
    assert_eq!(shop.kontor().invoice_pdf(&shop.manager, &invoice.number).await.unwrap(), pdf);
    let detail = shop.kontor().invoice_detail(&shop.manager, &invoice.number).await.unwrap();
    assert_eq!(detail.snapshot.seller.name, "Berg Hardware");
    assert_eq!(detail.snapshot.payment_terms_days, 14);
    assert_eq!(detail.snapshot.buyer.name, "Łukasz Müller");
}

#[tokio::test]
async fn a_batch_issues_oldest_first_skips_what_cannot_be_invoiced_and_stops_when_cancelled() {
    let shop = shop().await;
    let mut orders = Vec::new();
    for _ in 0..5 {
        orders.push(shop.place(&[("A-1", 1)]).await);
        shop.book.clock.advance(Duration::minutes(1));
    }
    shop.kontor().cancel_order(&shop.clerk, &orders[2].number).await.unwrap();
    shop.issue(&orders[4]).await; // INV-2026-000001
    let out = tempfile::tempdir().unwrap();
    let options = BatchOptions { filter: OrderQuery::default(), out_dir: Some(out.path().to_path_buf()) };
    let mut progress = Vec::new();
    let summary = shop
        .kontor()
        .issue_invoices_batch(
            &shop.manager,
            &options,
            |done, total| progress.push((done, total)),
            &AtomicBool::new(false),
        )
        .await
        .unwrap();
    assert_eq!((summary.matched, summary.issued, summary.existing, summary.exported), (5, 3, 1, 4));
    assert_eq!(summary.skipped.len(), 1);
    assert_eq!(
        (summary.skipped[0].order.as_str(), summary.skipped[0].code.as_str()),
        (orders[2].number.as_str(), "invalid_state")
    );
    assert_eq!(progress.last(), Some(&(5, 5)));
    // Oldest order first: the first order gets the next number.
    let first = shop.kontor().issue_invoice(&shop.manager, &orders[0].number).await.unwrap().detail.invoice;
    assert_eq!(first.number, "INV-2026-000002");
    for number in ["INV-2026-000001", "INV-2026-000002", "INV-2026-000003", "INV-2026-000004"] {
        let file = std::fs::read(out.path().join(format!("{number}.pdf"))).unwrap();
        assert_eq!(file, shop.kontor().invoice_pdf(&shop.manager, number).await.unwrap());
    }

    // Cancelled before it starts: nothing issued, nothing half-done.
    shop.place(&[("A-1", 1)]).await;
    let before = common::dump(shop.kontor()).await;
    let cancelled = shop
        .kontor()
        .issue_invoices_batch(&shop.manager, &BatchOptions::default(), |_, _| {}, &AtomicBool::new(true))
        .await
        .unwrap();
    assert!(cancelled.cancelled);
    assert_eq!(cancelled.issued, 0);
    assert_eq!(common::dump(shop.kontor()).await, before);
    let cancel = AtomicBool::new(false);
    let resumed = shop
        .kontor()
        .issue_invoices_batch(
            &shop.manager,
            &BatchOptions::default(),
            |_, _| cancel.store(true, Ordering::Relaxed),
            &cancel,
        )
        .await
        .unwrap();
    assert_eq!(resumed.issued, 1);
    let orders_status = shop.order(&orders[1].number).await.status;
    assert_eq!(orders_status, OrderStatus::Placed, "issuing does not move the order");
}

#[test]
fn two_processes_issuing_at_once_leave_no_gap_and_no_duplicate() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_path_buf();
    let kontor = |args: &[&str]| common::kontor_cli(&data, args, "");
    assert!(kontor(&["init", "--business", "Race GmbH"]).status.success());
    assert!(kontor(&["customer", "add", "--name", "Busy Buyer"]).status.success());
    let product = ["product", "add", "--sku", "HOT-1", "--name", "Hot item", "--unit-price", "5", "--tax-rate", "19"];
    assert!(kontor(&[&product[..], &["--stock", "100"]].concat()).status.success());
    for _ in 0..12 {
        assert!(kontor(&["order", "place", "--customer", "Busy Buyer", "--line", "HOT-1:1"]).status.success());
    }
    // Both processes try every order, in opposite orders, at the same time.
    let workers: Vec<_> = [false, true]
        .into_iter()
        .map(|reverse| {
            let data = data.clone();
            std::thread::spawn(move || {
                let mut orders: Vec<usize> = (1..=12).collect();
                if reverse {
                    orders.reverse();
                }
                orders
                    .into_iter()
                    .map(|n| {
                        let output =
                            common::kontor_cli(&data, &["--json", "invoice", "issue", &format!("SO-{n:06}")], "");
                        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
                        let issued: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
                        (
                            n,
                            issued["detail"]["invoice"]["number"].as_str().unwrap().to_string(),
                            issued["created"] == true,
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let results: Vec<(usize, String, bool)> = workers.into_iter().flat_map(|w| w.join().unwrap()).collect();
    assert_eq!(results.iter().filter(|(_, _, created)| *created).count(), 12, "each order invoiced once");
    for (order, number, _) in &results {
        let same: Vec<&String> = results.iter().filter(|(o, _, _)| o == order).map(|(_, n, _)| n).collect();
        assert!(same.iter().all(|n| *n == number), "order {order} got two numbers: {same:?}");
    }
    let list = kontor(&["--json", "invoice", "list", "--limit", "100"]);
    let list: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let mut numbers: Vec<String> =
        list["items"].as_array().unwrap().iter().map(|item| item["number"].as_str().unwrap().to_string()).collect();
    numbers.sort();
    let expected: Vec<String> = (1..=12).map(|n| format!("INV-2026-{n:06}")).collect();
    let year = chrono::Utc::now().format("%Y").to_string();
    let expected: Vec<String> = expected.into_iter().map(|n| n.replace("2026", &year)).collect();
    assert_eq!(numbers, expected, "1 to 12 with no gap and no duplicate");
}

/// A 40×20 two-colour PNG.
fn tiny_png() -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, 40, 20);
    encoder.set_color(png::ColorType::Rgb);
    let mut writer = encoder.write_header().unwrap();
    writer.write_image_data(&[200; 40 * 20 * 3]).unwrap();
    writer.finish().unwrap();
    bytes
}

#[tokio::test]
async fn the_profile_preview_prints_the_business_as_set_with_its_logo() {
    let shop = shop().await;
    let mut profile = shop.kontor().invoice_settings().await.unwrap().profile;
    profile.legal_name = "Berg Hardware Ltd".into();
    profile.invoice_prefix = "BH".into();
    profile.paper_size = kontor::invoices::PaperSize::Letter;
    shop.kontor().update_invoice_profile(&shop.owner, profile).await.unwrap();
    let plain = shop.kontor().invoice_preview_pdf(&shop.manager).await.unwrap();
    let settings = shop.kontor().set_invoice_logo(&shop.owner, Some(&tiny_png())).await.unwrap();
    let logo = settings.logo.expect("the logo is stored");
    assert_eq!((logo.mime.as_str(), logo.width, logo.height), ("image/png", 40, 20));
    let with_logo = shop.kontor().invoice_preview_pdf(&shop.manager).await.unwrap();
    assert_ne!(plain, with_logo);

    let path = shop.book.dir.path().join("preview.pdf");
    std::fs::write(&path, &with_logo).unwrap();
    let text = std::process::Command::new("pdftotext").arg(&path).arg("-").output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("Berg Hardware Ltd") && text.contains("BH-2026-000001"), "{text}");
    let images = std::process::Command::new("pdfimages").arg("-list").arg(&path).output().unwrap();
    assert!(String::from_utf8_lossy(&images.stdout).contains("   40    20 "), "the logo is embedded");

    shop.refused("forbidden", shop.kontor().invoice_preview_pdf(&shop.clerk)).await;
    let removed = shop.kontor().set_invoice_logo(&shop.owner, None).await.unwrap();
    assert!(removed.logo.is_none());
}
