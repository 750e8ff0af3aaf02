//! The CLI's commands. Each opens the book in the data folder, acts as the
//! operating-system account that owns that folder, and calls the core.

mod attachment;
mod bench;
mod business;
mod customer;
mod info;
mod invoice;
mod mail;
mod order;
mod os_account;
pub mod output;
mod password_input;
mod print;
mod product;
mod rate;
mod report;
mod user;

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};
use kontor::staff::Actor;
use kontor::{Kontor, Result};

#[derive(Debug, Parser)]
#[command(name = "kontor", version, about = "Kontor: order management and invoicing, from the command line")]
pub struct Args {
    /// Folder holding kontor.db and its backups (default: KONTOR_DATA_DIR, else the OS data folder)
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    /// Print one JSON object instead of text (errors go to stderr as JSON too)
    #[arg(long, global = true)]
    pub json: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create (or upgrade) the database; optionally record the business
    Init {
        /// The business name shown on screens and invoices
        #[arg(long)]
        business: Option<String>,
        /// Base currency (ISO 4217, e.g. EUR); fixed once set
        #[arg(long, default_value = "EUR", requires = "business")]
        currency: String,
    },
    /// Database path, schema version and record counts
    Info,
    /// Staff accounts
    #[command(subcommand)]
    User(user::UserCommand),
    /// Customers: contact details, currency, credit limit
    #[command(subcommand)]
    Customer(customer::CustomerCommand),
    /// The product catalogue: prices, tax rates, stock
    #[command(subcommand)]
    Product(product::ProductCommand),
    /// Exchange rates into the base currency
    #[command(subcommand)]
    Rate(rate::RateCommand),
    /// Fill an empty book with a believable demo business
    Demo {
        /// How many orders, spread over the past 12 months
        #[arg(long, default_value_t = 2000)]
        orders: usize,
        /// The same seed gives the same business
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Build a large book in an empty data folder and time the busy paths
    /// (`kontor bench invoices`: the invoice PDF next to wkhtmltopdf and Chromium)
    Bench {
        /// What to measure: orders (default) or invoices
        #[arg(value_enum, default_value = "orders")]
        target: bench::BenchTarget,
        /// Invoices issued and exported in the timed batch (bench invoices)
        #[arg(long, default_value_t = 1_000)]
        batch: usize,
        #[arg(long, default_value_t = 1_000_000)]
        orders: usize,
        #[arg(long, default_value_t = 100_000)]
        products: usize,
        #[arg(long, default_value_t = 2_000)]
        customers: usize,
        /// Orders placed (and raw transactions written) for the timing
        #[arg(long, default_value_t = 2_000)]
        runs: usize,
    },
    /// Orders: enter, change, ship, deliver, return, pay, refund
    #[command(subcommand)]
    Order(order::OrderCommand),
    /// A report for a period: table, JSON, CSV, its chart as SVG or PNG, or all as PDF
    Report(report::ReportArgs),
    /// Invoices and credit notes: issue, credit, show, list, PDF, e-mail, print, batch
    #[command(subcommand)]
    Invoice(invoice::InvoiceCommand),
    /// What invoices say about the business: legal name, address, logo, terms…
    #[command(subcommand)]
    Business(business::BusinessCommand),
    /// E-mail: SMTP settings (password in the OS keyring), the outbox
    #[command(subcommand)]
    Mail(mail::MailCommand),
    /// Print a PDF on a CUPS printer
    Print {
        file: PathBuf,
        /// The CUPS queue name (`lpstat -p` lists them)
        #[arg(long)]
        printer: String,
    },
}

pub async fn run(args: Args) -> Result<()> {
    // The invoice bench works in a throw-away book: it must not open (or migrate) the data folder.
    if let Command::Bench { target: bench::BenchTarget::Invoices, runs, batch, .. } = args.command {
        return bench::invoices(runs, batch, args.json).await;
    }
    let data_dir = args.data_dir.unwrap_or_else(kontor::store::default_data_dir);
    let kontor = Kontor::open(&data_dir).await?;
    let actor = Actor::operating_system(&os_account::owner_of(&data_dir));
    let result = match args.command {
        Command::Init { business, currency } => init(&kontor, &actor, &data_dir, business, &currency, args.json).await,
        Command::Info => info::show(&kontor, &data_dir, args.json).await,
        Command::User(command) => user::run(&kontor, &actor, command, args.json).await,
        Command::Customer(command) => customer::run(&kontor, &actor, command, args.json).await,
        Command::Product(command) => product::run(&kontor, &actor, command, args.json).await,
        Command::Rate(command) => rate::run(&kontor, &actor, command, args.json).await,
        Command::Bench { orders, products, customers, runs, .. } => {
            let size = kontor::benchmark::DatasetSize { orders, lines_per_order: 3, products, customers };
            bench::run(&kontor, &actor, size, runs, args.json).await
        }
        Command::Demo { orders, seed } => demo(&kontor, &actor, orders, seed, args.json).await,
        Command::Order(command) => order::run(&kontor, &actor, command, args.json).await,
        Command::Report(command) => report::run(&kontor, &actor, command, args.json).await,
        Command::Invoice(command) => invoice::run(&kontor, &actor, command, args.json).await,
        Command::Business(command) => business::run(&kontor, &actor, command, args.json).await,
        Command::Mail(command) => mail::run(&kontor, &actor, command, args.json).await,
        Command::Print { file, printer } => print::run(&file, &printer, args.json).await,
    };
    kontor.store().close().await;
    result
}

async fn init(
    kontor: &Kontor,
    actor: &Actor,
    data_dir: &Path,
    business: Option<String>,
    currency: &str,
    json: bool,
) -> Result<()> {
    let profile = match business {
        Some(name) => Some(kontor.register_business(actor, &name, currency).await?),
        None => kontor.business_profile().await?,
    };
    let schema = kontor.store().schema_version().await?;
    output::print(
        json,
        &serde_json::json!({
            "database": kontor.store().path(),
            "schemaVersion": schema,
            "business": profile,
        }),
        || {
            let business =
                profile.as_ref().map_or("not set up yet".to_string(), |p| format!("{} ({})", p.name, p.base_currency));
            format!(
                "Kontor database ready: {}\nschema {schema}\nbusiness: {business}\ndata folder: {}",
                kontor.store().path().display(),
                data_dir.display()
            )
        },
    );
    Ok(())
}

async fn demo(kontor: &Kontor, actor: &Actor, orders: usize, seed: u64, json: bool) -> Result<()> {
    let summary = kontor
        .load_demo(actor, kontor::demo::DemoOptions { orders, seed }, |done, total| {
            if !json && (done % 250 == 0 || done == total) {
                eprintln!("demo: {done} of {total} orders");
            }
        })
        .await?;
    output::print(json, &summary, || {
        format!(
            "demo business ready: {} customers, {} products, {} orders",
            summary.customers, summary.products, summary.orders
        )
    });
    Ok(())
}
