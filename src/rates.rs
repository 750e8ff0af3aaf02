//! Exchange rates: how many units of the base currency one unit of another
//! currency buys, from a date on. An order freezes the rate in force on the
//! day it is entered (`rate_on`). Rates are exact decimals, stored as text.

use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::Serialize;
use sqlx::SqliteConnection;
use ts_rs::TS;

use crate::Kontor;
use crate::business;
use crate::error::{Error, Result};
use crate::history::{self, Change, snapshot};
use crate::money::Currency;
use crate::staff::{Actor, Permission};

/// The most decimals a rate may carry (banks quote 4 to 6; 10 leaves room).
pub const RATE_DECIMALS: u32 = 10;

/// One rate, in force from `valid_from` until the next one for its currency.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExchangeRate {
    pub currency: String,
    pub valid_from: NaiveDate,
    /// Units of base currency per unit of `currency`.
    #[ts(type = "string")]
    pub rate: Decimal,
    /// When this rate was (last) entered.
    pub created_at: DateTime<Utc>,
}

/// What the Exchange rates screen shows: the rates entered, and the
/// currencies a rate may be entered for (every one Kontor knows but the base).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RateSheet {
    pub base_currency: String,
    pub currencies: Vec<String>,
    /// By currency, newest first.
    pub rates: Vec<ExchangeRate>,
}

