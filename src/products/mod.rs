//! Products: the catalogue the shop sells from (SKU, price, cost, tax rate,
//! stock on hand, reorder level), with the history of every price and cost
//! and every stock movement.

mod orderable;
mod prices;
mod service;
pub mod stock;
mod store;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::money::{Amount, TaxRate};
pub use orderable::{OrderableProduct, check_sellable, orderable_by_sku, orderable_by_skus};
use stock::StockReason;

/// A product as lists and forms show it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Product {
    #[ts(type = "number")]
    pub id: i64,
    pub sku: String,
    pub name: String,
    pub unit_price: Amount,
    pub cost: Amount,
    pub tax_rate: TaxRate,
    /// On hand; below zero only when backorders are allowed.
    #[ts(type = "number")]
    pub stock: i64,
    #[ts(type = "number")]
    pub reorder_level: i64,
    pub allow_backorder: bool,
    /// Inactive products stay in the catalogue but cannot be ordered.
    pub active: bool,
    /// At or under the reorder level: shows in the Products queue.
    pub low_stock: bool,
    pub notes: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
}

/// A product with its price history (newest first) and its last 50 stock
/// movements (newest first).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProductDetail {
    pub product: Product,
    pub prices: Vec<PriceChange>,
    pub movements: Vec<StockMovement>,
}

/// A unit price and cost, and from when they applied.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PriceChange {
    pub valid_from: DateTime<Utc>,
    pub unit_price: Amount,
    pub cost: Amount,
    pub actor_name: String,
}

/// One change to stock on hand.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StockMovement {
    pub at: DateTime<Utc>,
    #[ts(type = "number")]
    pub delta: i64,
    pub reason: StockReason,
    #[ts(type = "number | null")]
    pub order_id: Option<i64>,
    pub note: String,
    pub actor_name: String,
}

/// The form for adding a product. `stock` is the opening count.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewProduct {
    pub sku: String,
    pub name: String,
    pub unit_price: Amount,
    pub cost: Amount,
    pub tax_rate: TaxRate,
    #[ts(type = "number")]
    pub stock: i64,
    #[ts(type = "number")]
    pub reorder_level: i64,
    pub allow_backorder: bool,
    pub active: bool,
    pub notes: String,
}

impl NewProduct {
    /// The form as its SKU, opening stock, and the fields an edit can change later.
    pub fn into_parts(self) -> (String, i64, ProductUpdate) {
        let fields = ProductUpdate {
            name: self.name,
            unit_price: self.unit_price,
            cost: self.cost,
            tax_rate: self.tax_rate,
            reorder_level: self.reorder_level,
            allow_backorder: self.allow_backorder,
            active: self.active,
            notes: self.notes,
        };
        (self.sku, self.stock, fields)
    }

    pub fn from_parts(sku: String, stock: i64, fields: ProductUpdate) -> NewProduct {
        NewProduct {
            sku,
            stock,
            name: fields.name,
            unit_price: fields.unit_price,
            cost: fields.cost,
            tax_rate: fields.tax_rate,
            reorder_level: fields.reorder_level,
            allow_backorder: fields.allow_backorder,
            active: fields.active,
            notes: fields.notes,
        }
    }
}

/// The edit form: every editable field. The SKU is fixed (orders copy it),
/// and stock only changes through movements (`adjust_stock`, orders).
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProductUpdate {
    pub name: String,
    pub unit_price: Amount,
    pub cost: Amount,
    pub tax_rate: TaxRate,
    #[ts(type = "number")]
    pub reorder_level: i64,
    pub allow_backorder: bool,
    pub active: bool,
    pub notes: String,
}

impl From<&Product> for ProductUpdate {
    /// The product as it is now, for an edit that changes a few fields.
    fn from(product: &Product) -> ProductUpdate {
        ProductUpdate {
            name: product.name.clone(),
            unit_price: product.unit_price,
            cost: product.cost,
            tax_rate: product.tax_rate,
            reorder_level: product.reorder_level,
            allow_backorder: product.allow_backorder,
            active: product.active,
            notes: product.notes.clone(),
        }
    }
}

/// Which products a list shows: a page of those matching every filter given.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProductQuery {
    /// The start of a SKU, or part of a name, in any letter case.
    pub search: Option<String>,
    pub low_stock_only: bool,
    pub active_only: bool,
    pub offset: u32,
    /// 1 to 500.
    pub limit: u32,
}

/// One page of products and how many match in all.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProductPage {
    pub items: Vec<Product>,
    #[ts(type = "number")]
    pub total: i64,
}

/// Stock counted, damaged or delivered, entered by hand.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StockAdjustment {
    /// Units added (positive) or taken away (negative); never 0.
    #[ts(type = "number")]
    pub delta: i64,
    pub reason: AdjustmentReason,
    pub note: String,
}

/// Why stock is adjusted by hand; orders move stock for their own reasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AdjustmentReason {
    /// The shelf was counted: either direction.
    Recount,
    /// Units broke or spoiled: stock goes down.
    Damage,
    /// A supplier's delivery arrived: stock goes up.
    DeliveryReceived,
}

impl AdjustmentReason {
    pub fn parse(text: &str) -> Result<AdjustmentReason> {
        [AdjustmentReason::Recount, AdjustmentReason::Damage, AdjustmentReason::DeliveryReceived]
            .into_iter()
            .find(|reason| reason.stock_reason().as_str() == text.trim())
            .ok_or_else(|| Error::InvalidInput {
                field: "reason",
                reason: format!("\"{text}\" is not a reason to adjust stock (recount, damage or delivery_received)"),
            })
    }

    pub fn stock_reason(self) -> StockReason {
        match self {
            AdjustmentReason::Recount => StockReason::Recount,
            AdjustmentReason::Damage => StockReason::Damage,
            AdjustmentReason::DeliveryReceived => StockReason::DeliveryReceived,
        }
    }
}
