//! Expectations worked out by hand with a calendar (weekdays noted inline).

use super::parse;
use crate::analyze::calendar::days_from_civil;

/// UTC milliseconds of a UTC date and time.
fn utc(y: i64, mo: u32, d: u32, h: i64, mi: i64, s: i64) -> u64 {
    ((days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + s) * 1000) as u64
}

fn next(expr: &str, after: u64) -> Option<u64> {
    parse(expr)
        .unwrap_or_else(|e| panic!("{expr}: {e}"))
        .next_after(after, 0)
}

#[test]
fn helper_matches_literal_epochs() {
    // 2026-01-01T00:00:00Z = 20454 days * 86400 s.
    assert_eq!(utc(2026, 1, 1, 0, 0, 0), 1_767_225_600_000);
    assert_eq!(utc(2026, 1, 1, 1, 45, 0), 1_767_231_900_000);
}

#[test]
fn daily_at_01_45() {
    let jan1 = utc(2026, 1, 1, 0, 0, 0);
    assert_eq!(next("0 45 1 * * ?", jan1), Some(1_767_231_900_000));
    // Strictly after: at the fire time itself, the next day.
    let fire = utc(2026, 1, 1, 1, 45, 0);
    assert_eq!(next("0 45 1 * * ?", fire), Some(utc(2026, 1, 2, 1, 45, 0)));
    assert_eq!(
        next("0 45 1 * * ?", fire - 1),
        Some(fire),
        "one ms before it"
    );
}

#[test]
fn fixed_offset_shifts_the_calendar() {
    let schedule = parse("0 45 1 * * ?").unwrap();
    // UTC+8: 2026-01-01T00:00Z is 08:00 local; next local 01:45 is Jan 2,
    // which is 2026-01-01T17:45Z.
    let jan1 = utc(2026, 1, 1, 0, 0, 0);
    assert_eq!(
        schedule.next_after(jan1, 480),
        Some(utc(2026, 1, 1, 17, 45, 0))
    );
    // UTC-5: 00:00Z is 19:00 on Dec 31 local; next local 01:45 is Jan 1 = 06:45Z.
    assert_eq!(
        schedule.next_after(jan1, -300),
        Some(utc(2026, 1, 1, 6, 45, 0))
    );
}

#[test]
fn first_monday_of_the_month() {
    // 2026-01-01 is a Thursday: the first Monday is the 5th.
    let jan1 = utc(2026, 1, 1, 0, 0, 0);
    assert_eq!(
        next("0 0 12 ? * 2#1", jan1),
        Some(utc(2026, 1, 5, 12, 0, 0))
    );
    // 2026-02-01 is a Sunday: the first Monday is the 2nd.
    assert_eq!(
        next("0 0 12 ? * MON#1", utc(2026, 1, 5, 12, 0, 0)),
        Some(utc(2026, 2, 2, 12, 0, 0))
    );
}

#[test]
fn fifth_friday_skips_months_without_one() {
    // Fridays of January 2026: 2, 9, 16, 23, 30. February, March and April
    // 2026 have four Fridays each; May 1 2026 is a Friday: 1, 8, 15, 22, 29.
    assert_eq!(
        next("0 0 0 ? * 6#5", utc(2026, 1, 1, 0, 0, 0)),
        Some(utc(2026, 1, 30, 0, 0, 0))
    );
    assert_eq!(
        next("0 0 0 ? * fri#5", utc(2026, 1, 31, 0, 0, 0)),
        Some(utc(2026, 5, 29, 0, 0, 0))
    );
}

#[test]
fn last_day_of_month_and_offsets() {
    assert_eq!(
        next("0 0 0 L * ?", utc(2024, 2, 1, 0, 0, 0)),
        Some(utc(2024, 2, 29, 0, 0, 0))
    );
    assert_eq!(
        next("0 0 0 L * ?", utc(2023, 2, 1, 0, 0, 0)),
        Some(utc(2023, 2, 28, 0, 0, 0))
    );
    // February 2026 has 28 days: L-3 is the 25th.
    assert_eq!(
        next("0 0 0 L-3 * ?", utc(2026, 2, 1, 0, 0, 0)),
        Some(utc(2026, 2, 25, 0, 0, 0))
    );
}

