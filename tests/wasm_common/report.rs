//! Binding tests of the report string functions, with real JS values, in
//! Node and headless Chromium: Intl formatting by locale and time zone, the
//! typed errors, and hostile strings coming back escaped. The DOM exports are
//! tested in the browser only (`wasm_browser.rs`, `report_dom.rs`).

use eiam_sync::js::{
    define_job_report_element, format_duration, job_chart_svg, job_report_html, jobs_to_csv,
    jobs_trend_svg, summarize_jobs,
};
use js_sys::{Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// A job whose strings are hostile; `onerror` would set `globalThis.eiamPwned`.
/// 2026-01-01T00:00:00Z, 62.5 s.
pub(crate) const HOSTILE_JOB: &str = r#"{
  "SynchronizationJobId": "sync_<img src=x onerror=globalThis.eiamPwned=1>",
  "TargetType": "identity_provider",
  "TargetId": "idp_\"><script>globalThis.eiamPwned=2</script>",
  "Direction": "ingress",
  "TriggerType": "manual",
  "Status": "failed",
  "StartTime": 1767225600000,
  "EndTime": 1767225662500,
  "Description": "javascript:globalThis.eiamPwned=3",
  "Result": {
    "ErrorCode": "=HYPERLINK(\"javascript:alert(1)\")",
    "ErrorMessage": "<img src=x onerror=globalThis.eiamPwned=4><svg onload=globalThis.eiamPwned=5>",
    "UserStatistics": { "Created": { "Total": 2, "Success": 1, "Failed": 1 } }
  }
}"#;

pub(crate) fn parse(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON")
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("Reflect.get")
}

/// `(name, message)` of a thrown error.
fn error(result: Result<String, JsValue>) -> (String, String) {
    let error = result.expect_err("the call throws");
    let error = error.dyn_ref::<js_sys::Error>().expect("an Error");
    (error.name().into(), error.message().into())
}

/// `(code, path)` of a thrown `EiamSyncParseError`.
fn parse_error(result: Result<String, JsValue>) -> (String, String) {
    let error = result.expect_err("the call throws");
    assert_eq!(
        get(&error, "name").as_string().as_deref(),
        Some("EiamSyncParseError")
    );
    (
        get(&error, "code").as_string().unwrap(),
        get(&error, "path").as_string().unwrap(),
    )
}

#[wasm_bindgen_test]
fn the_html_string_escapes_every_hostile_value() {
    let html = job_report_html(parse(HOSTILE_JOB), None).unwrap();
    assert!(
        !html.contains("<img") && !html.contains("<script") && !html.contains("<svg"),
        "{html}"
    );
    assert!(html.contains("sync_&lt;img src=x onerror=globalThis.eiamPwned=1&gt;"));
    assert!(html.contains("idp_&quot;&gt;&lt;script&gt;globalThis.eiamPwned=2&lt;/script&gt;"));
    assert!(html.contains(">javascript:globalThis.eiamPwned=3<"));
    assert!(html.contains("&lt;svg onload=globalThis.eiamPwned=5&gt;"));
}

