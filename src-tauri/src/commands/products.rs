//! Products: the list (also the order-entry search), one product with its
//! price history and stock movements, add, edit, adjust stock.

use kontor::products::{NewProduct, Product, ProductDetail, ProductPage, ProductQuery, ProductUpdate, StockAdjustment};
use tauri::State;

use crate::error::CommandError;
use crate::state::Desktop;

#[tauri::command]
pub async fn products_list(desktop: State<'_, Desktop>, query: ProductQuery) -> Result<ProductPage, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.list_products(&actor, query).await?)
}

#[tauri::command]
pub async fn products_get(desktop: State<'_, Desktop>, id: i64) -> Result<ProductDetail, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.get_product(&actor, id).await?)
}

#[tauri::command]
pub async fn products_add(desktop: State<'_, Desktop>, input: NewProduct) -> Result<Product, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.add_product(&actor, input).await?)
}

#[tauri::command]
pub async fn products_update(
    desktop: State<'_, Desktop>,
    id: i64,
    input: ProductUpdate,
) -> Result<Product, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.update_product(&actor, id, input).await?)
}

#[tauri::command]
pub async fn products_adjust_stock(
    desktop: State<'_, Desktop>,
    id: i64,
    adjustment: StockAdjustment,
) -> Result<Product, CommandError> {
    let (kontor, actor) = desktop.acting().await?;
    Ok(kontor.adjust_stock(&actor, id, adjustment).await?)
}
