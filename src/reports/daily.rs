//! Revenue day by day, the ground every period report stands on. The rule
//! (docs/DOMAIN.md, Reports): a sale is booked on the local day the order is
//! placed, at the value of what was ordered; a cancellation or a return takes
//! its value off on the day it happens. Values are net of tax; each day's sum
//! per currency and frozen rate is converted to the base currency once.

use std::collections::BTreeMap;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sqlx::{AssertSqlSafe, SqliteConnection};

use super::zone::Zone;
use crate::error::Result;
use crate::money::{Amount, Currency};

/// One local day's figures, in the base currency.
#[derive(Debug, Clone, PartialEq)]
pub struct Day {
    pub orders: i64,
    pub booked: Amount,
    pub cancelled: Amount,
    pub returned: Amount,
    pub returned_units: i64,
    /// Cost of the units sold less those cancelled or restocked (damaged
    /// returns stay a cost). Only filled when asked for.
    pub cost: Amount,
}

impl Default for Day {
    fn default() -> Day {
        Day {
            orders: 0,
            booked: Amount::ZERO,
            cancelled: Amount::ZERO,
            returned: Amount::ZERO,
            returned_units: 0,
            cost: Amount::ZERO,
        }
    }
}

impl Day {
    pub fn revenue(&self) -> Amount {
        self.booked - self.cancelled - self.returned
    }

    pub fn add(&mut self, other: &Day) {
        self.orders += other.orders;
        self.booked = self.booked + other.booked;
        self.cancelled = self.cancelled + other.cancelled;
        self.returned = self.returned + other.returned;
        self.returned_units += other.returned_units;
        self.cost = self.cost + other.cost;
    }
}

/// (local day, kind, currency, frozen rate): what is summed exactly before converting.
type Key = (String, String, String, String);
/// A query's row: the key's parts with the day possibly NULL, then orders, value, units.
type Row = (Option<String>, String, String, String, i64, i64, i64);

/// SQL for `quantity × unit price` rounded half up to the order currency's
/// minor unit (both are never negative), in ten-thousandths.
fn rounded(quantity: &str) -> String {
    let step = minor_step_sql("o.currency");
    format!("((({quantity}) * l.unit_price + ({step}) / 2) / ({step}) * ({step}))")
}

/// Ten-thousandths per minor unit of the currency in `column`.
pub(super) fn minor_step_sql(column: &str) -> String {
    let mut case = format!("CASE {column}");
    for currency in Currency::all().filter(|currency| currency.minor_units() != 2) {
        case.push_str(&format!(" WHEN '{}' THEN {}", currency.code(), 10_i64.pow(4 - currency.minor_units())));
    }
    case + " ELSE 100 END"
}

/// The product's cost per unit in force when the order was placed.
const UNIT_COST: &str = "coalesce((SELECT pp.cost FROM product_prices pp WHERE pp.product_id = l.product_id
        AND pp.valid_from <= o.placed_at ORDER BY pp.valid_from DESC LIMIT 1),
    (SELECT p.cost FROM products p WHERE p.id = l.product_id))";

/// Line changes that reduce revenue: the partial index order_lines_reduced.
const REDUCED: &str = "(l.cancelled > 0 OR l.returned > 0)";

/// Return events from the orders' history: the line and the units before → after.
fn returns_from(day: &str) -> String {
    format!(
        "FROM history h
         JOIN json_each(h.after, '$.lines') a
         JOIN json_each(h.before, '$.lines') b ON b.key = a.key
         JOIN orders o ON o.id = h.entity_id
         JOIN order_lines l ON l.order_id = o.id AND l.sku = a.value ->> 'sku' AND {REDUCED} AND l.returned > 0
         WHERE h.action IN ('line_returned', 'line_returned_damaged') AND h.entity = 'order'
           AND h.at >= ?1 AND h.at < ?2 AND (a.value ->> 'returned') <> (b.value ->> 'returned')
         GROUP BY {day}, o.currency, o.exchange_rate"
    )
}

