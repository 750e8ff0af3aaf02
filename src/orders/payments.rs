//! Money on an order: payments received and refunds paid (negative
//! payments). The first payment on a placed order starts its processing.

use super::store;
use super::{Order, OrderStatus, PaymentMethod, history, totals};
use crate::Kontor;
use crate::error::{Error, Result};
use crate::money::{Amount, Currency};
use crate::staff::{Actor, Permission};

impl Kontor {
    /// Records money received; it may not exceed what is still due.
    pub async fn record_payment(
        &self,
        actor: &Actor,
        order_key: &str,
        method: PaymentMethod,
        amount: Amount,
        reference: &str,
    ) -> Result<Order> {
        actor.require(Permission::EnterOrders)?;
        check_positive(amount)?;
        let now = self.now();
        let mut tx = self.store().write().await?;
        let before = store::find_order(&mut tx, order_key).await?;
        if matches!(before.status, OrderStatus::Draft | OrderStatus::Cancelled) {
            return Err(Error::InvalidState {
                order: before.number,
                status: before.status.as_str(),
                action: "take a payment",
            });
        }
        check_minor_units(amount, &before)?;
        if amount > before.amount_due {
            return Err(Error::InvalidPayment {
                reason: format!("{amount} is more than the {} {} still due", before.amount_due, before.currency),
            });
        }
        insert_payment(&mut tx, &before, method, amount, reference, actor, now).await?;
        if before.status == OrderStatus::Placed {
            store::set_status(&mut tx, before.id, OrderStatus::Processing, now).await?;
        }
        let after = store::get_order(&mut tx, before.id).await?;
        history::record(&mut tx, actor, now, "payment", Some(&before), &after).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Pays money back (a manager's decision); at most what was paid.
    pub async fn record_refund(
        &self,
        actor: &Actor,
        order_key: &str,
        method: PaymentMethod,
        amount: Amount,
        reference: &str,
    ) -> Result<Order> {
        actor.require(Permission::ApproveMoney)?;
        check_positive(amount)?;
        let now = self.now();
        let mut tx = self.store().write().await?;
        let before = store::find_order(&mut tx, order_key).await?;
        check_minor_units(amount, &before)?;
        if amount > before.amount_paid {
            return Err(Error::InvalidPayment {
                reason: format!("{amount} is more than the {} {} paid", before.amount_paid, before.currency),
            });
        }
        insert_payment(&mut tx, &before, method, -amount, reference, actor, now).await?;
        let after = store::get_order(&mut tx, before.id).await?;
        history::record(&mut tx, actor, now, "refund", Some(&before), &after).await?;
        tx.commit().await?;
        Ok(after)
    }
}

fn check_positive(amount: Amount) -> Result<()> {
    if amount <= Amount::ZERO {
        return Err(Error::InvalidPayment { reason: format!("must be above zero (got {amount})") });
    }
    Ok(())
}

/// Money changes hands in whole minor units of the order's currency (cents, yen).
fn check_minor_units(amount: Amount, order: &Order) -> Result<()> {
    let currency = Currency::parse(&order.currency)?;
    if amount.round_to(currency) != amount {
        return Err(Error::InvalidPayment {
            reason: format!("{amount} has more decimals than {} allows ({})", currency, currency.minor_units()),
        });
    }
    Ok(())
}

async fn insert_payment(
    conn: &mut sqlx::SqliteConnection,
    order: &Order,
    method: PaymentMethod,
    amount: Amount,
    reference: &str,
    actor: &Actor,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let reference = reference.trim();
    if reference.chars().count() > 200 {
        return Err(Error::InvalidInput { field: "reference", reason: "must be at most 200 characters".into() });
    }
    sqlx::query("INSERT INTO payments (order_id, method, amount, reference, actor_name, at) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(order.id)
        .bind(method.as_str())
        .bind(amount.to_storage("amount")?)
        .bind(reference)
        .bind(&actor.name)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    totals::recompute_paid(conn, order.id).await
}
