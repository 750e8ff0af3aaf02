//! Changing an open order line by line: raise or lower a quantity, add a
//! line, cancel a line; and returning units of a shipped line. Stock moves
//! with every change; raising re-runs the credit check.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::store;
use super::{LineState, Order, OrderLine, OrderStatus, credit, history, totals};
use crate::Kontor;
use crate::customers;
use crate::error::{Error, Result};
use crate::money::Currency;
use crate::products::{self, stock};
use crate::staff::{Actor, Permission};

impl Kontor {
    /// Sets how many of a line the customer wants now (placed/processing).
    pub async fn update_line_quantity(
        &self,
        actor: &Actor,
        order_key: &str,
        sku: &str,
        quantity: i64,
    ) -> Result<Order> {
        actor.require(Permission::EnterOrders)?;
        super::check_quantity(quantity)?;
        let now = self.now();
        let mut tx = self.store().write().await?;
        let before = open_order(&mut tx, order_key, "change a quantity").await?;
        let mut line = live_line(&before, sku)?;
        let delta = quantity - line.effective;
        if delta == 0 {
            return Ok(before);
        }
        take_stock(&mut tx, &before, &line, delta, stock::StockReason::OrderChange, actor, now).await?;
        line.ordered += delta;
        line.state = LineState::Updated;
        store::update_line(&mut tx, &line, now).await?;
        let after = finish(&mut tx, &before, actor, now, "line_updated").await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Adds a product to an open order at its current price and tax rate.
    pub async fn add_line(&self, actor: &Actor, order_key: &str, sku: &str, quantity: i64) -> Result<Order> {
        actor.require(Permission::EnterOrders)?;
        super::check_quantity(quantity)?;
        let now = self.now();
        let mut tx = self.store().write().await?;
        let before = open_order(&mut tx, order_key, "add a line").await?;
        let product = products::orderable_by_sku(&mut tx, sku).await?;
        if !product.active {
            return Err(Error::ProductInactive { sku: product.sku });
        }
        if before.line(&product.sku).is_some_and(|line| line.state != LineState::Cancelled) {
            return Err(Error::InvalidInput {
                field: "sku",
                reason: format!("{} is already on {}; change its quantity instead", product.sku, before.number),
            });
        }
        let movement = stock::Movement {
            product_id: product.id,
            delta: -quantity,
            reason: stock::StockReason::Order,
            order_id: Some(before.id),
            note: &before.number,
        };
        stock::move_stock(&mut tx, movement, actor, now).await?;
        let unit_price = product.unit_price.in_currency_worth(totals::parse_rate(&before.exchange_rate)?);
        let amount = totals::line_amount(unit_price, quantity, Currency::parse(&before.currency)?);
        let line = store::NewOrderLine { product: &product, ordered: quantity, unit_price, amount };
        store::insert_lines(&mut tx, before.id, &[line], now).await?;
        let after = finish(&mut tx, &before, actor, now, "line_added").await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Cancels what is left of a line and puts it back in stock.
    pub async fn cancel_line(&self, actor: &Actor, order_key: &str, sku: &str) -> Result<Order> {
        actor.require(Permission::EnterOrders)?;
        let now = self.now();
        let mut tx = self.store().write().await?;
        let before = open_order(&mut tx, order_key, "cancel a line").await?;
        let mut line = live_line(&before, sku)?;
        take_stock(&mut tx, &before, &line, -line.effective, stock::StockReason::LineCancelled, actor, now).await?;
        line.cancelled += line.effective;
        line.state = LineState::Cancelled;
        store::update_line(&mut tx, &line, now).await?;
        let after = finish(&mut tx, &before, actor, now, "line_cancelled").await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Takes back `quantity` units of a shipped line: restocked, or recorded
    /// as damaged. The order's total falls; what was paid beyond it is due back.
    pub async fn return_line(
        &self,
        actor: &Actor,
        order_key: &str,
        sku: &str,
        quantity: i64,
        restock: bool,
    ) -> Result<Order> {
        actor.require(Permission::EnterOrders)?;
        super::check_quantity(quantity)?;
        let now = self.now();
        let mut tx = self.store().write().await?;
        let before = store::find_order(&mut tx, order_key).await?;
        let mut line = before.line(sku).cloned().ok_or_else(|| Error::NotFound {
            entity: "order line",
            key: format!("{} on {}", sku.trim(), before.number),
        })?;
        if !matches!(before.status, OrderStatus::Shipped | OrderStatus::Delivered) {
            // Seed 000: "You cannot return as you have zero order placed" — nothing has left the shop yet.
            return Err(Error::ReturnExceedsShipped {
                sku: line.sku,
                shipped: 0,
                returned: line.returned,
                requested: quantity,
            });
        }
        if quantity > line.shipped() - line.returned {
            return Err(Error::ReturnExceedsShipped {
                shipped: line.shipped(),
                sku: line.sku,
                returned: line.returned,
                requested: quantity,
            });
        }
        if restock {
            take_stock(&mut tx, &before, &line, -quantity, stock::StockReason::Return, actor, now).await?;
        } else {
            line.damaged += quantity;
        }
        line.returned += quantity;
        line.state = LineState::Returned;
        store::update_line(&mut tx, &line, now).await?;
        let after =
            finish(&mut tx, &before, actor, now, if restock { "line_returned" } else { "line_returned_damaged" })
                .await?;
        tx.commit().await?;
        Ok(after)
    }
}

/// A placed or processing order; `action` completes the refusal message.
async fn open_order(conn: &mut SqliteConnection, order_key: &str, action: &'static str) -> Result<Order> {
    let order = store::find_order(conn, order_key).await?;
    if !order.status.is_open() {
        return Err(Error::InvalidState { order: order.number, status: order.status.as_str(), action });
    }
    Ok(order)
}

/// The line for `sku` that is not cancelled.
fn live_line(order: &Order, sku: &str) -> Result<OrderLine> {
    match order.line(sku) {
        Some(line) if line.state != LineState::Cancelled => Ok(line.clone()),
        Some(line) => {
            Err(Error::InvalidInput { field: "sku", reason: format!("{} is cancelled on {}", line.sku, order.number) })
        }
        None => Err(Error::NotFound { entity: "order line", key: format!("{} on {}", sku.trim(), order.number) }),
    }
}

/// Takes `units` of the line's product out of stock (negative: puts back).
async fn take_stock(
    conn: &mut SqliteConnection,
    order: &Order,
    line: &OrderLine,
    units: i64,
    reason: stock::StockReason,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<()> {
    let movement = stock::Movement {
        product_id: line.product_id,
        delta: -units,
        reason,
        order_id: Some(order.id),
        note: &order.number,
    };
    stock::move_stock(conn, movement, actor, now).await.map(|_| ())
}

/// After a line change: re-derive totals, re-check credit, record history.
async fn finish(
    conn: &mut SqliteConnection,
    before: &Order,
    actor: &Actor,
    now: DateTime<Utc>,
    action: &'static str,
) -> Result<Order> {
    let customer = customers::customer_for_order(conn, before.customer_id).await?;
    totals::recompute(conn, before.id).await?;
    sqlx::query("UPDATE orders SET updated_at = ? WHERE id = ?").bind(now).bind(before.id).execute(&mut *conn).await?;
    let after = store::get_order(conn, before.id).await?;
    credit::recheck(conn, &after, &customer).await?;
    history::record(conn, actor, now, action, Some(before), &after).await?;
    Ok(after)
}
