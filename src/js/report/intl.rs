//! The JS layer's [`ReportFormatter`]: `Intl.DateTimeFormat` for dates in the
//! caller's locale and IANA time zone, `Intl.NumberFormat` for counts,
//! percentages and duration units. A locale or time zone that `Intl` refuses
//! becomes a `RangeError` saying which option is wrong, never a panic.

use crate::analyze::BucketSize;
use crate::report::{DurationUnit, ReportFormatter, UtcFormatter};
use js_sys::{Object, RangeError, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat`, declared here with `catch` on the constructor
    /// (js-sys's stable binding lets a `RangeError` unwind through wasm).
    #[wasm_bindgen(js_namespace = Intl)]
    type DateTimeFormat;

    #[wasm_bindgen(constructor, catch, js_namespace = Intl)]
    fn new(locale: &str, options: &Object) -> Result<DateTimeFormat, JsValue>;

    /// Throws a `RangeError` for an instant outside `Date`'s range (±8.64e15 ms).
    #[wasm_bindgen(method, catch, js_class = "Intl.DateTimeFormat")]
    fn format(this: &DateTimeFormat, epoch_ms: f64) -> Result<String, JsValue>;

    /// `Intl.NumberFormat`, likewise.
    #[wasm_bindgen(js_namespace = Intl)]
    type NumberFormat;

    #[wasm_bindgen(constructor, catch, js_namespace = Intl)]
    fn new(locale: &str, options: &Object) -> Result<NumberFormat, JsValue>;

    #[wasm_bindgen(method, js_class = "Intl.NumberFormat")]
    fn format(this: &NumberFormat, value: f64) -> String;
}

/// A plain options object from string pairs.
fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        // Cannot fail on a fresh plain object.
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object
}

/// Formats with `Intl` for one locale and time zone. Instants beyond what a
/// JS `Date` holds (the parser allows up to 2^53 - 1 ms) fall back to
/// [`UtcFormatter`]'s ISO form.
pub(crate) struct IntlFormatter {
    date_time: DateTimeFormat,
    day: DateTimeFormat,
    hour: DateTimeFormat,
    count: NumberFormat,
    percent: NumberFormat,
    units: [NumberFormat; 4],
}

fn locale_error(locale: &str) -> JsValue {
    RangeError::new(&format!(
        "options.locale {locale:?} is not a valid BCP 47 language tag (expected \"en\", \"zh-CN\" or \"id\")"
    ))
    .into()
}

fn time_zone_error(time_zone: &str) -> JsValue {
    RangeError::new(&format!(
        "options.timeZone {time_zone:?} is not a time zone this runtime knows (expected an IANA name such as \"Asia/Shanghai\" or \"UTC\")"
    ))
    .into()
}

/// The locale, time zone and formatter of the last report call.
type LastFormatter = Option<(String, Option<String>, Rc<IntlFormatter>)>;

thread_local! {
    /// A page renders many reports with the same locale and time zone, and
    /// building the nine `Intl` objects took most of a report call (about
    /// 1 ms of it in Node), so the last formatter is kept.
    static LAST: RefCell<LastFormatter> = const { RefCell::new(None) };
}

impl IntlFormatter {
    /// The formatter for `locale` and `time_zone`: the last one when they are
    /// the same as last time, else a new one (which then becomes the last).
    pub(crate) fn shared(locale: &str, time_zone: Option<&str>) -> Result<Rc<Self>, JsValue> {
        let cached = LAST.with_borrow(|last| match last {
            Some((l, zone, formatter)) if l == locale && zone.as_deref() == time_zone => {
                Some(Rc::clone(formatter))
            }
            _ => None,
        });
        if let Some(formatter) = cached {
            return Ok(formatter);
        }
        let formatter = Rc::new(Self::new(locale, time_zone)?);
        let entry = (
            locale.to_owned(),
            time_zone.map(str::to_owned),
            Rc::clone(&formatter),
        );
        LAST.set(Some(entry));
        Ok(formatter)
    }

    /// Formatters for `locale`, instants shown in `time_zone` (default: the
    /// runtime's zone). A `RangeError` names the option `Intl` refused.
    fn new(locale: &str, time_zone: Option<&str>) -> Result<Self, JsValue> {
        let number = |pairs: &[(&str, &str)]| {
            NumberFormat::new(locale, &options(pairs)).map_err(|_| locale_error(locale))
        };
        let count = number(&[])?;
        let mut pairs = vec![
            ("year", "numeric"),
            ("month", "short"),
            ("day", "numeric"),
            ("hour", "2-digit"),
            ("minute", "2-digit"),
            ("second", "2-digit"),
            ("timeZoneName", "short"),
        ];
        if let Some(zone) = time_zone {
            pairs.push(("timeZone", zone));
        }
        // The locale already passed NumberFormat, so a refusal here is the zone's.
        let date_time = DateTimeFormat::new(locale, &options(&pairs))
            .map_err(|_| time_zone.map_or_else(|| locale_error(locale), time_zone_error))?;
        // Buckets are instants shifted into their offset, read back in UTC.
        let day_pairs = [
            ("timeZone", "UTC"),
            ("year", "numeric"),
            ("month", "short"),
            ("day", "numeric"),
        ];
        let day =
            DateTimeFormat::new(locale, &options(&day_pairs)).map_err(|_| locale_error(locale))?;
        let hour_pairs = [
            ("timeZone", "UTC"),
            ("month", "short"),
            ("day", "numeric"),
            ("hour", "2-digit"),
            ("minute", "2-digit"),
        ];
        let hour =
            DateTimeFormat::new(locale, &options(&hour_pairs)).map_err(|_| locale_error(locale))?;
        let percent = number(&[("style", "percent"), ("maximumFractionDigits", "0")])?;
        let unit =
            |unit: &str| number(&[("style", "unit"), ("unit", unit), ("unitDisplay", "short")]);
        let units = [
            unit("hour")?,
            unit("minute")?,
            unit("second")?,
            unit("millisecond")?,
        ];
        Ok(IntlFormatter {
            date_time,
            day,
            hour,
            count,
            percent,
            units,
        })
    }
}

impl ReportFormatter for IntlFormatter {
    fn date_time(&self, utc_ms: u64) -> String {
        self.date_time
            .format(utc_ms as f64)
            .unwrap_or_else(|_| UtcFormatter.date_time(utc_ms))
    }

    fn bucket_start(&self, start_ms: i64, size: BucketSize, utc_offset_minutes: i32) -> String {
        let local = start_ms as f64 + f64::from(utc_offset_minutes) * 60_000.0;
        let format = match size {
            BucketSize::Day => &self.day,
            BucketSize::Hour => &self.hour,
        };
        format
            .format(local)
            .unwrap_or_else(|_| UtcFormatter.bucket_start(start_ms, size, utc_offset_minutes))
    }

    fn duration_unit(&self, value: u64, unit: DurationUnit) -> String {
        let index = match unit {
            DurationUnit::Hour => 0,
            DurationUnit::Minute => 1,
            DurationUnit::Second => 2,
            DurationUnit::Millisecond => 3,
        };
        self.units[index].format(value as f64)
    }

    fn count(&self, value: u64) -> String {
        self.count.format(value as f64)
    }

    fn percent(&self, ratio: f64) -> String {
        self.percent.format(ratio)
    }
}
