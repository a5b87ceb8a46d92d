//! The SVG charts: well-formed standalone XML, an accessible name and
//! description, a legend, escaped text, and the numbers of their input.

mod report_support;

use eiam_sync::analyze::{summarize_jobs, BucketSize, SummaryOptions};
use eiam_sync::report::{
    job_chart_svg, jobs_trend_svg, ChartOptions, LabelKey, LabelOverrides, TrendBucket, TrendInput,
    UtcFormatter,
};
use report_support::{job, parse_xml, seed_job, XmlElement, HOSTILE_JOB};
use std::collections::BTreeMap;

fn chart(json: &str, options: &ChartOptions) -> XmlElement {
    let svg = job_chart_svg(&job(json), options, &UtcFormatter);
    parse_xml(&svg).unwrap_or_else(|e| panic!("{e}:\n{svg}"))
}

fn by_class<'a>(root: &'a XmlElement, name: &str, class: &str) -> Vec<&'a XmlElement> {
    root.find_all(name)
        .into_iter()
        .filter(|e| {
            e.attribute("class")
                .is_some_and(|c| c.split(' ').any(|c| c == class))
        })
        .collect()
}

/// Asserts the root is an accessible SVG: `role="img"`, labelled by its
/// title and description, which come first.
fn assert_accessible(root: &XmlElement) -> (String, String) {
    assert_eq!(root.name, "svg");
    assert_eq!(root.attribute("xmlns"), Some("http://www.w3.org/2000/svg"));
    assert_eq!(root.attribute("role"), Some("img"));
    let title = root.find_all("title")[0];
    let desc = root.find_all("desc")[0];
    let ids = format!(
        "{} {}",
        title.attribute("id").unwrap(),
        desc.attribute("id").unwrap()
    );
    assert_eq!(root.attribute("aria-labelledby"), Some(ids.as_str()));
    (title.text(), desc.text())
}

#[test]
fn the_job_chart_is_accessible_and_says_its_numbers() {
    let root = chart(HOSTILE_JOB, &ChartOptions::default());
    let (title, desc) = assert_accessible(&root);
    assert_eq!(
        title,
        "Items of synchronization job sync_<img src=x onerror=alert(1)>"
    );
    // Users: Created Total 2, Success 1, Failed 1; the other entities report nothing.
    assert_eq!(
        desc,
        "Users: 1 succeeded, 1 failed, 0 skipped. Organizational units: 0 succeeded, 0 failed, 0 skipped. \
         Groups: 0 succeeded, 0 failed, 0 skipped. Group members: 0 succeeded, 0 failed, 0 skipped."
    );
    let legend = by_class(&root, "g", "eiam-chart-legend");
    assert_eq!(legend.len(), 1);
    assert_eq!(legend[0].text(), "SucceededFailedSkipped");
    let rows = by_class(&root, "g", "eiam-chart-row");
    let entities: Vec<&str> = rows
        .iter()
        .filter_map(|r| r.attribute("data-entity"))
        .collect();
    assert_eq!(
        entities,
        ["users", "organizationalUnits", "groups", "groupMembers"]
    );
    assert_eq!(
        rows[0].text(),
        "UsersUsers: Succeeded 1Users: Failed 11 / 1 / 0"
    );
    // Two segments of equal length for users, none elsewhere.
    let segments = rows[0].find_all("rect");
    assert_eq!(segments.len(), 2);
    assert_eq!(
        segments[0].attribute("width"),
        segments[1].attribute("width")
    );
    assert!(rows[1].find_all("rect").is_empty());
}

#[test]
fn failed_and_skipped_carry_patterns_as_well_as_colours() {
    let svg = job_chart_svg(
        &seed_job(),
        &ChartOptions {
            id_prefix: Some("c1".into()),
            ..ChartOptions::default()
        },
        &UtcFormatter,
    );
    let root = parse_xml(&svg).unwrap();
    let patterns: Vec<&str> = root
        .find_all("pattern")
        .iter()
        .filter_map(|p| p.attribute("id"))
        .collect();
    assert_eq!(patterns, ["c1-failed", "c1-skipped"]);
    let fills: Vec<&str> = by_class(&root, "rect", "eiam-chart-failed")
        .iter()
        .chain(&by_class(&root, "rect", "eiam-chart-skipped"))
        .filter_map(|r| r.attribute("fill"))
        .collect();
    assert!(
        fills
            .iter()
            .all(|f| *f == "url(#c1-failed)" || *f == "url(#c1-skipped)"),
        "{fills:?}"
    );
    // Seed 002 users: 8 succeeded, 8 failed, 7 skipped.
    assert_eq!(
        by_class(&root, "g", "eiam-chart-row")[0]
            .find_all("text")
            .last()
            .unwrap()
            .text(),
        "8 / 8 / 7"
    );
    // Text follows the page's colour; no <style> or style attribute anywhere.
    assert!(root
        .find_all("text")
        .iter()
        .all(|t| t.attribute("fill") == Some("currentColor")));
    assert!(!svg.contains("<style") && !svg.contains("style="));
}

