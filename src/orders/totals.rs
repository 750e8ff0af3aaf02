//! An order's derived amounts: each line rounded on its own, tax per rate on
//! the sum of the lines at that rate (rounded once, EN 16931), the total, and
//! the total in the base currency at the order's frozen rate. One function
//! derives them; every operation that changes a line calls it.

use std::collections::BTreeMap;
use std::str::FromStr;

use rust_decimal::Decimal;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use crate::error::{Error, Result};
use crate::money::{Amount, Currency, TaxRate};

/// One line's inputs: unit price, tax rate, effective quantity.
pub(crate) struct LineInput {
    pub unit_price: Amount,
    pub tax_rate: TaxRate,
    pub effective: i64,
}

#[derive(Debug, PartialEq)]
pub(crate) struct Totals {
    pub line_amounts: Vec<Amount>,
    pub lines: Amount,
    pub tax: Amount,
    pub total: Amount,
    pub total_base: Amount,
}

pub(crate) fn compute(lines: &[LineInput], currency: Currency, rate: Decimal, base: Currency) -> Totals {
    let line_amounts: Vec<Amount> =
        lines.iter().map(|line| line_amount(line.unit_price, line.effective, currency)).collect();
    let mut by_rate: BTreeMap<TaxRate, Amount> = BTreeMap::new();
    for (line, amount) in lines.iter().zip(&line_amounts) {
        let sum = by_rate.entry(line.tax_rate).or_default();
        *sum = *sum + *amount;
    }
    let tax: Amount = by_rate.iter().map(|(rate, base_amount)| rate.tax_on(*base_amount, currency)).sum();
    let lines_total: Amount = line_amounts.iter().copied().sum();
    let total = lines_total + tax;
    Totals { line_amounts, lines: lines_total, tax, total, total_base: total.convert(rate, base) }
}

/// A line's amount: its unit price times its effective quantity, rounded
/// in the order's currency on its own.
pub(super) fn line_amount(unit_price: Amount, effective: i64, currency: Currency) -> Amount {
    unit_price.times(effective, currency)
}

