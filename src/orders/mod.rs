//! Orders: entered as drafts or placed at once, changed line by line while
//! open, shipped, delivered, returned and cancelled, with payments and
//! refunds. Every operation is one transaction that re-derives totals, the
//! customer's balance (and so the credit check) and stock, and appends to
//! the order's history.

mod credit;
mod history;
mod lifecycle;
mod lines;
mod payments;
mod place;
mod query;
mod shipping;
mod store;
mod totals;
mod webhook;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CreditRefusal, Error, Result};
use crate::money::{Amount, TaxRate};

pub use lifecycle::DEFAULT_TRANSIT_DAYS;
pub use query::{OrderPage, OrderQuery, OrderSummary};
pub(crate) use shipping::back_off;
pub use shipping::{SHIPPING_EVENTS_FILE, ShippingEvent};
pub(crate) use store::{find_order, get_order};
pub(crate) use totals::{LineInput, compute as compute_totals};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum OrderStatus {
    Draft,
    Placed,
    Processing,
    Shipped,
    Delivered,
    Cancelled,
}

impl OrderStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            OrderStatus::Draft => "draft",
            OrderStatus::Placed => "placed",
            OrderStatus::Processing => "processing",
            OrderStatus::Shipped => "shipped",
            OrderStatus::Delivered => "delivered",
            OrderStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(text: &str) -> Result<OrderStatus> {
        [
            OrderStatus::Draft,
            OrderStatus::Placed,
            OrderStatus::Processing,
            OrderStatus::Shipped,
            OrderStatus::Delivered,
            OrderStatus::Cancelled,
        ]
        .into_iter()
        .find(|status| status.as_str() == text.trim())
        .ok_or_else(|| Error::InvalidInput {
            field: "status",
            reason: format!(
                "\"{text}\" is not an order status (draft, placed, processing, shipped, delivered, cancelled)"
            ),
        })
    }

    /// Placed or processing: lines may still change, stock is taken, and the
    /// total counts towards the customer's balance until shipped.
    pub fn is_open(self) -> bool {
        matches!(self, OrderStatus::Placed | OrderStatus::Processing)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PaymentMethod {
    Cash,
    Card,
    BankTransfer,
    Other,
}

impl PaymentMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentMethod::Cash => "cash",
            PaymentMethod::Card => "card",
            PaymentMethod::BankTransfer => "bank_transfer",
            PaymentMethod::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Result<PaymentMethod> {
        match text.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "cash" => Ok(PaymentMethod::Cash),
            "card" => Ok(PaymentMethod::Card),
            "bank_transfer" | "transfer" => Ok(PaymentMethod::BankTransfer),
            "other" => Ok(PaymentMethod::Other),
            _ => Err(Error::InvalidInput {
                field: "paymentMethod",
                reason: format!("\"{text}\" is not a payment method (cash, card, bank_transfer, other)"),
            }),
        }
    }
}

/// What happened to a line last, as the seeds' order screens show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LineState {
    Placed,
    Updated,
    Cancelled,
    Returned,
}

