//! What every report hands back: a table (exact amounts as text) and the
//! chart drawn from it, for one period in the base currency.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::period::Period;
use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReportName {
    Sales,
    Status,
    PaymentMethods,
    Returns,
    TopProducts,
    TopCustomers,
    GrossProfit,
}

impl ReportName {
    pub const ALL: [ReportName; 7] = [
        ReportName::Sales,
        ReportName::Status,
        ReportName::PaymentMethods,
        ReportName::Returns,
        ReportName::TopProducts,
        ReportName::TopCustomers,
        ReportName::GrossProfit,
    ];

    /// The name typed on the command line and used in file names.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportName::Sales => "sales",
            ReportName::Status => "status",
            ReportName::PaymentMethods => "payment-methods",
            ReportName::Returns => "returns",
            ReportName::TopProducts => "top-products",
            ReportName::TopCustomers => "top-customers",
            ReportName::GrossProfit => "gross-profit",
        }
    }

    pub fn parse(text: &str) -> Result<ReportName> {
        let wanted = text.trim().to_ascii_lowercase().replace('_', "-");
        ReportName::ALL.into_iter().find(|name| name.as_str() == wanted).ok_or_else(|| Error::InvalidInput {
            field: "report",
            reason: format!("\"{text}\" is not a report ({})", ReportName::ALL.map(ReportName::as_str).join(", ")),
        })
    }

    /// Figures per day, week or month (the others cover the whole range at once).
    pub fn is_over_time(self) -> bool {
        matches!(self, ReportName::Sales | ReportName::Returns | ReportName::GrossProfit)
    }

    pub fn title(self) -> &'static str {
        match self {
            ReportName::Sales => "Sales over time",
            ReportName::Status => "Orders by status",
            ReportName::PaymentMethods => "Orders by payment method",
            ReportName::Returns => "Returns and refunds",
            ReportName::TopProducts => "Top products",
            ReportName::TopCustomers => "Top customers",
            ReportName::GrossProfit => "Gross profit",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ChartKind {
    Line,
    Bar,
    Pie,
}

/// One named row of values along the chart's categories.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Series {
    pub name: String,
    /// For drawing only; the table carries the exact amounts.
    pub values: Vec<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ChartData {
    pub kind: ChartKind,
    pub title: String,
    /// Bucket labels (line, bar) or slice names (pie).
    pub categories: Vec<String>,
    /// What the categories are ("Day", "Product").
    pub category_label: String,
    pub series: Vec<Series>,
    /// The value axis, with its unit ("Revenue (EUR)", "Orders").
    pub value_label: String,
    /// Shown in place of the chart when the period has nothing to draw.
    pub empty_message: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Column {
    pub key: String,
    pub label: String,
    /// Right-aligned figures (amounts, counts, percentages).
    pub numeric: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Report {
    pub name: ReportName,
    pub title: String,
    pub period: Period,
    pub currency: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
    pub chart: ChartData,
}

impl Report {
    /// What the chart's second line says: the range and its grouping.
    pub fn subtitle(&self) -> String {
        let (from, to) = (self.period.from.format("%-d %b %Y"), self.period.to.format("%-d %b %Y"));
        let range = if self.period.from == self.period.to { from.to_string() } else { format!("{from} – {to}") };
        if self.name.is_over_time() {
            format!("{range}, by {}, in {}", self.period.grouping.as_str(), self.currency)
        } else {
            // A split or ranking of the whole range has no buckets to name.
            format!("{range}, in {}", self.currency)
        }
    }
}

/// Columns from (key, label, numeric) triples.
pub(super) fn columns(specs: &[(&str, &str, bool)]) -> Vec<Column> {
    specs.iter().map(|&(key, label, numeric)| Column { key: key.into(), label: label.into(), numeric }).collect()
}

/// A value for drawing. Amounts are exact decimals; a chart only needs the shape.
pub(super) fn plotted(amount: crate::money::Amount) -> f64 {
    amount.to_string().parse().unwrap_or(0.0)
}

/// The message an empty period shows, per report.
pub(super) fn nothing_in(what: &str) -> Option<String> {
    Some(format!("No {what} in this period"))
}

/// A percentage with one decimal, rounded half away from zero ("12.5", "90.0").
pub(super) fn percent(part: rust_decimal::Decimal, whole: rust_decimal::Decimal) -> String {
    let mut value = (part * rust_decimal::Decimal::from(100) / whole)
        .round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    value.rescale(1);
    value.to_string()
}
