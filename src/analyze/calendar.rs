//! Proleptic Gregorian calendar arithmetic on day numbers (days since
//! 1970-01-01), hand-written so the core needs no time-zone database: every
//! calendar computation happens in UTC shifted by a fixed offset.

/// Milliseconds in one day.
pub(crate) const MS_PER_DAY: i64 = 86_400_000;
/// Milliseconds in one hour.
pub(crate) const MS_PER_HOUR: i64 = 3_600_000;
/// Seconds in one day.
pub(crate) const SECONDS_PER_DAY: i64 = 86_400;

/// Days from 1970-01-01 to the given date (negative before it).
/// `month` is 1..=12, `day` 1..=31; the result for other values is unspecified
/// but never panics.
pub(crate) fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400; // 0..=399
    let m = i64::from(month);
    let shifted_month = if m > 2 { m - 3 } else { m + 9 }; // March = 0
    let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date `(year, month 1..=12, day 1..=31)` of a day number.
pub(crate) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097; // 0..=146096
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153; // March = 0
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Whether `year` has a 29 February.
pub(crate) fn is_leap_year(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days of a month (28..=31).
pub(crate) fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The day of the week in Quartz numbering: 1 = Sunday ... 7 = Saturday.
pub(crate) fn quartz_weekday(year: i64, month: u32, day: u32) -> u32 {
    // 1970-01-01 was a Thursday (Quartz 5).
    (days_from_civil(year, month, day) + 4).rem_euclid(7) as u32 + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(1969, 12, 31), -1);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        // 2026-01-01: 56 years, 14 leap days (1972..=2024) -> 56*365+14.
        assert_eq!(days_from_civil(2026, 1, 1), 20_454);
        assert_eq!(civil_from_days(20_454), (2026, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }

    #[test]
    fn round_trip_over_three_centuries() {
        let start = days_from_civil(1900, 1, 1);
        let end = days_from_civil(2200, 1, 1);
        let mut expected = (1900, 1, 1);
        for days in start..end {
            assert_eq!(civil_from_days(days), expected);
            assert_eq!(days_from_civil(expected.0, expected.1, expected.2), days);
            let (y, m, d) = expected;
            expected = if d < days_in_month(y, m) {
                (y, m, d + 1)
            } else if m < 12 {
                (y, m + 1, 1)
            } else {
                (y + 1, 1, 1)
            };
        }
    }

    #[test]
    fn weekdays() {
        assert_eq!(quartz_weekday(1970, 1, 1), 5); // Thursday
        assert_eq!(quartz_weekday(2026, 1, 1), 5); // Thursday
        assert_eq!(quartz_weekday(2024, 2, 29), 5); // Thursday
        assert_eq!(quartz_weekday(2026, 2, 15), 1); // Sunday
        assert_eq!(quartz_weekday(2025, 11, 15), 7); // Saturday
    }

    #[test]
    fn leap_years() {
        assert!(is_leap_year(2024));
        assert!(is_leap_year(2000));
        assert!(!is_leap_year(1900));
        assert!(!is_leap_year(2026));
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2100, 2), 28);
    }
}
