// Offline files: a saved JSON response of any of the four operations, opened
// by file picker or drag and drop, read with the package's parsers in this
// page (nothing is sent anywhere) and shown with the same views as online.

import { h, replace } from "../lib/dom.js";
import { issuesSection } from "../lib/issues.js";
import { block, emptyState, parseErrorBlock, showEmpty } from "../lib/states.js";
import { configurationSection } from "./config-view.js";
import { jobReportPanel } from "./job-report.js";
import { jobsTable } from "./jobs-table.js";

/** Which operation a response is, by its root key, and how to read it. */
const OPERATIONS = [
  { root: "SynchronizationJob", name: "GetSynchronizationJob", parse: "parseGetSynchronizationJob" },
  { root: "SynchronizationJobs", name: "ListSynchronizationJobs", parse: "parseListSynchronizationJobs" },
  { root: "UdPushConfiguration", name: "GetIdentityProviderUdPushConfiguration", parse: "parseGetIdentityProviderUdPushConfiguration" },
  { root: "UdPullConfiguration", name: "GetIdentityProviderUdPullConfiguration", parse: "parseGetIdentityProviderUdPullConfiguration" },
];

export function setUpOfflineView(ctx) {
  const { lib } = ctx;
  const input = document.getElementById("offline-file");
  const zone = document.getElementById("drop-zone");
  const area = document.getElementById("offline-state");
  const result = document.getElementById("offline-result");

  function show(operation, response, name) {
    const label = `file ${name}`;
    const heading = h("p", { class: "offline-heading", "data-operation": operation.name }, `${name}: a ${operation.name} response`, response.RequestId ? ` (request ${response.RequestId})` : "");
    if (operation.root === "SynchronizationJob") {
      replace(result, heading, jobReportPanel(lib, response.SynchronizationJob, ctx.reportOptions, "offline-chart"));
    } else if (operation.root === "SynchronizationJobs") {
      const jobs = response.SynchronizationJobs;
      ctx.setJobs(jobs, response.TotalCount, label);
      replace(
        result,
        heading,
        issuesSection(lib.validateListSynchronizationJobs(response, { locale: ctx.settings.locale }), "Validation"),
        jobs.length === 0
          ? emptyState("The file lists no jobs.")
          : jobsTable(ctx.lib, jobs, ctx.settings, (job) => ctx.openJob(job, true), `${jobs.length} of ${response.TotalCount ?? jobs.length} jobs (${label})`),
        h("p", { class: "note" }, "These jobs are now the console's job set: the Jobs view, the Dashboard and the CSV download use them."),
      );
    } else {
      const kind = operation.root === "UdPushConfiguration" ? "push" : "pull";
      const config = response[operation.root];
      ctx.addProvider(config.IdentityProviderId);
      replace(result, heading, configurationSection(ctx, kind, config, label));
    }
  }

  async function open(file) {
    area.replaceChildren();
    result.replaceChildren();
    const bytes = new Uint8Array(await file.arrayBuffer());
    let value;
    try {
      value = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      // The package's parser says where the JSON breaks (line and column).
      try {
        lib.parseListSynchronizationJobs(bytes);
      } catch (error) {
        if (lib.isEiamSyncParseError(error)) {
          replace(area, parseErrorBlock(error, `${file.name} is not valid JSON`));
          return;
        }
      }
      replace(area, block("invalid-json", `${file.name} is not valid JSON`, h("p", {}, "The file could not be read as JSON.")));
      return;
    }
    const operation = value && typeof value === "object" ? OPERATIONS.find((candidate) => candidate.root in value) : undefined;
    if (!operation) {
      replace(area, block("unknown-file", `${file.name} is not a response of the four operations`,
        h("p", {}, "Expected a JSON object with SynchronizationJob, SynchronizationJobs, UdPushConfiguration or UdPullConfiguration.")));
      return;
    }
    try {
      show(operation, lib[operation.parse](bytes), file.name);
    } catch (error) {
      if (!lib.isEiamSyncParseError(error)) throw error;
      replace(area, parseErrorBlock(error, `${file.name} is not a valid ${operation.name} response`));
    }
  }

  input.addEventListener("change", () => {
    if (input.files?.[0]) open(input.files[0]);
  });
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("dragging");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("dragging");
    const file = event.dataTransfer?.files?.[0];
    if (file) open(file);
  });
  showEmpty(area, "No file opened yet.");
  return {};
}
