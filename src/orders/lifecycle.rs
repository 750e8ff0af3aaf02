//! The whole order moving on: cancelled, shipped (with its shipping event),
//! delivered by hand or automatically after the transit days.

use chrono::Duration;

use super::store;
use super::{LineState, Order, OrderStatus, credit, history, shipping, totals};
use crate::Kontor;
use crate::error::{Error, Result};
use crate::products::stock;
use crate::staff::{Actor, Permission, Role};

/// Transit days before a shipped order counts as delivered, unless set.
pub const DEFAULT_TRANSIT_DAYS: i64 = 3;

impl Kontor {
    /// Cancels every line of a draft, placed or processing order; stock taken
    /// by a placed order goes back.
    pub async fn cancel_order(&self, actor: &Actor, order_key: &str) -> Result<Order> {
        actor.require(Permission::EnterOrders)?;
        let now = self.now();
        let mut tx = self.store().write().await?;
        let before = store::find_order(&mut tx, order_key).await?;
        if !(before.status == OrderStatus::Draft || before.status.is_open()) {
            return Err(Error::InvalidState {
                order: before.number,
                status: before.status.as_str(),
                action: "cancel it",
            });
        }
        for line in before.lines.iter().filter(|line| line.effective > 0) {
            if before.status.is_open() {
                let movement = stock::Movement {
                    product_id: line.product_id,
                    delta: line.effective,
                    reason: stock::StockReason::OrderCancelled,
                    order_id: Some(before.id),
                    note: &before.number,
                };
                stock::move_stock(&mut tx, movement, actor, now).await?;
            }
            let mut cancelled = line.clone();
            cancelled.cancelled += line.effective;
            cancelled.state = LineState::Cancelled;
            store::update_line(&mut tx, &cancelled, now).await?;
        }
        store::set_status(&mut tx, before.id, OrderStatus::Cancelled, now).await?;
        totals::recompute(&mut tx, before.id).await?;
        credit::recompute_balance(&mut tx, before.customer_id).await?;
        let after = store::get_order(&mut tx, before.id).await?;
        history::record(&mut tx, actor, now, "cancelled", Some(&before), &after).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Ships a placed or processing order and writes its shipping event in the
    /// same transaction; the order leaves the customer's balance.
    pub async fn ship_order(&self, actor: &Actor, order_key: &str) -> Result<Order> {
        actor.require(Permission::EnterOrders)?;
        let now = self.now();
        let mut tx = self.store().write().await?;
        let before = store::find_order(&mut tx, order_key).await?;
        if !before.status.is_open() {
            return Err(Error::InvalidState {
                order: before.number,
                status: before.status.as_str(),
                action: "ship it",
            });
        }
        if before.lines.iter().all(|line| line.effective == 0) {
            return Err(Error::InvalidState { order: before.number, status: "without lines", action: "ship it" });
        }
        store::set_status(&mut tx, before.id, OrderStatus::Shipped, now).await?;
        credit::recompute_balance(&mut tx, before.customer_id).await?;
        let after = store::get_order(&mut tx, before.id).await?;
        shipping::write_event(&mut tx, &after, now).await?;
        history::record(&mut tx, actor, now, "shipped", Some(&before), &after).await?;
        tx.commit().await?;
        Ok(after)
    }

    pub async fn deliver_order(&self, actor: &Actor, order_key: &str) -> Result<Order> {
        actor.require(Permission::EnterOrders)?;
        let now = self.now();
        let mut tx = self.store().write().await?;
        let before = store::find_order(&mut tx, order_key).await?;
        if before.status != OrderStatus::Shipped {
            return Err(Error::InvalidState {
                order: before.number,
                status: before.status.as_str(),
                action: "deliver it",
            });
        }
        store::set_status(&mut tx, before.id, OrderStatus::Delivered, now).await?;
        let after = store::get_order(&mut tx, before.id).await?;
        history::record(&mut tx, actor, now, "delivered", Some(&before), &after).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Marks as delivered every order shipped at least `transit_days` ago, as
    /// "system". Safe to run any number of times; returns how many moved.
    pub async fn advance_shipped_orders(&self, transit_days: i64) -> Result<usize> {
        let system = Actor { user_id: None, name: "system".into(), role: Role::Owner };
        let now = self.now();
        let cutoff = now - Duration::days(transit_days.max(0));
        let mut tx = self.store().write().await?;
        let due: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM orders WHERE status = 'shipped' AND shipped_at <= ? AND deleted_at IS NULL ORDER BY id",
        )
        .bind(cutoff)
        .fetch_all(&mut *tx)
        .await?;
        for &id in &due {
            let before = store::get_order(&mut tx, id).await?;
            store::set_status(&mut tx, id, OrderStatus::Delivered, now).await?;
            let after = store::get_order(&mut tx, id).await?;
            history::record(&mut tx, &system, now, "delivered", Some(&before), &after).await?;
        }
        tx.commit().await?;
        Ok(due.len())
    }
}
