//! The wire model: the request and response bodies of the four operations,
//! field for field as the service sends them (PascalCase names), so a parsed
//! response looks like the network traffic and the API documentation.

mod config;
pub mod enums;
mod job;
mod request;
pub mod rpc;
pub(crate) mod wire;

pub use config::{
    GetIdentityProviderUdPullConfigurationResponse, GetIdentityProviderUdPushConfigurationResponse,
    LdapUdPullConfig, LdapUdPushConfig, PeriodicSyncConfig, PullProtectedRule, UdPullConfiguration,
    UdPushConfiguration, UdSyncScopeConfig,
};
pub use enums::{
    JobStatus, PeriodicSyncType, SwitchStatus, SyncDirection, TargetType, TriggerType,
};
pub use job::{
    EntityStatistics, GetSynchronizationJobResponse, ListSynchronizationJobsResponse,
    OperationCount, SynchronizationJob, SynchronizationJobResult,
};
pub use request::{
    GetIdentityProviderUdPullConfigurationRequest, GetIdentityProviderUdPushConfigurationRequest,
    GetSynchronizationJobRequest, JobFilter, ListSynchronizationJobsRequest,
};
pub use wire::MAX_SAFE_INTEGER;
