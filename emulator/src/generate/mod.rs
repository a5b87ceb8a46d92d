//! The deterministic data set: instances, identity providers, applications, a
//! month of synchronization jobs and a push and a pull configuration per
//! identity provider, all from `(seed, now_ms)` and the sizes.
//!
//! Every value comes from a ChaCha8 generator seeded per instance, so the same
//! options give the same bytes on every machine, and adding an instance does
//! not change the ones before it.

mod configs;
mod jobs;
mod targets;
mod text;

pub use targets::random_id;

use crate::hash::mix;
use crate::shapes::TimesShape;
use eiam_sync::model::{SynchronizationJob, UdPullConfiguration, UdPushConfiguration};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// How much data to generate, and from which seed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratorOptions {
    /// The seed of every random choice.
    pub seed: u64,
    /// "Now" for the data, in epoch milliseconds: jobs lie in the month before it.
    pub now_ms: u64,
    /// How many IDaaS instances.
    pub instances: usize,
    /// How many jobs in each instance.
    pub jobs_per_instance: usize,
    /// How many identity providers in each instance.
    pub identity_providers: usize,
    /// How many applications in each instance.
    pub applications: usize,
}

/// The default "now": 2026-01-01T00:00:00Z, so the data never moves with the calendar.
pub const DEFAULT_NOW_MS: u64 = 1_767_225_600_000;

/// How far back the jobs reach: 30 days.
pub const MONTH_MS: u64 = 30 * crate::clock::DAY_MS;

impl Default for GeneratorOptions {
    fn default() -> Self {
        GeneratorOptions {
            seed: 1,
            now_ms: DEFAULT_NOW_MS,
            instances: 1,
            jobs_per_instance: 500,
            identity_providers: 4,
            applications: 3,
        }
    }
}

/// A configuration and the wire shape its `PeriodicSyncTimes` is sent in
/// (`None`: as the model serialises it, an integer array).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shaped<T> {
    /// The configuration; carries its own `InstanceId` and `IdentityProviderId`.
    pub configuration: T,
    /// The shape of `PeriodicSyncTimes` on the wire.
    pub times_shape: Option<TimesShape>,
}

/// Everything one IDaaS instance holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstanceData {
    /// `idaas_` + 26 lowercase letters and digits.
    pub instance_id: String,
    /// The identity providers (`idp_...`), in creation order.
    pub identity_providers: Vec<String>,
    /// The applications (`app_...`), in creation order.
    pub applications: Vec<String>,
    /// The jobs, newest `StartTime` first.
    pub jobs: Vec<SynchronizationJob>,
    /// One outbound configuration per identity provider.
    pub push_configurations: Vec<Shaped<UdPushConfiguration>>,
    /// One inbound configuration per identity provider.
    pub pull_configurations: Vec<Shaped<UdPullConfiguration>>,
}

/// The generated data of every instance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dataset {
    /// The instances, in order.
    pub instances: Vec<InstanceData>,
}

/// Generates the data set described by `options`.
pub fn generate(options: &GeneratorOptions) -> Dataset {
    let instances = (0..options.instances)
        .map(|index| generate_instance(options, index as u64))
        .collect();
    Dataset { instances }
}

fn generate_instance(options: &GeneratorOptions, index: u64) -> InstanceData {
    let mut rng = ChaCha8Rng::seed_from_u64(mix(&[options.seed, index]));
    let instance_id = random_id(&mut rng, "idaas_", 26);
    let providers: Vec<targets::Provider> = (0..options.identity_providers)
        .map(|i| targets::Provider::generate(&mut rng, i))
        .collect();
    let applications: Vec<targets::Application> = (0..options.applications)
        .map(|i| targets::Application::generate(&mut rng, i))
        .collect();

    let mut push_configurations = Vec::with_capacity(providers.len());
    let mut pull_configurations = Vec::with_capacity(providers.len());
    for (i, provider) in providers.iter().enumerate() {
        // Pull takes shape i, push shape i + 2: with four providers each kind
        // of configuration shows all four shapes.
        let pull_shape = TimesShape::ALL[i % 4];
        let push_shape = TimesShape::ALL[(i + 2) % 4];
        pull_configurations.push(Shaped {
            configuration: configs::pull_configuration(
                &mut rng,
                &instance_id,
                provider,
                pull_shape,
            ),
            times_shape: Some(pull_shape),
        });
        push_configurations.push(Shaped {
            configuration: configs::push_configuration(
                &mut rng,
                &instance_id,
                provider,
                push_shape,
            ),
            times_shape: Some(push_shape),
        });
    }

    let jobs = jobs::generate_jobs(
        &mut rng,
        options.now_ms,
        &providers,
        &applications,
        options.jobs_per_instance,
    );

    InstanceData {
        instance_id,
        identity_providers: providers.iter().map(|p| p.id.clone()).collect(),
        applications: applications.iter().map(|a| a.id.clone()).collect(),
        jobs,
        push_configurations,
        pull_configurations,
    }
}

#[cfg(test)]
mod tests;
