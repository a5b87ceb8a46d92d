//! The parse functions' typed errors: `EiamSyncParseError` with its code,
//! path, line and column for syntax errors, wrong types, missing fields,
//! out-of-range numbers and unknown values in strict mode; and the
//! `isEiamSync*Error` guards that recognise them.

use eiam_sync::js::{is_eiam_sync_error, is_eiam_sync_parse_error};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use super::{
    at, bytes, code_path, get, get_job, list_jobs, list_with, object, ok, pair, pull_config,
    push_config, strict, text, thrown, Thrown, SEED_003, SEED_004,
};

// ---------------------------------------------------------------- errors

#[wasm_bindgen_test]
fn a_syntax_error_is_a_js_error_with_code_path_line_and_column() {
    let error =
        list_jobs(text("{\n  \"TotalCount\": 1,\n  \"NextToken\": x\n}"), None).unwrap_err();
    assert!(error.is_instance_of::<js_sys::Error>());
    assert_eq!(
        get(&error, "name").as_string().as_deref(),
        Some("EiamSyncParseError")
    );
    let t = thrown(Err(error));
    assert_eq!(
        t,
        Thrown {
            code: "syntax".into(),
            path: "NextToken".into(),
            line: Some(3.0),
            column: Some(16.0)
        }
    );
}

