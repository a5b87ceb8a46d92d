//! Binding tests of the eight `validate*` exports, in Node and headless
//! Chromium: real JS values in, the report read back the way JS would.
//! Expectations are written by hand from the inputs.

use eiam_sync::js::{
    validate_get_identity_provider_ud_pull_configuration_request,
    validate_get_identity_provider_ud_push_configuration_request,
    validate_get_synchronization_job_request, validate_list_synchronization_jobs,
    validate_list_synchronization_jobs_request, validate_synchronization_job,
    validate_ud_pull_configuration, validate_ud_push_configuration,
};
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const JOB_SEED: &str = include_str!("../fixtures/seeds/000_a37390e649ee0c38.example.json");
const LIST_SEED: &str = include_str!("../fixtures/seeds/002_d4e6738e55fed7fe.example.json");
const PUSH_SEED: &str = include_str!("../fixtures/seeds/003_d72d94bc1cfa3e23.example.json");
const PULL_SEED: &str = include_str!("../fixtures/seeds/004_e3c034491c40503c.example.json");

/// Every export, as a plain function of `(value, options)`.
type Validator = fn(JsValue, Option<JsValue>) -> JsValue;

const VALIDATORS: [Validator; 8] = [
    |v, o| validate_synchronization_job(v, o).into(),
    |v, o| validate_list_synchronization_jobs(v, o).into(),
    |v, o| validate_ud_push_configuration(v, o).into(),
    |v, o| validate_ud_pull_configuration(v, o).into(),
    |v, o| validate_list_synchronization_jobs_request(v, o).into(),
    |v, o| validate_get_synchronization_job_request(v, o).into(),
    |v, o| validate_get_identity_provider_ud_push_configuration_request(v, o).into(),
    |v, o| validate_get_identity_provider_ud_pull_configuration_request(v, o).into(),
];

fn object(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON must be valid")
}

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).expect("Reflect.get on an object")
}

/// `root[key]` of a seed, as a parsed JS object.
fn seed_part(seed: &str, key: &str) -> JsValue {
    get(&object(seed), key)
}

/// Checks the report's documented shape; returns `(path, code, severity)` per issue.
fn triples(report: &JsValue) -> Vec<(String, String, String)> {
    assert_eq!(
        Object::get_prototype_of(report),
        Object::get_prototype_of(&Object::new())
    );
    let valid = get(report, "valid").as_bool().expect("valid is a boolean");
    let issues = get(report, "issues");
    assert!(Array::is_array(&issues), "issues is an array");
    let mut out = Vec::new();
    let mut has_error = false;
    for issue in Array::from(&issues).iter() {
        let text = |key: &str| get(&issue, key).as_string().expect("a string field");
        assert!(!text("message").is_empty());
        let severity = text("severity");
        assert!(severity == "error" || severity == "warning", "{severity}");
        has_error |= severity == "error";
        out.push((text("path"), text("code"), severity));
    }
    assert_eq!(valid, !has_error, "valid is false exactly with an error");
    out
}

fn triple(path: &str, code: &str, severity: &str) -> (String, String, String) {
    (path.to_owned(), code.to_owned(), severity.to_owned())
}

fn message(report: &JsValue, index: u32) -> String {
    let issue = Array::from(&get(report, "issues")).get(index);
    get(&issue, "message").as_string().expect("message")
}

#[wasm_bindgen_test]
fn every_export_returns_a_report() {
    for validate in VALIDATORS {
        triples(&validate(object("{}"), None));
    }
}

#[wasm_bindgen_test]
fn seeds_report_their_quirks_with_paths_relative_to_the_argument() {
    let job = seed_part(JOB_SEED, "SynchronizationJob");
    let report: JsValue = validate_synchronization_job(job, None).into();
    let found = triples(&report);
    assert_eq!(found.len(), 8);
    assert_eq!(
        found[..3],
        [
            triple("SynchronizationJobId", "id_whitespace", "warning"),
            triple("TargetId", "id_whitespace", "warning"),
            triple(
                "Result.UserStatistics.Created",
                "counts_exceed_total",
                "warning"
            ),
        ]
    );

    let report: JsValue = validate_list_synchronization_jobs(object(LIST_SEED), None).into();
    assert_eq!(
        triples(&report)[2],
        triple(
            "SynchronizationJobs[0].Status",
            "success_with_failures",
            "warning"
        )
    );

    let push = seed_part(PUSH_SEED, "UdPushConfiguration");
    let report: JsValue = validate_ud_push_configuration(push, None).into();
    assert_eq!(triples(&report), []);

    let pull = seed_part(PULL_SEED, "UdPullConfiguration");
    let report: JsValue = validate_ud_pull_configuration(pull, None).into();
    assert_eq!(
        triples(&report),
        [triple("IdentityProviderId", "id_whitespace", "warning")]
    );
}

