//! The rules of a periodic synchronization schedule (`PeriodicSyncConfig`)
//! and of the switch that turns it on (`PeriodicSyncStatus`).
//!
//! `PeriodicSyncType` picks the field that counts: `cron` needs
//! `PeriodicSyncCron`, `time` needs `PeriodicSyncTimes`, and the other field is
//! ignored (the documentation's cron example also carries hours `0`). Without a
//! known type, whichever fields are present are checked.

use super::check::Checker;
use super::fields::check_enum;
use super::messages::quote;
use super::RuleCode;
use crate::analyze::cron;
use crate::model::{PeriodicSyncConfig, PeriodicSyncType, SwitchStatus};

/// The hours of a day, for `PeriodicSyncTimes`.
const HOURS_PER_DAY: u64 = 24;

/// The cron expression, unless absent or blank.
fn cron_expression(config: &PeriodicSyncConfig) -> Option<&str> {
    config
        .periodic_sync_cron
        .as_deref()
        .filter(|c| !c.trim().is_empty())
}

/// The hour slots, unless absent or empty.
fn hours(config: &PeriodicSyncConfig) -> Option<&[u64]> {
    config
        .periodic_sync_times
        .as_deref()
        .filter(|h| !h.is_empty())
}

/// Whether the configuration says when to run: a cron expression or hours.
fn has_schedule(config: Option<&PeriodicSyncConfig>) -> bool {
    config.is_some_and(|c| cron_expression(c).is_some() || hours(c).is_some())
}

/// `PeriodicSyncStatus` at `field`: a known value, and a schedule when enabled.
pub(crate) fn check_periodic_status(
    checker: &mut Checker<'_>,
    status: Option<&SwitchStatus>,
    config: Option<&PeriodicSyncConfig>,
) {
    check_enum(checker, "PeriodicSyncStatus", status);
    if status == Some(&SwitchStatus::Enabled) && !has_schedule(config) {
        checker.report(
            "PeriodicSyncStatus",
            RuleCode::PeriodicSyncWithoutSchedule,
            &[],
        );
    }
}

/// Checks a `PeriodicSyncConfig` (the checker is at its path).
pub(crate) fn check_schedule(checker: &mut Checker<'_>, config: &PeriodicSyncConfig) {
    let kind = config.periodic_sync_type.as_ref();
    check_enum(checker, "PeriodicSyncType", kind);
    let (uses_cron, uses_hours) = match kind {
        Some(PeriodicSyncType::Cron) => (true, false),
        Some(PeriodicSyncType::Time) => (false, true),
        _ => (true, true),
    };

    match cron_expression(config) {
        None if kind == Some(&PeriodicSyncType::Cron) => {
            checker.report("PeriodicSyncCron", RuleCode::ScheduleMissingCron, &[]);
        }
        Some(expression) if uses_cron => {
            if let Err(error) = cron::parse(expression) {
                checker.report(
                    "PeriodicSyncCron",
                    RuleCode::InvalidCron,
                    &[
                        ("value", &quote(expression)),
                        ("detail", &error.to_string()),
                    ],
                );
            }
        }
        _ => {}
    }

    match hours(config) {
        None if kind == Some(&PeriodicSyncType::Time) => {
            checker.report("PeriodicSyncTimes", RuleCode::ScheduleMissingHours, &[]);
        }
        Some(hours) if uses_hours => checker.at("PeriodicSyncTimes", |c| check_hours(c, hours)),
        _ => {}
    }
}

/// Each hour within 0..=23, and none twice (the later one is reported).
fn check_hours(checker: &mut Checker<'_>, hours: &[u64]) {
    let mut seen = [false; HOURS_PER_DAY as usize];
    for (index, &hour) in hours.iter().enumerate() {
        let field = format!("[{index}]");
        let value = hour.to_string();
        match seen.get_mut(hour as usize).filter(|_| hour < HOURS_PER_DAY) {
            None => checker.report(
                &field,
                RuleCode::PeriodicSyncHourRange,
                &[("value", &value)],
            ),
            Some(true) => checker.report(
                &field,
                RuleCode::PeriodicSyncHourDuplicate,
                &[("value", &value)],
            ),
            Some(slot) => *slot = true,
        }
    }
}
