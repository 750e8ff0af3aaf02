//! Customers against a real database: adding and editing with every field
//! checked, finding by id or name, search and paging, soft delete, and what
//! the orders module reads. Every refusal is shown to leave the book unchanged.

mod common;

use kontor::Kontor;
use kontor::customers::{self, CustomerQuery, CustomerUpdate, NewCustomer};
use kontor::money::Amount;
use kontor::staff::{Actor, Role};

fn amount(text: &str) -> Amount {
    Amount::parse("amount", text).unwrap()
}

fn query(search: Option<&str>, vip_only: bool, offset: u32, limit: u32) -> CustomerQuery {
    CustomerQuery { search: search.map(str::to_string), vip_only, offset, limit }
}

async fn names(kontor: &Kontor, actor: &Actor, query: CustomerQuery) -> (Vec<String>, i64) {
    let page = kontor.list_customers(actor, query).await.unwrap();
    (page.items.into_iter().map(|customer| customer.name).collect(), page.total)
}

async fn history_actions(kontor: &Kontor, id: i64) -> Vec<String> {
    let mut conn = kontor.store().pool().acquire().await.unwrap();
    kontor::history::list_for(&mut conn, "customer", id).await.unwrap().into_iter().map(|entry| entry.action).collect()
}

#[tokio::test]
async fn a_customer_is_added_trimmed_in_the_base_currency_with_history() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    let input = NewCustomer {
        name: "  Łukasz Müller ".into(),
        email: " lukasz@mueller.example ".into(),
        phone: "+49 30 1234".into(),
        billing_address: "Hauptstraße 1\n10115 Berlin".into(),
        vip: true,
        credit_limit: Some(amount("500")),
        notes: "prefers mornings".into(),
        ..Default::default()
    };
    let customer = book.kontor.add_customer(&anna, input).await.unwrap();
    assert_eq!((customer.name.as_str(), customer.email.as_str()), ("Łukasz Müller", "lukasz@mueller.example"));
    assert_eq!(customer.currency, "EUR", "defaults to the base currency");
    assert_eq!(
        (customer.balance, customer.credit_limit, customer.available_credit),
        (Amount::ZERO, Some(amount("500")), Some(amount("500")))
    );
    assert!(customer.vip && customer.deleted_at.is_none());
    assert_eq!(book.kontor.get_customer(&anna, customer.id).await.unwrap(), customer);
    assert_eq!(history_actions(&book.kontor, customer.id).await, ["created"]);

    let json = serde_json::to_value(&customer).unwrap();
    assert_eq!((json["creditLimit"].as_str(), json["balance"].as_str()), (Some("500.00"), Some("0.00")));
    assert_eq!(json["availableCredit"], "500.00");

    let usd = NewCustomer { name: "Acme Inc".into(), currency: Some("usd".into()), ..Default::default() };
    let acme = book.kontor.add_customer(&anna, usd).await.unwrap();
    assert_eq!((acme.currency.as_str(), acme.credit_limit, acme.available_credit), ("USD", None, None));
}

#[tokio::test]
async fn bad_input_is_refused_field_by_field_and_writes_nothing() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    let good = || NewCustomer { name: "Acme".into(), ..Default::default() };
    let cases = [
        (NewCustomer { name: "   ".into(), ..good() }, "invalid_input", "name"),
        (NewCustomer { name: "x".repeat(201), ..good() }, "invalid_input", "name"),
        (NewCustomer { email: "acme.example".into(), ..good() }, "invalid_input", "email"),
        (NewCustomer { email: "sales@acme".into(), ..good() }, "invalid_input", "email"),
        (NewCustomer { email: "a@b@acme.example".into(), ..good() }, "invalid_input", "email"),
        (NewCustomer { phone: "1".repeat(51), ..good() }, "invalid_input", "phone"),
        (NewCustomer { shipping_address: "x".repeat(1001), ..good() }, "invalid_input", "shippingAddress"),
        (NewCustomer { credit_limit: Some(amount("-0.01")), ..good() }, "invalid_input", "creditLimit"),
        (
            NewCustomer { credit_limit: Some(Amount::new("1.00001".parse().unwrap())), ..good() },
            "invalid_amount",
            "creditLimit",
        ),
        (NewCustomer { currency: Some("EURO".into()), ..good() }, "invalid_currency", "currency"),
    ];
    let before = common::dump(&book.kontor).await;
    for (input, code, field) in cases {
        let error = book.kontor.add_customer(&anna, input).await.unwrap_err();
        assert_eq!((error.code(), error.details()["field"].as_str()), (code, Some(field)), "{error}");
        assert!(error.to_string().starts_with(field), "the message names the field: {error}");
    }
    assert_eq!(common::dump(&book.kontor).await, before);
}

