//! The client's pagination state: both paging styles, where it stops,
//! `maxPages` and resuming, and each job kept once.

use eiam_sync::client::{JobCollector, PageCursor, PagingStyle, Progress};
use eiam_sync::model::{ListSynchronizationJobsRequest, ListSynchronizationJobsResponse};
use eiam_sync::parse::{self, ParseOptions};
use serde_json::json;

/// A page holding the jobs `ids`, with the given `TotalCount` and `NextToken`.
fn page(
    ids: &[&str],
    total: Option<u64>,
    next_token: Option<&str>,
) -> ListSynchronizationJobsResponse {
    let jobs: Vec<_> = ids
        .iter()
        .map(|id| json!({ "SynchronizationJobId": id, "Status": "success" }))
        .collect();
    let mut body = json!({ "RequestId": "R", "SynchronizationJobs": jobs });
    if let Some(total) = total {
        body["TotalCount"] = json!(total);
    }
    if let Some(token) = next_token {
        body["NextToken"] = json!(token);
    }
    parse::list_synchronization_jobs(body.to_string().as_bytes(), ParseOptions::default())
        .expect("a valid page")
}

fn instance() -> ListSynchronizationJobsRequest {
    ListSynchronizationJobsRequest {
        instance_id: Some("idaas_1".to_owned()),
        ..ListSynchronizationJobsRequest::default()
    }
}

fn ids(collector: JobCollector, cursor: &PageCursor) -> Vec<String> {
    collector
        .finish(cursor)
        .jobs
        .into_iter()
        .map(|job| job.synchronization_job_id)
        .collect()
}

#[test]
fn no_paging_given_means_tokens_and_the_largest_page() {
    let cursor = PageCursor::new(instance(), None);
    assert_eq!(cursor.style(), PagingStyle::Token);
    let first = cursor.next_request().expect("a first page");
    assert_eq!(first.max_results, Some(100));
    assert_eq!(first.next_token, None);
    assert_eq!(first.page_number, None);
}

#[test]
fn token_style_follows_next_token_to_the_end() {
    let request = ListSynchronizationJobsRequest {
        max_results: Some(2),
        ..instance()
    };
    let mut cursor = PageCursor::new(request, None);
    let mut collector = JobCollector::new();
    let pages = [
        page(&["a", "b"], Some(5), Some("t1")),
        page(&["c", "d"], Some(5), Some("t2")),
        page(&["e"], Some(5), None),
    ];
    let mut sent_tokens = Vec::new();
    let mut progress = Vec::new();
    for answer in pages {
        let request = cursor.next_request().expect("more pages");
        assert_eq!(request.max_results, Some(2), "the caller's page size stays");
        sent_tokens.push(request.next_token.clone());
        cursor.advance(&answer);
        collector.add_page(answer);
        progress.push(collector.progress(&cursor));
    }
    assert_eq!(
        sent_tokens,
        [None, Some("t1".to_owned()), Some("t2".to_owned())]
    );
    assert!(cursor.next_request().is_none());
    assert!(cursor.is_finished());
    assert_eq!(
        progress,
        [
            Progress {
                pages_fetched: 1,
                jobs_fetched: 2,
                total_count: 5
            },
            Progress {
                pages_fetched: 2,
                jobs_fetched: 4,
                total_count: 5
            },
            Progress {
                pages_fetched: 3,
                jobs_fetched: 5,
                total_count: 5
            },
        ]
    );
    let result = collector.finish(&cursor);
    assert_eq!(result.total_count, 5);
    assert_eq!(result.next_token, None);
    assert_eq!(result.next_page_number, None);
    let ids: Vec<_> = result
        .jobs
        .iter()
        .map(|j| j.synchronization_job_id.as_str())
        .collect();
    assert_eq!(ids, ["a", "b", "c", "d", "e"]);
}