impl LineState {
    pub fn as_str(self) -> &'static str {
        match self {
            LineState::Placed => "placed",
            LineState::Updated => "updated",
            LineState::Cancelled => "cancelled",
            LineState::Returned => "returned",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OrderLine {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub product_id: i64,
    pub sku: String,
    pub name: String,
    pub unit_price: Amount,
    pub tax_rate: TaxRate,
    #[ts(type = "number")]
    pub ordered: i64,
    #[ts(type = "number")]
    pub cancelled: i64,
    #[ts(type = "number")]
    pub returned: i64,
    /// Of the returned units, how many came back damaged (not restocked).
    #[ts(type = "number")]
    pub damaged: i64,
    /// ordered − cancelled − returned: what the customer keeps and pays for.
    #[ts(type = "number")]
    pub effective: i64,
    pub amount: Amount,
    pub state: LineState,
}

impl OrderLine {
    /// Units that left the shop with the shipment.
    pub fn shipped(&self) -> i64 {
        self.ordered - self.cancelled
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Order {
    #[ts(type = "number")]
    pub id: i64,
    pub number: String,
    #[ts(type = "number")]
    pub customer_id: i64,
    pub customer_name: String,
    pub status: OrderStatus,
    pub currency: String,
    /// Base-currency units per unit of `currency`, frozen when placed.
    pub exchange_rate: String,
    pub payment_method: PaymentMethod,
    pub urgent: bool,
    pub promised_date: Option<NaiveDate>,
    pub notes: String,
    pub amount_lines: Amount,
    pub amount_tax: Amount,
    pub amount_total: Amount,
    pub amount_total_base: Amount,
    pub amount_paid: Amount,
    /// Still to be paid: total − paid, never below zero.
    pub amount_due: Amount,
    /// Paid beyond the current total (after returns or cancellations).
    pub refund_due: Amount,
    pub credit_override_by: Option<String>,
    pub credit_override_reason: Option<String>,
    pub placed_at: Option<DateTime<Utc>>,
    pub shipped_at: Option<DateTime<Utc>>,
    pub delivered_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub lines: Vec<OrderLine>,
}

impl Order {
    pub fn line(&self, sku: &str) -> Option<&OrderLine> {
        let sku = sku.trim();
        // The newest line for a SKU: after a cancel, the product may be added again.
        self.lines.iter().rev().find(|line| line.sku.eq_ignore_ascii_case(sku))
    }
}

/// A line as entered: a product by SKU and how many.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewLine {
    pub sku: String,
    #[ts(type = "number")]
    pub quantity: i64,
}

/// The order-entry form.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewOrder {
    #[ts(type = "number")]
    pub customer_id: i64,
    /// Defaults to the customer's currency.
    pub currency: Option<String>,
    /// Defaults to the rate in the rates table on the day of placing.
    pub exchange_rate: Option<String>,
    pub payment_method: PaymentMethod,
    pub urgent: bool,
    pub promised_date: Option<NaiveDate>,
    pub notes: String,
    pub lines: Vec<NewLine>,
    /// Place now (true) or keep as a draft.
    pub place: bool,
    /// A manager's reason to let this order exceed the customer's credit limit.
    pub credit_override: Option<String>,
}

/// The order-entry screen's live figures: the order as it would be entered,
/// and the credit-limit refusal placing it would meet, if any.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OrderPreview {
    pub order: Order,
    pub credit_warning: Option<CreditWarning>,
}

/// Why placing the previewed order would be refused: the figures of the
/// `credit_limit_exceeded` refusal, in the base currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CreditWarning {
    pub customer: String,
    pub currency: String,
    /// The balance before this order.
    #[ts(type = "string")]
    pub balance: String,
    /// This order in the base currency.
    #[ts(type = "string")]
    pub order_amount: String,
    #[ts(type = "string")]
    pub balance_after: String,
    #[ts(type = "string")]
    pub limit: String,
}

impl From<CreditRefusal> for CreditWarning {
    fn from(refusal: CreditRefusal) -> Self {
        let CreditRefusal { customer, currency, balance, order_amount, balance_after, limit } = refusal;
        CreditWarning { customer, currency, balance, order_amount, balance_after, limit }
    }
}

/// A payment received (or refund paid) on an order.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Payment {
    #[ts(type = "number")]
    pub id: i64,
    pub method: PaymentMethod,
    /// Negative for a refund.
    pub amount: Amount,
    pub reference: String,
    pub actor_name: String,
    pub at: DateTime<Utc>,
}

/// Everything the order page shows.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OrderDetail {
    pub order: Order,
    pub payments: Vec<Payment>,
    pub history: Vec<crate::history::HistoryEntry>,
    pub shipping_events: Vec<ShippingEvent>,
}

/// Whole units, more than zero.
pub(crate) fn check_quantity(quantity: i64) -> Result<()> {
    if quantity <= 0 {
        return Err(Error::InvalidQuantity { reason: format!("must be a whole number above zero (got {quantity})") });
    }
    Ok(())
}
