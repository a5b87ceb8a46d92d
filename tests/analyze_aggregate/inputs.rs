//! What the aggregator takes: splits and merges, its options, raw list pages, options from JSON.

use super::*;

#[test]
fn split_and_merge_equal_the_whole_and_other_is_unchanged() {
    let jobs = history();
    let whole = summarize_jobs(&jobs, &SummaryOptions::default());
    for split in 0..=jobs.len() {
        let (left, right) = jobs.split_at(split);
        let mut a = JobAggregator::new(SummaryOptions::default());
        a.add_jobs(right);
        let mut b = JobAggregator::new(SummaryOptions::default());
        b.add_jobs(left);
        let b_before = b.clone();
        a.merge(&b);
        assert_eq!(a.summary(), whole, "split at {split}");
        assert_eq!(b, b_before);
    }
    // No de-duplication: merging with itself doubles every count.
    let mut a = JobAggregator::new(SummaryOptions::default());
    a.add_jobs(&jobs);
    let copy = a.clone();
    a.merge(&copy);
    let doubled = a.summary();
    assert_eq!(doubled.job_count, 14);
    assert_eq!(doubled.items.all, counts(44, 30, 10, 4));
    assert_eq!(doubled.targets[2].failure_streak, 4);
    assert_eq!(doubled.durations.count, 10);
}

#[test]
fn merge_keeps_the_receivers_options() {
    let mut hourly = JobAggregator::new(SummaryOptions {
        bucket: BucketSize::Hour,
        ..SummaryOptions::default()
    });
    let mut daily = JobAggregator::new(SummaryOptions::default());
    daily.add_jobs(&history());
    hourly.merge(&daily);
    assert_eq!(hourly.summary().bucket, BucketSize::Hour);
    assert_eq!(hourly.summary().time_buckets.len(), 6);
}

#[test]
fn list_page_bytes() {
    let path = format!(
        "{}/tests/fixtures/seeds/002_d4e6738e55fed7fe.example.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(path).unwrap();
    let mut from_bytes = JobAggregator::new(SummaryOptions::default());
    from_bytes.add_list_response_bytes(&bytes).unwrap();
    from_bytes.add_list_response_bytes(&bytes).unwrap();
    let page: ListSynchronizationJobsResponse =
        parse::list_synchronization_jobs(&bytes, ParseOptions::default()).unwrap();
    let mut jobs = page.synchronization_jobs.clone();
    jobs.extend(page.synchronization_jobs.clone());
    assert_eq!(
        from_bytes.summary(),
        summarize_jobs(&jobs, &SummaryOptions::default())
    );
    assert_eq!(from_bytes.summary().job_count, 2);

    // A bad page adds nothing.
    let before = from_bytes.clone();
    let error = from_bytes
        .add_list_response_bytes(&bytes[..bytes.len() - 10])
        .unwrap_err();
    assert_eq!(error.code, ParseErrorCode::Eof);
    let error = from_bytes
        .add_list_response_bytes(
            br#"{"SynchronizationJobs":[{"SynchronizationJobId":"s"},{"Status":"failed"}]}"#,
        )
        .unwrap_err();
    assert_eq!(error.code, ParseErrorCode::MissingField);
    assert_eq!(error.path, "SynchronizationJobs[1].SynchronizationJobId");
    assert_eq!(from_bytes, before);
}

#[test]
fn options_read_from_json() {
    let read =
        |text: &str| parse::parse::<SummaryOptions>(text.as_bytes(), ParseOptions::default());
    assert_eq!(read("{}").unwrap(), SummaryOptions::default());
    assert_eq!(
        read(r#"{"bucket":"hour","utcOffsetMinutes":-300,"topN":3,"other":1}"#).unwrap(),
        SummaryOptions {
            bucket: BucketSize::Hour,
            utc_offset_minutes: -300,
            top_n: 3
        }
    );
    assert_eq!(
        read(r#"{"bucket":null,"utcOffsetMinutes":null,"topN":null}"#).unwrap(),
        SummaryOptions::default()
    );
    let e = read(r#"{"bucket":"week"}"#).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ParseErrorCode::Type, "bucket"));
    let e = read(r#"{"utcOffsetMinutes":1081}"#).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ParseErrorCode::NumberOutOfRange, "utcOffsetMinutes")
    );
    assert!(read(r#"{"utcOffsetMinutes":-1080}"#).is_ok());
    let e = read(r#"{"utcOffsetMinutes":1.5}"#).unwrap_err();
    assert_eq!(e.code, ParseErrorCode::Type);
    let e = read(r#"{"topN":-1}"#).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ParseErrorCode::Type, "topN"));
    assert_eq!(read("[]").unwrap_err().code, ParseErrorCode::Type);
}
