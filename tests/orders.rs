//! Every row of DOMAIN.md's operation table, good path and bad, against a
//! real database; each refusal is shown to leave the book unchanged.

mod common;

use chrono::Duration;
use kontor::Kontor;
use kontor::money::Amount;
use kontor::orders::{CreditWarning, LineState, OrderStatus, PaymentMethod, SHIPPING_EVENTS_FILE};
use kontor::products::ProductUpdate;
use kontor::staff::{Actor, Role, SignedInUser};

fn amount(text: &str) -> Amount {
    Amount::parse("amount", text).unwrap()
}

struct Shop {
    book: common::Book,
    owner: Actor,
    clerk: Actor,
    customer_id: i64,
}

/// A shop with a clerk, a customer with a 1,000.00 limit, and two products:
/// A-1 at 10.00 (19 % tax, 50 in stock) and B-2 at 2.50 (7 %, 10 in stock).
async fn shop() -> Shop {
    let (book, owner) = common::set_up_book().await;
    let owner = Actor::user(&owner);
    let clerk = common::add(&book.kontor, &owner, "cara", Role::Clerk).await;
    let clerk =
        Actor::user(&SignedInUser { id: clerk.id, name: clerk.name, username: clerk.username, role: clerk.role });
    let customer = common::customer(&book.kontor, &owner, "Łukasz Müller", Some("1000")).await;
    common::product(&book.kontor, &owner, "A-1", "10.00", "19", 50).await;
    common::product(&book.kontor, &owner, "B-2", "2.50", "7", 10).await;
    Shop { book, owner, clerk, customer_id: customer.id }
}

impl Shop {
    fn kontor(&self) -> &Kontor {
        &self.book.kontor
    }