#[test]
fn an_empty_or_repeated_token_ends_the_walk() {
    let mut cursor = PageCursor::new(instance(), None);
    cursor.advance(&page(&["a"], None, Some("")));
    assert!(cursor.is_finished(), "an empty NextToken is the end");

    let mut cursor = PageCursor::new(instance(), None);
    cursor.advance(&page(&["a"], None, Some("t1")));
    cursor.advance(&page(&["b"], None, Some("t2")));
    cursor.advance(&page(&["c"], None, Some("t1")));
    assert!(cursor.is_finished(), "a token already followed would loop");
    assert_eq!(cursor.pages_fetched(), 3);
}

#[test]
fn max_pages_stops_with_a_token_that_resumes() {
    let all = ["a", "b", "c", "d", "e", "f", "g"];
    let answer_for = |token: Option<&str>| match token {
        None => page(&all[0..3], Some(7), Some("t3")),
        Some("t3") => page(&all[3..6], Some(7), Some("t6")),
        Some("t6") => page(&all[6..], Some(7), None),
        Some(other) => panic!("unexpected token {other}"),
    };
    let request = ListSynchronizationJobsRequest {
        max_results: Some(3),
        ..instance()
    };
    let mut cursor = PageCursor::new(request.clone(), Some(1));
    let mut collector = JobCollector::new();
    while let Some(next) = cursor.next_request() {
        let answer = answer_for(next.next_token.as_deref());
        cursor.advance(&answer);
        collector.add_page(answer);
    }
    assert!(!cursor.is_finished());
    let first = collector.finish(&cursor);
    assert_eq!(first.next_token.as_deref(), Some("t3"));
    assert_eq!(first.jobs.len(), 3);

    let resumed_request = ListSynchronizationJobsRequest {
        next_token: first.next_token.clone(),
        ..request
    };
    let mut cursor = PageCursor::new(resumed_request, None);
    assert_eq!(cursor.style(), PagingStyle::Token);
    let mut collector = JobCollector::new();
    while let Some(next) = cursor.next_request() {
        let answer = answer_for(next.next_token.as_deref());
        cursor.advance(&answer);
        collector.add_page(answer);
    }
    let mut joined: Vec<String> = first
        .jobs
        .into_iter()
        .map(|j| j.synchronization_job_id)
        .collect();
    joined.extend(ids(collector, &cursor));
    assert_eq!(joined, all);
}

#[test]
fn max_pages_equal_to_the_page_count_is_not_a_stop() {
    let mut cursor = PageCursor::new(instance(), Some(2));
    cursor.advance(&page(&["a"], Some(2), Some("t")));
    cursor.advance(&page(&["b"], Some(2), None));
    assert!(cursor.is_finished());
    assert_eq!(JobCollector::new().finish(&cursor).next_token, None);
}

#[test]
fn page_number_style_counts_pages() {
    let request = ListSynchronizationJobsRequest {
        page_number: Some(2),
        page_size: Some(2),
        ..instance()
    };
    let mut cursor = PageCursor::new(request, None);
    assert_eq!(cursor.style(), PagingStyle::PageNumber);
    let mut numbers = Vec::new();
    let answers = [
        page(&["c", "d"], Some(7), None),
        page(&["e", "f"], Some(7), None),
        page(&["g"], Some(7), None),
    ];
    for answer in answers {
        let next = cursor.next_request().expect("more pages");
        assert_eq!(next.max_results, None, "no token-style parameter is added");
        numbers.push(next.page_number);
        cursor.advance(&answer);
    }
    assert_eq!(numbers, [Some(2), Some(3), Some(4)]);
    assert!(cursor.is_finished(), "a short page is the last");
}

#[test]
fn page_number_style_ends_at_the_total_or_an_empty_page() {
    let request = ListSynchronizationJobsRequest {
        page_size: Some(2),
        ..instance()
    };
    let mut cursor = PageCursor::new(request.clone(), None);
    assert_eq!(
        cursor.next_request().and_then(|r| r.page_number),
        None,
        "the caller's first page"
    );
    cursor.advance(&page(&["a", "b"], Some(4), None));
    assert_eq!(cursor.next_request().and_then(|r| r.page_number), Some(2));
    cursor.advance(&page(&["c", "d"], Some(4), None));
    assert!(cursor.is_finished(), "2 pages of 2 reach TotalCount 4");

    let mut cursor = PageCursor::new(request, None);
    cursor.advance(&page(&["a", "b"], None, None));
    cursor.advance(&page(&[], None, None));
    assert!(cursor.is_finished(), "an empty page is the end");
    assert_eq!(cursor.pages_fetched(), 2);
}

