//! What callers choose about a report: locale, time zone, label overrides,
//! chart width, CSV layout. In JS these are the `options` objects of the
//! report functions (camelCase keys; `null` or absent keys mean the default;
//! a value of the wrong type is an `EiamSyncParseError` naming the option).

use super::labels::{LabelOverrides, Labels};
use crate::model::wire::{object_only, opt_unsigned};
use crate::validate::Locale;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use tsify::Tsify;

/// Options of `renderJobReport`, `jobReportHtml` and the custom element.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(remote = "Self", rename_all = "camelCase", default)]
pub struct JobReportOptions {
    /// The language of labels and the locale of dates and numbers (default
    /// `"en"`). A tag with a region (`"en-GB"`, `"id-ID"`) keeps the region's
    /// date conventions; a language other than these three falls back to `"en"`.
    #[tsify(optional, type = "\"en\" | \"zh-CN\" | \"id\"")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// The IANA time zone dates are shown in (`"Asia/Shanghai"`); default: the
    /// runtime's own. An unknown zone throws a `RangeError`.
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// Label texts that replace the locale's defaults, by label key.
    #[tsify(optional, type = "Partial<Record<ReportLabelKey, string>>")]
    #[serde(skip_serializing_if = "LabelOverrides::is_empty")]
    pub labels: LabelOverrides,
}

/// The smallest chart width accepted, in SVG user units (pixels).
pub const MIN_CHART_WIDTH: u64 = 240;
/// The largest chart width accepted.
pub const MAX_CHART_WIDTH: u64 = 2000;
/// The default chart width.
pub const DEFAULT_CHART_WIDTH: u64 = 640;

/// Options of `jobChartSvg` and `jobsTrendSvg`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(remote = "Self", rename_all = "camelCase", default)]
pub struct ChartOptions {
    /// The language of labels and the locale of numbers and dates (default `"en"`).
    #[tsify(optional, type = "\"en\" | \"zh-CN\" | \"id\"")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// Label texts that replace the locale's defaults, by label key.
    #[tsify(optional, type = "Partial<Record<ReportLabelKey, string>>")]
    #[serde(skip_serializing_if = "LabelOverrides::is_empty")]
    pub labels: LabelOverrides,
    /// The chart's width in pixels (default 640, kept within 240..=2000); the
    /// height follows from the content.
    #[tsify(optional)]
    #[serde(
        deserialize_with = "opt_unsigned",
        skip_serializing_if = "Option::is_none"
    )]
    pub width: Option<u64>,
    /// The prefix of the `id`s inside the SVG (patterns, title, description),
    /// for pages that show several charts; characters other than ASCII
    /// letters, digits, `-` and `_` are dropped. Default: derived from the
    /// chart's content.
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_prefix: Option<String>,
}

/// How `jobsToCsv` lays out rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum CsvLayout {
    /// One row per job x entity x operation the job reports (default).
    #[default]
    Long,
    /// One row per job, a column per entity x operation x count.
    Wide,
}

/// Options of `jobsToCsv`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(remote = "Self", rename_all = "camelCase", default)]
pub struct CsvOptions {
    /// `"long"` (default) or `"wide"`.
    #[tsify(optional)]
    #[serde(deserialize_with = "opt_layout")]
    pub layout: CsvLayout,
    /// Start with a UTF-8 byte order mark, so spreadsheet tools read the text
    /// as UTF-8 (default `false`).
    #[tsify(optional)]
    #[serde(deserialize_with = "opt_bool")]
    pub bom: bool,
}

object_only!(JobReportOptions, ChartOptions, CsvOptions);

fn opt_layout<'de, D: Deserializer<'de>>(d: D) -> Result<CsvLayout, D::Error> {
    Ok(Option::<CsvLayout>::deserialize(d)?.unwrap_or_default())
}

fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(Option::<bool>::deserialize(d)?.unwrap_or_default())
}

impl Serialize for LabelOverrides {
    /// Overrides are input only; they serialise as an object of key to text.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(key, text)| (key.as_str(), text)))
    }
}

/// The label locale of an `options.locale` tag: `en`, `zh-*` and `id-*` by
/// their language, anything else English.
pub fn label_locale(tag: Option<&str>) -> Locale {
    tag.and_then(Locale::from_tag).unwrap_or_default()
}

/// The tag to format dates and numbers with: the caller's own tag when its
/// language is one of the three, so a region (`en-GB`) keeps its conventions;
/// otherwise the label locale's tag.
pub fn format_locale_tag(tag: Option<&str>) -> String {
    match tag {
        Some(tag) if Locale::from_tag(tag).is_some() => tag.to_owned(),
        _ => Locale::En.tag().to_owned(),
    }
}

impl JobReportOptions {
    /// The labels these options ask for.
    pub fn labels(&self) -> Labels {
        Labels::new(label_locale(self.locale.as_deref()), self.labels.clone())
    }
}

impl ChartOptions {
    /// The labels these options ask for.
    pub fn labels(&self) -> Labels {
        Labels::new(label_locale(self.locale.as_deref()), self.labels.clone())
    }

    /// The width to draw at, clamped to the accepted range.
    pub fn chart_width(&self) -> u64 {
        self.width
            .unwrap_or(DEFAULT_CHART_WIDTH)
            .clamp(MIN_CHART_WIDTH, MAX_CHART_WIDTH)
    }
}
