//! `EiamSyncClient` calls that succeed: the four operations resolve to the
//! same objects as the parse functions, and paging (`listAllSynchronizationJobs`
//! with its progress, `maxPages` and resuming tokens, the `pages()` async
//! iterable) returns every job once.

use eiam_sync::js::parse_get_synchronization_job;
use js_sys::{Array, Function, Object, Uint8Array};
use std::collections::HashSet;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use super::{
    call_js, client, get, instance, job_ids, js, number, object, pair, request, set, settle,
    string, stringify,
};

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