    async fn place(&self, lines: &[(&str, i64)]) -> kontor::orders::Order {
        self.kontor().create_order(&self.clerk, common::order_input(self.customer_id, lines)).await.unwrap()
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
async fn placing_takes_stock_copies_prices_and_raises_the_balance() {
    let shop = shop().await;
    let order = shop.place(&[("A-1", 3), ("B-2", 4)]).await;
    assert_eq!(order.status, OrderStatus::Placed);
    assert_eq!(order.number, format!("SO-{:06}", order.id));
    // 30.00 at 19 % = 5.70; 10.00 at 7 % = 0.70.
    assert_eq!(
        (order.amount_lines, order.amount_tax, order.amount_total),
        (amount("40.00"), amount("6.40"), amount("46.40"))
    );
    assert_eq!(order.amount_total.to_string(), "46.40");
    assert_eq!((common::stock_of(shop.kontor(), "A-1").await, common::stock_of(shop.kontor(), "B-2").await), (47, 6));
    assert_eq!(common::balance_of(shop.kontor(), shop.customer_id).await, "46.40");

    // A later price change does not touch the line (seed 002: the price is copied).
    let product = shop.kontor().find_product(&shop.owner, "A-1").await.unwrap();
    let mut update = ProductUpdate::from(&product);
    update.unit_price = amount("99.00");
    shop.kontor().update_product(&shop.owner, product.id, update).await.unwrap();
    let detail = shop.kontor().order_detail(&shop.clerk, &order.number).await.unwrap();
    assert_eq!(detail.order.line("A-1").unwrap().unit_price, amount("10.00"));
    let actions: Vec<&str> = detail.history.iter().map(|entry| entry.action.as_str()).collect();
    assert_eq!(actions, ["entered", "placed"]);
    assert!(detail.history.iter().all(|entry| entry.actor_name == "cara"));
}

/// More lines than one SQLite statement may carry (it binds at most 32,766
/// values): the order is written in several statements, and a refusal in the
/// last of them still leaves the book as it was.
#[tokio::test]
async fn an_order_of_a_thousand_lines_and_more_is_placed_whole_or_not_at_all() {
    let shop = shop().await;
    const LINES: i64 = 3_100;
    // Bulk products straight into the table: through the service this would
    // be 3,100 transactions. 1.00 each at 10 % tax; the last one has no stock.
    sqlx::query(
        "WITH RECURSIVE n (k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < ?1)
         INSERT INTO products (sku, name, unit_price, cost, tax_rate, stock, reorder_level, allow_backorder, active,
                               notes, created_at, updated_at)
         SELECT printf('BULK-%04d', k), printf('Bulk %d', k), 10000, 5000, 100000, CASE WHEN k = ?1 THEN 0 ELSE 5 END,
                0, 0, 1, '', '2026-11-02T09:00:00Z', '2026-11-02T09:00:00Z'
         FROM n",
    )
    .bind(LINES)
    .execute(shop.kontor().store().pool())
    .await
    .unwrap();
    let skus: Vec<String> = (1..=LINES).map(|k| format!("BULK-{k:04}")).collect();
    let lines: Vec<(&str, i64)> = skus.iter().map(|sku| (sku.as_str(), 2)).collect();
    let mut big = common::order_input(shop.customer_id, &lines);
    big.credit_override = Some("wholesale order, paid in advance".into());
    let owner = &shop.owner;

    let error = shop.refused("insufficient_stock", shop.kontor().create_order(owner, big.clone())).await;
    assert_eq!(error.details()["sku"].as_str(), Some("BULK-3100"));

    big.lines.pop();
    let order = shop.kontor().create_order(owner, big).await.unwrap();
    assert_eq!(order.lines.len(), 3_099);
    // 3,099 × 2 × 1.00 = 6,198.00, plus 10 % tax.
    assert_eq!((order.amount_lines, order.amount_total), (amount("6198.00"), amount("6817.80")));
    assert_eq!(
        (common::stock_of(shop.kontor(), "BULK-0001").await, common::stock_of(shop.kontor(), "BULK-3099").await),
        (3, 3)
    );
    let moved: i64 = sqlx::query_scalar("SELECT count(*) FROM stock_movements WHERE order_id = ?")
        .bind(order.id)
        .fetch_one(shop.kontor().store().pool())
        .await
        .unwrap();
    assert_eq!(moved, 3_099);
    assert_eq!(common::balance_of(shop.kontor(), shop.customer_id).await, "6817.80");
}

#[tokio::test]
async fn placing_is_refused_for_missing_stock_credit_or_an_inactive_product() {
    let shop = shop().await;
    let error = shop
        .refused(
            "insufficient_stock",
            shop.kontor().create_order(&shop.clerk, common::order_input(shop.customer_id, &[("B-2", 11)])),
        )
        .await;
    assert_eq!((error.details()["available"].as_i64(), error.details()["requested"].as_i64()), (Some(10), Some(11)));

    // 50 + 34 units at 11.90 (with tax) = 999.60 fits; one more unit (11.90) does not.
    shop.place(&[("A-1", 50)]).await;
    common::product(shop.kontor(), &shop.owner, "C-3", "10.00", "19", 100).await;
    shop.place(&[("C-3", 34)]).await;
    assert_eq!(common::balance_of(shop.kontor(), shop.customer_id).await, "999.60");
    let error = shop
        .refused(
            "credit_limit_exceeded",
            shop.kontor().create_order(&shop.clerk, common::order_input(shop.customer_id, &[("C-3", 1)])),
        )
        .await;
    let details = error.details();
    assert_eq!(
        (details["balance"].as_str(), details["limit"].as_str(), details["orderAmount"].as_str()),
        (Some("999.60"), Some("1000.00"), Some("11.90"))
    );
    assert!(error.to_string().contains("1011.50"), "{error}");

    let product = shop.kontor().find_product(&shop.owner, "B-2").await.unwrap();
    let mut update = ProductUpdate::from(&product);
    update.active = false;
    shop.kontor().update_product(&shop.owner, product.id, update).await.unwrap();
    let mut draft = common::order_input(shop.customer_id, &[("B-2", 1)]);
    draft.place = false;
    let draft = shop.kontor().create_order(&shop.clerk, draft).await.unwrap();
    shop.refused("product_inactive", shop.kontor().place_order(&shop.clerk, &draft.number, None)).await;
}

#[tokio::test]
async fn the_preview_warns_with_the_credit_refusals_figures_and_writes_nothing() {
    let shop = shop().await;
    shop.place(&[("A-1", 10)]).await;
    common::product(shop.kontor(), &shop.owner, "BIG", "1000.00", "0", 5).await;
    let before = common::dump(shop.kontor()).await;
    let over = common::order_input(shop.customer_id, &[("BIG", 1)]);
    let preview = shop.kontor().preview_order(&shop.clerk, over.clone()).await.unwrap();
    assert_eq!(preview.order.amount_total, amount("1000.00"));
    let expected = CreditWarning {
        customer: "Łukasz Müller".into(),
        currency: "EUR".into(),
        balance: "119.00".into(),
        order_amount: "1000.00".into(),
        balance_after: "1119.00".into(),
        limit: "1000.00".into(),
    };
    assert_eq!(preview.credit_warning.as_ref(), Some(&expected));
    let json = serde_json::to_value(&preview).unwrap();
    assert_eq!(
        (json["creditWarning"]["orderAmount"].as_str(), json["creditWarning"]["balanceAfter"].as_str()),
        (Some("1000.00"), Some("1119.00"))
    );
    assert_eq!(common::dump(shop.kontor()).await, before, "a preview writes nothing");

    // Placing it meets the same figures as a refusal.
    let refusal = shop.refused("credit_limit_exceeded", shop.kontor().create_order(&shop.clerk, over.clone())).await;
    let details = refusal.details();
    assert_eq!(
        (details["balance"].as_str(), details["balanceAfter"].as_str(), details["limit"].as_str()),
        (Some("119.00"), Some("1119.00"), Some("1000.00"))
    );

    // A draft is not checked, and an order within the limit has no warning.
    let draft = shop.kontor().preview_order(&shop.clerk, kontor::orders::NewOrder { place: false, ..over }).await;
    assert_eq!(draft.unwrap().credit_warning, None);
    let within = common::order_input(shop.customer_id, &[("A-1", 1)]);
    assert_eq!(shop.kontor().preview_order(&shop.clerk, within).await.unwrap().credit_warning, None);
}

#[tokio::test]
async fn a_manager_may_override_the_credit_limit_for_one_order_and_it_is_recorded() {
    let shop = shop().await;
    common::product(shop.kontor(), &shop.owner, "BIG", "2000.00", "0", 5).await;
    let mut input = common::order_input(shop.customer_id, &[("BIG", 1)]);
    input.credit_override = Some("regular customer, pays on delivery".into());
    shop.refused("forbidden", shop.kontor().create_order(&shop.clerk, input.clone())).await;
    let order = shop.kontor().create_order(&shop.owner, input).await.unwrap();
    assert_eq!(order.credit_override_by.as_deref(), Some("anna"));
    assert_eq!(order.credit_override_reason.as_deref(), Some("regular customer, pays on delivery"));
    assert_eq!(common::balance_of(shop.kontor(), shop.customer_id).await, "2000.00");
}

#[tokio::test]
async fn raising_a_quantity_rechecks_credit_and_lowering_gives_stock_back() {
    let shop = shop().await;
    let order = shop.place(&[("A-1", 2)]).await;
    let order = shop.kontor().update_line_quantity(&shop.clerk, &order.number, "a-1", 5).await.unwrap();
    let line = order.line("A-1").unwrap();
    assert_eq!((line.ordered, line.effective, line.state), (5, 5, LineState::Updated));
    assert_eq!(common::stock_of(shop.kontor(), "A-1").await, 45);
    assert_eq!(order.amount_total, amount("59.50"));

    // Seed 002: raising a pending order's quantity re-runs the credit check.
    common::product(shop.kontor(), &shop.owner, "PRICY", "400.00", "0", 10).await;
    let order = shop.kontor().add_line(&shop.clerk, &order.number, "PRICY", 2).await.unwrap();
    shop.refused("credit_limit_exceeded", shop.kontor().update_line_quantity(&shop.clerk, &order.number, "PRICY", 3))
        .await;

    let order = shop.kontor().update_line_quantity(&shop.clerk, &order.number, "A-1", 1).await.unwrap();
    assert_eq!(common::stock_of(shop.kontor(), "A-1").await, 49);
    assert_eq!(order.line("A-1").unwrap().ordered, 1);
    for bad in [0, -3] {
        shop.refused("invalid_quantity", shop.kontor().update_line_quantity(&shop.clerk, &order.number, "A-1", bad))
            .await;
    }
    shop.refused("not_found", shop.kontor().update_line_quantity(&shop.clerk, &order.number, "B-2", 1)).await;
    shop.refused("insufficient_stock", shop.kontor().update_line_quantity(&shop.clerk, &order.number, "A-1", 51)).await;
}

#[tokio::test]
async fn swapping_a_product_cancels_one_line_and_copies_the_new_price() {
    let shop = shop().await;
    let order = shop.place(&[("A-1", 2)]).await;
    shop.refused("invalid_input", shop.kontor().add_line(&shop.clerk, &order.number, "A-1", 1)).await;
    let order = shop.kontor().cancel_line(&shop.clerk, &order.number, "A-1").await.unwrap();
    assert_eq!(common::stock_of(shop.kontor(), "A-1").await, 50);
    let order = shop.kontor().add_line(&shop.clerk, &order.number, "B-2", 2).await.unwrap();
    let line = order.line("B-2").unwrap();
    assert_eq!((line.unit_price, line.state), (amount("2.50"), LineState::Placed));
    assert_eq!(order.amount_total, amount("5.35"));
    assert_eq!(order.lines[0].state, LineState::Cancelled);
    shop.refused("invalid_input", shop.kontor().cancel_line(&shop.clerk, &order.number, "A-1")).await;
}

#[tokio::test]
async fn cancelling_an_order_restores_all_stock_and_only_while_open() {
    let shop = shop().await;
    let order = shop.place(&[("A-1", 5), ("B-2", 5)]).await;
    let cancelled = shop.kontor().cancel_order(&shop.clerk, &order.number).await.unwrap();
    assert_eq!(cancelled.status, OrderStatus::Cancelled);
    assert!(cancelled.cancelled_at.is_some());
    assert_eq!((common::stock_of(shop.kontor(), "A-1").await, common::stock_of(shop.kontor(), "B-2").await), (50, 10));
    assert_eq!(common::balance_of(shop.kontor(), shop.customer_id).await, "0.00");
    assert_eq!(cancelled.amount_total, Amount::ZERO);
    shop.refused("invalid_state", shop.kontor().cancel_order(&shop.clerk, &order.number)).await;

    let shipped = shop.place(&[("A-1", 1)]).await;
    shop.kontor().ship_order(&shop.clerk, &shipped.number).await.unwrap();
    shop.refused("invalid_state", shop.kontor().cancel_order(&shop.clerk, &shipped.number)).await;
    shop.refused("invalid_state", shop.kontor().add_line(&shop.clerk, &shipped.number, "B-2", 1)).await;
}

#[tokio::test]
async fn shipping_frees_the_balance_and_writes_one_event_delivered_to_the_jsonl_file() {
    let shop = shop().await;
    let order = shop.place(&[("A-1", 2), ("B-2", 1)]).await;
    let shipped = shop.kontor().ship_order(&shop.clerk, &order.number).await.unwrap();
    assert_eq!(shipped.status, OrderStatus::Shipped);
    assert!(shipped.shipped_at.is_some());
    assert_eq!(common::balance_of(shop.kontor(), shop.customer_id).await, "0.00");

    let data_dir = shop.book.dir.path();
    assert_eq!(shop.kontor().deliver_shipping_events().await.unwrap(), 1);
    assert_eq!(shop.kontor().deliver_shipping_events().await.unwrap(), 0, "delivered once");
    let file = std::fs::read_to_string(data_dir.join(SHIPPING_EVENTS_FILE)).unwrap();
    let event: serde_json::Value = serde_json::from_str(file.lines().next().unwrap()).unwrap();
    assert_eq!(event["id"], format!("{}-shipped", order.number));
    assert_eq!(event["destination"], "Łukasz Müller, Hauptstraße 1, Berlin");
    assert_eq!(event["lines"][0]["quantity"], 2);
    let detail = shop.kontor().order_detail(&shop.clerk, &order.number).await.unwrap();
    assert_eq!(detail.shipping_events.len(), 1);
    assert!(detail.shipping_events[0].delivered_at.is_some());

    shop.refused("invalid_state", shop.kontor().ship_order(&shop.clerk, &order.number)).await;
    let delivered = shop.kontor().deliver_order(&shop.clerk, &order.number).await.unwrap();
    assert_eq!(delivered.status, OrderStatus::Delivered);
    shop.refused("invalid_state", shop.kontor().deliver_order(&shop.clerk, &order.number)).await;
}

#[tokio::test]
async fn returns_need_shipped_units_and_restock_unless_damaged() {
    let shop = shop().await;
    let order = shop.place(&[("A-1", 4)]).await;
    // Seed 000: "You cannot return as you have zero order placed".
    let error = shop
        .refused("return_exceeds_shipped", shop.kontor().return_line(&shop.clerk, &order.number, "A-1", 1, true))
        .await;
    assert_eq!(error.details()["shipped"], 0);

    shop.kontor()
        .record_payment(&shop.clerk, &order.number, PaymentMethod::Card, amount("47.60"), "till 1")
        .await
        .unwrap();
    shop.kontor().ship_order(&shop.clerk, &order.number).await.unwrap();
    let order = shop.kontor().return_line(&shop.clerk, &order.number, "A-1", 1, true).await.unwrap();
    assert_eq!(common::stock_of(shop.kontor(), "A-1").await, 47);
    assert_eq!((order.amount_total, order.refund_due), (amount("35.70"), amount("11.90")));
    let order = shop.kontor().return_line(&shop.clerk, &order.number, "A-1", 1, false).await.unwrap();
    assert_eq!(common::stock_of(shop.kontor(), "A-1").await, 47, "damaged units are not restocked");
    let line = order.line("A-1").unwrap();
    assert_eq!((line.returned, line.damaged, line.effective, line.state), (2, 1, 2, LineState::Returned));
    shop.refused("return_exceeds_shipped", shop.kontor().return_line(&shop.clerk, &order.number, "A-1", 3, true)).await;
    shop.refused("not_found", shop.kontor().return_line(&shop.clerk, &order.number, "B-2", 1, true)).await;

    // The refund due is paid back by a manager, never more than was paid.
    shop.refused(
        "forbidden",
        shop.kontor().record_refund(&shop.clerk, &order.number, PaymentMethod::Card, amount("23.80"), ""),
    )
    .await;
    shop.refused(
        "invalid_payment",
        shop.kontor().record_refund(&shop.owner, &order.number, PaymentMethod::Card, amount("47.61"), ""),
    )
    .await;
    let order = shop
        .kontor()
        .record_refund(&shop.owner, &order.number, PaymentMethod::Card, amount("23.80"), "RF-1")
        .await
        .unwrap();
    assert_eq!((order.amount_paid, order.refund_due), (amount("23.80"), Amount::ZERO));
}

#[tokio::test]
async fn payments_start_processing_and_never_exceed_what_is_due() {
    let shop = shop().await;
    let order = shop.place(&[("B-2", 2)]).await; // 5.35
    shop.refused(
        "invalid_payment",
        shop.kontor().record_payment(&shop.clerk, &order.number, PaymentMethod::Cash, amount("5.36"), ""),
    )
    .await;
    shop.refused(
        "invalid_payment",
        shop.kontor().record_payment(&shop.clerk, &order.number, PaymentMethod::Cash, amount("0"), ""),
    )
    .await;
    shop.refused(
        "invalid_payment",
        shop.kontor().record_payment(&shop.clerk, &order.number, PaymentMethod::Cash, amount("1.001"), ""),
    )
    .await;
    let order = shop
        .kontor()
        .record_payment(&shop.clerk, &order.number, PaymentMethod::Cash, amount("5.00"), "")
        .await
        .unwrap();
    assert_eq!((order.status, order.amount_paid), (OrderStatus::Processing, amount("5.00")));
    let order = shop
        .kontor()
        .record_payment(&shop.clerk, &order.number, PaymentMethod::Card, amount("0.35"), "")
        .await
        .unwrap();
    let detail = shop.kontor().order_detail(&shop.clerk, &order.number).await.unwrap();
    assert_eq!(detail.payments.len(), 2);
    assert_eq!(detail.order.amount_paid, detail.order.amount_total);
}

#[tokio::test]
async fn shipped_orders_are_delivered_after_the_transit_days_by_system_once() {
    let shop = shop().await;
    let early = shop.place(&[("A-1", 1)]).await;
    shop.kontor().ship_order(&shop.clerk, &early.number).await.unwrap();
    shop.book.clock.advance(Duration::days(2));
    let late = shop.place(&[("A-1", 1)]).await;
    shop.kontor().ship_order(&shop.clerk, &late.number).await.unwrap();
    shop.book.clock.advance(Duration::days(1));

    assert_eq!(shop.kontor().advance_shipped_orders(3).await.unwrap(), 1);
    assert_eq!(shop.kontor().advance_shipped_orders(3).await.unwrap(), 0, "idempotent");
    let detail = shop.kontor().order_detail(&shop.clerk, &early.number).await.unwrap();
    assert_eq!(detail.order.status, OrderStatus::Delivered);
    assert_eq!(detail.history.last().unwrap().actor_name, "system");
    let late = shop.kontor().order_detail(&shop.clerk, &late.number).await.unwrap();
    assert_eq!(late.order.status, OrderStatus::Shipped);
}

#[tokio::test]
async fn foreign_currency_orders_freeze_their_rate_and_count_in_base_currency() {
    let shop = shop().await;
    let mut input = common::order_input(shop.customer_id, &[("A-1", 1)]);
    input.currency = Some("USD".into());
    shop.refused("no_exchange_rate", shop.kontor().create_order(&shop.clerk, input.clone())).await;
    input.exchange_rate = Some("0.9213".into());
    let order = shop.kontor().create_order(&shop.clerk, input).await.unwrap();
    assert_eq!((order.currency.as_str(), order.exchange_rate.as_str()), ("USD", "0.9213"));
    // The 10.00 EUR price in USD: 10.00 / 0.9213 = 10.8542; with 19 % tax 10.85 + 2.06 = 12.91 USD,
    // which is 12.91 × 0.9213 = 11.894 → 11.89 EUR.
    assert_eq!(order.line("A-1").unwrap().unit_price, amount("10.8542"));
    assert_eq!(order.amount_total, amount("12.91"));
    assert_eq!(order.amount_total_base, amount("11.89"));
    assert_eq!(common::balance_of(shop.kontor(), shop.customer_id).await, "11.89");
}

#[tokio::test]
async fn order_entry_refuses_bad_lines_field_by_field() {
    let shop = shop().await;
    let cases: [(&[(&str, i64)], &str); 4] = [
        (&[], "invalid_input"),
        (&[("A-1", 0)], "invalid_quantity"),
        (&[("A-1", 1), ("a-1", 2)], "invalid_input"),
        (&[("NOPE", 1)], "not_found"),
    ];
    for (lines, code) in cases {
        shop.refused(code, shop.kontor().create_order(&shop.clerk, common::order_input(shop.customer_id, lines))).await;
    }
    shop.refused("not_found", shop.kontor().create_order(&shop.clerk, common::order_input(999, &[("A-1", 1)]))).await;
}

#[tokio::test]
async fn the_orders_list_filters_searches_and_pages_in_sql() {
    let shop = shop().await;
    let other = common::customer(shop.kontor(), &shop.owner, "Σοφία Παπαδοπούλου", None).await;
    for _ in 0..3 {
        shop.place(&[("B-2", 1)]).await;
    }
    let mut urgent = common::order_input(other.id, &[("A-1", 1)]);
    urgent.urgent = true;
    let urgent = shop.kontor().create_order(&shop.clerk, urgent).await.unwrap();
    shop.kontor().ship_order(&shop.clerk, &urgent.number).await.unwrap();

    let query = |f: &dyn Fn(&mut kontor::orders::OrderQuery)| {
        let mut query = kontor::orders::OrderQuery { limit: 2, ..Default::default() };
        f(&mut query);
        query
    };
    let page = shop.kontor().list_orders(&shop.clerk, &query(&|_| {})).await.unwrap();
    assert_eq!((page.items.len(), page.total), (2, 4));
    assert_eq!(page.items[0].number, urgent.number, "newest first");
    let shipped =
        shop.kontor().list_orders(&shop.clerk, &query(&|q| q.status = Some(OrderStatus::Shipped))).await.unwrap();
    assert_eq!(shipped.total, 1);
    let by_name = shop.kontor().list_orders(&shop.clerk, &query(&|q| q.search = Some("Σοφία".into()))).await.unwrap();
    assert_eq!(by_name.total, 1);
    let number = urgent.number.to_lowercase();
    let by_number = shop.kontor().list_orders(&shop.clerk, &query(&|q| q.search = Some(number.clone()))).await.unwrap();
    assert_eq!(by_number.total, 1, "order numbers match in any letter case");
    let urgent_only = shop.kontor().list_orders(&shop.clerk, &query(&|q| q.urgent_only = true)).await.unwrap();
    assert_eq!(urgent_only.total, 1);
    let error = shop.kontor().list_orders(&shop.clerk, &query(&|q| q.limit = 0)).await.unwrap_err();
    assert_eq!(error.details()["field"], "limit");
}

#[tokio::test]
async fn two_processes_placing_at_once_never_oversell_or_lose_an_order() {
    let shop = shop().await;
    let other = Kontor::open_with_clock(shop.book.dir.path(), shop.book.clock.clone()).await.unwrap();
    let mut tasks = Vec::new();
    for i in 0..16 {
        let kontor = if i % 2 == 0 { shop.kontor().clone() } else { other.clone() };
        let (clerk, customer_id) = (shop.clerk.clone(), shop.customer_id);
        tasks.push(tokio::spawn(async move {
            kontor.create_order(&clerk, common::order_input(customer_id, &[("B-2", 1)])).await
        }));
    }
    let mut placed = 0;
    for task in tasks {
        match task.await.unwrap() {
            Ok(_) => placed += 1,
            Err(error) => assert_eq!(error.code(), "insufficient_stock"),
        }
    }
    assert_eq!(placed, 10, "exactly the 10 in stock");
    assert_eq!(common::stock_of(shop.kontor(), "B-2").await, 0);
    let orders: i64 =
        sqlx::query_scalar("SELECT count(*) FROM orders").fetch_one(shop.kontor().store().pool()).await.unwrap();
    assert_eq!(orders, 10, "every successful order is stored, no refused one is");
}

#[tokio::test]
async fn a_search_matching_many_customers_still_lists_their_orders_newest_first() {
    let shop = shop().await;
    let mut numbers = Vec::new();
    for n in 0..25 {
        let customer = common::customer(shop.kontor(), &shop.owner, &format!("Acme branch {n:02}"), None).await;
        let order = shop.kontor().create_order(&shop.clerk, common::order_input(customer.id, &[("B-2", 1)])).await;
        let order = match order {
            Ok(order) => order,
            Err(_) => break, // B-2 has 10 in stock; the rest are refused
        };
        numbers.push(order.number);
        shop.book.clock.advance(Duration::minutes(1));
    }
    shop.place(&[("A-1", 1)]).await; // another customer's order, not matched
    let query = kontor::orders::OrderQuery { search: Some("acme".into()), limit: 4, ..Default::default() };
    let page = shop.kontor().list_orders(&shop.clerk, &query).await.unwrap();
    let listed: Vec<&str> = page.items.iter().map(|o| o.number.as_str()).collect();
    let newest: Vec<&str> = numbers.iter().rev().take(4).map(String::as_str).collect();
    assert_eq!((listed, page.total), (newest, 10));
}
