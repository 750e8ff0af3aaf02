//! Entering an order: a draft with lines copied from the products, placed at
//! once or later. Placing takes the stock and runs the credit check.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sqlx::SqliteConnection;

use super::store::{self, NewOrderLine, OrderHeader};
use super::totals::{LineInput, Totals};
use super::{CreditWarning, NewLine, NewOrder, Order, OrderPreview, OrderStatus, credit, history, totals};
use crate::Kontor;
use crate::business;
use crate::customers::{self, CustomerForOrder};
use crate::error::{Error, Result};
use crate::money::Currency;
use crate::products::{self, OrderableProduct, stock};
use crate::rates;
use crate::staff::{Actor, Permission};

const MAX_NOTES_CHARS: usize = 4000;

impl Kontor {
    /// Enters an order as a draft, or places it at once when `input.place`.
    pub async fn create_order(&self, actor: &Actor, input: NewOrder) -> Result<Order> {
        let mut tx = self.store().write().await?;
        let order = enter(&mut tx, actor, &input, self.now()).await?;
        tx.commit().await?;
        Ok(order)
    }

    /// What entering `input` would give (lines, tax, totals) and whether
    /// placing it would pass the credit check, without keeping anything:
    /// the same code path as `create_order`, rolled back.
    pub async fn preview_order(&self, actor: &Actor, input: NewOrder) -> Result<OrderPreview> {
        let draft = NewOrder { place: false, ..input.clone() };
        let mut tx = self.store().write().await?;
        let order = enter(&mut tx, actor, &draft, self.now()).await?;
        tx.rollback().await?;
        let credit_warning = if input.place {
            let mut tx = self.store().write().await?;
            let outcome = enter(&mut tx, actor, &input, self.now()).await;
            tx.rollback().await?;
            match outcome {
                Err(Error::CreditLimitExceeded(refusal)) => Some(CreditWarning::from(*refusal)),
                Err(other) => return Err(other),
                Ok(_) => None,
            }
        } else {
            None
        };
        Ok(OrderPreview { order, credit_warning })
    }

    /// Places a draft: takes the stock and checks the customer's credit.
    pub async fn place_order(&self, actor: &Actor, order_key: &str, credit_override: Option<&str>) -> Result<Order> {
        actor.require(Permission::EnterOrders)?;
        if credit_override.is_some() {
            actor.require(Permission::ApproveMoney)?;
        }
        let now = self.now();
        let mut tx = self.store().write().await?;
        let draft = store::find_order(&mut tx, order_key).await?;
        let customer = customers::customer_for_order(&mut tx, draft.customer_id).await?;
        let order = place(&mut tx, draft, &customer, credit_override, actor, now).await?;
        tx.commit().await?;
        Ok(order)
    }
}

/// Enters (and maybe places) an order inside the caller's transaction.
async fn enter(conn: &mut SqliteConnection, actor: &Actor, input: &NewOrder, now: DateTime<Utc>) -> Result<Order> {
    actor.require(Permission::EnterOrders)?;
    check_entry(actor, input)?;
    let customer = customers::customer_for_order(conn, input.customer_id).await?;
    let currency = Currency::parse(input.currency.as_deref().unwrap_or(&customer.currency))?;
    let base = business::base_currency(conn).await?;
    let rate = match &input.exchange_rate {
        Some(text) => totals::parse_rate(text)?,
        None => rates::rate_on(conn, base.code(), currency.code(), now.date_naive()).await?,
    };
    let header = OrderHeader {
        customer_id: customer.id,
        currency: currency.code(),
        exchange_rate: &rate.normalize().to_string(),
        payment_method: input.payment_method,
        urgent: input.urgent,
        promised_date: input.promised_date,
        notes: input.notes.trim(),
    };
    let skus: Vec<&str> = input.lines.iter().map(|line| line.sku.as_str()).collect();
    let products = products::orderable_by_skus(conn, &skus).await?;
    let (lines, totals) = price_lines(&input.lines, &products, currency, rate, base);
    let order_id = store::insert_draft(conn, &header, &totals, now).await?;
    store::insert_lines(conn, order_id, &lines, now).await?;
    let draft = store::get_order(conn, order_id).await?;
    history::record(conn, actor, now, "entered", None, &draft).await?;
    if input.place {
        // Drafts do not count in the balance, so the customer as read above still holds.
        return place(conn, draft, &customer, input.credit_override.as_deref(), actor, now).await;
    }
    Ok(draft)
}

