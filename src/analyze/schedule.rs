//! The next run times of a periodic synchronization, from its cron
//! expression or its hour slots.

use super::calendar::{days_from_civil, MS_PER_DAY, MS_PER_HOUR};
use super::cron::{self, MAX_YEAR};
use crate::model::wire::object_only;
use crate::model::{PeriodicSyncConfig, PeriodicSyncType};
use serde::{Deserialize, Serialize};
use tsify::Tsify;

/// The most run times one call returns.
pub const MAX_SCHEDULED_RUNS: usize = 1000;

/// Options of `nextScheduledRuns` in JS: `{ utcOffsetMinutes? }`; `null` or
/// absent means 0, other keys are ignored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(remote = "Self", rename_all = "camelCase", default)]
pub struct ScheduleOptions {
    /// The fixed offset from UTC, in minutes, of the schedule's calendar
    /// (default 0; at most 18 hours either way).
    #[serde(deserialize_with = "super::aggregate::utc_offset")]
    #[tsify(optional)]
    pub utc_offset_minutes: i32,
}

object_only!(ScheduleOptions);

/// Which rule a configuration's runs follow.
enum Rule {
    Cron(cron::CronSchedule),
    /// The hours 0..=23 as bits (bit `h` set: a run at `h`:00), never empty.
    Hours(u32),
    Nothing,
}

fn rule_of(config: &PeriodicSyncConfig) -> Rule {
    let cron_rule = || match config.periodic_sync_cron.as_deref().map(cron::parse) {
        Some(Ok(schedule)) => Rule::Cron(schedule),
        _ => Rule::Nothing,
    };
    let hours_rule = || {
        // A set of the hours 0..=23 as bits: sorted and without duplicates
        // as it is read, with no sort routine.
        let set = config
            .periodic_sync_times
            .iter()
            .flatten()
            .filter(|h| **h <= 23)
            .fold(0u32, |set, h| set | 1 << h);
        if set == 0 {
            Rule::Nothing
        } else {
            Rule::Hours(set)
        }
    };
    match config.periodic_sync_type {
        Some(PeriodicSyncType::Cron) => cron_rule(),
        Some(PeriodicSyncType::Time) => hours_rule(),
        _ if config.periodic_sync_cron.is_some() => cron_rule(),
        _ => hours_rule(),
    }
}

/// The next `count` run times (UTC milliseconds, ascending) strictly after
/// `from_ms`, at most [`MAX_SCHEDULED_RUNS`], none after 2099 in local time.
///
/// - `PeriodicSyncType` `cron`: the Quartz expression `PeriodicSyncCron`
///   (see [`cron`]), in the fixed offset `utc_offset_minutes`.
/// - `time`: one run per hour slot per day; the service runs slot `h`
///   "between h:00 and h+1:00", reported as h:00:00 in the offset. Slots
///   outside 0..=23 are ignored, duplicates count once.
/// - No or an unknown type: the cron expression when there is one, else the hours.
///
/// An empty list when the chosen field is absent, empty or invalid (a cron
/// expression that does not parse); validation says why.
pub fn next_scheduled_runs(
    config: &PeriodicSyncConfig,
    from_ms: u64,
    count: usize,
    utc_offset_minutes: i32,
) -> Vec<u64> {
    let count = count.min(MAX_SCHEDULED_RUNS);
    let mut runs = Vec::with_capacity(count);
    match rule_of(config) {
        Rule::Nothing => {}
        Rule::Cron(schedule) => {
            let mut after = from_ms;
            while runs.len() < count {
                match schedule.next_after(after, utc_offset_minutes) {
                    Some(next) => {
                        runs.push(next);
                        after = next;
                    }
                    None => break,
                }
            }
        }
        Rule::Hours(hours) => {
            let offset = i64::from(utc_offset_minutes) * 60_000;
            let end_local = days_from_civil(i64::from(MAX_YEAR) + 1, 1, 1) * MS_PER_DAY;
            let Ok(from) = i64::try_from(from_ms) else {
                return runs;
            };
            let mut day_start = from.saturating_add(offset).div_euclid(MS_PER_DAY) * MS_PER_DAY;
            'days: while runs.len() < count && day_start < end_local {
                for hour in (0..24).filter(|h| hours & 1 << h != 0) {
                    let utc = day_start + i64::from(hour) * MS_PER_HOUR - offset;
                    if utc > from {
                        match u64::try_from(utc) {
                            Ok(run) => runs.push(run),
                            Err(_) => continue,
                        }
                        if runs.len() == count {
                            break 'days;
                        }
                    }
                }
                day_start += MS_PER_DAY;
            }
        }
    }
    runs
}
