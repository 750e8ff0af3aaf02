//! "Email invoice" for real: the invoice's PDF reaches a local SMTP server
//! attached, byte-identical to `kontor invoice pdf`; a customer without an
//! e-mail address, a book without mail settings (or a login without a
//! password in the keyring: that test needs the Secret Service `make test`
//! starts) and a clerk are refused with nothing queued; with the server down
//! the message waits in the outbox and goes out when it is back.
//! (Printing an invoice: tests/print.rs.)

mod common;

use std::path::Path;

use chrono::Duration;
use common::smtp::{attachment_bytes, serve};
use kontor::customers::NewCustomer;
use kontor::mail::{MailStatus, SmtpSecurity, SmtpSettings};
use kontor::staff::{Actor, Role, SignedInUser};
use tokio::net::TcpListener;

struct Shop {
    book: common::Book,
    owner: Actor,
    clerk: Actor,
}

/// A shop with one placed and invoiced order (INV-…-000001) for a customer
/// with `email` (empty: none), and SMTP on 127.0.0.1:`port` when given.
async fn open_shop(email: &str, port: Option<u16>) -> (Shop, String) {
    let (book, owner) = common::set_up_book().await;
    let owner = Actor::user(&owner);
    let clerk = common::add(&book.kontor, &owner, "cara", Role::Clerk).await;
    let clerk =
        Actor::user(&SignedInUser { id: clerk.id, name: clerk.name, username: clerk.username, role: clerk.role });
    let customer = NewCustomer {
        name: "Łukasz Müller".into(),
        email: email.into(),
        billing_address: "Hauptstraße 1, Berlin".into(),
        ..Default::default()
    };
    let customer = book.kontor.add_customer(&owner, customer).await.unwrap();
    common::product(&book.kontor, &owner, "A-1", "10.00", "19", 50).await;
    let order = book.kontor.create_order(&clerk, common::order_input(customer.id, &[("A-1", 3)])).await.unwrap();
    let issued = book.kontor.issue_invoice(&owner, &order.number).await.unwrap();
    if let Some(port) = port {
        let settings = SmtpSettings {
            host: "127.0.0.1".into(),
            port,
            security: SmtpSecurity::None,
            username: String::new(),
            from_address: "shop@berg.example".into(),
        };
        book.kontor.set_smtp_settings(&owner, settings).await.unwrap();
    }
    (Shop { book, owner, clerk }, issued.detail.invoice.number)
}

async fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").await.unwrap().local_addr().unwrap().port()
}

#[tokio::test]
async fn the_invoice_reaches_the_customer_with_its_pdf_and_the_order_history_says_so() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let inbox = serve(listener);
    let (shop, number) = open_shop("lukasz@mueller.example", Some(port)).await;
    let kontor = &shop.book.kontor;

    let queued = kontor.email_invoice(&shop.owner, &number).await.unwrap();
    assert_eq!((queued.status, queued.recipient.as_str()), (MailStatus::Pending, "lukasz@mueller.example"));
    assert_eq!(queued.attachment_name, Some(format!("{number}.pdf")));
    assert_eq!(queued.subject, format!("Invoice {number} from Berg Hardware"));
    let run = kontor.send_pending_mail().await.unwrap();
    assert_eq!((run.sent, run.failed, run.pending), (1, 0, 0));

    let received = inbox.lock().unwrap().clone();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].recipients, ["lukasz@mueller.example"]);
    let pdf = kontor.invoice_pdf(&shop.owner, &number).await.unwrap();
    let attached = attachment_bytes(&received[0].data, &format!("{number}.pdf")).unwrap();
    assert_eq!(attached, pdf, "the attached PDF is the invoice's PDF, byte for byte");

    let history: Vec<(String, String)> =
        sqlx::query_as("SELECT action, after FROM history WHERE entity = 'order' AND action = 'invoice_emailed'")
            .fetch_all(kontor.store().pool())
            .await
            .unwrap();
    assert_eq!(history.len(), 1);
    let after: serde_json::Value = serde_json::from_str(&history[0].1).unwrap();
    assert_eq!(after["number"], number.as_str());
    assert_eq!(after["recipient"], "lukasz@mueller.example");
    assert_eq!(after["mailId"], queued.id);
}

#[tokio::test]
async fn no_email_address_no_mail_settings_or_a_clerk_are_refused_and_nothing_is_queued() {
    let (shop, number) = open_shop("", Some(free_port().await)).await;
    let kontor = &shop.book.kontor;
    let before = common::dump(kontor).await;
    let error = kontor.email_invoice(&shop.owner, &number).await.unwrap_err();
    assert_eq!(error.code(), "no_email_address");
    assert_eq!(error.details()["field"], "email");
    assert_eq!(error.details()["customer"], "Łukasz Müller");
    assert_eq!(common::dump(kontor).await, before);

    let error = kontor.email_invoice(&shop.clerk, &number).await.unwrap_err();
    assert_eq!(error.code(), "forbidden");
    let error = kontor.email_invoice(&shop.owner, "INV-1999-000009").await.unwrap_err();
    assert_eq!(error.code(), "not_found");
    assert_eq!(common::dump(kontor).await, before);

    let (unset, number) = open_shop("lukasz@mueller.example", None).await;
    let before = common::dump(&unset.book.kontor).await;
    let error = unset.book.kontor.email_invoice(&unset.owner, &number).await.unwrap_err();
    assert_eq!(error.code(), "mail_not_configured");
    assert_eq!(common::dump(&unset.book.kontor).await, before);
}