/// The lines as they will be written, each product's price converted at
/// `rate`, and the order's totals, derived as `totals::recompute` derives them.
fn price_lines<'a>(
    entered: &[NewLine],
    products: &'a [OrderableProduct],
    currency: Currency,
    rate: Decimal,
    base: Currency,
) -> (Vec<NewOrderLine<'a>>, Totals) {
    let priced: Vec<LineInput> = entered
        .iter()
        .zip(products)
        .map(|(line, product)| LineInput {
            unit_price: product.unit_price.in_currency_worth(rate),
            tax_rate: product.tax_rate,
            effective: line.quantity,
        })
        .collect();
    let totals = totals::compute(&priced, currency, rate, base);
    let lines = products
        .iter()
        .zip(&priced)
        .zip(&totals.line_amounts)
        .map(|((product, priced), amount)| NewOrderLine {
            product,
            ordered: priced.effective,
            unit_price: priced.unit_price,
            amount: *amount,
        })
        .collect();
    (lines, totals)
}

/// What can be refused before touching the database.
fn check_entry(actor: &Actor, input: &NewOrder) -> Result<()> {
    if input.credit_override.is_some() {
        actor.require(Permission::ApproveMoney)?;
    }
    if input.place && input.lines.is_empty() {
        return Err(Error::InvalidInput {
            field: "lines",
            reason: "an order needs at least one line to be placed".into(),
        });
    }
    let mut skus = HashSet::new();
    for line in &input.lines {
        super::check_quantity(line.quantity)?;
        if !skus.insert(line.sku.trim().to_lowercase()) {
            return Err(Error::InvalidInput {
                field: "lines",
                reason: format!("{} appears twice; enter it once with the total quantity", line.sku.trim()),
            });
        }
    }
    if input.notes.chars().count() > MAX_NOTES_CHARS {
        return Err(Error::InvalidInput {
            field: "notes",
            reason: format!("must be at most {MAX_NOTES_CHARS} characters"),
        });
    }
    if let Some(reason) = &input.credit_override {
        crate::validate::required_text("creditOverride", reason, 500)?;
    }
    Ok(())
}

/// draft → placed, inside the caller's transaction; returns the placed order.
/// `customer` is as it stands without this order.
async fn place(
    conn: &mut SqliteConnection,
    draft: Order,
    customer: &CustomerForOrder,
    credit_override: Option<&str>,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Order> {
    if draft.status != OrderStatus::Draft {
        return Err(Error::InvalidState { order: draft.number, status: draft.status.as_str(), action: "place it" });
    }
    if draft.lines.is_empty() {
        return Err(Error::InvalidInput {
            field: "lines",
            reason: "an order needs at least one line to be placed".into(),
        });
    }
    let product_ids: Vec<i64> = draft.lines.iter().map(|line| line.product_id).collect();
    products::check_sellable(conn, &product_ids).await?;
    let movements: Vec<stock::Movement> = draft
        .lines
        .iter()
        .map(|line| stock::Movement {
            product_id: line.product_id,
            delta: -line.ordered,
            reason: stock::StockReason::Order,
            order_id: Some(draft.id),
            note: &draft.number,
        })
        .collect();
    stock::move_stocks(conn, &movements, actor, now).await?;
    if let Some(reason) = credit_override {
        let reason = crate::validate::required_text("creditOverride", reason, 500)?;
        sqlx::query("UPDATE orders SET credit_override_by = ?, credit_override_reason = ? WHERE id = ?")
            .bind(&actor.name)
            .bind(reason)
            .bind(draft.id)
            .execute(&mut *conn)
            .await?;
    }
    store::set_status(conn, draft.id, OrderStatus::Placed, now).await?;
    let placed = store::get_order(conn, draft.id).await?;
    credit::add_placed(conn, &placed, customer).await?;
    history::record(conn, actor, now, "placed", Some(&draft), &placed).await?;
    Ok(placed)
}
