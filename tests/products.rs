//! Products against a real database: the catalogue with its price history,
//! stock adjustments that never go negative unless backorders are allowed,
//! search and paging, soft delete, who may change what, and what the orders
//! module reads. Every refusal is shown to leave the book unchanged.

mod common;

use kontor::Kontor;
use kontor::money::{Amount, TaxRate};
use kontor::products::{
    self, AdjustmentReason, NewProduct, ProductQuery, ProductUpdate, StockAdjustment, stock::StockReason,
};
use kontor::staff::{Actor, Role};

fn amount(text: &str) -> Amount {
    Amount::parse("amount", text).unwrap()
}

fn bolt() -> NewProduct {
    NewProduct {
        sku: " B-100 ".into(),
        name: "Hex bolt M8".into(),
        unit_price: amount("0.35"),
        cost: amount("0.12"),
        tax_rate: TaxRate::parse("19").unwrap(),
        stock: 400,
        reorder_level: 100,
        allow_backorder: false,
        active: true,
        notes: "box of 100".into(),
    }
}

fn adjustment(delta: i64, reason: AdjustmentReason) -> StockAdjustment {
    StockAdjustment { delta, reason, note: String::new() }
}

fn query(search: Option<&str>) -> ProductQuery {
    ProductQuery { search: search.map(str::to_string), low_stock_only: false, active_only: false, offset: 0, limit: 50 }
}

async fn skus(kontor: &Kontor, actor: &Actor, query: ProductQuery) -> (Vec<String>, i64) {
    let page = kontor.list_products(actor, query).await.unwrap();
    (page.items.into_iter().map(|product| product.sku).collect(), page.total)
}

async fn clerk(book: &common::Book, owner: &Actor) -> Actor {
    let cara = common::add(&book.kontor, owner, "cara", Role::Clerk).await;
    Actor { user_id: Some(cara.id), name: cara.username, role: Role::Clerk }
}

#[tokio::test]
async fn a_product_starts_with_its_price_history_and_opening_stock() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    let product = book.kontor.add_product(&anna, bolt()).await.unwrap();
    assert_eq!((product.sku.as_str(), product.stock, product.low_stock, product.active), ("B-100", 400, false, true));
    assert_eq!(
        (product.unit_price, product.cost, product.tax_rate.to_string()),
        (amount("0.35"), amount("0.12"), "19".into())
    );

    let detail = book.kontor.get_product(&anna, product.id).await.unwrap();
    assert_eq!(detail.product, product);
    assert_eq!(detail.prices.len(), 1);
    let price = &detail.prices[0];
    assert_eq!((price.unit_price, price.cost, price.actor_name.as_str()), (amount("0.35"), amount("0.12"), "anna"));
    assert_eq!(price.valid_from, book.kontor.now());
    assert_eq!(detail.movements.len(), 1);
    let opening = &detail.movements[0];
    assert_eq!((opening.delta, opening.reason, opening.note.as_str()), (400, StockReason::Recount, "opening stock"));

    let json = serde_json::to_value(&detail).unwrap();
    assert_eq!((json["product"]["unitPrice"].as_str(), json["product"]["stock"].as_i64()), (Some("0.35"), Some(400)));
    assert_eq!(json["movements"][0]["reason"], "recount");

    let empty = book.kontor.add_product(&anna, NewProduct { sku: "W-7".into(), stock: 0, ..bolt() }).await.unwrap();
    assert!(empty.low_stock, "0 on hand is under the reorder level of 100");
    assert!(book.kontor.get_product(&anna, empty.id).await.unwrap().movements.is_empty(), "no movement of 0");
}

