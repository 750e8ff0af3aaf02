//! Customers: who the shop sells to, how to reach them, the currency they
//! buy in and the credit they are allowed. Their balance is derived by the
//! orders module (`orders::credit`); here it is only read.

mod service;
mod store;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::money::Amount;

pub use store::{CustomerForOrder, customer_for_order};

/// A customer as lists, forms and orders show them.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Customer {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    /// Empty when not given (like phone and the addresses).
    pub email: String,
    pub phone: String,
    pub billing_address: String,
    pub shipping_address: String,
    pub vip: bool,
    /// In the base currency; `None` means no limit.
    pub credit_limit: Option<Amount>,
    /// The currency the customer's orders are in (ISO 4217).
    pub currency: String,
    /// Unshipped placed/processing order totals, in the base currency.
    pub balance: Amount,
    /// Limit − balance; negative when an override let the balance pass the limit.
    pub available_credit: Option<Amount>,
    pub notes: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
}

/// The form for adding a customer. Empty text means "not given".
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewCustomer {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub billing_address: String,
    pub shipping_address: String,
    pub vip: bool,
    pub credit_limit: Option<Amount>,
    /// ISO 4217 code; `None` means the business's base currency.
    pub currency: Option<String>,
    pub notes: String,
}

/// The edit form: replaces every editable field (the balance is derived).
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CustomerUpdate {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub billing_address: String,
    pub shipping_address: String,
    pub vip: bool,
    pub credit_limit: Option<Amount>,
    pub currency: String,
    pub notes: String,
}

impl From<&Customer> for CustomerUpdate {
    /// The customer as they are now, for an edit that changes a few fields.
    fn from(customer: &Customer) -> CustomerUpdate {
        CustomerUpdate {
            name: customer.name.clone(),
            email: customer.email.clone(),
            phone: customer.phone.clone(),
            billing_address: customer.billing_address.clone(),
            shipping_address: customer.shipping_address.clone(),
            vip: customer.vip,
            credit_limit: customer.credit_limit,
            currency: customer.currency.clone(),
            notes: customer.notes.clone(),
        }
    }
}

/// Which customers a list shows: a page of those matching every filter given.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CustomerQuery {
    /// Part of the name, email or phone, in any letter case.
    pub search: Option<String>,
    pub vip_only: bool,
    pub offset: u32,
    /// 1 to 500.
    pub limit: u32,
}

/// One page of customers and how many match in all.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CustomerPage {
    pub items: Vec<Customer>,
    #[ts(type = "number")]
    pub total: i64,
}
