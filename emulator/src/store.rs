//! The data the emulator serves, indexed for the four operations: instances
//! by ID, jobs by ID (and in `StartTime` order, newest first), configurations
//! by identity provider.

use crate::datafile::{DataFile, DataFileError};
use crate::generate::{Dataset, InstanceData, Shaped};
use eiam_sync::model::{SynchronizationJob, TargetType, UdPullConfiguration, UdPushConfiguration};
use serde_json::{json, Value};
use std::cmp::Reverse;
use std::collections::HashMap;

/// One IDaaS instance.
#[derive(Debug, Clone, Default)]
pub struct Instance {
    /// The instance's ID.
    pub id: String,
    /// Every identity provider the instance knows (generated, then from the data file).
    pub identity_providers: Vec<String>,
    /// Every application the instance knows.
    pub applications: Vec<String>,
    jobs: Vec<SynchronizationJob>,
    job_index: HashMap<String, usize>,
    push: HashMap<String, Shaped<UdPushConfiguration>>,
    pull: HashMap<String, Shaped<UdPullConfiguration>>,
}

impl Instance {
    fn new(id: &str) -> Self {
        Instance {
            id: id.to_owned(),
            ..Instance::default()
        }
    }

    fn from_generated(data: InstanceData) -> Self {
        let mut instance = Instance {
            id: data.instance_id,
            identity_providers: data.identity_providers,
            applications: data.applications,
            jobs: data.jobs,
            ..Instance::default()
        };
        for shaped in data.push_configurations {
            if let Some(id) = shaped.configuration.identity_provider_id.clone() {
                instance.push.insert(id, shaped);
            }
        }
        for shaped in data.pull_configurations {
            if let Some(id) = shaped.configuration.identity_provider_id.clone() {
                instance.pull.insert(id, shaped);
            }
        }
        instance.reindex();
        instance
    }

    /// Keeps jobs newest first (jobs without `StartTime` last, the order
    /// among equals unchanged) and the ID index in step.
    fn reindex(&mut self) {
        self.jobs
            .sort_by_key(|job| (job.start_time.is_none(), Reverse(job.start_time)));
        self.job_index = self
            .jobs
            .iter()
            .enumerate()
            .map(|(i, job)| (job.synchronization_job_id.clone(), i))
            .collect();
    }

    /// Every job, newest first.
    pub fn jobs(&self) -> &[SynchronizationJob] {
        &self.jobs
    }

    /// The job with this ID.
    pub fn job(&self, id: &str) -> Option<&SynchronizationJob> {
        self.job_index.get(id).and_then(|&i| self.jobs.get(i))
    }

    /// The outbound configuration of this identity provider.
    pub fn push_configuration(&self, provider_id: &str) -> Option<&Shaped<UdPushConfiguration>> {
        self.push.get(provider_id)
    }

    /// The inbound configuration of this identity provider.
    pub fn pull_configuration(&self, provider_id: &str) -> Option<&Shaped<UdPullConfiguration>> {
        self.pull.get(provider_id)
    }

    fn know(list: &mut Vec<String>, id: &str) {
        if !list.iter().any(|known| known == id) {
            list.push(id.to_owned());
        }
    }
}

/// Every instance.
#[derive(Debug, Clone, Default)]
pub struct Store {
    instances: Vec<Instance>,
    index: HashMap<String, usize>,
}

impl Store {
    /// The store of a generated data set.
    pub fn from_dataset(dataset: Dataset) -> Self {
        let mut store = Store::default();
        for data in dataset.instances {
            store
                .index
                .insert(data.instance_id.clone(), store.instances.len());
            store.instances.push(Instance::from_generated(data));
        }
        store
    }

    /// The instance with this ID.
    pub fn instance(&self, id: &str) -> Option<&Instance> {
        self.index.get(id).and_then(|&i| self.instances.get(i))
    }

    /// Every instance, in catalog order.
    pub fn instances(&self) -> &[Instance] {
        &self.instances
    }

