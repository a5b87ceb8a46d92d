//! The request mix: which calls are sent, the same on both routes.

use anyhow::{bail, Result};

/// Which way a request goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// Signed by the load generator, straight to the emulator.
    Direct,
    /// Unsigned `POST /{Action}?{query}` to the proxy, which signs and forwards it.
    Proxy,
}

impl Route {
    /// Both routes, in the order results are kept (`index`).
    pub const ALL: [Route; 2] = [Route::Direct, Route::Proxy];

    /// Position in [`Route::ALL`].
    pub fn index(self) -> usize {
        match self {
            Route::Direct => 0,
            Route::Proxy => 1,
        }
    }

    /// The name in tables and JSON.
    pub fn label(self) -> &'static str {
        match self {
            Route::Direct => "direct",
            Route::Proxy => "via proxy",
        }
    }
}

/// One API call: the action and its parameters, with the canonical query
/// (what the proxy would send upstream, and what is signed) computed once.
#[derive(Debug, Clone)]
pub struct Call {
    /// The operation (`ListSynchronizationJobs`).
    pub action: &'static str,
    /// The canonical (sorted, RFC 3986 encoded) query string.
    pub query: String,
    /// The decoded parameters (what is signed).
    pub params: Vec<(String, String)>,
}

impl Call {
    /// The call of `action` with `params`.
    pub fn new(action: &'static str, params: &[(&str, &str)]) -> Self {
        let params: Vec<(String, String)> = params
            .iter()
            .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
            .collect();
        Call {
            action,
            query: acs3::canonical_query(&params),
            params,
        }
    }
}

/// The IDs the mix is made of, read from the emulator before the run.
#[derive(Debug, Clone)]
pub struct Fixtures {
    /// The IDaaS instance every call names.
    pub instance_id: String,
    /// Real job IDs, from a list answer.
    pub job_ids: Vec<String>,
    /// Identity providers that have push and pull configurations.
    pub provider_ids: Vec<String>,
}

/// Calls per round of the mix: 14 lists, 4 job gets, 1 push and 1 pull configuration get.
const ROUND: usize = 20;
/// Rounds in the cycle, each with other job and provider IDs.
const ROUNDS: usize = 5;

/// The request mix: a fixed cycle of calls. Request `k` of a run is call
/// `k mod len` on either route, so both routes see the same calls in the same order.
#[derive(Debug, Clone)]
pub struct Mix {
    calls: Vec<Call>,
}

impl Mix {
    /// 70 % `ListSynchronizationJobs` (`MaxResults=20`), 20 % `GetSynchronizationJob`,
    /// 10 % push/pull configuration gets, spread evenly through each round.
    pub fn new(fixtures: &Fixtures) -> Result<Self> {
        if fixtures.job_ids.is_empty() || fixtures.provider_ids.is_empty() {
            bail!("the emulator has no jobs or no identity providers to ask for");
        }
        let instance = fixtures.instance_id.as_str();
        let mut calls = Vec::with_capacity(ROUND * ROUNDS);
        let mut gets = 0;
        for round in 0..ROUNDS {
            for slot in 0..ROUND {
                let provider = &fixtures.provider_ids[round % fixtures.provider_ids.len()];
                let call = match slot {
                    7 => Call::new(
                        "GetIdentityProviderUdPushConfiguration",
                        &[("InstanceId", instance), ("IdentityProviderId", provider)],
                    ),
                    17 => Call::new(
                        "GetIdentityProviderUdPullConfiguration",
                        &[("InstanceId", instance), ("IdentityProviderId", provider)],
                    ),
                    _ if slot % 5 == 4 => {
                        let job = &fixtures.job_ids[gets % fixtures.job_ids.len()];
                        gets += 1;
                        Call::new(
                            "GetSynchronizationJob",
                            &[("InstanceId", instance), ("SynchronizationJobId", job)],
                        )
                    }
                    _ => Call::new(
                        "ListSynchronizationJobs",
                        &[("InstanceId", instance), ("MaxResults", "20")],
                    ),
                };
                calls.push(call);
            }
        }
        Ok(Mix { calls })
    }

    /// Call number `k` of the cycle.
    pub fn call(&self, k: u64) -> &Call {
        let index = usize::try_from(k % self.calls.len() as u64).unwrap_or(0);
        &self.calls[index]
    }

    /// Every distinct call of the cycle, once (for the pre-flight check).
    pub fn calls(&self) -> &[Call] {
        &self.calls
    }

    /// How many calls of each action one cycle holds, in first-seen order.
    pub fn shares(&self) -> Vec<(&'static str, usize)> {
        let mut shares: Vec<(&'static str, usize)> = Vec::new();
        for call in &self.calls {
            match shares.iter_mut().find(|(action, _)| *action == call.action) {
                Some((_, count)) => *count += 1,
                None => shares.push((call.action, 1)),
            }
        }
        shares
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Fixtures for unit tests: one instance, seven jobs, two providers.
    pub(crate) fn fixtures() -> Fixtures {
        Fixtures {
            instance_id: "idaas_x".to_owned(),
            job_ids: (0..7).map(|i| format!("sync_{i}")).collect(),
            provider_ids: vec!["idp_a".to_owned(), "idp_b".to_owned()],
        }
    }

    #[test]
    fn the_mix_is_mostly_lists() {
        let mix = Mix::new(&fixtures()).expect("fixtures suffice");
        assert_eq!(
            mix.shares(),
            vec![
                ("ListSynchronizationJobs", 70),
                ("GetSynchronizationJob", 20),
                ("GetIdentityProviderUdPushConfiguration", 5),
                ("GetIdentityProviderUdPullConfiguration", 5),
            ]
        );
        assert_eq!(mix.call(0).query, "InstanceId=idaas_x&MaxResults=20");
        assert_eq!(mix.call(4).action, "GetSynchronizationJob");
        assert_eq!(mix.call(100).query, mix.call(0).query);
    }
}
