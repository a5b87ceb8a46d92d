// Validation issues, as a list and per field.

import { h } from "./dom.js";

/** One issue as a list item: severity, code, path and message. */
export function issueItem(issue, showPath = true) {
  return h(
    "li",
    { class: `issue issue-${issue.severity}`, "data-path": issue.path, "data-code": issue.code },
    h("span", { class: "severity" }, issue.severity === "error" ? "Error" : "Warning"),
    " ",
    h("code", { class: "code" }, issue.code),
    showPath ? [" at ", h("code", { class: "path" }, issue.path || "(root)")] : null,
    ": ",
    issue.message,
  );
}

/** A titled block listing a validation report's issues (or saying there are none). */
export function issuesSection(report, title) {
  const errors = report.issues.filter((issue) => issue.severity === "error").length;
  const warnings = report.issues.length - errors;
  return h(
    "section",
    { class: "issues", "aria-label": title },
    h("h3", {}, title),
    report.issues.length === 0
      ? h("p", { class: "valid" }, "No issues: the value passes every rule.")
      : [
          h("p", { class: report.valid ? "valid" : "invalid" }, `${errors} error(s), ${warnings} warning(s).`),
          h("ul", { class: "issue-list" }, report.issues.map((issue) => issueItem(issue))),
        ],
  );
}
