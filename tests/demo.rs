//! Demo data: a believable business in every status, the same for the same seed.

mod common;

use kontor::demo::DemoOptions;
use kontor::staff::Actor;

async fn demo_orders(seed: u64) -> (Vec<(String, String, i64, String)>, common::Book) {
    let (book, owner) = common::set_up_book().await;
    let summary =
        book.kontor.load_demo(&Actor::user(&owner), DemoOptions { orders: 250, seed }, |_, _| {}).await.unwrap();
    assert_eq!((summary.customers, summary.products, summary.orders), (60, 200, 250));
    let orders = sqlx::query_as(
        "SELECT o.number, o.status, o.amount_total, c.name FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.id",
    )
    .fetch_all(book.kontor.store().pool())
    .await
    .unwrap();
    (orders, book)
}

#[tokio::test]
async fn the_same_seed_gives_the_same_business_in_every_status() {
    let (first, book) = demo_orders(42).await;
    let (again, _) = demo_orders(42).await;
    assert_eq!(first, again);
    let (other, _) = demo_orders(43).await;
    assert_ne!(first, other);

    for status in ["draft", "placed", "processing", "shipped", "delivered", "cancelled"] {
        assert!(first.iter().any(|(_, s, ..)| s == status), "no {status} order");
    }
    let pool = book.kontor.store().pool();
    let newest: chrono::DateTime<chrono::Utc> =
        sqlx::query_scalar("SELECT max(created_at) FROM orders").fetch_one(pool).await.unwrap();
    assert!(newest <= book.kontor.now(), "no order is entered in the future ({newest})");
    let returned: i64 =
        sqlx::query_scalar("SELECT count(*) FROM order_lines WHERE returned > 0").fetch_one(pool).await.unwrap();
    let paid: i64 = sqlx::query_scalar("SELECT count(*) FROM payments").fetch_one(pool).await.unwrap();
    let vip: i64 = sqlx::query_scalar("SELECT count(*) FROM customers WHERE vip = 1").fetch_one(pool).await.unwrap();
    assert!(returned > 0 && paid > 100 && vip > 0, "returns {returned}, payments {paid}, VIPs {vip}");
}

#[tokio::test]
async fn demo_data_goes_into_an_empty_book_only() {
    let (book, owner) = common::set_up_book().await;
    let owner = Actor::user(&owner);
    common::customer(&book.kontor, &owner, "Existing Customer", None).await;
    let error = book.kontor.load_demo(&owner, DemoOptions { orders: 10, seed: 1 }, |_, _| {}).await.unwrap_err();
    assert_eq!(error.details()["field"], "demo");
}

#[tokio::test]
async fn demo_data_waits_for_the_business_to_be_set_up_and_writes_nothing_before() {
    let book = common::new_book().await;
    let before = common::dump(&book.kontor).await;
    let cli = Actor::operating_system("tester");
    let error = book.kontor.load_demo(&cli, DemoOptions { orders: 10, seed: 1 }, |_, _| {}).await.unwrap_err();
    assert_eq!(error.code(), "not_set_up");
    assert_eq!(common::dump(&book.kontor).await, before);
}
