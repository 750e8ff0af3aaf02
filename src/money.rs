//! Money: exact decimal amounts and the currencies they are in.
//!
//! Amounts are `rust_decimal::Decimal`, stored in SQLite as INTEGER
//! ten-thousandths (so SQL `SUM()` is exact), carried in JSON as strings.
//! Rounding to a currency's minor unit is half away from zero, per line
//! (DOMAIN.md); `Decimal::round()` is banker's rounding and must not be used.

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// Decimal places kept in storage: unit prices may carry 4.
pub const STORAGE_SCALE: u32 = 4;

/// An exact amount of money (or a unit price) in some currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize, TS)]
#[serde(transparent)]
#[ts(export, type = "string")]
pub struct Amount(Decimal);

impl Amount {
    /// Zero, shown as "0.00" like stored amounts.
    pub const ZERO: Amount = Amount(Decimal::from_parts(0, 0, 0, false, 2));

    pub fn new(value: Decimal) -> Amount {
        Amount(value)
    }

    pub fn value(self) -> Decimal {
        self.0
    }

    /// Reads the INTEGER ten-thousandths a column holds, shown with as many
    /// decimals as it needs but at least two ("12.50", "0.0001").
    pub fn from_storage(units: i64) -> Amount {
        let mut value = Decimal::new(units, STORAGE_SCALE).normalize();
        if value.scale() < 2 {
            value.rescale(2);
        }
        Amount(value)
    }

    /// The INTEGER ten-thousandths to store. Refuses amounts with more than
    /// 4 decimals or beyond i64, rather than silently rounding them.
    pub fn to_storage(self, field: &'static str) -> Result<i64> {
        let invalid = || Error::InvalidAmount { field, value: self.0.to_string() };
        let normalized = self.0.normalize();
        if normalized.scale() > STORAGE_SCALE {
            return Err(invalid());
        }
        let mut scaled = normalized;
        scaled.rescale(STORAGE_SCALE);
        i64::try_from(scaled.mantissa()).map_err(|_| invalid())
    }

    /// Rounds to the currency's minor unit, half away from zero.
    pub fn round_to(self, currency: Currency) -> Amount {
        Amount(self.0.round_dp_with_strategy(currency.minor_units(), RoundingStrategy::MidpointAwayFromZero))
    }

    /// `quantity` units at this unit price, rounded to the currency (one line's amount).
    pub fn times(self, quantity: i64, currency: Currency) -> Amount {
        Amount(self.0 * Decimal::from(quantity)).round_to(currency)
    }

    /// Converted at `rate` (base units per unit) and rounded to the base currency.
    pub fn convert(self, rate: Decimal, base: Currency) -> Amount {
        Amount(self.0 * rate).round_to(base)
    }

    /// A base-currency price expressed in a currency worth `rate` base units
    /// per unit, kept to the 4 decimals a unit price may carry.
    pub fn in_currency_worth(self, rate: Decimal) -> Amount {
        Amount((self.0 / rate).round_dp_with_strategy(STORAGE_SCALE, RoundingStrategy::MidpointAwayFromZero))
    }

