//! `kontor report <name>`: one report for a period, as a text table, JSON,
//! CSV, its chart as SVG or PNG, or the whole as PDF, to stdout or a file.

use std::path::PathBuf;

use clap::Args;
use kontor::reports::{ReportName, ReportRequest, export};
use kontor::staff::Actor;
use kontor::{Error, Kontor, Result};

use super::output;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// sales, status, payment-methods, returns, top-products, top-customers or gross-profit
    name: String,
    /// First day, inclusive, in the business's time zone
    #[arg(long, value_name = "YYYY-MM-DD")]
    from: Option<String>,
    /// Last day, inclusive
    #[arg(long, value_name = "YYYY-MM-DD")]
    to: Option<String>,
    /// today, this-week, this-month, last-month, this-quarter or this-year (instead of --from/--to)
    #[arg(long)]
    preset: Option<String>,
    /// day, week or month
    #[arg(long, default_value = "day")]
    group: String,
    /// The table as CSV
    #[arg(long, group = "format")]
    csv: bool,
    /// The chart as SVG
    #[arg(long, group = "format")]
    svg: bool,
    /// The chart as PNG
    #[arg(long, group = "format")]
    png: bool,
    /// The whole report (chart and table) as PDF
    #[arg(long, group = "format")]
    pdf: bool,
    /// Write to this file instead of stdout
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

pub async fn run(kontor: &Kontor, actor: &Actor, args: ReportArgs, json: bool) -> Result<()> {
    let name = ReportName::parse(&args.name)?;
    let request = ReportRequest { preset: args.preset, from: args.from, to: args.to, grouping: Some(args.group) };
    let report = kontor.report(actor, name, &request).await?;
    let bytes = if args.csv {
        export::csv(&report).into_bytes()
    } else if args.svg {
        export::svg(&report)?.into_bytes()
    } else if args.png {
        export::png(&report)?
    } else if args.pdf {
        kontor::reports::pdf::pdf(&report)?
    } else if json || args.out.is_some() {
        serde_json::to_vec(&report).expect("reports serialise")
    } else {
        println!("{}", table(&report));
        return Ok(());
    };
    match args.out {
        Some(path) => {
            std::fs::write(&path, &bytes).map_err(|source| Error::File {
                action: "write",
                path: path.clone(),
                source,
            })?;
            output::print(json, &serde_json::json!({ "written": path }), || format!("wrote {}", path.display()));
        }
        None => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(&bytes).and_then(|()| stdout.flush()).map_err(|source| Error::File {
                action: "write",
                path: "stdout".into(),
                source,
            })?;
            if json || args.csv || args.svg {
                println!();
            }
        }
    }
    Ok(())
}

/// The table in aligned columns, figures right-aligned, under its title.
fn table(report: &kontor::reports::Report) -> String {
    let widths: Vec<usize> = report
        .columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            report
                .rows
                .iter()
                .map(|row| row[i].chars().count())
                .chain([column.label.chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: Vec<&str>| {
        cells
            .iter()
            .zip(&report.columns)
            .zip(&widths)
            .map(
                |((cell, column), &width)| {
                    if column.numeric { format!("{cell:>width$}") } else { format!("{cell:<width$}") }
                },
            )
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let mut out = vec![format!("{} — {}", report.title, report.subtitle())];
    out.push(line(report.columns.iter().map(|column| column.label.as_str()).collect()));
    out.extend(report.rows.iter().map(|row| line(row.iter().map(String::as_str).collect())));
    if let Some(message) = &report.chart.empty_message {
        out.push(message.clone());
    }
    out.join("\n")
}
