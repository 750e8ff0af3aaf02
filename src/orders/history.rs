//! What an order's history entry records: the order as it was before and
//! after, in the few fields a person reads (status, totals, line quantities).

use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use sqlx::SqliteConnection;

use super::Order;
use crate::error::Result;
use crate::history::{self, Change};
use crate::staff::Actor;

fn summary(order: &Order) -> Value {
    json!({
        "status": order.status,
        "amountTotal": order.amount_total,
        "amountPaid": order.amount_paid,
        "lines": order.lines.iter().map(|line| json!({
            "sku": line.sku,
            "ordered": line.ordered,
            "cancelled": line.cancelled,
            "returned": line.returned,
            "state": line.state,
        })).collect::<Vec<_>>(),
    })
}

pub(super) async fn record(
    conn: &mut SqliteConnection,
    actor: &Actor,
    now: DateTime<Utc>,
    action: &'static str,
    before: Option<&Order>,
    after: &Order,
) -> Result<()> {
    history::record(
        conn,
        Change {
            entity: "order",
            entity_id: Some(after.id),
            action,
            before: before.map(summary),
            after: Some(summary(after)),
            actor,
            at: now,
        },
    )
    .await
}