#[test]
fn page_number_style_resumes_from_a_page_number() {
    let request = ListSynchronizationJobsRequest {
        page_number: Some(1),
        page_size: Some(2),
        ..instance()
    };
    let mut cursor = PageCursor::new(request, Some(2));
    cursor.advance(&page(&["a", "b"], Some(9), None));
    cursor.advance(&page(&["c", "d"], Some(9), None));
    assert!(cursor.next_request().is_none());
    let result = JobCollector::new().finish(&cursor);
    assert_eq!(result.next_page_number, Some(3));
    assert_eq!(result.next_token, None);
}

#[test]
fn token_fields_win_over_page_numbers() {
    let request = ListSynchronizationJobsRequest {
        page_number: Some(4),
        max_results: Some(10),
        ..instance()
    };
    assert_eq!(PageCursor::new(request, None).style(), PagingStyle::Token);
    let request = ListSynchronizationJobsRequest {
        next_token: Some(String::new()),
        ..instance()
    };
    let cursor = PageCursor::new(request, None);
    assert_eq!(cursor.style(), PagingStyle::Token);
    assert_eq!(
        cursor.next_request().and_then(|r| r.next_token.clone()),
        None,
        "an empty token is the start"
    );
}

#[test]
fn every_job_once_even_when_a_page_comes_twice() {
    let mut cursor = PageCursor::new(instance(), None);
    let mut collector = JobCollector::new();
    let first = page(&["a", "b", "c"], Some(5), Some("t"));
    assert_eq!(collector.add_page(first.clone()), 3);
    assert_eq!(
        collector.add_page(first.clone()),
        0,
        "a retried page adds nothing"
    );
    cursor.advance(&first);
    // A shifted window repeats "c".
    let second = page(&["c", "d", "e"], Some(5), None);
    assert_eq!(collector.add_page(second.clone()), 2);
    cursor.advance(&second);
    assert_eq!(collector.len(), 5);
    assert_eq!(
        collector.progress(&cursor),
        Progress {
            pages_fetched: 2,
            jobs_fetched: 5,
            total_count: 5
        }
    );
    assert_eq!(ids(collector, &cursor), ["a", "b", "c", "d", "e"]);
}

#[test]
fn without_total_count_the_total_is_the_jobs_collected() {
    let mut cursor = PageCursor::new(instance(), None);
    let mut collector = JobCollector::new();
    assert!(collector.is_empty());
    let answer = page(&["a", "b"], None, None);
    cursor.advance(&answer);
    collector.add_page(answer);
    assert_eq!(collector.progress(&cursor).total_count, 2);
    assert_eq!(collector.finish(&cursor).total_count, 2);
}

#[test]
fn the_result_serialises_with_camel_case_keys() {
    let mut cursor = PageCursor::new(instance(), Some(1));
    let mut collector = JobCollector::new();
    let answer = page(&["a"], Some(3), Some("next"));
    cursor.advance(&answer);
    collector.add_page(answer);
    let progress = serde_json::to_value(collector.progress(&cursor)).expect("serialisable");
    assert_eq!(
        progress,
        json!({ "pagesFetched": 1, "jobsFetched": 1, "totalCount": 3 })
    );
    let result = serde_json::to_value(collector.finish(&cursor)).expect("serialisable");
    assert_eq!(
        result,
        json!({
            "jobs": [{ "SynchronizationJobId": "a", "Status": "success" }],
            "totalCount": 3,
            "nextToken": "next",
        })
    );
}

#[test]
fn advance_after_the_end_changes_nothing() {
    let mut cursor = PageCursor::new(instance(), None);
    cursor.advance(&page(&["a"], None, None));
    cursor.advance(&page(&["b"], None, Some("t")));
    assert!(cursor.is_finished());
    assert_eq!(cursor.pages_fetched(), 1);
}
