//! How an invoice writes numbers, money and dates for the business's
//! readers: the digit grouping and decimal mark of its locale. Amounts are
//! rounded to the currency's minor unit (half away from zero, money.rs) and
//! never pass through floats.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::money::{Amount, Currency, TaxRate};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum NumberLocale {
    /// 1,234.56 EUR · 2026-11-22
    En,
    /// 1.234,56 EUR · 22.11.2026
    De,
    /// 1 234,56 EUR · 22/11/2026
    Fr,
}

impl NumberLocale {
    pub fn as_str(self) -> &'static str {
        match self {
            NumberLocale::En => "en",
            NumberLocale::De => "de",
            NumberLocale::Fr => "fr",
        }
    }

    pub fn parse(text: &str) -> Result<NumberLocale> {
        match text.trim().to_ascii_lowercase().as_str() {
            "en" => Ok(NumberLocale::En),
            "de" => Ok(NumberLocale::De),
            "fr" => Ok(NumberLocale::Fr),
            _ => Err(Error::InvalidInput {
                field: "numberLocale",
                reason: format!("\"{text}\" is not a number format (en: 1,234.56; de: 1.234,56; fr: 1 234,56)"),
            }),
        }
    }

    fn separators(self) -> (&'static str, &'static str) {
        match self {
            NumberLocale::En => (",", "."),
            NumberLocale::De => (".", ","),
            // A narrow no-break space, as French typography groups digits.
            NumberLocale::Fr => ("\u{202f}", ","),
        }
    }

    /// "1,234.56 EUR": rounded to the currency, grouped, with its code.
    pub fn money(self, amount: Amount, currency: Currency) -> String {
        format!("{} {}", self.amount(amount, currency), currency.code())
    }

    /// "1,234.56": rounded to the currency and grouped, without the code.
    pub fn amount(self, amount: Amount, currency: Currency) -> String {
        let mut value = amount.round_to(currency).value();
        value.rescale(currency.minor_units());
        self.decimal(&value.to_string())
    }

    /// A unit price keeps the decimals it was entered with (at least the currency's).
    pub fn unit_price(self, amount: Amount, currency: Currency) -> String {
        let mut value = amount.value().normalize();
        if value.scale() < currency.minor_units() {
            value.rescale(currency.minor_units());
        }
        self.decimal(&value.to_string())
    }

    pub fn tax_rate(self, rate: TaxRate) -> String {
        format!("{}%", self.decimal(&rate.to_string()))
    }

    pub fn quantity(self, quantity: i64) -> String {
        self.decimal(&quantity.to_string())
    }

    pub fn date(self, date: NaiveDate) -> String {
        match self {
            NumberLocale::En => date.format("%Y-%m-%d").to_string(),
            NumberLocale::De => date.format("%d.%m.%Y").to_string(),
            NumberLocale::Fr => date.format("%d/%m/%Y").to_string(),
        }
    }

    /// Groups the integer digits of a plain decimal ("-1234.5") in threes.
    fn decimal(self, plain: &str) -> String {
        let (group, point) = self.separators();
        let (sign, digits) = plain.strip_prefix('-').map_or(("", plain), |rest| ("-", rest));
        let (whole, fraction) = digits.split_once('.').map_or((digits, None), |(w, f)| (w, Some(f)));
        let mut grouped = String::with_capacity(plain.len() + 4);
        for (index, digit) in whole.chars().enumerate() {
            if index > 0 && (whole.len() - index) % 3 == 0 {
                grouped.push_str(group);
            }
            grouped.push(digit);
        }
        match fraction {
            Some(fraction) => format!("{sign}{grouped}{point}{fraction}"),
            None => format!("{sign}{grouped}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(text: &str) -> Amount {
        Amount::parse("amount", text).unwrap()
    }

    #[test]
    fn money_is_rounded_grouped_and_marked_per_locale() {
        let eur = Currency::parse("EUR").unwrap();
        assert_eq!(NumberLocale::En.money(amount("1234567.005"), eur), "1,234,567.01 EUR");
        assert_eq!(NumberLocale::De.money(amount("1234.5"), eur), "1.234,50 EUR");
        assert_eq!(NumberLocale::Fr.money(amount("-1234.5"), eur), "-1\u{202f}234,50 EUR");
        assert_eq!(NumberLocale::En.money(amount("999"), Currency::parse("JPY").unwrap()), "999 JPY");
        assert_eq!(NumberLocale::En.amount(amount("0"), eur), "0.00");
        assert_eq!(NumberLocale::En.amount(amount("100"), eur), "100.00");
    }

    #[test]
    fn unit_prices_keep_their_extra_decimals_and_rates_read_as_percent() {
        let eur = Currency::parse("EUR").unwrap();
        assert_eq!(NumberLocale::De.unit_price(amount("0.3333"), eur), "0,3333");
        assert_eq!(NumberLocale::En.unit_price(amount("12.5"), eur), "12.50");
        assert_eq!(NumberLocale::De.tax_rate(TaxRate::parse("7.5").unwrap()), "7,5%");
        assert_eq!(NumberLocale::En.quantity(12000), "12,000");
    }

    #[test]
    fn dates_and_unknown_locales() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
        assert_eq!(NumberLocale::De.date(date), "02.11.2026");
        assert_eq!(NumberLocale::parse(" DE ").unwrap(), NumberLocale::De);
        assert_eq!(NumberLocale::parse("xx").unwrap_err().details()["field"], "numberLocale");
    }
}
