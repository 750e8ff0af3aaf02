//! `kontor customer`, `product` and `rate` as a script would use them: one
//! JSON object per command, edits that change only the flags given, stock
//! set to a counted number, and `error[<code>]` refusals.

use std::path::Path;
use std::process::Output;

use serde_json::Value;

mod common;

fn kontor(data_dir: &Path, args: &[&str]) -> Output {
    common::kontor_cli(data_dir, args, "")
}

fn json(output: &Output) -> Value {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

fn refusal(output: &Output) -> String {
    assert!(!output.status.success(), "expected a refusal: {}", String::from_utf8_lossy(&output.stdout));
    String::from_utf8_lossy(&output.stderr).trim().to_string()
}

/// A fresh book for "Berg Hardware" in EUR.
fn book() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    json(&kontor(dir.path(), &["--json", "init", "--business", "Berg Hardware", "--currency", "EUR"]));
    dir
}

#[test]
fn customers_are_added_edited_by_name_and_listed() {
    let dir = book();
    let d = dir.path();
    let added = json(&kontor(
        d,
        &[
            "--json",
            "customer",
            "add",
            "--name",
            "Łukasz Müller",
            "--email",
            "lukasz@mueller.example",
            "--credit-limit",
            "500.00",
            "--vip",
        ],
    ));
    assert_eq!((added["currency"].as_str(), added["creditLimit"].as_str()), (Some("EUR"), Some("500.00")));
    assert_eq!((added["balance"].as_str(), added["vip"].as_bool()), (Some("0.00"), Some(true)));

    let edited = json(&kontor(
        d,
        &["--json", "customer", "edit", "łukasz müller", "--no-credit-limit", "--no-vip", "--phone", "+49 30 1234"],
    ));
    assert_eq!((edited["creditLimit"].is_null(), edited["vip"].as_bool()), (true, Some(false)));
    assert_eq!(edited["email"], "lukasz@mueller.example", "fields not given stay as they were");
    assert_eq!(edited["phone"], "+49 30 1234");

    json(&kontor(d, &["--json", "customer", "add", "--name", "Acme Inc", "--currency", "usd"]));
    let shown = json(&kontor(d, &["--json", "customer", "show", "2"]));
    assert_eq!((shown["name"].as_str(), shown["currency"].as_str()), (Some("Acme Inc"), Some("USD")));
    let page = json(&kontor(d, &["--json", "customer", "list", "--search", "acme"]));
    assert_eq!((page["total"].as_i64(), page["items"][0]["id"].as_i64()), (Some(1), Some(2)));

    let text = kontor(d, &["customer", "list"]);
    assert!(String::from_utf8_lossy(&text.stdout).ends_with("2 of 2 customers\n"));
}

#[test]
fn customer_refusals_name_their_code_and_field() {
    let dir = book();
    let d = dir.path();
    let bad_email = kontor(d, &["customer", "add", "--name", "Acme", "--email", "acme"]);
    assert_eq!(
        refusal(&bad_email),
        "error[invalid_input]: email: \"acme\" is not an email address (like name@example.com)"
    );
    let bad_limit = kontor(d, &["customer", "add", "--name", "Acme", "--credit-limit", "lots"]);
    assert!(refusal(&bad_limit).starts_with("error[invalid_amount]: creditLimit:"));
    let missing = kontor(d, &["--json", "customer", "show", "Nobody"]);
    let error: Value = serde_json::from_str(&refusal(&missing)).unwrap();
    assert_eq!((error["code"].as_str(), error["details"]["entity"].as_str()), (Some("not_found"), Some("customer")));
    assert!(!kontor(d, &["customer", "add"]).status.success(), "a name is required");
}

