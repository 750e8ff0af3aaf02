//! E-mail through a real local SMTP server, with the password in the real
//! OS keyring (Secret Service; `make test` runs gnome-keyring on a private
//! D-Bus): a queued invoice PDF arrives attached; while the server is down
//! the message stays pending and goes out when it is back; a recipient the
//! server refuses fails for good; the password is never in the database.

mod common;

use chrono::Duration;
use common::pdf::pdf;
use common::smtp::{attachment_bytes, serve};
use kontor::mail::{MailStatus, OutgoingMail, PasswordState, PdfFile, SmtpSecurity, SmtpSettings};
use kontor::staff::{Actor, Role};
use tokio::net::TcpListener;

const PASSWORD: &str = "smtp-secret-Żółw-7";

async fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").await.unwrap().local_addr().unwrap().port()
}

/// A book whose SMTP settings point at 127.0.0.1:`port`, logging in as
/// `username` (unique per test: they share one keyring) with the password stored.
async fn book_with_mail(port: u16, username: &str) -> (common::Book, Actor) {
    let (book, owner) = common::set_up_book().await;
    let owner = Actor::user(&owner);
    let settings = SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        security: SmtpSecurity::None,
        username: username.into(),
        from_address: "shop@berg.example".into(),
    };
    book.kontor.set_smtp_settings(&owner, settings).await.unwrap();
    let state = book.kontor.set_smtp_password(&owner, PASSWORD).await.unwrap();
    assert_eq!(state.password, PasswordState::Stored, "{:?}", state.keyring_error);
    (book, owner)
}

fn invoice_mail(recipient: &str, pdf_bytes: &[u8]) -> OutgoingMail {
    OutgoingMail {
        recipient: recipient.into(),
        subject: "Invoice INV-2026-0001".into(),
        body: "Dear customer,\nplease find your invoice attached.".into(),
        attachment: Some(PdfFile { file_name: "INV-2026-0001.pdf".into(), bytes: pdf_bytes.to_vec() }),
    }
}

/// The database files' bytes: the password must not be in any of them.
fn database_bytes(book: &common::Book) -> Vec<u8> {
    ["kontor.db", "kontor.db-wal"]
        .iter()
        .flat_map(|name| std::fs::read(book.dir.path().join(name)).unwrap_or_default())
        .collect()
}

#[tokio::test]
async fn a_queued_invoice_reaches_the_smtp_server_with_its_pdf_attached() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let inbox = serve(listener);
    let (book, owner) = book_with_mail(port, "shop-attached").await;
    let invoice = pdf(2, "Invoice INV-2026-0001");

    let queued = book.kontor.queue_mail(&owner, invoice_mail("lukasz@mueller.example", &invoice)).await.unwrap();
    assert_eq!((queued.status, queued.attempts), (MailStatus::Pending, 0));
    let run = book.kontor.send_pending_mail().await.unwrap();
    assert_eq!((run.sent, run.failed, run.pending), (1, 0, 0));

    let received = inbox.lock().unwrap().clone();
    assert_eq!(received.len(), 1);
    let message = &received[0];
    assert_eq!(
        message.login,
        Some(("shop-attached".to_string(), PASSWORD.to_string())),
        "the keyring's password was used"
    );
    assert_eq!(message.recipients, ["lukasz@mueller.example"]);
    assert!(message.data.contains("Subject: Invoice INV-2026-0001"), "{}", message.data);
    assert!(
        message.data.contains("From: \"Berg Hardware\" <shop@berg.example>")
            || message.data.contains("From: Berg Hardware <shop@berg.example>"),
        "{}",
        message.data
    );
    assert!(message.data.contains("Content-Type: application/pdf"));
    assert_eq!(attachment_bytes(&message.data, "INV-2026-0001.pdf").unwrap(), invoice, "the PDF arrives unchanged");

    let outbox = book.kontor.mail_outbox(&owner).await.unwrap();
    assert_eq!((outbox[0].status, outbox[0].attempts, outbox[0].last_error.clone()), (MailStatus::Sent, 1, None));
    assert!(outbox[0].sent_at.is_some());
    // Nothing is sent twice.
    assert_eq!(book.kontor.send_pending_mail().await.unwrap().sent, 0);
    assert_eq!(inbox.lock().unwrap().len(), 1);
    let stored = database_bytes(&book);
    assert!(
        !stored.windows(PASSWORD.len()).any(|window| window == PASSWORD.as_bytes()),
        "the password is not in the database"
    );
}

