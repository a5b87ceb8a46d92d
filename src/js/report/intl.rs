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
    /// Instants in the caller's time zone: the only zone-dependent formatter.
    date_time: Rc<DateTimeFormat>,
    /// Everything else, which depends on the locale alone.
    locale: Rc<LocaleFormats>,
}

/// The formatters that depend on the locale only: bucket starts (always read
/// in UTC), counts, percentages and duration units.
struct LocaleFormats {
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

/// The locale of the last report call and its formatters.
type LastLocale = Option<(String, Rc<LocaleFormats>)>;
/// The locale and time zone of the last report call and its instant formatter.
type LastDateTime = Option<(String, Option<String>, Rc<DateTimeFormat>)>;

thread_local! {
    /// A page renders many reports with the same locale and time zone, and
    /// building the nine `Intl` objects took most of a report call (about
    /// 1 ms of it in Node), so the last ones are kept. The zone keys only the
    /// instant formatter: a chart or `formatDuration` call (runtime zone)
    /// between two reports in another zone rebuilds one object, not nine.
    static LAST_LOCALE: RefCell<LastLocale> = const { RefCell::new(None) };
    static LAST_DATE_TIME: RefCell<LastDateTime> = const { RefCell::new(None) };
}

impl IntlFormatter {
    /// The formatter for `locale` and `time_zone` (default: the runtime's
    /// zone), reusing the last call's `Intl` objects where they match. A
    /// `RangeError` names the option `Intl` refused.
    pub(crate) fn shared(locale: &str, time_zone: Option<&str>) -> Result<Self, JsValue> {
        let cached = LAST_LOCALE.with_borrow(|last| match last {
            Some((l, formats)) if l == locale => Some(Rc::clone(formats)),
            _ => None,
        });
        let locale_formats = match cached {
            Some(formats) => formats,
            None => {
                let formats = Rc::new(LocaleFormats::new(locale)?);
                LAST_LOCALE.set(Some((locale.to_owned(), Rc::clone(&formats))));
                formats
            }
        };
        let cached = LAST_DATE_TIME.with_borrow(|last| match last {
            Some((l, zone, format)) if l == locale && zone.as_deref() == time_zone => {
                Some(Rc::clone(format))
            }
            _ => None,
        });
        let date_time = match cached {
            Some(format) => format,
            None => {
                let format = Rc::new(date_time_format(locale, time_zone)?);
                let entry = (
                    locale.to_owned(),
                    time_zone.map(str::to_owned),
                    Rc::clone(&format),
                );
                LAST_DATE_TIME.set(Some(entry));
                format
            }
        };
        Ok(IntlFormatter {
            date_time,
            locale: locale_formats,
        })
    }
}

/// Instants for `locale`, shown in `time_zone` (default: the runtime's zone).
/// The locale has already passed [`LocaleFormats::new`], so a refusal here is
/// the zone's.
fn date_time_format(locale: &str, time_zone: Option<&str>) -> Result<DateTimeFormat, JsValue> {
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
    DateTimeFormat::new(locale, &options(&pairs))
        .map_err(|_| time_zone.map_or_else(|| locale_error(locale), time_zone_error))
}

impl LocaleFormats {
    /// Formatters for `locale`; a `RangeError` when `Intl` refuses it.
    fn new(locale: &str) -> Result<Self, JsValue> {
        let number = |pairs: &[(&str, &str)]| {
            NumberFormat::new(locale, &options(pairs)).map_err(|_| locale_error(locale))
        };
        let count = number(&[])?;
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
        Ok(LocaleFormats {
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
            BucketSize::Day => &self.locale.day,
            BucketSize::Hour => &self.locale.hour,
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
        self.locale.units[index].format(value as f64)
    }

    fn count(&self, value: u64) -> String {
        self.locale.count.format(value as f64)
    }

    fn percent(&self, ratio: f64) -> String {
        self.locale.percent.format(ratio)
    }
}
