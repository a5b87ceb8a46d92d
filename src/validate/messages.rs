//! The small formatting the messages share: quoted values and UTC dates
//! (templates are filled by [`crate::template::fill`]).

/// The longest quoted value shown in a message, in characters.
const MAX_QUOTED_CHARS: usize = 80;

/// A string value as messages show it: in double quotes with control
/// characters escaped (a trailing newline reads `\n`), cut at 80 characters.
pub(crate) fn quote(value: &str) -> String {
    let mut cut: String = value.chars().take(MAX_QUOTED_CHARS).collect();
    let shortened = cut.len() < value.len();
    if shortened {
        cut.push('…');
    }
    format!("{cut:?}")
}

/// Milliseconds since the epoch as an ISO 8601 UTC date
/// (`2022-04-13T06:10:26.000Z`).
pub(crate) fn utc_date(ms: u64) -> String {
    let seconds = ms / 1000;
    let millis = ms % 1000;
    let days = seconds / 86_400;
    let second_of_day = seconds % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{millis:03}Z",
        second_of_day / 3600,
        second_of_day % 3600 / 60,
        second_of_day % 60
    )
}

/// The Gregorian (year, month, day) of a day count since 1970-01-01, by the
/// usual era arithmetic (400-year eras of 146,097 days, years from March).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    // Shift the epoch to 0000-03-01 so leap days fall at the end of a year.
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153; // 0 = March
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_escapes_and_shortens() {
        assert_eq!(quote("sync_x\n"), "\"sync_x\\n\"");
        assert_eq!(quote("a\"b"), "\"a\\\"b\"");
        let long = "x".repeat(100);
        assert_eq!(quote(&long), format!("\"{}…\"", "x".repeat(80)));
        let wide = "界".repeat(81);
        assert_eq!(quote(&wide), format!("\"{}…\"", "界".repeat(80)));
    }

    #[test]
    fn utc_dates_by_hand() {
        assert_eq!(utc_date(0), "1970-01-01T00:00:00.000Z");
        // 1649830226 s = 19095 days (2022-04-13) + 22226 s (06:10:26).
        assert_eq!(utc_date(1_649_830_226_000), "2022-04-13T06:10:26.000Z");
        assert_eq!(utc_date(1_420_070_400_000), "2015-01-01T00:00:00.000Z");
        // 2000-02-29 (a leap day of a century year divisible by 400) = day 11016.
        assert_eq!(
            utc_date(11_016 * 86_400_000 + 1),
            "2000-02-29T00:00:00.001Z"
        );
        assert_eq!(utc_date(4_102_444_799_999), "2099-12-31T23:59:59.999Z");
        // The largest safe integer neither panics nor overflows.
        assert!(utc_date((1 << 53) - 1).ends_with('Z'));
        assert!(utc_date(u64::MAX).ends_with('Z'));
    }
}
