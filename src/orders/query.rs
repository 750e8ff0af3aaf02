//! Reading orders: one order with everything its page shows, and the orders
//! list, filtered and paged in SQL so a million orders cost one page.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sqlx::{QueryBuilder, Sqlite};
use ts_rs::TS;

use super::{OrderDetail, OrderStatus, shipping, store};
use crate::Kontor;
use crate::error::Result;
use crate::history;
use crate::money::Amount;
use crate::search::{contains_pattern, page_size, search_text};
use crate::staff::{Actor, Permission};

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
    pub offset: u32,
    /// 1 to 500.
    pub limit: u32,
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
    /// Matching orders, counted up to `COUNT_CAP`.
    #[ts(type = "number")]
    pub total: i64,
    /// Counting stopped at the cap: there are at least `total` (shown "1,000+").
    pub at_least: bool,
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

    /// One page of orders, newest first. Only the filters given reach the
    /// SQL, so each query can use its index; `total` counts at most
    /// `COUNT_CAP` matches (a list shows "1,000+" beyond that).
    pub async fn list_orders(&self, actor: &Actor, query: &OrderQuery) -> Result<OrderPage> {
        actor.require(Permission::EnterOrders)?;
        let limit = page_size(query.limit)?;
        let mut conn = self.store().pool().acquire().await?;
        let plan = Plan::for_query(&mut conn, query).await?;
        // Counting stops at the cap, so the customer index (which the planner
        // picks for a customer search) is cheap for it whatever the page walks.
        let mut count = QueryBuilder::new("SELECT count(*) FROM (SELECT 1 FROM orders o ");
        if plan == Plan::NumberRange {
            count.push(plan.index_hint(query));
        }
        count.push("WHERE o.deleted_at IS NULL");
        push_filters(&mut count, query);
        count.push(" LIMIT ").push_bind(COUNT_CAP).push(")");
        let total: i64 = count.build_query_scalar().fetch_one(&mut *conn).await?;
        let mut page = QueryBuilder::new(
            "SELECT o.id, o.number, c.name AS customer_name, o.status, o.currency, o.amount_total, o.urgent,
                    o.promised_date, o.created_at
             FROM orders o ",
        );
        page.push(plan.index_hint(query));
        // CROSS JOIN keeps orders as the outer loop, so the page stops early.
        page.push("CROSS JOIN customers c ON c.id = o.customer_id WHERE o.deleted_at IS NULL");
        push_filters(&mut page, query);
        page.push(plan.order_by()).push(" LIMIT ").push_bind(i64::from(limit));
        page.push(" OFFSET ").push_bind(i64::from(query.offset));
        let rows: Vec<SummaryRow> = page.build_query_as().fetch_all(&mut *conn).await?;
        let items = rows.into_iter().map(SummaryRow::into_summary).collect::<Result<_>>()?;
        Ok(OrderPage { items, total, at_least: total >= COUNT_CAP })
    }
}

/// The most matches `list_orders` counts: counting a million rows for a
/// number nobody reads would cost more than the page itself.
pub const COUNT_CAP: i64 = 1_000;

/// Which index the page of a search walks. SQLite's planner (3.51) left to
/// itself prefers the status index and then scans every order of that
/// status, so the index is named outright (`INDEXED BY`).
#[derive(Clone, Copy, PartialEq)]
enum Plan {
    /// Few customers match, or one is chosen, or there is no search: left to
    /// the planner, which reads their orders through the customer index (or
    /// walks the status or date index for a plain filter).
    CustomerOrders,
    /// Many match: walk orders newest first and keep theirs, stopping after
    /// the page (sorting every order of hundreds of customers costs more).
    NewestFirst,
    /// An order number or the start of one: a range of the unique index.
    NumberRange,
}

/// Customers a search may match before the page walks orders by date
/// instead: measured on the benchmark book (400 orders a customer), both
/// plans take under 5 ms either side of it.
const FEW_CUSTOMERS: i64 = 8;

impl Plan {
    async fn for_query(conn: &mut sqlx::SqliteConnection, query: &OrderQuery) -> Result<Plan> {
        let Some(text) = search_text(query.search.as_deref()) else {
            return Ok(Plan::CustomerOrders);
        };
        if is_order_number(text) {
            return Ok(Plan::NumberRange);
        }
        if query.customer_id.is_some() {
            return Ok(Plan::CustomerOrders);
        }
        let matching: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM (SELECT 1 FROM customers WHERE name LIKE ?1 ESCAPE '\\' LIMIT ?2)",
        )
        .bind(contains_pattern(text))
        .bind(FEW_CUSTOMERS + 1)
        .fetch_one(conn)
        .await?;
        Ok(if matching > FEW_CUSTOMERS { Plan::NewestFirst } else { Plan::CustomerOrders })
    }

    /// Newest first. Numbers follow the order of entry, so a number search
    /// walks its index backwards and stops after the page instead of
    /// sorting every match (a search for "SO-" matches them all). Past
    /// SO-999999 numbers grow a digit and this order becomes the text's.
    fn order_by(self) -> &'static str {
        match self {
            Plan::NumberRange => " ORDER BY o.number DESC",
            Plan::CustomerOrders | Plan::NewestFirst => " ORDER BY o.created_at DESC, o.id DESC",
        }
    }

    fn index_hint(self, query: &OrderQuery) -> &'static str {
        match self {
            Plan::CustomerOrders => "",
            Plan::NewestFirst if query.status.is_some() => "INDEXED BY orders_by_status ",
            Plan::NewestFirst => "INDEXED BY orders_by_created ",
            // SQLite's name for the index of the first UNIQUE column (`number`).
            Plan::NumberRange => "INDEXED BY sqlite_autoindex_orders_1 ",
        }
    }
}

fn is_order_number(text: &str) -> bool {
    text.to_uppercase().starts_with("SO-")
}

/// Appends ` AND …` for each filter the query sets.
fn push_filters(sql: &mut QueryBuilder<Sqlite>, query: &OrderQuery) {
    if let Some(status) = query.status {
        sql.push(" AND o.status = ").push_bind(status.as_str());
    }
    if let Some(customer_id) = query.customer_id {
        sql.push(" AND o.customer_id = ").push_bind(customer_id);
    }
    if let Some(from) = query.from {
        sql.push(" AND o.created_at >= ").push_bind(midnight(from));
    }
    if let Some(to) = query.to.and_then(|day| day.succ_opt()) {
        sql.push(" AND o.created_at < ").push_bind(midnight(to));
    }
    if query.urgent_only {
        sql.push(" AND o.urgent = 1");
    }
    if let Some(text) = search_text(query.search.as_deref()) {
        let upper = text.to_uppercase();
        if is_order_number(text) {
            // An order number, or the start of one: a range on its unique index.
            sql.push(" AND o.number >= ").push_bind(upper.clone());
            sql.push(" AND o.number < ").push_bind(format!("{upper}\u{10FFFF}"));
        } else {
            sql.push(" AND (o.customer_id IN (SELECT id FROM customers WHERE name LIKE ")
                .push_bind(contains_pattern(text))
                .push(" ESCAPE '\\')");
            if let Ok(id) = text.parse::<i64>() {
                sql.push(" OR o.id = ").push_bind(id);
            }
            sql.push(")");
        }
    }
}

fn midnight(day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc()
}
