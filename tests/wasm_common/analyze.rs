//! Binding tests of the analysis exports with real JS values (in Node and in
//! headless Chromium, like the rest of `wasm_common`).
//! Expectations are worked out by hand (see README.md, "Analysis").

use eiam_sync::js::{
    check_deletion_thresholds, diff_configurations, next_scheduled_runs, summarize_job,
    summarize_jobs, JsJobAggregator,
};
use js_sys::{Array, Reflect, Uint8Array, JSON};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const SEED_000: &str = include_str!("../fixtures/seeds/000_a37390e649ee0c38.example.json");
const SEED_002: &str = include_str!("../fixtures/seeds/002_d4e6738e55fed7fe.example.json");
const SEED_004: &str = include_str!("../fixtures/seeds/004_e3c034491c40503c.example.json");

/// 2026-01-01T00:00:00Z.
const T0: f64 = 1_767_225_600_000.0;

fn parse(text: &str) -> JsValue {
    JSON::parse(text).unwrap()
}

/// `value.a.b[0]...`: object keys, or array indices for numeric steps.
fn get(value: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(value.clone(), |v, key| {
        Reflect::get(&v, &JsValue::from_str(key)).unwrap()
    })
}

fn list_job() -> JsValue {
    get(&parse(SEED_002), &["SynchronizationJobs", "0"])
}

fn stringify(value: &JsValue) -> String {
    JSON::stringify(value).unwrap().as_string().unwrap()
}

fn error_name(error: &JsValue) -> String {
    get(error, &["name"]).as_string().unwrap_or_default()
}

