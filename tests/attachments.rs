//! PDFs attached to orders: every bad file is refused with
//! `invalid_attachment` and its reason, and nothing is stored (no row, no
//! history, no file); good ones are kept once by content, listed, read back
//! and removed softly by managers.

mod common;

use std::path::Path;
use std::process::Command;

use common::pdf::{pdf, pdf_with};
use kontor::attachments::{MAX_ATTACHMENT_BYTES, files};
use kontor::staff::{Actor, Role};

/// A book with an owner, a clerk, a manager and one placed order SO-000001.
async fn book_with_order() -> (common::Book, Actor, Actor, Actor) {
    let (book, owner) = common::set_up_book().await;
    let owner = Actor::user(&owner);
    let clerk = Actor::user(&signed_in(common::add(&book.kontor, &owner, "cara", Role::Clerk).await));
    let manager = Actor::user(&signed_in(common::add(&book.kontor, &owner, "max", Role::Manager).await));
    let customer = common::customer(&book.kontor, &owner, "Łukasz Müller", None).await;
    common::product(&book.kontor, &owner, "W-7", "12.50", "19", 10).await;
    book.kontor.create_order(&owner, common::order_input(customer.id, &[("W-7", 1)])).await.unwrap();
    (book, owner, clerk, manager)
}

fn signed_in(member: kontor::staff::StaffMember) -> kontor::staff::SignedInUser {
    kontor::staff::SignedInUser { id: member.id, name: member.name, username: member.username, role: member.role }
}

/// Every file under the data folder's attachment store.
fn stored_files(data_dir: &Path) -> Vec<String> {
    let root = data_dir.join("attachments");
    let mut found = Vec::new();
    for folder in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        for file in std::fs::read_dir(folder.path()).unwrap().flatten() {
            found.push(file.path().strip_prefix(&root).unwrap().display().to_string());
        }
    }
    found.sort();
    found
}

/// Attaching `bytes` is refused with `invalid_attachment` and `reason`, and
/// neither the database nor the file store changed.
async fn assert_refused(book: &common::Book, actor: &Actor, name: &str, bytes: &[u8], reason: &str) {
    let before = common::dump(&book.kontor).await;
    let files_before = stored_files(book.dir.path());
    let error = book.kontor.attach_pdf(actor, "SO-000001", name, bytes).await.unwrap_err();
    assert_eq!(error.code(), "invalid_attachment", "{name}: {error}");
    assert_eq!(error.details()["reason"], reason, "{name}");
    assert_eq!(error.details()["name"], name);
    assert_eq!(common::dump(&book.kontor).await, before, "{name}: nothing written to the database");
    assert_eq!(stored_files(book.dir.path()), files_before, "{name}: no file stored");
}

#[tokio::test]
async fn a_clerk_attaches_a_pdf_which_is_stored_once_by_content_and_listed_on_the_order() {
    let (book, _owner, clerk, _) = book_with_order().await;
    let kontor = &book.kontor;
    let bytes = pdf(3, "Delivery note 4711");
    let attachment =
        kontor.attach_pdf(&clerk, "so-000001", "/home/cara/Scans/delivery note.pdf", &bytes).await.unwrap();
    assert_eq!(attachment.file_name, "delivery note.pdf");
    assert_eq!(attachment.order_number, "SO-000001");
    assert_eq!(attachment.pages, 3);
    assert_eq!(attachment.size_bytes, bytes.len() as i64);
    assert_eq!(attachment.sha256, files::sha256_hex(&bytes));
    assert_eq!(attachment.attached_by, "cara");

    // The same bytes again (another name) are listed twice but stored once.
    let again = kontor.attach_pdf(&clerk, "SO-000001", "copy.pdf", &bytes).await.unwrap();
    assert_eq!(again.sha256, attachment.sha256);
    let sha = &attachment.sha256;
    assert_eq!(stored_files(book.dir.path()), [format!("{}/{sha}.pdf", &sha[..2])]);

    let listed = kontor.list_attachments(&clerk, "SO-000001").await.unwrap();
    assert_eq!(listed.iter().map(|a| a.file_name.as_str()).collect::<Vec<_>>(), ["delivery note.pdf", "copy.pdf"]);
    let (read, read_bytes) = kontor.attachment_pdf(&clerk, attachment.id).await.unwrap();
    assert_eq!((read, read_bytes), (attachment.clone(), bytes));

    let detail = kontor.order_detail(&clerk, "SO-000001").await.unwrap();
    let added: Vec<_> = detail.history.iter().filter(|entry| entry.action == "attachment_added").collect();
    assert_eq!(added.len(), 2);
    assert_eq!(added[0].actor_name, "cara");
    assert!(added[0].after.as_deref().unwrap().contains("\"fileName\":\"delivery note.pdf\""));
}

