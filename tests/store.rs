//! Opening the book: creation, pragmas, backups before migrations, and the
//! refusals for newer, damaged and unwritable databases.

mod common;

use std::fs;
use std::path::Path;

use chrono::Utc;
use kontor::Kontor;
use kontor::money::Amount;
use kontor::store::{self, Store};
use sqlx::migrate::Migrator;

#[tokio::test]
async fn a_new_book_is_created_with_wal_foreign_keys_and_full_sync() {
    let book = common::new_book().await;
    let pool = book.kontor.store().pool();
    let journal: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(pool).await.unwrap();
    let foreign_keys: i64 = sqlx::query_scalar("PRAGMA foreign_keys").fetch_one(pool).await.unwrap();
    let synchronous: i64 = sqlx::query_scalar("PRAGMA synchronous").fetch_one(pool).await.unwrap();
    let busy_timeout: i64 = sqlx::query_scalar("PRAGMA busy_timeout").fetch_one(pool).await.unwrap();
    assert_eq!(journal, "wal");
    assert_eq!(foreign_keys, 1);
    assert_eq!(synchronous, 2, "FULL");
    assert!(busy_timeout >= 5000, "{busy_timeout}");
    assert!(book.dir.path().join("kontor.db").exists());
    assert_eq!(book.kontor.store().schema_version().await.unwrap(), store::supported_schema_version());
    assert!(store::list_backups(book.dir.path()).is_empty(), "nothing to back up in a new book");
}

#[tokio::test]
async fn reopening_an_up_to_date_book_writes_no_backup() {
    let (book, _) = common::set_up_book().await;
    book.kontor.store().close().await;
    let again = Kontor::open(book.dir.path()).await.unwrap();
    assert!(!again.needs_setup().await.unwrap());
    assert!(store::list_backups(book.dir.path()).is_empty());
}

/// Writes migrations to a folder so a test can play an older and a newer Kontor.
async fn migrator(dir: &Path, migrations: &[(&str, &str)]) -> Migrator {
    fs::create_dir_all(dir).unwrap();
    for (name, sql) in migrations {
        fs::write(dir.join(name), sql).unwrap();
    }
    Migrator::new(dir.to_path_buf()).await.unwrap()
}

const V1: (&str, &str) = ("1_shelves.sql", "CREATE TABLE shelves (id INTEGER PRIMARY KEY, label TEXT NOT NULL);");
const V2: (&str, &str) = ("2_bins.sql", "ALTER TABLE shelves ADD COLUMN bins INTEGER NOT NULL DEFAULT 0;");

#[tokio::test]
async fn a_backup_is_written_before_migrating_an_existing_book() {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    let older = migrator(&work.path().join("v1"), &[V1]).await;
    let newer = migrator(&work.path().join("v2"), &[V1, V2]).await;

    let store = Store::open_with(&data, Utc::now(), &older).await.unwrap();
    sqlx::query("INSERT INTO shelves (label) VALUES ('A1')").execute(store.pool()).await.unwrap();
    store.close().await;

    let store = Store::open_with(&data, Utc::now(), &newer).await.unwrap();
    let backups = store::list_backups(&data);
    assert_eq!(backups.len(), 1, "{backups:?}");
    store.close().await;

    // The backup is the database as it was before the migration: v1, with its row.
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}?mode=ro", backups[0].display())).await.unwrap();
    let label: String = sqlx::query_scalar("SELECT label FROM shelves").fetch_one(&pool).await.unwrap();
    let version: i64 = sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations").fetch_one(&pool).await.unwrap();
    assert_eq!((label.as_str(), version), ("A1", 1));
}

#[tokio::test]
async fn a_database_from_a_newer_kontor_is_refused_and_left_alone() {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    let older = migrator(&work.path().join("v1"), &[V1]).await;
    let newer = migrator(&work.path().join("v2"), &[V1, V2]).await;
    Store::open_with(&data, Utc::now(), &newer).await.unwrap().close().await;
    let before = fs::read(data.join("kontor.db")).unwrap();

    let error = Store::open_with(&data, Utc::now(), &older).await.unwrap_err();
    assert_eq!(error.code(), "database_too_new");
    assert!(error.to_string().contains("schema 2"), "{error}");
    assert_eq!(fs::read(data.join("kontor.db")).unwrap(), before);
    assert!(store::list_backups(&data).is_empty());
}

