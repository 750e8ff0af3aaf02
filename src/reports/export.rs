//! A report as a file: its table as CSV (RFC 4180 quoting), its chart as
//! SVG or PNG.

use super::chart::{self, Size};
use super::report::Report;
use crate::error::Result;

pub fn svg(report: &Report) -> Result<String> {
    chart::svg(&report.chart, &report.subtitle(), Size::REPORT)
}

pub fn png(report: &Report) -> Result<Vec<u8>> {
    chart::png(&report.chart, &report.subtitle(), Size::REPORT)
}

/// One CSV field, quoted when it holds a comma, quote or line break.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_string() }
}

/// The table with a header line; lines end in CRLF as RFC 4180 says.
pub fn csv(report: &Report) -> String {
    let mut out = String::new();
    let header: Vec<String> = report.columns.iter().map(|column| field(&column.label)).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for row in &report.rows {
        let cells: Vec<String> = row.iter().map(|cell| field(cell)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_commas_quotes_or_breaks_are_quoted() {
        assert_eq!(field("Berg, Anna"), "\"Berg, Anna\"");
        assert_eq!(field("12\" pipe"), "\"12\"\" pipe\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("1234.50"), "1234.50");
    }
}
