// What a console developer writes against the installed package, type-checked
// with `tsc -p tests/package/tsconfig.json` (strict, noEmit, nodenext). It uses
// every exported function and type, and the `@ts-expect-error` lines prove the
// declarations are exact: each one must be an error, or tsc fails.

import {
  init,
  isEiamSyncError,
  isEiamSyncParseError,
  parseGetIdentityProviderUdPullConfiguration,
  parseGetIdentityProviderUdPushConfiguration,
  parseGetSynchronizationJob,
  parseListSynchronizationJobs,
} from "eiam-sync";
import type {
  EiamSyncError,
  EiamSyncParseError,
  EntityStatistics,
  GetIdentityProviderUdPullConfigurationRequest,
  GetIdentityProviderUdPullConfigurationResponse,
  GetIdentityProviderUdPushConfigurationRequest,
  GetIdentityProviderUdPushConfigurationResponse,
  GetSynchronizationJobRequest,
  GetSynchronizationJobResponse,
  JobFilter,
  JobStatus,
  LdapUdPullConfig,
  LdapUdPushConfig,
  ListSynchronizationJobsRequest,
  ListSynchronizationJobsResponse,
  OperationCount,
  ParseErrorCode,
  ParseOptions,
  PeriodicSyncConfig,
  PeriodicSyncType,
  PullProtectedRule,
  SwitchStatus,
  SyncDirection,
  SynchronizationJob,
  SynchronizationJobResult,
  TargetType,
  TriggerType,
  UdPullConfiguration,
  UdPushConfiguration,
  UdSyncScopeConfig,
} from "eiam-sync";

// ---------------------------------------------------------------- loading

// Importing is enough; init() stays for custom wasm locations and is harmless.
const output = await init();
const pages: number = output.memory.buffer.byteLength / 65536;

// ---------------------------------------------------------------- requests

const PROXY = "https://console.example.com/eiam-proxy";
const INSTANCE = "idaas_ue2jvisn35ea5lmthk267xxxxx";

const listRequest: ListSynchronizationJobsRequest = {
  InstanceId: INSTANCE,
  MaxResults: 50,
  TargetType: "identity_provider",
  TargetIds: ["idp_my664lwkhpicbyzirog3xxxxx"],
  Direction: "ingress",
  Status: "failed",
  StartTime: Date.now() - 7 * 24 * 3600 * 1000,
  Filters: [{ Key: "TriggerType", Values: ["manual"] } satisfies JobFilter],
};
const jobRequest: GetSynchronizationJobRequest = { InstanceId: INSTANCE, SynchronizationJobId: "sync_0000347vjovtcf41li0fgsd98gn24q9njxxxxx" };
const pushRequest: GetIdentityProviderUdPushConfigurationRequest = { InstanceId: INSTANCE, IdentityProviderId: "idp_na2rzpyc67zr7ixdfy35zgrxxx" };
const pullRequest: GetIdentityProviderUdPullConfigurationRequest = { InstanceId: INSTANCE, IdentityProviderId: "idp_my664lwkhpicbyzirog3xxxxx" };

/** Flattens a request the RPC way (`TargetIds.1=a`), as the proxy expects. */
function toQuery(request: object): URLSearchParams {
  const query = new URLSearchParams();
  const add = (prefix: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) value.forEach((item, i) => add(`${prefix}.${i + 1}`, item));
    else if (typeof value === "object") for (const [k, v] of Object.entries(value)) add(`${prefix}.${k}`, v);
    else query.set(prefix, String(value));
  };
  for (const [key, value] of Object.entries(request)) add(key, value);
  return query;
}

async function call(action: string, request: object, signal?: AbortSignal): Promise<Uint8Array> {
  const response = await fetch(`${PROXY}/${action}?${toQuery(request)}`, { method: "POST", signal });
  return new Uint8Array(await response.arrayBuffer());
}

// ---------------------------------------------------------------- parsing

const lenient: ParseOptions = {};
const strict: ParseOptions = { strict: true };

async function loadJobs(signal?: AbortSignal): Promise<SynchronizationJob[]> {
  const jobs: SynchronizationJob[] = [];
  let request: ListSynchronizationJobsRequest = listRequest;
  for (;;) {
    const page: ListSynchronizationJobsResponse = parseListSynchronizationJobs(
      await call("ListSynchronizationJobs", request, signal),
      lenient,
    );
    jobs.push(...page.SynchronizationJobs);
    if (page.NextToken === undefined) return jobs;
    request = { ...request, NextToken: page.NextToken };
  }
}

async function loadJob(): Promise<SynchronizationJob> {
  const body = await call("GetSynchronizationJob", jobRequest);
  const response: GetSynchronizationJobResponse = parseGetSynchronizationJob(body, strict);
  console.log(`request ${response.RequestId ?? "(no id)"}`);
  return response.SynchronizationJob;
}

