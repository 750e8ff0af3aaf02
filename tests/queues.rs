//! Work queues: each rule from DOMAIN.md on a small shop, the counts behind
//! the sidebar badges, "mark done" (who and when) and an item coming back
//! when it changes again; thresholds from Settings.

mod common;

use chrono::NaiveDate;
use kontor::Kontor;
use kontor::money::Amount;
use kontor::orders::PaymentMethod;
use kontor::queues::Queue;
use kontor::staff::{Actor, Role, SignedInUser};

fn amount(text: &str) -> Amount {
    Amount::parse("amount", text).unwrap()
}

struct Shop {
    book: common::Book,
    owner: Actor,
    clerk: Actor,
}

impl Shop {
    fn kontor(&self) -> &Kontor {
        &self.book.kontor
    }

    /// The order numbers (or product titles) waiting in a queue.
    async fn waiting(&self, queue: Queue) -> Vec<String> {
        let items = self.kontor().queue_items(&self.clerk, queue).await.unwrap();
        items.into_iter().map(|item| item.order_number.unwrap_or(item.title)).collect()
    }

    async fn count(&self, queue: Queue) -> i64 {
        let counts = self.kontor().queue_counts(&self.clerk).await.unwrap();
        counts.into_iter().find(|count| count.queue == queue).unwrap().count
    }
}

/// SO-000001 plain, SO-000002 for a VIP, SO-000003 large (12 units), SO-000004 urgent,
/// SO-000005 promised for yesterday, SO-000006 paid and shipped, then one unit returned.
/// Product B-2 is under its reorder level after the orders.
async fn shop() -> Shop {
    let (book, owner) = common::set_up_book().await;
    let owner = Actor::user(&owner);
    let clerk = common::add(&book.kontor, &owner, "cara", Role::Clerk).await;
    let clerk =
        Actor::user(&SignedInUser { id: clerk.id, name: clerk.name, username: clerk.username, role: clerk.role });
    let shop = Shop { book, owner, clerk };
    let kontor = shop.kontor();
    kontor.set_large_order_thresholds(&shop.owner, 10, amount("500")).await.unwrap();
    let plain = common::customer(kontor, &shop.owner, "Łukasz Müller", None).await.id;
    let vip = kontor
        .add_customer(
            &shop.owner,
            kontor::customers::NewCustomer { name: "Vera Ip".into(), vip: true, ..Default::default() },
        )
        .await
        .unwrap()
        .id;
    common::product(kontor, &shop.owner, "A-1", "10.00", "19", 100).await;
    let mut low = kontor::products::NewProduct {
        sku: "B-2".into(),
        name: "Hinge".into(),
        unit_price: amount("2.50"),
        cost: amount("1"),
        tax_rate: kontor::money::TaxRate::parse("7").unwrap(),
        stock: 10,
        reorder_level: 8,
        allow_backorder: false,
        active: true,
        notes: String::new(),
    };
    kontor.add_product(&shop.owner, low.clone()).await.unwrap();
    low.sku = "C-3".into(); // plenty on hand: never in the Products queue
    low.stock = 50;
    kontor.add_product(&shop.owner, low).await.unwrap();
    let order = |customer, lines: &[(&str, i64)]| common::order_input(customer, lines);
    kontor.create_order(&shop.clerk, order(plain, &[("A-1", 1)])).await.unwrap();
    kontor.create_order(&shop.clerk, order(vip, &[("A-1", 1)])).await.unwrap();
    kontor.create_order(&shop.clerk, order(plain, &[("A-1", 12)])).await.unwrap();
    let mut urgent = order(plain, &[("B-2", 1)]);
    urgent.urgent = true;
    kontor.create_order(&shop.clerk, urgent).await.unwrap();
    let mut late = order(plain, &[("C-3", 1)]);
    late.promised_date = Some(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()); // the clock says 2 Nov
    kontor.create_order(&shop.clerk, late).await.unwrap();
    let shipped = kontor.create_order(&shop.clerk, order(plain, &[("B-2", 2)])).await.unwrap();
    kontor.record_payment(&shop.clerk, &shipped.number, PaymentMethod::Card, shipped.amount_due, "").await.unwrap();
    kontor.ship_order(&shop.clerk, &shipped.number).await.unwrap();
    kontor.return_line(&shop.clerk, &shipped.number, "B-2", 1, false).await.unwrap();
    shop
}