#[tokio::test]
async fn bad_files_are_refused_with_the_reason_and_nothing_is_stored() {
    let (book, _owner, clerk, _) = book_with_order().await;
    let good = pdf(2, "Quote");
    assert_refused(&book, &clerk, "empty.pdf", b"", "the file is empty").await;
    assert_refused(
        &book,
        &clerk,
        "photo.pdf",
        b"\x89PNG\r\n\x1a\nnot a pdf at all",
        "it is not a PDF (no %PDF- header)",
    )
    .await;
    assert_refused(&book, &clerk, "notes.txt", b"Dear Anna, here is the quote.", "it is not a PDF (no %PDF- header)")
        .await;
    let truncated = &good[..good.len() * 2 / 3];
    assert_refused(&book, &clerk, "cut.pdf", truncated, "the PDF is truncated (no %%EOF at its end)").await;
    // Cut just before the end marker: the cross-reference table is incomplete.
    let cut_short = &good[..good.len() - 8];
    assert_refused(&book, &clerk, "cut-short.pdf", cut_short, "the PDF is truncated (no %%EOF at its end)").await;
    let mut garbled = b"%PDF-1.4\nthis is no object at all\n".to_vec();
    garbled.extend_from_slice(b"startxref\n9999\n%%EOF\n");
    let error = book.kontor.attach_pdf(&clerk, "SO-000001", "garbled.pdf", &garbled).await.unwrap_err();
    assert_eq!(error.code(), "invalid_attachment");
    assert!(error.details()["reason"].as_str().unwrap().starts_with("the PDF cannot be read ("), "{error}");
    let no_pages = pdf(0, "nothing");
    assert_refused(&book, &clerk, "blank.pdf", &no_pages, "the PDF has no pages").await;
    let huge = pdf_with(1, "Catalogue", MAX_ATTACHMENT_BYTES);
    assert_refused(
        &book,
        &clerk,
        "catalogue.pdf",
        &huge,
        &format!("the file is {} bytes, over the limit of 25 MB (26214400 bytes)", huge.len()),
    )
    .await;
    // Exactly at the limit is still accepted.
    // (The padding moves `startxref`, whose digits count too: measure twice.)
    let first_guess = MAX_ATTACHMENT_BYTES - pdf_with(1, "Catalogue", 1).len() + 1;
    let padding = first_guess - (pdf_with(1, "Catalogue", first_guess).len() - MAX_ATTACHMENT_BYTES);
    let at_limit = pdf_with(1, "Catalogue", padding);
    assert_eq!(at_limit.len(), MAX_ATTACHMENT_BYTES);
    assert_eq!(book.kontor.attach_pdf(&clerk, "SO-000001", "limit.pdf", &at_limit).await.unwrap().pages, 1);
}

const ENCRYPTED: &str = "the PDF is encrypted (password-protected); attach an unprotected copy";