#[tokio::test]
async fn bad_products_are_refused_field_by_field_and_write_nothing() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    book.kontor.add_product(&anna, bolt()).await.unwrap();
    let cases = [
        (NewProduct { sku: " ".into(), ..bolt() }, "invalid_input", "sku"),
        (NewProduct { sku: "S".repeat(65), ..bolt() }, "invalid_input", "sku"),
        (NewProduct { sku: "b-100".into(), ..bolt() }, "duplicate", "sku"),
        (NewProduct { sku: "N-1".into(), name: "".into(), ..bolt() }, "invalid_input", "name"),
        (NewProduct { sku: "N-1".into(), name: "n".repeat(201), ..bolt() }, "invalid_input", "name"),
        (NewProduct { sku: "N-1".into(), unit_price: amount("-1"), ..bolt() }, "invalid_input", "unitPrice"),
        (
            NewProduct { sku: "N-1".into(), unit_price: Amount::new("0.00001".parse().unwrap()), ..bolt() },
            "invalid_amount",
            "unitPrice",
        ),
        (NewProduct { sku: "N-1".into(), cost: amount("-0.01"), ..bolt() }, "invalid_input", "cost"),
        (NewProduct { sku: "N-1".into(), stock: -1, ..bolt() }, "invalid_input", "stock"),
        (NewProduct { sku: "N-1".into(), reorder_level: -5, ..bolt() }, "invalid_input", "reorderLevel"),
    ];
    let before = common::dump(&book.kontor).await;
    for (input, code, field) in cases {
        let error = book.kontor.add_product(&anna, input).await.unwrap_err();
        assert_eq!((error.code(), error.details()["field"].as_str()), (code, Some(field)), "{error}");
    }
    let duplicate = book.kontor.add_product(&anna, NewProduct { sku: "b-100".into(), ..bolt() }).await.unwrap_err();
    assert_eq!(duplicate.to_string(), "sku: \"b-100\" is already used by another product");
    assert_eq!(duplicate.details()["entity"], "product");
    assert_eq!(common::dump(&book.kontor).await, before);
}

#[tokio::test]
async fn a_price_or_cost_change_starts_a_new_price_row_and_stock_is_not_editable() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    let product = book.kontor.add_product(&anna, bolt()).await.unwrap();
    book.clock.advance(chrono::Duration::days(1));
    let renamed =
        ProductUpdate { name: "Hex bolt M8 zinc".into(), reorder_level: 500, ..ProductUpdate::from(&product) };
    let renamed = book.kontor.update_product(&anna, product.id, renamed).await.unwrap();
    assert_eq!((renamed.name.as_str(), renamed.stock, renamed.low_stock), ("Hex bolt M8 zinc", 400, true));
    assert_eq!(book.kontor.get_product(&anna, product.id).await.unwrap().prices.len(), 1, "same price: no new row");

    book.clock.advance(chrono::Duration::days(1));
    let dearer = ProductUpdate { unit_price: amount("0.39"), ..ProductUpdate::from(&renamed) };
    book.kontor.update_product(&anna, product.id, dearer).await.unwrap();
    book.clock.advance(chrono::Duration::days(1));
    let costlier = ProductUpdate { cost: amount("0.15"), active: false, ..ProductUpdate::from(&renamed) };
    let after = book.kontor.update_product(&anna, product.id, costlier).await.unwrap();
    assert!(!after.active);
    let prices = book.kontor.get_product(&anna, product.id).await.unwrap().prices;
    let rows: Vec<(String, String)> = prices.iter().map(|p| (p.unit_price.to_string(), p.cost.to_string())).collect();
    let expected = [("0.35", "0.15"), ("0.39", "0.12"), ("0.35", "0.12")];
    assert_eq!(rows, expected.map(|(price, cost)| (price.to_string(), cost.to_string())), "newest first");
    assert_eq!(prices[0].valid_from, book.kontor.now());

    let before = common::dump(&book.kontor).await;
    let bad = ProductUpdate { tax_rate: TaxRate::parse("7").unwrap(), name: " ".into(), ..ProductUpdate::from(&after) };
    assert_eq!(book.kontor.update_product(&anna, product.id, bad).await.unwrap_err().details()["field"], "name");
    let missing = book.kontor.update_product(&anna, 999, ProductUpdate::from(&after)).await.unwrap_err();
    assert_eq!((missing.code(), missing.details()["entity"].as_str()), ("not_found", Some("product")));
    assert_eq!(common::dump(&book.kontor).await, before);
}

