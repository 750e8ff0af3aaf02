//! The sales rollup (`sales_rollup`): what every order change did to sales,
//! summed per UTC quarter hour, currency and frozen rate, so a year of daily
//! sales is a few thousand rows instead of every order, line and return.
//!
//! Every change to an order passes through `record_change` inside its own
//! transaction (the orders' history calls it), which adds the difference
//! between the order before and after: what was ordered on the slot it was
//! placed in, what was cancelled or returned on the slot of the change
//! (docs/DOMAIN.md, Reports). `rebuild` computes the same table again from
//! the records alone — a new table on an existing book, the benchmark's
//! bulk-loaded book, and the test that the running sums never drift.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::{AssertSqlSafe, SqliteConnection, SqlitePool};

use super::zone::quarter_hour;
use crate::error::Result;
use crate::money::Currency;
use crate::orders::Order;

/// An order's sales figures as it stands, in storage units (ten-thousandths).
#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Figures {
    orders: i64,
    /// Ordered units' value, net of tax.
    booked: i64,
    cancelled: i64,
    returned: i64,
    returned_units: i64,
    /// Cost of every unit ordered (base currency).
    booked_cost: i64,
    /// Cost of the units that came back to the shelf: cancelled or restocked.
    cost_back: i64,
}

impl Figures {
    fn of(order: &Order, unit_costs: &HashMap<i64, i64>) -> Result<Figures> {
        let mut figures = Figures::default();
        if order.placed_at.is_none() {
            return Ok(figures); // drafts are not sales
        }
        let currency = Currency::parse(&order.currency)?;
        figures.orders = 1;
        for line in &order.lines {
            let value = |units: i64| line.unit_price.times(units, currency).to_storage("amount");
            let ordered = value(line.ordered)?;
            let kept = value(line.ordered - line.cancelled)?;
            let unit_cost = unit_costs.get(&line.id).copied().unwrap_or(0);
            figures.booked += ordered;
            figures.cancelled += ordered - kept;
            figures.returned += kept - value(line.effective)?;
            figures.returned_units += line.returned;
            figures.booked_cost += line.ordered * unit_cost;
            figures.cost_back += (line.cancelled + line.returned - line.damaged) * unit_cost;
        }
        Ok(figures)
    }
}

/// What one slot gains: the columns of `sales_rollup` after the key.
#[derive(Debug, Default, PartialEq)]
struct SlotDelta {
    orders: i64,
    booked: i64,
    cancelled: i64,
    returned: i64,
    returned_units: i64,
    cost: i64,
}

impl SlotDelta {
    fn is_zero(&self) -> bool {
        *self == SlotDelta::default()
    }
}

/// Adds what the change `before` → `after` did to sales. Called inside the
/// change's transaction, so the rollup and the order never disagree.
pub(crate) async fn record_change(
    conn: &mut SqliteConnection,
    before: Option<&Order>,
    after: &Order,
    now: DateTime<Utc>,
) -> Result<()> {
    let Some(placed_at) = after.placed_at else { return Ok(()) };
    let quantities = |order: &Order| -> Vec<_> {
        order.lines.iter().map(|line| (line.id, line.ordered, line.cancelled, line.returned, line.damaged)).collect()
    };
    // Payments, shipping and delivery leave sales as they were: no query at all.
    if before.is_some_and(|before| before.placed_at.is_some() && quantities(before) == quantities(after)) {
        return Ok(());
    }
    let unit_costs = unit_costs(conn, after.id, placed_at).await?;
    let old = before.map(|before| Figures::of(before, &unit_costs)).transpose()?.unwrap_or_default();
    let new = Figures::of(after, &unit_costs)?;
    let on_placing = SlotDelta {
        orders: new.orders - old.orders,
        booked: new.booked - old.booked,
        cost: new.booked_cost - old.booked_cost,
        ..SlotDelta::default()
    };
    let on_change = SlotDelta {
        cancelled: new.cancelled - old.cancelled,
        returned: new.returned - old.returned,
        returned_units: new.returned_units - old.returned_units,
        cost: -(new.cost_back - old.cost_back),
        ..SlotDelta::default()
    };
    for (slot, delta) in [(quarter_hour(placed_at), on_placing), (quarter_hour(now), on_change)] {
        if !delta.is_zero() {
            add(conn, slot, after, &delta).await?;
        }
    }
    Ok(())
}

async fn add(conn: &mut SqliteConnection, slot: i64, order: &Order, delta: &SlotDelta) -> Result<()> {
    sqlx::query(
        "INSERT INTO sales_rollup (slot, currency, exchange_rate, orders, booked, cancelled, returned, returned_units, cost)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (slot, currency, exchange_rate) DO UPDATE SET
             orders = orders + excluded.orders, booked = booked + excluded.booked,
             cancelled = cancelled + excluded.cancelled, returned = returned + excluded.returned,
             returned_units = returned_units + excluded.returned_units, cost = cost + excluded.cost",
    )
    .bind(slot)
    .bind(&order.currency)
    .bind(&order.exchange_rate)
    .bind(delta.orders)
    .bind(delta.booked)
    .bind(delta.cancelled)
    .bind(delta.returned)
    .bind(delta.returned_units)
    .bind(delta.cost)
    .execute(conn)
    .await?;
    Ok(())
}

