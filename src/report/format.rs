//! How reports write dates, durations and numbers. The core never picks a
//! locale's conventions or a time zone itself: it asks a [`ReportFormatter`].
//! Native code and tests use the deterministic [`UtcFormatter`]; the JS layer
//! implements the trait with `Intl` for `options.locale` and `options.timeZone`.

use crate::analyze::calendar::{civil_from_days, MS_PER_DAY};
use crate::analyze::BucketSize;

/// The units a duration is written in, largest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurationUnit {
    /// Hours (durations are never written in days: sync jobs are short).
    Hour,
    /// Minutes.
    Minute,
    /// Seconds.
    Second,
    /// Milliseconds, only for durations under one second.
    Millisecond,
}

/// A duration as the non-zero parts a reader wants: hours, minutes and whole
/// seconds, or milliseconds alone when it is under a second (`0` is `0 s`).
pub fn duration_parts(ms: u64) -> Vec<(u64, DurationUnit)> {
    if ms < 1000 {
        let unit = if ms == 0 {
            DurationUnit::Second
        } else {
            DurationUnit::Millisecond
        };
        return vec![(ms, unit)];
    }
    let seconds = ms / 1000;
    [
        (seconds / 3600, DurationUnit::Hour),
        (seconds % 3600 / 60, DurationUnit::Minute),
        (seconds % 60, DurationUnit::Second),
    ]
    .into_iter()
    .filter(|(value, _)| *value > 0)
    .collect()
}

/// A ratio in [0, 1] as a whole percentage, rounded half away from zero.
pub fn whole_percent(ratio: f64) -> u64 {
    let percent = (ratio * 100.0).round();
    if percent.is_finite() && percent > 0.0 {
        percent.min(100.0) as u64
    } else {
        0
    }
}

/// UTC milliseconds as ISO 8601 (`2022-04-13T06:10:26.123Z`): the
/// machine-readable form of `<time datetime>` and of CSV cells.
pub fn iso_utc(utc_ms: u64) -> String {
    let ms = utc_ms.min(i64::MAX as u64) as i64;
    let ((year, month, day), h, m, s) = civil(ms);
    let millis = ms.rem_euclid(1000);
    format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}.{millis:03}Z")
}

/// Formats the non-data values of a report for a reader.
pub trait ReportFormatter {
    /// An instant (a job's start), given in UTC milliseconds.
    fn date_time(&self, utc_ms: u64) -> String;

    /// The first instant of a trend bucket, `start_ms` in UTC milliseconds,
    /// written in the calendar the buckets were cut in (`utc_offset_minutes`):
    /// a date for day buckets, a date and hour for hour buckets.
    fn bucket_start(&self, start_ms: i64, size: BucketSize, utc_offset_minutes: i32) -> String;

    /// One part of a duration (`3` and [`DurationUnit::Minute`]: `3 min`).
    fn duration_unit(&self, value: u64, unit: DurationUnit) -> String;

    /// A count of items or jobs.
    fn count(&self, value: u64) -> String;

    /// A ratio in [0, 1] as a percentage.
    fn percent(&self, ratio: f64) -> String;

    /// A duration in milliseconds: its [`duration_parts`] joined by spaces.
    fn duration(&self, ms: u64) -> String {
        duration_parts(ms)
            .into_iter()
            .map(|(value, unit)| self.duration_unit(value, unit))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A deterministic formatter: ISO 8601 dates in UTC, SI-style units, plain
/// digits. What native callers and tests use; the same output on every machine.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UtcFormatter;

/// `(date, hours, minutes, seconds)` of UTC milliseconds (negative allowed).
fn civil(ms: i64) -> ((i64, u32, u32), i64, i64, i64) {
    let day = ms.div_euclid(MS_PER_DAY);
    let second_of_day = ms.rem_euclid(MS_PER_DAY) / 1000;
    (
        civil_from_days(day),
        second_of_day / 3600,
        second_of_day % 3600 / 60,
        second_of_day % 60,
    )
}

impl ReportFormatter for UtcFormatter {
    /// `2022-04-13 06:10:26 UTC`.
    fn date_time(&self, utc_ms: u64) -> String {
        // Times are at most 2^53 - 1 (the parser's limit), so this fits an i64.
        let ((year, month, day), h, m, s) = civil(utc_ms.min(i64::MAX as u64) as i64);
        format!("{year:04}-{month:02}-{day:02} {h:02}:{m:02}:{s:02} UTC")
    }

    /// `2026-01-01` (day) or `2026-01-01 08:00` (hour), in the buckets' offset.
    fn bucket_start(&self, start_ms: i64, size: BucketSize, utc_offset_minutes: i32) -> String {
        let local = start_ms.saturating_add(i64::from(utc_offset_minutes) * 60_000);
        let ((year, month, day), h, m, _) = civil(local);
        match size {
            BucketSize::Day => format!("{year:04}-{month:02}-{day:02}"),
            BucketSize::Hour => format!("{year:04}-{month:02}-{day:02} {h:02}:{m:02}"),
        }
    }

    /// `2 h`, `5 min`, `3 s`, `250 ms`.
    fn duration_unit(&self, value: u64, unit: DurationUnit) -> String {
        let symbol = match unit {
            DurationUnit::Hour => "h",
            DurationUnit::Minute => "min",
            DurationUnit::Second => "s",
            DurationUnit::Millisecond => "ms",
        };
        format!("{value} {symbol}")
    }

    fn count(&self, value: u64) -> String {
        value.to_string()
    }

    /// `34%`.
    fn percent(&self, ratio: f64) -> String {
        format!("{}%", whole_percent(ratio))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_keep_their_non_zero_parts() {
        let f = UtcFormatter;
        assert_eq!(f.duration(0), "0 s");
        assert_eq!(f.duration(250), "250 ms");
        assert_eq!(f.duration(1_999), "1 s");
        assert_eq!(f.duration(3_723_000), "1 h 2 min 3 s");
        assert_eq!(f.duration(7_200_000), "2 h");
        assert_eq!(f.duration(93_600_000), "26 h");
    }

    #[test]
    fn dates_are_utc_and_buckets_follow_their_offset() {
        let f = UtcFormatter;
        // 2022-04-13T06:10:26.123Z
        assert_eq!(f.date_time(1_649_830_226_123), "2022-04-13 06:10:26 UTC");
        assert_eq!(iso_utc(1_649_830_226_123), "2022-04-13T06:10:26.123Z");
        assert_eq!(iso_utc(0), "1970-01-01T00:00:00.000Z");
        // 2025-12-31T16:00:00Z is midnight of 2026-01-01 at UTC+8.
        let start = 1_767_196_800_000;
        assert_eq!(f.bucket_start(start, BucketSize::Day, 480), "2026-01-01");
        assert_eq!(
            f.bucket_start(start, BucketSize::Hour, 0),
            "2025-12-31 16:00"
        );
        assert_eq!(
            f.bucket_start(-3_600_000, BucketSize::Hour, 0),
            "1969-12-31 23:00"
        );
    }

    #[test]
    fn percentages_round_half_away_from_zero() {
        assert_eq!(whole_percent(26.0 / 77.0), 34);
        assert_eq!(whole_percent(0.125), 13);
        assert_eq!(whole_percent(0.0), 0);
        assert_eq!(whole_percent(f64::NAN), 0);
        assert_eq!(UtcFormatter.percent(1.0), "100%");
    }
}
