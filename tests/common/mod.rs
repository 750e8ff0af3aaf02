//! Shared set-up for the integration tests: a fresh book in a temp folder,
//! on a manual clock, and a dump of every table to prove refusals change nothing.

#![allow(dead_code)] // each test file uses a different part of this module

use chrono::{TimeZone, Utc};
use kontor::business::SetupInput;
use kontor::staff::{Actor, NewStaffMember, Role, SignedInUser};
use kontor::{Clock, Kontor};
use sqlx::Row;
use tempfile::TempDir;

pub mod pdf;
pub mod smtp;

pub struct Book {
    pub kontor: Kontor,
    pub clock: Clock,
    pub dir: TempDir,
}

pub async fn new_book() -> Book {
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::manual(Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap());
    let kontor = Kontor::open_with_clock(dir.path(), clock.clone()).await.unwrap();
    Book { kontor, clock, dir }
}

/// A book that has been through first-run setup; returns its owner.
pub async fn set_up_book() -> (Book, SignedInUser) {
    let book = new_book().await;
    let owner = book
        .kontor
        .set_up(SetupInput {
            business_name: "Berg Hardware".into(),
            base_currency: "EUR".into(),
            owner_name: "Anna Berg".into(),
            username: "anna".into(),
            password: "owner-pass-1".into(),
        })
        .await
        .unwrap();
    (book, owner)
}

pub async fn add(kontor: &Kontor, by: &Actor, username: &str, role: Role) -> kontor::staff::StaffMember {
    kontor
        .add_staff(
            by,
            NewStaffMember {
                name: format!("{username} Test"),
                username: username.into(),
                role,
                password: format!("{username}-pass-1"),
            },
        )
        .await
        .unwrap()
}

/// Every row of every table, in order: equal dumps mean nothing changed.
pub async fn dump(kontor: &Kontor) -> String {
    let pool = kontor.store().pool();
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut out = String::new();
    for table in tables {
        // Rows sorted as text: some tables (full-text shadows) have no rowid.
        let sql = format!("SELECT * FROM \"{table}\"");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(pool).await.unwrap();
        let mut lines: Vec<String> = rows
            .iter()
            .map(|row| {
                (0..row.len())
                    .map(|i| {
                        row.try_get::<Option<String>, _>(i)
                            .map(|v| format!("{v:?}"))
                            .or_else(|_| row.try_get::<Option<i64>, _>(i).map(|v| format!("{v:?}")))
                            .or_else(|_| row.try_get::<Option<Vec<u8>>, _>(i).map(|v| format!("{v:?}")))
                            .unwrap()
                    })
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .collect();
        lines.sort();
        out.push_str(&format!("== {table}\n"));
        for line in lines {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// A customer with an optional credit limit (base currency) in EUR.
pub async fn customer(
    kontor: &Kontor,
    by: &Actor,
    name: &str,
    credit_limit: Option<&str>,
) -> kontor::customers::Customer {
    let input = kontor::customers::NewCustomer {
        name: name.into(),
        shipping_address: format!("{name}, Hauptstraße 1, Berlin"),
        credit_limit: credit_limit.map(|limit| kontor::money::Amount::parse("creditLimit", limit).unwrap()),
        ..Default::default()
    };
    kontor.add_customer(by, input).await.unwrap()
}

/// An active product with a price, a tax rate and stock on hand.
pub async fn product(
    kontor: &Kontor,
    by: &Actor,
    sku: &str,
    price: &str,
    tax: &str,
    stock: i64,
) -> kontor::products::Product {
    let input = kontor::products::NewProduct {
        sku: sku.into(),
        name: format!("Product {sku}"),
        unit_price: kontor::money::Amount::parse("unitPrice", price).unwrap(),
        cost: kontor::money::Amount::parse("cost", "1").unwrap(),
        tax_rate: kontor::money::TaxRate::parse(tax).unwrap(),
        stock,
        reorder_level: 0,
        allow_backorder: false,
        active: true,
        notes: String::new(),
    };
    kontor.add_product(by, input).await.unwrap()
}

/// Stock on hand of a product, straight from the table.
pub async fn stock_of(kontor: &Kontor, sku: &str) -> i64 {
    sqlx::query_scalar("SELECT stock FROM products WHERE sku = ?")
        .bind(sku)
        .fetch_one(kontor.store().pool())
        .await
        .unwrap()
}

/// A customer's stored balance, as text.
pub async fn balance_of(kontor: &Kontor, customer_id: i64) -> String {
    let units: i64 = sqlx::query_scalar("SELECT balance FROM customers WHERE id = ?")
        .bind(customer_id)
        .fetch_one(kontor.store().pool())
        .await
        .unwrap();
    kontor::money::Amount::from_storage(units).to_string()
}

/// An order for `customer_id` with `lines` as (SKU, quantity), placed at once.
pub fn order_input(customer_id: i64, lines: &[(&str, i64)]) -> kontor::orders::NewOrder {
    kontor::orders::NewOrder {
        customer_id,
        currency: None,
        exchange_rate: None,
        payment_method: kontor::orders::PaymentMethod::BankTransfer,
        urgent: false,
        promised_date: None,
        notes: String::new(),
        lines: lines
            .iter()
            .map(|(sku, quantity)| kontor::orders::NewLine { sku: sku.to_string(), quantity: *quantity })
            .collect(),
        place: true,
        credit_override: None,
    }
}

/// Runs the `kontor` binary on `data_dir` as a script would, feeding `stdin`.
pub fn kontor_cli(data_dir: &std::path::Path, args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_kontor"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}
