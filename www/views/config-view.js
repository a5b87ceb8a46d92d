// A push or pull configuration as field rows, each with the validation issues
// whose path names it (a field the rules miss is shown as absent), the next
// scheduled runs, and the differences from the previously loaded version.

import { h, table, visibleWhitespace } from "../lib/dom.js";
import { issueItem } from "../lib/issues.js";
import { formatTime } from "../lib/format.js";

/** Leaf fields of `value` as [path, value] in wire order; arrays of scalars are one leaf. */
function leaves(value, prefix = "", out = []) {
  const isScalarArray = Array.isArray(value) && value.every((item) => item === null || typeof item !== "object");
  if (value !== null && typeof value === "object" && !isScalarArray) {
    const entries = Array.isArray(value) ? value.map((item, i) => [`${prefix}[${i}]`, item]) : Object.entries(value).map(([k, v]) => [prefix ? `${prefix}.${k}` : k, v]);
    for (const [path, item] of entries) leaves(item, path, out);
  } else {
    out.push([prefix, value]);
  }
  return out;
}

function display(value) {
  if (value === undefined) return h("span", { class: "absent" }, "(absent)");
  if (Array.isArray(value)) return h("code", {}, value.length ? value.map((item) => visibleWhitespace(String(item))).join(", ") : "(empty)");
  if (value === null) return h("span", { class: "absent" }, "null");
  return h("code", {}, visibleWhitespace(String(value)));
}

function valueAt(config, path) {
  let current = config;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (current === null || typeof current !== "object") return undefined;
    current = current[part];
  }
  return current;
}

/** The field rows, with every issue attached to the row of its path. */
function fieldRows(config, report) {
  const rows = leaves(config).map(([path, value]) => ({ path, value, issues: [] }));
  const general = [];
  for (const issue of report.issues) {
    if (!issue.path) {
      general.push(issue);
      continue;
    }
    let row = rows.find((candidate) => candidate.path === issue.path);
    if (!row) {
      const value = valueAt(config, issue.path);
      row = { path: issue.path, value: value !== null && typeof value === "object" ? "(object)" : value, issues: [] };
      const parent = issue.path.replace(/(\.[^.[\]]+|\[\d+\])$/, "");
      const after = rows.findLastIndex((candidate) => parent && candidate.path.startsWith(parent));
      rows.splice(after === -1 ? rows.length : after + 1, 0, row);
    }
    row.issues.push(issue);
  }
  return { rows, general };
}

function scheduleSection(lib, config, settings) {
  const schedule = config.PeriodicSyncConfig;
  if (!schedule) return null;
  const offset = settings.timeZone === "UTC" ? 0 : -new Date().getTimezoneOffset();
  const runs = lib.nextScheduledRuns(schedule, Date.now(), 5, { utcOffsetMinutes: offset });
  return h(
    "section",
    { class: "schedule", "aria-label": "Next scheduled runs" },
    h("h4", {}, "Next scheduled runs"),
    config.PeriodicSyncStatus === "disabled" ? h("p", { class: "note" }, "Periodic sync is disabled: these runs happen only once it is enabled.") : null,
    runs.length === 0
      ? h("p", {}, "None: the schedule is missing or invalid.")
      : h("ol", { class: "runs" }, runs.map((ms) => {
          const time = formatTime(ms, settings);
          return h("li", {}, h("time", { datetime: time.iso }, time.text));
        })),
  );
}

function diffSection(changes, since) {
  if (!since) return h("p", { class: "diff-note" }, "Load this configuration again (or open a saved version under Offline files) to see what changed.");
  const json = (value) => (value === undefined ? "—" : h("code", {}, JSON.stringify(value)));
  return h(
    "section",
    { class: "diff", "aria-label": "Changes" },
    h("h4", {}, `Changes since the version loaded ${since}`),
    changes.length === 0
      ? h("p", {}, "No changes.")
      : table("Differences from the previously loaded version", ["Field", "Change", "Before", "After"],
          changes.map((change) => [h("code", {}, change.path), change.kind, json(change.before), json(change.after)])),
  );
}

/** A configuration section; `kind` is "push" or "pull". Remembers it for the next diff. */
export function configurationSection(ctx, kind, config, sourceLabel) {
  const { lib } = ctx;
  const settings = ctx.settings;
  const validate = kind === "push" ? lib.validateUdPushConfiguration : lib.validateUdPullConfiguration;
  const report = validate(config, { locale: settings.locale });
  const { rows, general } = fieldRows(config, report);
  const key = `${kind}:${config.IdentityProviderId}`;
  const previous = ctx.previousConfigurations.get(key);
  const since = previous ? ctx.loadedAt.get(key) : undefined;
  const changes = previous ? lib.diffConfigurations(previous, config) : [];
  ctx.previousConfigurations.set(key, config);
  ctx.loadedAt.set(key, `at ${new Date().toLocaleTimeString(settings.locale)}${sourceLabel ? ` (${sourceLabel})` : ""}`);
  const title = kind === "push" ? "Push (outbound) configuration" : "Pull (inbound) configuration";
  const errors = report.issues.filter((issue) => issue.severity === "error").length;
  return h(
    "section",
    { class: `configuration configuration-${kind}`, "data-kind": kind, "aria-label": title },
    h("h3", {}, title),
    h("p", { class: report.valid ? "valid" : "invalid" },
      report.issues.length === 0 ? "No validation issues." : `${errors} error(s), ${report.issues.length - errors} warning(s), shown at their fields.`),
    general.length ? h("ul", { class: "issue-list" }, general.map((issue) => issueItem(issue))) : null,
    h("dl", { class: "fields config-fields" }, rows.map((row) =>
      h("div", { class: `field-row${row.issues.length ? " has-issues" : ""}`, "data-path": row.path },
        h("dt", {}, h("code", {}, row.path)),
        h("dd", {}, display(row.value),
          row.issues.length ? h("ul", { class: "field-issues" }, row.issues.map((issue) => issueItem(issue, false))) : null)))),
    scheduleSection(lib, config, settings),
    diffSection(changes, since),
  );
}