/// The product's cost per unit in force when the order was placed, for the
/// line `l` of the order `o` (the products' price history, else its cost).
const UNIT_COST: &str = "coalesce((SELECT pp.cost FROM product_prices pp WHERE pp.product_id = l.product_id
        AND pp.valid_from <= o.placed_at ORDER BY pp.valid_from DESC LIMIT 1),
    (SELECT p.cost FROM products p WHERE p.id = l.product_id))";

/// Each line's unit cost, by line id. `o` is a one-row stand-in for the
/// order, so UNIT_COST reads the same here as in `rebuild`.
async fn unit_costs(conn: &mut SqliteConnection, order_id: i64, placed_at: DateTime<Utc>) -> Result<HashMap<i64, i64>> {
    let sql = format!("SELECT l.id, {UNIT_COST} FROM order_lines l, (SELECT ?2 AS placed_at) o WHERE l.order_id = ?1");
    let rows: Vec<(i64, i64)> =
        sqlx::query_as(AssertSqlSafe(sql)).bind(order_id).bind(placed_at).fetch_all(conn).await?;
    Ok(rows.into_iter().collect())
}

/// Replaces the rollup with one computed from the records alone: orders as
/// they stand, cancellations dated by the line's last change (a cancelled
/// line never changes again), returns dated by the order's history.
pub async fn rebuild(conn: &mut SqliteConnection) -> Result<()> {
    let slot = |column: &str| format!("unixepoch({column}) / 900");
    let (placed, changed, returned_at) = (slot("o.placed_at"), slot("l.updated_at"), slot("h.at"));
    let ordered = rounded("l.ordered");
    let kept = rounded("l.ordered - l.cancelled");
    let before_return = rounded("l.ordered - l.cancelled - (b.value ->> 'returned')");
    let after_return = rounded("l.ordered - l.cancelled - (a.value ->> 'returned')");
    let returned_units = "(a.value ->> 'returned') - (b.value ->> 'returned')";
    let sql = format!(
        "WITH parts (slot, currency, exchange_rate, orders, booked, cancelled, returned, returned_units, cost) AS (
           SELECT {placed}, o.currency, o.exchange_rate, 1, sum({ordered}), 0, 0, 0, sum(l.ordered * {UNIT_COST})
           FROM orders o JOIN order_lines l ON l.order_id = o.id
           WHERE o.placed_at IS NOT NULL GROUP BY o.id
         UNION ALL
           SELECT {changed}, o.currency, o.exchange_rate, 0, 0, {ordered} - {kept}, 0, 0, -l.cancelled * {UNIT_COST}
           FROM order_lines l JOIN orders o ON o.id = l.order_id
           WHERE l.cancelled > 0 AND o.placed_at IS NOT NULL
         UNION ALL
           SELECT {returned_at}, o.currency, o.exchange_rate, 0, 0, 0, {before_return} - {after_return},
                  {returned_units},
                  CASE h.action WHEN 'line_returned' THEN -({returned_units}) * {UNIT_COST} ELSE 0 END
           FROM history h
           JOIN json_each(h.after, '$.lines') a
           JOIN json_each(h.before, '$.lines') b ON b.key = a.key
           JOIN orders o ON o.id = h.entity_id
           JOIN order_lines l ON l.order_id = o.id AND l.sku = a.value ->> 'sku' AND l.returned > 0
           WHERE h.entity = 'order' AND h.action IN ('line_returned', 'line_returned_damaged')
             AND (a.value ->> 'returned') <> (b.value ->> 'returned')
       )
       INSERT INTO sales_rollup (slot, currency, exchange_rate, orders, booked, cancelled, returned, returned_units, cost)
       SELECT slot, currency, exchange_rate, sum(orders), sum(booked), sum(cancelled), sum(returned),
              sum(returned_units), sum(cost)
       FROM parts GROUP BY slot, currency, exchange_rate"
    );
    sqlx::query("DELETE FROM sales_rollup").execute(&mut *conn).await?;
    sqlx::query(AssertSqlSafe(sql)).execute(&mut *conn).await?;
    Ok(())
}

/// SQL for `quantity × unit price` rounded half up to the order currency's
/// minor unit (both are never negative), in ten-thousandths.
fn rounded(quantity: &str) -> String {
    let step = minor_step_sql("o.currency");
    format!("((({quantity}) * l.unit_price + ({step}) / 2) / ({step}) * ({step}))")
}

/// Ten-thousandths per minor unit of the currency in `column`.
fn minor_step_sql(column: &str) -> String {
    let mut case = format!("CASE {column}");
    for currency in Currency::all().filter(|currency| currency.minor_units() != 2) {
        case.push_str(&format!(" WHEN '{}' THEN {}", currency.code(), 10_i64.pow(4 - currency.minor_units())));
    }
    case + " ELSE 100 END"
}

/// Whether a migration asked for the rollup to be rebuilt: a read, so
/// opening a book needs no write unless it did.
pub(crate) async fn rebuild_asked(pool: &SqlitePool) -> Result<bool> {
    Ok(sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM settings WHERE key = 'sales_rollup')").fetch_one(pool).await?)
}

/// Rebuilds the rollup when a migration asked for it (the table is new on
/// a book that has orders), in one transaction with removing the request.
pub(crate) async fn rebuild_if_asked(conn: &mut SqliteConnection) -> Result<()> {
    let asked: Option<String> = sqlx::query_scalar("DELETE FROM settings WHERE key = 'sales_rollup' RETURNING value")
        .fetch_optional(&mut *conn)
        .await?;
    if asked.is_some() {
        rebuild(conn).await?;
    }
    Ok(())
}
