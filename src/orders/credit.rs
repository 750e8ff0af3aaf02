//! The credit check (DOMAIN.md): a customer's balance is the base-currency
//! total of their placed and processing orders not yet shipped, and a change
//! that raises it may not leave it above their limit, unless a manager
//! recorded an override on that order.

use sqlx::SqliteConnection;

use super::Order;
use crate::customers;
use crate::error::{CreditRefusal, Error, Result};
use crate::money::Amount;

/// Re-derives and stores the customer's balance; returns it.
pub(crate) async fn recompute_balance(conn: &mut SqliteConnection, customer_id: i64) -> Result<Amount> {
    let units: i64 = sqlx::query_scalar(
        "UPDATE customers SET balance = (
             SELECT coalesce(sum(amount_total_base), 0) FROM orders
             WHERE customer_id = ?1 AND status IN ('placed', 'processing') AND shipped_at IS NULL
               AND deleted_at IS NULL)
         WHERE id = ?1 RETURNING balance",
    )
    .bind(customer_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(Amount::from_storage(units))
}

/// Re-derives the balance after a change to `order` and refuses the change
/// (the caller's transaction rolls back) if it raised the balance over the limit.
pub(super) async fn recheck(conn: &mut SqliteConnection, order: &Order, balance_before: Amount) -> Result<()> {
    let balance = recompute_balance(conn, order.customer_id).await?;
    if balance <= balance_before || order.credit_override_reason.is_some() {
        return Ok(());
    }
    let customer = customers::customer_for_order(conn, order.customer_id).await?;
    match customer.credit_limit {
        Some(limit) if balance > limit => Err(Error::CreditLimitExceeded(Box::new(CreditRefusal {
            customer: customer.name,
            currency: crate::business::base_currency(conn).await?.code().to_string(),
            balance: balance_before.to_string(),
            order_amount: order.amount_total_base.to_string(),
            balance_after: balance.to_string(),
            limit: limit.to_string(),
        }))),
        _ => Ok(()),
    }
}
