//! What the desktop screens ask for in one call: a report with its chart
//! drawn, the dashboard with its chart and the queue counts, and a report
//! saved as a file.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ReportRequest;
use super::chart::{self, Size};
use super::dashboard::Dashboard;
use super::export;
use super::report::{Report, ReportName};
use crate::Kontor;
use crate::error::{Error, Result};
use crate::queues::QueueCount;
use crate::staff::{Actor, Permission};

/// The dashboard's sales chart: wide and low, above the widgets.
pub const DASHBOARD_CHART: Size = Size { width: 960, height: 300 };

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReportView {
    pub report: Report,
    pub chart_svg: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DashboardView {
    /// Sales figures, for managers and owners only; a clerk sees the queues.
    pub dashboard: Option<Dashboard>,
    pub chart_svg: Option<String>,
    pub queues: Vec<QueueCount>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExportFormat {
    Csv,
    Svg,
    Png,
    Pdf,
}

impl Kontor {
    pub async fn report_view(&self, actor: &Actor, name: ReportName, request: &ReportRequest) -> Result<ReportView> {
        let report = self.report(actor, name, request).await?;
        let chart_svg = export::svg(&report)?;
        Ok(ReportView { report, chart_svg })
    }

    pub async fn dashboard_view(&self, actor: &Actor) -> Result<DashboardView> {
        let queues = self.queue_counts(actor).await?;
        if !actor.role.may(Permission::ViewReports) {
            return Ok(DashboardView { dashboard: None, chart_svg: None, queues });
        }
        let dashboard = self.dashboard(actor).await?;
        let subtitle = format!("Revenue per day, in {}", dashboard.currency);
        let chart_svg = chart::svg(&dashboard.sales_chart, &subtitle, DASHBOARD_CHART)?;
        Ok(DashboardView { dashboard: Some(dashboard), chart_svg: Some(chart_svg), queues })
    }

    /// Writes the report (CSV table, SVG or PNG chart, or the whole as PDF) into `folder`, named
    /// after the report and its range; returns the file's path.
    pub async fn export_report(
        &self,
        actor: &Actor,
        name: ReportName,
        request: &ReportRequest,
        format: ExportFormat,
        folder: &Path,
    ) -> Result<PathBuf> {
        actor.require(Permission::ViewReports)?;
        let report = self.report(actor, name, request).await?;
        let (bytes, extension) = match format {
            ExportFormat::Csv => (export::csv(&report).into_bytes(), "csv"),
            ExportFormat::Svg => (export::svg(&report)?.into_bytes(), "svg"),
            ExportFormat::Png => (export::png(&report)?, "png"),
            ExportFormat::Pdf => (super::pdf::pdf(&report)?, "pdf"),
        };
        let file = format!(
            "{}-{}-{}-by-{}.{extension}",
            name.as_str(),
            report.period.from,
            report.period.to,
            report.period.grouping.as_str()
        );
        let path = folder.join(file);
        std::fs::create_dir_all(folder).and_then(|()| std::fs::write(&path, bytes)).map_err(|source| Error::File {
            action: "write",
            path: path.clone(),
            source,
        })?;
        Ok(path)
    }
}

/// Where exported reports go: the user's Downloads folder, else their home.
pub fn downloads_folder() -> PathBuf {
    directories::UserDirs::new()
        .map(|dirs| dirs.download_dir().unwrap_or(dirs.home_dir()).to_path_buf())
        .unwrap_or_else(std::env::temp_dir)
}
