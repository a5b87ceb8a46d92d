//! The text of a cron expression -> [`CronSchedule`], with the field and the
//! character offset of the first problem.

use super::{CronError, CronSchedule, DayRule, ValueSet, MAX_YEAR, MIN_YEAR};

const MONTH_NAMES: &[&str] = &[
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];
const WEEKDAY_NAMES: &[&str] = &["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/// What one field accepts.
#[derive(Debug, Clone, Copy)]
struct Field {
    name: &'static str,
    min: u32,
    max: u32,
    /// Names of the values from `min` upwards (months, weekdays).
    names: &'static [&'static str],
    /// Whether a range `a-b` with `a > b` wraps around.
    wraps: bool,
}

const SECONDS: Field = Field::plain("seconds", 0, 59);
const MINUTES: Field = Field::plain("minutes", 0, 59);
const HOURS: Field = Field::plain("hours", 0, 23);
const DAY_OF_MONTH: Field = Field::plain("day_of_month", 1, 31);
const MONTH: Field = Field {
    names: MONTH_NAMES,
    ..Field::plain("month", 1, 12)
};
const DAY_OF_WEEK: Field = Field {
    names: WEEKDAY_NAMES,
    ..Field::plain("day_of_week", 1, 7)
};
const YEAR: Field = Field {
    wraps: false,
    ..Field::plain("year", MIN_YEAR, MAX_YEAR)
};

impl Field {
    const fn plain(name: &'static str, min: u32, max: u32) -> Self {
        Field {
            name,
            min,
            max,
            names: &[],
            wraps: true,
        }
    }

    fn span(&self) -> u32 {
        self.max - self.min + 1
    }
}

/// One whitespace-separated field: upper-cased ASCII text and where it starts.
struct Text<'a> {
    field: Field,
    text: &'a str,
    /// Character offset of `text` in the expression.
    start: usize,
}

impl Text<'_> {
    fn error(&self, offset: usize, message: impl Into<String>) -> CronError {
        CronError {
            field: Some(self.field.name),
            position: self.start + offset,
            message: message.into(),
        }
    }

    /// The error for a character that has no place at `offset`.
    fn unexpected(&self, offset: usize) -> CronError {
        let Some(c) = self.text.get(offset..).and_then(|t| t.chars().next()) else {
            return self.error(offset, "the field ends too early");
        };
        let name = self.field.name;
        let message = match c {
            '?' => "`?` is allowed only as the whole day_of_month or day_of_week field".to_owned(),
            'L' if matches!(name, "day_of_month" | "day_of_week") => format!(
                "`L` must be the whole {name} field (such as `L`, `L-3`, `LW`, `6L`), not part of a list, range or step"
            ),
            'W' if name == "day_of_month" => {
                "`W` must be the whole day_of_month field (such as `15W` or `LW`)".to_owned()
            }
            '#' if name == "day_of_week" => {
                "`#` must be the whole day_of_week field (such as `6#3`)".to_owned()
            }
            'L' => format!("`L` is not allowed in the {name} field (only in day_of_month and day_of_week)"),
            'W' => format!("`W` is not allowed in the {name} field (only in day_of_month)"),
            '#' => format!("`#` is not allowed in the {name} field (only in day_of_week)"),
            c => format!("unexpected character `{c}`"),
        };
        self.error(offset, message)
    }
}

