//! `EiamSyncClient` against real `eiam-emulator` + `eiam-sync-proxy` pairs on
//! 127.0.0.1, in Node and in headless Chromium (where CORS, preflights and
//! exposed headers are the browser's own).
//!
//! `cargo xtask test` starts one pair per scenario (xtask/src/services.rs)
//! and passes their addresses at build time in `EIAM_SYNC_TEST_SERVICES`: a
//! browser page cannot read the environment. Built without it (a plain
//! `cargo test --target wasm32-unknown-unknown`), these tests say so and pass.

use eiam_sync::js::{
    is_eiam_sync_api_error, is_eiam_sync_network_error, is_eiam_sync_parse_error,
    is_eiam_sync_timeout_error, is_eiam_sync_validation_error, parse_get_synchronization_job,
    EiamSyncClient,
};
use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array, JSON};
use std::collections::HashSet;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{console_log, wasm_bindgen_test};

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

/// Wraps `globalThis.fetch` to record each call's times, status and
/// rate-limit headers; restores it when dropped.
struct FetchRecorder {
    handle: JsValue,
}

impl FetchRecorder {
    fn install() -> Self {
        let install = js(
            "",
            r#"
            const original = globalThis.fetch;
            const log = [];
            globalThis.fetch = async function (input, init) {
              const entry = { url: String(input), start: Date.now(), end: null, status: null,
                              rateLimit: null, retryAfter: null, failed: false };
              log.push(entry);
              try {
                const response = await original.call(globalThis, input, init);
                entry.end = Date.now();
                entry.status = response.status;
                entry.rateLimit = response.headers.get("x-ratelimit-user");
                entry.retryAfter = response.headers.get("retry-after");
                return response;
              } catch (error) {
                entry.end = Date.now();
                entry.failed = true;
                throw error;
              }
            };
            return { log, restore() { globalThis.fetch = original; } };
            "#,
        );
        FetchRecorder {
            handle: install
                .call0(&JsValue::UNDEFINED)
                .expect("install the recorder"),
        }
    }

    /// The recorded calls to `base` (a proxy), oldest first.
    fn entries(&self, base: &str) -> Vec<JsValue> {
        Array::from(&get(&self.handle, "log"))
            .iter()
            .filter(|entry| string(&get(entry, "url")).starts_with(&format!("{base}/")))
            .collect()
    }
}

impl Drop for FetchRecorder {
    fn drop(&mut self) {
        let restore = get(&self.handle, "restore").unchecked_into::<Function>();
        let _ = restore.call0(&self.handle);
    }
}

/// The `TimeLeft` of an `x-ratelimit-user` value.
fn time_left(rate_limit: &str) -> f64 {
    rate_limit
        .split(',')
        .find_map(|part| part.trim().strip_prefix("TimeLeft:"))
        .and_then(|ms| ms.parse().ok())
        .unwrap_or_else(|| panic!("no TimeLeft in {rate_limit:?}"))
}

/// Waits (polling) until `done` holds, for at most 10 s.
async fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let started = now();
    while !done() {
        assert!(now() - started < 10_000.0, "timed out waiting for {what}");
        sleep(5).await;
    }
}

// ------------------------------------------------------------ operations