#[tokio::test]
async fn clerks_read_the_catalogue_but_cannot_change_products_or_stock() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    let product = book.kontor.add_product(&anna, bolt()).await.unwrap();
    let cara = clerk(&book, &anna).await;

    let before = common::dump(&book.kontor).await;
    let refusals = [
        book.kontor.add_product(&cara, NewProduct { sku: "N-1".into(), ..bolt() }).await.unwrap_err(),
        book.kontor.update_product(&cara, product.id, ProductUpdate::from(&product)).await.unwrap_err(),
        book.kontor
            .adjust_stock(&cara, product.id, adjustment(5, AdjustmentReason::DeliveryReceived))
            .await
            .unwrap_err(),
        book.kontor.delete_product(&cara, product.id).await.unwrap_err(),
    ];
    for error in refusals {
        assert_eq!(error.to_string(), "a clerk may not manage products or stock");
        assert_eq!(error.code(), "forbidden");
    }
    assert_eq!(common::dump(&book.kontor).await, before);

    assert_eq!(book.kontor.find_product(&cara, "b-100").await.unwrap().id, product.id);
    assert_eq!(book.kontor.get_product(&cara, product.id).await.unwrap().product.sku, "B-100");
    assert_eq!(skus(&book.kontor, &cara, query(None)).await.1, 1);

    let manager = common::add(&book.kontor, &anna, "max", Role::Manager).await;
    let max = Actor { user_id: Some(manager.id), name: manager.username, role: Role::Manager };
    assert_eq!(
        book.kontor
            .adjust_stock(&max, product.id, adjustment(5, AdjustmentReason::DeliveryReceived))
            .await
            .unwrap()
            .stock,
        405
    );
}

#[tokio::test]
async fn stock_adjustments_are_movements_and_never_go_negative_without_backorders() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    let product = book.kontor.add_product(&anna, NewProduct { stock: 10, ..bolt() }).await.unwrap();
    let id = product.id;
    let delivered = StockAdjustment { note: "PO 4711".into(), ..adjustment(90, AdjustmentReason::DeliveryReceived) };
    assert_eq!(book.kontor.adjust_stock(&anna, id, delivered).await.unwrap().stock, 100);
    assert_eq!(book.kontor.adjust_stock(&anna, id, adjustment(-3, AdjustmentReason::Damage)).await.unwrap().stock, 97);
    assert_eq!(book.kontor.adjust_stock(&anna, id, adjustment(-7, AdjustmentReason::Recount)).await.unwrap().stock, 90);
    let detail = book.kontor.get_product(&anna, id).await.unwrap();
    let moves: Vec<(i64, StockReason, &str)> =
        detail.movements.iter().map(|m| (m.delta, m.reason, m.note.as_str())).collect();
    assert_eq!(
        moves,
        [
            (-7, StockReason::Recount, ""),
            (-3, StockReason::Damage, ""),
            (90, StockReason::DeliveryReceived, "PO 4711"),
            (10, StockReason::Recount, "opening stock")
        ]
    );
    assert!(detail.movements.iter().all(|m| m.actor_name == "anna" && m.order_id.is_none()));
    let mut conn = book.kontor.store().pool().acquire().await.unwrap();
    let history = kontor::history::list_for(&mut conn, "product", id).await.unwrap();
    assert_eq!(history.iter().filter(|entry| entry.action == "stock_adjusted").count(), 3);
    assert!(history.last().unwrap().after.as_deref().unwrap().contains("\"stock\":90"));
    drop(conn);

    let before = common::dump(&book.kontor).await;
    let refusals = [
        (adjustment(0, AdjustmentReason::Recount), "invalid_input", "must not be 0"),
        (adjustment(5, AdjustmentReason::Damage), "invalid_input", "damage takes stock away"),
        (adjustment(-5, AdjustmentReason::DeliveryReceived), "invalid_input", "a delivery adds stock"),
        (adjustment(-91, AdjustmentReason::Damage), "insufficient_stock", "90 on hand, 91 needed"),
    ];
    for (change, code, words) in refusals {
        let error = book.kontor.adjust_stock(&anna, id, change).await.unwrap_err();
        assert_eq!(error.code(), code);
        assert!(error.to_string().contains(words), "{error}");
    }
    let long_note = StockAdjustment { note: "n".repeat(501), ..adjustment(1, AdjustmentReason::Recount) };
    assert_eq!(book.kontor.adjust_stock(&anna, id, long_note).await.unwrap_err().details()["field"], "note");
    let missing = book.kontor.adjust_stock(&anna, 999, adjustment(1, AdjustmentReason::Recount)).await.unwrap_err();
    assert_eq!(missing.code(), "not_found");
    assert_eq!(common::dump(&book.kontor).await, before);

    let backorder = ProductUpdate { allow_backorder: true, ..ProductUpdate::from(&product) };
    book.kontor.update_product(&anna, id, backorder).await.unwrap();
    let oversold = book.kontor.adjust_stock(&anna, id, adjustment(-95, AdjustmentReason::Recount)).await.unwrap();
    assert_eq!((oversold.stock, oversold.low_stock), (-5, true));
}

