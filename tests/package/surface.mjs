// The package's exported functions and classes, written out from DESIGN.md's
// lists (and README's additions), not derived from either entry, so a name that
// goes missing or slips in fails the tests that compare against them.

/** What `eiam-sync/core` exports besides `init`/`initSync`: parsing, validation, analysis. */
export const CORE_FUNCTIONS = [
  "JobAggregator",
  "checkDeletionThresholds",
  "diffConfigurations",
  "isEiamSyncError",
  "isEiamSyncParseError",
  "nextScheduledRuns",
  "parseGetIdentityProviderUdPullConfiguration",
  "parseGetIdentityProviderUdPushConfiguration",
  "parseGetSynchronizationJob",
  "parseListSynchronizationJobs",
  "summarizeJob",
  "summarizeJobs",
  "validateGetIdentityProviderUdPullConfigurationRequest",
  "validateGetIdentityProviderUdPushConfigurationRequest",
  "validateGetSynchronizationJobRequest",
  "validateListSynchronizationJobs",
  "validateListSynchronizationJobsRequest",
  "validateSynchronizationJob",
  "validateUdPullConfiguration",
  "validateUdPushConfiguration",
];

/** What only the package root adds: the client (issue 5) and the reports (issue 6). */
export const ROOT_ONLY_FUNCTIONS = [
  "EiamSyncClient",
  "SynchronizationJobPages",
  "defineJobReportElement",
  "formatDuration",
  "isEiamSyncApiError",
  "isEiamSyncNetworkError",
  "isEiamSyncTimeoutError",
  "isEiamSyncValidationError",
  "jobChartSvg",
  "jobReportHtml",
  "jobsToCsv",
  "jobsTrendSvg",
  "renderJobReport",
];
