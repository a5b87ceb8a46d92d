//! The report exports: `renderJobReport`, `jobReportHtml`, `jobChartSvg`,
//! `jobsTrendSvg`, `jobsToCsv` and `defineJobReportElement`. They read their
//! arguments with the library's parser (bad input throws the same
//! `EiamSyncParseError` as every other function), build the report in the
//! pure core and return strings or DOM. Dates and numbers are formatted with
//! `Intl` (see `intl.rs`).

mod dom;
mod element;
mod intl;

pub use element::define_job_report_element;

use super::input::{read, read_options, whole_ms};
use crate::model::SynchronizationJob;
use crate::report::ReportFormatter;
use crate::report::{
    self, format_locale_tag, ChartOptions, CsvOptions, JobReportOptions, TrendInput,
};
use intl::IntlFormatter;
use js_sys::{RangeError, TypeError};
use wasm_bindgen::prelude::*;

/// Declares the TypeScript union of label keys, from the label table.
macro_rules! ts_label_keys {
    ($(
        $variant:ident { key: $key:literal, meaning: $meaning:literal,
            en: $en:literal, zh_cn: $zh_cn:literal, id: $id:literal $(,)? }
    )+) => {
        #[wasm_bindgen(typescript_custom_section)]
        const LABEL_KEYS: &'static str = concat!(
            "\n/**\n * The key of a report label, for `options.labels` (English default in quotes):\n",
            $( " * - `\"", $key, "\"`: ", $meaning, " (\"", $en, "\")\n", )+
            " */\nexport type ReportLabelKey =",
            $( "\n  | \"", $key, "\"", )+
            ";\n"
        );
    };
}

crate::report::labels::label_table!(ts_label_keys);

#[wasm_bindgen(typescript_custom_section)]
const ELEMENT_TYPES: &'static str = r#"
/** The custom element `defineJobReportElement` registers. */
export interface JobReportElement extends HTMLElement {
  /** The job to show; setting it renders the report. `null` or `undefined` empties the element. */
  job: SynchronizationJob | null | undefined;
  /** The options of `renderJobReport`; setting them renders again. */
  options: JobReportOptions | undefined;
}

/** The class `defineJobReportElement` returns. */
export interface JobReportElementConstructor {
  new (): JobReportElement;
  readonly prototype: JobReportElement;
}

declare global {
  interface HTMLElementTagNameMap {
    "eiam-sync-job-report": JobReportElement;
  }
  interface HTMLElementEventMap {
    /** Dispatched by a job report element whose `job` cannot be read; `detail` is the error. */
    "eiam-sync-report-error": CustomEvent<unknown>;
  }
}
"#;

/// The report options and a formatter for them.
fn report_settings(options: Option<JsValue>) -> Result<(JobReportOptions, IntlFormatter), JsValue> {
    let options: JobReportOptions = read_options(options)?;
    let locale = format_locale_tag(options.locale.as_deref());
    let formatter = IntlFormatter::shared(&locale, options.time_zone.as_deref())?;
    Ok((options, formatter))
}

/// The chart options and a formatter for them.
fn chart_settings(options: Option<JsValue>) -> Result<(ChartOptions, IntlFormatter), JsValue> {
    let options: ChartOptions = read_options(options)?;
    let locale = format_locale_tag(options.locale.as_deref());
    let formatter = IntlFormatter::shared(&locale, None)?;
    Ok((options, formatter))
}

/// Renders the report of `job` into `container`, replacing its children, and
/// returns the report's root (`<section class="eiam-report">`). Data is only
/// ever inserted as text nodes and attribute values. Throws a `TypeError`
/// when `container` is not an `Element`, an `EiamSyncParseError` when `job`
/// is not a job or `options` are malformed, a `RangeError` for a `locale` or
/// `timeZone` that `Intl` does not know.
#[wasm_bindgen(js_name = renderJobReport, unchecked_return_type = "HTMLElement")]
pub fn render_job_report(
    #[wasm_bindgen(unchecked_param_type = "Element")] container: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SynchronizationJob")] job: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "JobReportOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let Some(container) = container.dyn_ref::<web_sys::Element>() else {
        return Err(TypeError::new("renderJobReport: the container must be a DOM Element").into());
    };
    let (options, formatter) = report_settings(options)?;
    let job: SynchronizationJob = read(&job)?;
    let tree = report::job_report(&job, &options.labels(), &formatter);
    let document = container
        .owner_document()
        .ok_or_else(|| TypeError::new("renderJobReport: the container has no document"))?;
    let root = dom::build(&document, &tree)?;
    container.replace_children_with_node_1(&root);
    Ok(root.into())
}

