// Compiled with `tsc --strict` against the installed package (never run): every
// client export and type, used the way a console developer would, plus the
// mistakes the declarations must refuse (`@ts-expect-error` fails the build
// when the line below it compiles).

import {
  EiamSyncClient,
  isEiamSyncApiError,
  isEiamSyncError,
  isEiamSyncNetworkError,
  isEiamSyncParseError,
  isEiamSyncTimeoutError,
  isEiamSyncValidationError,
  type EiamSyncCallOptions,
  type EiamSyncClientOptions,
  type EiamSyncError,
  type EiamSyncHeaders,
  type EiamSyncRetryOptions,
  type ListAllProgress,
  type ListAllSynchronizationJobsOptions,
  type ListAllSynchronizationJobsResult,
  type ListSynchronizationJobsRequest,
  type ListSynchronizationJobsResponse,
  type SynchronizationJob,
  type SynchronizationJobPages,
  type ValidationIssue,
} from "eiam-sync";

const retry: EiamSyncRetryOptions = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 5_000 };
const staticHeaders: EiamSyncHeaders = { Authorization: "Bearer token" };
const pairHeaders: EiamSyncHeaders = [["X-Console", "1"]];

const options: EiamSyncClientOptions = {
  proxyUrl: "/eiam",
  headers: async () => staticHeaders,
  credentials: "same-origin",
  timeoutMs: 10_000,
  retry,
};
const client = new EiamSyncClient(options);
new EiamSyncClient({ proxyUrl: "http://127.0.0.1:8787", headers: pairHeaders });
new EiamSyncClient({ proxyUrl: "/eiam", headers: () => new Headers({ "X-A": "b" }) });

// @ts-expect-error proxyUrl is required
new EiamSyncClient({ timeoutMs: 5 });
// @ts-expect-error credentials is fetch's mode, not a boolean
new EiamSyncClient({ proxyUrl: "/eiam", credentials: true });

const controller = new AbortController();
const call: EiamSyncCallOptions = { signal: controller.signal };

export async function everyCall(): Promise<number> {
  const job = await client.getSynchronizationJob(
    { InstanceId: "idaas_x", SynchronizationJobId: "sync_y" },
    call,
  );
  const requestId: string | undefined = job.RequestId;
  const status: string | undefined = job.SynchronizationJob.Status;

  const push = await client.getIdentityProviderUdPushConfiguration({
    InstanceId: "idaas_x",
    IdentityProviderId: "idp_z",
  });
  const pull = await client.getIdentityProviderUdPullConfiguration({
    InstanceId: "idaas_x",
    IdentityProviderId: "idp_z",
  });
  const pushId: string | undefined = push.UdPushConfiguration.IdentityProviderId;
  const pullId: string | undefined = pull.UdPullConfiguration.IdentityProviderId;

  const request: ListSynchronizationJobsRequest = {
    InstanceId: "idaas_x",
    TargetType: "identity_provider",
    TargetIds: ["idp_z"],
    Status: "failed",
    MaxResults: 100,
  };
  const page: ListSynchronizationJobsResponse = await client.listSynchronizationJobs(request, call);
  const onPage: SynchronizationJob[] = page.SynchronizationJobs;

  const progressSeen: ListAllProgress[] = [];
  const listAll: ListAllSynchronizationJobsOptions = {
    onProgress: (progress) => progressSeen.push(progress),
    signal: controller.signal,
    maxPages: 10,
  };
  const all: ListAllSynchronizationJobsResult = await client.listAllSynchronizationJobs(request, listAll);
  const resume: string | undefined = all.nextToken;
  const resumePage: number | undefined = all.nextPageNumber;

  let seen = 0;
  const pages: SynchronizationJobPages = client.pages(request, call);
  for await (const next of pages) {
    seen += next.SynchronizationJobs.length;
    if (seen > 500) break;
  }
  const where: string | undefined = pages.nextToken;

  // @ts-expect-error PageSize is a number on the wire model
  await client.listSynchronizationJobs({ InstanceId: "idaas_x", PageSize: "20" });

  client.free();
  return [requestId, status, pushId, pullId, resume, where].length
    + onPage.length + all.jobs.length + all.totalCount + (resumePage ?? 0) + progressSeen.length;
}

/** Narrows a rejection the way a console's error banner would. */
export function describe(failure: unknown): string {
  if (isEiamSyncApiError(failure)) {
    const retryable: boolean = failure.retryable;
    const recommend: string | undefined = failure.recommend;
    return `${failure.code} (${failure.httpStatus}, ${failure.requestId}) ${retryable} ${recommend ?? ""}`;
  }
  if (isEiamSyncNetworkError(failure)) {
    const cause: unknown = failure.cause;
    return `network: ${failure.message} ${String(cause)}`;
  }
  if (isEiamSyncTimeoutError(failure)) {
    const limit: number = failure.timeoutMs;
    return `timed out after ${limit} ms`;
  }
  if (isEiamSyncValidationError(failure)) {
    const issues: ValidationIssue[] = failure.issues;
    return issues.map((issue) => `${issue.path}: ${issue.code} ${issue.severity}`).join("; ");
  }
  if (isEiamSyncParseError(failure)) {
    const line: number | null = failure.line;
    return `${failure.code} at ${failure.path} line ${line ?? "-"}`;
  }
  if (isEiamSyncError(failure)) {
    return `${failure.name}: ${failure.message}`;
  }
  return failure instanceof DOMException && failure.name === "AbortError" ? "aborted" : "unknown";
}

/** The union's discriminant narrows exhaustively in a switch. */
export function kind(error: EiamSyncError): string {
  switch (error.name) {
    case "EiamSyncApiError":
      return error.code;
    case "EiamSyncNetworkError":
      return "network";
    case "EiamSyncTimeoutError":
      return String(error.timeoutMs);
    case "EiamSyncValidationError":
      return String(error.issues.length);
    case "EiamSyncParseError":
      return error.path;
  }
}
