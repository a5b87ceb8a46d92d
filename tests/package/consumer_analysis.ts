// Compiled with `tsc --strict` against the installed package: every validation
// and analysis export and type, used the way a console developer would.

import {
  JobAggregator,
  checkDeletionThresholds,
  diffConfigurations,
  nextScheduledRuns,
  parseGetIdentityProviderUdPullConfiguration,
  parseListSynchronizationJobs,
  summarizeJob,
  summarizeJobs,
  validateGetIdentityProviderUdPullConfigurationRequest,
  validateGetIdentityProviderUdPushConfigurationRequest,
  validateGetSynchronizationJobRequest,
  validateListSynchronizationJobs,
  validateListSynchronizationJobsRequest,
  validateSynchronizationJob,
  validateUdPullConfiguration,
  validateUdPushConfiguration,
  type BucketSize,
  type ChangeKind,
  type ConfigChange,
  type Counts,
  type DurationStats,
  type EntityThreshold,
  type ErrorCodeCount,
  type FailingTarget,
  type ItemTotals,
  type JobRef,
  type JobSummary,
  type JobsSummary,
  type KeyCount,
  type OperationCounts,
  type Outcome,
  type OutcomeCount,
  type ScheduleOptions,
  type Severity,
  type SummaryOptions,
  type TargetRollup,
  type ThresholdReport,
  type ThresholdStatus,
  type TimeBucket,
  type UdPushConfiguration,
  type ValidateOptions,
  type ValidationIssue,
  type ValidationReport,
  type ValidationRuleCode,
} from "eiam-sync";

const options: ValidateOptions = { locale: "id", nowMs: Date.UTC(2026, 0, 1), strict: true };

/** Issues of every kind a console shows, keyed by path. */
export function issuesByPath(report: ValidationReport): Map<string, ValidationIssue[]> {
  const byPath = new Map<string, ValidationIssue[]>();
  for (const issue of report.issues) {
    const severity: Severity = issue.severity;
    const code: ValidationRuleCode = issue.code;
    if (severity === "error" && code === "invalid_ldap_filter") console.warn(issue.message);
    byPath.set(issue.path, [...(byPath.get(issue.path) ?? []), issue]);
  }
  return byPath;
}

export function checkEverything(listBody: Uint8Array, pullBody: Uint8Array): boolean {
  const page = parseListSynchronizationJobs(listBody);
  const pull = parseGetIdentityProviderUdPullConfiguration(pullBody).UdPullConfiguration;
  const reports: ValidationReport[] = [
    validateListSynchronizationJobs(page, options),
    validateUdPullConfiguration(pull),
    validateListSynchronizationJobsRequest({ InstanceId: "idaas_x", MaxResults: 20 }),
    validateGetSynchronizationJobRequest({ InstanceId: "idaas_x", SynchronizationJobId: "sync_x" }),
    validateGetIdentityProviderUdPushConfigurationRequest({ InstanceId: "idaas_x", IdentityProviderId: "idp_x" }),
    validateGetIdentityProviderUdPullConfigurationRequest({ InstanceId: "idaas_x", IdentityProviderId: "idp_x" }),
    ...page.SynchronizationJobs.map((job) => validateSynchronizationJob(job, { locale: "zh-CN" })),
  ];
  const first = page.SynchronizationJobs[0];
  if (first) {
    const summary: JobSummary = summarizeJob(first);
    const outcome: Outcome = summary.outcome;
    const items: ItemTotals = summary.items;
    const users: OperationCounts = items.users;
    const created: Counts = users.created;
    console.log(outcome, created.total, items.successRate ?? "n/a", summary.durationMs ?? 0);
    const thresholds: ThresholdReport = checkDeletionThresholds(first, pull);
    const user: EntityThreshold = thresholds.users;
    const status: ThresholdStatus = user.status;
    console.log(status, user.ratio ?? "no threshold");
  }
  return reports.every((report) => report.valid);
}

export function dashboard(pages: Uint8Array[]): JobsSummary {
  const summaryOptions: SummaryOptions = { bucket: "hour" satisfies BucketSize, utcOffsetMinutes: 480, topN: 3 };
  const left = new JobAggregator(summaryOptions);
  const right = new JobAggregator(summaryOptions);
  pages.forEach((page, i) => (i % 2 === 0 ? left : right).add(page));
  left.merge(right);
  right.free();
  const summary = left.summary();
  left.free();
  const statuses: KeyCount[] = summary.byStatus;
  const outcomes: OutcomeCount[] = summary.byOutcome;
  const targets: TargetRollup[] = summary.targets;
  const last: JobRef | undefined = targets[0]?.lastRun;
  const buckets: TimeBucket[] = summary.timeBuckets;
  const durations: DurationStats = summary.durations;
  const failing: FailingTarget[] = summary.topFailingTargets;
  const codes: ErrorCodeCount[] = summary.topErrorCodes;
  console.log(statuses.length, outcomes.length, last?.synchronizationJobId, buckets.length, durations.p95Ms, failing, codes);
  return summarizeJobs(pages.flatMap((page) => parseListSynchronizationJobs(page).SynchronizationJobs), summaryOptions);
}

export function schedules(before: UdPushConfiguration, after: UdPushConfiguration): string[] {
  const scheduleOptions: ScheduleOptions = { utcOffsetMinutes: -300 };
  const runs: number[] = before.PeriodicSyncConfig
    ? nextScheduledRuns(before.PeriodicSyncConfig, Date.now(), 5, scheduleOptions)
    : [];
  const changes: ConfigChange[] = diffConfigurations(before, after);
  return [
    ...runs.map((ms) => new Date(ms).toISOString()),
    ...changes.map((change) => {
      const kind: ChangeKind = change.kind;
      const was: unknown = change.before;
      return `${kind} ${change.path} ${JSON.stringify(was)}`;
    }),
  ];
}
