//! Orders: the list, one order's page, entry (with a live preview), and
//! every change the order page offers. Orders are named by number or id.

use kontor::money::Amount;
use kontor::orders::{NewOrder, Order, OrderDetail, OrderPage, OrderPreview, OrderQuery, PaymentMethod};
use tauri::State;

use crate::error::CommandError;
use crate::state::Desktop;

#[tauri::command]
pub async fn orders_list(desktop: State<'_, Desktop>, query: OrderQuery) -> Result<OrderPage, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.list_orders(&actor, &query).await?)
}

#[tauri::command]
pub async fn orders_get(desktop: State<'_, Desktop>, order: String) -> Result<OrderDetail, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.order_detail(&actor, &order).await?)
}

#[tauri::command]
pub async fn orders_preview(desktop: State<'_, Desktop>, input: NewOrder) -> Result<OrderPreview, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.preview_order(&actor, input).await?)
}

#[tauri::command]
pub async fn orders_create(desktop: State<'_, Desktop>, input: NewOrder) -> Result<Order, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.create_order(&actor, input).await?)
}

#[tauri::command]
pub async fn orders_place(
    desktop: State<'_, Desktop>,
    order: String,
    credit_override: Option<String>,
) -> Result<Order, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.place_order(&actor, &order, credit_override.as_deref()).await?)
}

#[tauri::command]
pub async fn orders_update_line(
    desktop: State<'_, Desktop>,
    order: String,
    sku: String,
    quantity: i64,
) -> Result<Order, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.update_line_quantity(&actor, &order, &sku, quantity).await?)
}

#[tauri::command]
pub async fn orders_add_line(
    desktop: State<'_, Desktop>,
    order: String,
    sku: String,
    quantity: i64,
) -> Result<Order, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.add_line(&actor, &order, &sku, quantity).await?)
}

#[tauri::command]
pub async fn orders_cancel_line(
    desktop: State<'_, Desktop>,
    order: String,
    sku: String,
) -> Result<Order, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.cancel_line(&actor, &order, &sku).await?)
}

#[tauri::command]
pub async fn orders_cancel(desktop: State<'_, Desktop>, order: String) -> Result<Order, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.cancel_order(&actor, &order).await?)
}

/// Ships, then hands the new shipping event to its sinks at once.
#[tauri::command]
pub async fn orders_ship(desktop: State<'_, Desktop>, order: String) -> Result<Order, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    let shipped = kontor.ship_order(&actor, &order).await?;
    if let Err(error) = kontor.deliver_shipping_events().await {
        // The event stays in the outbox; housekeeping retries it.
        eprintln!("kontor: shipping event not delivered yet: {error}");
    }
    Ok(shipped)
}

#[tauri::command]
pub async fn orders_deliver(desktop: State<'_, Desktop>, order: String) -> Result<Order, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.deliver_order(&actor, &order).await?)
}

#[tauri::command]
pub async fn orders_return(
    desktop: State<'_, Desktop>,
    order: String,
    sku: String,
    quantity: i64,
    restock: bool,
) -> Result<Order, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.return_line(&actor, &order, &sku, quantity, restock).await?)
}

#[tauri::command]
pub async fn orders_pay(
    desktop: State<'_, Desktop>,
    order: String,
    method: PaymentMethod,
    amount: String,
    reference: String,
) -> Result<Order, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    let amount = Amount::parse("amount", &amount)?;
    Ok(kontor.record_payment(&actor, &order, method, amount, &reference).await?)
}

#[tauri::command]
pub async fn orders_refund(
    desktop: State<'_, Desktop>,
    order: String,
    method: PaymentMethod,
    amount: String,
    reference: String,
) -> Result<Order, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    let amount = Amount::parse("amount", &amount)?;
    Ok(kontor.record_refund(&actor, &order, method, amount, &reference).await?)
}
