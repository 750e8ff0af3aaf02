//! Shipping events reach a real local webhook at least once, in order, with
//! stable ids — also when the receiver is down for a while.

mod common;

use std::sync::{Arc, Mutex};

use chrono::Duration;
use kontor::staff::Actor;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// Requests the receiver got: (Idempotency-Key header, body).
type Received = Arc<Mutex<Vec<(String, String)>>>;

/// A minimal HTTP receiver on `listener` that answers 200 to every POST.
fn receive(listener: TcpListener) -> Received {
    let received: Received = Arc::default();
    let store = received.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let mut reader = BufReader::new(stream);
            let (mut key, mut length) = (String::new(), 0usize);
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).await.unwrap();
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some((name, value)) = line.split_once(':') {
                    match name.to_ascii_lowercase().as_str() {
                        "idempotency-key" => key = value.trim().to_string(),
                        "content-length" => length = value.trim().parse().unwrap(),
                        _ => {}
                    }
                }
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).await.unwrap();
            store.lock().unwrap().push((key, String::from_utf8(body).unwrap()));
            let mut stream = reader.into_inner();
            stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").await.unwrap();
        }
    });
    received
}

async fn pending_webhook_deliveries(book: &common::Book) -> Vec<(String, i64, Option<String>)> {
    sqlx::query_as("SELECT event_id, attempts, last_error FROM shipping_deliveries WHERE sink = 'webhook' AND delivered_at IS NULL ORDER BY event_id")
        .fetch_all(book.kontor.store().pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn events_wait_while_the_webhook_is_down_and_arrive_once_in_order_when_it_is_back() {
    let (book, owner) = common::set_up_book().await;
    let owner = Actor::user(&owner);
    let kontor = &book.kontor;
    let customer = common::customer(kontor, &owner, "Дмитрий Иванов", None).await;
    common::product(kontor, &owner, "A-1", "5.00", "19", 10).await;

    // A port nobody listens on: the receiver is down.
    let port = TcpListener::bind("127.0.0.1:0").await.unwrap().local_addr().unwrap().port();
    kontor.set_shipping_webhook(&owner, &format!("http://127.0.0.1:{port}/shipping")).await.unwrap();

    let first = kontor.create_order(&owner, common::order_input(customer.id, &[("A-1", 1)])).await.unwrap();
    kontor.ship_order(&owner, &first.number).await.unwrap();
    assert_eq!(kontor.deliver_shipping_events().await.unwrap(), 1, "the file gets it; the webhook does not");
    let pending = pending_webhook_deliveries(&book).await;
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].1, 1, "one attempt recorded");
    assert!(pending[0].2.is_some(), "with the reason");

    let second = kontor.create_order(&owner, common::order_input(customer.id, &[("A-1", 2)])).await.unwrap();
    kontor.ship_order(&owner, &second.number).await.unwrap();
    assert_eq!(kontor.deliver_shipping_events().await.unwrap(), 1, "the webhook waits for its back-off");

    let received = receive(TcpListener::bind(("127.0.0.1", port)).await.unwrap());
    book.clock.advance(Duration::seconds(31));
    assert_eq!(kontor.deliver_shipping_events().await.unwrap(), 2);
    assert_eq!(kontor.deliver_shipping_events().await.unwrap(), 0, "nothing is sent twice once acknowledged");

    let received = received.lock().unwrap().clone();
    let keys: Vec<&str> = received.iter().map(|(key, _)| key.as_str()).collect();
    assert_eq!(keys, [format!("{}-shipped", first.number), format!("{}-shipped", second.number)]);
    for (key, body) in &received {
        let event: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(event["id"], key.as_str(), "the body carries the same stable id");
    }
    // The file has each event exactly once, with the same ids.
    let file = std::fs::read_to_string(book.dir.path().join(kontor::orders::SHIPPING_EVENTS_FILE)).unwrap();
    let ids: Vec<String> = file
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap()["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, keys);
    assert!(pending_webhook_deliveries(&book).await.is_empty());
}

#[tokio::test]
async fn only_http_addresses_are_accepted_as_webhooks() {
    let (book, owner) = common::set_up_book().await;
    let owner = Actor::user(&owner);
    for bad in ["ftp://example.org", "http://", "localhost:8080", "just words"] {
        let error = book.kontor.set_shipping_webhook(&owner, bad).await.unwrap_err();
        assert_eq!(error.details()["field"], "shippingWebhookUrl", "{bad}");
    }
    let settings = book.kontor.set_shipping_webhook(&owner, "https://hooks.example.org/kontor").await.unwrap();
    assert_eq!(settings.shipping_webhook_url.as_deref(), Some("https://hooks.example.org/kontor"));
    assert_eq!(book.kontor.set_shipping_webhook(&owner, "").await.unwrap().shipping_webhook_url, None);
}
