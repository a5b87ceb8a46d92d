//! `EiamSyncClient` calls that fail: a persistent 503 is an `EiamSyncApiError`,
//! other 4xx are not retried, a closed port is an `EiamSyncNetworkError`, and an
//! `AbortSignal` (before the call or mid-flight) rejects with its reason.

use eiam_sync::js::{is_eiam_sync_api_error, is_eiam_sync_network_error};
use js_sys::Object;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{console_log, wasm_bindgen_test};

use super::{
    abortable, client, get, instance, js, now, number, pair, request, request_count, services,
    settle, still_works, string, Pair,
};

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
