//! Generated requests and queries: round trips, and no panic on any input.

use super::*;

/// A small deterministic generator (xorshift), so generated cases are the same
/// on every run.
struct Generator(u64);

impl Generator {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn text(&mut self) -> String {
        const PIECES: &[&str] = &[
            "a", "Z", "0", "-", "_", ".", "~", " ", "*", "&", "=", "+", "%", "%2A", "/", "?", "#",
            "é", "中", "😀", "\n", "\u{0}", ".1", "Key",
        ];
        let len = self.below(6);
        (0..len)
            .map(|_| PIECES[self.below(PIECES.len() as u64) as usize])
            .collect()
    }
    fn opt_text(&mut self) -> Option<String> {
        (self.below(3) != 0).then(|| self.text())
    }
    fn opt_number(&mut self) -> Option<u64> {
        match self.below(4) {
            0 => None,
            1 => Some(self.below(10)),
            2 => Some(MAX_SAFE_INTEGER - self.below(3)),
            _ => Some(self.next() & MAX_SAFE_INTEGER),
        }
    }
    fn texts(&mut self) -> Option<Vec<String>> {
        (self.below(3) != 0).then(|| (0..1 + self.below(12)).map(|_| self.text()).collect())
    }
}

#[test]
fn generated_requests_round_trip() {
    let mut g = Generator(0x9E37_79B9_7F4A_7C15);
    for _ in 0..2000 {
        let request = ListSynchronizationJobsRequest {
            instance_id: g.opt_text(),
            page_number: g.opt_number(),
            page_size: g.opt_number(),
            next_token: g.opt_text(),
            max_results: g.opt_number(),
            target_type: g.opt_text().map(|t| TargetType::from_wire(&t)),
            target_ids: g.texts(),
            start_time: g.opt_number(),
            end_time: g.opt_number(),
            direction: g.opt_text().map(|t| SyncDirection::from_wire(&t)),
            status: g.opt_text().map(|t| JobStatus::from_wire(&t)),
            filters: (g.below(3) != 0).then(|| {
                (0..1 + g.below(11))
                    .map(|_| JobFilter {
                        key: Some(g.text()),
                        values: g.texts(),
                    })
                    .collect()
            }),
        };
        let query = query_of(&request);
        assert_eq!(
            request_of::<ListSynchronizationJobsRequest>(&query).unwrap(),
            request,
            "{query}"
        );

        let job = GetSynchronizationJobRequest {
            instance_id: g.opt_text(),
            synchronization_job_id: g.opt_text(),
        };
        assert_eq!(
            request_of::<GetSynchronizationJobRequest>(&query_of(&job)).unwrap(),
            job
        );

        let push = GetIdentityProviderUdPushConfigurationRequest {
            instance_id: g.opt_text(),
            identity_provider_id: g.opt_text(),
        };
        assert_eq!(
            request_of::<GetIdentityProviderUdPushConfigurationRequest>(&query_of(&push)).unwrap(),
            push
        );

        let pull = GetIdentityProviderUdPullConfigurationRequest {
            instance_id: g.opt_text(),
            identity_provider_id: g.opt_text(),
        };
        assert_eq!(
            request_of::<GetIdentityProviderUdPullConfigurationRequest>(&query_of(&pull)).unwrap(),
            pull
        );
    }
}

/// Decodes, and when that succeeds re-encodes and decodes again; the request
/// must come back equal.
fn check_round_trip<R: RpcRequest + PartialEq + fmt::Debug>(params: &[(String, String)]) {
    if let Ok(request) = R::from_params(params) {
        let query = encode_query(&request.to_params());
        assert_eq!(request_of::<R>(&query).unwrap(), request, "{query}");
    }
}

#[test]
fn generated_queries_never_panic_and_accepted_ones_round_trip() {
    const PIECES: &[&str] = &[
        "&",
        "=",
        "%",
        "%2",
        "%41",
        "%FF",
        "%C3%A9",
        "+",
        "TargetIds.",
        "Filters.",
        ".Key",
        ".Values.",
        "1",
        "2",
        "0",
        "01",
        "99999999999",
        "InstanceId",
        "PageSize",
        "Status",
        "IdentityProviderId",
        "SynchronizationJobId",
        "x",
        "é",
        "9007199254740992",
    ];
    let mut g = Generator(42);
    let mut accepted = 0;
    for _ in 0..20_000 {
        let query: String = (0..g.below(16))
            .map(|_| PIECES[g.below(PIECES.len() as u64) as usize])
            .collect();
        let Ok(params) = decode_query(&query) else {
            continue;
        };
        accepted += usize::from(ListSynchronizationJobsRequest::from_params(&params).is_ok());
        check_round_trip::<ListSynchronizationJobsRequest>(&params);
        check_round_trip::<GetSynchronizationJobRequest>(&params);
        check_round_trip::<GetIdentityProviderUdPushConfigurationRequest>(&params);
        check_round_trip::<GetIdentityProviderUdPullConfigurationRequest>(&params);
    }
    assert!(
        accepted > 1000,
        "only {accepted} generated queries were accepted"
    );
}