/// Every local day in `from..=to` that has figures; days without are absent.
pub async fn days(
    conn: &mut SqliteConnection,
    zone: Zone,
    base: Currency,
    from: NaiveDate,
    to: NaiveDate,
    with_cost: bool,
) -> Result<BTreeMap<NaiveDate, Day>> {
    let (start, end) = zone.window(from, to);
    let placed = zone.local_day_sql("o.placed_at", from, to);
    let changed = zone.local_day_sql("l.updated_at", from, to);
    let returned_at = zone.local_day_sql("h.at", from, to);
    let ordered = rounded("l.ordered");
    let kept = rounded("l.ordered - l.cancelled");
    let before_return = rounded("l.ordered - l.cancelled - (b.value ->> 'returned')");
    let after_return = rounded("l.ordered - l.cancelled - (a.value ->> 'returned')");
    let mut queries = vec![
        // Orders placed: their lines as they are now…
        format!(
            "SELECT {placed}, 'booked', o.currency, o.exchange_rate, count(*), sum(o.amount_lines), 0
             FROM orders o WHERE o.placed_at >= ?1 AND o.placed_at < ?2 GROUP BY 1, 3, 4"
        ),
        // …plus what was later cancelled or returned from them, so the booking is what was ordered.
        format!(
            "SELECT {placed}, 'booked', o.currency, o.exchange_rate, 0, sum({ordered} - l.amount), 0
             FROM order_lines l JOIN orders o ON o.id = l.order_id
             WHERE {REDUCED} AND o.placed_at >= ?1 AND o.placed_at < ?2 GROUP BY 1, 3, 4"
        ),
        // A cancelled line never changes again: its last change is the cancellation.
        format!(
            "SELECT {changed}, 'cancelled', o.currency, o.exchange_rate, 0, sum({ordered} - {kept}), sum(l.cancelled)
             FROM order_lines l JOIN orders o ON o.id = l.order_id
             WHERE {REDUCED} AND l.cancelled > 0 AND o.placed_at IS NOT NULL
               AND l.updated_at >= ?1 AND l.updated_at < ?2 GROUP BY 1, 3, 4"
        ),
        format!(
            "SELECT {returned_at}, 'returned', o.currency, o.exchange_rate, 0, sum({before_return} - {after_return}),
                    sum((a.value ->> 'returned') - (b.value ->> 'returned')) {}",
            returns_from(&returned_at)
        ),
    ];
    if with_cost {
        queries.extend([
            format!(
                "SELECT {placed}, 'booked_cost', '', '', 0, sum(l.ordered * {UNIT_COST}), 0
                 FROM orders o JOIN order_lines l ON l.order_id = o.id
                 WHERE o.placed_at >= ?1 AND o.placed_at < ?2 GROUP BY 1"
            ),
            format!(
                "SELECT {changed}, 'cancelled_cost', '', '', 0, sum(l.cancelled * {UNIT_COST}), 0
                 FROM order_lines l JOIN orders o ON o.id = l.order_id
                 WHERE {REDUCED} AND l.cancelled > 0 AND o.placed_at IS NOT NULL
                   AND l.updated_at >= ?1 AND l.updated_at < ?2 GROUP BY 1"
            ),
            format!(
                "SELECT {returned_at}, 'restocked_cost', '', '', 0,
                        sum(((a.value ->> 'returned') - (b.value ->> 'returned')) * {UNIT_COST}), 0
                 FROM history h
                 JOIN json_each(h.after, '$.lines') a
                 JOIN json_each(h.before, '$.lines') b ON b.key = a.key
                 JOIN orders o ON o.id = h.entity_id
                 JOIN order_lines l ON l.order_id = o.id AND l.sku = a.value ->> 'sku' AND {REDUCED} AND l.returned > 0
                 WHERE h.action = 'line_returned' AND h.entity = 'order'
                   AND h.at >= ?1 AND h.at < ?2 AND (a.value ->> 'returned') <> (b.value ->> 'returned')
                 GROUP BY 1"
            ),
        ]);
    }
    // Sum each (day, kind, currency, rate) exactly before converting it once.
    let mut sums: BTreeMap<Key, (i64, i64, i64)> = BTreeMap::new();
    for sql in queries {
        let rows: Vec<Row> = sqlx::query_as(AssertSqlSafe(sql)).bind(&start).bind(&end).fetch_all(&mut *conn).await?;
        for (day, kind, currency, rate, orders, value, units) in rows {
            let Some(day) = day else { continue };
            let sum = sums.entry((day, kind, currency, rate)).or_default();
            *sum = (sum.0 + orders, sum.1 + value, sum.2 + units);
        }
    }
    let mut days: BTreeMap<NaiveDate, Day> = BTreeMap::new();
    for ((day, kind, currency, rate), (orders, value, units)) in sums {
        let date = NaiveDate::parse_from_str(&day, "%Y-%m-%d").expect("SQLite date() gives YYYY-MM-DD");
        let amount = in_base(Amount::from_storage(value), &currency, &rate, base);
        let figures = days.entry(date).or_default();
        match kind.as_str() {
            "booked" => {
                figures.orders += orders;
                figures.booked = figures.booked + amount;
            }
            "cancelled" => figures.cancelled = figures.cancelled + amount,
            "returned" => {
                figures.returned = figures.returned + amount;
                figures.returned_units += units;
            }
            "booked_cost" => figures.cost = figures.cost + amount,
            _ => figures.cost = figures.cost - amount,
        }
    }
    Ok(days)
}

/// An amount in `currency` at the frozen `rate`, in the base currency.
/// Costs (no currency) and base-currency amounts are already there.
pub(super) fn in_base(amount: Amount, currency: &str, rate: &str, base: Currency) -> Amount {
    if currency.is_empty() || currency == base.code() {
        return amount;
    }
    let rate = Decimal::from_str(rate).unwrap_or(Decimal::ONE);
    amount.convert(rate, base)
}
