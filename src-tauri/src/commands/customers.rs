//! Customers: the list, one customer, add and edit.

use kontor::customers::{Customer, CustomerPage, CustomerQuery, CustomerUpdate, NewCustomer};
use tauri::State;

use crate::error::CommandError;
use crate::state::Desktop;

#[tauri::command]
pub async fn customers_list(desktop: State<'_, Desktop>, query: CustomerQuery) -> Result<CustomerPage, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.list_customers(&actor, query).await?)
}

#[tauri::command]
pub async fn customers_get(desktop: State<'_, Desktop>, id: i64) -> Result<Customer, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.get_customer(&actor, id).await?)
}

#[tauri::command]
pub async fn customers_add(desktop: State<'_, Desktop>, input: NewCustomer) -> Result<Customer, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.add_customer(&actor, input).await?)
}

#[tauri::command]
pub async fn customers_update(
    desktop: State<'_, Desktop>,
    id: i64,
    input: CustomerUpdate,
) -> Result<Customer, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.update_customer(&actor, id, input).await?)
}