#[wasm_bindgen_test]
async fn client_all_four_operations_resolve_to_parsed_responses() {
    let Some(normal) = pair("normal") else { return };
    let instance = instance(&normal).await;
    let client = client(&normal, "{}");

    let page =
        settle(client.list_synchronization_jobs(request(&instance.id, "\"MaxResults\":3"), None))
            .await
            .expect("ListSynchronizationJobs");
    assert_eq!(number(&get(&page, "TotalCount")), instance.job_count);
    assert!(get(&page, "RequestId").is_string());
    let jobs = Array::from(&get(&page, "SynchronizationJobs"));
    assert_eq!(jobs.length(), 3);
    assert!(get(&page, "NextToken").is_string());
    let job_id = string(&get(&jobs.get(1), "SynchronizationJobId"));

    let more = format!("\"SynchronizationJobId\":\"{job_id}\"");
    let job = settle(client.get_synchronization_job(request(&instance.id, &more), None))
        .await
        .expect("GetSynchronizationJob");
    assert!(get(&job, "RequestId").is_string());
    let job_object = get(&job, "SynchronizationJob");
    assert_eq!(stringify(&job_object), stringify(&jobs.get(1)));

    // The same object the parse function gives for the same call, sent by hand.
    let by_hand = js(
        "url",
        "return fetch(url, { method: 'POST' }).then((r) => r.arrayBuffer()).then((b) => new Uint8Array(b));",
    );
    let url = format!(
        "{}/GetSynchronizationJob?InstanceId={}&SynchronizationJobId={job_id}",
        normal.proxy, instance.id
    );
    let bytes: Uint8Array = call_js(&by_hand, &[&JsValue::from_str(&url)])
        .await
        .expect("a direct call")
        .unchecked_into();
    let parsed: JsValue = parse_get_synchronization_job(bytes.into(), None)
        .expect("a valid response")
        .into();
    assert_eq!(
        stringify(&get(&parsed, "SynchronizationJob")),
        stringify(&job_object)
    );

    let provider = format!("\"IdentityProviderId\":\"{}\"", instance.providers[0]);
    let push = settle(
        client.get_identity_provider_ud_push_configuration(request(&instance.id, &provider), None),
    )
    .await
    .expect("GetIdentityProviderUdPushConfiguration");
    let push_config = get(&push, "UdPushConfiguration");
    assert!(push_config.is_object());
    assert_eq!(
        string(&get(&push_config, "IdentityProviderId")),
        instance.providers[0]
    );
    let pull = settle(
        client.get_identity_provider_ud_pull_configuration(request(&instance.id, &provider), None),
    )
    .await
    .expect("GetIdentityProviderUdPullConfiguration");
    let pull_config = get(&pull, "UdPullConfiguration");
    assert!(pull_config.is_object());
    assert_eq!(
        string(&get(&pull_config, "IdentityProviderId")),
        instance.providers[0]
    );
}

#[wasm_bindgen_test]
async fn client_list_all_returns_every_job_once_with_monotonic_progress() {
    let Some(normal) = pair("normal") else { return };
    let instance = instance(&normal).await;
    assert!(
        instance.job_count >= 1000.0,
        "the normal emulator has at least 1,000 jobs"
    );
    let progress = Array::new();
    let record = js("log", "return (p) => { log.push(p); };")
        .call1(&JsValue::UNDEFINED, &progress)
        .expect("a recorder");
    let options = Object::new();
    set(&options, "onProgress", &record);
    let result = settle(
        client(&normal, "{}")
            .list_all_synchronization_jobs(request(&instance.id, ""), Some(options.into())),
    )
    .await
    .expect("listAllSynchronizationJobs");
    let ids = job_ids(&result);
    assert_eq!(ids.len() as f64, instance.job_count);
    assert_eq!(
        ids.iter().collect::<HashSet<_>>().len(),
        ids.len(),
        "no duplicate IDs"
    );
    assert_eq!(number(&get(&result, "totalCount")), instance.job_count);
    assert!(get(&result, "nextToken").is_undefined());

    let steps: Vec<(f64, f64, f64)> = progress
        .iter()
        .map(|p| {
            (
                number(&get(&p, "pagesFetched")),
                number(&get(&p, "jobsFetched")),
                number(&get(&p, "totalCount")),
            )
        })
        .collect();
    assert_eq!(
        steps.len() as f64,
        (instance.job_count / 100.0).ceil(),
        "pages of 100"
    );
    for (index, pair) in steps.windows(2).enumerate() {
        assert_eq!(
            pair[1].0,
            pair[0].0 + 1.0,
            "pagesFetched counts up at {index}"
        );
        assert!(pair[1].1 > pair[0].1, "jobsFetched grows at {index}");
    }
    assert!(steps.iter().all(|s| s.2 == instance.job_count));
    assert_eq!(
        steps.last().map(|s| s.1),
        Some(instance.job_count),
        "ends at the total"
    );
}

