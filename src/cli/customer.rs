//! `kontor customer add|edit|show|list|delete`. A customer is named by id or
//! by exact name.

use clap::{Args, Subcommand};
use kontor::customers::{Customer, CustomerQuery, CustomerUpdate};
use kontor::money::Amount;
use kontor::staff::Actor;
use kontor::{Kontor, Result};

use super::output;

#[derive(Debug, Subcommand)]
pub enum CustomerCommand {
    /// Add a customer (currency: the base currency unless --currency)
    #[command(mut_arg("name", |arg| arg.required(true)))]
    Add(CustomerFields),
    /// Change a customer; fields not given stay as they are
    Edit {
        /// Id or exact name
        customer: String,
        #[command(flatten)]
        fields: CustomerFields,
    },
    /// One customer: contact details, balance and available credit
    Show {
        /// Id or exact name
        customer: String,
    },
    /// Customers by name, a page at a time
    List {
        /// Part of the name, email or phone
        #[arg(long)]
        search: Option<String>,
        /// Only VIP customers
        #[arg(long)]
        vip: bool,
        #[arg(long, default_value_t = 0)]
        offset: u32,
        /// 1 to 500
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
    /// Remove a customer from lists (their orders still show them)
    Delete {
        /// Id or exact name
        customer: String,
    },
}

/// The customer form as flags; on `edit`, only the flags given change.
#[derive(Debug, Args)]
pub struct CustomerFields {
    #[arg(long)]
    name: Option<String>,
    #[arg(long)]
    email: Option<String>,
    #[arg(long)]
    phone: Option<String>,
    #[arg(long)]
    billing_address: Option<String>,
    #[arg(long)]
    shipping_address: Option<String>,
    /// Mark as VIP (shows in the VIP queue)
    #[arg(long, overrides_with = "no_vip")]
    vip: bool,
    /// No longer VIP
    #[arg(long)]
    no_vip: bool,
    /// Credit limit in the base currency, e.g. 500.00
    #[arg(long, value_name = "AMOUNT", conflicts_with = "no_credit_limit")]
    credit_limit: Option<String>,
    /// No credit limit (no credit check)
    #[arg(long)]
    no_credit_limit: bool,
    /// ISO 4217 code of the currency the customer's orders are in
    #[arg(long)]
    currency: Option<String>,
    #[arg(long)]
    notes: Option<String>,
}

impl CustomerFields {
    /// Writes the flags given over `form`.
    fn apply(self, form: &mut CustomerUpdate) -> Result<()> {
        let texts = [
            (self.name, &mut form.name),
            (self.email, &mut form.email),
            (self.phone, &mut form.phone),
            (self.billing_address, &mut form.billing_address),
            (self.shipping_address, &mut form.shipping_address),
            (self.currency, &mut form.currency),
            (self.notes, &mut form.notes),
        ];
        for (given, field) in texts {
            if let Some(value) = given {
                *field = value;
            }
        }
        if self.vip || self.no_vip {
            form.vip = self.vip;
        }
        if let Some(limit) = self.credit_limit {
            form.credit_limit = Some(Amount::parse("creditLimit", &limit)?);
        }
        if self.no_credit_limit {
            form.credit_limit = None;
        }
        Ok(())
    }
}

pub async fn run(kontor: &Kontor, actor: &Actor, command: CustomerCommand, json: bool) -> Result<()> {
    match command {
        CustomerCommand::Add(fields) => {
            let mut form = CustomerUpdate::default();
            fields.apply(&mut form)?;
            let customer = kontor.add_customer(actor, form.into()).await?;
            output::print(json, &customer, || format!("added {}", describe(&customer)));
        }
        CustomerCommand::Edit { customer, fields } => {
            let customer = kontor.find_customer(actor, &customer).await?;
            let mut form = CustomerUpdate::from(&customer);
            fields.apply(&mut form)?;
            let customer = kontor.update_customer(actor, customer.id, form).await?;
            output::print(json, &customer, || format!("updated {}", describe(&customer)));
        }
        CustomerCommand::Show { customer } => {
            let customer = kontor.find_customer(actor, &customer).await?;
            output::print(json, &customer, || details(&customer));
        }
        CustomerCommand::List { search, vip, offset, limit } => {
            let page = kontor.list_customers(actor, CustomerQuery { search, vip_only: vip, offset, limit }).await?;
            output::print(json, &page, || {
                let mut lines: Vec<String> = page.items.iter().map(describe).collect();
                lines.push(format!("{} of {} customers", page.items.len(), page.total));
                lines.join("\n")
            });
        }
        CustomerCommand::Delete { customer } => {
            let customer = kontor.find_customer(actor, &customer).await?;
            let customer = kontor.delete_customer(actor, customer.id).await?;
            output::print(json, &customer, || format!("deleted {}", describe(&customer)));
        }
    }
    Ok(())
}

/// One line: id, name, order currency, then balance and limit (base currency).
fn describe(customer: &Customer) -> String {
    let limit = customer.credit_limit.map_or("no limit".to_string(), |limit| format!("limit {limit}"));
    let vip = if customer.vip { "  VIP" } else { "" };
    let name = format!("{} ({})", customer.name, customer.currency);
    format!("{:>5}  {name:<36} balance {}  {limit}{vip}", customer.id, customer.balance)
}

fn details(customer: &Customer) -> String {
    let mut lines = vec![describe(customer)];
    let rows = [
        ("email", customer.email.clone()),
        ("phone", customer.phone.clone()),
        ("billing address", customer.billing_address.clone()),
        ("shipping address", customer.shipping_address.clone()),
        ("available credit", customer.available_credit.map(|credit| credit.to_string()).unwrap_or_default()),
        ("notes", customer.notes.clone()),
        ("deleted", customer.deleted_at.map(|at| at.format("%Y-%m-%d %H:%M:%S UTC").to_string()).unwrap_or_default()),
    ];
    lines.extend(
        rows.into_iter().filter(|(_, value)| !value.is_empty()).map(|(label, value)| format!("  {label:<17} {value}")),
    );
    lines.join("\n")
}
