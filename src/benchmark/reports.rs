//! The reports part of `kontor bench`: the dashboard, one year of daily sales
//! with its chart, a chart render alone, and the same daily aggregate as
//! hand-written SQL run by the `sqlite3` command-line tool on the same file.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

use chrono::Days;
use serde::Serialize;

use super::measure::{Timing, time};
use crate::Kontor;
use crate::error::{Error, Result};
use crate::money::Amount;
use crate::reports::chart::{self, Size};
use crate::reports::{ReportName, ReportRequest, zone::Zone};
use crate::staff::Actor;

/// One query run by the sqlite3 tool: its timings and whether its figures
/// equal the report's (for the query meant to give the same ones).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sqlite3Run {
    pub query: String,
    pub timing: Timing,
    pub revenue: String,
    pub orders: i64,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportsBench {
    pub timings: Vec<Timing>,
    pub sqlite3: Vec<Sqlite3Run>,
    /// The year's revenue and orders as the report gives them.
    pub report_revenue: String,
    pub report_orders: i64,
    /// Report p50 ÷ sqlite3 p50 of the same-figures query (below 1: the app is faster).
    pub report_vs_sqlite3: f64,
}

/// The same figures as the sales report (booked on the placing day, less
/// cancellations on their own day), written plainly over the lines. The bench
/// book is in EUR (cents), in UTC, and has no returns.
const SAME_FIGURES: &str = "WITH booked AS (
  SELECT date(o.placed_at) AS day, count(DISTINCT o.id) AS orders,
         sum((l.ordered * l.unit_price + 50) / 100 * 100) AS value
  FROM orders o JOIN order_lines l ON l.order_id = o.id
  WHERE o.placed_at >= '{start}' AND o.placed_at < '{end}' GROUP BY 1
), cancelled AS (
  SELECT date(l.updated_at) AS day,
         sum((l.ordered * l.unit_price + 50) / 100 * 100 - ((l.ordered - l.cancelled) * l.unit_price + 50) / 100 * 100) AS value
  FROM order_lines l JOIN orders o ON o.id = l.order_id
  WHERE l.cancelled > 0 AND o.placed_at IS NOT NULL AND l.updated_at >= '{start}' AND l.updated_at < '{end}' GROUP BY 1
)
SELECT day, sum(orders), sum(value) FROM
  (SELECT day, orders, value FROM booked UNION ALL SELECT day, 0, -value FROM cancelled)
GROUP BY day ORDER BY day;";

/// The simplest daily sales query a person would write first: orders' current
/// line totals by placing day (cancellations land on the wrong day).
const SIMPLEST: &str = "SELECT date(placed_at), count(*), sum(amount_lines) FROM orders
WHERE placed_at >= '{start}' AND placed_at < '{end}' GROUP BY 1 ORDER BY 1;";

pub async fn run(kontor: &Kontor, actor: &Actor, runs: usize) -> Result<ReportsBench> {
    let today = Zone(chrono_tz::UTC).today(kontor.now());
    let from = today - Days::new(364);
    let request = ReportRequest {
        preset: None,
        from: Some(from.to_string()),
        to: Some(today.to_string()),
        grouping: Some("day".into()),
    };
    let dashboard = time(runs, |_| async { kontor.dashboard(actor).await.map(|_| ()) }).await?;
    let year =
        time(runs, |_| async { kontor.report_view(actor, ReportName::Sales, &request).await.map(|_| ()) }).await?;
    let report = kontor.report(actor, ReportName::Sales, &request).await?;
    let subtitle = report.subtitle();
    let render = time(runs * 5, |_| {
        let chart = &report.chart;
        let subtitle = &subtitle;
        async move { chart::svg(chart, subtitle, Size::REPORT).map(|_| ()) }
    })
    .await?;
    let column = |key: &str| report.columns.iter().position(|c| c.key == key).expect("sales report columns");
    let (orders_at, revenue_at) = (column("orders"), column("revenue"));
    let report_orders: i64 = report.rows.iter().map(|row| row[orders_at].parse::<i64>().unwrap_or(0)).sum();
    let report_revenue: Amount =
        report.rows.iter().map(|row| Amount::parse("revenue", &row[revenue_at]).unwrap_or(Amount::ZERO)).sum();
    let (start, end) = Zone(chrono_tz::UTC).window(from, today);
    let fill = |sql: &str| sql.replace("{start}", &start).replace("{end}", &end);
    let same = sqlite3(kontor, "same figures, hand-written over the lines", &fill(SAME_FIGURES), runs.min(5))?;
    let simplest = sqlite3(kontor, "simplest: sum(amount_lines) by placing day", &fill(SIMPLEST), runs.min(5))?;
    let year = Timing::of("one year of daily sales + chart (report_view)", year);
    let report_vs_sqlite3 = year.p50_ms / same.timing.p50_ms;
    Ok(ReportsBench {
        timings: vec![
            Timing::of("dashboard", dashboard),
            year,
            Timing::of("chart render alone (365 points, SVG)", render),
        ],
        sqlite3: vec![same, simplest],
        report_revenue: report_revenue.to_string(),
        report_orders,
        report_vs_sqlite3,
    })
}

/// Runs `sql` through the sqlite3 tool on the book's file `runs` times, timing
/// the query itself (`.timer on`), and sums its second and third columns.
fn sqlite3(kontor: &Kontor, name: &str, sql: &str, runs: usize) -> Result<Sqlite3Run> {
    let path = kontor.store().path();
    let failed = |reason: String| Error::File {
        action: "run sqlite3 on",
        path: path.to_path_buf(),
        source: std::io::Error::other(reason),
    };
    let mut samples = Vec::new();
    let mut totals = (0_i64, 0_i64);
    for _ in 0..runs.max(1) {
        let mut child = Command::new("sqlite3")
            .arg("-readonly")
            .arg(path)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|error| failed(format!("sqlite3 could not start: {error}")))?;
        let script = format!(".timer on\n{sql}\n");
        child.stdin.take().expect("piped").write_all(script.as_bytes()).map_err(|error| failed(error.to_string()))?;
        let output = child.wait_with_output().map_err(|error| failed(error.to_string()))?;
        if !output.status.success() {
            return Err(failed(String::from_utf8_lossy(&output.stderr).into_owned()));
        }
        let text = String::from_utf8_lossy(&output.stdout);
        let real = text
            .lines()
            .find_map(|line| line.strip_prefix("Run Time: real "))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|seconds| seconds.parse::<f64>().ok())
            .ok_or_else(|| failed(format!("no timing in sqlite3's output: {text}")))?;
        samples.push(Duration::from_secs_f64(real));
        totals = text.lines().filter(|line| !line.starts_with("Run Time")).fold((0, 0), |(orders, value), line| {
            let cells: Vec<&str> = line.split('|').collect();
            let number = |i: usize| cells.get(i).and_then(|cell| cell.parse::<i64>().ok()).unwrap_or(0);
            (orders + number(1), value + number(2))
        });
    }
    Ok(Sqlite3Run {
        query: name.to_string(),
        timing: Timing::of(&format!("sqlite3 CLI: {name}"), samples),
        revenue: Amount::from_storage(totals.1).to_string(),
        orders: totals.0,
    })
}