#[wasm_bindgen_test]
async fn client_max_pages_stops_early_and_the_token_resumes() {
    let Some(normal) = pair("normal") else { return };
    let instance = instance(&normal).await;
    let client = client(&normal, "{}");
    let everything = settle(client.list_all_synchronization_jobs(request(&instance.id, ""), None))
        .await
        .expect("the whole list");

    let first = settle(client.list_all_synchronization_jobs(
        request(&instance.id, ""),
        Some(object(r#"{"maxPages":3}"#)),
    ))
    .await
    .expect("three pages");
    assert_eq!(job_ids(&first).len(), 300);
    let token = string(&get(&first, "nextToken"));
    let rest = settle(client.list_all_synchronization_jobs(
        request(
            &instance.id,
            &format!("\"NextToken\":\"{token}\",\"MaxResults\":100"),
        ),
        None,
    ))
    .await
    .expect("the rest");
    assert!(get(&rest, "nextToken").is_undefined());
    let mut joined = job_ids(&first);
    joined.extend(job_ids(&rest));
    assert_eq!(joined, job_ids(&everything));

    // Page-number style: stops with the page to resume from.
    let numbered = settle(client.list_all_synchronization_jobs(
        request(&instance.id, "\"PageNumber\":1,\"PageSize\":100"),
        Some(object(r#"{"maxPages":2}"#)),
    ))
    .await
    .expect("two numbered pages");
    assert_eq!(number(&get(&numbered, "nextPageNumber")), 3.0);
    assert!(get(&numbered, "nextToken").is_undefined());
    let rest = settle(client.list_all_synchronization_jobs(
        request(&instance.id, "\"PageNumber\":3,\"PageSize\":100"),
        None,
    ))
    .await
    .expect("numbered pages from 3");
    let mut joined = job_ids(&numbered);
    joined.extend(job_ids(&rest));
    assert_eq!(joined, job_ids(&everything));
}

#[wasm_bindgen_test]
async fn client_pages_is_an_async_iterable() {
    let Some(normal) = pair("normal") else { return };
    let instance = instance(&normal).await;
    let client = client(&normal, "{}");
    let walk = js(
        "pages, stopAfter",
        r#"return (async () => {
             const ids = [];
             let count = 0;
             for await (const page of pages) {
               count += 1;
               for (const job of page.SynchronizationJobs) ids.push(job.SynchronizationJobId);
               if (count === stopAfter) break;
             }
             return { ids, pages: count };
           })();"#,
    );
    let all = client.pages(request(&instance.id, "\"MaxResults\":100"), None);
    let outcome = call_js(&walk, &[&all.into(), &JsValue::from(0)])
        .await
        .expect("for await");
    assert_eq!(
        Array::from(&get(&outcome, "ids")).length() as f64,
        instance.job_count
    );
    assert_eq!(
        number(&get(&outcome, "pages")),
        (instance.job_count / 100.0).ceil()
    );

    let pages = client.pages(request(&instance.id, "\"MaxResults\":100"), None);
    let handle: JsValue = pages.into();
    let outcome = call_js(&walk, &[&handle, &JsValue::from(2)])
        .await
        .expect("for await, then break");
    assert_eq!(Array::from(&get(&outcome, "ids")).length(), 200);
    let token = string(&get(&handle, "nextToken"));
    let next = get(&handle, "next").unchecked_into::<Function>();
    let after_break = settle(next.call0(&handle).expect("next()").unchecked_into())
        .await
        .expect("next() after return()");
    assert_eq!(get(&after_break, "done"), JsValue::TRUE);
    let rest = settle(client.list_all_synchronization_jobs(
        request(&instance.id, &format!("\"NextToken\":\"{token}\"")),
        None,
    ))
    .await
    .expect("resumed from the iterator's nextToken");
    assert_eq!(job_ids(&rest).len() as f64 + 200.0, instance.job_count);
}

// ------------------------------------------------------------ faults

/// listAll on a faulty pair gives exactly the normal pair's result, and the
/// emulator shows the faults were met (more requests than pages).
async fn recovers_like_a_fault_free_run(scenario: &str) {
    let (Some(normal), Some(faulty)) = (pair("normal"), pair(scenario)) else {
        return;
    };
    let instance = instance(&normal).await;
    assert_eq!(
        instance.id,
        self::instance(&faulty).await.id,
        "same seed, same data"
    );
    let expected = settle(
        client(&normal, "{}").list_all_synchronization_jobs(request(&instance.id, ""), None),
    )
    .await
    .expect("the fault-free run");
    let before = request_count(&faulty).await;
    let retrying = client(
        &faulty,
        r#"{"retry":{"maxAttempts":10,"baseDelayMs":5,"maxDelayMs":50}}"#,
    );
    let result = settle(retrying.list_all_synchronization_jobs(request(&instance.id, ""), None))
        .await
        .unwrap_or_else(|e| panic!("{scenario}: {e:?}"));
    assert_eq!(
        stringify(&result),
        stringify(&expected),
        "{scenario}: identical results"
    );
    let pages = (instance.job_count / 100.0).ceil();
    let requests = request_count(&faulty).await - before;
    assert!(
        requests > pages,
        "{scenario}: {requests} requests for {pages} pages: faults were retried"
    );
}

#[wasm_bindgen_test]
async fn client_recovers_from_503s() {
    recovers_like_a_fault_free_run("flaky").await;
}

#[wasm_bindgen_test]
async fn client_recovers_from_truncated_bodies() {
    recovers_like_a_fault_free_run("truncating").await;
}

#[wasm_bindgen_test]
async fn client_recovers_from_connection_resets() {
    recovers_like_a_fault_free_run("resetting").await;
}

#[wasm_bindgen_test]
async fn client_waits_at_least_time_left_when_throttled() {
    let Some(throttled) = pair("throttled") else {
        return;
    };
    let instance = instance(&throttled).await;
    let client = client(
        &throttled,
        r#"{"retry":{"maxAttempts":6,"baseDelayMs":1,"maxDelayMs":3000}}"#,
    );
    let recorder = FetchRecorder::install();
    for _ in 0..3 {
        settle(client.list_synchronization_jobs(request(&instance.id, "\"MaxResults\":1"), None))
            .await
            .expect("throttled calls succeed after waiting");
    }
    let entries = recorder.entries(&throttled.proxy);
    drop(recorder);
    let mut throttled_answers = 0;
    for (index, entry) in entries.iter().enumerate() {
        if number(&get(entry, "status")) != 429.0 {
            continue;
        }
        throttled_answers += 1;
        let wait = time_left(&string(&get(entry, "rateLimit")));
        let retry = entries.get(index + 1).expect("a retry follows a 429");
        let waited = number(&get(retry, "start")) - number(&get(entry, "end"));
        // Date.now() has millisecond granularity, and a timer may fire up to
        // 1 ms "early" on that clock: hence the 1 ms allowance.
        assert!(
            waited >= wait - 1.0,
            "waited {waited} ms, TimeLeft was {wait} ms"
        );
    }
    assert!(
        throttled_answers >= 1,
        "the emulator throttled at least once: {}",
        entries.len()
    );
    still_works().await;
}

#[wasm_bindgen_test]
async fn client_honours_retry_after_and_abort_interrupts_the_wait() {
    let Some(limited) = pair("proxyLimited") else {
        return;
    };
    let instance = instance(&limited).await;
    let client = client(
        &limited,
        r#"{"retry":{"maxAttempts":4,"baseDelayMs":1,"maxDelayMs":3000}}"#,
    );
    let list = || request(&instance.id, "\"MaxResults\":1");
    let recorder = FetchRecorder::install();
    // The first call takes the proxy's one token; the second meets 429
    // Throttling.Proxy with Retry-After and waits it out.
    settle(client.list_synchronization_jobs(list(), None))
        .await
        .expect("first call");
    settle(client.list_synchronization_jobs(list(), None))
        .await
        .expect("second call, after Retry-After");
    let entries = recorder.entries(&limited.proxy);
    let throttled = entries
        .iter()
        .position(|e| number(&get(e, "status")) == 429.0)
        .expect("the proxy throttled the second call");
    let retry_after = string(&get(&entries[throttled], "retryAfter"));
    let wait: f64 = retry_after.parse::<f64>().expect("Retry-After in seconds") * 1000.0;
    let retry = &entries[throttled + 1];
    let waited = number(&get(retry, "start")) - number(&get(&entries[throttled], "end"));
    assert!(
        waited >= wait - 1.0,
        "waited {waited} ms for Retry-After {retry_after}"
    );
    assert_eq!(number(&get(retry, "status")), 200.0);

    // Abort during the back-off wait, with a string reason, then with none.
    for reason in [Some("stop now"), None] {
        let seen = recorder.entries(&limited.proxy).len();
        let (options, controller) = abortable();
        let pending = client.list_synchronization_jobs(list(), Some(options));
        let throttled_again = || {
            let entries = recorder.entries(&limited.proxy);
            entries.len() > seen
                && entries[seen..]
                    .iter()
                    .any(|e| get(e, "status").as_f64() == Some(429.0))
        };
        wait_until("a 429 to start a back-off wait", throttled_again).await;
        sleep(20).await;
        let aborted_at = now();
        match reason {
            Some(reason) => controller.abort_with_reason(&JsValue::from_str(reason)),
            None => controller.abort(),
        }
        let error = settle(pending).await.expect_err("an aborted wait rejects");
        assert!(
            now() - aborted_at < 500.0,
            "the wait (>= 1 s) was interrupted at once"
        );
        assert!(
            Object::is(&error, &controller.signal().reason()),
            "rejects with exactly signal.reason"
        );
        match reason {
            Some(reason) => assert_eq!(error.as_string().as_deref(), Some(reason)),
            None => assert_eq!(string(&get(&error, "name")), "AbortError"),
        }
        assert_eq!(
            recorder.entries(&limited.proxy).len(),
            seen + 1,
            "no attempt after the abort"
        );
    }
    drop(recorder);
    still_works().await;
}

#[wasm_bindgen_test]
async fn client_reports_the_wait_it_did_not_take() {
    let Some(limited) = pair("proxyLimited") else {
        return;
    };
    let instance = instance(&limited).await;
    // Retry-After (1 s) is longer than maxDelayMs: the client gives up at once
    // and says how long the answer asked to wait.
    let client = client(
        &limited,
        r#"{"retry":{"maxAttempts":4,"baseDelayMs":1,"maxDelayMs":10}}"#,
    );
    let list = || request(&instance.id, "\"MaxResults\":1");
    let mut throttled = None;
    for _ in 0..3 {
        if let Err(error) = settle(client.list_synchronization_jobs(list(), None)).await {
            throttled = Some(error);
            break;
        }
    }
    let error = throttled.expect("the proxy's limit of 1 request per second was hit");
    assert_eq!(string(&get(&error, "code")), "Throttling.Proxy");
    assert_eq!(get(&error, "retryable"), JsValue::TRUE);
    let wait = number(&get(&error, "retryAfterMs"));
    assert!((10.0..=60_000.0).contains(&wait), "retryAfterMs {wait}");
    sleep(wait as u32 + 50).await;
    still_works().await;
}

#[wasm_bindgen_test]
async fn client_times_out_after_its_retries() {
    let Some(slow) = pair("slow") else { return };
    let instance = instance(&slow).await;
    let client = client(
        &slow,
        r#"{"timeoutMs":300,"retry":{"maxAttempts":2,"baseDelayMs":1,"maxDelayMs":1}}"#,
    );
    let started = now();
    let error = settle(client.list_synchronization_jobs(request(&instance.id, ""), None))
        .await
        .expect_err("the emulator answers after 3 s");
    let elapsed = now() - started;
    assert!(is_eiam_sync_timeout_error(error.clone()), "{error:?}");
    assert_eq!(string(&get(&error, "name")), "EiamSyncTimeoutError");
    assert_eq!(number(&get(&error, "timeoutMs")), 300.0);
    assert!(string(&get(&error, "message")).contains("2 attempts"));
    assert!(
        (600.0..2900.0).contains(&elapsed),
        "two attempts of 300 ms: {elapsed} ms"
    );
    still_works().await;
}

#[wasm_bindgen_test]
async fn client_persistent_failure_is_an_api_error() {
    let Some(down) = pair("down") else { return };
    let instance = instance(&down).await;
    let client = client(
        &down,
        r#"{"retry":{"maxAttempts":3,"baseDelayMs":1,"maxDelayMs":10}}"#,
    );
    let before = request_count(&down).await;
    let error = settle(client.get_synchronization_job(
        request(&instance.id, "\"SynchronizationJobId\":\"sync_whatever\""),
        None,
    ))
    .await
    .expect_err("every call fails");
    assert!(is_eiam_sync_api_error(error.clone()), "{error:?}");
    assert!(error.is_instance_of::<js_sys::Error>());
    assert_eq!(string(&get(&error, "name")), "EiamSyncApiError");
    assert_eq!(string(&get(&error, "code")), "ServiceUnavailable");
    assert_eq!(number(&get(&error, "httpStatus")), 503.0);
    assert_eq!(get(&error, "retryable"), JsValue::TRUE);
    let request_id = string(&get(&error, "requestId"));
    let groups: Vec<usize> = request_id.split('-').map(str::len).collect();
    assert_eq!(groups, [8, 4, 4, 4, 12], "{request_id}");
    assert!(!string(&get(&error, "message")).is_empty());
    assert!(get(&error, "recommend").is_string());
    assert!(
        get(&error, "retryAfterMs").is_undefined(),
        "no wait was asked for"
    );
    assert_eq!(
        request_count(&down).await - before,
        3.0,
        "maxAttempts attempts"
    );
    still_works().await;
}

#[wasm_bindgen_test]
async fn client_does_not_retry_other_4xx() {
    let Some(normal) = pair("normal") else { return };
    let instance = instance(&normal).await;
    let before = request_count(&normal).await;
    let error = settle(client(&normal, "{}").get_synchronization_job(
        request(
            &instance.id,
            "\"SynchronizationJobId\":\"sync_does_not_exist\"",
        ),
        None,
    ))
    .await
    .expect_err("an unknown job");
    assert_eq!(
        string(&get(&error, "code")),
        "EntityNotExists.SynchronizationJob"
    );
    assert_eq!(number(&get(&error, "httpStatus")), 404.0);
    assert_eq!(get(&error, "retryable"), JsValue::FALSE);
    assert!(!string(&get(&error, "requestId")).is_empty());
    assert_eq!(request_count(&normal).await - before, 1.0, "sent once");
}

#[wasm_bindgen_test]
async fn client_network_failure_after_retries() {
    let Some(services) = services() else {
        console_log!("client tests skipped: built without EIAM_SYNC_TEST_SERVICES");
        return;
    };
    let closed = Pair {
        proxy: string(&get(&services, "closed")),
        emulator: String::new(),
    };
    let client = client(
        &closed,
        r#"{"retry":{"maxAttempts":2,"baseDelayMs":1,"maxDelayMs":1}}"#,
    );
    let error = settle(client.get_synchronization_job(
        request("idaas_x", "\"SynchronizationJobId\":\"sync_x\""),
        None,
    ))
    .await
    .expect_err("nothing listens there");
    assert!(is_eiam_sync_network_error(error.clone()), "{error:?}");
    assert!(get(&error, "cause").is_instance_of::<js_sys::Error>());
    assert!(string(&get(&error, "message")).contains("2 attempts"));
    still_works().await;
}

// ------------------------------------------------------------ cancellation

#[wasm_bindgen_test]
async fn client_abort_before_the_call_sends_nothing() {
    let Some(normal) = pair("normal") else { return };
    let instance = instance(&normal).await;
    let client = client(&normal, "{}");
    let before = request_count(&normal).await;
    let reasons = [
        None,
        Some(JsValue::from_str("user left")),
        Some(js_sys::Error::new("custom").into()),
        Some(JsValue::from(42)),
    ];
    for reason in reasons {
        let (options, controller) = abortable();
        match &reason {
            Some(reason) => controller.abort_with_reason(reason),
            None => controller.abort(),
        }
        let error =
            settle(client.list_synchronization_jobs(request(&instance.id, ""), Some(options)))
                .await
                .expect_err("already aborted");
        assert!(
            Object::is(&error, &controller.signal().reason()),
            "{reason:?}"
        );
        if reason.is_none() {
            assert_eq!(string(&get(&error, "name")), "AbortError");
        }
    }
    let (options, controller) = abortable();
    controller.abort_with_reason(&JsValue::from_str("gone"));
    let error =
        settle(client.list_all_synchronization_jobs(request(&instance.id, ""), Some(options)))
            .await
            .expect_err("already aborted");
    assert_eq!(error.as_string().as_deref(), Some("gone"));
    assert_eq!(request_count(&normal).await, before, "nothing was sent");
    still_works().await;
}

#[wasm_bindgen_test]
async fn client_abort_mid_flight() {
    let Some(slow) = pair("slow") else { return };
    let instance = instance(&slow).await;
    let client = client(&slow, r#"{"timeoutMs":10000}"#);
    let abort_later = js(
        "controller, reason, ms",
        "setTimeout(() => reason === undefined ? controller.abort() : controller.abort(reason), ms);",
    );
    for reason in [JsValue::UNDEFINED, JsValue::from_str("navigated away")] {
        let (options, controller) = abortable();
        let started = now();
        let pending = client.get_synchronization_job(
            request(&instance.id, "\"SynchronizationJobId\":\"sync_x\""),
            Some(options),
        );
        abort_later
            .call3(
                &JsValue::UNDEFINED,
                &controller,
                &reason,
                &JsValue::from(200),
            )
            .expect("schedule the abort");
        let error = settle(pending).await.expect_err("aborted in flight");
        assert!(now() - started < 2500.0, "before the 3 s answer");
        assert!(Object::is(&error, &controller.signal().reason()));
        if reason.is_undefined() {
            assert_eq!(string(&get(&error, "name")), "AbortError");
        } else {
            assert_eq!(error, reason);
        }
    }
    still_works().await;
}

// ------------------------------------------------------------ validation, options

#[wasm_bindgen_test]
async fn client_validation_failures_send_nothing() {
    let Some(normal) = pair("normal") else { return };
    let instance = instance(&normal).await;
    let client = client(&normal, "{}");
    let before = request_count(&normal).await;

    let error = settle(client.get_synchronization_job(request(&instance.id, ""), None))
        .await
        .expect_err("SynchronizationJobId is missing");
    assert!(is_eiam_sync_validation_error(error.clone()));
    assert_eq!(string(&get(&error, "name")), "EiamSyncValidationError");
    let issues = Array::from(&get(&error, "issues"));
    assert_eq!(issues.length(), 1);
    assert_eq!(string(&get(&issues.get(0), "path")), "SynchronizationJobId");
    assert_eq!(string(&get(&issues.get(0), "code")), "missing_parameter");
    assert_eq!(string(&get(&issues.get(0), "severity")), "error");
    assert!(string(&get(&error, "message")).contains("SynchronizationJobId"));

    let too_big = request(&instance.id, "\"MaxResults\":500");
    let error = settle(client.list_synchronization_jobs(too_big.clone(), None))
        .await
        .expect_err("MaxResults 500");
    assert!(is_eiam_sync_validation_error(error));
    let error = settle(client.list_all_synchronization_jobs(too_big.clone(), None))
        .await
        .expect_err("listAll too");
    assert!(is_eiam_sync_validation_error(error));
    let pages = client.pages(too_big, None);
    let error = settle(pages.next()).await.expect_err("pages() too");
    assert!(is_eiam_sync_validation_error(error));
    let done = settle(pages.next()).await.expect("then done");
    assert_eq!(get(&done, "done"), JsValue::TRUE);

    let shapeless = object(r#"{"InstanceId":5,"IdentityProviderId":"idp_x"}"#);
    let error = settle(client.get_identity_provider_ud_push_configuration(shapeless, None))
        .await
        .expect_err("InstanceId is not a string");
    let issues = Array::from(&get(&error, "issues"));
    assert_eq!(string(&get(&issues.get(0), "code")), "invalid_shape");
    for not_a_request in [
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from_str("idaas_x"),
    ] {
        let error = settle(client.get_identity_provider_ud_pull_configuration(not_a_request, None))
            .await
            .expect_err("not a request");
        assert!(is_eiam_sync_validation_error(error));
    }
    assert_eq!(
        request_count(&normal).await,
        before,
        "no request reached the emulator"
    );
    still_works().await;
}

#[wasm_bindgen_test]
async fn client_headers_function_is_called_for_every_request() {
    let Some(normal) = pair("normal") else { return };
    let instance = instance(&normal).await;
    let counter = js(
        "asynchronous",
        r#"let calls = 0;
           const headers = () => { calls += 1; const h = { Authorization: "Bearer console-token" };
                                   return asynchronous ? Promise.resolve(h) : h; };
           return { headers, calls: () => calls };"#,
    );
    for asynchronous in [false, true] {
        let handle = counter
            .call1(&JsValue::UNDEFINED, &JsValue::from_bool(asynchronous))
            .expect("a counter");
        let options = Object::new();
        set(&options, "proxyUrl", &JsValue::from_str(&normal.proxy));
        set(&options, "headers", &get(&handle, "headers"));
        set(&options, "credentials", &JsValue::from_str("same-origin"));
        let client = EiamSyncClient::new(options.into()).expect("valid options");
        let result = settle(client.list_all_synchronization_jobs(
            request(&instance.id, ""),
            Some(object(r#"{"maxPages":3}"#)),
        ))
        .await
        .expect("three pages");
        assert_eq!(job_ids(&result).len(), 300);
        let calls = get(&handle, "calls")
            .unchecked_into::<Function>()
            .call0(&handle)
            .expect("calls()");
        assert_eq!(
            number(&calls),
            3.0,
            "once per request (async: {asynchronous})"
        );
    }

    // A headers function that throws fails the call with its error, sending nothing.
    let before = request_count(&normal).await;
    let options = Object::new();
    set(&options, "proxyUrl", &JsValue::from_str(&normal.proxy));
    set(
        &options,
        "headers",
        &js("", "throw new RangeError('no token yet');").into(),
    );
    let client = EiamSyncClient::new(options.into()).expect("valid options");
    let error = settle(client.list_synchronization_jobs(request(&instance.id, ""), None))
        .await
        .expect_err("the headers function threw");
    assert!(error.is_instance_of::<js_sys::RangeError>());
    assert_eq!(request_count(&normal).await, before);
}

#[wasm_bindgen_test]
async fn client_on_progress_errors_reject_the_call() {
    let Some(normal) = pair("normal") else { return };
    let instance = instance(&normal).await;
    let options = Object::new();
    set(
        &options,
        "onProgress",
        &js("", "throw new Error('enough');").into(),
    );
    let error = settle(
        client(&normal, "{}")
            .list_all_synchronization_jobs(request(&instance.id, ""), Some(options.into())),
    )
    .await
    .expect_err("onProgress threw");
    assert_eq!(string(&get(&error, "message")), "enough");
    still_works().await;
}

#[wasm_bindgen_test]
fn client_options_are_checked() {
    let bad = [
        "null",
        "{}",
        r#"{"proxyUrl":""}"#,
        r#"{"proxyUrl":"http://127.0.0.1:1/p?x=1"}"#,
        r#"{"proxyUrl":"http://127.0.0.1:1","timeoutMs":0}"#,
        r#"{"proxyUrl":"http://127.0.0.1:1","timeoutMs":"5"}"#,
        r#"{"proxyUrl":"http://127.0.0.1:1","credentials":"always"}"#,
        r#"{"proxyUrl":"http://127.0.0.1:1","headers":"Authorization: x"}"#,
        r#"{"proxyUrl":"http://127.0.0.1:1","retry":{"maxAttempts":0}}"#,
        r#"{"proxyUrl":"http://127.0.0.1:1","retry":{"baseDelayMs":-1}}"#,
        r#"{"proxyUrl":"http://127.0.0.1:1","retry":3}"#,
    ];
    for options in bad {
        match EiamSyncClient::new(object(options)) {
            Ok(_) => panic!("accepted {options}"),
            Err(error) => assert!(
                error.is_instance_of::<js_sys::TypeError>(),
                "{options}: {error:?}"
            ),
        }
    }
    let good = r#"{"proxyUrl":"/eiam/","headers":{"X":"y"},"credentials":"include","timeoutMs":1000,
                   "retry":{"maxAttempts":1,"baseDelayMs":0,"maxDelayMs":0}}"#;
    assert!(EiamSyncClient::new(object(good)).is_ok());
}

#[wasm_bindgen_test]
async fn client_call_options_are_checked() {
    let client =
        EiamSyncClient::new(object(r#"{"proxyUrl":"http://127.0.0.1:9"}"#)).expect("valid");
    for options in [r#"{"signal":{}}"#, r#"{"signal":"abort"}"#, "5"] {
        let error =
            settle(client.list_synchronization_jobs(request("idaas_x", ""), Some(object(options))))
                .await
                .expect_err(options);
        assert!(error.is_instance_of::<js_sys::TypeError>(), "{options}");
    }
    for options in [r#"{"maxPages":0}"#, r#"{"onProgress":1}"#] {
        let error = settle(
            client.list_all_synchronization_jobs(request("idaas_x", ""), Some(object(options))),
        )
        .await
        .expect_err(options);
        assert!(error.is_instance_of::<js_sys::TypeError>(), "{options}");
    }
    // A parse error of the client is the parse functions' error object.
    assert!(!is_eiam_sync_parse_error(JsValue::from_str(
        "EiamSyncParseError"
    )));
}
