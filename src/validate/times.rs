//! Timestamp rules. Times are milliseconds since the epoch; a value that,
//! read as seconds, falls between 2015 and 2100 was almost certainly sent in
//! seconds, and is named as such rather than as "before 2015".

use super::check::Checker;
use super::messages::utc_date;
use super::RuleCode;

/// 2015-01-01T00:00:00Z in seconds: IDaaS data is never older.
const EPOCH_2015_SECONDS: u64 = 1_420_070_400;
/// 2100-01-01T00:00:00Z in seconds: the end of the "looks like seconds" window.
const EPOCH_2100_SECONDS: u64 = 4_102_444_800;
/// 2015-01-01T00:00:00Z in milliseconds.
pub(crate) const EPOCH_2015_MS: u64 = EPOCH_2015_SECONDS * 1000;
/// How far after `nowMs` a time may be (clock skew, time zones): one day.
pub(crate) const FUTURE_TOLERANCE_MS: u64 = 86_400_000;

/// Whether `value`, read as seconds, is a date from 2015 to 2099.
pub(crate) fn looks_like_seconds(value: u64) -> bool {
    (EPOCH_2015_SECONDS..EPOCH_2100_SECONDS).contains(&value)
}

/// `time_looks_like_seconds` when the value is in seconds; returns whether it was.
fn check_seconds(checker: &mut Checker<'_>, field: &str, value: u64) -> bool {
    if !looks_like_seconds(value) {
        return false;
    }
    checker.report(
        field,
        RuleCode::TimeLooksLikeSeconds,
        &[
            ("value", &value.to_string()),
            ("date", &utc_date(value.saturating_mul(1000))),
        ],
    );
    true
}

/// The rules of a timestamp the service recorded (a job's start or end):
/// seconds instead of milliseconds; before 2015; more than a day after
/// `nowMs` (only when given).
pub(crate) fn check_recorded_time(checker: &mut Checker<'_>, field: &str, value: u64) {
    if check_seconds(checker, field, value) {
        return;
    }
    let text = value.to_string();
    let date = utc_date(value);
    if value < EPOCH_2015_MS {
        let args = [("value", text.as_str()), ("date", &date)];
        checker.report(field, RuleCode::TimeBefore2015, &args);
        return;
    }
    if let Some(now) = checker.options().now_ms {
        if value > now.saturating_add(FUTURE_TOLERANCE_MS) {
            let now = utc_date(now);
            let args = [("value", text.as_str()), ("date", &date), ("now", &now)];
            checker.report(field, RuleCode::TimeInFuture, &args);
        }
    }
}

/// The rules of a timestamp in a request filter: only seconds instead of
/// milliseconds (a filter may well reach back before 2015 or into the future).
pub(crate) fn check_filter_time(checker: &mut Checker<'_>, field: &str, value: u64) {
    check_seconds(checker, field, value);
}

/// `"1649830226000 (2022-04-13T06:10:26.000Z)"`, for messages that compare two times.
pub(crate) fn describe(value: u64) -> String {
    format!("{value}, {}", utc_date(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::ValidateOptions;

    fn codes(value: u64, now_ms: Option<u64>) -> Vec<&'static str> {
        let options = ValidateOptions {
            now_ms,
            ..ValidateOptions::default()
        };
        let mut checker = Checker::new(&options);
        check_recorded_time(&mut checker, "StartTime", value);
        let report = checker.finish();
        report.issues.iter().map(|i| i.code.as_str()).collect()
    }

    #[test]
    fn windows_by_hand() {
        // 2022-04-13 in ms: fine.
        assert!(codes(1_649_830_226_000, None).is_empty());
        // Exactly 2015-01-01 in ms: fine; one ms earlier: before 2015.
        assert!(codes(1_420_070_400_000, None).is_empty());
        assert_eq!(codes(1_420_070_399_999, None), ["time_before_2015"]);
        assert_eq!(codes(0, None), ["time_before_2015"]);
        // The same instant in seconds, and the edges of the seconds window.
        assert_eq!(codes(1_649_830_226, None), ["time_looks_like_seconds"]);
        assert_eq!(codes(1_420_070_400, None), ["time_looks_like_seconds"]);
        assert_eq!(codes(1_420_070_399, None), ["time_before_2015"]);
        assert_eq!(codes(4_102_444_799, None), ["time_looks_like_seconds"]);
        assert_eq!(codes(4_102_444_800, None), ["time_before_2015"]);
    }

    #[test]
    fn future_only_with_now_and_beyond_a_day() {
        let now = 1_700_000_000_000;
        assert!(codes(now + 86_400_000, Some(now)).is_empty());
        assert_eq!(codes(now + 86_400_001, Some(now)), ["time_in_future"]);
        assert!(codes(now + 86_400_001, None).is_empty());
        assert!(codes(u64::MAX, Some(u64::MAX)).is_empty());
    }

    #[test]
    fn messages_name_the_dates() {
        let options = ValidateOptions::default();
        let mut checker = Checker::new(&options);
        check_recorded_time(&mut checker, "StartTime", 1_649_830_226);
        check_recorded_time(&mut checker, "EndTime", 1000);
        let report = checker.finish();
        assert_eq!(
            report.issues[0].message,
            "`StartTime` is 1649830226, which looks like seconds (2022-04-13T06:10:26.000Z) rather than milliseconds since the epoch."
        );
        assert_eq!(
            report.issues[1].message,
            "`EndTime` is 1000 (1970-01-01T00:00:01.000Z), which is before 2015-01-01."
        );
    }
}
