//! Gapless numbers per series (invoice, credit note) and year:
//! `INV-2026-000042`. The counter is raised inside the issuing transaction
//! (BEGIN IMMEDIATE, so one writer at a time); if the issue rolls back, so
//! does the number, and no number is ever skipped or handed out twice.

use chrono::{Datelike, NaiveDate};
use sqlx::SqliteConnection;

use super::InvoiceKind;
use crate::error::Result;

/// The next number of `kind` for the year of `issued_on`, with `prefix`.
pub(super) async fn allocate(
    conn: &mut SqliteConnection,
    kind: InvoiceKind,
    prefix: &str,
    issued_on: NaiveDate,
) -> Result<Allocated> {
    let year = issued_on.year();
    let sequence: i64 = sqlx::query_scalar(
        "INSERT INTO invoice_series (kind, year, last_number) VALUES (?, ?, 1)
         ON CONFLICT (kind, year) DO UPDATE SET last_number = last_number + 1
         RETURNING last_number",
    )
    .bind(kind.as_str())
    .bind(year)
    .fetch_one(conn)
    .await?;
    Ok(Allocated { year, sequence, number: format_number(prefix, year, sequence) })
}

pub(super) struct Allocated {
    pub year: i32,
    pub sequence: i64,
    pub number: String,
}

fn format_number(prefix: &str, year: i32, sequence: i64) -> String {
    format!("{prefix}-{year}-{sequence:06}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_carry_prefix_year_and_six_digits() {
        assert_eq!(format_number("INV", 2026, 42), "INV-2026-000042");
        assert_eq!(format_number("CN", 2027, 1_234_567), "CN-2027-1234567");
    }
}
