//! Product services: add, edit, look up, list, soft-delete and adjust stock.
//! Managers and owners change the catalogue; every role reads it to enter
//! orders. Each change is one transaction with its history entry.

use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::SqliteConnection;

use super::prices;
use super::stock::{self, Movement, StockReason};
use super::store::{self, ProductFields, ProductFilter};
use super::{AdjustmentReason, NewProduct, Product, ProductDetail, ProductPage, ProductQuery, ProductUpdate};
use super::{StockAdjustment, store::not_found};
use crate::Kontor;
use crate::error::{Error, Result};
use crate::history::{self, Change, snapshot};
use crate::search::{page_size, search_text};
use crate::staff::{Actor, Permission};
use crate::validate::{non_negative_amount, non_negative_count, optional_text, required_text};

/// How many stock movements a product's detail shows.
const RECENT_MOVEMENTS: u32 = 50;

impl Kontor {
    /// Adds a product with its first price, and its opening stock as a recount.
    pub async fn add_product(&self, actor: &Actor, input: NewProduct) -> Result<Product> {
        actor.require(Permission::ManageProducts)?;
        let (sku, opening_stock, fields) = input.into_parts();
        let sku = required_text("sku", &sku, 64)?;
        let opening_stock = non_negative_count("stock", opening_stock)?;
        let fields = clean(fields)?;
        let now = self.now();
        let mut tx = self.store().write().await?;
        // SKUs are unique in any letter case, deleted products included:
        // old orders and invoices still name them.
        if store::find_by_sku(&mut tx, &sku).await?.is_some() {
            return Err(Error::Duplicate { entity: "product", field: "sku", value: sku });
        }
        let id = store::insert_product(&mut tx, &sku, &fields, now).await?;
        prices::insert_price(&mut tx, id, &fields, &actor.name, now).await?;
        if opening_stock > 0 {
            let opening = Movement {
                product_id: id,
                delta: opening_stock,
                reason: StockReason::Recount,
                order_id: None,
                note: "opening stock",
            };
            stock::move_stock(&mut tx, opening, actor, now).await?;
        }
        let product = store::get_product(&mut tx, id).await?;
        record(&mut tx, actor, "created", None, snapshot(&product), id, now).await?;
        tx.commit().await?;
        Ok(product)
    }

