//! Binding tests shared by `wasm_node.rs` (Node) and `wasm_browser.rs`
//! (headless Chromium): the same bodies run in both engines.
//!
//! They call the exported Rust functions of `eiam_sync::js` with real JS
//! values (strings, `Uint8Array`s, `ArrayBuffer`s, `JSON.parse` objects) and
//! inspect what comes back the way JS would (`JSON.stringify`, `in`,
//! `Reflect.get`), so they check the conversions, not just the core.

use eiam_sync::js::{
    is_eiam_sync_error, is_eiam_sync_parse_error,
    parse_get_identity_provider_ud_pull_configuration,
    parse_get_identity_provider_ud_push_configuration, parse_get_synchronization_job,
    parse_list_synchronization_jobs,
};
use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

mod analyze;
mod client;
pub(crate) mod report;
mod validate;

const SEED_000: &str = include_str!("../fixtures/seeds/000_a37390e649ee0c38.example.json");
const SEED_001: &str = include_str!("../fixtures/seeds/001_f0a481d175445d75.example.json");
const SEED_002: &str = include_str!("../fixtures/seeds/002_d4e6738e55fed7fe.example.json");
const SEED_003: &str = include_str!("../fixtures/seeds/003_d72d94bc1cfa3e23.example.json");
const SEED_004: &str = include_str!("../fixtures/seeds/004_e3c034491c40503c.example.json");
const SEED_002_BYTES: &[u8] = include_bytes!("../fixtures/seeds/002_d4e6738e55fed7fe.example.json");

/// The signature every exported parse function shares, with its result made a plain `JsValue`.
type Parser = fn(JsValue, Option<JsValue>) -> Result<JsValue, JsValue>;

fn get_job(input: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    parse_get_synchronization_job(input, options).map(JsValue::from)
}
fn list_jobs(input: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    parse_list_synchronization_jobs(input, options).map(JsValue::from)
}
fn push_config(input: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    parse_get_identity_provider_ud_push_configuration(input, options).map(JsValue::from)
}
fn pull_config(input: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    parse_get_identity_provider_ud_pull_configuration(input, options).map(JsValue::from)
}

const SEEDS: [(&str, &str, Parser); 5] = [
    ("000", SEED_000, get_job),
    ("001", SEED_001, get_job),
    ("002", SEED_002, list_jobs),
    ("003", SEED_003, push_config),
    ("004", SEED_004, pull_config),
];

fn text(s: &str) -> JsValue {
    JsValue::from_str(s)
}

fn bytes(b: &[u8]) -> JsValue {
    Uint8Array::from(b).into()
}

fn object(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON must be valid")
}

fn stringify(value: &JsValue) -> String {
    JSON::stringify(value)
        .expect("parse results are JSON-serialisable")
        .as_string()
        .expect("JSON.stringify of an object is a string")
}

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).expect("Reflect.get on an object")
}

/// `target.a.b[0].c`-style access through a list of keys (numeric keys index arrays).
fn at(target: &JsValue, keys: &[&str]) -> JsValue {
    keys.iter()
        .fold(target.clone(), |value, key| get(&value, key))
}

fn has(target: &JsValue, key: &str) -> bool {
    Reflect::has(target, &JsValue::from_str(key)).expect("Reflect.has on an object")
}