#[tokio::test]
async fn each_queue_holds_what_its_rule_says() {
    let shop = shop().await;
    let all_open = ["SO-000001", "SO-000002", "SO-000003", "SO-000004", "SO-000005"];
    assert_eq!(shop.waiting(Queue::Sales).await, all_open);
    assert_eq!(shop.waiting(Queue::Vip).await, ["SO-000002"]);
    assert_eq!(shop.waiting(Queue::LargeOrders).await, ["SO-000003"]);
    assert_eq!(shop.waiting(Queue::Urgent).await, ["SO-000004", "SO-000005"]);
    assert_eq!(shop.waiting(Queue::Delivery).await, ["SO-000006"]);
    assert_eq!(shop.waiting(Queue::Returns).await, ["SO-000006"]);
    assert_eq!(shop.waiting(Queue::Refunds).await, ["SO-000006"]);
    assert_eq!(shop.waiting(Queue::Products).await, ["B-2 Hinge"]);
    let refund = shop.kontor().queue_items(&shop.clerk, Queue::Refunds).await.unwrap();
    // Paid 5.35 for two hinges; one kept now comes to 2.50 + 0.18 tax, so 2.67 is due back.
    assert_eq!(refund[0].amount, Some(amount("2.67")));
    let counts = shop.kontor().queue_counts(&shop.clerk).await.unwrap();
    let counts: Vec<(Queue, i64)> = counts.into_iter().map(|count| (count.queue, count.count)).collect();
    assert_eq!(
        counts,
        [
            (Queue::Sales, 5),
            (Queue::Vip, 1),
            (Queue::LargeOrders, 1),
            (Queue::Urgent, 2),
            (Queue::Returns, 1),
            (Queue::Refunds, 1),
            (Queue::Delivery, 1),
            (Queue::Products, 1)
        ]
    );
}

#[tokio::test]
async fn a_large_order_is_over_either_threshold_from_settings() {
    let shop = shop().await;
    // 500.00 total: SO-000003 is 12 × 10.00 + 19 % = 142.80; lower the amount to 100.
    shop.kontor().set_large_order_thresholds(&shop.owner, 50, amount("100")).await.unwrap();
    assert_eq!(shop.waiting(Queue::LargeOrders).await, ["SO-000003"]);
    shop.kontor().set_large_order_thresholds(&shop.owner, 50, amount("1000")).await.unwrap();
    assert!(shop.waiting(Queue::LargeOrders).await.is_empty());
    let settings = shop.kontor().settings().await.unwrap();
    assert_eq!((settings.large_order_quantity, settings.large_order_amount), (50, amount("1000")));
}

#[tokio::test]
async fn marking_done_records_who_and_when_and_a_change_brings_the_item_back() {
    let shop = shop().await;
    let kontor = shop.kontor();
    let line = kontor.queue_items(&shop.clerk, Queue::Returns).await.unwrap()[0].item_id;
    kontor.mark_done(&shop.clerk, Queue::Returns, line).await.unwrap();
    assert!(shop.waiting(Queue::Returns).await.is_empty());
    assert_eq!(shop.count(Queue::Returns).await, 0);
    let marks = kontor.queue_done(&shop.clerk, Queue::Returns).await.unwrap();
    assert_eq!((marks[0].item_id, marks[0].actor_name.as_str()), (line, "cara"));
    assert_eq!(marks[0].at, shop.book.clock.now());
    // Another unit returned: the line needs looking at again.
    kontor.return_line(&shop.clerk, "SO-000006", "B-2", 1, true).await.unwrap();
    assert_eq!(shop.waiting(Queue::Returns).await, ["SO-000006"]);
    // Paying the refund empties the Refunds queue without marking anything.
    let order = kontor.order_detail(&shop.owner, "SO-000006").await.unwrap();
    kontor.record_refund(&shop.owner, "SO-000006", PaymentMethod::Card, order.order.refund_due, "").await.unwrap();
    assert!(shop.waiting(Queue::Refunds).await.is_empty());
}

#[tokio::test]
async fn bad_marks_and_thresholds_are_refused_and_change_nothing() {
    let shop = shop().await;
    let kontor = shop.kontor();
    let before = common::dump(kontor).await;
    let error = kontor.mark_done(&shop.clerk, Queue::Vip, 999).await.unwrap_err();
    assert_eq!(error.code(), "not_found");
    let first = kontor.queue_items(&shop.clerk, Queue::Sales).await.unwrap()[0].item_id;
    assert_eq!(kontor.mark_done(&shop.clerk, Queue::Vip, first).await.unwrap_err().code(), "not_found");
    let error = kontor.set_large_order_thresholds(&shop.owner, 0, amount("10")).await.unwrap_err();
    assert_eq!((error.code(), error.details()["field"].as_str()), ("invalid_input", Some("largeOrderQuantity")));
    let error = kontor.set_large_order_thresholds(&shop.owner, 5, amount("-1")).await.unwrap_err();
    assert_eq!(error.details()["field"], "largeOrderAmount");
    assert_eq!(kontor.set_large_order_thresholds(&shop.clerk, 5, amount("1")).await.unwrap_err().code(), "forbidden");
    assert_eq!(Queue::parse("emergency").unwrap_err().details()["field"], "queue");
    assert_eq!(common::dump(kontor).await, before);
    kontor.mark_done(&shop.clerk, Queue::Sales, first).await.unwrap();
    assert_eq!(kontor.mark_done(&shop.clerk, Queue::Sales, first).await.unwrap_err().code(), "not_found");
}
