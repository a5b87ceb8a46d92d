//! The four operations, independent of HTTP: a decoded query in, a JSON body
//! (or an [`ApiError`]) out. The server adds signatures, faults and headers.

use crate::errors::ApiError;
use crate::listing;
use crate::shapes;
use crate::store::{Instance, Store};
use crate::token::TokenCodec;
use eiam_sync::model::rpc::{decode_query, RpcError, RpcRequest};
use eiam_sync::model::{
    GetIdentityProviderUdPullConfigurationRequest, GetIdentityProviderUdPushConfigurationRequest,
    GetSynchronizationJobRequest, ListSynchronizationJobsRequest, SynchronizationJob,
};
use serde::Serialize;
use serde_json::Value;

/// The API version the emulator serves (`x-acs-version`).
pub const API_VERSION: &str = "2021-12-01";

/// The operations served.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// GetSynchronizationJob.
    GetSynchronizationJob,
    /// ListSynchronizationJobs.
    ListSynchronizationJobs,
    /// GetIdentityProviderUdPushConfiguration.
    GetIdentityProviderUdPushConfiguration,
    /// GetIdentityProviderUdPullConfiguration.
    GetIdentityProviderUdPullConfiguration,
}

impl Action {
    /// Every operation served.
    pub const ALL: [Action; 4] = [
        Action::GetSynchronizationJob,
        Action::ListSynchronizationJobs,
        Action::GetIdentityProviderUdPushConfiguration,
        Action::GetIdentityProviderUdPullConfiguration,
    ];

    /// The wire name (`x-acs-action`).
    pub fn name(self) -> &'static str {
        match self {
            Action::GetSynchronizationJob => GetSynchronizationJobRequest::ACTION,
            Action::ListSynchronizationJobs => ListSynchronizationJobsRequest::ACTION,
            Action::GetIdentityProviderUdPushConfiguration => {
                GetIdentityProviderUdPushConfigurationRequest::ACTION
            }
            Action::GetIdentityProviderUdPullConfiguration => {
                GetIdentityProviderUdPullConfigurationRequest::ACTION
            }
        }
    }

    /// The operation with this exact wire name.
    pub fn from_name(name: &str) -> Option<Self> {
        Action::ALL.into_iter().find(|a| a.name() == name)
    }
}

/// What the handlers read: the data and the token key.
#[derive(Debug)]
pub struct Service {
    /// The data.
    pub store: Store,
    /// Writes and checks `NextToken`s.
    pub tokens: TokenCodec,
}

fn invalid(error: RpcError) -> ApiError {
    let name = error.key.as_deref().unwrap_or("query");
    ApiError::invalid_parameter(name, &error.message)
}

fn required<'a>(value: &'a Option<String>, name: &str) -> Result<&'a str, ApiError> {
    match value.as_deref() {
        Some(v) if !v.is_empty() => Ok(v),
        _ => Err(ApiError::missing_parameter(name)),
    }
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct JobBody<'a> {
    request_id: &'a str,
    synchronization_job: &'a SynchronizationJob,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct ListBody<'a> {
    request_id: &'a str,
    total_count: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_token: Option<String>,
    synchronization_jobs: Vec<&'a SynchronizationJob>,
}

fn to_json<T: Serialize>(value: &T) -> Result<Vec<u8>, ApiError> {
    serde_json::to_vec(value).map_err(|e| {
        ApiError::new(
            axum::http::StatusCode::INTERNAL_SERVER_ERROR,
            "InternalError",
            format!("The response could not be written: {e}"),
        )
    })
}

/// `{"RequestId": ..., root: configuration}` with `PeriodicSyncTimes` in its shape.
fn configuration_body<T: Serialize>(
    request_id: &str,
    root: &str,
    configuration: &T,
    shape: Option<shapes::TimesShape>,
) -> Result<Vec<u8>, ApiError> {
    let mut inner = serde_json::to_value(configuration).unwrap_or(Value::Null);
    shapes::apply(&mut inner, shape);
    let mut body = serde_json::Map::new();
    body.insert("RequestId".into(), Value::from(request_id));
    body.insert(root.into(), inner);
    to_json(&Value::Object(body))
}

impl Service {
    fn instance(&self, id: &str) -> Result<&Instance, ApiError> {
        self.store
            .instance(id)
            .ok_or_else(|| ApiError::entity_not_exists("Instance", "instance", id))
    }

    /// Answers `action` for the raw (still percent-encoded) query string.
    pub fn handle(
        &self,
        action: Action,
        raw_query: &str,
        request_id: &str,
    ) -> Result<Vec<u8>, ApiError> {
        let params = decode_query(raw_query).map_err(invalid)?;
        match action {
            Action::GetSynchronizationJob => {
                let request =
                    GetSynchronizationJobRequest::from_params(&params).map_err(invalid)?;
                let instance_id = required(&request.instance_id, "InstanceId")?;
                let job_id = required(&request.synchronization_job_id, "SynchronizationJobId")?;
                let instance = self.instance(instance_id)?;
                let job = instance.job(job_id).ok_or_else(|| {
                    ApiError::entity_not_exists("SynchronizationJob", "synchronization job", job_id)
                })?;
                to_json(&JobBody {
                    request_id,
                    synchronization_job: job,
                })
            }
            Action::ListSynchronizationJobs => {
                let request =
                    ListSynchronizationJobsRequest::from_params(&params).map_err(invalid)?;
                let instance = self.instance(required(&request.instance_id, "InstanceId")?)?;
                let page = listing::list(instance, &request, &self.tokens)?;
                to_json(&ListBody {
                    request_id,
                    total_count: page.total_count,
                    next_token: page.next_token,
                    synchronization_jobs: page.jobs,
                })
            }
            Action::GetIdentityProviderUdPushConfiguration => {
                let request = GetIdentityProviderUdPushConfigurationRequest::from_params(&params)
                    .map_err(invalid)?;
                let instance_id = required(&request.instance_id, "InstanceId")?;
                let provider = required(&request.identity_provider_id, "IdentityProviderId")?;
                let instance = self.instance(instance_id)?;
                let shaped = instance.push_configuration(provider).ok_or_else(|| {
                    ApiError::entity_not_exists("IdentityProvider", "identity provider", provider)
                })?;
                configuration_body(
                    request_id,
                    "UdPushConfiguration",
                    &shaped.configuration,
                    shaped.times_shape,
                )
            }
            Action::GetIdentityProviderUdPullConfiguration => {
                let request = GetIdentityProviderUdPullConfigurationRequest::from_params(&params)
                    .map_err(invalid)?;
                let instance_id = required(&request.instance_id, "InstanceId")?;
                let provider = required(&request.identity_provider_id, "IdentityProviderId")?;
                let instance = self.instance(instance_id)?;
                let shaped = instance.pull_configuration(provider).ok_or_else(|| {
                    ApiError::entity_not_exists("IdentityProvider", "identity provider", provider)
                })?;
                configuration_body(
                    request_id,
                    "UdPullConfiguration",
                    &shaped.configuration,
                    shaped.times_shape,
                )
            }
        }
    }
}
