//! Work queues: saved views over orders, lines and products, each with a
//! count for the sidebar badge. An item marked done leaves its queue (who
//! and when are kept) until it changes again.

mod rules;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::{AssertSqlSafe, SqliteConnection};
use ts_rs::TS;

use crate::Kontor;
use crate::error::{Error, Result};
use crate::history::{self, Change};
use crate::money::Amount;
use crate::reports::zone::Zone;
use crate::settings;
use crate::staff::{Actor, Permission};

/// How many items a queue lists at once, oldest first.
pub const PAGE: i64 = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Queue {
    Sales,
    Vip,
    LargeOrders,
    Urgent,
    Returns,
    Refunds,
    Delivery,
    Products,
}

impl Queue {
    pub const ALL: [Queue; 8] = [
        Queue::Sales,
        Queue::Vip,
        Queue::LargeOrders,
        Queue::Urgent,
        Queue::Returns,
        Queue::Refunds,
        Queue::Delivery,
        Queue::Products,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Queue::Sales => "sales",
            Queue::Vip => "vip",
            Queue::LargeOrders => "large_orders",
            Queue::Urgent => "urgent",
            Queue::Returns => "returns",
            Queue::Refunds => "refunds",
            Queue::Delivery => "delivery",
            Queue::Products => "products",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Queue::Sales => "Sales",
            Queue::Vip => "VIP",
            Queue::LargeOrders => "Large orders",
            Queue::Urgent => "Urgent",
            Queue::Returns => "Returns",
            Queue::Refunds => "Refunds",
            Queue::Delivery => "Delivery",
            Queue::Products => "Products",
        }
    }

    pub fn parse(text: &str) -> Result<Queue> {
        let wanted = text.trim().to_ascii_lowercase().replace('-', "_");
        Queue::ALL.into_iter().find(|queue| queue.as_str() == wanted).ok_or_else(|| Error::InvalidInput {
            field: "queue",
            reason: format!("\"{text}\" is not a queue ({})", Queue::ALL.map(Queue::as_str).join(", ")),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct QueueCount {
    pub queue: Queue,
    pub label: String,
    #[ts(type = "number")]
    pub count: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct QueueItem {
    pub queue: Queue,
    /// The order, line or product this item is about (per queue).
    #[ts(type = "number")]
    pub item_id: i64,
    #[ts(type = "number | null")]
    pub order_id: Option<i64>,
    pub order_number: Option<String>,
    pub title: String,
    pub detail: String,
    /// Base currency for orders; the order's currency for a refund due.
    pub amount: Option<Amount>,
    pub at: DateTime<Utc>,
}

/// A queue's rule with the items already marked done in their current state left out.
fn pending(queue: Queue) -> String {
    format!(
        "WITH params(quantity, amount, today) AS (SELECT ?1, ?2, ?3)
         SELECT * FROM ({}) AS item
         WHERE NOT EXISTS (SELECT 1 FROM queue_done d WHERE d.queue = '{}' AND d.item_id = item.item_id
                           AND d.state = item.state)",
        rules::sql(queue),
        queue.as_str()
    )
}

/// What the rules read besides the records: thresholds and today's date.
struct Params {
    quantity: i64,
    amount: i64,
    today: String,
}

async fn params(conn: &mut SqliteConnection, now: DateTime<Utc>) -> Result<Params> {
    Ok(Params {
        quantity: settings::large_order_quantity(conn).await?,
        amount: settings::large_order_amount(conn).await?.to_storage("largeOrderAmount")?,
        today: Zone(settings::time_zone(conn).await?).today(now).to_string(),
    })
}

type Row = (i64, String, Option<i64>, Option<String>, String, String, Option<i64>, DateTime<Utc>);

async fn rows(conn: &mut SqliteConnection, queue: Queue, params: &Params, tail: &str) -> Result<Vec<Row>> {
    let sql = format!("{} {tail}", pending(queue));
    Ok(sqlx::query_as(AssertSqlSafe(sql))
        .bind(params.quantity)
        .bind(params.amount)
        .bind(&params.today)
        .fetch_all(conn)
        .await?)
}

impl Kontor {
    /// Every queue with how many items wait in it (the sidebar badges).
    pub async fn queue_counts(&self, actor: &Actor) -> Result<Vec<QueueCount>> {
        actor.require(Permission::EnterOrders)?;
        let mut conn = self.store().pool().acquire().await?;
        let params = params(&mut conn, self.now()).await?;
        let mut counts = Vec::new();
        for queue in Queue::ALL {
            let sql = format!("SELECT count(*) FROM ({}) AS waiting", pending(queue));
            let count: i64 = sqlx::query_scalar(AssertSqlSafe(sql))
                .bind(params.quantity)
                .bind(params.amount)
                .bind(&params.today)
                .fetch_one(&mut *conn)
                .await?;
            counts.push(QueueCount { queue, label: queue.label().into(), count });
        }
        Ok(counts)
    }

    /// The items waiting in a queue, oldest first, at most [`PAGE`].
    pub async fn queue_items(&self, actor: &Actor, queue: Queue) -> Result<Vec<QueueItem>> {
        actor.require(Permission::EnterOrders)?;
        let mut conn = self.store().pool().acquire().await?;
        let params = params(&mut conn, self.now()).await?;
        let rows = rows(&mut conn, queue, &params, &format!("ORDER BY item.at, item.item_id LIMIT {PAGE}")).await?;
        Ok(rows
            .into_iter()
            .map(|(item_id, _, order_id, order_number, title, detail, amount, at)| QueueItem {
                queue,
                item_id,
                order_id,
                order_number,
                title,
                detail,
                amount: amount.map(Amount::from_storage),
                at,
            })
            .collect())
    }

    /// Marks one waiting item done: it leaves the queue until it changes again.
    pub async fn mark_done(&self, actor: &Actor, queue: Queue, item_id: i64) -> Result<()> {
        actor.require(Permission::EnterOrders)?;
        let now = self.now();
        let mut tx = self.store().write().await?;
        let params = params(&mut tx, now).await?;
        let waiting = rows(&mut tx, queue, &params, &format!("AND item.item_id = {item_id}")).await?;
        let Some((_, state, ..)) = waiting.into_iter().next() else {
            return Err(Error::NotFound { entity: "queue item", key: format!("{item_id} in {}", queue.label()) });
        };
        sqlx::query(
            "INSERT INTO queue_done (queue, item_id, state, actor_name, actor_user_id, at) VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(queue.as_str())
        .bind(item_id)
        .bind(&state)
        .bind(&actor.name)
        .bind(actor.user_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let change = Change {
            entity: "queue_item",
            entity_id: Some(item_id),
            action: "done",
            before: None,
            after: Some(serde_json::json!({ "queue": queue.as_str(), "state": state })),
            actor,
            at: now,
        };
        history::record(&mut tx, change).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Who marked items done in a queue and when, newest first.
    pub async fn queue_done(&self, actor: &Actor, queue: Queue) -> Result<Vec<DoneMark>> {
        actor.require(Permission::EnterOrders)?;
        let mut conn = self.store().pool().acquire().await?;
        Ok(sqlx::query_as(
            "SELECT item_id, actor_name, at FROM queue_done WHERE queue = ? ORDER BY at DESC, id DESC LIMIT 200",
        )
        .bind(queue.as_str())
        .fetch_all(&mut *conn)
        .await?)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DoneMark {
    #[ts(type = "number")]
    pub item_id: i64,
    pub actor_name: String,
    pub at: DateTime<Utc>,
}
