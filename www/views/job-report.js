// One job shown with every report function of the package: the DOM report
// (renderJobReport), the chart (jobChartSvg), the markup for server-side
// rendering (jobReportHtml, inserted as markup the way a server-rendered page
// would include it, and shown as source text) and the custom element
// (defineJobReportElement), plus the job's validation issues.

import { h } from "../lib/dom.js";
import { issuesSection } from "../lib/issues.js";
import { svgFigure } from "../lib/svg.js";

const ELEMENT_NAME = "eiam-sync-job-report";

/**
 * The jobReportHtml string inserted as markup, as a server-rendered page
 * includes it. This is the one place the console inserts markup: the package
 * escapes every value in it (README, "Reports"), and the browser tests feed it
 * hostile strings with the CSP off to prove that nothing in it runs.
 */
function serverRendered(html) {
  const container = h("div", { class: "html-rendered" });
  container.innerHTML = html;
  return container;
}

function customElementReport(lib, job) {
  if (!customElements.get(ELEMENT_NAME)) lib.defineJobReportElement(ELEMENT_NAME);
  const element = document.createElement(ELEMENT_NAME);
  element.job = job;
  return element;
}

/** A section showing `job` in full. */
export function jobReportPanel(lib, job, options, idPrefix) {
  const report = h("div", { class: "job-report-dom" });
  lib.renderJobReport(report, job, options);
  const chart = svgFigure(
    lib.jobChartSvg(job, { ...options, idPrefix }),
    "Items per entity: success, failed and skipped",
    "chart job-chart",
  );
  const html = lib.jobReportHtml(job, options);
  return h(
    "article",
    { class: "job-panel", "aria-label": "Job report" },
    h("section", { class: "report-section", "aria-label": "Report" }, report),
    h("section", { class: "chart-section", "aria-label": "Chart" }, h("h3", {}, "Items per entity"), chart),
    issuesSection(lib.validateSynchronizationJob(job, { locale: options.locale }), "Validation"),
    h(
      "details",
      { class: "server-html" },
      h("summary", {}, "The same report as HTML for server-side rendering (jobReportHtml)"),
      serverRendered(html),
      h("pre", { class: "html-source" }, h("code", {}, html)),
    ),
    h(
      "details",
      { class: "custom-element" },
      h("summary", {}, `The same job in the <${ELEMENT_NAME}> custom element`),
      customElementReport(lib, job),
    ),
  );
}