    fn instance_mut(&mut self, id: &str) -> &mut Instance {
        let i = match self.index.get(id) {
            Some(&i) => i,
            None => {
                self.instances.push(Instance::new(id));
                let i = self.instances.len() - 1;
                self.index.insert(id.to_owned(), i);
                i
            }
        };
        &mut self.instances[i]
    }

    /// Adds a data file's jobs and configurations. A job whose ID its
    /// instance already has is an error; a configuration replaces the
    /// generated one of its provider, but a file may not configure a
    /// provider twice.
    pub fn add_data_file(&mut self, file: DataFile) -> Result<(), DataFileError> {
        let mut touched = Vec::new();
        for (i, entry) in file.jobs.into_iter().enumerate() {
            let instance = self.instance_mut(&entry.instance_id);
            let id = entry.job.synchronization_job_id.clone();
            if instance.job_index.contains_key(&id) {
                return Err(DataFileError::at(
                    format!("jobs[{i}].Job.SynchronizationJobId"),
                    format!("the instance already has a job {id:?}"),
                ));
            }
            if let Some(target) = entry.job.target_id.as_deref() {
                match entry.job.target_type {
                    Some(TargetType::IdentityProvider) => {
                        Instance::know(&mut instance.identity_providers, target)
                    }
                    Some(TargetType::Application) => {
                        Instance::know(&mut instance.applications, target)
                    }
                    _ => {}
                }
            }
            instance.job_index.insert(id, instance.jobs.len());
            instance.jobs.push(entry.job);
            touched.push(entry.instance_id);
        }
        for id in touched {
            self.instance_mut(&id).reindex();
        }

        let mut seen = std::collections::HashSet::new();
        for (i, configuration) in file.push_configurations.into_iter().enumerate() {
            let (instance_id, provider_id) = ids(
                &configuration.instance_id,
                &configuration.identity_provider_id,
            );
            if !seen.insert((instance_id.clone(), provider_id.clone())) {
                return Err(DataFileError::at(
                    format!("pushConfigurations[{i}]"),
                    format!("a second push configuration for {provider_id:?}"),
                ));
            }
            let instance = self.instance_mut(&instance_id);
            Instance::know(&mut instance.identity_providers, &provider_id);
            instance.push.insert(
                provider_id,
                Shaped {
                    configuration,
                    times_shape: None,
                },
            );
        }
        seen.clear();
        for (i, configuration) in file.pull_configurations.into_iter().enumerate() {
            let (instance_id, provider_id) = ids(
                &configuration.instance_id,
                &configuration.identity_provider_id,
            );
            if !seen.insert((instance_id.clone(), provider_id.clone())) {
                return Err(DataFileError::at(
                    format!("pullConfigurations[{i}]"),
                    format!("a second pull configuration for {provider_id:?}"),
                ));
            }
            let instance = self.instance_mut(&instance_id);
            Instance::know(&mut instance.identity_providers, &provider_id);
            instance.pull.insert(
                provider_id,
                Shaped {
                    configuration,
                    times_shape: None,
                },
            );
        }
        Ok(())
    }

    /// `GET /_emulator/catalog`: `{"instances": [{"InstanceId", "IdentityProviders",
    /// "Applications", "JobCount"}], "JobCount": total}`.
    pub fn catalog(&self) -> Value {
        let instances: Vec<Value> = self
            .instances
            .iter()
            .map(|instance| {
                json!({
                    "InstanceId": instance.id,
                    "IdentityProviders": instance.identity_providers,
                    "Applications": instance.applications,
                    "JobCount": instance.jobs.len(),
                })
            })
            .collect();
        let total: usize = self.instances.iter().map(|i| i.jobs.len()).sum();
        json!({ "instances": instances, "JobCount": total })
    }
}

/// The IDs a data-file configuration carries (checked present when the file was read).
fn ids(instance_id: &Option<String>, provider_id: &Option<String>) -> (String, String) {
    (
        instance_id.clone().unwrap_or_default(),
        provider_id.clone().unwrap_or_default(),
    )
}
