//! Every change to an order ends here, inside its transaction: the history
//! entry (the order before and after, in the few fields a person reads:
//! status, totals, line quantities) and the change's effect on the sales
//! rollup the reports read.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use sqlx::SqliteConnection;

use super::Order;
use crate::error::Result;
use crate::history::{self, Change};
use crate::reports::rollup;
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
    rollup::record_change(conn, before, after, now).await?;
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
