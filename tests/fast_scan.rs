//! The fast scanner (`eiam_sync::parse::fast`) on hand-picked inputs: it
//! accepts the documentation examples and ordinary variations of them, it
//! declines every input the serde parser refuses or reads differently from
//! `JSON.parse`, and whenever it accepts, the serde parser accepts too and
//! `JSON.parse` (modelled by `serde_json::Value`) reads the same value.
//! The aggregator over bytes (fast route first) always equals the
//! aggregator over the parsed page.
#![cfg(not(target_arch = "wasm32"))]

mod fast_common;

use eiam_sync::analyze::SummaryOptions;
use eiam_sync::parse::{fast, ParseOptions, MAX_INPUT_BYTES};
use fast_common::{get, lossy, LENIENT, STRICT};

const SEED_000: &str = include_str!("fixtures/seeds/000_a37390e649ee0c38.example.json");
const SEED_001: &str = include_str!("fixtures/seeds/001_f0a481d175445d75.example.json");
const SEED_002: &str = include_str!("fixtures/seeds/002_d4e6738e55fed7fe.example.json");

/// Both routes on a list body with the default summary options.
fn list(body: &[u8]) -> bool {
    fast_common::list(body, SummaryOptions::default())
}

/// A one-job list page with `field: value` in the job.
fn job_with(field: &str, value: &str) -> String {
    format!(r#"{{"SynchronizationJobs":[{{"SynchronizationJobId":"sync_a","{field}":{value}}}]}}"#)
}

/// A one-job list page with `value` as `Result.GroupStatistics.Deleted.Failed`.
fn count_with(value: &str) -> String {
    format!(
        r#"{{"SynchronizationJobs":[{{"SynchronizationJobId":"sync_a","Result":{{"GroupStatistics":{{"Deleted":{{"Failed":{value}}}}}}}}}]}}"#
    )
}

/// Seed 002 with one textual replacement.
fn seed_with(from: &str, to: &str) -> String {
    assert_eq!(SEED_002.matches(from).count(), 1, "{from:?} occurs once");
    SEED_002.replacen(from, to, 1)
}

#[test]
fn the_documentation_examples_are_accepted_in_both_modes() {
    assert!(get(SEED_000.as_bytes()));
    assert!(get(SEED_001.as_bytes()));
    assert!(list(SEED_002.as_bytes()));
    type Scan = fn(&[u8], ParseOptions) -> Option<fast::Accepted>;
    for (seed, scan) in [
        (SEED_000, fast::get_synchronization_job as Scan),
        (SEED_001, fast::get_synchronization_job),
        (SEED_002, fast::list_synchronization_jobs),
    ] {
        let accepted = scan(seed.as_bytes(), STRICT).unwrap();
        // The service writes ErrorMessage before ErrorCode: one fix-up.
        assert_eq!(accepted.reorder.len(), 1, "{:?}", accepted.reorder);
    }
}

#[test]
fn ordinary_variations_are_accepted() {
    let accepted = [
        r#"{"SynchronizationJobs":[]}"#.to_owned(),
        " \r\n\t{ \"SynchronizationJobs\" : [ ] } \n".to_owned(),
        r#"{"NextToken":"x","SynchronizationJobs":[],"TotalCount":0,"RequestId":""}"#.to_owned(),
        job_with("Result", "{}"),
        job_with("Result", r#"{"UserStatistics":{}}"#),
        job_with("Result", r#"{"UserStatistics":{"Same":{}}}"#),
        job_with("Status", r#""archived""#),
        job_with("Status", r#""""#),
        job_with(
            "Description",
            r#""tab\t quote\" slash\/ \\ \b\f\n\r \u00e9 \ud83d\ude80 \u0000""#,
        ),
        job_with("Description", "\"同步任务 · sincronisasi ✓ 🚀\""),
        job_with("TargetId", r#""idp_\u0041\n""#),
        job_with("StartTime", "9007199254740991"),
        job_with("EndTime", "0"),
        count_with("0"),
        count_with("9007199254740991"),
        seed_with(r#""Status": "success""#, r#""Status": "succ\u0065ss""#),
        format!("\u{FEFF}{SEED_002}"),
    ];
    for body in &accepted {
        assert!(list(body.as_bytes()), "declined: {body}");
    }
    let in_get = r#"{"SynchronizationJob":{"Description":"d","SynchronizationJobId":"s"}}"#;
    assert!(get(in_get.as_bytes()));
}

#[test]
fn inputs_the_routes_could_read_differently_are_declined() {
    let declined: Vec<String> = vec![
        // null is absent for serde and a value for JSON.parse.
        r#"{"SynchronizationJobs":[],"NextToken":null}"#.into(),
        job_with("Result", "null"),
        count_with("null"),
        // Unknown keys: dropped by serde, kept by JSON.parse.
        r#"{"SynchronizationJobs":[],"Extra":1}"#.into(),
        r#"{"__proto__":{},"SynchronizationJobs":[]}"#.into(),
        job_with("Extra", "[1,{}]"),
        job_with("Result", r#"{"Extra":{}}"#),
        job_with("Result", r#"{"UserStatistics":{"Moved":{}}}"#),
        count_with(r#"1,"Extra":2"#),
        // A key written with escapes.
        r#"{"Synchronization\u004Aobs":[]}"#.into(),
        // Numbers serde reads as integers but JSON.parse otherwise, or not at all.
        count_with("-0"),
        count_with("1.0"),
        count_with("1e3"),
        count_with("1E3"),
        count_with("01"),
        count_with("-1"),
        count_with("0.5"),
        count_with("9007199254740992"),
        count_with("18446744073709551616"),
        // Escapes of lone surrogates: refused by serde, kept by JSON.parse.
        job_with("Description", r#""\ud800""#),
        job_with("Description", r#""\udc00""#),
        job_with("Description", r#""\ud800\u0041""#),
        // Repeated keys.
        r#"{"SynchronizationJobs":[],"SynchronizationJobs":[]}"#.into(),
        job_with("Status", r#""failed","Status":"success""#),
        count_with(r#"1,"Failed":2"#),
        // Required fields missing.
        r#"{}"#.into(),
        r#"{"SynchronizationJobs":[{}]}"#.into(),
        r#"{"SynchronizationJobs":[{"Status":"running"}]}"#.into(),
        // Wrong types.
        r#"{"SynchronizationJobs":{}}"#.into(),
        r#"{"SynchronizationJobs":[[]]}"#.into(),
        r#"{"SynchronizationJobs":[],"TotalCount":"3"}"#.into(),
        job_with("Status", "3"),
        job_with("Result", "[]"),
        job_with("StartTime", r#""1""#),
        job_with("StartTime", "true"),
        count_with(r#""1""#),
        r#"[]"#.into(),
        r#""SynchronizationJobs""#.into(),
        // Not JSON.
        String::new(),
        r#"{"SynchronizationJobs":[]"#.into(),
        r#"{"SynchronizationJobs":[],}"#.into(),
        r#"{"SynchronizationJobs":[{"SynchronizationJobId":"a"},]}"#.into(),
        r#"{"SynchronizationJobs":[]} trailing"#.into(),
        r#"{"SynchronizationJobs":[]}{}"#.into(),
        r#"{"SynchronizationJobs" []}"#.into(),
        r#"{'SynchronizationJobs':[]}"#.into(),
        job_with("Description", "\"a\tb\""),
        job_with("Description", "\"line\nbreak\""),
        job_with("Description", r#""\x41""#),
        job_with("Description", r#""\u00G1""#),
        job_with("Description", r#""unterminated"#),
        format!("\u{FEFF}\u{FEFF}{SEED_002}"),
        "{\u{A0}\"SynchronizationJobs\":[]}".into(),
    ];
    for body in &declined {
        assert!(!list(body.as_bytes()), "accepted: {body}");
    }
    let invalid_utf8: [&[u8]; 4] = [
        b"{\"SynchronizationJobs\":[{\"SynchronizationJobId\":\"\xFF\"}]}",
        b"{\"SynchronizationJobs\":[{\"SynchronizationJobId\":\"a\xC3\"}]}",
        b"{\"SynchronizationJobs\":[{\"SynchronizationJobId\":\"\xED\xA0\x80\"}]}",
        b"{\"SynchronizationJobs\":[{\"SynchronizationJobId\":\"\xF4\x90\x80\x80\"}]}",
    ];
    for body in invalid_utf8 {
        assert!(!list(body), "accepted: {}", lossy(body));
    }
    assert!(!get(br#"{"SynchronizationJob":null}"#));
    assert!(!get(br#"{"RequestId":"r"}"#));
    assert!(!get(br#"{"SynchronizationJobs":[]}"#));
}

#[test]
fn strict_mode_declines_unknown_and_escaped_enum_values_only() {
    let unknown = seed_with(r#""Status": "success""#, r#""Status": "archived""#);
    assert!(fast::list_synchronization_jobs(unknown.as_bytes(), LENIENT).is_some());
    assert!(fast::list_synchronization_jobs(unknown.as_bytes(), STRICT).is_none());
    let escaped = seed_with(r#""Status": "success""#, r#""Status": "succ\u0065ss""#);
    assert!(fast::list_synchronization_jobs(escaped.as_bytes(), LENIENT).is_some());
    assert!(fast::list_synchronization_jobs(escaped.as_bytes(), STRICT).is_none());
    for field in ["TargetType", "Direction", "TriggerType", "Status"] {
        let body = job_with(field, r#""new_value""#);
        assert!(list(body.as_bytes()));
        assert!(fast::list_synchronization_jobs(body.as_bytes(), STRICT).is_none());
    }
}

#[test]
fn a_bom_is_skipped_once_and_oversized_input_is_declined() {
    let with_bom = format!("\u{FEFF}{SEED_002}");
    assert_eq!(
        fast::list_synchronization_jobs(with_bom.as_bytes(), LENIENT)
            .map(|a| a.text(with_bom.as_bytes())),
        Some(SEED_002.as_bytes())
    );
    let mut huge = br#"{"SynchronizationJobs":[]}"#.to_vec();
    huge.resize(MAX_INPUT_BYTES + 1, b' ');
    assert!(fast::list_synchronization_jobs(&huge, LENIENT).is_none());
    huge.truncate(MAX_INPUT_BYTES);
    assert!(fast::list_synchronization_jobs(&huge, LENIENT).is_some());
}

#[test]
fn every_truncation_of_the_list_seed_agrees() {
    let bytes = SEED_002.as_bytes();
    for end in 0..bytes.len() {
        list(&bytes[..end]);
    }
}

#[test]
fn jobs_with_escaped_fields_aggregate_like_the_parser() {
    let page = r#"{"SynchronizationJobs":[
        {"SynchronizationJobId":"sync_\u0061","TargetType":"identity_\u0070rovider","TargetId":"idp_\n",
         "Status":"f\u0061iled","StartTime":1767225600000,"EndTime":1767225660000,
         "Result":{"ErrorCode":"Time\u006Fut","UserStatistics":{"Created":{"Total":3,"Failed":2}}}},
        {"SynchronizationJobId":"sync_a","TargetType":"identity_provider","TargetId":"idp_\u000A",
         "Status":"success","StartTime":1767225500000,"Direction":"\u0065gress","TriggerType":"m\u0061nual"}
    ]}"#;
    assert!(list(page.as_bytes()));
}
