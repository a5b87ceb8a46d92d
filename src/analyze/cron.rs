//! Quartz cron expressions as the IDaaS API uses them in `PeriodicSyncCron`
//! (`0 45 1 * * ?` = every day at 01:45:00): parsing with precise errors, and
//! the next fire time in a fixed UTC offset.
//!
//! # Grammar
//! Six or seven fields separated by whitespace:
//!
//! | # | field          | values                    | special characters        |
//! |---|----------------|---------------------------|---------------------------|
//! | 1 | `seconds`      | 0-59                      | `, - * /`                 |
//! | 2 | `minutes`      | 0-59                      | `, - * /`                 |
//! | 3 | `hours`        | 0-23                      | `, - * /`                 |
//! | 4 | `day_of_month` | 1-31                      | `, - * / ? L W`           |
//! | 5 | `month`        | 1-12 or `JAN`-`DEC`       | `, - * /`                 |
//! | 6 | `day_of_week`  | 1-7 (1 = SUN) or `SUN`-`SAT` | `, - * / ? L #`        |
//! | 7 | `year` (optional) | 1970-2099              | `, - * /`                 |
//!
//! - `*` every value; `a-b` a range (in every field but `year`, `a > b` wraps
//!   around: `FRI-MON` = FRI, SAT, SUN, MON); `a,b` a list; `*/n`, `a/n`
//!   (from `a` to the field's maximum) and `a-b/n` steps, with `n` from 1 to the
//!   number of values of the field.
//! - `?` (no specific value) is allowed only as the whole day-of-month or
//!   day-of-week field, and exactly one of those two fields must be `?`.
//! - Day of month, each alone as the whole field: `L` (last day of the
//!   month), `L-n` (n = 0..=30 days before it; no fire in a month too short),
//!   `LW` (last weekday, Monday to Friday, of the month), `nW` (n = 1..=31: the
//!   weekday nearest to day n within the same month: a Saturday moves to the
//!   Friday before, or to Monday the 3rd when n = 1; a Sunday to the Monday
//!   after, or to the Friday before when n is the last day; no fire in a month
//!   shorter than n days).
//! - Day of week, each alone as the whole field: `L` (= 7, Saturday), `nL`
//!   (the last weekday n of the month, `6L` = last Friday), `n#k` (k = 1..=5:
//!   the k-th weekday n of the month, `6#3` = third Friday; no fire in a month
//!   without a k-th one). `n` may be a name (`FRIL`, `FRI#3`).
//! - Names and letters are case-insensitive.
//!
//! # Evaluation
//! The calendar is computed in a fixed offset from UTC (no daylight saving);
//! fire times are whole seconds. Nothing fires after 2099-12-31T23:59:59 local.

mod parser;
#[cfg(test)]
mod tests;

use super::calendar::{days_from_civil, days_in_month, quartz_weekday, SECONDS_PER_DAY};
use std::fmt;

/// The first year a cron expression may name.
pub const MIN_YEAR: u32 = 1970;
/// The last year a cron expression may name, and the end of every search.
pub const MAX_YEAR: u32 = 2099;

/// A cron expression that could not be parsed: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CronError {
    /// The field at fault: `"seconds"`, `"minutes"`, `"hours"`,
    /// `"day_of_month"`, `"month"`, `"day_of_week"` or `"year"`; `None` when the
    /// expression as a whole is wrong (for example 5 fields).
    pub field: Option<&'static str>,
    /// 0-based offset, in characters (Unicode scalar values), of the problem in
    /// the expression as given.
    pub position: usize,
    /// One sentence for a person, without the field and position.
    pub message: String,
}

impl fmt::Display for CronError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.field {
            Some(field) => write!(
                f,
                "{} (in the {} field, at character offset {})",
                self.message, field, self.position
            ),
            None => write!(
                f,
                "{} (at character offset {})",
                self.message, self.position
            ),
        }
    }
}

impl std::error::Error for CronError {}

/// A set of small integers `base..base + 192`, as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct ValueSet {
    base: u32,
    bits: [u64; 3],
}

impl ValueSet {
    /// An empty set for values from `base`.
    pub(crate) fn new(base: u32) -> Self {
        ValueSet { base, bits: [0; 3] }
    }

    /// Adds a value; values outside the representable span are ignored.
    pub(crate) fn insert(&mut self, value: u32) {
        if let Some(index) = value.checked_sub(self.base) {
            if let Some(word) = self.bits.get_mut((index / 64) as usize) {
                *word |= 1 << (index % 64);
            }
        }
    }

