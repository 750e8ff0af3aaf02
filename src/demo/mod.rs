//! Demo data: a believable small business — customers (some VIP, some near
//! their credit limit), a catalogue, and a year of orders in every status
//! with payments, returns and cancellations. Everything goes through the
//! real services, so the demo obeys every rule a user's book does, and the
//! same seed gives the same business.

mod names;
mod random;

use chrono::Duration;
use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

use crate::customers::NewCustomer;
use crate::error::{Error, Result};
use crate::money::{Amount, TaxRate};
use crate::orders::{NewLine, NewOrder, Order, PaymentMethod};
use crate::products::{NewProduct, Product};
use crate::staff::{Actor, Permission};
use crate::{Clock, Kontor};
pub(crate) use random::Random;

pub struct DemoOptions {
    pub orders: usize,
    pub seed: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DemoSummary {
    #[ts(type = "number")]
    pub customers: usize,
    #[ts(type = "number")]
    pub products: usize,
    #[ts(type = "number")]
    pub orders: usize,
}

/// How far loading has come, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DemoProgress {
    #[ts(type = "number")]
    pub done: usize,
    #[ts(type = "number")]
    pub total: usize,
}

const CUSTOMERS: usize = 60;
const PRODUCTS_PER_FAMILY: usize = 20;

impl Kontor {
    /// Fills a set-up but empty book. `progress(done, total)` is called after
    /// each order, so a window or terminal can show how far it is.
    pub async fn load_demo(
        &self,
        actor: &Actor,
        options: DemoOptions,
        mut progress: impl FnMut(usize, usize),
    ) -> Result<DemoSummary> {
        actor.require(Permission::EditBusiness)?;
        // Orders need the base currency: refuse before the first product is
        // written, as the demo is many transactions, not one.
        if self.business_profile().await?.is_none() {
            return Err(Error::NotSetUp);
        }
        let existing: i64 =
            sqlx::query_scalar("SELECT (SELECT count(*) FROM customers) + (SELECT count(*) FROM products)")
                .fetch_one(self.store().pool())
                .await?;
        if existing > 0 {
            return Err(Error::InvalidInput {
                field: "demo",
                reason: "demo data goes into an empty book only; this one has customers or products".into(),
            });
        }
        let mut random = Random::new(options.seed);
        // A year ago, moving forward order by order to today.
        let today = self.now();
        let clock = Clock::manual(today - Duration::days(365));
        let past = self.with_clock(clock.clone());
        let products = add_products(&past, actor, &mut random).await?;
        let customers = add_customers(&past, actor, &mut random).await?;
        let step = Duration::seconds(365 * 24 * 3600 / i64::try_from(options.orders.max(1)).unwrap_or(1));
        let mut placed = 0;
        let mut in_transit = Vec::new();
        // Orders this young are still being worked on: ten days, or long
        // enough to hold some twenty-five orders in a small demo.
        let recent_days = (365 * 25 / i64::try_from(options.orders.max(1)).unwrap_or(1)).max(10);
        let mut refused_last = false;
        for _ in 0..options.orders * 2 {
            if placed == options.orders {
                break;
            }
            // Time moves on per order entered, so the last one is entered today, not later.
            if !refused_last {
                clock.advance(step);
            }
            let customer = *random.pick(&customers);
            // Recent orders are still open (a few only drafted); older ones have moved on.
            let age_days = (today - past.now()).num_days();
            let recent = age_days < recent_days;
            let draft = recent && random.chance(20);
            let Some(order) = enter_order(&past, actor, &mut random, customer, &products, draft).await? else {
                refused_last = true;
                continue;
            };
            refused_last = false;
            placed += 1;
            if !draft && matches!(move_on(&past, actor, &mut random, &order, recent).await?, Fate::ShipLater) {
                in_transit.push(order.number);
            }
            progress(placed, options.orders);
        }
        self.advance_shipped_orders(crate::orders::DEFAULT_TRANSIT_DAYS).await?;
        for number in in_transit {
            self.ship_order(actor, &number).await?;
        }
        Ok(DemoSummary { customers: customers.len(), products: products.len(), orders: placed })
    }
}

async fn add_products(kontor: &Kontor, actor: &Actor, random: &mut Random) -> Result<Vec<Product>> {
    let mut products = Vec::new();
    for (prefix, name, cents, tax) in names::FAMILIES {
        for n in 0..PRODUCTS_PER_FAMILY {
            let variant = names::VARIANTS[n % names::VARIANTS.len()];
            let price = cents + cents * random.between(-20, 40) / 100;
            let input = NewProduct {
                sku: format!("{prefix}-{:03}", n + 1),
                name: format!("{name}{variant}"),
                unit_price: Amount::new(Decimal::new(price, 2)),
                cost: Amount::new(Decimal::new(price * random.between(45, 75) / 100, 2)),
                tax_rate: TaxRate::parse(tax)?,
                stock: random.between(5, 400),
                reorder_level: random.between(5, 30),
                allow_backorder: false,
                active: !random.chance(3),
                notes: String::new(),
            };
            products.push(kontor.add_product(actor, input).await?);
        }
    }
    Ok(products)
}

