//! Revenue day by day, the ground every period report stands on. The rule
//! (docs/DOMAIN.md, Reports): a sale is booked on the local day the order is
//! placed, at the value of what was ordered; a cancellation or a return takes
//! its value off on the day it happens. Values are net of tax; each day's sum
//! per currency and frozen rate is converted to the base currency once. The
//! figures come from the sales rollup (rollup.rs), which every order change
//! keeps in step.

use std::collections::BTreeMap;
use std::str::FromStr;

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use sqlx::{AssertSqlSafe, SqliteConnection};

use super::zone::{Zone, quarter_hour};
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
    /// returns stay a cost).
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

/// One local day's sums for one currency and frozen rate, in its units.
#[derive(sqlx::FromRow)]
struct DayRow {
    day: String,
    currency: String,
    exchange_rate: String,
    orders: i64,
    booked: i64,
    cancelled: i64,
    returned: i64,
    returned_units: i64,
    cost: i64,
}

/// Every local day in `from..=to` that has figures; days without are absent.
/// Read from the sales rollup: each day's sums per currency and frozen rate
/// are exact integers, converted to the base currency once.
pub async fn days(
    conn: &mut SqliteConnection,
    zone: Zone,
    base: Currency,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<BTreeMap<NaiveDate, Day>> {
    let start = quarter_hour(zone.start_of(from));
    let end = quarter_hour(zone.start_of(to + Days::new(1)));
    let day = zone.local_day_of_slot_sql("slot", from, to);
    let sql = format!(
        "SELECT {day} AS day, currency, exchange_rate, sum(orders) AS orders, sum(booked) AS booked,
                sum(cancelled) AS cancelled, sum(returned) AS returned, sum(returned_units) AS returned_units,
                sum(cost) AS cost
         FROM sales_rollup WHERE slot >= ?1 AND slot < ?2 GROUP BY 1, 2, 3"
    );
    let rows: Vec<DayRow> = sqlx::query_as(AssertSqlSafe(sql)).bind(start).bind(end).fetch_all(&mut *conn).await?;
    let mut days: BTreeMap<NaiveDate, Day> = BTreeMap::new();
    for row in rows {
        let date = NaiveDate::parse_from_str(&row.day, "%Y-%m-%d").expect("SQLite date() gives YYYY-MM-DD");
        let in_base = |units: i64| in_base(Amount::from_storage(units), &row.currency, &row.exchange_rate, base);
        let figures = Day {
            orders: row.orders,
            booked: in_base(row.booked),
            cancelled: in_base(row.cancelled),
            returned: in_base(row.returned),
            returned_units: row.returned_units,
            cost: Amount::from_storage(row.cost),
        };
        days.entry(date).or_default().add(&figures);
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
