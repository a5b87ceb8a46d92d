// The table of jobs: one row per job, newest first or as sorted; the job ID
// opens the job's detail. Shared by the Jobs view and offline list files.

import { h, identifier } from "../lib/dom.js";
import { formatCount, formatDuration, formatTime, jobDuration } from "../lib/format.js";

const SORTS = {
  "start-desc": (a, b) => (b.StartTime ?? -Infinity) - (a.StartTime ?? -Infinity),
  "start-asc": (a, b) => (a.StartTime ?? Infinity) - (b.StartTime ?? Infinity),
  "duration-desc": (a, b) => (jobDuration(b) ?? -Infinity) - (jobDuration(a) ?? -Infinity),
  "duration-asc": (a, b) => (jobDuration(a) ?? Infinity) - (jobDuration(b) ?? Infinity),
};

/** The jobs in the chosen order (a copy; the sort is stable). */
export function sortJobs(jobs, sort) {
  return [...jobs].sort(SORTS[sort] ?? SORTS["start-desc"]);
}

function itemTotals(job) {
  let total = 0;
  let failed = 0;
  for (const group of ["UserStatistics", "OrganizationalUnitStatistics", "GroupStatistics", "GroupMemberStatistics"]) {
    for (const counts of Object.values(job.Result?.[group] ?? {})) {
      if (counts && typeof counts === "object") {
        total += counts.Total ?? 0;
        failed += counts.Failed ?? 0;
      }
    }
  }
  return { total, failed };
}

/** A table of `jobs`, durations written by `lib` (the package); `onOpen(job)` runs when a job ID is activated. */
export function jobsTable(lib, jobs, settings, onOpen, caption) {
  const rows = jobs.map((job) => {
    const started = formatTime(job.StartTime, settings);
    const items = itemTotals(job);
    return h(
      "tr",
      { "data-job-id": job.SynchronizationJobId },
      h(
        "th",
        { scope: "row" },
        h("button", { type: "button", class: "link", onclick: () => onOpen(job) }, identifier(job.SynchronizationJobId)),
      ),
      h("td", {}, h("span", { class: `status status-${job.Status ?? "unknown"}` }, job.Status ?? "—")),
      h("td", {}, started.iso ? h("time", { datetime: started.iso }, started.text) : "—"),
      h("td", { class: "num" }, formatDuration(lib, jobDuration(job), settings.locale)),
      h("td", {}, job.Direction ?? "—"),
      h("td", {}, job.TriggerType ?? "—"),
      h("td", {}, job.TargetType ?? "—"),
      h("td", {}, identifier(job.TargetId)),
      h("td", { class: "num" }, formatCount(items.total, settings.locale)),
      h("td", { class: "num" }, formatCount(items.failed, settings.locale)),
      h("td", {}, job.Result?.ErrorCode ?? ""),
    );
  });
  const headers = ["Job", "Status", "Started", "Duration", "Direction", "Trigger", "Target type", "Target", "Items", "Failed", "Error code"];
  return h(
    "div",
    { class: "table-scroll" },
    h(
      "table",
      { class: "data jobs-table" },
      h("caption", {}, caption),
      h("thead", {}, h("tr", {}, headers.map((header) => h("th", { scope: "col" }, header)))),
      h("tbody", {}, rows),
    ),
  );
}