    /// Whether `value` is in the set.
    pub(crate) fn contains(&self, value: u32) -> bool {
        value.checked_sub(self.base).is_some_and(|index| {
            self.bits
                .get((index / 64) as usize)
                .is_some_and(|word| word & (1 << (index % 64)) != 0)
        })
    }

    /// The smallest member `>= value`.
    pub(crate) fn next_at_or_after(&self, value: u32) -> Option<u32> {
        let from = value.saturating_sub(self.base);
        (from..192)
            .find(|&index| self.contains(self.base + index))
            .map(|index| self.base + index)
    }
}

/// Which days a schedule fires on: exactly one of the day-of-month and
/// day-of-week fields is `?`, so the other one alone decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayRule {
    /// Day-of-month values (`*`, lists, ranges, steps); day of week is `?`.
    DaysOfMonth(ValueSet),
    /// `L` or `L-n`: the last day of the month minus `n`.
    LastDayOfMonth(u32),
    /// `LW`: the last Monday-to-Friday of the month.
    LastWeekdayOfMonth,
    /// `nW`: the Monday-to-Friday nearest to day `n`, within the month.
    NearestWeekday(u32),
    /// Day-of-week values (1 = SUN); day of month is `?`.
    DaysOfWeek(ValueSet),
    /// `nL`: the last weekday `n` of the month.
    LastOfWeekday(u32),
    /// `n#k`: the `k`-th weekday `n` of the month.
    NthWeekday {
        /// 1 = SUN ... 7 = SAT.
        weekday: u32,
        /// 1..=5.
        nth: u32,
    },
}

impl DayRule {
    /// Whether the schedule fires on this date.
    fn matches(&self, year: i64, month: u32, day: u32) -> bool {
        let last = days_in_month(year, month);
        match *self {
            DayRule::DaysOfMonth(set) => set.contains(day),
            DayRule::LastDayOfMonth(offset) => last.checked_sub(offset) == Some(day),
            DayRule::LastWeekdayOfMonth => {
                let target = match quartz_weekday(year, month, last) {
                    7 => last - 1,
                    1 => last - 2,
                    _ => last,
                };
                day == target
            }
            DayRule::NearestWeekday(n) => {
                if n > last {
                    return false;
                }
                let target = match quartz_weekday(year, month, n) {
                    7 if n == 1 => 3,
                    7 => n - 1,
                    1 if n == last => n - 2,
                    1 => n + 1,
                    _ => n,
                };
                day == target
            }
            DayRule::DaysOfWeek(set) => set.contains(quartz_weekday(year, month, day)),
            DayRule::LastOfWeekday(weekday) => {
                quartz_weekday(year, month, day) == weekday && day + 7 > last
            }
            DayRule::NthWeekday { weekday, nth } => {
                quartz_weekday(year, month, day) == weekday && (day - 1) / 7 + 1 == nth
            }
        }
    }

    /// The first day `>= from` of the month on which the schedule fires.
    fn first_from(&self, year: i64, month: u32, from: u32) -> Option<u32> {
        (from..=days_in_month(year, month)).find(|&day| self.matches(year, month, day))
    }
}

/// A parsed Quartz cron expression. Build one with [`parse`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CronSchedule {
    pub(crate) seconds: ValueSet,
    pub(crate) minutes: ValueSet,
    pub(crate) hours: ValueSet,
    pub(crate) days: DayRule,
    pub(crate) months: ValueSet,
    pub(crate) years: ValueSet,
}

/// Parses a Quartz cron expression (see the module documentation for the
/// grammar). Never panics.
///
/// ```
/// use eiam_sync::analyze::cron;
///
/// let schedule = cron::parse("0 45 1 * * ?").unwrap();
/// // 2026-01-01T00:00:00Z -> 01:45:00Z the same day.
/// assert_eq!(schedule.next_after(1_767_225_600_000, 0), Some(1_767_231_900_000));
///
/// let error = cron::parse("0 45 1 * JANX ?").unwrap_err();
/// assert_eq!((error.field, error.position), (Some("month"), 9));
/// ```
pub fn parse(expr: &str) -> Result<CronSchedule, CronError> {
    parser::parse_expression(expr)
}

impl std::str::FromStr for CronSchedule {
    type Err = CronError;
    fn from_str(expr: &str) -> Result<Self, CronError> {
        parse(expr)
    }
}

/// A local date and time being searched, field by field.
struct Cursor {
    year: i64,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
}

impl Cursor {
    fn start_of_year(&mut self, year: i64) {
        *self = Cursor {
            year,
            month: 1,
            day: 1,
            hour: 0,
            minute: 0,
            second: 0,
        };
    }

