//! The dashboard's figures: sales today, this month against last month,
//! orders waiting, the average order value and its change, products to
//! reorder, and thirty days of sales to draw. Same rules as the reports.

use chrono::{Days, Months, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::daily::{self, Day};
use super::period::{Grouping, Period};
use super::report::{ChartData, percent};
use super::sales::{self, average_order_value};
use super::zone::Zone;
use crate::Kontor;
use crate::business;
use crate::error::Result;
use crate::invoices;
use crate::money::Amount;
use crate::settings;
use crate::staff::{Actor, Permission};

/// Days the dashboard's sales chart covers, today included.
pub const CHART_DAYS: u64 = 30;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Dashboard {
    pub currency: String,
    pub today: NaiveDate,
    pub sales_today: Amount,
    #[ts(type = "number")]
    pub orders_today: i64,
    pub sales_this_month: Amount,
    pub sales_last_month: Amount,
    /// This month so far against the whole of last month, in percent; none without last-month sales.
    pub sales_change_percent: Option<String>,
    /// Placed or processing: waiting to ship.
    #[ts(type = "number")]
    pub orders_pending: i64,
    pub average_order_value: Amount,
    pub average_order_value_last_month: Amount,
    pub average_order_value_change_percent: Option<String>,
    /// Active products at or under their reorder level.
    #[ts(type = "number")]
    pub low_stock_products: i64,
    /// Invoices not fully paid after their due date.
    #[ts(type = "number")]
    pub overdue_invoices: i64,
    pub sales_chart: ChartData,
}

impl Kontor {
    pub async fn dashboard(&self, actor: &Actor) -> Result<Dashboard> {
        actor.require(Permission::ViewReports)?;
        let mut conn = self.store().pool().acquire().await?;
        let zone = Zone(settings::time_zone(&mut conn).await?);
        let base = business::base_currency(&mut conn).await?;
        let today = zone.today(self.now());
        let month_start = Grouping::Month.bucket_start(today);
        let last_month_start = month_start - Months::new(1);
        let chart_start = today - Days::new(CHART_DAYS - 1);
        let days = daily::days(&mut conn, zone, base, chart_start.min(last_month_start), today).await?;
        let sum = |from: NaiveDate, to: NaiveDate| {
            days.range(from..=to).fold(Day::default(), |mut total, (_, day)| {
                total.add(day);
                total
            })
        };
        let this_month = sum(month_start, today);
        let last_month = sum(last_month_start, month_start - Days::new(1));
        let today_figures = sum(today, today);
        let aov = average_order_value(this_month.revenue(), this_month.orders, base);
        let aov_last = average_order_value(last_month.revenue(), last_month.orders, base);
        let orders_pending: i64 =
            sqlx::query_scalar("SELECT count(*) FROM orders WHERE status IN ('placed', 'processing')")
                .fetch_one(&mut *conn)
                .await?;
        let low_stock_products: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM products WHERE active = 1 AND deleted_at IS NULL AND stock <= reorder_level",
        )
        .fetch_one(&mut *conn)
        .await?;
        // The day the invoices list judges "overdue" by, so the widget and the list agree.
        let overdue_invoices = invoices::overdue_count(&mut conn, self.now().date_naive()).await?;
        let chart_period = Period::new(chart_start, today, Grouping::Day)?;
        let mut sales_chart = sales::sales(chart_period, base, &days).chart;
        sales_chart.title = format!("Sales, last {CHART_DAYS} days");
        Ok(Dashboard {
            currency: base.code().into(),
            today,
            sales_today: today_figures.revenue(),
            orders_today: today_figures.orders,
            sales_this_month: this_month.revenue(),
            sales_last_month: last_month.revenue(),
            sales_change_percent: change(this_month.revenue(), last_month.revenue()),
            orders_pending,
            average_order_value: aov,
            average_order_value_last_month: aov_last,
            average_order_value_change_percent: change(aov, aov_last),
            low_stock_products,
            overdue_invoices,
            sales_chart,
        })
    }
}

/// (now − before) / before in percent, one decimal; none when before is zero.
fn change(now: Amount, before: Amount) -> Option<String> {
    if before.value().is_zero() {
        return None;
    }
    Some(percent(now.value() - before.value(), before.value()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(text: &str) -> Amount {
        Amount::parse("a", text).unwrap()
    }

    #[test]
    fn change_is_a_rounded_percentage_and_absent_from_zero() {
        assert_eq!(change(amount("150"), amount("100")).as_deref(), Some("50.0"));
        assert_eq!(change(amount("100"), amount("300")).as_deref(), Some("-66.7"));
        assert_eq!(change(amount("5"), Amount::ZERO), None);
    }
}