#[wasm_bindgen_test]
fn a_wrong_type_names_its_path_for_text_and_bytes() {
    let body = list_with(r#""Status": "success""#, r#""Status": 7"#);
    for input in [text(&body), bytes(body.as_bytes())] {
        let t = thrown(list_jobs(input, None));
        assert_eq!(
            (t.code.as_str(), t.path.as_str()),
            ("type", "SynchronizationJobs[0].Status")
        );
        assert_eq!(t.line, Some(14.0));
        assert!(t.column.is_some());
    }
}

#[wasm_bindgen_test]
fn object_input_errors_have_null_line_and_column() {
    let body = list_with(r#""Total": 5,"#, r#""Total": -5,"#);
    let t = thrown(list_jobs(object(&body), None));
    assert_eq!(
        t,
        Thrown {
            code: "type".into(),
            path: "SynchronizationJobs[0].Result.UserStatistics.Exported.Total".into(),
            line: None,
            column: None,
        }
    );
    let error = list_jobs(object(&body), None).unwrap_err();
    assert!(get(&error, "line").is_null(), "line is null, not undefined");
    assert!(
        get(&error, "column").is_null(),
        "column is null, not undefined"
    );
}

#[wasm_bindgen_test]
fn missing_or_null_required_fields_are_missing_field_at_their_path() {
    assert_eq!(
        code_path(get_job(text(r#"{"RequestId":"r"}"#), None)),
        pair("missing_field", "SynchronizationJob")
    );
    assert_eq!(
        code_path(get_job(object(r#"{"SynchronizationJob":null}"#), None)),
        pair("missing_field", "SynchronizationJob")
    );
    assert_eq!(
        code_path(push_config(text("{}"), None)),
        pair("missing_field", "UdPushConfiguration")
    );
    assert_eq!(
        code_path(pull_config(text("{}"), None)),
        pair("missing_field", "UdPullConfiguration")
    );
    assert_eq!(
        code_path(list_jobs(text(r#"{"TotalCount":0}"#), None)),
        pair("missing_field", "SynchronizationJobs")
    );
    let no_id = r#"{"SynchronizationJobs":[{"SynchronizationJobId":"a"},{"Status":"running"}]}"#;
    assert_eq!(
        code_path(list_jobs(text(no_id), None)),
        pair(
            "missing_field",
            "SynchronizationJobs[1].SynchronizationJobId"
        )
    );
    let null_id = list_with(
        r#""SynchronizationJobId": "sync_0000347vjovtcf41li0fgsd98gn24q9njxxxxx\n""#,
        r#""SynchronizationJobId": null"#,
    );
    assert_eq!(
        code_path(list_jobs(text(&null_id), None)),
        pair(
            "missing_field",
            "SynchronizationJobs[0].SynchronizationJobId"
        )
    );
}

#[wasm_bindgen_test]
fn numbers_beyond_2_pow_53_negative_and_fractional_counts_are_refused() {
    let big = list_with(
        r#""StartTime": 1649830226000"#,
        r#""StartTime": 9007199254740993"#,
    );
    assert_eq!(
        code_path(list_jobs(text(&big), None)),
        pair("number_out_of_range", "SynchronizationJobs[0].StartTime")
    );
    let big_count = list_with(r#""TotalCount": 100"#, r#""TotalCount": 9007199254740993"#);
    assert_eq!(
        code_path(list_jobs(bytes(big_count.as_bytes()), None)),
        pair("number_out_of_range", "TotalCount")
    );
    for bad in ["-1", "1.5"] {
        let body = list_with(r#""TotalCount": 100"#, &format!(r#""TotalCount": {bad}"#));
        assert_eq!(
            code_path(list_jobs(text(&body), None)),
            pair("type", "TotalCount"),
            "{bad}"
        );
    }
    // The largest safe integer itself is fine.
    let max = list_with(r#""TotalCount": 100"#, r#""TotalCount": 9007199254740991"#);
    assert_eq!(
        get(&ok(list_jobs(text(&max), None)), "TotalCount").as_f64(),
        Some(9_007_199_254_740_991.0)
    );
}

#[wasm_bindgen_test]
fn strict_mode_rejects_an_unknown_status_and_lenient_keeps_it() {
    let body = list_with(r#""Status": "success""#, r#""Status": "archived""#);
    let job = at(
        &ok(list_jobs(text(&body), None)),
        &["SynchronizationJobs", "0"],
    );
    assert_eq!(get(&job, "Status").as_string().as_deref(), Some("archived"));
    let t = thrown(list_jobs(text(&body), strict()));
    assert_eq!(
        (t.code.as_str(), t.path.as_str()),
        ("unknown_value", "SynchronizationJobs[0].Status")
    );
    assert!(t.line.is_some());
    let t = thrown(list_jobs(object(&body), strict()));
    assert_eq!((t.code.as_str(), t.line), ("unknown_value", None));
    // Strictness does not leak into the next (lenient) call.
    assert!(list_jobs(text(&body), None).is_ok());
    let push = SEED_003.replacen(
        r#""PeriodicSyncType": "cron""#,
        r#""PeriodicSyncType": "hourly""#,
        1,
    );
    assert_eq!(
        code_path(push_config(text(&push), strict())),
        pair(
            "unknown_value",
            "UdPushConfiguration.PeriodicSyncConfig.PeriodicSyncType"
        )
    );
}

#[wasm_bindgen_test]
fn a_wrong_json_type_at_any_level_is_a_type_error_at_that_path() {
    let list_cases: [(&str, &str, &str); 8] = [
        (
            r#""TotalCount": 100"#,
            r#""TotalCount": "100""#,
            "TotalCount",
        ),
        (
            r#""NextToken": "NTxxxexample""#,
            r#""NextToken": 5"#,
            "NextToken",
        ),
        (
            r#""Direction": "ingress""#,
            r#""Direction": ["ingress"]"#,
            "SynchronizationJobs[0].Direction",
        ),
        (
            r#""StartTime": 1649830226000"#,
            r#""StartTime": true"#,
            "SynchronizationJobs[0].StartTime",
        ),
        (
            r#""Result": {"#,
            r#""Result": 1, "R": {"#,
            "SynchronizationJobs[0].Result",
        ),
        (
            r#""UserStatistics": {"#,
            r#""UserStatistics": [], "U": {"#,
            "SynchronizationJobs[0].Result.UserStatistics",
        ),
        (
            r#""Total": 5,"#,
            r#""Total": {},"#,
            "SynchronizationJobs[0].Result.UserStatistics.Exported.Total",
        ),
        (
            r#""SynchronizationJobs": ["#,
            r#""SynchronizationJobs": {"x": ["#,
            "SynchronizationJobs",
        ),
    ];
    for (from, to, path) in list_cases {
        let body = list_with(from, to);
        let result = list_jobs(text(&body), None);
        // The last case is no longer valid JSON; every other one must be a type error.
        if path == "SynchronizationJobs" {
            assert!(result.is_err());
            continue;
        }
        assert_eq!(code_path(result), pair("type", path), "{to}");
        assert_eq!(
            code_path(list_jobs(object(&body), None)),
            pair("type", path),
            "{to} (object)"
        );
    }
    let job_as_string = r#"{"SynchronizationJobs":["sync_1"]}"#;
    assert_eq!(
        code_path(list_jobs(text(job_as_string), None)),
        pair("type", "SynchronizationJobs[0]")
    );
    let root_as_array = "[{\"SynchronizationJob\":{\"SynchronizationJobId\":\"a\"}}]";
    assert_eq!(
        code_path(get_job(text(root_as_array), None)),
        pair("type", "")
    );
    let push = SEED_003.replacen(r#""ou_12121xxxx""#, "12121", 1);
    assert_eq!(
        code_path(push_config(text(&push), None)),
        pair(
            "type",
            "UdPushConfiguration.UdSyncScopeConfigs[0].SourceScopes[0]"
        )
    );
    let pull = SEED_004.replacen(
        r#""PeriodicSyncTimes": 0"#,
        r#""PeriodicSyncTimes": {"h": 3}"#,
        1,
    );
    assert_eq!(
        code_path(pull_config(text(&pull), None)),
        pair(
            "type",
            "UdPullConfiguration.PeriodicSyncConfig.PeriodicSyncTimes"
        )
    );
    let pull = SEED_004.replacen(
        r#""UserDeletedThreshold": 30"#,
        r#""UserDeletedThreshold": "30""#,
        1,
    );
    assert_eq!(
        code_path(pull_config(text(&pull), None)),
        pair(
            "type",
            "UdPullConfiguration.PullProtectedRule.UserDeletedThreshold"
        )
    );
}

// ---------------------------------------------------------------- guards

#[wasm_bindgen_test]
fn the_guards_recognise_parse_errors_only() {
    let parse_error = list_jobs(text("{"), None).unwrap_err();
    assert!(is_eiam_sync_error(parse_error.clone()));
    assert!(is_eiam_sync_parse_error(parse_error));

    let other: JsValue = js_sys::Error::new("boom").into();
    assert!(!is_eiam_sync_error(other.clone()));
    assert!(!is_eiam_sync_parse_error(other));
    let renamed = js_sys::Error::new("boom");
    renamed.set_name("EiamSyncApiErrorX");
    assert!(!is_eiam_sync_error(renamed.clone().into()));
    assert!(!is_eiam_sync_parse_error(renamed.into()));
    let type_error: JsValue = js_sys::TypeError::new("boom").into();
    assert!(!is_eiam_sync_error(type_error));

    // Not an Error at all, even with the right name.
    let look_alike =
        object(r#"{"name":"EiamSyncParseError","code":"syntax","path":"","line":1,"column":1}"#);
    assert!(!is_eiam_sync_error(look_alike.clone()));
    assert!(!is_eiam_sync_parse_error(look_alike));
    for value in [
        text("EiamSyncParseError"),
        JsValue::NULL,
        JsValue::UNDEFINED,
        JsValue::from_f64(0.0),
    ] {
        assert!(!is_eiam_sync_error(value.clone()), "{value:?}");
        assert!(!is_eiam_sync_parse_error(value.clone()), "{value:?}");
    }
}
