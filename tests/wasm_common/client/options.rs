//! `EiamSyncClient` input checks and options: invalid requests fail with an
//! `EiamSyncValidationError` before anything is sent, the `headers` function is
//! called per request, `onProgress` errors reject the call, and invalid client
//! and call options are `TypeError`s.

use eiam_sync::js::{is_eiam_sync_parse_error, is_eiam_sync_validation_error, EiamSyncClient};
use js_sys::{Array, Function, Object};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use super::{
    client, get, instance, job_ids, js, number, object, pair, request, request_count, set, settle,
    still_works, string,
};

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