#[tokio::test]
async fn without_a_business_there_is_no_base_currency_to_default_to() {
    let book = common::new_book().await;
    let cli = Actor::operating_system("anna");
    let before = common::dump(&book.kontor).await;
    let error = book.kontor.add_customer(&cli, NewCustomer { name: "Acme".into(), ..Default::default() }).await;
    assert_eq!(error.unwrap_err().code(), "not_set_up");
    assert_eq!(common::dump(&book.kontor).await, before);
}

#[tokio::test]
async fn an_edit_replaces_every_field_and_records_before_and_after() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    let customer = common::customer(&book.kontor, &anna, "Acme", Some("100")).await;
    book.clock.advance(chrono::Duration::minutes(5));
    let update = CustomerUpdate {
        name: "Acme GmbH".into(),
        email: "orders@acme.example".into(),
        currency: "CHF".into(),
        credit_limit: None,
        ..CustomerUpdate::from(&customer)
    };
    let after = book.kontor.update_customer(&anna, customer.id, update).await.unwrap();
    assert_eq!((after.name.as_str(), after.currency.as_str(), after.credit_limit), ("Acme GmbH", "CHF", None));
    assert_eq!(after.shipping_address, customer.shipping_address, "unchanged fields are sent back as they were");
    assert!(after.updated_at > customer.updated_at);
    assert_eq!(after.created_at, customer.created_at);

    let mut conn = book.kontor.store().pool().acquire().await.unwrap();
    let entries = kontor::history::list_for(&mut conn, "customer", customer.id).await.unwrap();
    let updated = entries.last().unwrap();
    assert_eq!((updated.action.as_str(), updated.actor_name.as_str()), ("updated", "anna"));
    assert!(updated.before.as_deref().unwrap().contains("\"creditLimit\":\"100.00\""));
    assert!(updated.after.as_deref().unwrap().contains("\"creditLimit\":null"));
    drop(conn);

    let before = common::dump(&book.kontor).await;
    let bad = CustomerUpdate { email: "nope".into(), ..CustomerUpdate::from(&after) };
    assert_eq!(book.kontor.update_customer(&anna, customer.id, bad).await.unwrap_err().details()["field"], "email");
    let missing = book.kontor.update_customer(&anna, 999, CustomerUpdate::from(&after)).await.unwrap_err();
    assert_eq!((missing.code(), missing.details()["entity"].as_str()), ("not_found", Some("customer")));
    assert_eq!(common::dump(&book.kontor).await, before);
}

#[tokio::test]
async fn every_role_manages_customers() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    let cara = common::add(&book.kontor, &anna, "cara", Role::Clerk).await;
    let clerk = Actor { user_id: Some(cara.id), name: cara.username, role: Role::Clerk };
    let customer = common::customer(&book.kontor, &clerk, "Acme", None).await;
    let edited = CustomerUpdate { vip: true, ..CustomerUpdate::from(&customer) };
    assert!(book.kontor.update_customer(&clerk, customer.id, edited).await.unwrap().vip);
    assert!(book.kontor.delete_customer(&clerk, customer.id).await.unwrap().deleted_at.is_some());
}

