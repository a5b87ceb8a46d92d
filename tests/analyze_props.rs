//! Property tests of the analysis invariants: aggregating a split equals
//! aggregating the whole (in any order), rates stay within [0, 1], the
//! aggregator over raw page bytes equals `summarize_jobs` over the parsed
//! jobs, `merge` is associative; and the cron evaluator agrees with a naive
//! day-by-day search.
#![cfg(not(target_arch = "wasm32"))]

use eiam_sync::analyze::{
    cron, summarize_job, summarize_jobs, BucketSize, JobAggregator, JobsSummary, SummaryOptions,
};
use eiam_sync::model::{
    EntityStatistics, JobStatus, ListSynchronizationJobsResponse, OperationCount, SyncDirection,
    SynchronizationJob, SynchronizationJobResult, TargetType, TriggerType, MAX_SAFE_INTEGER,
};
use eiam_sync::parse::{self, ParseOptions};
use proptest::prelude::*;

/// 2026-01-01T00:00:00Z.
const T0: u64 = 1_767_225_600_000;

fn count() -> impl Strategy<Value = Option<u64>> {
    prop_oneof![
        4 => prop::option::of(0u64..50),
        1 => Just(Some(MAX_SAFE_INTEGER)),
    ]
}

fn operation() -> BoxedStrategy<Option<OperationCount>> {
    prop::option::of((count(), count(), count(), count()).prop_map(
        |(total, success, failed, skipped)| OperationCount {
            total,
            success,
            failed,
            skipped,
        },
    ))
    .boxed()
}

fn entity() -> BoxedStrategy<Option<EntityStatistics>> {
    prop::option::of(
        (
            operation(),
            operation(),
            operation(),
            operation(),
            operation(),
            operation(),
            operation(),
        )
            .prop_map(
                |(created, updated, binded, deleted, same, pushed, exported)| EntityStatistics {
                    created,
                    updated,
                    binded,
                    deleted,
                    same,
                    pushed,
                    exported,
                },
            ),
    )
    .boxed()
}

fn result() -> BoxedStrategy<Option<SynchronizationJobResult>> {
    prop::option::of(
        (
            entity(),
            entity(),
            entity(),
            entity(),
            prop::option::of(prop::sample::select(vec!["Timeout", "Forbidden", "X", ""])),
        )
            .prop_map(
                |(users, ous, groups, members, code)| SynchronizationJobResult {
                    user_statistics: users,
                    organizational_unit_statistics: ous,
                    group_statistics: groups,
                    group_member_statistics: members,
                    error_code: code.map(str::to_owned),
                    error_message: code.map(|c| format!("{c} happened")),
                },
            ),
    )
    .boxed()
}

fn status() -> impl Strategy<Value = Option<JobStatus>> {
    prop::option::of(
        prop::sample::select(vec![
            "pending",
            "running",
            "failed",
            "partial_success",
            "success",
            "suspending",
            "archived",
        ])
        .prop_map(JobStatus::from_wire),
    )
}

fn start_time() -> impl Strategy<Value = Option<u64>> {
    prop::option::of(prop_oneof![
        1 => Just(0u64),
        6 => (0u64..200).prop_map(|half_hours| T0 + half_hours * 1_800_000),
        1 => 0u64..1_000_000_000_000,
    ])
}

fn job() -> BoxedStrategy<SynchronizationJob> {
    (
        prop::sample::select(vec!["sync_a", "sync_b", "sync_c", "sync_d"]),
        prop::option::of(prop::sample::select(vec![
            "identity_provider",
            "application",
            "weird",
        ])),
        prop::option::of(prop::sample::select(vec!["idp_1", "idp_2", "app_1"])),
        prop::option::of(prop::sample::select(vec!["ingress", "egress"])),
        start_time(),
        prop::option::of(prop_oneof![0u64..5_000_000, Just(u64::MAX)]),
        prop::option::of(prop::sample::select(vec!["auto", "manual"])),
        status(),
        result(),
    )
        .prop_map(
            |(id, target_type, target_id, direction, start, end, trigger, status, result)| {
                SynchronizationJob {
                    synchronization_job_id: id.to_owned(),
                    target_type: target_type.map(TargetType::from_wire),
                    target_id: target_id.map(str::to_owned),
                    direction: direction.map(SyncDirection::from_wire),
                    // End before or after start; u64::MAX means "one ms before".
                    end_time: match (start, end) {
                        (Some(s), Some(u64::MAX)) => s.checked_sub(1),
                        (Some(s), Some(d)) => Some(s + d),
                        (None, Some(d)) => Some(d % 5_000_000),
                        (_, None) => None,
                    },
                    start_time: start,
                    trigger_type: trigger.map(TriggerType::from_wire),
                    status,
                    result,
                    description: None,
                }
            },
        )
        .boxed()
}