#[tokio::test]
async fn a_file_that_is_not_sqlite_is_reported_and_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = b"%PDF-1.7 this is an invoice, not a database".repeat(100);
    fs::write(dir.path().join("kontor.db"), &garbage).unwrap();
    let error = Kontor::open(dir.path()).await.unwrap_err();
    assert_eq!(error.code(), "database_corrupt");
    assert!(error.to_string().contains("not an SQLite database"), "{error}");
    assert_eq!(fs::read(dir.path().join("kontor.db")).unwrap(), garbage);
}

#[tokio::test]
async fn a_damaged_sqlite_file_is_reported_and_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let mut damaged = b"SQLite format 3\0".to_vec();
    damaged.extend(std::iter::repeat_n(0xA5u8, 8192));
    fs::write(dir.path().join("kontor.db"), &damaged).unwrap();
    let error = Kontor::open(dir.path()).await.unwrap_err();
    assert_eq!(error.code(), "database_corrupt", "{error}");
    assert_eq!(fs::read(dir.path().join("kontor.db")).unwrap(), damaged);
}

#[tokio::test]
async fn restoring_moves_the_damaged_file_aside_and_opens_the_newest_backup() {
    let (book, _) = common::set_up_book().await;
    let data = book.dir.path().to_path_buf();
    let pool = book.kontor.store().pool();
    let backups = store::backups_dir(&data);
    fs::create_dir_all(&backups).unwrap();
    sqlx::query("VACUUM INTO ?")
        .bind(backups.join("kontor-20261101T000000.000Z.db").display().to_string())
        .execute(pool)
        .await
        .unwrap();
    book.kontor.store().close().await;
    fs::write(data.join("kontor.db"), b"scrambled by a disk error").unwrap();

    assert_eq!(Kontor::open(&data).await.unwrap_err().code(), "database_corrupt");
    let restored = store::restore_latest_backup(&data, Utc::now()).unwrap();
    assert!(restored.ends_with("kontor-20261101T000000.000Z.db"));

    let kontor = Kontor::open(&data).await.unwrap();
    assert_eq!(kontor.business_profile().await.unwrap().unwrap().name, "Berg Hardware");
    let aside: Vec<_> = fs::read_dir(&data)
        .unwrap()
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_name().to_string_lossy().starts_with("kontor.db.damaged-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(fs::read(aside[0].path()).unwrap(), b"scrambled by a disk error");
}

#[tokio::test]
async fn restoring_without_a_backup_says_so() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("kontor.db"), b"junk").unwrap();
    let error = store::restore_latest_backup(dir.path(), Utc::now()).unwrap_err();
    assert_eq!(error.code(), "no_backup");
    assert_eq!(fs::read(dir.path().join("kontor.db")).unwrap(), b"junk");
}

#[tokio::test]
async fn a_data_folder_that_cannot_be_written_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    fs::write(&file, b"").unwrap();
    let error = Kontor::open(&file.join("data")).await.unwrap_err();
    assert_eq!(error.code(), "data_dir_not_writable");
    assert!(error.to_string().contains("a-file"), "{error}");
}

#[tokio::test]
async fn stored_amounts_sum_exactly_in_sql() {
    let book = common::new_book().await;
    let pool = book.kontor.store().pool();
    let mut conn = pool.acquire().await.unwrap();
    sqlx::query("CREATE TEMP TABLE amounts (units INTEGER NOT NULL)").execute(&mut *conn).await.unwrap();
    let amounts = ["0.10", "0.20", "1234.5678", "-0.0001", "19.99"];
    for text in amounts {
        let units = Amount::parse("amount", text).unwrap().to_storage("amount").unwrap();
        sqlx::query("INSERT INTO amounts VALUES (?)").bind(units).execute(&mut *conn).await.unwrap();
    }
    let total: i64 = sqlx::query_scalar("SELECT sum(units) FROM amounts").fetch_one(&mut *conn).await.unwrap();
    let expected: Amount = amounts.iter().map(|text| Amount::parse("amount", text).unwrap()).sum();
    assert_eq!(Amount::from_storage(total), expected);
    assert_eq!(Amount::from_storage(total).to_string(), "1254.8577");
}
