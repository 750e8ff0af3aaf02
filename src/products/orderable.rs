//! What the orders module reads about a product when a line is added: the
//! price and tax rate it copies, and whether the product may be sold.

use sqlx::SqliteConnection;

use super::{Product, store};
use crate::error::Result;
use crate::money::{Amount, TaxRate};

#[derive(Debug, Clone, PartialEq)]
pub struct OrderableProduct {
    pub id: i64,
    pub sku: String,
    pub name: String,
    pub unit_price: Amount,
    pub tax_rate: TaxRate,
    /// An inactive product is found, so the caller can refuse it with `product_inactive`.
    pub active: bool,
}

/// The product with this SKU (any letter case); a deleted one is `not_found`.
pub async fn orderable_by_sku(conn: &mut SqliteConnection, sku: &str) -> Result<OrderableProduct> {
    let sku = sku.trim();
    match store::find_by_sku(conn, sku).await? {
        Some(product) if product.deleted_at.is_none() => Ok(product.into()),
        _ => Err(store::not_found(sku.to_string())),
    }
}

/// The product with this id; a deleted one is `not_found`.
pub async fn orderable_by_id(conn: &mut SqliteConnection, id: i64) -> Result<OrderableProduct> {
    Ok(store::get_live_product(conn, id).await?.into())
}

impl From<Product> for OrderableProduct {
    fn from(product: Product) -> OrderableProduct {
        OrderableProduct {
            id: product.id,
            sku: product.sku,
            name: product.name,
            unit_price: product.unit_price,
            tax_rate: product.tax_rate,
            active: product.active,
        }
    }
}
