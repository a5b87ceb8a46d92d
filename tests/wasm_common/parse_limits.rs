//! The inputs the parse functions refuse and their limits: empty, truncated
//! and invalid UTF-8 input, duplicate keys, nesting depth, objects without a
//! JSON form, the 64 MiB size limit (and a 10 MB string within it), and the
//! module working on after many failures.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use super::{
    at, bytes, code_path, get, get_job, list_jobs, list_with, object, ok, pair, stringify, text,
    thrown, SEED_002, SEED_002_BYTES,
};

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
