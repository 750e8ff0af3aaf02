//! A report's period: an inclusive range of days in the business's time zone
//! (from a preset or typed), and the grouping of its figures into days,
//! ISO weeks (Monday first) or calendar months.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// The longest range a report covers.
pub const MAX_YEARS: i32 = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Grouping {
    Day,
    Week,
    Month,
}

impl Grouping {
    pub fn parse(text: &str) -> Result<Grouping> {
        match text.trim().to_ascii_lowercase().as_str() {
            "day" => Ok(Grouping::Day),
            "week" => Ok(Grouping::Week),
            "month" => Ok(Grouping::Month),
            _ => Err(Error::InvalidGrouping { value: text.to_string() }),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Grouping::Day => "day",
            Grouping::Week => "week",
            Grouping::Month => "month",
        }
    }

    /// What a bucket is called on a chart's axis.
    pub fn title(self) -> &'static str {
        match self {
            Grouping::Day => "Day",
            Grouping::Week => "Week",
            Grouping::Month => "Month",
        }
    }

    /// The first day of the bucket `day` falls in.
    pub fn bucket_start(self, day: NaiveDate) -> NaiveDate {
        match self {
            Grouping::Day => day,
            Grouping::Week => day - Days::new(u64::from(day.weekday().num_days_from_monday())),
            Grouping::Month => day.with_day(1).expect("every month has a first day"),
        }
    }

    fn next(self, start: NaiveDate) -> NaiveDate {
        match self {
            Grouping::Day => start + Days::new(1),
            Grouping::Week => start + Days::new(7),
            Grouping::Month => start + Months::new(1),
        }
    }

    /// How a bucket is named in tables and on axes: 2026-11-22, 2026-W47, 2026-11.
    pub fn label(self, start: NaiveDate) -> String {
        match self {
            Grouping::Day => start.format("%Y-%m-%d").to_string(),
            Grouping::Week => {
                let week = start.iso_week();
                format!("{}-W{:02}", week.year(), week.week())
            }
            Grouping::Month => start.format("%Y-%m").to_string(),
        }
    }
}

/// The ranges the Reports page offers besides a custom one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Preset {
    Today,
    ThisWeek,
    ThisMonth,
    LastMonth,
    ThisQuarter,
    ThisYear,
}

impl Preset {
    pub fn parse(text: &str) -> Result<Preset> {
        match text.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "today" => Ok(Preset::Today),
            "this_week" => Ok(Preset::ThisWeek),
            "this_month" => Ok(Preset::ThisMonth),
            "last_month" => Ok(Preset::LastMonth),
            "this_quarter" => Ok(Preset::ThisQuarter),
            "this_year" => Ok(Preset::ThisYear),
            _ => Err(Error::InvalidRange {
                field: "preset",
                reason: format!(
                    "\"{text}\" is not a preset (today, this_week, this_month, last_month, this_quarter, this_year)"
                ),
            }),
        }
    }

    /// The inclusive range of days the preset means on `today`.
    pub fn range(self, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        let month_start = Grouping::Month.bucket_start(today);
        match self {
            Preset::Today => (today, today),
            Preset::ThisWeek => (Grouping::Week.bucket_start(today), today),
            Preset::ThisMonth => (month_start, today),
            Preset::LastMonth => (month_start - Months::new(1), month_start - Days::new(1)),
            Preset::ThisQuarter => {
                let first_month = (today.month0() / 3) * 3 + 1;
                (NaiveDate::from_ymd_opt(today.year(), first_month, 1).expect("a quarter starts on a real day"), today)
            }
            Preset::ThisYear => (NaiveDate::from_ymd_opt(today.year(), 1, 1).expect("1 January exists"), today),
        }
    }
}

/// A checked period: `from` ≤ `to`, at most [`MAX_YEARS`] long.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub grouping: Grouping,
}

