//! The waits an answer asks for: the `TimeLeft` of `x-ratelimit-user-api` /
//! `x-ratelimit-user` (`Limit:..,Remain:..,TimeLeft:<ms>,Reset:..`) and
//! `Retry-After` (seconds or an HTTP date).

/// The largest wait any header can ask for, in milliseconds (about 24.8
/// days, the longest `setTimeout` delay). Larger values are clamped to it.
const MAX_WAIT_MS: u64 = i32::MAX as u64;

/// One `x-ratelimit-*` header. Every part is optional: missing or unreadable
/// parts are `None`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RateLimit {
    /// `Limit`: requests allowed per window.
    pub limit: Option<u64>,
    /// `Remain`: requests left in the current window.
    pub remain: Option<u64>,
    /// `TimeLeft`: milliseconds until the window resets.
    pub time_left_ms: Option<u64>,
    /// `Reset`: when the window resets (as the service sends it).
    pub reset: Option<u64>,
}

/// Reads `Limit:10,Remain:0,TimeLeft:734,Reset:1767225601000`: comma-separated
/// `name:value` parts in any order, names case-insensitive, spaces ignored,
/// unknown parts skipped. A fractional value is rounded up. `None` when no
/// known part can be read.
pub fn parse_rate_limit(value: &str) -> Option<RateLimit> {
    let mut limit = RateLimit::default();
    let mut found = false;
    for part in value.split([',', ';']) {
        let Some((name, number)) = part.split_once([':', '=']) else {
            continue;
        };
        let Some(number) = read_decimal(number, 0) else {
            continue;
        };
        let name = name.trim();
        let is = |known: &str| name.eq_ignore_ascii_case(known);
        let slot = if is("limit") {
            &mut limit.limit
        } else if is("remain") || is("remaining") {
            &mut limit.remain
        } else if is("timeleft") {
            &mut limit.time_left_ms
        } else if is("reset") {
            &mut limit.reset
        } else {
            continue;
        };
        *slot = Some(number);
        found = true;
    }
    found.then_some(limit)
}

/// A non-negative decimal number (`12`, `0.5`, `1.`) times `10^shift`,
/// rounded up, saturating; `None` for anything else (signs, exponents,
/// spaces inside). Written out by hand: float parsing would add kilobytes
/// to the WebAssembly module for two headers.
fn read_decimal(text: &str, shift: u32) -> Option<u64> {
    let text = text.trim();
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) {
        return None;
    }
    let push = |value: u64, digit: u8| value.saturating_mul(10).saturating_add(u64::from(digit));
    let mut value = whole.bytes().fold(0, |value, b| push(value, b - b'0'));
    let mut rest = fraction.bytes();
    for _ in 0..shift {
        value = push(value, rest.next().map_or(0, |b| b - b'0'));
    }
    if rest.any(|b| b != b'0') {
        value = value.saturating_add(1);
    }
    Some(value)
}

/// Reads `Retry-After` as milliseconds to wait: delta-seconds (`120`, a
/// fraction rounded up to the millisecond) or an IMF-fixdate HTTP date
/// (`Sun, 06 Nov 1994 08:49:37 GMT`), measured from `now_ms` (a date in the
/// past means no wait). `None` when it is neither.
pub fn parse_retry_after(value: &str, now_ms: f64) -> Option<u64> {
    let value = value.trim();
    if value.starts_with(|c: char| c.is_ascii_digit()) {
        return read_decimal(value, 3).map(|ms| ms.min(MAX_WAIT_MS));
    }
    let date_ms = parse_http_date_ms(value)?;
    let wait = (date_ms - now_ms).ceil();
    Some(if wait.is_nan() || wait <= 0.0 {
        0
    } else {
        wait.min(MAX_WAIT_MS as f64) as u64
    })
}

/// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) as milliseconds since
/// the epoch. The weekday is not checked against the date.
fn parse_http_date_ms(value: &str) -> Option<f64> {
    let (_, rest) = value.split_once(',')?;
    let mut parts = rest.split_whitespace();
    let day: u32 = parts.next()?.parse().ok()?;
    let month = match parts.next()? {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    let year: i64 = parts.next()?.parse().ok()?;
    let mut clock = parts.next()?.split(':');
    let hour: u32 = clock.next()?.parse().ok()?;
    let minute: u32 = clock.next()?.parse().ok()?;
    let second: u32 = clock.next()?.parse().ok()?;
    if clock.next().is_some() || parts.next()? != "GMT" || parts.next().is_some() {
        return None;
    }
    if !(1..=31).contains(&day) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    if !(1970..=9999).contains(&year) {
        return None;
    }
    let days = days_since_epoch(year, month, day);
    let seconds = days * 86_400 + i64::from(hour * 3600 + minute * 60 + second);
    Some(seconds as f64 * 1000.0)
}

/// Days from 1970-01-01 to the given proleptic Gregorian date (March-based
/// years, so February's length only matters at the end of a year).
fn days_since_epoch(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = i64::from((month + 9) % 12);
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The waits one answer asked for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WaitHints {
    /// `Retry-After`, in milliseconds.
    pub retry_after_ms: Option<u64>,
    /// `x-ratelimit-user-api`.
    pub user_api: Option<RateLimit>,
    /// `x-ratelimit-user`.
    pub user: Option<RateLimit>,
}

impl WaitHints {
    /// Reads the three headers (each `None` when absent); `now_ms` is the
    /// current time, for a `Retry-After` date.
    pub fn from_headers(
        rate_limit_user_api: Option<&str>,
        rate_limit_user: Option<&str>,
        retry_after: Option<&str>,
        now_ms: f64,
    ) -> Self {
        WaitHints {
            retry_after_ms: retry_after.and_then(|v| parse_retry_after(v, now_ms)),
            user_api: rate_limit_user_api.and_then(parse_rate_limit),
            user: rate_limit_user.and_then(parse_rate_limit),
        }
    }

    /// The shortest wait allowed before the next attempt, in milliseconds:
    /// `Retry-After` always; the `TimeLeft` of a rate-limit header when the
    /// answer was a throttling error or the header says nothing remains
    /// (`Remain:0`). Zero when nothing was asked for.
    pub fn floor_ms(&self, throttled: bool) -> u64 {
        let time_left = |limit: &Option<RateLimit>| {
            limit
                .filter(|l| throttled || l.remain == Some(0))
                .and_then(|l| l.time_left_ms)
                .unwrap_or(0)
        };
        self.retry_after_ms
            .unwrap_or(0)
            .max(time_left(&self.user_api))
            .max(time_left(&self.user))
            .min(MAX_WAIT_MS)
    }
}
