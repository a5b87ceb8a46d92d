// The Jobs view: filters sent to ListSynchronizationJobs, one page at a time
// or "load all" with a progress bar driven by onProgress, client-side sorting,
// and a CSV download of the jobs shown.

import { h, replace } from "../lib/dom.js";
import { parseLocalDateTime } from "../lib/format.js";
import { clearState, showEmpty, showError, showLoading } from "../lib/states.js";
import { jobsTable, sortJobs } from "./jobs-table.js";
import { downloadText } from "../lib/download.js";

/** The ListSynchronizationJobs request the form describes (wire names). */
function requestFromForm(form, settings) {
  const value = (name) => form.elements[name].value.trim();
  const request = { InstanceId: settings.instanceId, MaxResults: Number(value("MaxResults")) };
  for (const name of ["Status", "Direction", "TargetType"]) {
    if (value(name)) request[name] = value(name);
  }
  if (value("TargetIds")) request.TargetIds = [value("TargetIds")];
  for (const name of ["StartTime", "EndTime"]) {
    const ms = parseLocalDateTime(value(name), settings.timeZone);
    if (ms !== undefined) request[name] = ms;
  }
  return request;
}

export function setUpJobsView(ctx) {
  const form = document.getElementById("jobs-form");
  const panel = document.getElementById("panel-jobs");
  const area = document.getElementById("jobs-state");
  const list = document.getElementById("jobs-list");
  const progress = document.getElementById("jobs-progress");
  const progressText = document.getElementById("jobs-progress-text");
  const buttons = {
    load: document.getElementById("jobs-load"),
    next: document.getElementById("jobs-next"),
    all: document.getElementById("jobs-load-all"),
    cancel: document.getElementById("jobs-cancel"),
    csv: document.getElementById("jobs-csv"),
  };
  let nextToken;
  let page = 0;
  let controller;

  const errorContext = () => ({ lib: ctx.lib, proxyUrl: ctx.settings.proxyUrl });
  const busy = (running) => {
    buttons.load.disabled = running;
    buttons.all.disabled = running;
    buttons.next.disabled = running || !nextToken;
    buttons.cancel.disabled = !running;
    buttons.csv.disabled = running || ctx.jobs.list.length === 0;
  };

  function render() {
    const { list: jobs, totalCount, source } = ctx.jobs;
    buttons.csv.disabled = jobs.length === 0;
    if (source === undefined) {
      list.replaceChildren();
      return;
    }
    if (jobs.length === 0) {
      list.replaceChildren();
      showEmpty(area, "No jobs match these filters.");
      return;
    }
    const sorted = sortJobs(jobs, form.elements.sort.value);
    const where = source === "proxy" ? (page > 0 ? `page ${page}` : "all pages") : source;
    const caption = `${jobs.length} of ${totalCount ?? jobs.length} jobs (${where})`;
    const table = jobsTable(ctx.lib, sorted, ctx.settings, (job) => ctx.openJob(job), caption);
    Object.assign(table.querySelector("caption"), { id: "jobs-count" });
    table.querySelector("caption").dataset.shown = String(jobs.length);
    table.querySelector("caption").dataset.total = String(totalCount ?? "");
    replace(list, table);
  }

  async function loadPage(token) {
    const settings = ctx.settings;
    const request = requestFromForm(form, settings);
    if (token) request.NextToken = token;
    controller = new AbortController();
    busy(true);
    showLoading(area, token ? "Loading the next page…" : "Loading jobs…", list);
    try {
      const response = await ctx.client().listSynchronizationJobs(request, { signal: controller.signal });
      nextToken = response.NextToken || undefined;
      page = token ? page + 1 : 1;
      clearState(area, list);
      ctx.setJobs(response.SynchronizationJobs, response.TotalCount, "proxy");
    } catch (error) {
      showError(area, error, errorContext(), list);
    } finally {
      busy(false);
    }
  }

  async function loadAll() {
    const settings = ctx.settings;
    const request = requestFromForm(form, settings);
    controller = new AbortController();
    busy(true);
    progress.max = 1;
    progress.value = 0;
    progressText.textContent = "Starting…";
    showLoading(area, "Loading every page…", list);
    try {
      const result = await ctx.client().listAllSynchronizationJobs(request, {
        signal: controller.signal,
        onProgress: ({ jobsFetched, totalCount, pagesFetched }) => {
          progress.max = Math.max(totalCount ?? jobsFetched, jobsFetched, 1);
          progress.value = jobsFetched;
          progressText.textContent = `${jobsFetched} of ${totalCount ?? "?"} jobs, ${pagesFetched} page(s)`;
        },
      });
      progress.max = Math.max(result.totalCount ?? 0, result.jobs.length, 1);
      progress.value = progress.max;
      progressText.textContent = `Done: ${result.jobs.length} jobs.`;
      nextToken = undefined;
      page = 0;
      clearState(area, list);
      ctx.setJobs(result.jobs, result.totalCount, "proxy");
    } catch (error) {
      progressText.textContent = controller.signal.aborted ? "Cancelled." : "Stopped by an error.";
      if (!controller.signal.aborted) showError(area, error, errorContext(), list);
      else clearState(area, list);
    } finally {
      busy(false);
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    loadPage(undefined);
  });
  buttons.next.addEventListener("click", () => loadPage(nextToken));
  buttons.all.addEventListener("click", loadAll);
  buttons.cancel.addEventListener("click", () => controller?.abort());
  form.elements.sort.addEventListener("change", render);
  buttons.csv.addEventListener("click", () => {
    const jobs = sortJobs(ctx.jobs.list, form.elements.sort.value);
    const csv = ctx.lib.jobsToCsv(jobs, { ...ctx.reportOptions, bom: true });
    downloadText(csv, "eiam-sync-jobs.csv", "text/csv;charset=utf-8");
  });
  ctx.events.addEventListener("jobs", render);
  ctx.events.addEventListener("settings", render);
  return {};
}