impl Period {
    pub fn new(from: NaiveDate, to: NaiveDate, grouping: Grouping) -> Result<Period> {
        if from > to {
            return Err(Error::InvalidRange { field: "from", reason: format!("{from} is after the end date {to}") });
        }
        if from.checked_add_months(Months::new(12 * MAX_YEARS as u32)).is_none_or(|limit| to >= limit) {
            return Err(Error::InvalidRange {
                field: "to",
                reason: format!("{from} to {to} is longer than {MAX_YEARS} years"),
            });
        }
        Ok(Period { from, to, grouping })
    }

    /// The start of every bucket that overlaps the period, oldest first.
    pub fn buckets(&self) -> Vec<NaiveDate> {
        let mut starts = Vec::new();
        let mut start = self.grouping.bucket_start(self.from);
        while start <= self.to {
            starts.push(start);
            start = self.grouping.next(start);
        }
        starts
    }

    /// Each bucket's start and label, oldest first.
    pub fn labelled_buckets(&self) -> Vec<(NaiveDate, String)> {
        self.buckets().into_iter().map(|start| (start, self.grouping.label(start))).collect()
    }
}

/// A date typed by a person (YYYY-MM-DD); `field` names it in the refusal.
pub fn parse_date(field: &'static str, text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| Error::InvalidRange { field, reason: format!("\"{text}\" is not a date (use YYYY-MM-DD)") })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn presets_cover_whole_calendar_units_up_to_today() {
        let today = day("2026-11-18"); // a Wednesday
        assert_eq!(Preset::Today.range(today), (today, today));
        assert_eq!(Preset::ThisWeek.range(today), (day("2026-11-16"), today));
        assert_eq!(Preset::ThisMonth.range(today), (day("2026-11-01"), today));
        assert_eq!(Preset::LastMonth.range(today), (day("2026-10-01"), day("2026-10-31")));
        assert_eq!(Preset::ThisQuarter.range(today), (day("2026-10-01"), today));
        assert_eq!(Preset::ThisYear.range(today), (day("2026-01-01"), today));
        assert_eq!(Preset::LastMonth.range(day("2026-03-05")), (day("2026-02-01"), day("2026-02-28")));
    }

    #[test]
    fn buckets_cover_the_period_and_are_named_by_grouping() {
        let period = Period::new(day("2026-12-30"), day("2027-01-05"), Grouping::Week).unwrap();
        let labels: Vec<String> = period.labelled_buckets().into_iter().map(|(_, label)| label).collect();
        assert_eq!(labels, ["2026-W53", "2027-W01"]);
        let months = Period::new(day("2026-01-31"), day("2026-03-01"), Grouping::Month).unwrap();
        assert_eq!(months.buckets(), [day("2026-01-01"), day("2026-02-01"), day("2026-03-01")]);
        assert_eq!(Period::new(day("2026-02-01"), day("2026-02-01"), Grouping::Day).unwrap().buckets().len(), 1);
    }

    #[test]
    fn bad_ranges_and_groupings_are_refused_with_their_field() {
        let error = Period::new(day("2026-02-02"), day("2026-02-01"), Grouping::Day).unwrap_err();
        assert_eq!(error.code(), "invalid_range");
        assert_eq!(error.details()["field"], "from");
        assert!(error.details()["reason"].as_str().unwrap().contains("after"));
        let error = Period::new(day("2000-01-01"), day("2020-01-01"), Grouping::Month).unwrap_err();
        assert_eq!((error.code(), error.details()["field"].as_str()), ("invalid_range", Some("to")));
        assert!(Period::new(day("2000-01-01"), day("2019-12-31"), Grouping::Month).is_ok());
        let error = Grouping::parse("fortnight").unwrap_err();
        assert_eq!(error.code(), "invalid_grouping");
        assert_eq!(error.details()["field"], "grouping");
        assert_eq!(error.details()["value"], "fortnight");
        assert_eq!(parse_date("from", "22.11.2026").unwrap_err().details()["field"], "from");
        assert_eq!(Preset::parse("yesterday").unwrap_err().code(), "invalid_range");
    }
}
