//! The credit check (DOMAIN.md): a customer's balance is the base-currency
//! total of their placed and processing orders not yet shipped, and a change
//! that raises it may not leave it above their limit, unless a manager
//! recorded an override on that order.

use sqlx::SqliteConnection;

use super::Order;
use crate::customers::CustomerForOrder;
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

/// After a change to `order`: re-derives the balance and refuses with
/// `credit_limit_exceeded` if the change raised it above the limit without
/// an override. `customer` is as read before the change.
pub(super) async fn recheck(conn: &mut SqliteConnection, order: &Order, customer: &CustomerForOrder) -> Result<()> {
    let balance = recompute_balance(conn, order.customer_id).await?;
    check_limit(conn, order, customer, balance).await
}

/// Placing `order`: it opens, so its base-currency total is added to the
/// balance rather than summing all the customer's open orders again (a sum
/// that grows with the book), then the limit is checked as in `recheck`.
pub(super) async fn add_placed(conn: &mut SqliteConnection, order: &Order, customer: &CustomerForOrder) -> Result<()> {
    let units: i64 = sqlx::query_scalar("UPDATE customers SET balance = balance + ? WHERE id = ? RETURNING balance")
        .bind(order.amount_total_base.to_storage("amountTotalBase")?)
        .bind(order.customer_id)
        .fetch_one(&mut *conn)
        .await?;
    check_limit(conn, order, customer, Amount::from_storage(units)).await
}

async fn check_limit(
    conn: &mut SqliteConnection,
    order: &Order,
    customer: &CustomerForOrder,
    balance: Amount,
) -> Result<()> {
    if balance <= customer.balance || order.credit_override_reason.is_some() {
        return Ok(());
    }
    match customer.credit_limit {
        Some(limit) if balance > limit => Err(Error::CreditLimitExceeded(Box::new(CreditRefusal {
            customer: customer.name.clone(),
            currency: crate::business::base_currency(conn).await?.code().to_string(),
            balance: customer.balance.to_string(),
            order_amount: order.amount_total_base.to_string(),
            balance_after: balance.to_string(),
            limit: limit.to_string(),
        }))),
        _ => Ok(()),
    }
}
