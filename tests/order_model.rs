//! Model-based test: random sequences of order operations against the real
//! services, with the book's invariants checked after every step. The clock
//! moves on between steps, so changes land in other slots of the sales
//! rollup than the placings they change.

mod common;

use std::collections::HashMap;

use kontor::Kontor;
use kontor::money::Amount;
use kontor::orders::PaymentMethod;
use kontor::products::ProductUpdate;
use kontor::staff::Actor;
use proptest::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};

const SKUS: [&str; 3] = ["P-0", "P-1", "P-2"];
const INITIAL_STOCK: i64 = 40;

#[derive(Debug, Clone)]
enum Op {
    Place { customer: usize, lines: Vec<(usize, i64)> },
    UpdateQuantity { order: usize, product: usize, quantity: i64 },
    AddLine { order: usize, product: usize, quantity: i64 },
    CancelLine { order: usize, product: usize },
    CancelOrder { order: usize },
    Ship { order: usize },
    Deliver { order: usize },
    Return { order: usize, product: usize, quantity: i64, restock: bool },
    Pay { order: usize, cents: i64 },
    PriceChange { product: usize, cents: i64 },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..2usize, prop::collection::vec((0..3usize, 1..15i64), 1..3))
            .prop_map(|(customer, lines)| Op::Place { customer, lines }),
        2 => (0..8usize, 0..3usize, 1..20i64).prop_map(|(order, product, quantity)| Op::UpdateQuantity { order, product, quantity }),
        1 => (0..8usize, 0..3usize, 1..10i64).prop_map(|(order, product, quantity)| Op::AddLine { order, product, quantity }),
        1 => (0..8usize, 0..3usize).prop_map(|(order, product)| Op::CancelLine { order, product }),
        1 => (0..8usize).prop_map(|order| Op::CancelOrder { order }),
        2 => (0..8usize).prop_map(|order| Op::Ship { order }),
        1 => (0..8usize).prop_map(|order| Op::Deliver { order }),
        2 => (0..8usize, 0..3usize, 1..6i64, any::<bool>())
            .prop_map(|(order, product, quantity, restock)| Op::Return { order, product, quantity, restock }),
        1 => (0..8usize, 1..20_000i64).prop_map(|(order, cents)| Op::Pay { order, cents }),
        1 => (0..3usize, 1..5_000i64).prop_map(|(product, cents)| Op::PriceChange { product, cents }),
    ]
}

struct World {
    book: common::Book,
    owner: Actor,
    customers: Vec<i64>,
    orders: Vec<String>,
    order_history_entries: i64,
}

impl World {
    fn kontor(&self) -> &Kontor {
        &self.book.kontor
    }

    fn order(&self, index: usize) -> Option<String> {
        (!self.orders.is_empty()).then(|| self.orders[index % self.orders.len()].clone())
    }

    /// Runs one operation. A refusal must change nothing.
    async fn apply(&mut self, op: &Op) {
        let before = common::dump(self.kontor()).await;
        let result = self.run(op).await;
        match result {
            Ok(entries) => self.order_history_entries += entries,
            Err(error) => {
                assert_eq!(common::dump(self.kontor()).await, before, "refused {op:?} ({error}) changed the book");
            }
        }
    }