/// Parses a whole expression.
pub(super) fn parse_expression(expr: &str) -> Result<CronSchedule, CronError> {
    let mut fields: Vec<(usize, String)> = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (offset, c) in expr.chars().enumerate() {
        if c.is_whitespace() {
            fields.extend(current.take());
        } else {
            current
                .get_or_insert_with(|| (offset, String::new()))
                .1
                .push(c);
        }
    }
    fields.extend(current.take());

    if !(6..=7).contains(&fields.len()) {
        let position = fields
            .get(7)
            .map_or_else(|| expr.chars().count(), |(start, _)| *start);
        return Err(CronError {
            field: None,
            position,
            message: format!(
                "expected 6 or 7 fields (seconds minutes hours day-of-month month day-of-week [year]), found {}",
                fields.len()
            ),
        });
    }

    let layout = [
        SECONDS,
        MINUTES,
        HOURS,
        DAY_OF_MONTH,
        MONTH,
        DAY_OF_WEEK,
        YEAR,
    ];
    let mut texts = Vec::with_capacity(7);
    for ((start, raw), field) in fields.iter().zip(layout) {
        if let Some((offset, c)) = raw.chars().enumerate().find(|(_, c)| !c.is_ascii()) {
            return Err(CronError {
                field: Some(field.name),
                position: start + offset,
                message: format!("unexpected character `{c}`"),
            });
        }
        texts.push((field, *start, raw.to_ascii_uppercase()));
    }
    let text = |i: usize| {
        texts.get(i).map(|(field, start, text)| Text {
            field: *field,
            text: text.as_str(),
            start: *start,
        })
    };
    let (Some(sec), Some(min), Some(hour), Some(dom), Some(month), Some(dow)) =
        (text(0), text(1), text(2), text(3), text(4), text(5))
    else {
        return Err(CronError {
            field: None,
            position: 0,
            message: "expected 6 or 7 fields".to_owned(),
        });
    };

    let seconds = parse_list(&sec)?;
    let minutes = parse_list(&min)?;
    let hours = parse_list(&hour)?;
    let day_of_month = parse_day_of_month(&dom)?;
    let months = parse_list(&month)?;
    let day_of_week = parse_day_of_week(&dow)?;
    let years = match text(6) {
        Some(year) => parse_list(&year)?,
        None => full(&YEAR),
    };

    let days = match (day_of_month, day_of_week) {
        (Some(rule), None) | (None, Some(rule)) => rule,
        (None, None) => {
            return Err(dow.error(
                0,
                "day_of_month and day_of_week cannot both be `?`: exactly one of them must be",
            ))
        }
        (Some(_), Some(_)) => {
            return Err(dow.error(
                0,
                "exactly one of day_of_month and day_of_week must be `?` (Quartz does not combine them)",
            ))
        }
    };
    Ok(CronSchedule {
        seconds,
        minutes,
        hours,
        days,
        months,
        years,
    })
}

fn full(field: &Field) -> ValueSet {
    let mut set = ValueSet::new(field.min);
    for value in field.min..=field.max {
        set.insert(value);
    }
    set
}

/// Day of month: `?` (None), the specials `L`, `L-n`, `LW`, `nW`, or a list.
fn parse_day_of_month(text: &Text<'_>) -> Result<Option<DayRule>, CronError> {
    let t = text.text;
    if t == "?" {
        return Ok(None);
    }
    if t == "L" {
        return Ok(Some(DayRule::LastDayOfMonth(0)));
    }
    if t == "LW" {
        return Ok(Some(DayRule::LastWeekdayOfMonth));
    }
    if let Some(rest) = t.strip_prefix("L-") {
        let n = whole_number(text, 2, rest, 0, 30, "the offset after `L-`")?;
        return Ok(Some(DayRule::LastDayOfMonth(n)));
    }
    if let Some(rest) = t.strip_suffix('W') {
        if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) {
            let n = whole_number(text, 0, rest, 1, 31, "the day before `W`")?;
            return Ok(Some(DayRule::NearestWeekday(n)));
        }
    }
    parse_list(text).map(|set| Some(DayRule::DaysOfMonth(set)))
}

/// Day of week: `?` (None), `L`, `nL`, `n#k`, or a list.
fn parse_day_of_week(text: &Text<'_>) -> Result<Option<DayRule>, CronError> {
    let t = text.text;
    if t == "?" {
        return Ok(None);
    }
    if t == "L" {
        let mut set = ValueSet::new(1);
        set.insert(7);
        return Ok(Some(DayRule::DaysOfWeek(set)));
    }
    if let Some((weekday, nth)) = t.split_once('#') {
        let weekday = single_value(text, weekday)?;
        let nth = whole_number(text, t.len() - nth.len(), nth, 1, 5, "the number after `#`")?;
        return Ok(Some(DayRule::NthWeekday { weekday, nth }));
    }
    if let Some(weekday) = t.strip_suffix('L') {
        let weekday = single_value(text, weekday)?;
        return Ok(Some(DayRule::LastOfWeekday(weekday)));
    }
    parse_list(text).map(|set| Some(DayRule::DaysOfWeek(set)))
}

/// The single weekday (number or name) at the start of the field, before `L` or `#`.
fn single_value(text: &Text<'_>, part: &str) -> Result<u32, CronError> {
    if part.is_empty() {
        return Err(text.error(0, "expected a weekday (1-7 or SUN-SAT) before `L` or `#`"));
    }
    let (value, end) = parse_value(text, 0, part.len())?;
    if end < part.len() {
        return Err(text.error(
            end,
            "`L` and `#` in day_of_week take one weekday, not a list, range or step",
        ));
    }
    Ok(value)
}

