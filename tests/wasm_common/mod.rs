//! Binding tests shared by `wasm_node.rs` (Node) and `wasm_browser.rs`
//! (headless Chromium): the same bodies run in both engines.
//!
//! They call the exported Rust functions of `eiam_sync::js` with real JS
//! values (strings, `Uint8Array`s, `ArrayBuffer`s, `JSON.parse` objects) and
//! inspect what comes back the way JS would (`JSON.stringify`, `in`,
//! `Reflect.get`), so they check the conversions, not just the core.
//!
//! The client's and the reports' tests are built with those features (on by
//! default); without them, `wasm_node` runs the rest on the `eiam-sync/core`
//! build.
//!
//! The parse functions' tests are `parse` (inputs and the shapes of results),
//! `parse_errors` (the typed errors and their guards) and `parse_limits`
//! (refused inputs, sizes and depth, and recovery after failures); this file
//! holds the fixtures and helpers they share.

use eiam_sync::js::{
    parse_get_identity_provider_ud_pull_configuration,
    parse_get_identity_provider_ud_push_configuration, parse_get_synchronization_job,
    parse_list_synchronization_jobs,
};
use js_sys::{Reflect, Uint8Array, JSON};
use wasm_bindgen::{JsCast, JsValue};

mod analyze;
#[cfg(feature = "client")]
mod client;
mod parse;
mod parse_errors;
mod parse_limits;
#[cfg(feature = "reports")]
pub(crate) mod report;
mod validate;

const SEED_000: &str = include_str!("../fixtures/seeds/000_a37390e649ee0c38.example.json");
const SEED_001: &str = include_str!("../fixtures/seeds/001_f0a481d175445d75.example.json");
const SEED_002: &str = include_str!("../fixtures/seeds/002_d4e6738e55fed7fe.example.json");
const SEED_003: &str = include_str!("../fixtures/seeds/003_d72d94bc1cfa3e23.example.json");
const SEED_004: &str = include_str!("../fixtures/seeds/004_e3c034491c40503c.example.json");
const SEED_002_BYTES: &[u8] = include_bytes!("../fixtures/seeds/002_d4e6738e55fed7fe.example.json");

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