#[tokio::test]
async fn while_the_server_is_down_mail_stays_pending_and_goes_out_when_it_is_back() {
    let port = free_port().await;
    let (book, owner) = book_with_mail(port, "shop-down").await;
    let invoice = pdf(1, "Invoice while offline");
    book.kontor.queue_mail(&owner, invoice_mail("anna@kunde.example", &invoice)).await.unwrap();
    book.kontor.queue_mail(&owner, invoice_mail("ben@kunde.example", &invoice)).await.unwrap();

    let run = book.kontor.send_pending_mail().await.unwrap();
    assert_eq!((run.sent, run.pending), (0, 2));
    let outbox = book.kontor.mail_outbox(&owner).await.unwrap();
    let first = outbox.iter().find(|entry| entry.recipient == "anna@kunde.example").unwrap();
    assert_eq!((first.status, first.attempts), (MailStatus::Pending, 1));
    assert!(first.last_error.as_deref().unwrap().contains("onnection"), "{:?}", first.last_error);
    assert_eq!(first.next_attempt_at, book.kontor.now() + Duration::seconds(30));

    // Before the back-off has passed nothing is tried.
    let listener = TcpListener::bind(("127.0.0.1", port)).await.unwrap();
    let inbox = serve(listener);
    book.clock.advance(Duration::seconds(10));
    let run = book.kontor.send_pending_mail().await.unwrap();
    assert_eq!((run.sent, run.pending), (1, 1), "the second one was never tried, so it is due at once");
    // "Send now" does not wait for the back-off.
    let run = book.kontor.send_all_pending_mail().await.unwrap();
    assert_eq!((run.sent, run.pending), (1, 0));
    let mut recipients: Vec<String> = inbox.lock().unwrap().iter().flat_map(|m| m.recipients.clone()).collect();
    recipients.sort();
    assert_eq!(recipients, ["anna@kunde.example", "ben@kunde.example"]);
}

