//! Days in the business's time zone. Timestamps are stored as UTC text; a
//! report's range and its days are local, so a sale at 23:30 in Berlin on
//! 31 March belongs to March. SQL gets the local day as `date(column, shift)`
//! where the shift follows the zone's UTC offset through daylight-saving changes.

use chrono::{DateTime, Days, NaiveDate, Offset, TimeZone, Utc};
use chrono_tz::Tz;

#[derive(Debug, Clone, Copy)]
pub struct Zone(pub Tz);

impl Zone {
    pub fn today(self, now: DateTime<Utc>) -> NaiveDate {
        now.with_timezone(&self.0).date_naive()
    }

    /// The instant local midnight starts `day` (the first valid instant of
    /// the day where a clock change skips midnight).
    pub fn start_of(self, day: NaiveDate) -> DateTime<Utc> {
        let midnight = day.and_hms_opt(0, 0, 0).expect("midnight exists");
        (0..24 * 4)
            .find_map(|quarter| {
                self.0.from_local_datetime(&(midnight + chrono::Duration::minutes(15 * quarter))).earliest()
            })
            .map(|local| local.with_timezone(&Utc))
            .unwrap_or_else(|| Utc.from_utc_datetime(&midnight))
    }

    /// UTC bounds of the inclusive local days `from..=to`: [start, end).
    pub fn window(self, from: NaiveDate, to: NaiveDate) -> (String, String) {
        (stamp(self.start_of(from)), stamp(self.start_of(to + Days::new(1))))
    }

    fn offset_at(self, at: DateTime<Utc>) -> i32 {
        self.0.offset_from_utc_datetime(&at.naive_utc()).fix().local_minus_utc()
    }

    /// SQL for the local day (YYYY-MM-DD) of the UTC text `column`, correct
    /// for instants within `from..=to`. Only our own generated numbers and
    /// timestamps go into the text, never user input.
    pub fn local_day_sql(self, column: &str, from: NaiveDate, to: NaiveDate) -> String {
        let shifts = self.shifts(from, to);
        let last = shifts.last().expect("shifts start with the offset at the start").1;
        if shifts.len() == 1 {
            return format!("date({column}, '{last:+} seconds')");
        }
        let mut case = String::from("CASE");
        for pair in shifts.windows(2) {
            case.push_str(&format!(" WHEN {column} < '{}' THEN '{:+} seconds'", stamp(pair[1].0), pair[0].1));
        }
        format!("date({column}, {case} ELSE '{last:+} seconds' END)")
    }

    /// The same for the integer `column` counting UTC quarter hours since
    /// 1970 (the sales rollup's slots).
    pub fn local_day_of_slot_sql(self, column: &str, from: NaiveDate, to: NaiveDate) -> String {
        let shifts = self.shifts(from, to);
        let last = shifts.last().expect("shifts start with the offset at the start").1;
        if shifts.len() == 1 {
            return format!("date({column} * 900 + {last}, 'unixepoch')");
        }
        let mut case = String::from("CASE");
        for pair in shifts.windows(2) {
            case.push_str(&format!(" WHEN {column} < {} THEN {}", quarter_hour(pair[1].0), pair[0].1));
        }
        format!("date({column} * 900 + {case} ELSE {last} END, 'unixepoch')")
    }

    /// The UTC offset (seconds) in force from each instant on, for instants
    /// within `from..=to`: the first entry is the offset at the start.
    fn shifts(self, from: NaiveDate, to: NaiveDate) -> Vec<(DateTime<Utc>, i32)> {
        let start = self.start_of(from);
        let end = self.start_of(to + Days::new(1));
        let mut shifts = vec![(start, self.offset_at(start))];
        let mut at = start;
        while at < end {
            let next = (at + chrono::Duration::days(1)).min(end);
            if self.offset_at(next) != self.offset_at(at) {
                // Narrow the change down to the second it happens.
                let (mut before, mut after) = (at, next);
                while after - before > chrono::Duration::seconds(1) {
                    let middle = before + (after - before) / 2;
                    if self.offset_at(middle) == self.offset_at(before) { before = middle } else { after = middle }
                }
                shifts.push((after, self.offset_at(after)));
            }
            at = next;
        }
        shifts
    }
}

/// The UTC quarter hour an instant falls in, counted from 1970. Every local
/// midnight and clock change of the time zones in use since 1980 falls on
/// a quarter hour (offsets such as +05:45 included), so whole slots make
/// whole local days.
pub fn quarter_hour(at: DateTime<Utc>) -> i64 {
    at.timestamp().div_euclid(900)
}

/// A UTC instant as the store writes it, so text comparison orders correctly.
fn stamp(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S+00:00").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_local_range_starts_and_ends_at_local_midnight() {
        let berlin = Zone(chrono_tz::Europe::Berlin);
        assert_eq!(
            berlin.window(day("2026-03-01"), day("2026-03-31")),
            ("2026-02-28T23:00:00+00:00".to_string(), "2026-03-31T22:00:00+00:00".to_string())
        );
        assert_eq!(
            Zone(chrono_tz::UTC).local_day_sql("at", day("2026-03-01"), day("2026-03-31")),
            "date(at, '+0 seconds')"
        );
    }

    #[test]
    fn the_local_day_follows_daylight_saving_changes() {
        let sql = Zone(chrono_tz::Europe::Berlin).local_day_sql("at", day("2026-03-01"), day("2026-04-30"));
        assert_eq!(
            sql,
            "date(at, CASE WHEN at < '2026-03-29T01:00:00+00:00' THEN '+3600 seconds' ELSE '+7200 seconds' END)"
        );
    }

    #[test]
    fn a_slot_is_read_on_the_local_calendar() {
        let berlin = Zone(chrono_tz::Europe::Berlin);
        let change = quarter_hour(Utc.with_ymd_and_hms(2026, 3, 29, 1, 0, 0).unwrap());
        assert_eq!(
            berlin.local_day_of_slot_sql("slot", day("2026-03-01"), day("2026-04-30")),
            format!("date(slot * 900 + CASE WHEN slot < {change} THEN 3600 ELSE 7200 END, 'unixepoch')")
        );
        assert_eq!(
            Zone(chrono_tz::UTC).local_day_of_slot_sql("slot", day("2026-03-01"), day("2026-03-31")),
            "date(slot * 900 + 0, 'unixepoch')"
        );
    }
}
