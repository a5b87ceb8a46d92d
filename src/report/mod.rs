//! Reports: what an administrator sees of a job or of many jobs. Pure Rust,
//! DOM-free and deterministic; the README ("Reports") lists the class names,
//! label keys and CSV columns.
//!
//! - [`job_report`] builds a job's report as a [`node`] tree, which the JS
//!   layer turns into DOM (`renderJobReport`) and [`job_report_html`]
//!   serialises with every value escaped (`jobReportHtml`);
//! - [`job_chart_svg`] and [`jobs_trend_svg`] draw SVG charts;
//! - [`jobs_to_csv`] writes CSV.
//!
//! Dates, durations and numbers go through a [`ReportFormatter`]: natively the
//! deterministic [`UtcFormatter`], in JS one built on `Intl` for the caller's
//! locale and IANA time zone (no time-zone data in the module).

mod chart;
mod csv;
pub mod format;
pub mod html;
mod job;
pub mod labels;
mod names;
pub mod node;
mod options;
mod svg;
mod trend;
mod trend_input;

pub use csv::{jobs_to_csv, JOB_COLUMNS, LONG_COLUMNS};
pub use format::{duration_parts, iso_utc, DurationUnit, ReportFormatter, UtcFormatter};
pub use job::{job_report, CLASS_ROOT};
pub use labels::{labels_markdown_table, LabelKey, LabelOverrides, Labels};
pub use options::{
    format_locale_tag, label_locale, ChartOptions, CsvLayout, CsvOptions, JobReportOptions,
    DEFAULT_CHART_WIDTH, MAX_CHART_WIDTH, MIN_CHART_WIDTH,
};
pub use trend_input::{TrendBucket, TrendInput};

use crate::model::SynchronizationJob;

/// The report of one job as an HTML fragment (a `<section class="eiam-report">`),
/// the same markup `renderJobReport` builds, every data value escaped.
pub fn job_report_html(
    job: &SynchronizationJob,
    labels: &Labels,
    formatter: &dyn ReportFormatter,
) -> String {
    html::element_markup(&job_report(job, labels, formatter))
}

/// The SVG of one job's succeeded, failed and skipped items per entity.
pub fn job_chart_svg(
    job: &SynchronizationJob,
    options: &ChartOptions,
    formatter: &dyn ReportFormatter,
) -> String {
    chart::job_chart_svg(
        job,
        &options.labels(),
        formatter,
        options.chart_width() as f64,
        options.id_prefix.as_deref(),
    )
}

/// The SVG of jobs and success rate per time bucket of a `JobsSummary`
/// (pass `&TrendInput::from(&summary)` natively).
pub fn jobs_trend_svg(
    trend: &TrendInput,
    options: &ChartOptions,
    formatter: &dyn ReportFormatter,
) -> String {
    trend::jobs_trend_svg(
        trend,
        &options.labels(),
        formatter,
        options.chart_width() as f64,
        options.id_prefix.as_deref(),
    )
}
