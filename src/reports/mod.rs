//! Reports: figures over a period of local days, each as a table and a
//! chart. Sales, returns and gross profit read the sales rollup (kept in
//! step by every order change); the others read the order records.
//! Managers and owners only.

pub mod chart;
mod daily;
mod dashboard;
mod distribution;
pub mod export;
pub mod pdf;
pub mod period;
mod report;
mod returns;
pub mod rollup;
mod sales;
mod top;
mod view;
pub mod zone;

use serde::Deserialize;
use sqlx::SqliteConnection;
use ts_rs::TS;

pub use dashboard::Dashboard;
pub use period::{Grouping, Period, Preset};
pub use report::{ChartData, ChartKind, Column, Report, ReportName, Series};
pub use view::{DashboardView, ExportFormat, ReportView, downloads_folder};

use crate::Kontor;
use crate::business;
use crate::error::{Error, Result};
use crate::money::Currency;
use crate::settings;
use crate::staff::{Actor, Permission};
use zone::Zone;

/// What the Reports page and `kontor report` ask for: a preset or a
/// from/to pair (YYYY-MM-DD, inclusive, local days) and a grouping.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReportRequest {
    pub preset: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// day, week or month (default: day).
    pub grouping: Option<String>,
}

impl Kontor {
    /// Checks a request against today in the business's time zone.
    pub async fn report_period(&self, request: &ReportRequest) -> Result<Period> {
        let mut conn = self.store().pool().acquire().await?;
        let zone = Zone(settings::time_zone(&mut conn).await?);
        resolve(request, zone.today(self.now()))
    }

    pub async fn report(&self, actor: &Actor, name: ReportName, request: &ReportRequest) -> Result<Report> {
        actor.require(Permission::ViewReports)?;
        let mut conn = self.store().pool().acquire().await?;
        let zone = Zone(settings::time_zone(&mut conn).await?);
        let period = resolve(request, zone.today(self.now()))?;
        let base = business::base_currency(&mut conn).await?;
        build(&mut conn, zone, base, name, period).await
    }
}

async fn build(
    conn: &mut SqliteConnection,
    zone: Zone,
    base: Currency,
    name: ReportName,
    period: Period,
) -> Result<Report> {
    let window = zone.window(period.from, period.to);
    match name {
        ReportName::Sales | ReportName::GrossProfit | ReportName::Returns => {
            let days = daily::days(conn, zone, base, period.from, period.to).await?;
            Ok(match name {
                ReportName::Sales => sales::sales(period, base, &days),
                ReportName::GrossProfit => sales::gross_profit(period, base, &days),
                _ => returns::report(period, base, &days, &returns::refunds_by_day(conn, zone, base, &period).await?),
            })
        }
        ReportName::Status => distribution::status(conn, period, base, &window).await,
        ReportName::PaymentMethods => distribution::payment_methods(conn, period, base, &window).await,
        ReportName::TopProducts => top::products(conn, period, base, &window).await,
        ReportName::TopCustomers => top::customers(conn, period, base, &window).await,
    }
}

fn given(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|text| !text.is_empty())
}

/// The period a request means on `today`: a preset, or both dates.
pub fn resolve(request: &ReportRequest, today: chrono::NaiveDate) -> Result<Period> {
    let grouping = Grouping::parse(request.grouping.as_deref().unwrap_or("day"))?;
    let (from, to) = match (given(&request.preset), given(&request.from), given(&request.to)) {
        (Some(preset), None, None) => Preset::parse(preset)?.range(today),
        (None, Some(from), Some(to)) => (period::parse_date("from", from)?, period::parse_date("to", to)?),
        (Some(_), _, _) => {
            return Err(Error::InvalidRange { field: "preset", reason: "give a preset or dates, not both".into() });
        }
        (None, None, _) => return Err(Error::InvalidRange { field: "from", reason: "a start date is needed".into() }),
        (None, Some(_), None) => {
            return Err(Error::InvalidRange { field: "to", reason: "an end date is needed".into() });
        }
    };
    Period::new(from, to, grouping)
}
