// The deletion-threshold check of an inbound job against its identity
// provider's pull configuration (checkDeletionThresholds).

import { h, table } from "../lib/dom.js";
import { formatCount, formatRate } from "../lib/format.js";

const STATUS_TEXT = {
  not_applicable: "Not applicable (outbound job)",
  not_configured: "No threshold",
  ok: "Within the threshold",
  near: "Near the threshold (80% or more)",
  exceeded: "Threshold exceeded",
};

/** The report as a table, with the overall status first. */
export function thresholdSection(report, locale) {
  const row = (label, line) => [
    label,
    line.threshold === undefined ? "—" : formatCount(line.threshold, locale),
    formatCount(line.deleted, locale),
    formatRate(line.ratio, locale),
    h("span", { class: `threshold threshold-${line.status}` }, STATUS_TEXT[line.status] ?? line.status),
  ];
  return h(
    "section",
    { class: "thresholds", "aria-label": "Deletion thresholds" },
    h("h3", {}, "Deletion thresholds"),
    h("p", { class: `threshold threshold-${report.status}`, "data-status": report.status }, `Overall: ${STATUS_TEXT[report.status] ?? report.status}`),
    table(
      "Deletions of this job against the pull configuration's PullProtectedRule",
      ["Entity", "Threshold", "Deleted", "Share of threshold", "Status"],
      [
        row("Users", report.users),
        row("Organizational units", report.organizationalUnits),
        row("Groups", report.groups),
      ],
    ),
  );
}

/** A short note in place of the check, when it cannot be made. */
export function thresholdNote(text) {
  return h("section", { class: "thresholds", "aria-label": "Deletion thresholds" }, h("h3", {}, "Deletion thresholds"), h("p", {}, text));
}