#[wasm_bindgen_test]
fn dates_follow_the_time_zone_and_durations_the_locale() {
    let at = |options: &str| job_report_html(parse(HOSTILE_JOB), Some(parse(options))).unwrap();
    // 2026-01-01T00:00:00Z is 08:00 in Shanghai and still 2025 in New York.
    let shanghai = at(r#"{"timeZone":"Asia/Shanghai"}"#);
    assert!(
        shanghai.contains("2026") && shanghai.contains("08:00:00"),
        "{shanghai}"
    );
    let new_york = at(r#"{"timeZone":"America/New_York"}"#);
    assert!(new_york.contains("Dec 31, 2025"), "{new_york}");
    assert!(new_york.contains("datetime=\"2026-01-01T00:00:00.000Z\""));
    // 62.5 s: one minute and two whole seconds, in the locale's units.
    assert!(at(r#"{"timeZone":"UTC"}"#).contains("1 min 2 sec"));
    let chinese = at(r#"{"locale":"zh-CN","timeZone":"UTC"}"#);
    assert!(chinese.contains("1分钟 2秒"), "{chinese}");
    assert!(chinese.contains("lang=\"zh-CN\"") && chinese.contains(">失败<"));
    let indonesian = at(r#"{"locale":"id","timeZone":"UTC"}"#);
    assert!(indonesian.contains(">Gagal<") && indonesian.contains("lang=\"id\""));
}

#[wasm_bindgen_test]
fn the_kept_formatter_follows_every_change_of_locale_and_time_zone() {
    // The last formatter is reused: switching back and forth must still give
    // each call its own settings, and a refused zone must not stick.
    let at = |options: &str| job_report_html(parse(HOSTILE_JOB), Some(parse(options)));
    let shanghai = at(r#"{"timeZone":"Asia/Shanghai"}"#).unwrap();
    let new_york = at(r#"{"timeZone":"America/New_York"}"#).unwrap();
    assert_ne!(shanghai, new_york);
    assert!(at(r#"{"timeZone":"Mars/Olympus_Mons"}"#).is_err());
    assert_eq!(at(r#"{"timeZone":"Asia/Shanghai"}"#).unwrap(), shanghai);
    assert_eq!(at(r#"{"timeZone":"America/New_York"}"#).unwrap(), new_york);
    // A call in the runtime's zone in between (formatDuration) changes nothing.
    assert_eq!(format_duration(62_500.0, None).unwrap(), "1 min 2 sec");
    assert_eq!(at(r#"{"timeZone":"America/New_York"}"#).unwrap(), new_york);
    let chinese = at(r#"{"locale":"zh-CN","timeZone":"America/New_York"}"#).unwrap();
    assert!(
        chinese.contains("2025") && chinese.contains(">失败<"),
        "{chinese}"
    );
    assert_eq!(at(r#"{"timeZone":"America/New_York"}"#).unwrap(), new_york);
}

#[wasm_bindgen_test]
fn format_duration_writes_durations_as_the_report_does() {
    let en = |ms: f64| format_duration(ms, None).unwrap();
    // 62.5 s is one minute and two whole seconds, as the report test above.
    assert_eq!(en(62_500.0), "1 min 2 sec");
    assert_eq!(en(3_723_000.0), "1 hr 2 min 3 sec");
    assert_eq!(en(7_200_000.0), "2 hr");
    assert_eq!(en(250.0), "250 ms");
    assert_eq!(en(0.0), "0 sec");
    let zh = format_duration(62_500.0, Some("zh-CN".into())).unwrap();
    assert_eq!(zh, "1分钟 2秒");
    // The same text as the job's report, in that locale.
    let report = job_report_html(parse(HOSTILE_JOB), Some(parse(r#"{"locale":"zh-CN"}"#)));
    assert!(report.unwrap().contains(&zh));
    for bad in [-1.0, 1.5, f64::NAN, f64::INFINITY, 2f64.powi(53)] {
        let (name, message) = error(format_duration(bad, None));
        assert_eq!(name, "RangeError", "{bad}");
        assert!(message.contains("ms must be a whole number"), "{message}");
    }
    let (name, _) = error(format_duration(1_000.0, Some("en-".into())));
    assert_eq!(name, "RangeError");
}

#[wasm_bindgen_test]
fn a_bad_time_zone_or_locale_is_a_range_error_naming_the_option() {
    let job = || parse(HOSTILE_JOB);
    let (name, message) = error(job_report_html(
        job(),
        Some(parse(r#"{"timeZone":"Mars/Olympus_Mons"}"#)),
    ));
    assert_eq!(name, "RangeError");
    assert!(
        message.contains("options.timeZone") && message.contains("Mars/Olympus_Mons"),
        "{message}"
    );
    let (name, message) = error(job_chart_svg(job(), Some(parse(r#"{"locale":"en-"}"#))));
    assert_eq!(name, "RangeError");
    assert!(message.contains("options.locale"), "{message}");
    // The module keeps working afterwards.
    assert!(job_report_html(job(), None).is_ok());
}

#[wasm_bindgen_test]
fn bad_input_and_options_throw_parse_errors() {
    assert_eq!(
        parse_error(job_report_html(JsValue::from(5), None)),
        ("type".into(), "".into())
    );
    assert_eq!(
        parse_error(job_chart_svg(parse("{}"), None)),
        ("missing_field".into(), "SynchronizationJobId".into())
    );
    assert_eq!(
        parse_error(jobs_to_csv(parse("{}"), None)),
        ("type".into(), "".into())
    );
    assert_eq!(
        parse_error(jobs_trend_svg(parse("[]"), None)),
        ("type".into(), "".into())
    );
    assert_eq!(
        parse_error(job_chart_svg(
            parse(HOSTILE_JOB),
            Some(parse(r#"{"width":"wide"}"#))
        )),
        ("type".into(), "width".into())
    );
    assert_eq!(
        parse_error(jobs_to_csv(
            parse("[]"),
            Some(parse(r#"{"layout":"diagonal"}"#))
        ))
        .1,
        "layout"
    );
    assert_eq!(
        parse_error(job_report_html(
            parse(HOSTILE_JOB),
            Some(parse(r#"{"labels":{"status.sucess":"x"}}"#))
        ))
        .0,
        "unknown_value"
    );
    assert_eq!(
        parse_error(job_report_html(
            parse(HOSTILE_JOB),
            Some(parse(r#"{"labels":{"status.success":1}}"#))
        )),
        ("type".into(), "labels.status.success".into())
    );
}

#[wasm_bindgen_test]
fn labels_can_be_overridden_from_js() {
    let options = parse(
        r#"{"locale":"id","labels":{"status.failed":"<b>Rusak</b>","report.title":"Tugas {jobId}!"}}"#,
    );
    let html = job_report_html(parse(HOSTILE_JOB), Some(options)).unwrap();
    assert!(html.contains("&lt;b&gt;Rusak&lt;/b&gt;"));
    assert!(html.contains(">Tugas sync_&lt;img src=x onerror=globalThis.eiamPwned=1&gt;!</h2>"));
    assert!(html.contains(">Arah<"));
}

#[wasm_bindgen_test]
fn the_charts_come_from_js_values() {
    let svg = job_chart_svg(
        parse(HOSTILE_JOB),
        Some(parse(r#"{"idPrefix":"j1","width":480}"#)),
    )
    .unwrap();
    assert!(svg.starts_with("<svg class=\"eiam-chart eiam-chart-job\""));
    assert!(svg.contains("width=\"480\"") && svg.contains("id=\"j1-title\""));
    assert!(svg.contains("sync_&lt;img src=x onerror=globalThis.eiamPwned=1&gt;"));
    assert!(svg.contains(">1 / 1 / 0</text>"));

    let jobs = parse(&format!("[{HOSTILE_JOB}]"));
    let summary: JsValue = summarize_jobs(jobs, Some(parse(r#"{"utcOffsetMinutes":480}"#)))
        .unwrap()
        .into();
    let trend = jobs_trend_svg(summary, Some(parse(r#"{"locale":"zh-CN"}"#))).unwrap();
    assert!(
        trend.contains("<title id=") && trend.contains("每日任务数与成功率"),
        "{trend}"
    );
    assert_eq!(trend.matches("class=\"eiam-chart-bucket\"").count(), 1);
    // A summary saved as JSON text reads the same.
    let text = JsValue::from_str(r#"{"timeBuckets":[],"bucket":"day"}"#);
    assert!(jobs_trend_svg(text, None)
        .unwrap()
        .contains("No jobs with a start time."));
}

#[wasm_bindgen_test]
fn the_csv_comes_from_a_js_array() {
    let csv = jobs_to_csv(
        parse(&format!("[{HOSTILE_JOB}]")),
        Some(parse(r#"{"bom":true}"#)),
    )
    .unwrap();
    assert!(csv.starts_with("\u{feff}SynchronizationJobId,"));
    assert!(csv.contains(",\"'=HYPERLINK(\"\"javascript:alert(1)\"\")\","));
    assert!(csv.ends_with(",users,created,2,1,1,\r\n"));
    let wide = jobs_to_csv(parse("[]"), Some(parse(r#"{"layout":"wide"}"#))).unwrap();
    assert_eq!(wide.lines().count(), 1);
}

#[wasm_bindgen_test]
fn defining_the_element_needs_custom_elements() {
    let registry = get(&js_sys::global(), "customElements");
    if registry.is_undefined() {
        let error = define_job_report_element(None).expect_err("no customElements in Node");
        let message: String = error.dyn_ref::<js_sys::Error>().unwrap().message().into();
        assert!(message.contains("customElements"), "{message}");
    } else {
        let class = define_job_report_element(Some("eiam-test-common-report".into())).unwrap();
        assert!(class.is_function());
    }
}