async function loadConfigurations(): Promise<[UdPushConfiguration, UdPullConfiguration]> {
  // A response already read with response.json() is fine too.
  const pushJson: unknown = await (await fetch(`${PROXY}/GetIdentityProviderUdPushConfiguration?${toQuery(pushRequest)}`)).json();
  const push: GetIdentityProviderUdPushConfigurationResponse = parseGetIdentityProviderUdPushConfiguration(pushJson);
  const pullText = await (await fetch(`${PROXY}/GetIdentityProviderUdPullConfiguration?${toQuery(pullRequest)}`)).text();
  const pull: GetIdentityProviderUdPullConfigurationResponse = parseGetIdentityProviderUdPullConfiguration(pullText, { strict: false });
  return [push.UdPushConfiguration, pull.UdPullConfiguration];
}

// ---------------------------------------------------------------- errors

/** A sentence for the console's error banner; the switch is exhaustive. */
function explain(error: EiamSyncParseError): string {
  const where = error.path === "" ? "the response" : `\`${error.path}\``;
  const at = error.line === null ? "" : ` (line ${error.line}, column ${error.column ?? "?"})`;
  const code: ParseErrorCode = error.code;
  switch (code) {
    case "syntax":
    case "eof":
    case "encoding":
      return `The server sent a broken response${at}.`;
    case "type":
    case "missing_field":
    case "number_out_of_range":
      return `Unexpected data in ${where}${at}.`;
    case "unknown_value":
      return `${where} has a value this console does not know${at}.`;
    case "too_deep":
    case "too_large":
      return "The response is too large to show.";
    case "duplicate_key":
      return `${where} appears twice${at}.`;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

function describeFailure(failure: unknown): string {
  if (isEiamSyncParseError(failure)) {
    const line: number | null = failure.line;
    const column: number | null = failure.column;
    const name: "EiamSyncParseError" = failure.name;
    return `${name}: ${explain(failure)} [${line}:${column}] ${failure.message}`;
  }
  if (isEiamSyncError(failure)) {
    const known: EiamSyncError = failure;
    return known.message;
  }
  if (failure instanceof DOMException && failure.name === "AbortError") return "Cancelled.";
  return failure instanceof Error ? failure.message : String(failure);
}

// ---------------------------------------------------------------- rendering

function statusLabel(status: JobStatus | undefined): string {
  switch (status) {
    case "pending":
      return "Queued";
    case "running":
    case "suspending":
      return "In progress";
    case "success":
      return "Done";
    case "partial_success":
      return "Done with errors";
    case "failed":
      return "Failed";
    case undefined:
      return "Unknown";
    default:
      // A value the service added after this package: show it as sent.
      return status;
  }
}

const directionArrow = (direction?: SyncDirection): string =>
  direction === "ingress" ? "←" : direction === "egress" ? "→" : (direction ?? "");
const triggerLabel = (trigger?: TriggerType): string => (trigger === "manual" ? "by hand" : trigger === "auto" ? "scheduled" : (trigger ?? "—"));
const targetLabel = (type: TargetType | undefined, id: string | undefined): string =>
  `${type === "identity_provider" ? "IdP" : type === "application" ? "App" : (type ?? "?")} ${id?.trim() ?? ""}`;
const switchLabel = (status?: SwitchStatus): "on" | "off" | string => (status === "enabled" ? "on" : status === "disabled" ? "off" : (status ?? "—"));

function countCell(count: OperationCount | undefined): string {
  if (count === undefined) return "—";
  const { Total = 0, Success = 0, Failed = 0, Skipped = 0 } = count;
  return `${Success}/${Total} (${Failed} failed, ${Skipped} skipped)`;
}

function entityRow(name: string, stats: EntityStatistics | undefined): string[] {
  return [name, countCell(stats?.Created), countCell(stats?.Updated), countCell(stats?.Deleted), countCell(stats?.Binded), countCell(stats?.Same), countCell(stats?.Pushed), countCell(stats?.Exported)];
}

function jobRows(job: SynchronizationJob): string[][] {
  const result: SynchronizationJobResult | undefined = job.Result;
  const duration = job.EndTime !== undefined && job.StartTime !== undefined ? job.EndTime - job.StartTime : undefined;
  const header = [
    job.SynchronizationJobId.trimEnd(),
    statusLabel(job.Status),
    directionArrow(job.Direction),
    triggerLabel(job.TriggerType),
    targetLabel(job.TargetType, job.TargetId),
    duration === undefined ? "running" : `${Math.round(duration / 1000)} s`,
    job.Description ?? "",
    result?.ErrorCode ? `${result.ErrorCode}: ${result.ErrorMessage ?? ""}` : "",
  ];
  return [
    header,
    entityRow("Users", result?.UserStatistics),
    entityRow("Organizational units", result?.OrganizationalUnitStatistics),
    entityRow("Groups", result?.GroupStatistics),
    entityRow("Group members", result?.GroupMemberStatistics),
  ];
}

function scheduleText(config: PeriodicSyncConfig | undefined): string {
  const type: PeriodicSyncType | undefined = config?.PeriodicSyncType;
  if (type === "cron") return `cron ${config?.PeriodicSyncCron ?? "?"}`;
  if (type === "time") return `at ${(config?.PeriodicSyncTimes ?? []).map((h: number) => `${String(h).padStart(2, "0")}:00`).join(", ")}`;
  return type ?? "not scheduled";
}

function scopeText(scope: UdSyncScopeConfig | undefined): string {
  return `${(scope?.SourceScopes ?? []).join(", ")} → ${scope?.TargetScope ?? "?"}`;
}

function pushSummary(config: UdPushConfiguration): string[] {
  const ldap: LdapUdPushConfig | undefined = config.LdapUdPushConfig;
  return [
    `callbacks ${switchLabel(config.IncrementalCallbackStatus)}, periodic ${switchLabel(config.PeriodicSyncStatus)} (${scheduleText(config.PeriodicSyncConfig)})`,
    ...(config.UdSyncScopeConfigs ?? []).map(scopeText),
    ldap ? `LDAP ${ldap.UserRdn ?? "cn"}=…,${ldap.OrganizationalUnitRdn ?? "ou"}=… classes ${ldap.UserObjectClass ?? ""} / ${ldap.OrganizationUnitObjectClass ?? ""}, passwords ${switchLabel(ldap.PasswordSyncStatus)}` : "not LDAP",
  ];
}

function pullSummary(config: UdPullConfiguration): string[] {
  const rule: PullProtectedRule | undefined = config.PullProtectedRule;
  const ldap: LdapUdPullConfig | undefined = config.LdapUdPullConfig;
  const thresholds = rule ? `stop after deleting ${rule.UserDeletedThreshold ?? "∞"} users, ${rule.OrganizationalUnitDeletedThreshold ?? "∞"} OUs, ${rule.GroupDeletedThreshold ?? "∞"} groups` : "no deletion protection";
  return [
    `${config.IdentityProviderId?.trim() ?? "?"} in ${config.InstanceId ?? "?"}`,
    `groups ${switchLabel(config.GroupSyncStatus)}, callbacks ${switchLabel(config.IncrementalCallbackStatus)}, periodic ${switchLabel(config.PeriodicSyncStatus)} (${scheduleText(config.PeriodicSyncConfig)})`,
    scopeText(config.UdSyncScopeConfig),
    thresholds,
    ldap?.UserObjectClassCustomFilter ?? ldap?.GroupObjectClassCustomFilter ?? ldap?.GroupObjectClass ?? ldap?.GroupMemberAttributeName ?? "",
  ];
}

export async function refreshDashboard(signal: AbortSignal): Promise<string[][]> {
  try {
    const jobs = await loadJobs(signal);
    const [push, pull] = await loadConfigurations();
    const latest = await loadJob();
    return [...jobs.flatMap(jobRows), ...jobRows(latest), pushSummary(push), pullSummary(pull), [`${pages} pages`]];
  } catch (failure) {
    return [[describeFailure(failure)]];
  }
}

// ---------------------------------------------------------------- the types are exact

declare const job: SynchronizationJob;
declare const failure: unknown;

// @ts-expect-error: misspelled field
job.Statuss;
// @ts-expect-error: a number is not a JobStatus
const badStatus: JobStatus = 5;
// @ts-expect-error: SynchronizationJobId is required
const noId: SynchronizationJob = { Status: "running" };
// @ts-expect-error: SynchronizationJobId is a string, never undefined
const maybeId: SynchronizationJob = { SynchronizationJobId: undefined };
// @ts-expect-error: optional fields may be absent
const end: number = job.EndTime;
// @ts-expect-error: PeriodicSyncTimes is number[] after parsing, never strings
const times: PeriodicSyncConfig = { PeriodicSyncTimes: ["3"] };
// @ts-expect-error: not a ParseErrorCode
const badCode: ParseErrorCode = "not_json";
// @ts-expect-error: strict is a boolean
parseListSynchronizationJobs("{}", { strict: "yes" });
// @ts-expect-error: excess property in a request
const typo: GetSynchronizationJobRequest = { InstanceId: INSTANCE, JobId: "sync_1" };
// @ts-expect-error: page sizes are numbers
const pageSize: ListSynchronizationJobsRequest = { PageSize: "20" };
// @ts-expect-error: an unknown value has no `code` until narrowed
failure.code;
if (isEiamSyncParseError(failure)) {
  // @ts-expect-error: line is null for object input
  const line: number = failure.line;
  // @ts-expect-error: not a ParseErrorCode
  if (failure.code === "syntax_error") throw failure;
}
// @ts-expect-error: the result's jobs are SynchronizationJob objects, not strings
const ids: string[] = parseListSynchronizationJobs("").SynchronizationJobs;
// @ts-expect-error: response roots are required, not optional
const root: GetIdentityProviderUdPullConfigurationResponse = { RequestId: "r" };
// @ts-expect-error: an unknown key on a parse result
parseGetIdentityProviderUdPushConfiguration("").UdPushConfig;

// Unknown enum strings are allowed where they can come from the wire.
const future: JobStatus = "archived";
const futureSwitch: SwitchStatus = "paused";
export const unused = [badStatus, noId, maybeId, end, times, badCode, typo, pageSize, ids, root, future, futureSwitch];
