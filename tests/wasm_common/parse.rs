//! The parse functions' inputs and results: every seed reads alike as text,
//! bytes, `ArrayBuffer` and object (with or without a BOM, lenient or strict),
//! and the results have JS shapes: verbatim strings, JS numbers, arrays for
//! `PeriodicSyncTimes`, absent keys for absent or null fields.

use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use super::{
    at, bytes, get, get_job, list_jobs, list_with, object, ok, pull_config, push_config, strict,
    stringify, text, SEED_000, SEED_001, SEED_002, SEED_002_BYTES, SEED_003, SEED_004,
};

fn has(target: &JsValue, key: &str) -> bool {
    Reflect::has(target, &JsValue::from_str(key)).expect("Reflect.has on an object")
}

/// The signature every exported parse function shares, with its result made a plain `JsValue`.
type Parser = fn(JsValue, Option<JsValue>) -> Result<JsValue, JsValue>;

const SEEDS: [(&str, &str, Parser); 5] = [
    ("000", SEED_000, get_job),
    ("001", SEED_001, get_job),
    ("002", SEED_002, list_jobs),
    ("003", SEED_003, push_config),
    ("004", SEED_004, pull_config),
];

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