    /// Parses user input ("12.5", "-3", "0.0001") for the named field.
    pub fn parse(field: &'static str, text: &str) -> Result<Amount> {
        let invalid = || Error::InvalidAmount { field, value: text.to_string() };
        let value = Decimal::from_str(text.trim()).map_err(|_| invalid())?;
        let amount = Amount(value);
        amount.to_storage(field)?;
        Ok(amount)
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::ops::Add for Amount {
    type Output = Amount;
    fn add(self, other: Amount) -> Amount {
        Amount(self.0 + other.0)
    }
}

impl std::ops::Sub for Amount {
    type Output = Amount;
    fn sub(self, other: Amount) -> Amount {
        Amount(self.0 - other.0)
    }
}

impl std::ops::Neg for Amount {
    type Output = Amount;
    fn neg(self) -> Amount {
        Amount(-self.0)
    }
}

impl std::iter::Sum for Amount {
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Amount {
        iter.fold(Amount::ZERO, |total, amount| total + amount)
    }
}

/// A tax rate in percent ("19", "7.5"), stored like amounts as INTEGER
/// ten-thousandths (of a percent), so 19 % is 190000.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize, TS)]
#[serde(transparent)]
#[ts(export, type = "string")]
pub struct TaxRate(Decimal);

impl TaxRate {
    /// Reads the INTEGER ten-thousandths of a percent, without trailing zeros ("19", "7.5").
    pub fn from_storage(units: i64) -> TaxRate {
        TaxRate(Decimal::new(units, STORAGE_SCALE).normalize())
    }

    pub fn to_storage(self) -> Result<i64> {
        Amount(self.0).to_storage("taxRate")
    }

    /// Parses a percentage between 0 and 100 with at most 4 decimals.
    pub fn parse(text: &str) -> Result<TaxRate> {
        let invalid = || Error::InvalidInput {
            field: "taxRate",
            reason: format!("\"{text}\" is not a percentage between 0 and 100"),
        };
        let value = Decimal::from_str(text.trim().trim_end_matches('%')).map_err(|_| invalid())?;
        if value < Decimal::ZERO || value > Decimal::ONE_HUNDRED || value.normalize().scale() > STORAGE_SCALE {
            return Err(invalid());
        }
        Ok(TaxRate(value))
    }

    /// The tax on `base`, rounded once to the currency (EN 16931: per rate, on the sum).
    pub fn tax_on(self, base: Amount, currency: Currency) -> Amount {
        Amount(base.0 * self.0 / Decimal::ONE_HUNDRED).round_to(currency)
    }
}

impl fmt::Display for TaxRate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.normalize().fmt(f)
    }
}

/// An ISO 4217 currency Kontor knows, with its minor unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Currency {
    code: &'static str,
    minor_units: u32,
}

/// Currencies a small business is likely to invoice in. Minor units per ISO 4217.
#[rustfmt::skip]
const CURRENCIES: &[(&str, u32)] = &[
    ("AED", 2), ("AUD", 2), ("BGN", 2), ("BHD", 3), ("BRL", 2), ("CAD", 2), ("CHF", 2),
    ("CLP", 0), ("CNY", 2), ("CZK", 2), ("DKK", 2), ("EUR", 2), ("GBP", 2), ("HKD", 2),
    ("HUF", 2), ("IDR", 2), ("ILS", 2), ("INR", 2), ("ISK", 0), ("JOD", 3), ("JPY", 0),
    ("KRW", 0), ("KWD", 3), ("MXN", 2), ("MYR", 2), ("NOK", 2), ("NZD", 2), ("OMR", 3),
    ("PHP", 2), ("PLN", 2), ("RON", 2), ("RSD", 2), ("SAR", 2), ("SEK", 2), ("SGD", 2),
    ("THB", 2), ("TND", 3), ("TRY", 2), ("UAH", 2), ("USD", 2), ("VND", 0), ("ZAR", 2),
];

impl Currency {
    /// Looks up a currency by its code, case-insensitively.
    pub fn parse(code: &str) -> Result<Currency> {
        let wanted = code.trim().to_ascii_uppercase();
        CURRENCIES
            .iter()
            .find(|(known, _)| *known == wanted)
            .map(|&(code, minor_units)| Currency { code, minor_units })
            .ok_or_else(|| Error::InvalidCurrency { code: code.to_string() })
    }

