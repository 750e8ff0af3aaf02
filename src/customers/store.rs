//! SQL for the `customers` table. Every function takes a connection so
//! services (here and in orders) can compose them into one transaction.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::Customer;
use crate::error::{Error, Result};
use crate::money::Amount;

/// The editable columns, checked and ready to store.
pub(super) struct CustomerFields {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub billing_address: String,
    pub shipping_address: String,
    pub vip: bool,
    /// INTEGER ten-thousandths of the base currency.
    pub credit_limit: Option<i64>,
    pub currency: &'static str,
    pub notes: String,
}

#[derive(sqlx::FromRow)]
struct CustomerRow {
    id: i64,
    name: String,
    email: String,
    phone: String,
    billing_address: String,
    shipping_address: String,
    vip: bool,
    credit_limit: Option<i64>,
    currency: String,
    balance: i64,
    notes: String,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    deleted_at: Option<DateTime<Utc>>,
}

impl From<CustomerRow> for Customer {
    fn from(row: CustomerRow) -> Customer {
        let credit_limit = row.credit_limit.map(Amount::from_storage);
        let balance = Amount::from_storage(row.balance);
        Customer {
            id: row.id,
            name: row.name,
            email: row.email,
            phone: row.phone,
            billing_address: row.billing_address,
            shipping_address: row.shipping_address,
            vip: row.vip,
            credit_limit,
            currency: row.currency,
            balance,
            available_credit: credit_limit.map(|limit| limit - balance),
            notes: row.notes,
            created_at: row.created_at,
            updated_at: row.updated_at,
            deleted_at: row.deleted_at,
        }
    }
}

/// The columns `CustomerRow` reads, spelled once (sqlx wants static SQL text).
macro_rules! select_customers {
    ($($rest:tt)*) => {
        concat!(
            "SELECT id, name, email, phone, billing_address, shipping_address, vip, credit_limit, currency,
                    balance, notes, created_at, updated_at, deleted_at
             FROM customers ",
            $($rest)*
        )
    };
}

/// The list filter, shared by the page and its count: ?1 VIP only,
/// ?2 a `LIKE` pattern for name, email or phone (NULL: no search).
macro_rules! customer_filter {
    () => {
        "WHERE deleted_at IS NULL AND (?1 = 0 OR vip = 1)
           AND (?2 IS NULL OR name LIKE ?2 ESCAPE '\\' OR email LIKE ?2 ESCAPE '\\' OR phone LIKE ?2 ESCAPE '\\') "
    };
}

pub(super) async fn insert_customer(
    conn: &mut SqliteConnection,
    fields: &CustomerFields,
    now: DateTime<Utc>,
) -> Result<Customer> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO customers (name, email, phone, billing_address, shipping_address, vip, credit_limit, currency,
                                notes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(&fields.name)
    .bind(&fields.email)
    .bind(&fields.phone)
    .bind(&fields.billing_address)
    .bind(&fields.shipping_address)
    .bind(fields.vip)
    .bind(fields.credit_limit)
    .bind(fields.currency)
    .bind(&fields.notes)
    .bind(now)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    get_customer(conn, id).await
}

pub(super) async fn update_customer(
    conn: &mut SqliteConnection,
    id: i64,
    fields: &CustomerFields,
    now: DateTime<Utc>,
) -> Result<Customer> {
    sqlx::query(
        "UPDATE customers SET name = ?, email = ?, phone = ?, billing_address = ?, shipping_address = ?, vip = ?,
                              credit_limit = ?, currency = ?, notes = ?, updated_at = ?
         WHERE id = ?",
    )
    .bind(&fields.name)
    .bind(&fields.email)
    .bind(&fields.phone)
    .bind(&fields.billing_address)
    .bind(&fields.shipping_address)
    .bind(fields.vip)
    .bind(fields.credit_limit)
    .bind(fields.currency)
    .bind(&fields.notes)
    .bind(now)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    get_customer(conn, id).await
}

pub(super) async fn delete_customer(conn: &mut SqliteConnection, id: i64, now: DateTime<Utc>) -> Result<Customer> {
    sqlx::query("UPDATE customers SET deleted_at = ?, updated_at = ? WHERE id = ?")
        .bind(now)
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    get_customer(conn, id).await
}

/// A customer by id, soft-deleted or not: whatever refers to them still shows them.
pub(super) async fn get_customer(conn: &mut SqliteConnection, id: i64) -> Result<Customer> {
    sqlx::query_as::<_, CustomerRow>(select_customers!("WHERE id = ?"))
        .bind(id)
        .fetch_optional(conn)
        .await?
        .map(Customer::from)
        .ok_or_else(|| not_found(id))
}

/// A customer who has not been deleted, for changing them.
pub(super) async fn get_live_customer(conn: &mut SqliteConnection, id: i64) -> Result<Customer> {
    let customer = get_customer(conn, id).await?;
    match customer.deleted_at {
        None => Ok(customer),
        Some(_) => Err(not_found(id)),
    }
}

/// Customers (not deleted) with exactly this name, in any letter case.
/// SQLite's NOCASE folds only ASCII, so "łukasz" would miss "Łukasz": the
/// names of the same length are compared here with Unicode lower case.
pub(super) async fn find_by_name(conn: &mut SqliteConnection, name: &str) -> Result<Vec<Customer>> {
    let candidates: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, name FROM customers WHERE deleted_at IS NULL AND length(name) = ? ORDER BY id")
            .bind(name.chars().count() as i64)
            .fetch_all(&mut *conn)
            .await?;
    let wanted = name.to_lowercase();
    let mut found = Vec::new();
    for (id, _) in candidates.into_iter().filter(|(_, candidate)| candidate.to_lowercase() == wanted) {
        found.push(get_customer(conn, id).await?);
    }
    Ok(found)
}

pub(super) async fn list_customers(
    conn: &mut SqliteConnection,
    vip_only: bool,
    pattern: Option<&str>,
    offset: u32,
    limit: u32,
) -> Result<Vec<Customer>> {
    let rows = sqlx::query_as::<_, CustomerRow>(select_customers!(
        customer_filter!(),
        "ORDER BY name COLLATE NOCASE, id LIMIT ?3 OFFSET ?4"
    ))
    .bind(vip_only)
    .bind(pattern)
    .bind(limit)
    .bind(offset)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(Customer::from).collect())
}

pub(super) async fn count_customers(conn: &mut SqliteConnection, vip_only: bool, pattern: Option<&str>) -> Result<i64> {
    Ok(sqlx::query_scalar(concat!("SELECT count(*) FROM customers ", customer_filter!()))
        .bind(vip_only)
        .bind(pattern)
        .fetch_one(conn)
        .await?)
}

fn not_found(id: i64) -> Error {
    Error::NotFound { entity: "customer", key: id.to_string() }
}

/// What the orders module needs to know about a customer.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerForOrder {
    pub id: i64,
    pub name: String,
    pub currency: String,
    pub credit_limit: Option<Amount>,
    pub balance: Amount,
}

/// The customer an order is for; a soft-deleted customer cannot order
/// (`not_found`), though their past orders still show them.
pub async fn customer_for_order(conn: &mut SqliteConnection, id: i64) -> Result<CustomerForOrder> {
    let customer = get_live_customer(conn, id).await?;
    Ok(CustomerForOrder {
        id: customer.id,
        name: customer.name,
        currency: customer.currency,
        credit_limit: customer.credit_limit,
        balance: customer.balance,
    })
}