fn strict() -> Option<JsValue> {
    Some(object(r#"{"strict":true}"#))
}

fn ok(result: Result<JsValue, JsValue>) -> JsValue {
    match result {
        Ok(value) => value,
        Err(error) => panic!("expected a parse result, got {}", describe(&error)),
    }
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| format!("{error:?}"))
}

/// The fields of a thrown `EiamSyncParseError`, read through `Reflect` as JS would.
#[derive(Debug, PartialEq)]
struct Thrown {
    code: String,
    path: String,
    line: Option<f64>,
    column: Option<f64>,
}

fn thrown(result: Result<JsValue, JsValue>) -> Thrown {
    let error = match result {
        Ok(value) => panic!("expected a parse error, got {}", stringify(&value)),
        Err(error) => error,
    };
    let js_error = error
        .dyn_ref::<js_sys::Error>()
        .unwrap_or_else(|| panic!("thrown value is not an Error: {error:?}"));
    assert_eq!(String::from(js_error.name()), "EiamSyncParseError");
    let message = String::from(js_error.message());
    let position = |key: &str| {
        let value = get(&error, key);
        if value.is_null() {
            None
        } else {
            Some(
                value
                    .as_f64()
                    .unwrap_or_else(|| panic!("{key} is {value:?}")),
            )
        }
    };
    let thrown = Thrown {
        code: get(&error, "code").as_string().expect("code is a string"),
        path: get(&error, "path").as_string().expect("path is a string"),
        line: position("line"),
        column: position("column"),
    };
    assert!(
        message.starts_with(&format!("{}: ", thrown.code)),
        "message {message:?} names the code {}",
        thrown.code
    );
    if !thrown.path.is_empty() {
        assert!(
            message.contains(&thrown.path),
            "message {message:?} names the path"
        );
    }
    thrown
}

fn code_path(result: Result<JsValue, JsValue>) -> (String, String) {
    let t = thrown(result);
    (t.code, t.path)
}

fn pair(code: &str, path: &str) -> (String, String) {
    (code.to_owned(), path.to_owned())
}

/// Seed 002 with one textual replacement (which must apply exactly once).
fn list_with(from: &str, to: &str) -> String {
    assert_eq!(
        SEED_002.matches(from).count(),
        1,
        "{from:?} occurs once in seed 002"
    );
    SEED_002.replacen(from, to, 1)
}

// ---------------------------------------------------------------- inputs

#[wasm_bindgen_test]
fn every_seed_parses_alike_as_text_bytes_and_object() {
    for (name, seed, parse) in SEEDS {
        let from_text = stringify(&ok(parse(text(seed), None)));
        let from_bytes = stringify(&ok(parse(bytes(seed.as_bytes()), None)));
        let from_object = stringify(&ok(parse(object(seed), None)));
        assert_eq!(from_text, from_bytes, "seed {name}: text vs bytes");
        assert_eq!(from_text, from_object, "seed {name}: text vs object");
    }
}

#[wasm_bindgen_test]
fn every_seed_parses_in_strict_mode() {
    for (name, seed, parse) in SEEDS {
        let lenient = stringify(&ok(parse(text(seed), None)));
        let strict = stringify(&ok(parse(text(seed), strict())));
        assert_eq!(lenient, strict, "seed {name}");
    }
}

#[wasm_bindgen_test]
fn an_array_buffer_reads_like_its_bytes() {
    let buffer: ArrayBuffer = Uint8Array::from(SEED_002_BYTES).buffer();
    let from_buffer = stringify(&ok(list_jobs(buffer.into(), None)));
    assert_eq!(from_buffer, stringify(&ok(list_jobs(text(SEED_002), None))));
}

#[wasm_bindgen_test]
fn a_utf8_bom_is_accepted_in_bytes_and_text() {
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(SEED_002_BYTES);
    let expected = stringify(&ok(list_jobs(text(SEED_002), None)));
    assert_eq!(stringify(&ok(list_jobs(bytes(&with_bom), None))), expected);
    let text_with_bom = format!("\u{FEFF}{SEED_002}");
    assert_eq!(
        stringify(&ok(list_jobs(text(&text_with_bom), None))),
        expected
    );
}

#[wasm_bindgen_test]
fn options_that_are_not_an_object_mean_the_defaults() {
    let unknown = list_with(r#""Status": "success""#, r#""Status": "archived""#);
    for options in [
        JsValue::TRUE,
        JsValue::NULL,
        JsValue::UNDEFINED,
        text("strict"),
    ] {
        let job = at(
            &ok(list_jobs(text(&unknown), Some(options))),
            &["SynchronizationJobs", "0"],
        );
        assert_eq!(get(&job, "Status").as_string().as_deref(), Some("archived"));
    }
}

// ---------------------------------------------------------------- results

#[wasm_bindgen_test]
fn ids_ending_in_a_newline_are_kept_verbatim() {
    let job = get(&ok(get_job(text(SEED_000), None)), "SynchronizationJob");
    assert_eq!(
        get(&job, "SynchronizationJobId").as_string().as_deref(),
        Some("sync_0000347vjovtcf41li0fgsd98gn24q9nj9xxxxx\n")
    );
    assert_eq!(
        get(&job, "TargetId").as_string().as_deref(),
        Some("idp_my664lwkhpicbyzirog3nxxxxx\n")
    );
    let listed = at(
        &ok(list_jobs(bytes(SEED_002_BYTES), None)),
        &["SynchronizationJobs", "0"],
    );
    assert_eq!(
        get(&listed, "SynchronizationJobId").as_string().as_deref(),
        Some("sync_0000347vjovtcf41li0fgsd98gn24q9njxxxxx\n")
    );
    let pull = get(
        &ok(pull_config(object(SEED_004), None)),
        "UdPullConfiguration",
    );
    assert_eq!(
        get(&pull, "IdentityProviderId").as_string().as_deref(),
        Some("idp_my664lwkhpicbyzirog3xxxxx\n")
    );
}

#[wasm_bindgen_test]
fn numbers_come_out_as_js_numbers() {
    let response = ok(list_jobs(text(SEED_002), None));
    assert_eq!(get(&response, "TotalCount").as_f64(), Some(100.0));
    let job = at(&response, &["SynchronizationJobs", "0"]);
    assert_eq!(get(&job, "StartTime").as_f64(), Some(1_649_830_226_000.0));
    let exported = at(&job, &["Result", "UserStatistics", "Exported"]);
    assert_eq!(
        stringify(&exported),
        r#"{"Total":5,"Success":2,"Failed":2,"Skipped":1}"#
    );
    let rule = at(
        &ok(pull_config(text(SEED_004), None)),
        &["UdPullConfiguration", "PullProtectedRule"],
    );
    assert_eq!(get(&rule, "UserDeletedThreshold").as_f64(), Some(30.0));
}

#[wasm_bindgen_test]
fn periodic_sync_times_reads_all_four_shapes_as_arrays_of_numbers() {
    let cases: [(&str, &[f64]); 4] = [
        ("0", &[0.0]),
        ("[3,5]", &[3.0, 5.0]),
        (r#"["3"]"#, &[3.0]),
        (r#""3,5""#, &[3.0, 5.0]),
    ];
    for (wire, expected) in cases {
        let body = format!(
            r#"{{"UdPullConfiguration":{{"PeriodicSyncConfig":{{"PeriodicSyncType":"time","PeriodicSyncTimes":{wire}}}}}}}"#
        );
        for input in [text(&body), bytes(body.as_bytes()), object(&body)] {
            let hours = at(
                &ok(pull_config(input, None)),
                &[
                    "UdPullConfiguration",
                    "PeriodicSyncConfig",
                    "PeriodicSyncTimes",
                ],
            );
            assert!(Array::is_array(&hours), "{wire}: an array, not {hours:?}");
            let values: Vec<f64> = Array::from(&hours)
                .iter()
                .map(|v| {
                    v.as_f64()
                        .unwrap_or_else(|| panic!("{wire}: element {v:?} is not a number"))
                })
                .collect();
            assert_eq!(values, expected, "{wire}");
        }
    }
}

#[wasm_bindgen_test]
fn absent_and_null_fields_are_absent_keys() {
    let pending = r#"{"SynchronizationJob":{"SynchronizationJobId":"sync_1","Status":"pending","EndTime":null,"Result":null,"Description":null}}"#;
    for input in [text(pending), object(pending)] {
        let job = get(&ok(get_job(input, None)), "SynchronizationJob");
        for key in [
            "EndTime",
            "Result",
            "Description",
            "StartTime",
            "TargetType",
        ] {
            assert!(
                !has(&job, key),
                "{key:?} in job must be false: {}",
                stringify(&job)
            );
        }
        assert_eq!(
            Object::keys(job.unchecked_ref::<Object>()).length(),
            2,
            "{}",
            stringify(&job)
        );
    }
    let last_page = ok(list_jobs(
        text(r#"{"SynchronizationJobs":[],"NextToken":null}"#),
        None,
    ));
    assert!(!has(&last_page, "NextToken"));
    assert!(!has(&last_page, "RequestId"));
    assert_eq!(
        Array::from(&get(&last_page, "SynchronizationJobs")).length(),
        0
    );
}

#[wasm_bindgen_test]
fn unknown_fields_are_ignored() {
    let body = list_with(
        r#""TotalCount": 100,"#,
        r#""TotalCount": 100, "Extra": {"Nested": [1, {"X": null}]},"#,
    );
    let response = ok(list_jobs(text(&body), strict()));
    assert!(!has(&response, "Extra"));
    assert_eq!(
        stringify(&response),
        stringify(&ok(list_jobs(text(SEED_002), None)))
    );
}

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
fn empty_truncated_and_invalid_utf8_inputs_are_refused_with_positions() {
    for input in [text(""), bytes(b""), text("   \n")] {
        assert_eq!(code_path(list_jobs(input, None)), pair("eof", ""));
    }
    for input in [
        text("null"),
        JsValue::NULL,
        text("[]"),
        JsValue::from_f64(3.0),
        JsValue::TRUE,
    ] {
        assert_eq!(code_path(list_jobs(input, None)), pair("type", ""));
    }
    assert_eq!(
        code_path(list_jobs(JsValue::UNDEFINED, None)),
        pair("type", "")
    );
    let truncated = &SEED_002_BYTES[..SEED_002_BYTES.len() / 2];
    assert_eq!(thrown(list_jobs(bytes(truncated), None)).code, "eof");
    // 0xff inside the NextToken string on line 4.
    let mut invalid = SEED_002_BYTES.to_vec();
    let at_token = SEED_002.find("NTxxx").expect("NextToken value");
    invalid[at_token + 2] = 0xff;
    let t = thrown(list_jobs(bytes(&invalid), None));
    assert_eq!((t.code.as_str(), t.path.as_str()), ("encoding", ""));
    assert_eq!((t.line, t.column), (Some(4.0), Some(19.0)));
}

#[wasm_bindgen_test]
fn duplicate_known_keys_and_deep_nesting_are_refused() {
    let twice = r#"{"SynchronizationJobs":[],"TotalCount":1,"SynchronizationJobs":[]}"#;
    assert_eq!(
        code_path(list_jobs(text(twice), None)),
        pair("duplicate_key", "SynchronizationJobs")
    );
    let status_twice = list_with(
        r#""Status": "success""#,
        r#""Status": "success", "Status": "failed""#,
    );
    assert_eq!(
        code_path(list_jobs(text(&status_twice), None)),
        pair("duplicate_key", "SynchronizationJobs[0].Status")
    );
    // 1,000 arrays deep under an unknown key: the path names the value one
    // level too deep (the root object is level 1, `X` level 2, `X` + 127 × `[0]` level 129).
    let deep = format!(
        r#"{{"X":{}{},"SynchronizationJobs":[]}}"#,
        "[".repeat(1000),
        "]".repeat(1000)
    );
    let expected_path = format!("X{}", "[0]".repeat(127));
    for input in [text(&deep), object(&deep)] {
        assert_eq!(
            code_path(list_jobs(input, None)),
            pair("too_deep", &expected_path)
        );
    }
    // 127 levels under the root are fine.
    let deepest = format!(
        r#"{{"X":{}{},"SynchronizationJobs":[]}}"#,
        "[".repeat(127),
        "]".repeat(127)
    );
    assert!(list_jobs(text(&deepest), None).is_ok());
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
fn object_inputs_without_a_json_form_are_type_errors() {
    let cyclic = Object::new();
    Reflect::set(&cyclic, &text("SynchronizationJobs"), &Array::new()).expect("set");
    Reflect::set(&cyclic, &text("Self"), &cyclic).expect("set");
    assert_eq!(code_path(list_jobs(cyclic.into(), None)), pair("type", ""));
    let with_bigint = object(SEED_002);
    Reflect::set(
        &with_bigint,
        &text("TotalCount"),
        &js_sys::BigInt::from(5u32).into(),
    )
    .expect("set");
    let t = thrown(list_jobs(with_bigint, None));
    assert_eq!(
        (t.code.as_str(), t.path.as_str(), t.line),
        ("type", "", None)
    );
    // The module keeps working.
    assert!(list_jobs(text(SEED_002), None).is_ok());
}

#[wasm_bindgen_test]
fn the_module_keeps_working_after_many_failures() {
    let expected = stringify(&ok(list_jobs(text(SEED_002), None)));
    for i in 0..200 {
        let cut = &SEED_002_BYTES[..(i * 7) % SEED_002_BYTES.len()];
        assert!(list_jobs(bytes(cut), None).is_err());
        assert!(get_job(JsValue::NULL, None).is_err());
    }
    assert_eq!(stringify(&ok(list_jobs(text(SEED_002), None))), expected);
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

#[wasm_bindgen_test]
fn a_ten_megabyte_description_is_kept_whole() {
    let description = "d".repeat(10 * 1024 * 1024);
    let body = list_with(
        r#""Description": " Description""#,
        &format!(r#""Description": "{description}""#),
    );
    let job = at(
        &ok(list_jobs(bytes(body.as_bytes()), None)),
        &["SynchronizationJobs", "0"],
    );
    let kept = get(&job, "Description")
        .as_string()
        .expect("Description is a string");
    assert_eq!(kept.len(), description.len());
}

#[wasm_bindgen_test]
fn an_input_over_64_mib_is_too_large() {
    let limit = 64 * 1024 * 1024;
    let mut padded = vec![b' '; limit + 1 - SEED_002_BYTES.len()];
    padded.extend_from_slice(SEED_002_BYTES);
    assert_eq!(padded.len(), limit + 1);
    let t = thrown(list_jobs(bytes(&padded), None));
    assert_eq!((t.code.as_str(), t.path.as_str()), ("too_large", ""));
    // Exactly at the limit is accepted.
    assert!(list_jobs(bytes(&padded[1..]), None).is_ok());
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