    /// Replaces every editable field; a new price or cost starts a new row
    /// of price history from now.
    pub async fn update_product(&self, actor: &Actor, id: i64, update: ProductUpdate) -> Result<Product> {
        actor.require(Permission::ManageProducts)?;
        let fields = clean(update)?;
        let now = self.now();
        let mut tx = self.store().write().await?;
        let before = store::get_live_product(&mut tx, id).await?;
        store::update_product(&mut tx, id, &fields, now).await?;
        let after = store::get_product(&mut tx, id).await?;
        if (after.unit_price, after.cost) != (before.unit_price, before.cost) {
            prices::insert_price(&mut tx, id, &fields, &actor.name, now).await?;
        }
        record(&mut tx, actor, "updated", snapshot(&before), snapshot(&after), id, now).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// A product by id (deleted or not) with its price history and recent
    /// stock movements.
    pub async fn get_product(&self, actor: &Actor, id: i64) -> Result<ProductDetail> {
        actor.require(Permission::EnterOrders)?;
        let mut conn = self.store().pool().acquire().await?;
        let product = store::get_product(&mut conn, id).await?;
        let prices = prices::list_prices(&mut conn, id).await?;
        let movements = prices::recent_movements(&mut conn, id, RECENT_MOVEMENTS).await?;
        Ok(ProductDetail { product, prices, movements })
    }

    /// A product by SKU (any letter case), else by id: how the CLI names them.
    /// The SKU wins, because SKUs are often numbers too.
    pub async fn find_product(&self, actor: &Actor, sku_or_id: &str) -> Result<Product> {
        actor.require(Permission::EnterOrders)?;
        let key = sku_or_id.trim();
        let mut conn = self.store().pool().acquire().await?;
        if let Some(product) = store::find_by_sku(&mut conn, key).await? {
            return Ok(product);
        }
        match key.parse::<i64>() {
            Ok(id) => store::get_product(&mut conn, id).await,
            Err(_) => Err(not_found(key.to_string())),
        }
    }

    /// One page of the products not deleted, by SKU.
    pub async fn list_products(&self, actor: &Actor, query: ProductQuery) -> Result<ProductPage> {
        actor.require(Permission::EnterOrders)?;
        let limit = page_size(query.limit)?;
        let filter = ProductFilter {
            search: search_text(query.search.as_deref()),
            low_stock_only: query.low_stock_only,
            active_only: query.active_only,
        };
        let mut conn = self.store().pool().acquire().await?;
        store::list_products(&mut conn, &filter, query.offset, limit).await
    }

    /// Soft-deletes a product: gone from lists and new orders, still shown by
    /// the orders that sold it. Its SKU stays taken.
    pub async fn delete_product(&self, actor: &Actor, id: i64) -> Result<Product> {
        actor.require(Permission::ManageProducts)?;
        let now = self.now();
        let mut tx = self.store().write().await?;
        let before = store::get_live_product(&mut tx, id).await?;
        store::delete_product(&mut tx, id, now).await?;
        let after = store::get_product(&mut tx, id).await?;
        record(&mut tx, actor, "deleted", snapshot(&before), snapshot(&after), id, now).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Stock counted, damaged or delivered. Stock never goes below zero
    /// unless the product allows backorders (`insufficient_stock`).
    pub async fn adjust_stock(&self, actor: &Actor, id: i64, adjustment: StockAdjustment) -> Result<Product> {
        actor.require(Permission::ManageProducts)?;
        check_direction(&adjustment)?;
        let note = optional_text("note", &adjustment.note, 500)?;
        let now = self.now();
        let mut tx = self.store().write().await?;
        let before = store::get_live_product(&mut tx, id).await?;
        let movement = Movement {
            product_id: id,
            delta: adjustment.delta,
            reason: adjustment.reason.stock_reason(),
            order_id: None,
            note: &note,
        };
        stock::move_stock(&mut tx, movement, actor, now).await?;
        let after = store::get_product(&mut tx, id).await?;
        let change =
            json!({ "stock": after.stock, "delta": adjustment.delta, "reason": adjustment.reason, "note": note });
        record(&mut tx, actor, "stock_adjusted", Some(json!({ "stock": before.stock })), Some(change), id, now).await?;
        tx.commit().await?;
        Ok(after)
    }
}

/// Checks every editable field, naming the first one that is wrong.
fn clean(update: ProductUpdate) -> Result<ProductFields> {
    Ok(ProductFields {
        name: required_text("name", &update.name, 200)?,
        unit_price: non_negative_amount("unitPrice", update.unit_price)?,
        cost: non_negative_amount("cost", update.cost)?,
        tax_rate: update.tax_rate.to_storage()?,
        reorder_level: non_negative_count("reorderLevel", update.reorder_level)?,
        allow_backorder: update.allow_backorder,
        active: update.active,
        notes: optional_text("notes", &update.notes, 10_000)?,
    })
}

/// A change is never zero; damage only takes stock away and a delivery only
/// adds it, so a slipped sign cannot double a mistake.
fn check_direction(adjustment: &StockAdjustment) -> Result<()> {
    let reason = match (adjustment.reason, adjustment.delta) {
        (_, 0) => "must not be 0",
        (AdjustmentReason::Damage, delta) if delta > 0 => "damage takes stock away: give a negative number",
        (AdjustmentReason::DeliveryReceived, delta) if delta < 0 => "a delivery adds stock: give a positive number",
        _ => return Ok(()),
    };
    Err(Error::InvalidInput { field: "delta", reason: reason.into() })
}

async fn record(
    conn: &mut SqliteConnection,
    actor: &Actor,
    action: &'static str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
    id: i64,
    now: DateTime<Utc>,
) -> Result<()> {
    history::record(conn, Change { entity: "product", entity_id: Some(id), action, before, after, actor, at: now })
        .await
}
