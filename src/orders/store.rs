//! SQL for `orders`, `order_lines` and `payments`. Reading an order always
//! returns it whole (with its lines), so every rule sees the same picture.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::totals::Totals;
use super::{LineState, Order, OrderLine, OrderStatus, Payment, PaymentMethod};
use crate::error::{Error, Result};
use crate::money::{Amount, TaxRate};
use crate::products::OrderableProduct;

#[derive(sqlx::FromRow)]
struct OrderRow {
    id: i64,
    number: String,
    customer_id: i64,
    customer_name: String,
    status: String,
    currency: String,
    exchange_rate: String,
    payment_method: String,
    urgent: bool,
    promised_date: Option<NaiveDate>,
    notes: String,
    amount_lines: i64,
    amount_tax: i64,
    amount_total: i64,
    amount_total_base: i64,
    amount_paid: i64,
    credit_override_by: Option<String>,
    credit_override_reason: Option<String>,
    placed_at: Option<DateTime<Utc>>,
    shipped_at: Option<DateTime<Utc>>,
    delivered_at: Option<DateTime<Utc>>,
    cancelled_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct LineRow {
    id: i64,
    product_id: i64,
    sku: String,
    name: String,
    unit_price: i64,
    tax_rate: i64,
    ordered: i64,
    cancelled: i64,
    returned: i64,
    damaged: i64,
    amount: i64,
    state: String,
}

impl LineRow {
    fn into_line(self) -> OrderLine {
        let state = match self.state.as_str() {
            "updated" => LineState::Updated,
            "cancelled" => LineState::Cancelled,
            "returned" => LineState::Returned,
            _ => LineState::Placed,
        };
        OrderLine {
            id: self.id,
            product_id: self.product_id,
            sku: self.sku,
            name: self.name,
            unit_price: Amount::from_storage(self.unit_price),
            tax_rate: TaxRate::from_storage(self.tax_rate),
            ordered: self.ordered,
            cancelled: self.cancelled,
            returned: self.returned,
            damaged: self.damaged,
            effective: self.ordered - self.cancelled - self.returned,
            amount: Amount::from_storage(self.amount),
            state,
        }
    }
}

/// An order, whole, by id.
pub(crate) async fn get_order(conn: &mut SqliteConnection, id: i64) -> Result<Order> {
    let row: OrderRow = sqlx::query_as(
        "SELECT o.id, o.number, o.customer_id, c.name AS customer_name, o.status, o.currency, o.exchange_rate,
                o.payment_method, o.urgent, o.promised_date, o.notes, o.amount_lines, o.amount_tax,
                o.amount_total, o.amount_total_base, o.amount_paid, o.credit_override_by,
                o.credit_override_reason, o.placed_at, o.shipped_at, o.delivered_at, o.cancelled_at,
                o.created_at, o.updated_at
         FROM orders o JOIN customers c ON c.id = o.customer_id
         WHERE o.id = ? AND o.deleted_at IS NULL",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| Error::NotFound { entity: "order", key: id.to_string() })?;
    let lines: Vec<LineRow> = sqlx::query_as(
        "SELECT id, product_id, sku, name, unit_price, tax_rate, ordered, cancelled, returned, damaged, amount, state
         FROM order_lines WHERE order_id = ? ORDER BY id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let amount_total = Amount::from_storage(row.amount_total);
    let amount_paid = Amount::from_storage(row.amount_paid);
    Ok(Order {
        id: row.id,
        number: row.number,
        customer_id: row.customer_id,
        customer_name: row.customer_name,
        status: OrderStatus::parse(&row.status)?,
        currency: row.currency,
        exchange_rate: row.exchange_rate,
        payment_method: PaymentMethod::parse(&row.payment_method)?,
        urgent: row.urgent,
        promised_date: row.promised_date,
        notes: row.notes,
        amount_lines: Amount::from_storage(row.amount_lines),
        amount_tax: Amount::from_storage(row.amount_tax),
        amount_total,
        amount_total_base: Amount::from_storage(row.amount_total_base),
        amount_paid,
        amount_due: if amount_total > amount_paid { amount_total - amount_paid } else { Amount::ZERO },
        refund_due: if amount_paid > amount_total { amount_paid - amount_total } else { Amount::ZERO },
        credit_override_by: row.credit_override_by,
        credit_override_reason: row.credit_override_reason,
        placed_at: row.placed_at,
        shipped_at: row.shipped_at,
        delivered_at: row.delivered_at,
        cancelled_at: row.cancelled_at,
        created_at: row.created_at,
        updated_at: row.updated_at,
        lines: lines.into_iter().map(LineRow::into_line).collect(),
    })
}

/// An order by its number ("SO-000042") or id ("42").
pub(crate) async fn find_order(conn: &mut SqliteConnection, key: &str) -> Result<Order> {
    let key = key.trim();
    let id: Option<i64> =
        sqlx::query_scalar("SELECT id FROM orders WHERE number = ? COLLATE NOCASE AND deleted_at IS NULL")
            .bind(key)
            .fetch_optional(&mut *conn)
            .await?;
    match id.or_else(|| key.parse().ok()) {
        Some(id) => get_order(conn, id).await.map_err(|_| Error::NotFound { entity: "order", key: key.to_string() }),
        None => Err(Error::NotFound { entity: "order", key: key.to_string() }),
    }
}

/// The fields an order is created with.
pub(super) struct OrderHeader<'a> {
    pub customer_id: i64,
    pub currency: &'a str,
    pub exchange_rate: &'a str,
    pub payment_method: PaymentMethod,
    pub urgent: bool,
    pub promised_date: Option<NaiveDate>,
    pub notes: &'a str,
}

/// Inserts a draft with its totals and gives it its number, `SO-` and the id
/// padded to 6. The id is chosen in the statement (one past the highest) so
/// the number can be written with it; the write transaction keeps it unique.
pub(super) async fn insert_draft(
    conn: &mut SqliteConnection,
    header: &OrderHeader<'_>,
    totals: &Totals,
    now: DateTime<Utc>,
) -> Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO orders (id, number, customer_id, status, currency, exchange_rate, payment_method, urgent,
                             promised_date, notes, amount_lines, amount_tax, amount_total, amount_total_base,
                             created_at, updated_at)
         SELECT next.id, printf('SO-%06d', next.id), ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
         FROM (SELECT coalesce(max(id), 0) + 1 AS id FROM orders) AS next
         RETURNING id",
    )
    .bind(header.customer_id)
    .bind(header.currency)
    .bind(header.exchange_rate)
    .bind(header.payment_method.as_str())
    .bind(header.urgent)
    .bind(header.promised_date)
    .bind(header.notes)
    .bind(totals.lines.to_storage("amountLines")?)
    .bind(totals.tax.to_storage("amountTax")?)
    .bind(totals.total.to_storage("amountTotal")?)
    .bind(totals.total_base.to_storage("amountTotalBase")?)
    .bind(now)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

/// A line about to be written. It copies the product's SKU, name and tax rate
/// as they are now (later changes to the product do not touch it) and its
/// price converted to the order's currency, since prices are kept in the base
/// currency.
pub(super) struct NewOrderLine<'a> {
    pub product: &'a OrderableProduct,
    pub ordered: i64,
    pub unit_price: Amount,
    pub amount: Amount,
}

