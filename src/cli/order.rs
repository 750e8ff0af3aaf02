//! `kontor order …`: enter, change, ship, return and pay orders from a script.

use chrono::NaiveDate;
use clap::Subcommand;
use kontor::money::Amount;
use kontor::orders::{NewLine, NewOrder, Order, OrderQuery, OrderStatus, PaymentMethod};
use kontor::staff::Actor;
use kontor::{Kontor, Result};

use super::attachment::{self, AttachmentCommand};
use super::output;

#[derive(Debug, Subcommand)]
pub enum OrderCommand {
    /// Enter an order and place it (or keep it as a draft with --draft)
    Place {
        /// Customer id or exact name
        #[arg(long)]
        customer: String,
        /// A line as SKU:QTY (repeatable)
        #[arg(long = "line", value_name = "SKU:QTY", required = true, value_parser = parse_line)]
        lines: Vec<NewLine>,
        /// cash, card, bank_transfer or other
        #[arg(long, default_value = "bank_transfer", value_parser = parse_method)]
        payment_method: PaymentMethod,
        /// Order currency (default: the customer's)
        #[arg(long)]
        currency: Option<String>,
        /// Base-currency units per unit of the order currency (default: the rates table)
        #[arg(long)]
        rate: Option<String>,
        #[arg(long)]
        urgent: bool,
        #[arg(long, value_name = "YYYY-MM-DD")]
        promised: Option<NaiveDate>,
        #[arg(long, default_value = "")]
        notes: String,
        /// Keep as a draft instead of placing
        #[arg(long)]
        draft: bool,
        /// A manager's reason to exceed the customer's credit limit
        #[arg(long, value_name = "REASON")]
        credit_override: Option<String>,
    },
    /// Place a draft
    PlaceDraft {
        order: String,
        #[arg(long, value_name = "REASON")]
        credit_override: Option<String>,
    },
    /// One order with its lines, payments, history and shipping events
    Show {
        order: String,
    },
    /// Orders, newest first
    List {
        #[arg(long, value_parser = parse_status)]
        status: Option<OrderStatus>,
        #[arg(long)]
        search: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<NaiveDate>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<NaiveDate>,
        #[arg(long)]
        urgent: bool,
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
    },
    /// Set a line's quantity
    UpdateLine {
        order: String,
        #[arg(long)]
        sku: String,
        #[arg(long)]
        qty: i64,
    },
    /// Add a line to an open order
    AddLine {
        order: String,
        #[arg(long)]
        sku: String,
        #[arg(long)]
        qty: i64,
    },
    /// Cancel what is left of a line
    CancelLine {
        order: String,
        #[arg(long)]
        sku: String,
    },
    /// Cancel the whole order
    Cancel {
        order: String,
    },
    Ship {
        order: String,
    },
    Deliver {
        order: String,
    },
    /// Take back units of a shipped line
    Return {
        order: String,
        #[arg(long)]
        sku: String,
        #[arg(long)]
        qty: i64,
        /// Put the units back in stock
        #[arg(long, conflicts_with = "damaged", required_unless_present = "damaged")]
        restock: bool,
        /// The units came back damaged (not restocked)
        #[arg(long)]
        damaged: bool,
    },
    /// Record a payment received
    Pay {
        order: String,
        #[arg(long)]
        amount: String,
        #[arg(long, default_value = "bank_transfer", value_parser = parse_method)]
        method: PaymentMethod,
        #[arg(long, default_value = "")]
        reference: String,
    },
    /// Record a refund paid back
    Refund {
        order: String,
        #[arg(long)]
        amount: String,
        #[arg(long, default_value = "bank_transfer", value_parser = parse_method)]
        method: PaymentMethod,
        #[arg(long, default_value = "")]
        reference: String,
    },
    #[command(flatten)]
    Attachments(AttachmentCommand),
}

fn parse_line(text: &str) -> Result<NewLine, String> {
    let (sku, quantity) = text.rsplit_once(':').ok_or_else(|| format!("\"{text}\" is not SKU:QTY"))?;
    let quantity =
        quantity.trim().parse().map_err(|_| format!("\"{quantity}\" in \"{text}\" is not a whole number"))?;
    Ok(NewLine { sku: sku.trim().to_string(), quantity })
}

fn parse_method(text: &str) -> Result<PaymentMethod, String> {
    PaymentMethod::parse(text).map_err(|error| error.to_string())
}

fn parse_status(text: &str) -> Result<OrderStatus, String> {
    OrderStatus::parse(text).map_err(|error| error.to_string())
}