#[wasm_bindgen_test]
fn summarize_job_returns_plain_objects() {
    let summary: JsValue = summarize_job(list_job()).unwrap().into();
    assert_eq!(
        get(&summary, &["outcome"]).as_string().as_deref(),
        Some("partially_failed")
    );
    assert_eq!(
        get(&summary, &["items", "all", "total"]).as_f64(),
        Some(77.0)
    );
    assert_eq!(
        get(&summary, &["items", "successRate"]).as_f64(),
        Some(26.0 / 77.0)
    );
    assert_eq!(get(&summary, &["durationMs"]).as_f64(), Some(0.0));

    let bare: JsValue = summarize_job(parse(r#"{"SynchronizationJobId":"s"}"#))
        .unwrap()
        .into();
    assert!(get(&bare, &["items", "successRate"]).is_null());
    assert!(!Reflect::has(&bare, &JsValue::from_str("durationMs")).unwrap());

    let error = summarize_job(parse("{}")).unwrap_err();
    assert_eq!(error_name(&error), "EiamSyncParseError");
    assert_eq!(
        get(&error, &["path"]).as_string().as_deref(),
        Some("SynchronizationJobId")
    );
}

#[wasm_bindgen_test]
fn summarize_jobs_with_options() {
    let jobs = Array::of2(&list_job(), &list_job());
    let options = parse(r#"{"bucket":"hour","utcOffsetMinutes":330}"#);
    let summary: JsValue = summarize_jobs(jobs.into(), Some(options)).unwrap().into();
    assert_eq!(get(&summary, &["jobCount"]).as_f64(), Some(2.0));
    assert_eq!(
        get(&summary, &["bucket"]).as_string().as_deref(),
        Some("hour")
    );
    // StartTime 1649830226000 = 2022-04-13T06:10:26Z; +5:30 local hours start at xx:30Z,
    // so the bucket starts at 05:30Z = 1649827800000.
    assert_eq!(
        get(&summary, &["timeBuckets", "0", "start"]).as_f64(),
        Some(1_649_827_800_000.0)
    );
    assert_eq!(
        get(&summary, &["timeBuckets", "0", "jobCount"]).as_f64(),
        Some(2.0)
    );
    let error = summarize_jobs(Array::new().into(), Some(parse(r#"{"topN":"x"}"#))).unwrap_err();
    assert_eq!(get(&error, &["path"]).as_string().as_deref(), Some("topN"));
}

#[wasm_bindgen_test]
fn job_aggregator_takes_bytes_text_objects_and_arrays() {
    let aggregator = JsJobAggregator::new(None).unwrap();
    aggregator
        .add(Uint8Array::from(SEED_002.as_bytes()).into())
        .unwrap();
    aggregator.add(JsValue::from_str(SEED_002)).unwrap();
    aggregator.add(parse(SEED_002)).unwrap();
    aggregator.add(Array::of1(&list_job()).into()).unwrap();
    let summary: JsValue = aggregator.summary().unwrap().into();
    assert_eq!(get(&summary, &["jobCount"]).as_f64(), Some(4.0));
    let jobs = Array::of4(&list_job(), &list_job(), &list_job(), &list_job());
    let expected: JsValue = summarize_jobs(jobs.into(), None).unwrap().into();
    assert_eq!(stringify(&summary), stringify(&expected));

    // Bad bytes: a parse error with a position, and nothing added.
    let truncated = Uint8Array::from(&SEED_002.as_bytes()[..300]);
    let error = aggregator.add(truncated.into()).unwrap_err();
    assert_eq!(error_name(&error), "EiamSyncParseError");
    assert_eq!(get(&error, &["code"]).as_string().as_deref(), Some("eof"));
    assert!(get(&error, &["line"]).as_f64().is_some());
    let after: JsValue = aggregator.summary().unwrap().into();
    assert_eq!(stringify(&after), stringify(&summary));
}

#[wasm_bindgen_test]
fn job_aggregator_merge_leaves_the_other_usable() {
    let a = JsJobAggregator::new(Some(parse(r#"{"topN":1}"#))).unwrap();
    let b = JsJobAggregator::new(None).unwrap();
    a.add(Array::of1(&list_job()).into()).unwrap();
    b.add(Uint8Array::from(SEED_002.as_bytes()).into()).unwrap();
    a.merge(&b).unwrap();
    let merged: JsValue = a.summary().unwrap().into();
    assert_eq!(get(&merged, &["jobCount"]).as_f64(), Some(2.0));
    let other: JsValue = b.summary().unwrap().into();
    assert_eq!(get(&other, &["jobCount"]).as_f64(), Some(1.0));
    b.add(JsValue::from_str(SEED_002)).unwrap();
    a.merge(&a).unwrap();
    let doubled: JsValue = a.summary().unwrap().into();
    assert_eq!(get(&doubled, &["jobCount"]).as_f64(), Some(4.0));
}

#[wasm_bindgen_test]
fn thresholds_schedules_and_diffs() {
    let job = get(&parse(SEED_000), &["SynchronizationJob"]);
    let pull = get(&parse(SEED_004), &["UdPullConfiguration"]);
    let report: JsValue = check_deletion_thresholds(job, pull.clone()).unwrap().into();
    assert_eq!(
        get(&report, &["status"]).as_string().as_deref(),
        Some("exceeded")
    );
    assert_eq!(
        get(&report, &["users", "ratio"]).as_f64(),
        Some(10.0 / 30.0)
    );

    let periodic = get(&pull, &["PeriodicSyncConfig"]);
    let runs = next_scheduled_runs(periodic.clone(), T0, 2.0, None).unwrap();
    let runs: Vec<f64> = Array::from(&runs)
        .iter()
        .filter_map(|v| v.as_f64())
        .collect();
    // 01:45Z daily.
    let first = T0 + 105.0 * 60_000.0;
    assert_eq!(runs, vec![first, first + 86_400_000.0]);
    let error = next_scheduled_runs(periodic, -5.0, 1.0, None).unwrap_err();
    assert_eq!(error_name(&error), "RangeError");

    let after = parse(SEED_004);
    let after = get(&after, &["UdPullConfiguration"]);
    Reflect::set(
        &get(&after, &["PullProtectedRule"]),
        &"GroupDeletedThreshold".into(),
        &JsValue::from(20),
    )
    .unwrap();
    let changes = diff_configurations(pull, after).unwrap();
    assert_eq!(
        stringify(&changes),
        r#"[{"path":"PullProtectedRule.GroupDeletedThreshold","kind":"changed","before":10,"after":20}]"#
    );
}
