// The Dashboard view: a summary (summarizeJobs) of the jobs loaded in the Jobs
// view or from a file: status counts, the daily trend (jobsTrendSvg),
// duration p50/p95, the targets that fail most and the commonest error codes.

import { h, identifier, replace, table } from "../lib/dom.js";
import { formatCount, formatDuration, formatRate } from "../lib/format.js";
import { showEmpty, clearState } from "../lib/states.js";
import { svgFigure } from "../lib/svg.js";

function card(label, value, id, raw) {
  return h("div", { class: "card", id, "data-ms": raw }, h("p", { class: "card-label" }, label), h("p", { class: "card-value" }, value));
}

export function setUpDashboardView(ctx) {
  const area = document.getElementById("dashboard-state");
  const container = document.getElementById("dashboard");

  function render() {
    const { list: jobs, source } = ctx.jobs;
    if (jobs.length === 0) {
      container.replaceChildren();
      showEmpty(area, "No jobs loaded yet. Use “Load all” in the Jobs view (or open a list file) to summarise them here.");
      return;
    }
    clearState(area);
    const settings = ctx.settings;
    const offset = settings.timeZone === "UTC" ? 0 : -new Date().getTimezoneOffset();
    const summary = ctx.lib.summarizeJobs(jobs, { bucket: "day", utcOffsetMinutes: offset, topN: 5 });
    const { locale } = settings;
    const successRate = summary.items.successRate;
    replace(
      container,
      h("p", { class: "count" }, `${formatCount(summary.jobCount, locale)} jobs (${source === "proxy" ? "from the proxy" : source}).`),
      h(
        "div",
        { class: "cards" },
        card("Jobs", formatCount(summary.jobCount, locale), "card-jobs"),
        card("Item success rate", formatRate(successRate, locale), "card-success"),
        card("Duration p50", formatDuration(ctx.lib, summary.durations.p50Ms, locale), "card-p50", summary.durations.p50Ms),
        card("Duration p95", formatDuration(ctx.lib, summary.durations.p95Ms, locale), "card-p95", summary.durations.p95Ms),
      ),
      h(
        "div",
        { class: "dashboard-grid" },
        h("section", { "aria-label": "Jobs by status" }, h("h3", {}, "Jobs by status"),
          table("Jobs by status", ["Status", "Jobs"], summary.byStatus.map(({ key, count }) => [key ?? "(none)", formatCount(count, locale)]), "data status-counts")),
        h("section", { "aria-label": "Trend" }, h("h3", {}, "Trend by day"),
          svgFigure(ctx.lib.jobsTrendSvg(summary, { ...ctx.reportOptions, idPrefix: "trend" }), "Jobs per day and their success rate", "chart trend-chart")),
        h("section", { "aria-label": "Top failing targets" }, h("h3", {}, "Top failing targets"),
          summary.topFailingTargets.length === 0
            ? h("p", {}, "No failed jobs.")
            : table("Targets with the most failed jobs", ["Target", "Type", "Failed jobs"],
                summary.topFailingTargets.map((target) => [identifier(target.targetId), target.targetType ?? "—", formatCount(target.failedJobCount, locale)]), "data failing-targets")),
        h("section", { "aria-label": "Top error codes" }, h("h3", {}, "Top error codes"),
          summary.topErrorCodes.length === 0
            ? h("p", {}, "No error codes.")
            : table("Most frequent error codes", ["Error code", "Jobs"],
                summary.topErrorCodes.map(({ errorCode, count }) => [errorCode, formatCount(count, locale)]), "data error-codes")),
      ),
    );
  }

  ctx.events.addEventListener("jobs", render);
  ctx.events.addEventListener("settings", render);
  render();
  return {};
}