pub async fn run(kontor: &Kontor, actor: &Actor, command: OrderCommand, json: bool) -> Result<()> {
    let order = match command {
        OrderCommand::Place {
            customer,
            lines,
            payment_method,
            currency,
            rate,
            urgent,
            promised,
            notes,
            draft,
            credit_override,
        } => {
            let customer = kontor.find_customer(actor, &customer).await?;
            let input = NewOrder {
                customer_id: customer.id,
                currency,
                exchange_rate: rate,
                payment_method,
                urgent,
                promised_date: promised,
                notes,
                lines,
                place: !draft,
                credit_override,
            };
            kontor.create_order(actor, input).await?
        }
        OrderCommand::PlaceDraft { order, credit_override } => {
            kontor.place_order(actor, &order, credit_override.as_deref()).await?
        }
        OrderCommand::Show { order } => {
            let detail = kontor.order_detail(actor, &order).await?;
            output::print(json, &detail, || {
                let mut text = describe(&detail.order);
                for payment in &detail.payments {
                    text.push_str(&format!(
                        "\n  payment {} {} {}",
                        payment.at.date_naive(),
                        payment.method.as_str(),
                        payment.amount
                    ));
                }
                for entry in &detail.history {
                    text.push_str(&format!(
                        "\n  {}  {}  by {}",
                        entry.at.format("%Y-%m-%d %H:%M"),
                        entry.action,
                        entry.actor_name
                    ));
                }
                text
            });
            return Ok(());
        }
        OrderCommand::List { status, search, from, to, urgent, limit, offset } => {
            let query = OrderQuery { status, customer_id: None, from, to, urgent_only: urgent, search, offset, limit };
            let page = kontor.list_orders(actor, &query).await?;
            output::print(json, &page, || {
                let mut lines: Vec<String> = page
                    .items
                    .iter()
                    .map(|o| {
                        format!(
                            "{:<10} {:<11} {:>12} {} {}",
                            o.number,
                            o.status.as_str(),
                            o.amount_total,
                            o.currency,
                            o.customer_name
                        )
                    })
                    .collect();
                let plus = if page.at_least { "+" } else { "" };
                lines.push(format!("{} of {}{plus} orders", page.items.len(), page.total));
                lines.join("\n")
            });
            return Ok(());
        }
        OrderCommand::UpdateLine { order, sku, qty } => kontor.update_line_quantity(actor, &order, &sku, qty).await?,
        OrderCommand::AddLine { order, sku, qty } => kontor.add_line(actor, &order, &sku, qty).await?,
        OrderCommand::CancelLine { order, sku } => kontor.cancel_line(actor, &order, &sku).await?,
        OrderCommand::Cancel { order } => kontor.cancel_order(actor, &order).await?,
        OrderCommand::Ship { order } => {
            let shipped = kontor.ship_order(actor, &order).await?;
            kontor.deliver_shipping_events().await?;
            shipped
        }
        OrderCommand::Deliver { order } => kontor.deliver_order(actor, &order).await?,
        // clap requires exactly one of --restock and --damaged.
        OrderCommand::Return { order, sku, qty, restock, damaged: _ } => {
            kontor.return_line(actor, &order, &sku, qty, restock).await?
        }
        OrderCommand::Pay { order, amount, method, reference } => {
            kontor.record_payment(actor, &order, method, Amount::parse("amount", &amount)?, &reference).await?
        }
        OrderCommand::Refund { order, amount, method, reference } => {
            kontor.record_refund(actor, &order, method, Amount::parse("amount", &amount)?, &reference).await?
        }
        OrderCommand::Attachments(command) => return attachment::run(kontor, actor, command, json).await,
    };
    print_order(&order, json);
    Ok(())
}

fn print_order(order: &Order, json: bool) {
    output::print(json, order, || describe(order));
}

fn describe(order: &Order) -> String {
    let mut text = format!(
        "{}  {}  {}  total {} {} (tax {}), paid {}",
        order.number,
        order.status.as_str(),
        order.customer_name,
        order.amount_total,
        order.currency,
        order.amount_tax,
        order.amount_paid
    );
    if order.refund_due > Amount::ZERO {
        text.push_str(&format!(", refund due {}", order.refund_due));
    }
    for line in &order.lines {
        text.push_str(&format!(
            "\n  {:<12} ordered {:>4} cancelled {:>4} returned {:>4} = {:>4} × {} = {}  [{}]",
            line.sku,
            line.ordered,
            line.cancelled,
            line.returned,
            line.effective,
            line.unit_price,
            line.amount,
            line.state.as_str()
        ));
    }
    text
}