#[tokio::test]
async fn customers_are_found_by_id_or_exact_name_in_any_case() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    let acme = common::customer(&book.kontor, &anna, "Acme", None).await;
    let numbered = common::customer(&book.kontor, &anna, "1024", None).await;
    assert_eq!(book.kontor.find_customer(&anna, &acme.id.to_string()).await.unwrap().id, acme.id);
    assert_eq!(book.kontor.find_customer(&anna, " aCMe ").await.unwrap().id, acme.id);
    let lukasz = common::customer(&book.kontor, &anna, "Łukasz Müller", None).await;
    assert_eq!(book.kontor.find_customer(&anna, "ŁUKASZ MÜLLER").await.unwrap().id, lukasz.id, "beyond ASCII too");
    assert_eq!(book.kontor.find_customer(&anna, "1024").await.unwrap().id, numbered.id, "no customer 1024: the name");

    let missing = book.kontor.find_customer(&anna, "Acm").await.unwrap_err();
    assert_eq!((missing.code(), missing.details()["key"].as_str()), ("not_found", Some("Acm")));

    let twin = common::customer(&book.kontor, &anna, "ACME", None).await;
    let ambiguous = book.kontor.find_customer(&anna, "acme").await.unwrap_err();
    assert_eq!((ambiguous.code(), ambiguous.details()["field"].as_str()), ("invalid_input", Some("customer")));
    assert!(ambiguous.to_string().contains(&format!("use the id ({}, {})", acme.id, twin.id)), "{ambiguous}");
}

#[tokio::test]
async fn lists_search_name_email_and_phone_filter_vips_and_page() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    for (name, email, phone, vip) in [
        ("Berta Braun", "berta@braun.example", "+49 89 111", false),
        ("Acme GmbH", "sales@acme.example", "+49 30 222", true),
        ("Carl Clausen", "carl@50percent.example", "+45 333", false),
        ("Dora Dietz", "", "", true),
    ] {
        let input =
            NewCustomer { name: name.into(), email: email.into(), phone: phone.into(), vip, ..Default::default() };
        book.kontor.add_customer(&anna, input).await.unwrap();
    }
    let all = names(&book.kontor, &anna, query(None, false, 0, 50)).await;
    assert_eq!(all, (vec!["Acme GmbH".into(), "Berta Braun".into(), "Carl Clausen".into(), "Dora Dietz".into()], 4));
    assert_eq!(
        names(&book.kontor, &anna, query(Some("  BRAUN "), false, 0, 50)).await,
        (vec!["Berta Braun".into()], 1)
    );
    assert_eq!(names(&book.kontor, &anna, query(Some("SALES@"), false, 0, 50)).await, (vec!["Acme GmbH".into()], 1));
    assert_eq!(names(&book.kontor, &anna, query(Some("+45"), false, 0, 50)).await, (vec!["Carl Clausen".into()], 1));
    assert_eq!(names(&book.kontor, &anna, query(Some("%"), false, 0, 50)).await.1, 0, "wildcards are literal");
    assert_eq!(names(&book.kontor, &anna, query(Some("   "), false, 0, 50)).await.1, 4, "blank search: everyone");
    assert_eq!(
        names(&book.kontor, &anna, query(None, true, 0, 50)).await,
        (vec!["Acme GmbH".into(), "Dora Dietz".into()], 2)
    );
    assert_eq!(
        names(&book.kontor, &anna, query(Some("a"), false, 1, 2)).await,
        (vec!["Berta Braun".into(), "Carl Clausen".into()], 4)
    );
    assert_eq!(names(&book.kontor, &anna, query(None, false, 10, 2)).await, (vec![], 4));

    for limit in [0, 501] {
        let error = book.kontor.list_customers(&anna, query(None, false, 0, limit)).await.unwrap_err();
        assert_eq!((error.code(), error.details()["field"].as_str()), ("invalid_input", Some("limit")));
    }
}

