//! `kontor rate set|list`: exchange rates into the base currency.

use chrono::Local;
use clap::Subcommand;
use kontor::rates::{ExchangeRate, parse_rate, parse_valid_from};
use kontor::staff::Actor;
use kontor::{Kontor, Result};

use super::output;

#[derive(Debug, Subcommand)]
pub enum RateCommand {
    /// Enter how much base currency one unit of CURRENCY buys, from a date on
    Set {
        /// ISO 4217 code, e.g. USD
        currency: String,
        /// Units of base currency per unit of CURRENCY, e.g. 0.9231
        #[arg(allow_hyphen_values = true)]
        rate: String,
        /// First day the rate applies (default: today)
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<String>,
    },
    /// Every rate entered, by currency, newest first
    List,
}

pub async fn run(kontor: &Kontor, actor: &Actor, command: RateCommand, json: bool) -> Result<()> {
    match command {
        RateCommand::Set { currency, rate, from } => {
            let rate = parse_rate(&rate)?;
            let valid_from = match from {
                Some(text) => parse_valid_from(&text)?,
                None => kontor.now().with_timezone(&Local).date_naive(),
            };
            let entered = kontor.set_rate(actor, &currency, valid_from, rate).await?;
            output::print(json, &entered, || describe(&entered));
        }
        RateCommand::List => {
            let rates = kontor.list_rates(actor).await?;
            output::print(json, &serde_json::json!({ "rates": rates }), || {
                if rates.is_empty() {
                    return "no exchange rates entered".to_string();
                }
                rates.iter().map(describe).collect::<Vec<_>>().join("\n")
            });
        }
    }
    Ok(())
}

fn describe(rate: &ExchangeRate) -> String {
    format!("{}  from {}  {}", rate.currency, rate.valid_from, rate.rate)
}
