//! Customer services: add, edit, find, list and soft-delete. Every role
//! manages customers (clerks take the orders); each change is one
//! transaction with its history entry.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::store::{self, CustomerFields};
use super::{Customer, CustomerPage, CustomerQuery, CustomerUpdate, NewCustomer};
use crate::Kontor;
use crate::business;
use crate::error::{Error, Result};
use crate::history::{self, Change, snapshot};
use crate::money::Currency;
use crate::search::{contains_pattern, page_size, search_text};
use crate::staff::{Actor, Permission};
use crate::validate::{non_negative_amount, optional_text, required_text};

impl Kontor {
    pub async fn add_customer(&self, actor: &Actor, input: NewCustomer) -> Result<Customer> {
        actor.require(Permission::ManageCustomers)?;
        let mut tx = self.store().write().await?;
        let fields = clean(input, &mut tx).await?;
        let now = self.now();
        let customer = store::insert_customer(&mut tx, &fields, now).await?;
        record(&mut tx, actor, "created", None, &customer, now).await?;
        tx.commit().await?;
        Ok(customer)
    }

    /// Replaces every editable field of a customer who has not been deleted.
    pub async fn update_customer(&self, actor: &Actor, id: i64, update: CustomerUpdate) -> Result<Customer> {
        actor.require(Permission::ManageCustomers)?;
        let mut tx = self.store().write().await?;
        let before = store::get_live_customer(&mut tx, id).await?;
        let fields = clean(update.into(), &mut tx).await?;
        let now = self.now();
        let after = store::update_customer(&mut tx, id, &fields, now).await?;
        record(&mut tx, actor, "updated", Some(&before), &after, now).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// A customer by id, deleted or not (past orders still show them).
    pub async fn get_customer(&self, actor: &Actor, id: i64) -> Result<Customer> {
        actor.require(Permission::ManageCustomers)?;
        let mut conn = self.store().pool().acquire().await?;
        store::get_customer(&mut conn, id).await
    }

    /// A customer by id, or by exact name (any letter case) among those not
    /// deleted: how the CLI names them. Two customers with the same name must
    /// be told apart by id.
    pub async fn find_customer(&self, actor: &Actor, id_or_name: &str) -> Result<Customer> {
        actor.require(Permission::ManageCustomers)?;
        let key = id_or_name.trim();
        let mut conn = self.store().pool().acquire().await?;
        if let Ok(id) = key.parse::<i64>() {
            match store::get_customer(&mut conn, id).await {
                // A customer may be called "1024"; try the name next.
                Err(Error::NotFound { .. }) => {}
                found => return found,
            }
        }
        let mut named = store::find_by_name(&mut conn, key).await?;
        match named.len() {
            0 => Err(Error::NotFound { entity: "customer", key: key.to_string() }),
            1 => Ok(named.remove(0)),
            _ => {
                let ids: Vec<String> = named.iter().map(|customer| customer.id.to_string()).collect();
                Err(Error::InvalidInput {
                    field: "customer",
                    reason: format!("{} customers are named \"{key}\"; use the id ({})", named.len(), ids.join(", ")),
                })
            }
        }
    }

    /// One page of the customers not deleted, by name.
    pub async fn list_customers(&self, actor: &Actor, query: CustomerQuery) -> Result<CustomerPage> {
        actor.require(Permission::ManageCustomers)?;
        let limit = page_size(query.limit)?;
        let pattern = search_text(query.search.as_deref()).map(contains_pattern);
        let mut conn = self.store().pool().acquire().await?;
        let items = store::list_customers(&mut conn, query.vip_only, pattern.as_deref(), query.offset, limit).await?;
        let total = store::count_customers(&mut conn, query.vip_only, pattern.as_deref()).await?;
        Ok(CustomerPage { items, total })
    }

    /// Soft-deletes a customer: gone from lists and new orders, still shown
    /// by everything that refers to them. Refused while they have open orders,
    /// which could otherwise no longer be changed.
    pub async fn delete_customer(&self, actor: &Actor, id: i64) -> Result<Customer> {
        actor.require(Permission::ManageCustomers)?;
        let mut tx = self.store().write().await?;
        let before = store::get_live_customer(&mut tx, id).await?;
        let open = open_orders(&mut tx, id).await?;
        if open > 0 {
            return Err(Error::InvalidInput {
                field: "customer",
                reason: format!("{} has {open} open order(s); ship, deliver or cancel them first", before.name),
            });
        }
        let now = self.now();
        let after = store::delete_customer(&mut tx, id, now).await?;
        record(&mut tx, actor, "deleted", Some(&before), &after, now).await?;
        tx.commit().await?;
        Ok(after)
    }
}

impl From<CustomerUpdate> for NewCustomer {
    fn from(update: CustomerUpdate) -> NewCustomer {
        NewCustomer {
            name: update.name,
            email: update.email,
            phone: update.phone,
            billing_address: update.billing_address,
            shipping_address: update.shipping_address,
            vip: update.vip,
            credit_limit: update.credit_limit,
            currency: Some(update.currency),
            notes: update.notes,
        }
    }
}

/// Checks every field, naming the first one that is wrong. The currency
/// defaults to the base currency, which needs the book (`conn`).
async fn clean(input: NewCustomer, conn: &mut SqliteConnection) -> Result<CustomerFields> {
    let name = required_text("name", &input.name, 200)?;
    let email = clean_email(&input.email)?;
    let phone = optional_text("phone", &input.phone, 50)?;
    let billing_address = optional_text("billingAddress", &input.billing_address, 1000)?;
    let shipping_address = optional_text("shippingAddress", &input.shipping_address, 1000)?;
    let credit_limit = input.credit_limit.map(|limit| non_negative_amount("creditLimit", limit)).transpose()?;
    let notes = optional_text("notes", &input.notes, 10_000)?;
    let currency = match input.currency.as_deref().map(str::trim).filter(|code| !code.is_empty()) {
        Some(code) => Currency::parse(code)?,
        None => business::base_currency(conn).await?,
    };
    Ok(CustomerFields {
        name,
        email,
        phone,
        billing_address,
        shipping_address,
        vip: input.vip,
        credit_limit,
        currency: currency.code(),
        notes,
    })
}

/// Optional, but if given it must look like an address mail can go to:
/// one '@', something before it, and a dotted domain after it.
fn clean_email(email: &str) -> Result<String> {
    let email = optional_text("email", email, 254)?;
    if email.is_empty() {
        return Ok(email);
    }
    let looks_like_email = match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && domain.split('.').all(|label| !label.is_empty())
                && !email.contains(char::is_whitespace)
        }
        None => false,
    };
    if !looks_like_email {
        return Err(Error::InvalidInput {
            field: "email",
            reason: format!("\"{email}\" is not an email address (like name@example.com)"),
        });
    }
    Ok(email)
}

