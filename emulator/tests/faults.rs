//! Faults: each at rate 1.0 gives its failure; at 0.3 some requests pass, the
//! same ones for the same seed. Each test runs its own emulator.

mod common;

use common::Emulator;
use eiam_sync::parse::{self, ParseErrorCode, ParseOptions};
use std::time::Instant;

fn list(emulator: &Emulator, instance: &str) -> common::Reply {
    emulator
        .client()
        .call("ListSynchronizationJobs", &[("InstanceId", instance)])
}

#[test]
fn fail_rate_one_gives_503_but_not_on_introspection() {
    let emulator = Emulator::start(&["--fail-rate", "1"]);
    let (instance, _) = emulator.first_instance();
    for _ in 0..3 {
        list(&emulator, &instance).expect_error(503, "ServiceUnavailable");
    }
    emulator.get_json("/_emulator/requests");
}

#[test]
fn throttling_answers_429_with_the_rate_header() {
    let emulator = Emulator::start(&["--throttle-rps", "2"]);
    let (instance, _) = emulator.first_instance();
    let replies: Vec<common::Reply> = (0..8).map(|_| list(&emulator, &instance)).collect();
    let throttled: Vec<&common::Reply> = replies.iter().filter(|r| r.status == 429).collect();
    assert!(
        !throttled.is_empty(),
        "8 quick requests exceed 2 per second"
    );
    for reply in &throttled {
        reply.expect_error(429, "Throttling.User");
        let header = reply.header("x-ratelimit-user").expect("x-ratelimit-user");
        let fields: Vec<&str> = header.split(',').collect();
        assert_eq!(fields.len(), 4, "{header}");
        assert_eq!(fields[0], "Limit:2");
        assert_eq!(fields[1], "Remain:0");
        let time_left: u64 = fields[2]
            .strip_prefix("TimeLeft:")
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=1000).contains(&time_left), "{header}");
        let reset: u64 = fields[3].strip_prefix("Reset:").unwrap().parse().unwrap();
        assert_eq!(reset % 1000, 0, "{header}");
    }
    let ok = replies
        .iter()
        .find(|r| r.status == 200)
        .expect("the first request passes");
    let header = ok
        .header("x-ratelimit-user")
        .expect("x-ratelimit-user on success");
    assert!(header.starts_with("Limit:2,Remain:"), "{header}");
}

#[test]
fn truncation_cuts_the_body_with_a_matching_length() {
    let emulator = Emulator::start(&["--truncate-rate", "1.0"]);
    let (instance, _) = emulator.first_instance();
    let reply = list(&emulator, &instance);
    assert_eq!(reply.status, 200);
    let body = reply.bytes();
    let length: usize = reply.header("content-length").unwrap().parse().unwrap();
    assert_eq!(length, body.len());
    let error = parse::list_synchronization_jobs(body, ParseOptions::default()).unwrap_err();
    assert_eq!(error.code, ParseErrorCode::Eof, "{error}");
}

#[test]
fn reset_closes_the_connection_mid_body() {
    let emulator = Emulator::start(&["--reset-rate", "1"]);
    let (instance, _) = emulator.first_instance();
    let reply = list(&emulator, &instance);
    assert_eq!(reply.status, 200);
    let announced: usize = reply.header("content-length").unwrap().parse().unwrap();
    assert!(announced > 100);
    assert!(reply.body.is_err(), "the body read must fail");
}

#[test]
fn latency_delays_each_answer() {
    let emulator = Emulator::start(&["--latency-ms", "300"]);
    let (instance, _) = emulator.first_instance();
    let started = Instant::now();
    assert_eq!(list(&emulator, &instance).status, 200);
    assert!(started.elapsed().as_millis() >= 300);
}

fn statuses(args: &[&str]) -> Vec<u16> {
    let emulator = Emulator::start(args);
    let (instance, _) = emulator.first_instance();
    (0..30).map(|_| list(&emulator, &instance).status).collect()
}

#[test]
fn partial_rates_are_reproducible_for_a_seed() {
    let args = ["--seed", "7", "--fail-rate", "0.3"];
    let first = statuses(&args);
    assert!(first.contains(&200) && first.contains(&503), "{first:?}");
    assert!(first.iter().all(|s| *s == 200 || *s == 503));
    assert_eq!(first, statuses(&args), "same seed, same faults");
}