/// Digits only, forming a number in `min..=max`; `offset` is where `digits` starts.
fn whole_number(
    text: &Text<'_>,
    offset: usize,
    digits: &str,
    min: u32,
    max: u32,
    what: &str,
) -> Result<u32, CronError> {
    if let Some(bad) = digits.bytes().position(|b| !b.is_ascii_digit()) {
        return Err(text.unexpected(offset + bad));
    }
    if digits.is_empty() {
        return Err(text.error(offset, format!("expected a number for {what}")));
    }
    match digits.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(text.error(
            offset,
            format!("{digits} is out of range for {what} ({min}-{max})"),
        )),
    }
}

/// A comma-separated list of `*`, values, ranges and steps.
fn parse_list(text: &Text<'_>) -> Result<ValueSet, CronError> {
    let field = text.field;
    let mut set = ValueSet::new(field.min);
    let mut offset = 0;
    for item in text.text.split(',') {
        parse_item(text, offset, item.len(), &mut set)?;
        offset += item.len() + 1;
    }
    Ok(set)
}

/// One list item `text.text[start..start + len]` into `set`.
fn parse_item(
    text: &Text<'_>,
    start: usize,
    len: usize,
    set: &mut ValueSet,
) -> Result<(), CronError> {
    let field = text.field;
    let end = start + len;
    if len == 0 {
        return Err(text.error(start, "empty list item (two commas, or a comma at an end)"));
    }
    let bytes = text.text.as_bytes();
    let (from, to, mut pos) = if bytes.get(start) == Some(&b'*') {
        (field.min, field.max, start + 1)
    } else {
        let (from, pos) = parse_value(text, start, end)?;
        if pos < end && bytes.get(pos) == Some(&b'-') {
            let (to, pos) = parse_value(text, pos + 1, end)?;
            if !field.wraps && to < from {
                return Err(text.error(
                    start,
                    format!(
                        "the range {from}-{to} runs backwards ({} ranges cannot wrap)",
                        field.name
                    ),
                ));
            }
            (from, to, pos)
        } else if pos < end && bytes.get(pos) == Some(&b'/') {
            (from, field.max, pos)
        } else {
            (from, from, pos)
        }
    };
    let mut step = 1;
    if pos < end && bytes.get(pos) == Some(&b'/') {
        let digits_end = (pos + 1..end)
            .find(|&i| !bytes.get(i).is_some_and(u8::is_ascii_digit))
            .unwrap_or(end);
        let digits = text.text.get(pos + 1..digits_end).unwrap_or("");
        step = whole_number(text, pos + 1, digits, 1, field.span(), "a step")?;
        pos = digits_end;
    }
    if pos < end {
        return Err(text.unexpected(pos));
    }
    // Walk from `from` to `to` (wrapping past the maximum when `to < from`).
    let length = if to >= from {
        to - from
    } else {
        field.max - from + 1 + to - field.min
    };
    let mut index = 0;
    while index <= length {
        let value = from + index;
        let value = if value > field.max {
            value - field.span()
        } else {
            value
        };
        set.insert(value);
        index += step;
    }
    Ok(())
}

/// A number or a name at `start`, read no further than `limit`; returns the
/// value and the offset after it.
fn parse_value(text: &Text<'_>, start: usize, limit: usize) -> Result<(u32, usize), CronError> {
    let field = text.field;
    let bytes = text.text.as_bytes();
    let run = |pred: fn(&u8) -> bool| {
        (start..limit)
            .find(|&i| !bytes.get(i).is_some_and(pred))
            .unwrap_or(limit)
    };
    match bytes.get(start).filter(|_| start < limit) {
        Some(b) if b.is_ascii_digit() => {
            let end = run(u8::is_ascii_digit);
            let digits = text.text.get(start..end).unwrap_or("");
            match digits.parse::<u32>() {
                Ok(v) if (field.min..=field.max).contains(&v) => Ok((v, end)),
                _ => Err(text.error(
                    start,
                    format!(
                        "{digits} is out of range for {} ({}-{})",
                        field.name, field.min, field.max
                    ),
                )),
            }
        }
        Some(b) if b.is_ascii_alphabetic() => {
            let end = run(u8::is_ascii_alphabetic);
            let word = text.text.get(start..end).unwrap_or("");
            if let Some(index) = field.names.iter().position(|n| *n == word) {
                return Ok((field.min + index as u32, end));
            }
            if field.names.is_empty() || matches!(word, "L" | "W") {
                return Err(text.unexpected(start));
            }
            let kind = if field.name == "month" {
                "a month name (JAN-DEC)"
            } else {
                "a weekday name (SUN-SAT)"
            };
            Err(text.error(start, format!("`{word}` is not {kind}")))
        }
        Some(_) => Err(text.unexpected(start)),
        None => Err(text.error(
            start,
            format!("expected a value for {} after this point", field.name),
        )),
    }
}