/// Orders still being worked on: drafts, and placed or processing orders.
async fn open_orders(conn: &mut SqliteConnection, customer_id: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT count(*) FROM orders
         WHERE customer_id = ? AND status IN ('draft', 'placed', 'processing') AND deleted_at IS NULL",
    )
    .bind(customer_id)
    .fetch_one(conn)
    .await?)
}

async fn record(
    conn: &mut SqliteConnection,
    actor: &Actor,
    action: &'static str,
    before: Option<&Customer>,
    after: &Customer,
    now: DateTime<Utc>,
) -> Result<()> {
    history::record(
        conn,
        Change {
            entity: "customer",
            entity_id: Some(after.id),
            action,
            before: before.and_then(snapshot),
            after: snapshot(after),
            actor,
            at: now,
        },
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_optional_but_must_look_like_one() {
        assert_eq!(clean_email("  ").unwrap(), "");
        assert_eq!(clean_email(" anna@berg-hardware.de ").unwrap(), "anna@berg-hardware.de");
        assert_eq!(clean_email("łukasz@müller.example").unwrap(), "łukasz@müller.example");
        for bad in
            ["anna", "anna@", "@berg.de", "anna@berg", "anna@@berg.de", "a@b@c.de", "anna@berg.", "an na@berg.de"]
        {
            let error = clean_email(bad).unwrap_err();
            assert_eq!((error.code(), error.details()["field"].as_str()), ("invalid_input", Some("email")), "{bad}");
        }
    }
}