#[test]
fn hostile_id_prefixes_and_widths_are_tamed() {
    let options = ChartOptions {
        id_prefix: Some("x\"><script>".into()),
        width: Some(100_000),
        ..ChartOptions::default()
    };
    let root = chart(HOSTILE_JOB, &options);
    assert_eq!(root.attribute("width"), Some("2000"));
    assert_eq!(
        root.find_all("title")[0].attribute("id"),
        Some("xscript-title")
    );
    let narrow = chart(
        HOSTILE_JOB,
        &ChartOptions {
            width: Some(1),
            ..ChartOptions::default()
        },
    );
    assert_eq!(narrow.attribute("width"), Some("240"));
}

#[test]
fn a_job_without_items_says_so() {
    let root = chart(r#"{"SynchronizationJobId":"s"}"#, &ChartOptions::default());
    assert_eq!(
        by_class(&root, "text", "eiam-chart-empty")[0].text(),
        "No items to show."
    );
    assert!(by_class(&root, "g", "eiam-chart-row")
        .iter()
        .all(|r| r.find_all("rect").is_empty()));
}

#[test]
fn chart_labels_follow_the_locale_and_overrides() {
    let mut map = BTreeMap::new();
    map.insert(LabelKey::CountFailed, "<Rusak>".to_owned());
    let options = ChartOptions {
        locale: Some("id-ID".into()),
        labels: LabelOverrides(map),
        ..ChartOptions::default()
    };
    let svg = job_chart_svg(&job(HOSTILE_JOB), &options, &UtcFormatter);
    assert!(svg.contains("&lt;Rusak&gt;"));
    let root = parse_xml(&svg).unwrap();
    assert_eq!(
        by_class(&root, "g", "eiam-chart-legend")[0].text(),
        "Berhasil<Rusak>Dilewati"
    );
    assert_eq!(
        root.find_all("title")[0].text(),
        "Item tugas sinkronisasi sync_<img src=x onerror=alert(1)>"
    );
}

/// 2026-01-01T00:00:00Z.
const T0: u64 = 1_767_225_600_000;
const DAY: u64 = 86_400_000;

fn jobs_json(entries: &[(u64, &str)]) -> String {
    let jobs: Vec<String> = entries
        .iter()
        .enumerate()
        .map(|(i, (start, status))| {
            format!(r#"{{"SynchronizationJobId":"j{i}","StartTime":{start},"Status":"{status}"}}"#)
        })
        .collect();
    format!("[{}]", jobs.join(","))
}

#[test]
fn the_trend_draws_one_bar_and_point_per_bucket_on_a_time_axis() {
    // Day 1: two jobs, one success; day 2: none; day 3: one failure.
    let jobs = eiam_sync::parse::parse::<Vec<eiam_sync::model::SynchronizationJob>>(
        jobs_json(&[
            (T0, "success"),
            (T0 + 3_600_000, "failed"),
            (T0 + 2 * DAY, "failed"),
        ])
        .as_bytes(),
        Default::default(),
    )
    .unwrap();
    let summary = summarize_jobs(&jobs, &SummaryOptions::default());
    let svg = jobs_trend_svg(
        &TrendInput::from(&summary),
        &ChartOptions::default(),
        &UtcFormatter,
    );
    let root = parse_xml(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    let (title, desc) = assert_accessible(&root);
    assert_eq!(title, "Jobs and success rate by day");
    assert_eq!(
        desc,
        "3 job(s) with a start time from 2026-01-01 to 2026-01-03; 1 succeeded (33%)."
    );
    assert_eq!(
        by_class(&root, "g", "eiam-chart-legend")[0].text(),
        "JobsSuccessful jobsSuccess rate"
    );
    let buckets = by_class(&root, "g", "eiam-chart-bucket");
    assert_eq!(buckets.len(), 2);
    assert_eq!(
        buckets[0].find_all("title")[0].text(),
        "2026-01-01: 2 job(s), 1 succeeded (50%)."
    );
    assert_eq!(
        buckets[1].find_all("title")[0].text(),
        "2026-01-03: 1 job(s), 0 succeeded (0%)."
    );
    // Three day slots: the buckets sit in the first and the third, a slot apart.
    let x = |g: &XmlElement| -> f64 {
        g.find_all("rect")[0]
            .attribute("x")
            .unwrap()
            .parse()
            .unwrap()
    };
    let width: f64 = buckets[0].find_all("rect")[0]
        .attribute("width")
        .unwrap()
        .parse()
        .unwrap();
    let slot = width / 0.8;
    assert!(
        ((x(buckets[1]) - x(buckets[0])) - 2.0 * slot).abs() < 0.3,
        "{svg}"
    );
    // The rate line goes through 50 % then 0 %.
    let points = root.find_all("polyline")[0]
        .attribute("points")
        .unwrap()
        .to_owned();
    let ys: Vec<f64> = points
        .split(' ')
        .map(|p| p.split(',').nth(1).unwrap().parse().unwrap())
        .collect();
    let axis: Vec<f64> = by_class(&root, "g", "eiam-chart-axes")[0]
        .find_all("line")
        .iter()
        .map(|l| l.attribute("y1").unwrap().parse().unwrap())
        .collect();
    assert_eq!(ys, [axis[1], axis[0]]);
}

#[test]
fn trend_buckets_are_labelled_in_their_offset_and_size() {
    let trend = TrendInput {
        time_buckets: vec![TrendBucket {
            start: (T0 - 8 * 3_600_000) as i64,
            job_count: 4,
            success_count: 9,
        }],
        bucket: BucketSize::Hour,
        utc_offset_minutes: 480,
    };
    let root = parse_xml(&jobs_trend_svg(
        &trend,
        &ChartOptions::default(),
        &UtcFormatter,
    ))
    .unwrap();
    assert_eq!(
        root.find_all("title")[0].text(),
        "Jobs and success rate by hour"
    );
    // 2025-12-31T16:00Z is 2026-01-01 00:00 at UTC+8; successes are capped at the job count.
    assert_eq!(
        by_class(&root, "g", "eiam-chart-bucket")[0].find_all("title")[0].text(),
        "2026-01-01 00:00: 4 job(s), 4 succeeded (100%)."
    );
}

#[test]
fn an_empty_trend_says_so() {
    let root = parse_xml(&jobs_trend_svg(
        &TrendInput::default(),
        &ChartOptions::default(),
        &UtcFormatter,
    ))
    .unwrap();
    let (_, desc) = assert_accessible(&root);
    assert_eq!(desc, "No jobs with a start time.");
    assert_eq!(
        by_class(&root, "text", "eiam-chart-empty")[0].text(),
        "No jobs with a start time."
    );
}

#[test]
fn the_trend_reads_a_summary_as_json() {
    let trend: TrendInput = eiam_sync::parse::parse(
        br#"{"jobCount":1,"bucket":"hour","utcOffsetMinutes":-60,"timeBuckets":[{"start":0,"jobCount":1,"successCount":1,"successRate":1}]}"#,
        Default::default(),
    )
    .unwrap();
    assert_eq!(trend.bucket, BucketSize::Hour);
    assert_eq!(trend.utc_offset_minutes, -60);
    assert_eq!(
        trend.time_buckets,
        [TrendBucket {
            start: 0,
            job_count: 1,
            success_count: 1
        }]
    );
    let missing = eiam_sync::parse::parse::<TrendInput>(br#"{"jobCount":1}"#, Default::default())
        .unwrap_err();
    assert_eq!(
        (missing.code.as_str(), missing.path.as_str()),
        ("missing_field", "timeBuckets")
    );
    let offset = eiam_sync::parse::parse::<TrendInput>(
        br#"{"timeBuckets":[],"utcOffsetMinutes":5000}"#,
        Default::default(),
    )
    .unwrap_err();
    assert_eq!(
        (offset.code.as_str(), offset.path.as_str()),
        ("number_out_of_range", "utcOffsetMinutes")
    );
}