/// The report of `job` as an HTML string (the markup `renderJobReport`
/// builds), every value escaped, for server-side rendering. Throws like
/// `renderJobReport` (except for the container).
#[wasm_bindgen(js_name = jobReportHtml)]
pub fn job_report_html(
    #[wasm_bindgen(unchecked_param_type = "SynchronizationJob")] job: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "JobReportOptions")] options: Option<JsValue>,
) -> Result<String, JsValue> {
    let (options, formatter) = report_settings(options)?;
    let job: SynchronizationJob = read(&job)?;
    Ok(report::job_report_html(&job, &options.labels(), &formatter))
}

/// An SVG of `job`'s succeeded, failed and skipped items per entity, with a
/// title, description and legend. Throws an `EiamSyncParseError` for a
/// malformed job or options, a `RangeError` for a `locale` `Intl` refuses.
#[wasm_bindgen(js_name = jobChartSvg)]
pub fn job_chart_svg(
    #[wasm_bindgen(unchecked_param_type = "SynchronizationJob")] job: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ChartOptions")] options: Option<JsValue>,
) -> Result<String, JsValue> {
    let (options, formatter) = chart_settings(options)?;
    let job: SynchronizationJob = read(&job)?;
    Ok(report::job_chart_svg(&job, &options, &formatter))
}

/// An SVG of jobs and success rate per time bucket of a `JobsSummary` (from
/// `summarizeJobs` or `JobAggregator.summary()`); buckets are labelled in the
/// summary's own `utcOffsetMinutes`. Throws like `jobChartSvg`.
#[wasm_bindgen(js_name = jobsTrendSvg)]
pub fn jobs_trend_svg(
    #[wasm_bindgen(unchecked_param_type = "JobsSummary")] summary: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ChartOptions")] options: Option<JsValue>,
) -> Result<String, JsValue> {
    let (options, formatter) = chart_settings(options)?;
    let trend: TrendInput = read(&summary)?;
    Ok(report::jobs_trend_svg(&trend, &options, &formatter))
}

/// Jobs as RFC 4180 CSV (see the README for the columns); formula-like cells
/// are neutralised with a leading `'`. Throws an `EiamSyncParseError` when
/// `jobs` is not an array of jobs or `options` are malformed.
#[wasm_bindgen(js_name = jobsToCsv)]
pub fn jobs_to_csv(
    #[wasm_bindgen(unchecked_param_type = "SynchronizationJob[]")] jobs: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CsvOptions")] options: Option<JsValue>,
) -> Result<String, JsValue> {
    let options: CsvOptions = read_options(options)?;
    let jobs: Vec<SynchronizationJob> = read(&jobs)?;
    Ok(report::jobs_to_csv(&jobs, &options))
}

/// `ms` milliseconds as the reports write a duration: its non-zero hours,
/// minutes and seconds in the locale's short units (`1 hr 2 min`,
/// `15 min 30 sec`; milliseconds alone under a second), so a console's own
/// tables read the same as its reports. `locale` as in `JobReportOptions`
/// (default `en`). Throws a `RangeError` for `ms` that is not a whole number
/// from 0 to 2^53 - 1, or a `locale` that `Intl` refuses.
#[wasm_bindgen(js_name = formatDuration)]
pub fn format_duration(
    ms: f64,
    #[wasm_bindgen(unchecked_optional_param_type = r#""en" | "zh-CN" | "id""#)] locale: Option<
        String,
    >,
) -> Result<String, JsValue> {
    let Some(ms) = whole_ms(ms) else {
        return Err(RangeError::new(
            "formatDuration: ms must be a whole number of milliseconds from 0 to 2^53 - 1",
        )
        .into());
    };
    let formatter = IntlFormatter::shared(&format_locale_tag(locale.as_deref()), None)?;
    Ok(formatter.duration(ms))
}
