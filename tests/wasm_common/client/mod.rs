//! `EiamSyncClient` against real `eiam-emulator` + `eiam-sync-proxy` pairs on
//! 127.0.0.1, in Node and in headless Chromium (where CORS, preflights and
//! exposed headers are the browser's own).
//!
//! `cargo xtask test` starts one pair per scenario (xtask/src/services.rs)
//! and passes their addresses at build time in `EIAM_SYNC_TEST_SERVICES`: a
//! browser page cannot read the environment. Built without it (a plain
//! `cargo test --target wasm32-unknown-unknown`), these tests say so and pass.
//!
//! This module holds what the tests share (the services' addresses, the
//! emulator's introspection, client and request helpers); the tests
//! are grouped by what they check:
//! - `operations`: successful calls, paging (`listAll`, `maxPages`, `pages()`);
//! - `retries`: recovery from faults, throttling waits, timeouts;
//! - `errors`: calls that end in a typed error or an abort;
//! - `options`: request validation, client and call options, `headers` and
//!   `onProgress` callbacks.

use eiam_sync::js::EiamSyncClient;
use js_sys::{Array, Function, Object, Promise, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::console_log;

mod errors;
mod operations;
mod options;
mod retries;

/// The services' addresses, as JSON (see xtask/src/services.rs).
const SERVICES: Option<&str> = option_env!("EIAM_SYNC_TEST_SERVICES");

// ------------------------------------------------------------ helpers

/// An emulator + proxy pair.
struct Pair {
    proxy: String,
    emulator: String,
}

fn services() -> Option<JsValue> {
    SERVICES.map(|json| JSON::parse(json).expect("EIAM_SYNC_TEST_SERVICES is JSON"))
}

/// The pair of a scenario, or `None` (and a note) when the tests were built
/// without services.
fn pair(name: &str) -> Option<Pair> {
    let Some(services) = services() else {
        console_log!(
            "client tests skipped: built without EIAM_SYNC_TEST_SERVICES (run `cargo xtask test`)"
        );
        return None;
    };
    let entry = get(&services, name);
    Some(Pair {
        proxy: string(&get(&entry, "proxy")),
        emulator: string(&get(&entry, "emulator")),
    })
}

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).expect("Reflect.get on an object")
}

fn set(target: &JsValue, key: &str, value: &JsValue) {
    Reflect::set(target, &JsValue::from_str(key), value).expect("Reflect.set on an object");
}

fn string(value: &JsValue) -> String {
    value
        .as_string()
        .unwrap_or_else(|| panic!("expected a string, found {value:?}"))
}

fn number(value: &JsValue) -> f64 {
    value
        .as_f64()
        .unwrap_or_else(|| panic!("expected a number, found {value:?}"))
}

fn object(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON must be valid")
}

fn stringify(value: &JsValue) -> String {
    JSON::stringify(value)
        .expect("JSON-serialisable")
        .as_string()
        .expect("a string")
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// A JS function from source (test code only).
fn js(args: &str, body: &str) -> Function {
    Function::new_with_args(args, body)
}

/// Awaits a promise-returning JS function call.
async fn call_js(function: &Function, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let array = Array::new();
    for arg in args {
        array.push(arg);
    }
    let value = function.apply(&JsValue::UNDEFINED, &array)?;
    JsFuture::from(Promise::resolve(&value)).await
}

async fn sleep(ms: u32) {
    let promise = Promise::new(&mut |resolve, _| {
        let set_timeout = get(&js_sys::global(), "setTimeout")
            .dyn_into::<Function>()
            .expect("setTimeout");
        set_timeout
            .call2(&JsValue::UNDEFINED, &resolve, &JsValue::from(ms))
            .expect("setTimeout");
    });
    JsFuture::from(promise).await.expect("a timer resolves");
}

/// `GET url` as JSON (the emulator's introspection answers).
async fn get_json(url: &str) -> JsValue {
    let fetch = js("url", "return fetch(url).then((r) => r.json());");
    call_js(&fetch, &[&JsValue::from_str(url)])
        .await
        .unwrap_or_else(|e| panic!("GET {url}: {e:?}"))
}

/// How many API requests the emulator has received.
async fn request_count(pair: &Pair) -> f64 {
    number(&get(
        &get_json(&format!("{}/_emulator/requests", pair.emulator)).await,
        "count",
    ))
}

/// The emulator's first instance: its ID, identity providers and job count.
struct Instance {
    id: String,
    providers: Vec<String>,
    job_count: f64,
}

async fn instance(pair: &Pair) -> Instance {
    let catalog = get_json(&format!("{}/_emulator/catalog", pair.emulator)).await;
    let first = Array::from(&get(&catalog, "instances")).get(0);
    Instance {
        id: string(&get(&first, "InstanceId")),
        providers: Array::from(&get(&first, "IdentityProviders"))
            .iter()
            .map(|p| string(&p))
            .collect(),
        job_count: number(&get(&first, "JobCount")),
    }
}

/// A client of `pair`'s proxy with extra options (JSON).
fn client(pair: &Pair, options: &str) -> EiamSyncClient {
    let options = object(options);
    set(&options, "proxyUrl", &JsValue::from_str(&pair.proxy));
    EiamSyncClient::new(options).expect("valid options")
}

async fn settle(promise: Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(promise).await
}

/// `{ InstanceId }` plus more fields (JSON without braces).
fn request(instance: &str, more: &str) -> JsValue {
    let more = if more.is_empty() {
        String::new()
    } else {
        format!(",{more}")
    };
    object(&format!("{{\"InstanceId\":\"{instance}\"{more}}}"))
}

fn job_ids(result: &JsValue) -> Vec<String> {
    Array::from(&get(result, "jobs"))
        .iter()
        .map(|job| string(&get(&job, "SynchronizationJobId")))
        .collect()
}

/// `{ signal: controller.signal }` and the controller.
fn abortable() -> (JsValue, web_sys::AbortController) {
    let controller = web_sys::AbortController::new().expect("AbortController");
    let options = Object::new();
    set(&options, "signal", &controller.signal());
    (options.into(), controller)
}

/// A check that the module still works after a failure: a normal call succeeds.
async fn still_works() {
    let Some(normal) = pair("normal") else { return };
    let instance = instance(&normal).await;
    let page = settle(
        client(&normal, "{}")
            .list_synchronization_jobs(request(&instance.id, "\"MaxResults\":2"), None),
    )
    .await
    .expect("a call after a failure succeeds");
    assert_eq!(Array::from(&get(&page, "SynchronizationJobs")).length(), 2);
}