impl Kontor {
    /// Enters the rate for `currency` from `valid_from` on, replacing one
    /// already entered for that day.
    pub async fn set_rate(
        &self,
        actor: &Actor,
        currency: &str,
        valid_from: NaiveDate,
        rate: Decimal,
    ) -> Result<ExchangeRate> {
        actor.require(Permission::ManageRates)?;
        let currency = Currency::parse(currency)?;
        let rate = check_rate(rate)?;
        let now = self.now();
        let mut tx = self.store().write().await?;
        let base = business::base_currency(&mut tx).await?;
        if currency == base {
            return Err(Error::InvalidInput {
                field: "currency",
                reason: format!("{base} is the base currency: its rate is always 1"),
            });
        }
        let before = get_rate(&mut tx, currency.code(), valid_from).await?;
        let rowid: i64 = sqlx::query_scalar(
            "INSERT INTO exchange_rates (currency, valid_from, rate, created_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (currency, valid_from) DO UPDATE SET rate = excluded.rate, created_at = excluded.created_at
             RETURNING rowid",
        )
        .bind(currency.code())
        .bind(valid_from)
        .bind(rate.to_string())
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        let after = get_rate(&mut tx, currency.code(), valid_from).await?.expect("the rate was just written");
        history::record(
            &mut tx,
            Change {
                entity: "exchange_rate",
                entity_id: Some(rowid),
                action: if before.is_some() { "updated" } else { "created" },
                before: before.as_ref().and_then(snapshot),
                after: snapshot(&after),
                actor,
                at: now,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Every rate entered, by currency, newest first.
    pub async fn list_rates(&self, actor: &Actor) -> Result<Vec<ExchangeRate>> {
        actor.require(Permission::EnterOrders)?;
        let mut conn = self.store().pool().acquire().await?;
        all_rates(&mut conn).await
    }

    /// The rates entered, with the base currency and the currencies a rate
    /// may be entered for.
    pub async fn rate_sheet(&self, actor: &Actor) -> Result<RateSheet> {
        actor.require(Permission::EnterOrders)?;
        let mut conn = self.store().pool().acquire().await?;
        let base = business::base_currency(&mut conn).await?;
        let currencies =
            Currency::all().filter(|currency| *currency != base).map(|currency| currency.code().to_string());
        Ok(RateSheet {
            base_currency: base.code().to_string(),
            currencies: currencies.collect(),
            rates: all_rates(&mut conn).await?,
        })
    }
}

async fn all_rates(conn: &mut SqliteConnection) -> Result<Vec<ExchangeRate>> {
    let rows: Vec<RateRow> = sqlx::query_as(
        "SELECT currency, valid_from, rate, created_at FROM exchange_rates ORDER BY currency, valid_from DESC",
    )
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(RateRow::into_rate).collect()
}

/// Reads a rate as typed in a form or on the command line.
pub fn parse_rate(text: &str) -> Result<Decimal> {
    let rate = Decimal::from_str(text.trim()).map_err(|_| Error::InvalidInput {
        field: "rate",
        reason: format!("\"{text}\" is not a number (use digits and a decimal point, e.g. 1.0842)"),
    })?;
    check_rate(rate)
}

/// Reads the first day of a rate as typed in a form or on the command line.
pub fn parse_valid_from(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| Error::InvalidInput {
        field: "validFrom",
        reason: format!("\"{text}\" is not a date (use YYYY-MM-DD)"),
    })
}

/// Units of `base_currency` one unit of `currency` buys on `date`: 1 for the
/// base currency itself, else the newest rate from that date or before.
pub async fn rate_on(
    conn: &mut SqliteConnection,
    base_currency: &str,
    currency: &str,
    date: NaiveDate,
) -> Result<Decimal> {
    if currency.eq_ignore_ascii_case(base_currency) {
        return Ok(Decimal::ONE);
    }
    let row: Option<RateRow> = sqlx::query_as(
        "SELECT currency, valid_from, rate, created_at FROM exchange_rates
         WHERE currency = ? AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1",
    )
    .bind(currency.to_ascii_uppercase())
    .bind(date)
    .fetch_optional(conn)
    .await?;
    match row {
        Some(row) => Ok(row.into_rate()?.rate),
        None => Err(Error::NoExchangeRate { currency: currency.to_string(), date: date.to_string() }),
    }
}

/// Above zero, with at most `RATE_DECIMALS` decimals; kept without trailing zeros.
fn check_rate(rate: Decimal) -> Result<Decimal> {
    let rate = rate.normalize();
    if rate <= Decimal::ZERO {
        return Err(Error::InvalidInput { field: "rate", reason: format!("must be above 0 (got {rate})") });
    }
    if rate.scale() > RATE_DECIMALS {
        return Err(Error::InvalidInput {
            field: "rate",
            reason: format!("may have at most {RATE_DECIMALS} decimals (got {rate})"),
        });
    }
    Ok(rate)
}

#[derive(sqlx::FromRow)]
struct RateRow {
    currency: String,
    valid_from: NaiveDate,
    rate: String,
    created_at: DateTime<Utc>,
}

impl RateRow {
    fn into_rate(self) -> Result<ExchangeRate> {
        let rate = Decimal::from_str(&self.rate).map_err(|error| Error::Database(sqlx::Error::Decode(error.into())))?;
        Ok(ExchangeRate { currency: self.currency, valid_from: self.valid_from, rate, created_at: self.created_at })
    }
}

async fn get_rate(conn: &mut SqliteConnection, currency: &str, valid_from: NaiveDate) -> Result<Option<ExchangeRate>> {
    let row: Option<RateRow> = sqlx::query_as(
        "SELECT currency, valid_from, rate, created_at FROM exchange_rates WHERE currency = ? AND valid_from = ?",
    )
    .bind(currency)
    .bind(valid_from)
    .fetch_optional(conn)
    .await?;
    row.map(RateRow::into_rate).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_positive_with_at_most_ten_decimals() {
        assert_eq!(parse_rate(" 1.08420 ").unwrap().to_string(), "1.0842");
        assert_eq!(parse_rate("0.0000000001").unwrap().to_string(), "0.0000000001");
        for bad in ["0", "-1.2", "abc", "1,08", "0.00000000001", ""] {
            let error = parse_rate(bad).unwrap_err();
            assert_eq!((error.code(), error.details()["field"].as_str()), ("invalid_input", Some("rate")), "{bad}");
        }
    }

    #[test]
    fn the_first_day_is_an_iso_date() {
        assert_eq!(parse_valid_from(" 2026-11-01 ").unwrap(), NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
        for bad in ["", "01.11.2026", "2026-02-30", "tomorrow"] {
            let error = parse_valid_from(bad).unwrap_err();
            assert_eq!(
                (error.code(), error.details()["field"].as_str()),
                ("invalid_input", Some("validFrom")),
                "{bad}"
            );
        }
    }
}