fn options() -> impl Strategy<Value = SummaryOptions> {
    (
        prop::bool::ANY,
        prop_oneof![Just(0i32), Just(330), Just(-300), -1080i32..=1080],
        0usize..8,
    )
        .prop_map(|(hourly, utc_offset_minutes, top_n)| SummaryOptions {
            bucket: if hourly {
                BucketSize::Hour
            } else {
                BucketSize::Day
            },
            utc_offset_minutes,
            top_n,
        })
}

fn aggregate(jobs: &[SynchronizationJob], options: SummaryOptions) -> JobAggregator {
    let mut aggregator = JobAggregator::new(options);
    aggregator.add_jobs(jobs);
    aggregator
}

fn in_unit(rate: Option<f64>) -> bool {
    rate.is_none_or(|r| (0.0..=1.0).contains(&r))
}

fn rates_ok(summary: &JobsSummary) -> bool {
    in_unit(summary.items.success_rate)
        && in_unit(summary.items.failure_rate)
        && summary
            .time_buckets
            .iter()
            .all(|b| in_unit(b.success_rate) && b.success_count <= b.job_count)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 200,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn split_in_any_order_equals_the_whole(
        (jobs, shuffled) in prop::collection::vec(job(), 0..30)
            .prop_flat_map(|jobs| (Just(jobs.clone()), Just(jobs).prop_shuffle())),
        cut in 0usize..31,
        options in options(),
    ) {
        let whole = summarize_jobs(&jobs, &options);
        let cut = cut.min(shuffled.len());
        let (left, right) = shuffled.split_at(cut);
        let mut merged = aggregate(right, options);
        merged.merge(&aggregate(left, options));
        prop_assert_eq!(merged.summary(), whole.clone());
        // One job at a time, in shuffled order.
        let mut streamed = JobAggregator::new(options);
        for job in &shuffled {
            streamed.add_job(job);
        }
        prop_assert_eq!(streamed.summary(), whole);
    }

    #[test]
    fn rates_stay_within_zero_and_one(jobs in prop::collection::vec(job(), 0..20), options in options()) {
        for job in &jobs {
            let summary = summarize_job(job);
            prop_assert!(in_unit(summary.items.success_rate));
            prop_assert!(in_unit(summary.items.failure_rate));
            prop_assert!(summary.items.success_rate.is_none_or(|r| !r.is_nan()));
        }
        prop_assert!(rates_ok(&summarize_jobs(&jobs, &options)));
    }

    #[test]
    fn page_bytes_equal_parsed_jobs(jobs in prop::collection::vec(job(), 0..25), page_size in 1usize..6, options in options()) {
        let mut from_bytes = JobAggregator::new(options);
        let mut parsed = Vec::new();
        for page in jobs.chunks(page_size) {
            let response = ListSynchronizationJobsResponse {
                request_id: Some("r".to_owned()),
                total_count: Some(jobs.len() as u64),
                next_token: None,
                synchronization_jobs: page.to_vec(),
            };
            let bytes = serde_json::to_vec(&response).unwrap();
            from_bytes.add_list_response_bytes(&bytes).unwrap();
            parsed.extend(parse::list_synchronization_jobs(&bytes, ParseOptions::default()).unwrap().synchronization_jobs);
        }
        prop_assert_eq!(&parsed, &jobs);
        prop_assert_eq!(from_bytes.summary(), summarize_jobs(&parsed, &options));
    }

    #[test]
    fn merge_is_associative(
        a in prop::collection::vec(job(), 0..12),
        b in prop::collection::vec(job(), 0..12),
        c in prop::collection::vec(job(), 0..12),
        options in options(),
    ) {
        let (a, b, c) = (aggregate(&a, options), aggregate(&b, options), aggregate(&c, options));
        let mut left = a.clone();
        left.merge(&b);
        left.merge(&c);
        let mut bc = b.clone();
        bc.merge(&c);
        let mut right = a.clone();
        right.merge(&bc);
        prop_assert_eq!(left.summary(), right.summary());
        // Commutative as well.
        let mut reversed = c.clone();
        reversed.merge(&b);
        reversed.merge(&a);
        prop_assert_eq!(reversed.summary(), left.summary());
    }

    #[test]
    fn cron_parse_never_panics(expr in "[0-9A-Za-z*?/,#\\- \t]{0,40}", after in any::<u64>(), offset in any::<i32>()) {
        if let Ok(schedule) = cron::parse(&expr) {
            if let Some(next) = schedule.next_after(after, offset) {
                prop_assert!(next > after);
                prop_assert_eq!(next % 1000, 0);
            }
        }
    }

    #[test]
    fn cron_agrees_with_a_naive_search(
        minutes in prop::collection::btree_set(0u32..60, 1..4),
        hours in prop::collection::btree_set(0u32..24, 1..4),
        days in prop::option::of(prop::collection::btree_set(1u32..32, 1..4)),
        weekdays in prop::collection::btree_set(1u32..8, 1..3),
        months in prop::option::of(prop::collection::btree_set(1u32..13, 1..4)),
        start in 0u64..(400 * 86_400),
        offset in -1080i32..=1080,
    ) {
        let list = |set: &std::collections::BTreeSet<u32>| {
            set.iter().map(u32::to_string).collect::<Vec<_>>().join(",")
        };
        let (dom, dow) = match &days {
            Some(days) => (list(days), "?".to_owned()),
            None => ("?".to_owned(), list(&weekdays)),
        };
        let month = months.as_ref().map_or_else(|| "*".to_owned(), list);
        let expr = format!("0 {} {} {} {} {}", list(&minutes), list(&hours), dom, month, dow);
        let schedule = cron::parse(&expr).unwrap();
        let after = (T0 / 1000 + start) * 1000 + 500;
        let expected = naive_next(after, offset, &minutes, &hours, days.as_ref(), &weekdays, months.as_ref());
        prop_assert_eq!(schedule.next_after(after, offset), expected, "{}", expr);
    }
}

