//! What the orders module reads about a product when a line is added: the
//! price and tax rate it copies, and whether the product may be sold.

use std::collections::HashMap;

use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::{Product, store};
use crate::error::{Error, Result};
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
    let mut found = orderable_by_skus(conn, &[sku]).await?;
    Ok(found.remove(0))
}

/// The products with these SKUs, in the order given, read in one query; the
/// first SKU that is unknown or deleted is `not_found`. SQLite's NOCASE, which
/// the SKU index uses, folds ASCII letters only, and so does the match here.
pub async fn orderable_by_skus(conn: &mut SqliteConnection, skus: &[&str]) -> Result<Vec<OrderableProduct>> {
    let skus: Vec<&str> = skus.iter().map(|sku| sku.trim()).collect();
    let live: HashMap<String, Product> = store::find_by_skus(conn, &skus)
        .await?
        .into_iter()
        .filter(|product| product.deleted_at.is_none())
        .map(|product| (product.sku.to_ascii_lowercase(), product))
        .collect();
    skus.iter()
        .map(|sku| match live.get(&sku.to_ascii_lowercase()) {
            Some(product) => Ok(OrderableProduct::from(product.clone())),
            None => Err(store::not_found(sku.to_string())),
        })
        .collect()
}

/// Refuses the first of `product_ids` that may not be sold any more: a
/// deleted one with `not_found`, an inactive one with `product_inactive`.
/// One query for all of them, because placing checks every line at once.
pub async fn check_sellable(conn: &mut SqliteConnection, product_ids: &[i64]) -> Result<()> {
    let mut query =
        QueryBuilder::<Sqlite>::new("SELECT id, sku, active, deleted_at IS NOT NULL FROM products WHERE id IN (");
    let mut ids = query.separated(", ");
    for id in product_ids {
        ids.push_bind(id);
    }
    query.push(")");
    let found: Vec<(i64, String, bool, bool)> = query.build_query_as().fetch_all(&mut *conn).await?;
    for id in product_ids {
        match found.iter().find(|(found_id, ..)| found_id == id) {
            None | Some((_, _, _, true)) => return Err(store::not_found(id.to_string())),
            Some((_, sku, false, false)) => return Err(Error::ProductInactive { sku: sku.clone() }),
            Some(_) => {}
        }
    }
    Ok(())
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