#[tokio::test]
async fn a_recipient_the_server_refuses_fails_for_good_and_the_rest_still_go() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let inbox = serve(listener);
    let (book, owner) = book_with_mail(port, "shop-refused").await;
    let invoice = pdf(1, "Invoice");
    book.kontor.queue_mail(&owner, invoice_mail("nobody@kunde.example", &invoice)).await.unwrap();
    book.kontor.queue_mail(&owner, invoice_mail("cara@kunde.example", &invoice)).await.unwrap();
    let run = book.kontor.send_pending_mail().await.unwrap();
    assert_eq!((run.sent, run.failed, run.pending), (1, 1, 0));
    let outbox = book.kontor.mail_outbox(&owner).await.unwrap();
    let failed = outbox.iter().find(|entry| entry.status == MailStatus::Failed).unwrap();
    assert_eq!(failed.recipient, "nobody@kunde.example");
    assert!(failed.last_error.as_deref().unwrap().contains("no such mailbox"), "{:?}", failed.last_error);
    book.clock.advance(Duration::hours(2));
    assert_eq!(book.kontor.send_pending_mail().await.unwrap().failed, 0, "a failed message is not retried");
    assert_eq!(inbox.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn without_settings_or_password_mail_waits_and_says_why() {
    let (book, owner) = common::set_up_book().await;
    let owner = Actor::user(&owner);
    book.kontor.queue_mail(&owner, invoice_mail("anna@kunde.example", &pdf(1, "x"))).await.unwrap();
    assert_eq!(book.kontor.send_pending_mail().await.unwrap().pending, 1);
    let entry = &book.kontor.mail_outbox(&owner).await.unwrap()[0];
    assert_eq!(entry.status, MailStatus::Pending);
    assert_eq!(entry.last_error.as_deref(), Some("e-mail is not set up: no SMTP server is set (Settings → Email)"));
    let error = book.kontor.send_test_mail(&owner, "anna@kunde.example").await.unwrap_err();
    assert_eq!(error.code(), "mail_not_configured");

    // A login name without a stored password.
    let settings = SmtpSettings {
        host: "127.0.0.1".into(),
        port: free_port().await,
        security: SmtpSecurity::Starttls,
        username: "shop-no-password".into(),
        from_address: "shop@berg.example".into(),
    };
    let state = book.kontor.set_smtp_settings(&owner, settings).await.unwrap();
    assert_eq!(state.password, PasswordState::Missing);
    let error = book.kontor.send_test_mail(&owner, "anna@kunde.example").await.unwrap_err();
    assert_eq!(
        error.to_string(),
        "e-mail is not set up: no SMTP password for shop-no-password@127.0.0.1 in the OS keyring"
    );
}

#[tokio::test]
async fn the_keyring_holds_the_password_and_removing_it_leaves_none() {
    let (book, owner) = book_with_mail(free_port().await, "shop-keyring").await;
    let history_before: i64 =
        sqlx::query_scalar("SELECT count(*) FROM history").fetch_one(book.kontor.store().pool()).await.unwrap();
    let state = book.kontor.set_smtp_password(&owner, "").await.unwrap();
    assert_eq!(state.password, PasswordState::Missing);
    let entry: (String, String) = sqlx::query_as("SELECT action, after FROM history ORDER BY id DESC LIMIT 1")
        .fetch_one(book.kontor.store().pool())
        .await
        .unwrap();
    assert_eq!(
        entry,
        ("smtp_password_removed".to_string(), r#"{"keyringAccount":"shop-keyring@127.0.0.1"}"#.to_string())
    );
    let history_after: i64 =
        sqlx::query_scalar("SELECT count(*) FROM history").fetch_one(book.kontor.store().pool()).await.unwrap();
    assert_eq!(history_after, history_before + 1);
    assert!(!database_bytes(&book).windows(PASSWORD.len()).any(|window| window == PASSWORD.as_bytes()));
}

#[tokio::test]
async fn bad_mail_and_bad_settings_are_refused_and_change_nothing() {
    let (book, owner) = common::set_up_book().await;
    let owner = Actor::user(&owner);
    let clerk = Actor::user(&{
        let member = common::add(&book.kontor, &owner, "cara", Role::Clerk).await;
        kontor::staff::SignedInUser { id: member.id, name: member.name, username: member.username, role: member.role }
    });
    let before = common::dump(&book.kontor).await;
    let good = pdf(1, "Invoice");
    let refusal = |mail: OutgoingMail| {
        let kontor = book.kontor.clone();
        let owner = owner.clone();
        async move { kontor.queue_mail(&owner, mail).await.unwrap_err() }
    };
    let error = refusal(invoice_mail("not an address", &good)).await;
    assert_eq!((error.code(), error.details()["field"].as_str()), ("invalid_input", Some("recipient")));
    let mut two_lines = invoice_mail("a@b.example", &good);
    two_lines.subject = "Invoice\r\nBcc: everyone@example.com".into();
    assert_eq!(refusal(two_lines).await.details()["field"], "subject");
    let error = refusal(invoice_mail("a@b.example", b"%PDF-1.4 cut")).await;
    assert_eq!(error.code(), "invalid_attachment");
    assert_eq!(common::dump(&book.kontor).await, before);
    assert!(!book.dir.path().join("attachments").exists(), "no file stored");

    let settings = SmtpSettings {
        host: "smtp.example.com".into(),
        port: 587,
        security: SmtpSecurity::Starttls,
        username: "shop".into(),
        from_address: "shop@example.com".into(),
    };
    let error = book.kontor.set_smtp_settings(&clerk, settings.clone()).await.unwrap_err();
    assert_eq!(error.to_string(), "a clerk may not change the business settings");
    let error = book.kontor.set_smtp_settings(&owner, SmtpSettings { port: 0, ..settings.clone() }).await.unwrap_err();
    assert_eq!(error.details()["field"], "port");
    let error = book
        .kontor
        .set_smtp_settings(&owner, SmtpSettings { host: "smtp example".into(), ..settings.clone() })
        .await
        .unwrap_err();
    assert_eq!(error.details()["field"], "host");
    let error = book
        .kontor
        .set_smtp_settings(&owner, SmtpSettings { from_address: "shop".into(), ..settings })
        .await
        .unwrap_err();
    assert_eq!(error.details()["field"], "fromAddress");
    let error = book.kontor.set_smtp_password(&owner, "secret").await.unwrap_err();
    assert_eq!((error.code(), error.details()["field"].as_str()), ("invalid_input", Some("password")));
    assert_eq!(common::dump(&book.kontor).await, before);
}