#[tokio::test]
async fn a_deleted_customer_leaves_lists_and_new_orders_but_can_still_be_shown() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    let gone = common::customer(&book.kontor, &anna, "Gone GmbH", Some("10")).await;
    common::customer(&book.kontor, &anna, "Stays AG", None).await;
    book.clock.advance(chrono::Duration::minutes(1));
    let deleted = book.kontor.delete_customer(&anna, gone.id).await.unwrap();
    assert_eq!(deleted.deleted_at, Some(book.kontor.now()));
    assert_eq!(names(&book.kontor, &anna, query(None, false, 0, 50)).await, (vec!["Stays AG".into()], 1));
    assert_eq!(book.kontor.get_customer(&anna, gone.id).await.unwrap(), deleted);
    assert_eq!(book.kontor.find_customer(&anna, &gone.id.to_string()).await.unwrap().id, gone.id);
    assert_eq!(book.kontor.find_customer(&anna, "Gone GmbH").await.unwrap_err().code(), "not_found");
    assert_eq!(history_actions(&book.kontor, gone.id).await, ["created", "deleted"]);

    let before = common::dump(&book.kontor).await;
    assert_eq!(book.kontor.delete_customer(&anna, gone.id).await.unwrap_err().code(), "not_found");
    let edit = book.kontor.update_customer(&anna, gone.id, CustomerUpdate::from(&deleted)).await;
    assert_eq!(edit.unwrap_err().code(), "not_found");
    let mut conn = book.kontor.store().pool().acquire().await.unwrap();
    let error = customers::customer_for_order(&mut conn, gone.id).await.unwrap_err();
    assert_eq!((error.code(), error.details()["entity"].as_str()), ("not_found", Some("customer")));
    drop(conn);
    assert_eq!(common::dump(&book.kontor).await, before);
}

#[tokio::test]
async fn a_customer_with_open_orders_cannot_be_deleted() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    let customer = common::customer(&book.kontor, &anna, "Busy Ltd", None).await;
    common::product(&book.kontor, &anna, "A-1", "10.00", "19", 5).await;
    let draft = kontor::orders::NewOrder { place: false, ..common::order_input(customer.id, &[("A-1", 1)]) };
    let order = book.kontor.create_order(&anna, draft).await.unwrap();

    let before = common::dump(&book.kontor).await;
    let error = book.kontor.delete_customer(&anna, customer.id).await.unwrap_err();
    assert_eq!((error.code(), error.details()["field"].as_str()), ("invalid_input", Some("customer")));
    assert!(error.to_string().contains("1 open order"), "{error}");
    assert_eq!(common::dump(&book.kontor).await, before);

    book.kontor.cancel_order(&anna, &order.number).await.unwrap();
    assert!(book.kontor.delete_customer(&anna, customer.id).await.unwrap().deleted_at.is_some());
}

#[tokio::test]
async fn orders_read_currency_limit_and_balance_and_available_credit_may_go_negative() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    let customer = common::customer(&book.kontor, &anna, "Acme", Some("100")).await;
    // The balance is derived by the orders module; an override can take it past the limit.
    sqlx::query("UPDATE customers SET balance = 1250000 WHERE id = ?")
        .bind(customer.id)
        .execute(book.kontor.store().pool())
        .await
        .unwrap();
    let shown = book.kontor.get_customer(&anna, customer.id).await.unwrap();
    assert_eq!((shown.balance, shown.available_credit), (amount("125"), Some(amount("-25"))));

    let mut conn = book.kontor.store().pool().acquire().await.unwrap();
    let for_order = customers::customer_for_order(&mut conn, customer.id).await.unwrap();
    assert_eq!((for_order.id, for_order.name.as_str(), for_order.currency.as_str()), (customer.id, "Acme", "EUR"));
    assert_eq!((for_order.credit_limit, for_order.balance), (Some(amount("100")), amount("125")));
    let missing = customers::customer_for_order(&mut conn, 999).await.unwrap_err();
    assert_eq!((missing.code(), missing.details()["key"].as_str()), ("not_found", Some("999")));
}