    fn start_of_month(&mut self, year: i64, month: u32) {
        if month > 12 {
            self.start_of_year(year + 1);
        } else {
            self.start_of_year(year);
            self.month = month;
        }
    }

    fn start_of_day(&mut self, day: u32) {
        if day > days_in_month(self.year, self.month) {
            self.start_of_month(self.year, self.month + 1);
        } else {
            (self.day, self.hour, self.minute, self.second) = (day, 0, 0, 0);
        }
    }

    fn start_of_hour(&mut self, hour: u32) {
        if hour > 23 {
            self.start_of_day(self.day + 1);
        } else {
            (self.hour, self.minute, self.second) = (hour, 0, 0);
        }
    }

    fn start_of_minute(&mut self, minute: u32) {
        if minute > 59 {
            self.start_of_hour(self.hour + 1);
        } else {
            (self.minute, self.second) = (minute, 0);
        }
    }

    fn local_seconds(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * SECONDS_PER_DAY
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
    }
}

/// More than any real search needs (about 2 steps per month over 130 years).
const MAX_STEPS: u32 = 20_000;

impl CronSchedule {
    /// The first fire time strictly after `after_ms` (UTC milliseconds), with
    /// the calendar computed at `utc_offset_minutes` from UTC. `None` when the
    /// schedule never fires again before the end of 2099 (local time), or
    /// when the result would not be a valid timestamp. Bounded; never panics.
    pub fn next_after(&self, after_ms: u64, utc_offset_minutes: i32) -> Option<u64> {
        let offset_seconds = i64::from(utc_offset_minutes) * 60;
        // Fire times are whole seconds: start at the first one after `after_ms`.
        let first_utc = i64::try_from(after_ms / 1000).ok()? + 1;
        let first_local = first_utc.checked_add(offset_seconds)?;
        let end_local = days_from_civil(i64::from(MAX_YEAR) + 1, 1, 1) * SECONDS_PER_DAY;
        if first_local >= end_local {
            return None;
        }
        let mut at = Cursor {
            year: 0,
            month: 1,
            day: 1,
            hour: 0,
            minute: 0,
            second: 0,
        };
        if first_local < 0 {
            at.start_of_year(i64::from(MIN_YEAR));
        } else {
            let days = first_local.div_euclid(SECONDS_PER_DAY);
            let (year, month, day) = super::calendar::civil_from_days(days);
            let second_of_day = first_local.rem_euclid(SECONDS_PER_DAY) as u32;
            at = Cursor {
                year,
                month,
                day,
                hour: second_of_day / 3600,
                minute: second_of_day / 60 % 60,
                second: second_of_day % 60,
            };
        }

        for _ in 0..MAX_STEPS {
            if at.year > i64::from(MAX_YEAR) {
                return None;
            }
            let year = u32::try_from(at.year).ok()?;
            if !self.years.contains(year) {
                let next = self.years.next_at_or_after(year)?;
                at.start_of_year(i64::from(next));
                continue;
            }
            if !self.months.contains(at.month) {
                match self.months.next_at_or_after(at.month) {
                    Some(month) if month <= 12 => at.start_of_month(at.year, month),
                    _ => at.start_of_year(at.year + 1),
                }
                continue;
            }
            match self.days.first_from(at.year, at.month, at.day) {
                Some(day) if day == at.day => {}
                Some(day) => at.start_of_day(day),
                None => {
                    at.start_of_month(at.year, at.month + 1);
                    continue;
                }
            }
            match self.hours.next_at_or_after(at.hour) {
                Some(hour) if hour == at.hour => {}
                Some(hour) if hour <= 23 => at.start_of_hour(hour),
                _ => {
                    at.start_of_day(at.day + 1);
                    continue;
                }
            }
            match self.minutes.next_at_or_after(at.minute) {
                Some(minute) if minute == at.minute => {}
                Some(minute) if minute <= 59 => at.start_of_minute(minute),
                _ => {
                    at.start_of_hour(at.hour + 1);
                    continue;
                }
            }
            match self.seconds.next_at_or_after(at.second) {
                Some(second) if second <= 59 => at.second = second,
                _ => {
                    at.start_of_minute(at.minute + 1);
                    continue;
                }
            }
            let utc_seconds = at.local_seconds().checked_sub(offset_seconds)?;
            let utc_ms = u64::try_from(utc_seconds).ok()?.checked_mul(1000)?;
            return (utc_ms > after_ms).then_some(utc_ms);
        }
        None
    }
}