    /// The operation; Ok(history entries it should have written on orders).
    async fn run(&mut self, op: &Op) -> kontor::Result<i64> {
        let (kontor, owner) = (self.book.kontor.clone(), self.owner.clone());
        let amount = |cents: i64| Amount::new(Decimal::new(cents, 2));
        let no_order = || kontor::Error::NotFound { entity: "order", key: "none yet".into() };
        match op {
            Op::Place { customer, lines } => {
                let mut seen = Vec::new();
                let lines: Vec<(&str, i64)> = lines
                    .iter()
                    .filter(|(product, _)| {
                        !seen.contains(product) && {
                            seen.push(*product);
                            true
                        }
                    })
                    .map(|&(product, quantity)| (SKUS[product], quantity))
                    .collect();
                let order = kontor.create_order(&owner, common::order_input(self.customers[*customer], &lines)).await?;
                self.orders.push(order.number);
                Ok(2)
            }
            Op::UpdateQuantity { order, product, quantity } => {
                let number = self.order(*order).ok_or_else(no_order)?;
                let before = kontor.order_detail(&owner, &number).await?.order;
                let after = kontor.update_line_quantity(&owner, &number, SKUS[*product], *quantity).await?;
                Ok(i64::from(before != after))
            }
            Op::AddLine { order, product, quantity } => kontor
                .add_line(&owner, &self.order(*order).ok_or_else(no_order)?, SKUS[*product], *quantity)
                .await
                .map(|_| 1),
            Op::CancelLine { order, product } => {
                kontor.cancel_line(&owner, &self.order(*order).ok_or_else(no_order)?, SKUS[*product]).await.map(|_| 1)
            }
            Op::CancelOrder { order } => {
                kontor.cancel_order(&owner, &self.order(*order).ok_or_else(no_order)?).await.map(|_| 1)
            }
            Op::Ship { order } => kontor.ship_order(&owner, &self.order(*order).ok_or_else(no_order)?).await.map(|_| 1),
            Op::Deliver { order } => {
                kontor.deliver_order(&owner, &self.order(*order).ok_or_else(no_order)?).await.map(|_| 1)
            }
            Op::Return { order, product, quantity, restock } => kontor
                .return_line(&owner, &self.order(*order).ok_or_else(no_order)?, SKUS[*product], *quantity, *restock)
                .await
                .map(|_| 1),
            Op::Pay { order, cents } => kontor
                .record_payment(
                    &owner,
                    &self.order(*order).ok_or_else(no_order)?,
                    PaymentMethod::Cash,
                    amount(*cents),
                    "",
                )
                .await
                .map(|_| 1),
            Op::PriceChange { product, cents } => {
                let current = kontor.find_product(&owner, SKUS[*product]).await?;
                let mut update = ProductUpdate::from(&current);
                update.unit_price = amount(*cents);
                update.cost = amount(cents / 2);
                kontor.update_product(&owner, current.id, update).await.map(|_| 0)
            }
        }
    }