#[test]
fn nearest_weekday() {
    // 2025-11-15 is a Saturday: the Friday before.
    assert_eq!(
        next("0 0 9 15W * ?", utc(2025, 11, 1, 0, 0, 0)),
        Some(utc(2025, 11, 14, 9, 0, 0))
    );
    // 2026-02-15 is a Sunday: the Monday after.
    assert_eq!(
        next("0 0 9 15W * ?", utc(2026, 2, 1, 0, 0, 0)),
        Some(utc(2026, 2, 16, 9, 0, 0))
    );
    // 2025-11-01 is a Saturday: 1W does not leave the month, so Monday the 3rd.
    assert_eq!(
        next("0 0 9 1W * ?", utc(2025, 10, 31, 12, 0, 0)),
        Some(utc(2025, 11, 3, 9, 0, 0))
    );
    // 2026-05-31 is a Sunday: LW is Friday the 29th.
    assert_eq!(
        next("0 0 9 LW * ?", utc(2026, 5, 1, 0, 0, 0)),
        Some(utc(2026, 5, 29, 9, 0, 0))
    );
}

#[test]
fn last_weekday_of_month_and_saturday_l() {
    // Last Friday of January 2026 is the 30th.
    assert_eq!(
        next("0 0 0 ? * 6L", utc(2026, 1, 1, 0, 0, 0)),
        Some(utc(2026, 1, 30, 0, 0, 0))
    );
    assert_eq!(
        next("0 0 0 ? * FRIL", utc(2026, 1, 1, 0, 0, 0)),
        Some(utc(2026, 1, 30, 0, 0, 0))
    );
    // `L` alone in day of week is Saturday: 2026-01-03.
    assert_eq!(
        next("0 0 0 ? * L", utc(2026, 1, 1, 0, 0, 0)),
        Some(utc(2026, 1, 3, 0, 0, 0))
    );
}

#[test]
fn steps_lists_ranges_and_names() {
    assert_eq!(
        next("*/15 * * * * ?", utc(2026, 1, 1, 0, 0, 7)),
        Some(utc(2026, 1, 1, 0, 0, 15))
    );
    assert_eq!(
        next("10/20 * * * * ?", utc(2026, 1, 1, 0, 0, 31)),
        Some(utc(2026, 1, 1, 0, 0, 50))
    );
    assert_eq!(
        next("0 0 0 1 jan,JUL ?", utc(2026, 1, 2, 0, 0, 0)),
        Some(utc(2026, 7, 1, 0, 0, 0))
    );
    // 2026-01-02 is a Friday; MON-FRI next at 08:00 is Monday the 5th.
    assert_eq!(
        next("0 0 8 ? * MON-FRI", utc(2026, 1, 2, 9, 0, 0)),
        Some(utc(2026, 1, 5, 8, 0, 0))
    );
    // A wrapping range of hours.
    assert_eq!(
        next("0 0 22-2 * * ?", utc(2026, 1, 1, 2, 30, 0)),
        Some(utc(2026, 1, 1, 22, 0, 0))
    );
    assert_eq!(
        next("0 0 22-2/2 * * ?", utc(2026, 1, 1, 22, 0, 0)),
        Some(utc(2026, 1, 2, 0, 0, 0))
    );
    // Sub-second starts: the next whole second strictly after.
    assert_eq!(next("* * * * * ?", 1500), Some(2000));
    assert_eq!(next("* * * * * ?", 1000), Some(2000));
}

#[test]
fn years_and_impossible_dates() {
    assert_eq!(
        next("0 0 0 1 1 ? 2030", utc(2026, 1, 1, 0, 0, 0)),
        Some(utc(2030, 1, 1, 0, 0, 0))
    );
    assert_eq!(next("0 0 0 1 1 ? 2025", utc(2026, 1, 1, 0, 0, 0)), None);
    assert_eq!(next("0 0 0 30 2 ?", 0), None);
    // 29 February: next leap year after 2025 is 2028.
    assert_eq!(
        next("0 0 0 29 2 ?", utc(2025, 1, 1, 0, 0, 0)),
        Some(utc(2028, 2, 29, 0, 0, 0))
    );
    // Nothing after 2099.
    assert_eq!(next("0 0 0 1 1 ? *", utc(2099, 6, 1, 0, 0, 0)), None);
    assert_eq!(next("* * * * * ?", u64::MAX), None);
    // Before 1970 in local time: the search starts at 1970-01-01 local.
    let schedule = parse("0 0 0 * * ?").unwrap();
    assert_eq!(schedule.next_after(0, -60), Some(3_600_000));
}

