// The Job detail view: fetches one job with GetSynchronizationJob (or shows a
// job from an offline file as it is), shows its report, chart and validation
// issues, and checks its deletions against the target's pull configuration.

import { h, replace } from "../lib/dom.js";
import { clearState, errorBlock, showError, showLoading } from "../lib/states.js";
import { jobReportPanel } from "./job-report.js";
import { thresholdNote, thresholdSection } from "./thresholds.js";

export function setUpJobDetailView(ctx) {
  const form = document.getElementById("job-form");
  const input = document.getElementById("job-id");
  const area = document.getElementById("job-state");
  const detail = document.getElementById("job-detail");
  let shownJob;
  let offline = false;

  async function thresholds(job) {
    if (job.TargetType !== "identity_provider" || typeof job.TargetId !== "string") {
      return thresholdNote("The target is not an identity provider: there is no pull configuration to check against.");
    }
    const cached = ctx.previousConfigurations.get(`pull:${job.TargetId}`);
    if (offline) {
      return cached
        ? thresholdSection(ctx.lib.checkDeletionThresholds(job, cached), ctx.settings.locale)
        : thresholdNote("Open the provider's pull configuration (a file, or online) to check the deletion thresholds.");
    }
    try {
      const { UdPullConfiguration: pull } = await ctx.client().getIdentityProviderUdPullConfiguration({
        InstanceId: ctx.settings.instanceId,
        IdentityProviderId: job.TargetId,
      });
      return thresholdSection(ctx.lib.checkDeletionThresholds(job, pull), ctx.settings.locale);
    } catch (error) {
      return h("section", { class: "thresholds", "aria-label": "Deletion thresholds" }, h("h3", {}, "Deletion thresholds"),
        errorBlock(error, { lib: ctx.lib, proxyUrl: ctx.settings.proxyUrl }));
    }
  }

  async function render(job) {
    shownJob = job;
    const note = offline ? h("p", { class: "note" }, "From an offline file: nothing was fetched.") : null;
    const panel = jobReportPanel(ctx.lib, job, ctx.reportOptions, "detail-chart");
    replace(detail, note, panel);
    const section = await thresholds(job);
    if (shownJob === job) panel.append(section);
  }

  async function fetchAndShow(id) {
    offline = false;
    shownJob = undefined;
    detail.replaceChildren();
    showLoading(area, "Loading the job…", detail);
    try {
      const { SynchronizationJob: job } = await ctx.client().getSynchronizationJob({
        InstanceId: ctx.settings.instanceId,
        SynchronizationJobId: id,
      });
      clearState(area, detail);
      await render(job);
    } catch (error) {
      detail.replaceChildren();
      showError(area, error, { lib: ctx.lib, proxyUrl: ctx.settings.proxyUrl }, detail);
    }
  }

  /** Shows a job: fetched again when the jobs came from the proxy, as given otherwise. */
  ctx.openJob = (job, fromFile = ctx.jobs.source !== "proxy") => {
    input.value = job.SynchronizationJobId;
    ctx.show("job");
    if (fromFile) {
      offline = true;
      clearState(area, detail);
      render(job);
    } else {
      fetchAndShow(job.SynchronizationJobId);
    }
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (input.value) fetchAndShow(input.value);
  });
  ctx.events.addEventListener("settings", () => {
    if (shownJob) render(shownJob);
  });
  return {};
}
