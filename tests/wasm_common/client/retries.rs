//! `EiamSyncClient` retries: listing through faulty pairs (503s, truncated
//! bodies, connection resets) gives the fault-free result, throttled calls wait
//! at least `TimeLeft`/`Retry-After` (and an abort interrupts the wait), a wait
//! longer than `maxDelayMs` is reported, and timeouts end after the retries.
//! Holds `FetchRecorder`, which records each `fetch` the client makes.

use eiam_sync::js::is_eiam_sync_timeout_error;
use js_sys::{Array, Function, Object};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use super::{
    abortable, client, get, instance, js, now, number, pair, request, request_count, settle, sleep,
    still_works, string, stringify,
};

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