/// Walks local days forward from 2025-12-25 (a Thursday, Quartz 5) one at a
/// time, without any date formula, for up to ~9 years.
fn naive_next(
    after_ms: u64,
    offset_minutes: i32,
    minutes: &std::collections::BTreeSet<u32>,
    hours: &std::collections::BTreeSet<u32>,
    days: Option<&std::collections::BTreeSet<u32>>,
    weekdays: &std::collections::BTreeSet<u32>,
    months: Option<&std::collections::BTreeSet<u32>>,
) -> Option<u64> {
    let month_lengths = |y: u32| {
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        [
            31,
            if leap { 29 } else { 28 },
            31,
            30,
            31,
            30,
            31,
            31,
            30,
            31,
            30,
            31,
        ]
    };
    let (mut y, mut m, mut d, mut weekday) = (2025u32, 12u32, 25u32, 5u32);
    // 2025-12-25T00:00:00 local, as UTC seconds.
    let mut day_start = (T0 / 1000 - 7 * 86_400) as i64 - i64::from(offset_minutes) * 60;
    for _ in 0..(9 * 366) {
        let day_ok = match days {
            Some(days) => days.contains(&d),
            None => weekdays.contains(&weekday),
        };
        if day_ok && months.is_none_or(|ms| ms.contains(&m)) {
            for h in hours {
                for min in minutes {
                    let t = day_start + i64::from(*h) * 3600 + i64::from(*min) * 60;
                    let t_ms = t as u64 * 1000;
                    if t >= 0 && t_ms > after_ms {
                        return Some(t_ms);
                    }
                }
            }
        }
        day_start += 86_400;
        weekday = weekday % 7 + 1;
        d += 1;
        if d > month_lengths(y)[(m - 1) as usize] {
            d = 1;
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
        }
    }
    None
}
