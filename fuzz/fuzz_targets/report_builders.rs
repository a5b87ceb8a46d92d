//! Fuzzes the report builders over arbitrary jobs: the bytes are read as a
//! ListSynchronizationJobs response (the seed corpus is the documentation's
//! responses) and, failing that, as a `JobsSummary`'s trend part. Every
//! builder must return without panicking, and no markup may come from the
//! data: the only tags are the builders' own, so `<img` or `<script` can
//! never appear in the HTML or SVG, whatever the jobs hold.

#![no_main]

use eiam_sync::analyze::{summarize_jobs, SummaryOptions};
use eiam_sync::parse::{self, ParseOptions};
use eiam_sync::report::{
    job_chart_svg, job_report_html, jobs_to_csv, jobs_trend_svg, ChartOptions, CsvLayout,
    CsvOptions, Labels, TrendInput, UtcFormatter,
};
use libfuzzer_sys::fuzz_target;

fn assert_no_foreign_markup(markup: &str) {
    for tag in ["<img", "<script", "<a ", "<iframe", "<style"] {
        assert!(!markup.contains(tag), "{tag} in {markup}");
    }
}

fuzz_target!(|data: &[u8]| {
    let chart = ChartOptions::default();
    if let Ok(page) = parse::list_synchronization_jobs(data, ParseOptions::default()) {
        let jobs = &page.synchronization_jobs;
        for job in jobs {
            assert_no_foreign_markup(&job_report_html(job, &Labels::default(), &UtcFormatter));
            assert_no_foreign_markup(&job_chart_svg(job, &chart, &UtcFormatter));
        }
        for layout in [CsvLayout::Long, CsvLayout::Wide] {
            let csv = jobs_to_csv(jobs, &CsvOptions { layout, bom: true });
            assert!(csv.ends_with("\r\n"));
        }
        let summary = summarize_jobs(jobs, &SummaryOptions::default());
        assert_no_foreign_markup(&jobs_trend_svg(&TrendInput::from(&summary), &chart, &UtcFormatter));
    } else if let Ok(trend) = parse::parse::<TrendInput>(data, ParseOptions::default()) {
        assert_no_foreign_markup(&jobs_trend_svg(&trend, &chart, &UtcFormatter));
    }
});