/// Re-derives and stores every line amount and the order's totals.
pub(super) async fn recompute(conn: &mut SqliteConnection, order_id: i64) -> Result<()> {
    // An order exists only in a set-up book, so the business row is there.
    let (currency, rate, base): (String, String, String) = sqlx::query_as(
        "SELECT o.currency, o.exchange_rate, b.base_currency FROM orders o, business b WHERE o.id = ? AND b.id = 1",
    )
    .bind(order_id)
    .fetch_one(&mut *conn)
    .await?;
    let (currency, rate, base) = (Currency::parse(&currency)?, parse_rate(&rate)?, Currency::parse(&base)?);
    let rows: Vec<(i64, i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT id, unit_price, tax_rate, ordered - cancelled - returned, amount
         FROM order_lines WHERE order_id = ? ORDER BY id",
    )
    .bind(order_id)
    .fetch_all(&mut *conn)
    .await?;
    let inputs: Vec<LineInput> = rows
        .iter()
        .map(|&(_, unit_price, tax_rate, effective, _)| LineInput {
            unit_price: Amount::from_storage(unit_price),
            tax_rate: TaxRate::from_storage(tax_rate),
            effective,
        })
        .collect();
    let totals = compute(&inputs, currency, rate, base);
    let mut changed = Vec::new();
    for (&(line_id, .., stored), amount) in rows.iter().zip(&totals.line_amounts) {
        let amount = amount.to_storage("amount")?;
        if amount != stored {
            changed.push((line_id, amount));
        }
    }
    store_line_amounts(conn, &changed).await?;
    sqlx::query(
        "UPDATE orders SET amount_lines = ?, amount_tax = ?, amount_total = ?, amount_total_base = ? WHERE id = ?",
    )
    .bind(totals.lines.to_storage("amountLines")?)
    .bind(totals.tax.to_storage("amountTax")?)
    .bind(totals.total.to_storage("amountTotal")?)
    .bind(totals.total_base.to_storage("amountTotalBase")?)
    .bind(order_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Writes the changed line amounts in one statement: `(line id, amount)`.
async fn store_line_amounts(conn: &mut SqliteConnection, changed: &[(i64, i64)]) -> Result<()> {
    if changed.is_empty() {
        return Ok(());
    }
    let mut update = QueryBuilder::<Sqlite>::new("WITH new_amount (id, amount) AS (");
    update.push_values(changed, |mut row, &(id, amount)| {
        row.push_bind(id).push_bind(amount);
    });
    update.push(
        ") UPDATE order_lines SET amount = (SELECT amount FROM new_amount WHERE new_amount.id = order_lines.id)
         WHERE id IN (SELECT id FROM new_amount)",
    );
    update.build().execute(conn).await?;
    Ok(())
}

/// Re-derives what has been paid: payments minus refunds.
pub(super) async fn recompute_paid(conn: &mut SqliteConnection, order_id: i64) -> Result<()> {
    sqlx::query("UPDATE orders SET amount_paid = (SELECT coalesce(sum(amount), 0) FROM payments WHERE order_id = ?1) WHERE id = ?1")
        .bind(order_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// An exchange rate as entered: a decimal above zero.
pub(super) fn parse_rate(text: &str) -> Result<Decimal> {
    Decimal::from_str(text.trim()).ok().filter(|rate| *rate > Decimal::ZERO).ok_or_else(|| Error::InvalidInput {
        field: "exchangeRate",
        reason: format!("\"{text}\" is not a rate above zero"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(price: &str, rate: &str, effective: i64) -> LineInput {
        LineInput { unit_price: Amount::parse("p", price).unwrap(), tax_rate: TaxRate::parse(rate).unwrap(), effective }
    }

    fn amount(text: &str) -> Amount {
        Amount::parse("a", text).unwrap()
    }

    #[test]
    fn lines_round_alone_and_tax_rounds_once_per_rate() {
        let eur = Currency::parse("EUR").unwrap();
        // 3 × 0.3333 = 0.9999 → 1.00; 2 × 0.125 = 0.25; 1 × 0.05 = 0.05.
        let totals =
            compute(&[line("0.3333", "7", 3), line("0.125", "7", 2), line("0.05", "19", 1)], eur, Decimal::ONE, eur);
        assert_eq!(totals.line_amounts, [amount("1.00"), amount("0.25"), amount("0.05")]);
        assert_eq!(totals.lines, amount("1.30"));
        // 7 % of 1.25 = 0.0875 → 0.09; 19 % of 0.05 = 0.0095 → 0.01
        assert_eq!(totals.tax, amount("0.10"));
        assert_eq!(totals.total, amount("1.40"));
    }

    #[test]
    fn tax_on_the_sum_differs_from_the_sum_of_taxes() {
        let eur = Currency::parse("EUR").unwrap();
        // Three lines of 0.10 at 5 %: per line 0.005 → 0.01 each (0.03); on the sum 0.015 → 0.02.
        let totals =
            compute(&[line("0.10", "5", 1), line("0.10", "5", 1), line("0.10", "5", 1)], eur, Decimal::ONE, eur);
        assert_eq!(totals.tax, amount("0.02"));
    }

    #[test]
    fn the_base_total_uses_the_frozen_rate_and_the_base_minor_unit() {
        let usd = Currency::parse("USD").unwrap();
        let jpy = Currency::parse("JPY").unwrap();
        let totals = compute(&[line("10.00", "0", 3)], usd, Decimal::from_str("151.237").unwrap(), jpy);
        assert_eq!(totals.total, amount("30.00"));
        assert_eq!(totals.total_base, amount("4537"));
    }

    #[test]
    fn cancelled_and_returned_units_are_not_charged() {
        let eur = Currency::parse("EUR").unwrap();
        let totals = compute(&[line("9.99", "19", 0)], eur, Decimal::ONE, eur);
        assert_eq!((totals.lines, totals.tax, totals.total), (Amount::ZERO, Amount::ZERO, Amount::ZERO));
    }

    #[test]
    fn rates_must_be_positive_decimals() {
        assert_eq!(parse_rate("1.0850").unwrap(), Decimal::from_str("1.085").unwrap());
        for bad in ["0", "-1", "abc", ""] {
            assert_eq!(parse_rate(bad).unwrap_err().details()["field"], "exchangeRate");
        }
    }
}