#[wasm_bindgen_test]
fn options_choose_locale_now_and_strictness() {
    let job = || object(r#"{"SynchronizationJobId":"","StartTime":1649830226000,"Status":"odd"}"#);
    let with = |options: &str| -> JsValue {
        validate_synchronization_job(job(), Some(object(options))).into()
    };
    assert_eq!(
        message(&with(r#"{"locale":"zh-CN"}"#), 0),
        "`SynchronizationJobId` 为空。"
    );
    assert_eq!(
        message(&with(r#"{"locale":"id"}"#), 0),
        "`SynchronizationJobId` kosong."
    );
    assert_eq!(
        message(&with(r#"{"locale":42}"#), 0),
        "`SynchronizationJobId` is empty."
    );

    let codes = |report: &JsValue| -> Vec<String> {
        triples(report)
            .into_iter()
            .map(|(_, code, _)| code)
            .collect()
    };
    assert!(!codes(&with("{}")).contains(&"time_in_future".to_owned()));
    let future = with(r#"{"nowMs":1500000000000}"#);
    assert!(codes(&future).contains(&"time_in_future".to_owned()));

    let lenient = triples(&with("{}"));
    let strict = triples(&with(r#"{"strict":true}"#));
    let status = |found: &[(String, String, String)]| {
        found
            .iter()
            .find(|(path, _, _)| path == "Status")
            .map(|(_, code, severity)| (code.clone(), severity.clone()))
    };
    assert_eq!(
        status(&lenient),
        Some(("unknown_enum_value".into(), "warning".into()))
    );
    assert_eq!(
        status(&strict),
        Some(("unknown_enum_value".into(), "error".into()))
    );
}

#[wasm_bindgen_test]
fn requests_report_missing_ids_and_bad_pages() {
    let report: JsValue = validate_list_synchronization_jobs_request(
        object(r#"{"PageSize":0,"NextToken":"t","Filters":[{}]}"#),
        None,
    )
    .into();
    assert_eq!(
        triples(&report),
        [
            triple("InstanceId", "missing_parameter", "error"),
            triple("PageSize", "page_size_range", "error"),
            triple("PageSize", "both_paging_styles", "warning"),
            triple("Filters[0].Key", "filter_without_key", "error"),
        ]
    );
    let report: JsValue = validate_get_synchronization_job_request(object("{}"), None).into();
    assert_eq!(
        triples(&report),
        [
            triple("InstanceId", "missing_parameter", "error"),
            triple("SynchronizationJobId", "missing_parameter", "error"),
        ]
    );
}

#[wasm_bindgen_test]
fn garbage_is_an_invalid_shape_report_never_a_throw() {
    let mut deep = Array::new();
    for _ in 0..5000 {
        deep = Array::of1(&deep);
    }
    let garbage: Vec<JsValue> = vec![
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from_f64(5.0),
        JsValue::from_str("{}"),
        Array::new().into(),
        js_sys::BigInt::from(10u32).into(),
        js_sys::Symbol::for_("s").into(),
    ];
    for validate in VALIDATORS {
        for value in &garbage {
            let found = triples(&validate(value.clone(), Some(JsValue::from_f64(1.0))));
            assert_eq!(found.len(), 1, "{value:?}");
            assert_eq!(found[0].1, "invalid_shape");
            assert_eq!(found[0].0, "");
        }
    }
    // Nested past the parser's depth limit: the path leads to the offending
    // array, or is "" when the engine's JSON.stringify refuses such depth.
    for validate in VALIDATORS {
        let found = triples(&validate(deep.clone().into(), None));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "invalid_shape");
        let path = &found[0].0;
        assert!(path.is_empty() || path.starts_with("[0][0]"), "{path}");
    }
    let report: JsValue = validate_synchronization_job(object(r#"{"StartTime":"x"}"#), None).into();
    assert_eq!(
        triples(&report),
        [triple("StartTime", "invalid_shape", "error")]
    );
}