    pub fn code(self) -> &'static str {
        self.code
    }

    /// Digits after the decimal point in the currency's smallest coin.
    pub fn minor_units(self) -> u32 {
        self.minor_units
    }

    /// Every currency Kontor knows, by code.
    pub fn all() -> impl Iterator<Item = Currency> {
        CURRENCIES.iter().map(|&(code, minor_units)| Currency { code, minor_units })
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(text: &str) -> Amount {
        Amount::parse("amount", text).unwrap()
    }

    fn currency(code: &str) -> Currency {
        Currency::parse(code).unwrap()
    }

    #[test]
    fn rounds_half_away_from_zero_not_to_even() {
        let eur = currency("EUR");
        assert_eq!(amount("2.345").round_to(eur), amount("2.35"));
        assert_eq!(amount("2.355").round_to(eur), amount("2.36"));
        assert_eq!(amount("0.125").round_to(eur), amount("0.13"), "banker's would give 0.12");
        assert_eq!(amount("-0.125").round_to(eur), amount("-0.13"));
        assert_eq!(amount("2.344").round_to(eur), amount("2.34"));
    }

    #[test]
    fn rounds_to_each_currency_minor_unit() {
        assert_eq!(amount("1234.5").round_to(currency("JPY")), amount("1235"));
        assert_eq!(amount("1.2345").round_to(currency("KWD")), amount("1.235"));
        assert_eq!(amount("1.2345").round_to(currency("USD")), amount("1.23"));
        assert_eq!(currency("jpy").minor_units(), 0);
        assert_eq!(currency("KWD").minor_units(), 3);
        assert_eq!(currency("eur").code(), "EUR");
    }

    #[test]
    fn unknown_currency_is_refused_with_its_code() {
        let error = Currency::parse("XYZ").unwrap_err();
        assert_eq!(error.code(), "invalid_currency");
        assert!(error.to_string().contains("XYZ"));
    }

    #[test]
    fn storage_is_integer_ten_thousandths_both_ways() {
        assert_eq!(amount("12.5").to_storage("price").unwrap(), 125_000);
        assert_eq!(amount("0.0001").to_storage("price").unwrap(), 1);
        assert_eq!(amount("-3").to_storage("price").unwrap(), -30_000);
        assert_eq!(Amount::from_storage(125_000), amount("12.5"));
        assert_eq!(Amount::from_storage(1).to_string(), "0.0001");
        assert_eq!(Amount::from_storage(125_000).to_string(), "12.50");
        assert_eq!(Amount::from_storage(-30_000).to_string(), "-3.00");
    }

    #[test]
    fn more_than_four_decimals_is_refused_not_rounded() {
        let error = Amount::parse("unit_price", "1.00001").unwrap_err();
        assert_eq!(error.code(), "invalid_amount");
        assert!(error.to_string().starts_with("unit_price:"));
        // Trailing zeros are not extra precision.
        assert_eq!(amount("1.50000").to_storage("price").unwrap(), 15_000);
    }

    #[test]
    fn text_that_is_not_an_amount_is_refused() {
        for bad in ["", "abc", "1,50", "12.5€", "1e3x"] {
            let error = Amount::parse("amount", bad).unwrap_err();
            assert_eq!(error.code(), "invalid_amount", "{bad:?}");
        }
    }

    #[test]
    fn base_prices_convert_into_the_order_currency_to_four_decimals() {
        let rate = Decimal::from_str("0.9213").unwrap(); // EUR per USD
        assert_eq!(amount("10.00").in_currency_worth(rate), amount("10.8542"));
        assert_eq!(amount("10.00").in_currency_worth(Decimal::ONE), amount("10.00"));
    }

    #[test]
    fn json_carries_amounts_as_strings() {
        let json = serde_json::to_string(&amount("12.50")).unwrap();
        assert_eq!(json, "\"12.50\"");
        let back: Amount = serde_json::from_str("\"0.0001\"").unwrap();
        assert_eq!(back, amount("0.0001"));
    }

    #[test]
    fn sums_are_exact() {
        let total: Amount = ["0.1", "0.2", "0.3"].iter().map(|a| amount(a)).sum();
        assert_eq!(total, amount("0.6"));
    }

    #[test]
    fn tax_is_a_percentage_rounded_once_half_away_from_zero() {
        let rate = TaxRate::parse("19").unwrap();
        assert_eq!(rate.to_storage().unwrap(), 190_000);
        assert_eq!(TaxRate::from_storage(75_000).to_string(), "7.5");
        // 19 % of 10.50 = 1.995 → 2.00 (banker's would give 2.00 too; 0.125 case below differs)
        assert_eq!(rate.tax_on(amount("10.50"), currency("EUR")), amount("2.00"));
        assert_eq!(TaxRate::parse("5").unwrap().tax_on(amount("2.50"), currency("EUR")), amount("0.13"));
        assert_eq!(TaxRate::parse("10%").unwrap().tax_on(amount("1005"), currency("JPY")), amount("101"));
        for bad in ["-1", "101", "abc", "1.00001"] {
            let error = TaxRate::parse(bad).unwrap_err();
            assert_eq!(error.details()["field"], "taxRate", "{bad}");
        }
    }

    #[test]
    fn every_known_currency_parses_back() {
        for known in Currency::all() {
            assert_eq!(Currency::parse(known.code()).unwrap(), known);
        }
    }
}
