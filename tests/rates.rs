//! Exchange rates against a real database: entering and replacing rates, the
//! rate in force on a day, and what is refused. Every refusal is shown to
//! leave the book unchanged.

mod common;

use chrono::NaiveDate;
use kontor::rates;
use kontor::staff::{Actor, Role};
use rust_decimal::Decimal;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn rate(text: &str) -> Decimal {
    text.parse().unwrap()
}

#[tokio::test]
async fn rates_are_entered_listed_and_replaced_for_the_same_day() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    let usd = book.kontor.set_rate(&anna, "usd", day("2026-11-01"), rate("0.92310")).await.unwrap();
    assert_eq!(
        (usd.currency.as_str(), usd.valid_from, usd.rate.to_string()),
        ("USD", day("2026-11-01"), "0.9231".into())
    );
    assert_eq!(usd.created_at, book.kontor.now());
    book.kontor.set_rate(&anna, "USD", day("2026-10-01"), rate("0.95")).await.unwrap();
    book.kontor.set_rate(&anna, "CHF", day("2026-11-01"), rate("1.0642")).await.unwrap();
    book.clock.advance(chrono::Duration::hours(1));
    let replaced = book.kontor.set_rate(&anna, "USD", day("2026-11-01"), rate("0.9301")).await.unwrap();
    assert_eq!(replaced.rate, rate("0.9301"));

    let listed: Vec<(String, String, String)> = book
        .kontor
        .list_rates(&anna)
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.currency, r.valid_from.to_string(), r.rate.to_string()))
        .collect();
    let expected = [("CHF", "2026-11-01", "1.0642"), ("USD", "2026-11-01", "0.9301"), ("USD", "2026-10-01", "0.95")];
    assert_eq!(listed, expected.map(|(c, d, r)| (c.to_string(), d.to_string(), r.to_string())));

    let json = serde_json::to_value(&replaced).unwrap();
    assert_eq!((json["rate"].as_str(), json["validFrom"].as_str()), (Some("0.9301"), Some("2026-11-01")));
    let stored: String =
        sqlx::query_scalar("SELECT rate FROM exchange_rates WHERE currency = 'USD' AND valid_from = '2026-11-01'")
            .fetch_one(book.kontor.store().pool())
            .await
            .unwrap();
    assert_eq!(stored, "0.9301", "exact decimal text, keyed by the ISO date");

    let actions: Vec<(String, Option<String>)> =
        sqlx::query_as("SELECT action, before FROM history WHERE entity = 'exchange_rate' ORDER BY id")
            .fetch_all(book.kontor.store().pool())
            .await
            .unwrap();
    assert_eq!(
        actions.iter().map(|(action, _)| action.as_str()).collect::<Vec<_>>(),
        ["created", "created", "created", "updated"]
    );
    assert!(actions[3].1.as_deref().unwrap().contains("\"rate\":\"0.9231\""));
}

#[tokio::test]
async fn the_rate_on_a_day_is_the_newest_from_that_day_or_before() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    book.kontor.set_rate(&anna, "USD", day("2026-10-01"), rate("0.95")).await.unwrap();
    book.kontor.set_rate(&anna, "USD", day("2026-11-01"), rate("0.9231")).await.unwrap();
    let mut conn = book.kontor.store().pool().acquire().await.unwrap();
    for (date, expected) in
        [("2026-10-01", "0.95"), ("2026-10-31", "0.95"), ("2026-11-01", "0.9231"), ("2027-01-01", "0.9231")]
    {
        assert_eq!(rates::rate_on(&mut conn, "EUR", "USD", day(date)).await.unwrap(), rate(expected), "{date}");
    }
    assert_eq!(rates::rate_on(&mut conn, "EUR", "usd", day("2026-11-02")).await.unwrap(), rate("0.9231"));
    assert_eq!(rates::rate_on(&mut conn, "EUR", "EUR", day("1999-01-01")).await.unwrap(), Decimal::ONE);

    let error = rates::rate_on(&mut conn, "EUR", "USD", day("2026-09-30")).await.unwrap_err();
    assert_eq!(error.code(), "no_exchange_rate");
    assert_eq!(
        (error.details()["currency"].as_str(), error.details()["date"].as_str()),
        (Some("USD"), Some("2026-09-30"))
    );
    assert_eq!(
        rates::rate_on(&mut conn, "EUR", "CHF", day("2026-11-01")).await.unwrap_err().code(),
        "no_exchange_rate"
    );
}

