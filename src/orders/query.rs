//! Reading orders: one order with everything its page shows, and the orders
//! list, filtered and paged in SQL so a million orders cost one page.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{OrderDetail, OrderStatus, shipping, store};
use crate::Kontor;
use crate::error::{Error, Result};
use crate::history;
use crate::money::Amount;
use crate::staff::{Actor, Permission};

pub const MAX_PAGE: i64 = 500;

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OrderQuery {
    pub status: Option<OrderStatus>,
    #[ts(type = "number | null")]
    pub customer_id: Option<i64>,
    /// Created on or after this day.
    pub from: Option<NaiveDate>,
    /// Created on or before this day.
    pub to: Option<NaiveDate>,
    pub urgent_only: bool,
    /// Order number or customer name contains this.
    pub search: Option<String>,
    #[ts(type = "number")]
    pub offset: i64,
    #[ts(type = "number")]
    pub limit: i64,
}

/// One row of the orders list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OrderSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub number: String,
    pub customer_name: String,
    pub status: OrderStatus,
    pub currency: String,
    pub amount_total: Amount,
    pub urgent: bool,
    pub promised_date: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    number: String,
    customer_name: String,
    status: String,
    currency: String,
    amount_total: i64,
    urgent: bool,
    promised_date: Option<NaiveDate>,
    created_at: DateTime<Utc>,
}

impl SummaryRow {
    fn into_summary(self) -> Result<OrderSummary> {
        Ok(OrderSummary {
            id: self.id,
            number: self.number,
            customer_name: self.customer_name,
            status: OrderStatus::parse(&self.status)?,
            currency: self.currency,
            amount_total: Amount::from_storage(self.amount_total),
            urgent: self.urgent,
            promised_date: self.promised_date,
            created_at: self.created_at,
        })
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OrderPage {
    pub items: Vec<OrderSummary>,
    #[ts(type = "number")]
    pub total: i64,
}

impl Kontor {
    pub async fn order_detail(&self, actor: &Actor, order_key: &str) -> Result<OrderDetail> {
        actor.require(Permission::EnterOrders)?;
        let mut conn = self.store().pool().acquire().await?;
        let order = store::find_order(&mut conn, order_key).await?;
        let payments = store::list_payments(&mut conn, order.id).await?;
        let history = history::list_for(&mut conn, "order", order.id).await?;
        let shipping_events = shipping::list_for_order(&mut conn, order.id).await?;
        Ok(OrderDetail { order, payments, history, shipping_events })
    }

    pub async fn list_orders(&self, actor: &Actor, query: &OrderQuery) -> Result<OrderPage> {
        actor.require(Permission::EnterOrders)?;
        if !(1..=MAX_PAGE).contains(&query.limit) || query.offset < 0 {
            return Err(Error::InvalidInput {
                field: "limit", reason: format!("must be 1 to {MAX_PAGE}, offset ≥ 0")
            });
        }
        let search = query.search.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(|s| format!("%{s}%"));
        let mut conn = self.store().pool().acquire().await?;
        // One statement for every filter: a NULL parameter switches its filter off.
        const FILTER: &str = "FROM orders o JOIN customers c ON c.id = o.customer_id
             WHERE o.deleted_at IS NULL
               AND (?1 IS NULL OR o.status = ?1)
               AND (?2 IS NULL OR o.customer_id = ?2)
               AND (?3 IS NULL OR o.created_at >= ?3)
               AND (?4 IS NULL OR o.created_at < ?4)
               AND (?5 = 0 OR o.urgent = 1)
               AND (?6 IS NULL OR o.number LIKE ?6 OR c.name LIKE ?6)";
        let from = query.from.map(|day| day.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc());
        let to = query
            .to
            .and_then(|day| day.succ_opt())
            .map(|day| day.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc());
        let total: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT count(*) {FILTER}")))
            .bind(query.status.map(OrderStatus::as_str))
            .bind(query.customer_id)
            .bind(from)
            .bind(to)
            .bind(query.urgent_only)
            .bind(&search)
            .fetch_one(&mut *conn)
            .await?;
        let rows: Vec<SummaryRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT o.id, o.number, c.name AS customer_name, o.status, o.currency, o.amount_total, o.urgent,
                    o.promised_date, o.created_at
             {FILTER} ORDER BY o.created_at DESC, o.id DESC LIMIT ?7 OFFSET ?8"
        )))
        .bind(query.status.map(OrderStatus::as_str))
        .bind(query.customer_id)
        .bind(from)
        .bind(to)
        .bind(query.urgent_only)
        .bind(&search)
        .bind(query.limit)
        .bind(query.offset)
        .fetch_all(&mut *conn)
        .await?;
        let items = rows.into_iter().map(SummaryRow::into_summary).collect::<Result<_>>()?;
        Ok(OrderPage { items, total })
    }
}