fn error(expr: &str) -> super::CronError {
    match parse(expr) {
        Ok(_) => panic!("{expr:?} should not parse"),
        Err(e) => e,
    }
}

#[test]
fn invalid_expressions_say_where() {
    let e = error("0 45 1 * *");
    assert_eq!((e.field, e.position), (None, 10));
    let e = error("0 0 0 1 1 ? 2030 x");
    assert_eq!((e.field, e.position), (None, 17));
    let e = error("");
    assert_eq!((e.field, e.position), (None, 0));

    let e = error("0 0 0 ? * ?");
    assert_eq!((e.field, e.position), (Some("day_of_week"), 10));
    let e = error("0 0 0 1 * 2");
    assert_eq!((e.field, e.position), (Some("day_of_week"), 10));

    let e = error("60 0 0 * * ?");
    assert_eq!((e.field, e.position), (Some("seconds"), 0));
    assert!(e.message.contains("60"), "{e}");
    let e = error("0 0 0 ? * 8");
    assert_eq!((e.field, e.position), (Some("day_of_week"), 10));
    let e = error("0 45 1 * JANX ?");
    assert_eq!((e.field, e.position), (Some("month"), 9));
    assert!(e.message.contains("JANX"), "{e}");
    let e = error("*/0 * * * * ?");
    assert_eq!((e.field, e.position), (Some("seconds"), 2));
    let e = error("0 0 L * * ?");
    assert_eq!((e.field, e.position), (Some("hours"), 4));
    assert!(e.message.contains("`L`"), "{e}");
    let e = error("? 0 0 * * ?");
    assert_eq!((e.field, e.position), (Some("seconds"), 0));
}

#[test]
fn more_invalid_forms() {
    for (expr, field, position) in [
        ("0 0 0 15W,1 * ?", "day_of_month", 8),
        ("0 0 0 1,L * ?", "day_of_month", 8),
        ("0 0 0 ? * 6#6", "day_of_week", 12),
        ("0 0 0 ? * 1,6#3", "day_of_week", 11),
        ("0 0 0 1 1 ? 2100", "year", 12),
        ("0 0 0 1 1 ? 2030-2026", "year", 12),
        ("0 0 0 1,,2 * ?", "day_of_month", 8),
        ("0 0 0 1, * ?", "day_of_month", 8),
        ("0 0 0 L-31 * ?", "day_of_month", 8),
        ("0 0 0 32W * ?", "day_of_month", 6),
        ("0 0 0 * 13 ?", "month", 8),
        ("0 0 \u{FF11} * * ?", "hours", 4),
        ("*/61 * * * * ?", "seconds", 2),
        ("0 0 0 * * 1#2", "day_of_week", 10),
        ("0 0 0 ? * MON#", "day_of_week", 14),
        ("0 0 0 ? * 3-", "day_of_week", 12),
        ("0 0 0 ? * W", "day_of_week", 10),
        ("1-2-3 0 0 * * ?", "seconds", 3),
    ] {
        let e = error(expr);
        assert_eq!(
            (e.field, e.position),
            (Some(field), position),
            "{expr:?}: {e}"
        );
        assert!(!e.message.is_empty());
    }
}

#[test]
fn display_names_field_and_position() {
    let e = error("60 0 0 * * ?");
    let text = e.to_string();
    assert!(text.contains("seconds") && text.contains('0'), "{text}");
}

#[test]
fn never_panics_on_odd_input() {
    for expr in [
        "L L L L L L",
        "# # # # # #",
        "- - - - - -",
        "/ / / / / /",
        "*/ * * * * ?",
        "0 0 0 L- * ?",
        "0 0 0 ? * #",
        "0 0 0 ? * L#",
        "0 0 0 ? * 99999999999999999999",
        "0 0 0 ? * \u{0}",
        "0\t0\n0 * * ?",
    ] {
        let _ = parse(expr).map(|s| s.next_after(0, i32::MIN));
        let _ = parse(expr).map(|s| s.next_after(u64::MAX, i32::MAX));
    }
    assert!(parse("0\t0\n0 * * ?").is_ok());
}