/// Adds lines to an order, as many as fit in one statement at a time.
pub(super) async fn insert_lines(
    conn: &mut SqliteConnection,
    order_id: i64,
    lines: &[NewOrderLine<'_>],
    now: DateTime<Utc>,
) -> Result<()> {
    let mut rows = Vec::with_capacity(lines.len());
    for line in lines {
        rows.push((
            line,
            line.unit_price.to_storage("unitPrice")?,
            line.product.tax_rate.to_storage()?,
            line.amount.to_storage("amount")?,
        ));
    }
    for chunk in rows.chunks(crate::store::ROWS_PER_STATEMENT) {
        let mut insert = QueryBuilder::<Sqlite>::new(
            "INSERT INTO order_lines (order_id, product_id, sku, name, unit_price, tax_rate, ordered, amount, state,
                                      created_at, updated_at) ",
        );
        insert.push_values(chunk, |mut row, (line, unit_price, tax_rate, amount)| {
            row.push_bind(order_id)
                .push_bind(line.product.id)
                .push_bind(&line.product.sku)
                .push_bind(&line.product.name)
                .push_bind(unit_price)
                .push_bind(tax_rate)
                .push_bind(line.ordered)
                .push_bind(amount)
                .push_bind("placed")
                .push_bind(now)
                .push_bind(now);
        });
        insert.build().execute(&mut *conn).await?;
    }
    Ok(())
}

/// Writes a line's quantities and state (its amount is re-derived by totals).
pub(super) async fn update_line(conn: &mut SqliteConnection, line: &OrderLine, now: DateTime<Utc>) -> Result<()> {
    sqlx::query("UPDATE order_lines SET ordered = ?, cancelled = ?, returned = ?, damaged = ?, state = ?, updated_at = ? WHERE id = ?")
        .bind(line.ordered)
        .bind(line.cancelled)
        .bind(line.returned)
        .bind(line.damaged)
        .bind(line.state.as_str())
        .bind(now)
        .bind(line.id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Moves an order to `status`, stamping the matching time column.
pub(super) async fn set_status(
    conn: &mut SqliteConnection,
    order_id: i64,
    status: OrderStatus,
    now: DateTime<Utc>,
) -> Result<()> {
    let sql = match status {
        OrderStatus::Placed => "UPDATE orders SET status = 'placed', placed_at = ?1, updated_at = ?2 WHERE id = ?3",
        OrderStatus::Shipped => "UPDATE orders SET status = 'shipped', shipped_at = ?1, updated_at = ?2 WHERE id = ?3",
        OrderStatus::Delivered => {
            "UPDATE orders SET status = 'delivered', delivered_at = ?1, updated_at = ?2 WHERE id = ?3"
        }
        OrderStatus::Cancelled => {
            "UPDATE orders SET status = 'cancelled', cancelled_at = ?1, updated_at = ?2 WHERE id = ?3"
        }
        OrderStatus::Processing => "UPDATE orders SET status = 'processing', updated_at = ?2 WHERE id = ?3",
        OrderStatus::Draft => "UPDATE orders SET status = 'draft', updated_at = ?2 WHERE id = ?3",
    };
    // ?1 is the time stamped on the status's own column (unused for processing and draft).
    sqlx::query(sql).bind(now).bind(now).bind(order_id).execute(conn).await?;
    Ok(())
}

pub(super) async fn list_payments(conn: &mut SqliteConnection, order_id: i64) -> Result<Vec<Payment>> {
    let rows: Vec<(i64, String, i64, String, String, DateTime<Utc>)> = sqlx::query_as(
        "SELECT id, method, amount, reference, actor_name, at FROM payments WHERE order_id = ? ORDER BY id",
    )
    .bind(order_id)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(id, method, amount, reference, actor_name, at)| {
            Ok(Payment {
                id,
                method: PaymentMethod::parse(&method)?,
                amount: Amount::from_storage(amount),
                reference,
                actor_name,
                at,
            })
        })
        .collect()
}
