//! `kontor bench` on a small book: the generated data holds the same
//! invariants as data entered through the services, its indexes are back
//! after the bulk load, and the orders list's count stops at its cap.

mod common;

use kontor::orders::{OrderQuery, OrderStatus};
use kontor::staff::Actor;
use kontor::{Kontor, benchmark};
use serde_json::Value;

const ORDERS: i64 = 1_500;
const RUNS: i64 = 10;

async fn scalar(kontor: &Kontor, sql: &'static str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(kontor.store().pool()).await.unwrap()
}

#[tokio::test]
async fn the_benchmark_book_is_consistent_and_its_figures_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let args = ["bench", "--orders", "1500", "--products", "40", "--customers", "12", "--runs", "10", "--json"];
    let output = common::kontor_cli(dir.path(), &args, "");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!((report["orders"].as_i64(), report["lines"].as_i64()), (Some(ORDERS), Some(3 * ORDERS)));
    let timings = report["timings"].as_array().unwrap();
    assert_eq!(timings.len(), 5);
    // A placement writes its order, lines, stock, history and their indexes.
    let pages = report["pagesPerPlacement"].as_f64().unwrap();
    assert!((8.0..60.0).contains(&pages), "{pages} pages per placement");
    assert!(timings.iter().all(|timing| timing["p95Ms"].as_f64().unwrap() > 0.0));

    let kontor = Kontor::open(dir.path()).await.unwrap();
    // The measured placements, and those counting pages, come on top of the generated orders.
    let placed = ORDERS + RUNS + benchmark::WAL_SAMPLE as i64;
    assert_eq!(scalar(&kontor, "SELECT count(*) FROM orders").await, placed);
    assert_eq!(scalar(&kontor, "SELECT count(*) FROM order_lines").await, 3 * placed);
    let inconsistent_orders = scalar(
        &kontor,
        "SELECT count(*) FROM orders o WHERE amount_total != amount_lines + amount_tax
            OR amount_lines != (SELECT sum(amount) FROM order_lines WHERE order_id = o.id)",
    )
    .await;
    assert_eq!(inconsistent_orders, 0);
    let wrong_balances = scalar(
        &kontor,
        "SELECT count(*) FROM customers c WHERE balance != (SELECT coalesce(sum(amount_total_base), 0) FROM orders
            WHERE customer_id = c.id AND status IN ('placed', 'processing') AND shipped_at IS NULL)",
    )
    .await;
    assert_eq!(wrong_balances, 0);
    // The indexes dropped for the bulk load are all back.
    let indexes = scalar(
        &kontor,
        "SELECT count(*) FROM sqlite_master WHERE type = 'index'
            AND name IN ('orders_by_customer', 'orders_by_status', 'orders_by_created',
                         'order_lines_by_order', 'order_lines_by_product')",
    )
    .await;
    assert_eq!(indexes, 5);

    let actor = Actor::operating_system("bench-test");
    let all = kontor.list_orders(&actor, &OrderQuery { limit: 5, ..OrderQuery::default() }).await.unwrap();
    assert_eq!((all.total, all.at_least, all.items.len()), (1_000, true, 5));
    // A number search walks the number index backwards: newest first.
    let query = OrderQuery { search: Some("so-00001".into()), limit: 50, ..OrderQuery::default() };
    let numbered = kontor.list_orders(&actor, &query).await.unwrap();
    let numbers: Vec<&str> = numbered.items.iter().map(|order| order.number.as_str()).collect();
    let expected: Vec<String> = (10..=19).rev().map(|n| format!("SO-{n:06}")).collect();
    assert_eq!(
        (numbered.total, numbered.at_least, numbers),
        (10, false, expected.iter().map(String::as_str).collect())
    );
    // Many customers match "customer 0": the page walks orders by date and
    // still returns the newest of theirs first.
    let query = OrderQuery {
        status: Some(OrderStatus::Delivered),
        search: Some("customer 0".into()),
        limit: 20,
        ..OrderQuery::default()
    };
    let page = kontor.list_orders(&actor, &query).await.unwrap();
    let newest: Vec<i64> = sqlx::query_scalar(
        "SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id
         WHERE o.status = 'delivered' AND c.name LIKE '%customer 0%' ORDER BY o.created_at DESC, o.id DESC LIMIT 20",
    )
    .fetch_all(kontor.store().pool())
    .await
    .unwrap();
    assert_eq!(page.items.iter().map(|order| order.id).collect::<Vec<_>>(), newest);

    // A second run would mix its data into a book that already has some.
    let again = common::kontor_cli(dir.path(), &args, "");
    assert!(!again.status.success());
    let error: Value = serde_json::from_slice(&again.stderr).unwrap();
    assert_eq!((error["code"].as_str(), error["details"]["field"].as_str()), (Some("invalid_input"), Some("dataDir")));
}