#[test]
fn products_are_added_repriced_and_their_stock_adjusted_or_set() {
    let dir = book();
    let d = dir.path();
    let added = json(&kontor(
        d,
        &[
            "--json",
            "product",
            "add",
            "--sku",
            "B-100",
            "--name",
            "Hex bolt M8",
            "--unit-price",
            "0.35",
            "--cost",
            "0.12",
            "--tax-rate",
            "19",
            "--stock",
            "400",
            "--reorder-level",
            "100",
        ],
    ));
    assert_eq!(
        (added["unitPrice"].as_str(), added["stock"].as_i64(), added["active"].as_bool()),
        (Some("0.35"), Some(400), Some(true))
    );

    let edited = json(&kontor(d, &["--json", "product", "edit", "b-100", "--unit-price", "0.39", "--inactive"]));
    assert_eq!(
        (edited["unitPrice"].as_str(), edited["active"].as_bool(), edited["cost"].as_str()),
        (Some("0.39"), Some(false), Some("0.12"))
    );

    let damaged = json(&kontor(
        d,
        &["--json", "product", "adjust-stock", "B-100", "--delta", "-30", "--reason", "damage", "--note", "wet box"],
    ));
    assert_eq!(damaged["stock"], 370);
    let counted =
        json(&kontor(d, &["--json", "product", "adjust-stock", "B-100", "--set", "350", "--reason", "recount"]));
    assert_eq!(counted["stock"], 350);

    let detail = json(&kontor(d, &["--json", "product", "show", "B-100"]));
    assert_eq!(detail["prices"].as_array().unwrap().len(), 2);
    let deltas: Vec<i64> =
        detail["movements"].as_array().unwrap().iter().map(|m| m["delta"].as_i64().unwrap()).collect();
    assert_eq!(deltas, [-20, -30, 400]);
    assert_eq!(detail["movements"][1]["reason"], "damage");

    let low = json(&kontor(d, &["--json", "product", "list", "--low-stock"]));
    assert_eq!(low["total"], 0);
}

#[test]
fn product_refusals_name_their_code() {
    let dir = book();
    let d = dir.path();
    kontor(d, &["product", "add", "--sku", "W-7", "--name", "Wrench", "--unit-price", "12.50", "--tax-rate", "19"]);
    let duplicate =
        kontor(d, &["product", "add", "--sku", "w-7", "--name", "Other", "--unit-price", "1", "--tax-rate", "7"]);
    assert_eq!(refusal(&duplicate), "error[duplicate]: sku: \"w-7\" is already used by another product");
    let short = kontor(d, &["product", "adjust-stock", "W-7", "--delta", "-1", "--reason", "recount"]);
    assert_eq!(refusal(&short), "error[insufficient_stock]: not enough stock of W-7: 0 on hand, 1 needed");
    let unchanged = kontor(d, &["product", "adjust-stock", "W-7", "--set", "0", "--reason", "recount"]);
    assert_eq!(refusal(&unchanged), "error[invalid_input]: delta: must not be 0");
    let reason = kontor(d, &["product", "adjust-stock", "W-7", "--delta", "1", "--reason", "order"]);
    assert!(refusal(&reason).contains("recount, damage or delivery_received"));
    let price = kontor(d, &["product", "edit", "W-7", "--unit-price", "1.23456"]);
    assert!(refusal(&price).starts_with("error[invalid_amount]: unitPrice:"));
}

#[test]
fn rates_are_set_from_a_date_and_listed() {
    let dir = book();
    let d = dir.path();
    let set = json(&kontor(d, &["--json", "rate", "set", "usd", "0.9231", "--from", "2026-11-01"]));
    assert_eq!(
        (set["currency"].as_str(), set["rate"].as_str(), set["validFrom"].as_str()),
        (Some("USD"), Some("0.9231"), Some("2026-11-01"))
    );
    json(&kontor(d, &["--json", "rate", "set", "CHF", "1.0642"]));
    let list = json(&kontor(d, &["--json", "rate", "list"]));
    assert_eq!(list["rates"].as_array().unwrap().len(), 2);

    assert_eq!(
        refusal(&kontor(d, &["rate", "set", "EUR", "1"])),
        "error[invalid_input]: currency: EUR is the base currency: its rate is always 1"
    );
    assert!(
        refusal(&kontor(d, &["rate", "set", "USD", "0.92", "--from", "1.11.2026"]))
            .starts_with("error[invalid_input]: validFrom:")
    );
    assert!(refusal(&kontor(d, &["rate", "set", "USD", "-1"])).starts_with("error[invalid_input]: rate:"));
}
