//! `kontor product add|edit|show|list|adjust-stock|delete`. A product is
//! named by SKU or id.

use clap::{Args, Subcommand};
use kontor::money::{Amount, TaxRate};
use kontor::products::{
    AdjustmentReason, NewProduct, Product, ProductDetail, ProductQuery, ProductUpdate, StockAdjustment,
};
use kontor::staff::Actor;
use kontor::{Error, Kontor, Result};

use super::output;

/// How times show in text output (UTC, to the second).
const TIME: &str = "%Y-%m-%d %H:%M:%S UTC";

#[derive(Debug, Subcommand)]
pub enum ProductCommand {
    /// Add a product with its price, tax rate and opening stock
    #[command(mut_arg("name", |arg| arg.required(true)))]
    #[command(mut_arg("unit_price", |arg| arg.required(true)))]
    #[command(mut_arg("tax_rate", |arg| arg.required(true)))]
    Add {
        /// Stock-keeping unit: unique, in any letter case
        #[arg(long)]
        sku: String,
        /// Units on hand now
        #[arg(long, default_value_t = 0)]
        stock: i64,
        #[command(flatten)]
        fields: ProductFields,
    },
    /// Change a product; fields not given stay as they are (stock: adjust-stock)
    Edit {
        /// SKU or id
        product: String,
        #[command(flatten)]
        fields: ProductFields,
    },
    /// One product with its price history and last 50 stock movements
    Show {
        /// SKU or id
        product: String,
    },
    /// Products by SKU, a page at a time
    List {
        /// The start of a SKU, or part of a name
        #[arg(long)]
        search: Option<String>,
        /// Only products at or under their reorder level
        #[arg(long)]
        low_stock: bool,
        /// Only products that can be ordered
        #[arg(long)]
        active_only: bool,
        #[arg(long, default_value_t = 0)]
        offset: u32,
        /// 1 to 500
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
    /// Record stock counted, damaged or delivered
    AdjustStock {
        /// SKU or id
        product: String,
        /// Units added (or taken away, negative)
        #[arg(long, allow_hyphen_values = true, required_unless_present = "set", conflicts_with = "set")]
        delta: Option<i64>,
        /// The new count on hand; the change is worked out from the current stock
        #[arg(long, value_name = "COUNT")]
        set: Option<i64>,
        /// recount, damage or delivery_received
        #[arg(long, value_parser = parse_reason)]
        reason: AdjustmentReason,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Remove a product from lists and new orders (its SKU stays taken)
    Delete {
        /// SKU or id
        product: String,
    },
}

/// The product form as flags; on `edit`, only the flags given change.
#[derive(Debug, Args)]
pub struct ProductFields {
    #[arg(long)]
    name: Option<String>,
    /// Net price per unit, at most 4 decimals
    #[arg(long, value_name = "AMOUNT")]
    unit_price: Option<String>,
    /// What a unit costs the shop
    #[arg(long, value_name = "AMOUNT")]
    cost: Option<String>,
    /// Percent, e.g. 19 or 7.5
    #[arg(long, value_name = "PERCENT")]
    tax_rate: Option<String>,
    /// At or under this stock the product shows as low
    #[arg(long, value_name = "COUNT")]
    reorder_level: Option<i64>,
    /// Allow orders to take stock below zero
    #[arg(long, overrides_with = "no_backorder")]
    allow_backorder: bool,
    /// Stock may not go below zero
    #[arg(long)]
    no_backorder: bool,
    /// Cannot be ordered (stays in the catalogue)
    #[arg(long, overrides_with = "active")]
    inactive: bool,
    /// Can be ordered again
    #[arg(long)]
    active: bool,
    #[arg(long)]
    notes: Option<String>,
}

impl ProductFields {
    /// Writes the flags given over `form`.
    fn apply(self, form: &mut ProductUpdate) -> Result<()> {
        if let Some(name) = self.name {
            form.name = name;
        }
        if let Some(price) = self.unit_price {
            form.unit_price = Amount::parse("unitPrice", &price)?;
        }
        if let Some(cost) = self.cost {
            form.cost = Amount::parse("cost", &cost)?;
        }
        if let Some(rate) = self.tax_rate {
            form.tax_rate = TaxRate::parse(&rate)?;
        }
        if let Some(level) = self.reorder_level {
            form.reorder_level = level;
        }
        if self.allow_backorder || self.no_backorder {
            form.allow_backorder = self.allow_backorder;
        }
        if self.inactive || self.active {
            form.active = self.active;
        }
        if let Some(notes) = self.notes {
            form.notes = notes;
        }
        Ok(())
    }
}

fn parse_reason(text: &str) -> Result<AdjustmentReason, String> {
    AdjustmentReason::parse(text).map_err(|error| error.to_string())
}

pub async fn run(kontor: &Kontor, actor: &Actor, command: ProductCommand, json: bool) -> Result<()> {
    match command {
        ProductCommand::Add { sku, stock, fields } => {
            let mut form = ProductUpdate { active: true, ..ProductUpdate::default() };
            fields.apply(&mut form)?;
            let product = kontor.add_product(actor, NewProduct::from_parts(sku, stock, form)).await?;
            output::print(json, &product, || format!("added {}", describe(&product)));
        }
        ProductCommand::Edit { product, fields } => {
            let product = kontor.find_product(actor, &product).await?;
            let mut form = ProductUpdate::from(&product);
            fields.apply(&mut form)?;
            let product = kontor.update_product(actor, product.id, form).await?;
            output::print(json, &product, || format!("updated {}", describe(&product)));
        }
        ProductCommand::Show { product } => {
            let product = kontor.find_product(actor, &product).await?;
            let detail = kontor.get_product(actor, product.id).await?;
            output::print(json, &detail, || details(&detail));
        }
        ProductCommand::List { search, low_stock, active_only, offset, limit } => {
            let query = ProductQuery { search, low_stock_only: low_stock, active_only, offset, limit };
            let page = kontor.list_products(actor, query).await?;
            output::print(json, &page, || {
                let mut lines: Vec<String> = page.items.iter().map(describe).collect();
                lines.push(format!("{} of {} products", page.items.len(), page.total));
                lines.join("\n")
            });
        }
        ProductCommand::AdjustStock { product, delta, set, reason, note } => {
            let product = kontor.find_product(actor, &product).await?;
            let delta = match (delta, set) {
                (Some(delta), _) => delta,
                (None, Some(count)) if count < 0 => {
                    return Err(Error::InvalidInput { field: "set", reason: "a count cannot be negative".into() });
                }
                (None, count) => count.unwrap_or(product.stock) - product.stock,
            };
            let adjustment = StockAdjustment { delta, reason, note };
            let product = kontor.adjust_stock(actor, product.id, adjustment).await?;
            output::print(json, &product, || describe(&product));
        }
        ProductCommand::Delete { product } => {
            let product = kontor.find_product(actor, &product).await?;
            let product = kontor.delete_product(actor, product.id).await?;
            output::print(json, &product, || format!("deleted {}", describe(&product)));
        }
    }
    Ok(())
}

/// One line: SKU, name, price, tax, stock and flags.
fn describe(product: &Product) -> String {
    let flags: String =
        [(product.low_stock, "  LOW"), (!product.active, "  inactive"), (product.deleted_at.is_some(), "  deleted")]
            .into_iter()
            .filter_map(|(on, flag)| on.then_some(flag))
            .collect();
    format!(
        "{:<16} {:<32} {:>12}  tax {:>5}%  stock {:>6}{flags}",
        product.sku,
        product.name,
        product.unit_price.to_string(),
        product.tax_rate.to_string(),
        product.stock
    )
}

fn details(detail: &ProductDetail) -> String {
    let product = &detail.product;
    let mut lines = vec![
        describe(product),
        format!(
            "  cost {}  reorder level {}  backorders {}",
            product.cost,
            product.reorder_level,
            if product.allow_backorder { "allowed" } else { "no" }
        ),
    ];
    if !product.notes.is_empty() {
        lines.push(format!("  notes {}", product.notes));
    }
    lines.push("prices:".into());
    lines.extend(detail.prices.iter().map(|price| {
        let from = price.valid_from.format(TIME);
        format!("  {from}  price {}  cost {}  by {}", price.unit_price, price.cost, price.actor_name)
    }));
    lines.push("stock movements:".into());
    lines.extend(detail.movements.iter().map(|movement| {
        let order = movement.order_id.map(|id| format!("  order {id}")).unwrap_or_default();
        let (at, reason) = (movement.at.format(TIME), movement.reason.as_str());
        let line =
            format!("  {at}  {:+}  {reason}{order}  by {}  {}", movement.delta, movement.actor_name, movement.note);
        line.trim_end().to_string()
    }));
    lines.join("\n")
}