#[tokio::test]
async fn a_product_shows_only_its_last_fifty_movements() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    let product = book.kontor.add_product(&anna, NewProduct { stock: 0, ..bolt() }).await.unwrap();
    for delta in 1..=55 {
        book.kontor
            .adjust_stock(&anna, product.id, adjustment(delta, AdjustmentReason::DeliveryReceived))
            .await
            .unwrap();
    }
    let movements = book.kontor.get_product(&anna, product.id).await.unwrap().movements;
    assert_eq!(movements.len(), 50);
    assert_eq!((movements[0].delta, movements[49].delta), (55, 6));
}

#[tokio::test]
async fn search_matches_sku_prefixes_and_name_parts_and_lists_page_by_sku() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    for (sku, name, stock, active) in [
        ("B-100", "Hex bolt M8", 400, true),
        ("B-101", "Hex bolt M10", 50, true),
        ("W-7", "Wrench 13 mm", 3, true),
        ("S-1", "Screw 50% off", 200, false),
        ("XB-1", "Wall anchor", 500, true),
    ] {
        let input = NewProduct { sku: sku.into(), name: name.into(), stock, active, ..bolt() };
        book.kontor.add_product(&anna, input).await.unwrap();
    }
    let kontor = &book.kontor;
    let list = |q| skus(kontor, &anna, q);
    let strings = |items: &[&str]| items.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(list(query(None)).await, (strings(&["B-100", "B-101", "S-1", "W-7", "XB-1"]), 5));
    assert_eq!(list(query(Some("b-10"))).await, (strings(&["B-100", "B-101"]), 2), "SKU prefix, any case");
    assert_eq!(list(query(Some("B-1"))).await.0, strings(&["B-100", "B-101"]), "XB-1 does not start with B-1");
    assert_eq!(list(query(Some("WRENCH"))).await.0, strings(&["W-7"]), "name part, any case");
    assert_eq!(list(query(Some("bolt m1"))).await.0, strings(&["B-101"]));
    assert_eq!(list(query(Some("50%"))).await.0, strings(&["S-1"]), "wildcards are literal");
    assert_eq!(list(query(Some("_"))).await.1, 0);
    assert_eq!(list(ProductQuery { low_stock_only: true, ..query(None) }).await.0, strings(&["B-101", "W-7"]));
    let active_w = list(ProductQuery { active_only: true, ..query(Some("w")) }).await;
    assert_eq!(active_w.0, strings(&["W-7"]), "under 3 characters: SKU prefixes only");
    let active_wa = list(ProductQuery { active_only: true, ..query(Some("WAL")) }).await;
    assert_eq!(active_wa.0, strings(&["XB-1"]), "Wall anchor, by name");
    assert_eq!(list(query(Some("crew"))).await.0, strings(&["S-1"]), "inactive products are listed unless filtered");
    assert_eq!(list(ProductQuery { active_only: true, ..query(Some("crew")) }).await.0, Vec::<String>::new());
    assert_eq!(list(ProductQuery { offset: 1, limit: 2, ..query(None) }).await, (strings(&["B-101", "S-1"]), 5));
    assert_eq!(list(ProductQuery { offset: 1, limit: 1, ..query(Some("b-10")) }).await, (strings(&["B-101"]), 2));
    assert_eq!(
        list(ProductQuery { offset: 9, ..query(Some("b-10")) }).await,
        (vec![], 2),
        "past the end: still counted"
    );
    for limit in [0, 501] {
        let error = kontor.list_products(&anna, ProductQuery { limit, ..query(None) }).await.unwrap_err();
        assert_eq!((error.code(), error.details()["field"].as_str()), ("invalid_input", Some("limit")));
    }
}

#[tokio::test]
async fn products_are_found_by_sku_first_then_by_id() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    let first = book.kontor.add_product(&anna, NewProduct { sku: "A-1".into(), ..bolt() }).await.unwrap();
    let numeric = book.kontor.add_product(&anna, NewProduct { sku: "1".into(), ..bolt() }).await.unwrap();
    assert_eq!(book.kontor.find_product(&anna, " a-1 ").await.unwrap().id, first.id);
    assert_eq!(book.kontor.find_product(&anna, "1").await.unwrap().id, numeric.id, "SKU \"1\" wins over id 1");
    assert_eq!(book.kontor.find_product(&anna, &numeric.id.to_string()).await.unwrap().id, numeric.id);
    for missing in ["Z-9", "999"] {
        let error = book.kontor.find_product(&anna, missing).await.unwrap_err();
        assert_eq!((error.code(), error.details()["key"].as_str()), ("not_found", Some(missing)));
    }
}

