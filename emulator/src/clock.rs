//! UTC timestamps as the signature uses them (`2023-10-26T10:22:32Z`), and
//! the wall clock in epoch milliseconds. No time-zone database: the proleptic
//! Gregorian calendar in UTC is all the `x-acs-date` header needs.

use std::time::{SystemTime, UNIX_EPOCH};

/// Milliseconds in a day.
pub const DAY_MS: u64 = 86_400_000;

/// The wall clock in milliseconds since the Unix epoch (0 if the clock is
/// before 1970, which only a badly broken machine reports).
pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The civil date of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (
        year,
        u32::try_from(month).unwrap_or(1),
        u32::try_from(day).unwrap_or(1),
    )
}

/// Formats epoch milliseconds as `YYYY-MM-DDTHH:MM:SSZ` (seconds precision,
/// the `x-acs-date` format).
pub fn format_acs_date(epoch_ms: u64) -> String {
    let seconds = epoch_ms / 1000;
    let days = i64::try_from(seconds / 86_400).unwrap_or(0);
    let of_day = seconds % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        of_day / 3600,
        of_day / 60 % 60,
        of_day % 60
    )
}

/// Reads `YYYY-MM-DDTHH:MM:SSZ` into epoch milliseconds; `None` for any
/// other shape, an impossible date or a date before 1970.
pub fn parse_acs_date(text: &str) -> Option<u64> {
    let bytes = text.as_bytes();
    if bytes.len() != 20 {
        return None;
    }
    let separators = [
        (4, b'-'),
        (7, b'-'),
        (10, b'T'),
        (13, b':'),
        (16, b':'),
        (19, b'Z'),
    ];
    if separators
        .iter()
        .any(|&(at, expected)| bytes.get(at) != Some(&expected))
    {
        return None;
    }
    let field = |from: usize, to: usize| -> Option<u32> {
        let part = text.get(from..to)?;
        if !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let (year, month, day) = (field(0, 4)?, field(5, 7)?, field(8, 10)?);
    let (hour, minute, second) = (field(11, 13)?, field(14, 16)?, field(17, 19)?);
    if !(1..=12).contains(&month) || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let days = days_from_civil(i64::from(year), month, day);
    // Rejects 31 February and friends: the date must survive a round trip.
    if civil_from_days(days) != (i64::from(year), month, day) {
        return None;
    }
    let seconds = days * 86_400 + i64::from(hour * 3600 + minute * 60 + second);
    u64::try_from(seconds).ok().map(|s| s * 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_known_dates() {
        assert_eq!(format_acs_date(1_767_225_600_000), "2026-01-01T00:00:00Z");
        assert_eq!(
            parse_acs_date("2023-10-26T10:22:32Z"),
            Some(1_698_315_752_000)
        );
        assert_eq!(format_acs_date(1_698_315_752_999), "2023-10-26T10:22:32Z");
        assert_eq!(
            parse_acs_date("2024-02-29T23:59:59Z"),
            Some(1_709_251_199_000)
        );
    }

    #[test]
    fn refuses_other_shapes() {
        for bad in [
            "",
            "2023-10-26 10:22:32Z",
            "2023-10-26T10:22:32",
            "2023-10-26T10:22:32+08:00",
            "2023-02-30T10:22:32Z",
            "2023-13-01T00:00:00Z",
            "2023-10-26T24:00:00Z",
            "1969-12-31T23:59:59Z",
            "+023-10-26T10:22:32Z",
            "２０２３-10-26T10:22:32Z",
        ] {
            assert_eq!(parse_acs_date(bad), None, "{bad}");
        }
    }
}