async fn add_customers(kontor: &Kontor, actor: &Actor, random: &mut Random) -> Result<Vec<i64>> {
    let mut ids = Vec::new();
    for n in 0..CUSTOMERS {
        let first = *random.pick(names::FIRST_NAMES);
        let last = *random.pick(names::LAST_NAMES);
        let name = if n % 3 == 0 {
            format!("{} {last}", random.pick(names::COMPANY_WORDS))
        } else {
            format!("{first} {last}")
        };
        let address =
            format!("{} {}, {}", random.pick(names::STREETS), random.between(1, 120), random.pick(names::CITIES));
        let credit_limit = (!random.chance(35)).then(|| Amount::new(Decimal::from(random.between(3, 40) * 250)));
        let input = NewCustomer {
            email: format!("{}{n}@example.com", email_name(&name)),
            phone: format!("+49 30 {:07}", random.between(0, 9_999_999)),
            billing_address: address.clone(),
            shipping_address: address,
            vip: random.chance(15),
            credit_limit,
            name,
            ..NewCustomer::default()
        };
        ids.push(kontor.add_customer(actor, input).await?.id);
    }
    Ok(ids)
}

/// Enters one order, placed unless `draft`; `None` when stock or credit says
/// no (a real clerk would meet the same refusal and move on).
async fn enter_order(
    kontor: &Kontor,
    actor: &Actor,
    random: &mut Random,
    customer_id: i64,
    products: &[Product],
    draft: bool,
) -> Result<Option<Order>> {
    let mut lines: Vec<NewLine> = Vec::new();
    for _ in 0..random.between(1, 4) {
        let product = random.pick(products);
        if !lines.iter().any(|line| line.sku == product.sku) {
            lines.push(NewLine { sku: product.sku.clone(), quantity: random.between(1, 6) });
        }
    }
    let method = *random.pick(&[PaymentMethod::BankTransfer, PaymentMethod::Card, PaymentMethod::Cash]);
    let input = NewOrder {
        customer_id,
        currency: None,
        exchange_rate: None,
        payment_method: method,
        urgent: random.chance(8),
        promised_date: None,
        notes: String::new(),
        lines,
        place: !draft,
        credit_override: None,
    };
    match kontor.create_order(actor, input).await {
        Ok(order) => Ok(Some(order)),
        Err(Error::InsufficientStock { .. } | Error::CreditLimitExceeded(_) | Error::ProductInactive { .. }) => {
            Ok(None)
        }
        Err(other) => Err(other),
    }
}

/// What became of an order by today.
enum Fate {
    Settled,
    /// Recent and packed: shipped at the end, so it is in transit today.
    ShipLater,
}

/// Moves an order along as a shop would have by now: most older orders are
/// paid and shipped, some cancelled, a few partly returned.
async fn move_on(kontor: &Kontor, actor: &Actor, random: &mut Random, order: &Order, recent: bool) -> Result<Fate> {
    if random.chance(7) {
        kontor.cancel_order(actor, &order.number).await?;
        return Ok(Fate::Settled);
    }
    if recent && random.chance(40) {
        return Ok(Fate::Settled); // still placed
    }
    if random.chance(85) {
        kontor.record_payment(actor, &order.number, order.payment_method, order.amount_total, "").await?;
    }
    if recent {
        return Ok(if random.chance(50) { Fate::ShipLater } else { Fate::Settled });
    }
    kontor.ship_order(actor, &order.number).await?;
    if random.chance(6) {
        let line = random.pick(&order.lines);
        kontor.return_line(actor, &order.number, &line.sku, 1, random.chance(80)).await?;
    }
    Ok(Fate::Settled)
}

/// An e-mail-safe spelling of a name: "Łukasz Müller" → "lukasz.mueller";
/// names in other scripts fall back to "customer".
fn email_name(name: &str) -> String {
    let words: Vec<String> = name
        .split_whitespace()
        .map(|word| word.chars().map(latin).collect::<String>())
        .filter(|word| !word.is_empty())
        .collect();
    if words.is_empty() { "customer".into() } else { words.join(".") }
}

fn latin(c: char) -> String {
    let plain = match c.to_lowercase().next().unwrap_or(c) {
        'ä' => "ae",
        'ö' => "oe",
        'ü' => "ue",
        'ß' => "ss",
        'ł' => "l",
        'ñ' => "n",
        'ç' => "c",
        'ø' => "o",
        'å' | 'á' | 'à' => "a",
        'é' | 'è' | 'ê' | 'ë' => "e",
        'í' | 'ï' => "i",
        'ó' | 'ô' => "o",
        'ú' => "u",
        lower if lower.is_ascii_alphanumeric() => return lower.to_string(),
        _ => "",
    };
    plain.to_string()
}

#[cfg(test)]
mod tests {
    use super::email_name;

    #[test]
    fn e_mail_names_spell_accents_plainly() {
        assert_eq!(email_name("Łukasz Müller"), "lukasz.mueller");
        assert_eq!(email_name("Bäckerei O'Brien"), "baeckerei.obrien");
        assert_eq!(email_name("Σοφία Дмитрий"), "customer");
    }
}