    async fn check_invariants(&self) {
        let pool = self.kontor().store().pool();
        // Stock: the initial count minus what non-draft orders keep (ordered − cancelled − restocked returns).
        let kept: Vec<(String, i64, i64)> = sqlx::query_as(
            "SELECT p.sku, p.stock, coalesce(sum(CASE WHEN o.status <> 'draft'
                     THEN l.ordered - l.cancelled - (l.returned - l.damaged) END), 0)
             FROM products p LEFT JOIN order_lines l ON l.product_id = p.id LEFT JOIN orders o ON o.id = l.order_id
             GROUP BY p.id",
        )
        .fetch_all(pool)
        .await
        .unwrap();
        for (sku, stock, kept) in kept {
            assert_eq!(stock, INITIAL_STOCK - kept, "stock of {sku}");
            assert!(stock >= 0, "negative stock of {sku}");
        }
        // Totals: rounded lines plus tax per rate rounded once.
        let lines: Vec<(i64, i64, i64, i64, i64)> = sqlx::query_as(
            "SELECT order_id, unit_price, tax_rate, ordered - cancelled - returned, amount FROM order_lines",
        )
        .fetch_all(pool)
        .await
        .unwrap();
        let mut expected: HashMap<i64, (Decimal, HashMap<i64, Decimal>)> = HashMap::new();
        for (order_id, unit_price, tax_rate, effective, amount) in lines {
            let line = round(Decimal::new(unit_price, 4) * Decimal::from(effective));
            assert_eq!(Decimal::new(amount, 4), line, "line amount on order {order_id}");
            let entry = expected.entry(order_id).or_default();
            entry.0 += line;
            *entry.1.entry(tax_rate).or_default() += line;
        }
        let orders: Vec<(i64, i64, i64, i64, i64)> =
            sqlx::query_as("SELECT id, amount_lines, amount_tax, amount_total, amount_total_base FROM orders")
                .fetch_all(pool)
                .await
                .unwrap();
        for (id, lines, tax, total, total_base) in orders {
            let (sum, by_rate) = expected.remove(&id).unwrap_or_default();
            let expected_tax: Decimal =
                by_rate.iter().map(|(rate, base)| round(*base * Decimal::new(*rate, 4) / Decimal::ONE_HUNDRED)).sum();
            assert_eq!(Decimal::new(lines, 4), sum, "lines of order {id}");
            assert_eq!(Decimal::new(tax, 4), expected_tax, "tax of order {id}");
            assert_eq!(total, lines + tax, "total of order {id}");
            assert_eq!(total_base, total, "single-currency book: base total = total");
        }
        // Balances: unshipped open totals, never over the limit.
        let balances: Vec<(i64, i64, i64, Option<i64>)> = sqlx::query_as(
            "SELECT c.id, c.balance,
                    (SELECT coalesce(sum(amount_total_base), 0) FROM orders
                     WHERE customer_id = c.id AND status IN ('placed', 'processing') AND shipped_at IS NULL),
                    c.credit_limit
             FROM customers c",
        )
        .fetch_all(pool)
        .await
        .unwrap();
        for (id, balance, open, limit) in balances {
            assert_eq!(balance, open, "balance of customer {id}");
            if let Some(limit) = limit {
                assert!(balance <= limit, "customer {id} over the limit without an override");
            }
        }
        let entries: i64 =
            sqlx::query_scalar("SELECT count(*) FROM history WHERE entity = 'order'").fetch_one(pool).await.unwrap();
        assert_eq!(entries, self.order_history_entries, "one history entry per successful operation");
        let running = sales_rollup(pool).await;
        let mut tx = self.kontor().store().write().await.unwrap();
        kontor::reports::rollup::rebuild(&mut tx).await.unwrap();
        let rebuilt = sales_rollup(&mut *tx).await;
        tx.rollback().await.unwrap();
        assert_eq!(running, rebuilt, "the sales rollup equals one rebuilt from the records");
    }
}

type RollupRow = (i64, String, String, i64, i64, i64, i64, i64, i64);

/// The rollup's rows that hold anything (a change and its undoing leave zeros).
async fn sales_rollup<'c, E: sqlx::SqliteExecutor<'c>>(executor: E) -> Vec<RollupRow> {
    sqlx::query_as(
        "SELECT slot, currency, exchange_rate, orders, booked, cancelled, returned, returned_units, cost
         FROM sales_rollup
         WHERE orders <> 0 OR booked <> 0 OR cancelled <> 0 OR returned <> 0 OR returned_units <> 0 OR cost <> 0
         ORDER BY slot, currency, exchange_rate",
    )
    .fetch_all(executor)
    .await
    .unwrap()
}

fn round(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

async fn world() -> World {
    let (book, owner) = common::set_up_book().await;
    let owner = Actor::user(&owner);
    let mut customers = Vec::new();
    for (name, limit) in [("Near Limit GmbH", Some("600")), ("No Limit Ltd", None)] {
        customers.push(common::customer(&book.kontor, &owner, name, limit).await.id);
    }
    for (sku, (price, tax)) in SKUS.iter().zip([("9.99", "19"), ("0.35", "7"), ("120.00", "0")]) {
        common::product(&book.kontor, &owner, sku, price, tax, INITIAL_STOCK).await;
    }
    World { book, owner, customers, orders: Vec::new(), order_history_entries: 0 }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_sequence_of_operations_keeps_the_books_consistent(ops in prop::collection::vec(op(), 1..40)) {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let mut world = world().await;
            for op in &ops {
                world.apply(op).await;
                world.check_invariants().await;
                world.book.clock.advance(chrono::Duration::minutes(97));
            }
        });
    }
}
