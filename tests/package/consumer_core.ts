// Compiled with `tsc --strict` against the installed package: `eiam-sync/core`
// used on its own, as a page that needs no client and no reports would. Its
// types are the root entry's types: a value of one is a value of the other.

import {
  JobAggregator,
  init,
  isEiamSyncError,
  isEiamSyncParseError,
  parseListSynchronizationJobs,
  summarizeJobs,
  validateListSynchronizationJobs,
  type EiamSyncError,
  type EiamSyncParseError,
  type JobsSummary,
  type ListSynchronizationJobsResponse,
  type SynchronizationJob,
  type ValidationReport,
} from "eiam-sync/core";
import initCore, { parseGetSynchronizationJob as parseManually } from "eiam-sync/core/manual";
import * as whole from "eiam-sync";
// @ts-expect-error: the client is not part of eiam-sync/core.
import { EiamSyncClient } from "eiam-sync/core";
// @ts-expect-error: nor are the reports.
import { jobReportHtml } from "eiam-sync/core";

export async function coreOnly(bytes: Uint8Array): Promise<JobsSummary> {
  await init();
  const response: ListSynchronizationJobsResponse = parseListSynchronizationJobs(bytes);
  const report: ValidationReport = validateListSynchronizationJobs(response, { locale: "id" });
  if (!report.valid) {
    throw new Error(report.issues.map((issue) => issue.message).join("\n"));
  }
  const aggregator = new JobAggregator({ bucket: "day" });
  try {
    aggregator.add(bytes);
    return aggregator.summary();
  } finally {
    aggregator.free();
  }
}

export function onlyParseErrors(error: unknown): string | null {
  if (isEiamSyncError(error)) {
    // Core throws nothing else, and its union says so.
    const parse: EiamSyncParseError = error;
    return `${parse.code} at ${parse.path}`;
  }
  return isEiamSyncParseError(error) ? error.path : null;
}

// Core's error union is narrower than the root's, so it fits in it.
export const widened = (error: EiamSyncError): whole.EiamSyncError => error;

// The same model types: core's values go into the root's functions and back.
export function across(jobs: SynchronizationJob[]): string {
  const summary: whole.JobsSummary = summarizeJobs(jobs);
  const back: JobsSummary = whole.summarizeJobs(jobs as whole.SynchronizationJob[]);
  return `${summary.jobCount} ${back.jobCount} ${whole.jobReportHtml(jobs[0]).length}`;
}

export async function manual(url: URL, text: string): Promise<string> {
  await initCore({ module_or_path: url });
  return parseManually(text).SynchronizationJob.SynchronizationJobId;
}

export const unused = [EiamSyncClient, jobReportHtml];