#[tokio::test]
async fn a_deleted_product_leaves_lists_and_orders_but_keeps_its_sku() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    let product = book.kontor.add_product(&anna, bolt()).await.unwrap();
    let deleted = book.kontor.delete_product(&anna, product.id).await.unwrap();
    assert!(deleted.deleted_at.is_some());
    assert_eq!(skus(&book.kontor, &anna, query(None)).await.1, 0);
    assert_eq!(book.kontor.get_product(&anna, product.id).await.unwrap().product, deleted);
    assert_eq!(book.kontor.find_product(&anna, "B-100").await.unwrap(), deleted);

    let before = common::dump(&book.kontor).await;
    assert_eq!(book.kontor.delete_product(&anna, product.id).await.unwrap_err().code(), "not_found");
    assert_eq!(
        book.kontor.update_product(&anna, product.id, ProductUpdate::from(&deleted)).await.unwrap_err().code(),
        "not_found"
    );
    let adjust = book.kontor.adjust_stock(&anna, product.id, adjustment(1, AdjustmentReason::Recount)).await;
    assert_eq!(adjust.unwrap_err().code(), "not_found");
    assert_eq!(book.kontor.add_product(&anna, bolt()).await.unwrap_err().code(), "duplicate");
    let mut conn = book.kontor.store().pool().acquire().await.unwrap();
    assert_eq!(products::orderable_by_sku(&mut conn, "B-100").await.unwrap_err().code(), "not_found");
    assert_eq!(products::check_sellable(&mut conn, &[product.id]).await.unwrap_err().code(), "not_found");
    drop(conn);
    assert_eq!(common::dump(&book.kontor).await, before);
}

#[tokio::test]
async fn orders_read_price_tax_and_whether_a_product_may_be_sold() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    let product = book.kontor.add_product(&anna, NewProduct { active: false, ..bolt() }).await.unwrap();
    let mut conn = book.kontor.store().pool().acquire().await.unwrap();
    let by_sku = products::orderable_by_sku(&mut conn, " b-100 ").await.unwrap();
    assert_eq!((by_sku.id, by_sku.sku.as_str(), by_sku.name.as_str()), (product.id, "B-100", "Hex bolt M8"));
    assert_eq!(
        (by_sku.unit_price, by_sku.tax_rate, by_sku.active),
        (amount("0.35"), TaxRate::parse("19").unwrap(), false)
    );
    let inactive = products::check_sellable(&mut conn, &[product.id]).await.unwrap_err();
    assert_eq!((inactive.code(), inactive.details()["sku"].as_str()), ("product_inactive", Some("B-100")));
    let active = book.kontor.add_product(&anna, NewProduct { sku: "B-200".into(), ..bolt() }).await.unwrap();
    products::check_sellable(&mut conn, &[active.id]).await.unwrap();
    // The first line that may not be sold is the one named.
    let first = products::check_sellable(&mut conn, &[active.id, product.id, 999]).await.unwrap_err();
    assert_eq!(first.details()["sku"].as_str(), Some("B-100"));
    let unknown = products::check_sellable(&mut conn, &[active.id, 999, product.id]).await.unwrap_err();
    assert_eq!((unknown.code(), unknown.details()["key"].as_str()), ("not_found", Some("999")));
    let missing = products::orderable_by_sku(&mut conn, "Z-9").await.unwrap_err();
    assert_eq!(
        (missing.code(), missing.details()["entity"].as_str(), missing.details()["key"].as_str()),
        ("not_found", Some("product"), Some("Z-9"))
    );
}

#[tokio::test]
async fn renaming_a_product_moves_it_in_the_name_search() {
    let (book, owner) = common::set_up_book().await;
    let anna = Actor::user(&owner);
    let product =
        book.kontor.add_product(&anna, NewProduct { name: "Łańcuch rowerowy".into(), ..bolt() }).await.unwrap();
    let found = |text: &'static str| {
        let kontor = book.kontor.clone();
        let anna = anna.clone();
        async move { skus(&kontor, &anna, query(Some(text))).await.1 }
    };
    assert_eq!(found("ŁAŃCUCH").await, 1, "any letter case, beyond ASCII");
    let mut update = ProductUpdate::from(&product);
    update.name = "Bicycle chain".into();
    book.kontor.update_product(&anna, product.id, update).await.unwrap();
    assert_eq!((found("cuch").await, found("cycle ch").await), (0, 1));
}