/// Needs the Secret Service `make test` starts (without one the keyring is
/// out of reach, which is not a refusal: the outbox retries).
#[tokio::test]
async fn a_login_without_a_password_in_the_keyring_is_not_set_up_and_nothing_is_queued() {
    let (unset, number) = open_shop("lukasz@mueller.example", None).await;
    let settings = SmtpSettings {
        host: "127.0.0.1".into(),
        port: 2525,
        security: SmtpSecurity::None,
        username: "invoice-mail-no-password".into(),
        from_address: "shop@berg.example".into(),
    };
    unset.book.kontor.set_smtp_settings(&unset.owner, settings).await.unwrap();
    let before = common::dump(&unset.book.kontor).await;
    let error = unset.book.kontor.email_invoice(&unset.owner, &number).await.unwrap_err();
    assert_eq!(error.code(), "mail_not_configured", "{error}");
    assert!(error.to_string().contains("no SMTP password"), "{error}");
    assert_eq!(common::dump(&unset.book.kontor).await, before);
}

#[tokio::test]
async fn while_the_server_is_down_the_invoice_waits_in_the_outbox_and_goes_out_later() {
    let port = free_port().await;
    let (shop, number) = open_shop("lukasz@mueller.example", Some(port)).await;
    let kontor = &shop.book.kontor;
    kontor.email_invoice(&shop.owner, &number).await.unwrap();
    let run = kontor.send_pending_mail().await.unwrap();
    assert_eq!((run.sent, run.pending), (0, 1));
    let waiting = kontor.mail_outbox(&shop.owner).await.unwrap().remove(0);
    assert_eq!((waiting.status, waiting.attempts), (MailStatus::Pending, 1));
    assert!(waiting.last_error.is_some());

    let inbox = serve(TcpListener::bind(("127.0.0.1", port)).await.unwrap());
    shop.book.clock.advance(Duration::seconds(31));
    let run = kontor.send_pending_mail().await.unwrap();
    assert_eq!((run.sent, run.pending), (1, 0));
    let received = inbox.lock().unwrap().clone();
    let pdf = kontor.invoice_pdf(&shop.owner, &number).await.unwrap();
    assert_eq!(attachment_bytes(&received[0].data, &format!("{number}.pdf")).unwrap(), pdf);
}

fn cli(data: &Path, args: &[&str]) -> std::process::Output {
    let output = common::kontor_cli(data, args, "");
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    output
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kontor_invoice_email_send_now_delivers_the_same_bytes_as_kontor_invoice_pdf() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port().to_string();
    let inbox = serve(listener);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_path_buf();
    let (number, pdf, refused, emailed) = tokio::task::spawn_blocking(move || {
        cli(&data, &["init", "--business", "Berg Hardware"]);
        cli(&data, &["customer", "add", "--name", "No Mail GmbH"]);
        cli(&data, &["customer", "add", "--name", "Anna Kunde", "--email", "anna@kunde.example"]);
        let product = ["product", "add", "--sku", "A-1", "--name", "Anvil", "--unit-price", "10", "--tax-rate", "19"];
        cli(&data, &[&product[..], &["--stock", "9"]].concat());
        cli(&data, &["order", "place", "--customer", "No Mail GmbH", "--line", "A-1:1"]);
        cli(&data, &["order", "place", "--customer", "Anna Kunde", "--line", "A-1:2"]);
        let set = ["mail", "set-server", "--host", "127.0.0.1", "--port", &port, "--security", "none"];
        cli(&data, &[&set[..], &["--from", "shop@berg.example"]].concat());
        let first = cli(&data, &["--json", "invoice", "issue", "SO-000001"]);
        let first: serde_json::Value = serde_json::from_slice(&first.stdout).unwrap();
        let second = cli(&data, &["--json", "invoice", "issue", "SO-000002"]);
        let second: serde_json::Value = serde_json::from_slice(&second.stdout).unwrap();
        let number = second["detail"]["invoice"]["number"].as_str().unwrap().to_string();

        let outbox_before = cli(&data, &["--json", "mail", "outbox"]).stdout;
        let first_number = first["detail"]["invoice"]["number"].as_str().unwrap();
        let refused = common::kontor_cli(&data, &["--json", "invoice", "email", first_number], "");
        assert_eq!(refused.status.code(), Some(1));
        assert_eq!(cli(&data, &["--json", "mail", "outbox"]).stdout, outbox_before, "nothing queued");
        let plain = common::kontor_cli(&data, &["invoice", "email", first_number], "");
        let plain = String::from_utf8_lossy(&plain.stderr).to_string();
        assert!(plain.starts_with("error[no_email_address]: No Mail GmbH has no e-mail address"), "{plain}");

        let out = data.join("invoice.pdf");
        cli(&data, &["invoice", "pdf", &number, "--out", out.to_str().unwrap()]);
        let emailed = cli(&data, &["--json", "invoice", "email", &number, "--send-now"]);
        let emailed: serde_json::Value = serde_json::from_slice(&emailed.stdout).unwrap();
        (number, std::fs::read(out).unwrap(), refused, emailed)
    })
    .await
    .unwrap();
    let error: serde_json::Value = serde_json::from_slice(&refused.stderr).unwrap();
    assert_eq!((error["code"].as_str(), error["details"]["field"].as_str()), (Some("no_email_address"), Some("email")));
    assert_eq!(emailed["status"], "sent", "{emailed}");
    assert_eq!(emailed["recipient"], "anna@kunde.example");
    let received = inbox.lock().unwrap().clone();
    assert_eq!(received.len(), 1);
    assert_eq!(attachment_bytes(&received[0].data, &format!("{number}.pdf")).unwrap(), pdf);
}