#[tokio::test]
async fn an_encrypted_pdf_is_refused() {
    let (book, _owner, clerk, _) = book_with_order().await;
    // A trailer naming a standard security handler, written by hand.
    let handmade = common::pdf::pdf_claiming_encryption();
    let error = book.kontor.attach_pdf(&clerk, "SO-000001", "handmade.pdf", &handmade).await.unwrap_err();
    assert_eq!(error.code(), "invalid_attachment", "{error}");
    assert_eq!(error.details()["reason"], ENCRYPTED);

    // Real encrypted files from qpdf: with a user password, and with only an
    // owner password (opens without a password, but is still protected).
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.pdf");
    std::fs::write(&plain, pdf(2, "Contract")).unwrap();
    for (name, user_password) in [("locked.pdf", "user-secret"), ("owner-only.pdf", "")] {
        let out = dir.path().join(name);
        let status = Command::new("qpdf")
            .args(["--encrypt", user_password, "owner-secret", "256", "--"])
            .arg(&plain)
            .arg(&out)
            .status()
            .expect("qpdf is installed (scripts/install-deps.sh installs it)");
        assert!(status.success(), "qpdf could not encrypt the test file");
        assert_refused(&book, &clerk, name, &std::fs::read(&out).unwrap(), ENCRYPTED).await;
    }
}

#[tokio::test]
async fn only_managers_and_owners_remove_and_removal_keeps_the_file() {
    let (book, owner, clerk, manager) = book_with_order().await;
    let kontor = &book.kontor;
    let bytes = pdf(1, "Signed order");
    let attachment = kontor.attach_pdf(&clerk, "SO-000001", "signed.pdf", &bytes).await.unwrap();

    let before = common::dump(kontor).await;
    let error = kontor.remove_attachment(&clerk, attachment.id).await.unwrap_err();
    assert_eq!((error.code(), error.to_string().as_str()), ("forbidden", "a clerk may not remove attachments"));
    assert_eq!(common::dump(kontor).await, before);

    kontor.remove_attachment(&manager, attachment.id).await.unwrap();
    assert!(kontor.list_attachments(&clerk, "SO-000001").await.unwrap().is_empty());
    assert_eq!(kontor.attachment_pdf(&clerk, attachment.id).await.unwrap_err().code(), "not_found");
    assert_eq!(kontor.remove_attachment(&owner, attachment.id).await.unwrap_err().code(), "not_found");
    assert!(files::path_for(book.dir.path(), &attachment.sha256).exists(), "the file is kept");
    let (removed_by, removed_at): (Option<String>, Option<String>) =
        sqlx::query_as("SELECT removed_by, removed_at FROM order_attachments WHERE id = ?")
            .bind(attachment.id)
            .fetch_one(kontor.store().pool())
            .await
            .unwrap();
    assert_eq!(removed_by.as_deref(), Some("max"));
    assert!(removed_at.is_some());
    let history = kontor.order_detail(&owner, "SO-000001").await.unwrap().history;
    let removed = history.iter().find(|entry| entry.action == "attachment_removed").unwrap();
    assert_eq!(removed.actor_name, "max");
}

#[tokio::test]
async fn unknown_orders_and_bad_names_are_refused_before_anything_is_written() {
    let (book, _owner, clerk, _) = book_with_order().await;
    let before = common::dump(&book.kontor).await;
    let bytes = pdf(1, "Quote");
    let error = book.kontor.attach_pdf(&clerk, "SO-009999", "quote.pdf", &bytes).await.unwrap_err();
    assert_eq!((error.code(), error.details()["key"].as_str()), ("not_found", Some("SO-009999")));
    let error = book.kontor.attach_pdf(&clerk, "SO-000001", "  ", &bytes).await.unwrap_err();
    assert_eq!((error.code(), error.details()["field"].as_str()), ("invalid_input", Some("fileName")));
    assert_eq!(common::dump(&book.kontor).await, before);
    assert!(stored_files(book.dir.path()).is_empty());
}

#[tokio::test]
async fn a_stored_file_changed_on_disk_is_reported_not_shown() {
    let (book, _owner, clerk, _) = book_with_order().await;
    let attachment = book.kontor.attach_pdf(&clerk, "SO-000001", "a.pdf", &pdf(1, "Original")).await.unwrap();
    std::fs::write(files::path_for(book.dir.path(), &attachment.sha256), pdf(1, "Forged")).unwrap();
    let error = book.kontor.attachment_pdf(&clerk, attachment.id).await.unwrap_err();
    assert_eq!(error.code(), "file_error");
}