#[tokio::test]
async fn bad_rates_and_the_base_currency_are_refused_and_write_nothing() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    let from = day("2026-11-01");
    let before = common::dump(&book.kontor).await;
    let cases = [
        ("EUR", rate("1"), "invalid_input", "currency"),
        ("eur", rate("1.1"), "invalid_input", "currency"),
        ("XYZ", rate("1.1"), "invalid_currency", "currency"),
        ("USD", rate("0"), "invalid_input", "rate"),
        ("USD", rate("-0.92"), "invalid_input", "rate"),
        ("USD", rate("0.92310000001"), "invalid_input", "rate"),
    ];
    for (currency, value, code, field) in cases {
        let error = book.kontor.set_rate(&anna, currency, from, value).await.unwrap_err();
        assert_eq!(
            (error.code(), error.details()["field"].as_str()),
            (code, Some(field)),
            "{currency} {value}: {error}"
        );
    }
    let base = book.kontor.set_rate(&anna, "EUR", from, rate("1")).await.unwrap_err();
    assert_eq!(base.to_string(), "currency: EUR is the base currency: its rate is always 1");
    assert_eq!(common::dump(&book.kontor).await, before);
    let precise = book.kontor.set_rate(&anna, "USD", from, rate("0.9231000001")).await.unwrap();
    assert_eq!(precise.rate.to_string(), "0.9231000001", "10 decimals are fine");
}

#[tokio::test]
async fn managers_enter_rates_and_clerks_only_read_them() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    let from = day("2026-11-01");
    let manager = common::add(&book.kontor, &anna, "max", Role::Manager).await;
    let max = Actor { user_id: Some(manager.id), name: manager.username, role: Role::Manager };
    book.kontor.set_rate(&max, "USD", from, rate("0.9231")).await.unwrap();

    let clerk = common::add(&book.kontor, &anna, "cara", Role::Clerk).await;
    let cara = Actor { user_id: Some(clerk.id), name: clerk.username, role: Role::Clerk };
    let before = common::dump(&book.kontor).await;
    let error = book.kontor.set_rate(&cara, "USD", from, rate("2")).await.unwrap_err();
    assert_eq!((error.code(), error.to_string().as_str()), ("forbidden", "a clerk may not enter exchange rates"));
    assert_eq!(common::dump(&book.kontor).await, before);
    assert_eq!(book.kontor.list_rates(&cara).await.unwrap().len(), 1);
    assert_eq!(book.kontor.rate_sheet(&cara).await.unwrap().rates.len(), 1);
}

#[tokio::test]
async fn the_rate_sheet_offers_every_known_currency_but_the_base_one() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    let empty = book.kontor.rate_sheet(&anna).await.unwrap();
    assert_eq!(empty.base_currency, "EUR");
    assert!(empty.rates.is_empty());
    let known: Vec<String> = kontor::money::Currency::all().map(|c| c.code().to_string()).collect();
    assert_eq!(empty.currencies.len(), known.len() - 1);
    assert!(!empty.currencies.contains(&"EUR".to_string()));
    assert!(empty.currencies.iter().all(|code| known.contains(code)));

    book.kontor.set_rate(&anna, "USD", day("2026-10-01"), rate("0.95")).await.unwrap();
    book.kontor.set_rate(&anna, "USD", day("2026-11-01"), rate("0.9231")).await.unwrap();
    book.kontor.set_rate(&anna, "CHF", day("2026-11-01"), rate("1.0642")).await.unwrap();
    let sheet = book.kontor.rate_sheet(&anna).await.unwrap();
    assert_eq!(sheet.rates, book.kontor.list_rates(&anna).await.unwrap());
    let json = serde_json::to_value(&sheet).unwrap();
    assert_eq!(json["baseCurrency"], "EUR");
    assert_eq!(
        (json["rates"][1]["currency"].as_str(), json["rates"][1]["validFrom"].as_str()),
        (Some("USD"), Some("2026-11-01"))
    );
}

#[tokio::test]
async fn the_rate_sheet_needs_a_signed_in_business() {
    let book = common::new_book().await;
    let cli = Actor::operating_system("anna");
    assert_eq!(book.kontor.rate_sheet(&cli).await.unwrap_err().code(), "not_set_up");
}

#[tokio::test]
async fn without_a_business_there_is_no_base_currency_to_convert_into() {
    let book = common::new_book().await;
    let cli = Actor::operating_system("anna");
    let before = common::dump(&book.kontor).await;
    let error = book.kontor.set_rate(&cli, "USD", day("2026-11-01"), rate("0.92")).await.unwrap_err();
    assert_eq!(error.code(), "not_set_up");
    assert_eq!(common::dump(&book.kontor).await, before);
}
