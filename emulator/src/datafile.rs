//! `--data-file`: extra jobs and configurations, in the library's model types.
//!
//! ```json
//! {
//!   "jobs": [{"InstanceId": "idaas_...", "Job": {"SynchronizationJobId": "sync_...", ...}}],
//!   "pushConfigurations": [{"InstanceId": "idaas_...", "IdentityProviderId": "idp_...", ...}],
//!   "pullConfigurations": [{"InstanceId": "idaas_...", "IdentityProviderId": "idp_...", ...}]
//! }
//! ```
//!
//! Every key is optional; unknown keys at this level are refused (a typo must
//! not silently drop data). The jobs and configurations are read by the
//! library's own parser, so whatever the file holds is exactly what clients
//! will parse; configurations must name their `InstanceId` and
//! `IdentityProviderId`.

use eiam_sync::model::{SynchronizationJob, UdPullConfiguration, UdPushConfiguration};
use eiam_sync::parse::{parse, ParseOptions};
use serde::Deserialize;
use std::fmt;
use std::path::Path;

/// The whole file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct DataFile {
    /// Jobs, each with the instance it belongs to.
    #[serde(default)]
    pub jobs: Vec<DataFileJob>,
    /// Outbound configurations (they name their instance and provider).
    #[serde(default)]
    pub push_configurations: Vec<UdPushConfiguration>,
    /// Inbound configurations (they name their instance and provider).
    #[serde(default)]
    pub pull_configurations: Vec<UdPullConfiguration>,
}

/// One job and its instance.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataFileJob {
    /// The instance (created when the generated data has no such instance).
    #[serde(rename = "InstanceId")]
    pub instance_id: String,
    /// The job, served verbatim.
    #[serde(rename = "Job")]
    pub job: SynchronizationJob,
}

/// A data file that cannot be used; names the JSON path at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataFileError {
    /// The JSON path (`jobs[2].Job.Status`, `pushConfigurations[0].InstanceId`).
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl DataFileError {
    /// An error at `path`.
    pub fn at(path: impl Into<String>, message: impl Into<String>) -> Self {
        DataFileError {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for DataFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "(root)"
        } else {
            &self.path
        };
        write!(f, "at {path}: {}", self.message)
    }
}

impl std::error::Error for DataFileError {}

impl DataFile {
    /// Reads a data file from JSON bytes with the library's parser (lenient
    /// about enum values, strict about structure and duplicate keys).
    pub fn from_json(bytes: &[u8]) -> Result<Self, DataFileError> {
        let file: DataFile = parse(bytes, ParseOptions::default())
            .map_err(|e| DataFileError::at(e.path.clone(), e.message))?;
        file.check()?;
        Ok(file)
    }

    /// Reads the data file at `path`.
    pub fn load(path: &Path) -> Result<Self, DataFileError> {
        let bytes = std::fs::read(path)
            .map_err(|e| DataFileError::at("", format!("cannot read {}: {e}", path.display())))?;
        Self::from_json(&bytes)
    }

    /// Checks what the types cannot: configurations name their instance and
    /// provider, and no ID is empty.
    fn check(&self) -> Result<(), DataFileError> {
        for (i, entry) in self.jobs.iter().enumerate() {
            if entry.instance_id.is_empty() {
                return Err(DataFileError::at(
                    format!("jobs[{i}].InstanceId"),
                    "must not be empty",
                ));
            }
            if entry.job.synchronization_job_id.is_empty() {
                return Err(DataFileError::at(
                    format!("jobs[{i}].Job.SynchronizationJobId"),
                    "must not be empty",
                ));
            }
        }
        let push = self
            .push_configurations
            .iter()
            .map(|c| (c.instance_id.as_deref(), c.identity_provider_id.as_deref()));
        let pull = self
            .pull_configurations
            .iter()
            .map(|c| (c.instance_id.as_deref(), c.identity_provider_id.as_deref()));
        for (list, ids) in [
            ("pushConfigurations", push.collect::<Vec<_>>()),
            ("pullConfigurations", pull.collect::<Vec<_>>()),
        ] {
            for (i, (instance, provider)) in ids.into_iter().enumerate() {
                for (field, value) in [("InstanceId", instance), ("IdentityProviderId", provider)] {
                    if value.is_none_or(str::is_empty) {
                        return Err(DataFileError::at(
                            format!("{list}[{i}].{field}"),
                            "required in a data file (a configuration names its instance and identity provider)",
                        ));
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_file_with_hostile_strings() {
        let text = br#"{
            "jobs": [{"InstanceId": "idaas_<script>", "Job": {
                "SynchronizationJobId": "sync_<img src=x onerror=alert(1)>",
                "Status": "failed", "Description": "<script>alert(1)</script>",
                "Result": {"ErrorMessage": "javascript:alert(1)"}}}],
            "pullConfigurations": [{"InstanceId": "idaas_x", "IdentityProviderId": "idp_y",
                "LdapUdPullConfig": {"UserObjectClassCustomFilter": "(cn=<b>)"},
                "PeriodicSyncConfig": {"PeriodicSyncTimes": "3,5"}}]
        }"#;
        let file = DataFile::from_json(text).unwrap();
        assert_eq!(file.jobs.len(), 1);
        assert_eq!(
            file.pull_configurations[0]
                .periodic_sync_config
                .as_ref()
                .unwrap()
                .periodic_sync_times,
            Some(vec![3, 5])
        );
    }

    #[test]
    fn names_the_path_of_a_bad_value() {
        let error = DataFile::from_json(
            br#"{"jobs": [{"InstanceId": "i", "Job": {"SynchronizationJobId": "s"}},
                          {"InstanceId": "i", "Job": {"SynchronizationJobId": "t", "StartTime": -1}}]}"#,
        )
        .unwrap_err();
        assert_eq!(error.path, "jobs[1].Job.StartTime");

        let error =
            DataFile::from_json(br#"{"pushConfigurations": [{"InstanceId": "i"}]}"#).unwrap_err();
        assert_eq!(error.path, "pushConfigurations[0].IdentityProviderId");

        let error = DataFile::from_json(br#"{"job": []}"#).unwrap_err();
        assert!(error.message.contains("job"), "{error}");

        let error = DataFile::from_json(br#"{"jobs": [{"Job": {"SynchronizationJobId": "s"}}]}"#)
            .unwrap_err();
        assert_eq!(error.path, "jobs[0].InstanceId");
    }
}
