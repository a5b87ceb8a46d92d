// The demo page: parses the documentation examples with the package in /pkg/
// and shows what came out; a form parses any pasted response. Every value from
// data is inserted as text (text nodes, textContent), never as HTML.

const SEEDS = [
  { file: "000_a37390e649ee0c38.example.json", operation: "GetSynchronizationJob" },
  { file: "001_f0a481d175445d75.example.json", operation: "GetSynchronizationJob" },
  { file: "002_d4e6738e55fed7fe.example.json", operation: "ListSynchronizationJobs" },
  { file: "003_d72d94bc1cfa3e23.example.json", operation: "GetIdentityProviderUdPushConfiguration" },
  { file: "004_e3c034491c40503c.example.json", operation: "GetIdentityProviderUdPullConfiguration" },
];

const ENTITIES = [
  ["UserStatistics", "Users"],
  ["OrganizationalUnitStatistics", "Organizational units"],
  ["GroupStatistics", "Groups"],
  ["GroupMemberStatistics", "Group members"],
];

const OPERATION_KINDS = ["Created", "Updated", "Deleted", "Binded", "Same", "Pushed", "Exported"];

/** Creates an element; string children become text nodes. */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) element.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** Makes whitespace visible: IDs in the documentation end with a newline. */
function visibleWhitespace(text) {
  return text
    .replace(/\n/g, "↵")
    .replace(/\r/g, "␍")
    .replace(/\t/g, "⇥")
    .replace(/ /g, "·")
    .replace(/\s/g, "␣");
}

function identifier(value) {
  if (typeof value !== "string") return display(value);
  const code = h("code", { class: "value-code" }, visibleWhitespace(value));
  if (value.trim() === value) return code;
  return h("span", {}, code, h("span", { class: "whitespace-note" }, "(has leading or trailing whitespace)"));
}

function display(value) {
  if (value === undefined || value === null) return "—";
  if (Array.isArray(value)) return value.length === 0 ? "(none)" : value.map(String).join(", ");
  return String(value);
}

function time(value) {
  if (typeof value !== "number") return display(value);
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return display(value);
  return h("time", { datetime: date.toISOString() }, `${date.toISOString()} (${value})`);
}

/** A definition list of [label, value] rows; rows whose value is undefined are left out. */
function fields(rows) {
  const list = h("dl", { class: "fields" });
  for (const [label, value] of rows) {
    if (value === undefined) continue;
    list.append(h("dt", {}, label), h("dd", {}, value instanceof Node ? value : display(value)));
  }
  return list;
}

function statisticsTable(result) {
  const kinds = OPERATION_KINDS.filter((kind) =>
    ENTITIES.some(([key]) => result?.[key]?.[kind] !== undefined),
  );
  const rows = ENTITIES.filter(([key]) => result?.[key] !== undefined);
  if (rows.length === 0) return h("p", {}, "No statistics.");
  const table = h(
    "table",
    { class: "statistics" },
    h("caption", {}, "Totals per entity and operation (success / failed / skipped in the tooltip)"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Entity"), kinds.map((kind) => h("th", { scope: "col" }, kind)))),
  );
  const body = h("tbody");
  for (const [key, label] of rows) {
    const row = h("tr", {}, h("th", { scope: "row" }, label));
    for (const kind of kinds) {
      const count = result[key][kind];
      const detail = count
        ? `success ${display(count.Success)}, failed ${display(count.Failed)}, skipped ${display(count.Skipped)}`
        : undefined;
      row.append(h("td", { title: detail }, display(count?.Total)));
    }
    body.append(row);
  }
  table.append(body);
  return h("div", { class: "table-scroll" }, table);
}

function jobSummary(job) {
  return h(
    "div",
    {},
    fields([
      ["Job ID", identifier(job.SynchronizationJobId)],
      ["Status", job.Status],
      ["Direction", job.Direction],
      ["Trigger", job.TriggerType],
      ["Target", job.TargetType === undefined ? undefined : `${job.TargetType}`],
      ["Target ID", job.TargetId === undefined ? undefined : identifier(job.TargetId)],
      ["Started", job.StartTime === undefined ? undefined : time(job.StartTime)],
      ["Ended", job.EndTime === undefined ? undefined : time(job.EndTime)],
      ["Description", job.Description === undefined ? undefined : identifier(job.Description)],
      ["Error code", job.Result?.ErrorCode],
      ["Error message", job.Result?.ErrorMessage],
    ]),
    job.Result ? statisticsTable(job.Result) : h("p", {}, "No result yet."),
  );
}

function periodicSync(config) {
  if (!config) return undefined;
  return [config.PeriodicSyncType, config.PeriodicSyncCron, config.PeriodicSyncTimes && `times ${display(config.PeriodicSyncTimes)}`]
    .filter((part) => part !== undefined && part !== null)
    .join(" · ");
}

function scope(config) {
  if (!config) return undefined;
  return `${display(config.SourceScopes)} → ${display(config.TargetScope)}`;
}

function ldapFields(title, ldap) {
  if (!ldap) return [];
  return [h("h4", {}, title), fields(Object.entries(ldap).map(([key, value]) => [key, value]))];
}

function pushSummary(config) {
  return h(
    "div",
    {},
    fields([
      ["Instance", config.InstanceId === undefined ? undefined : identifier(config.InstanceId)],
      ["Identity provider", config.IdentityProviderId === undefined ? undefined : identifier(config.IdentityProviderId)],
      ["Incremental callback", config.IncrementalCallbackStatus],
      ["Periodic sync", config.PeriodicSyncStatus],
      ["Schedule", periodicSync(config.PeriodicSyncConfig)],
      ["Scopes", config.UdSyncScopeConfigs?.map(scope).join("; ")],
    ]),
    ldapFields("LDAP push", config.LdapUdPushConfig),
  );
}

function pullSummary(config) {
  const rule = config.PullProtectedRule;
  return h(
    "div",
    {},
    fields([
      ["Instance", config.InstanceId === undefined ? undefined : identifier(config.InstanceId)],
      ["Identity provider", config.IdentityProviderId === undefined ? undefined : identifier(config.IdentityProviderId)],
      ["Incremental callback", config.IncrementalCallbackStatus],
      ["Periodic sync", config.PeriodicSyncStatus],
      ["Group sync", config.GroupSyncStatus],
      ["Schedule", periodicSync(config.PeriodicSyncConfig)],
      ["Scope", scope(config.UdSyncScopeConfig)],
      [
        "Deletion thresholds",
        rule &&
          `users ${display(rule.UserDeletedThreshold)}, organizational units ${display(rule.OrganizationalUnitDeletedThreshold)}, groups ${display(rule.GroupDeletedThreshold)}`,
      ],
    ]),
    ldapFields("LDAP pull", config.LdapUdPullConfig),
  );
}

/** How each operation's parsed response is summarised. */
const SUMMARIES = {
  GetSynchronizationJob: (response) => jobSummary(response.SynchronizationJob),
  ListSynchronizationJobs: (response) =>
    h(
      "div",
      {},
      fields([
        ["Request", response.RequestId],
        ["Total count", response.TotalCount],
        ["Next token", response.NextToken],
        ["Jobs on this page", response.SynchronizationJobs.length],
      ]),
      response.SynchronizationJobs.map((job, index) => [h("h4", {}, `SynchronizationJobs[${index}]`), jobSummary(job)]),
    ),
  GetIdentityProviderUdPushConfiguration: (response) => pushSummary(response.UdPushConfiguration),
  GetIdentityProviderUdPullConfiguration: (response) => pullSummary(response.UdPullConfiguration),
};

function parsedView(operation, response) {
  return [
    SUMMARIES[operation](response),
    h("details", {}, h("summary", {}, "Parsed value (JSON)"), h("pre", {}, JSON.stringify(response, null, 2))),
  ];
}

function errorView(error, isParseError) {
  if (!isParseError(error)) {
    return h("div", { class: "parse-error", role: "alert" }, h("h3", {}, "Unexpected error"), String(error));
  }
  return h(
    "div",
    { class: "parse-error", role: "alert" },
    h("h3", {}, "Parse error"),
    fields([
      ["Code", h("code", {}, error.code)],
      ["Path", error.path === "" ? "(root)" : h("code", {}, error.path)],
      ["Line", error.line ?? "—"],
      ["Column", error.column ?? "—"],
      ["Message", error.message],
    ]),
  );
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function showExamples(parsers, isParseError) {
  const container = document.getElementById("examples");
  const status = document.getElementById("examples-status");
  for (const seed of SEEDS) {
    const url = `/seeds/${seed.file}`;
    const section = h(
      "article",
      { class: "example" },
      h("h3", {}, seed.operation),
      h("p", { class: "source" }, "Source: ", h("a", { href: url }, seed.file)),
    );
    try {
      const bytes = await fetchBytes(url);
      section.append(...parsedView(seed.operation, parsers[seed.operation](bytes)));
    } catch (error) {
      section.append(errorView(error, isParseError));
    }
    container.append(section);
  }
  status.textContent = `Parsed ${SEEDS.length} documentation examples.`;
}

function setUpForm(parsers, isParseError) {
  const form = document.getElementById("try-form");
  const operation = document.getElementById("operation");
  const input = document.getElementById("response-json");
  const strict = document.getElementById("strict");
  const result = document.getElementById("try-result");

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    result.replaceChildren();
    try {
      const parsed = parsers[operation.value](input.value, { strict: strict.checked });
      result.append(h("p", { class: "parse-ok" }, `Parsed as ${operation.value}.`), ...parsedView(operation.value, parsed));
    } catch (error) {
      result.append(errorView(error, isParseError));
    }
  });

  document.getElementById("load-example").addEventListener("click", async () => {
    const seed = SEEDS.find((candidate) => candidate.operation === operation.value);
    if (!seed) return;
    try {
      input.value = new TextDecoder().decode(await fetchBytes(`/seeds/${seed.file}`));
    } catch (error) {
      result.replaceChildren(errorView(error, () => false));
    }
  });
}

async function main() {
  let library;
  try {
    library = await import("/pkg/index.js");
  } catch (error) {
    document.getElementById("examples-status").textContent =
      `Could not load /pkg/index.js (${error}). Build the package: cargo xtask demo.`;
    return;
  }
  const parsers = {
    GetSynchronizationJob: library.parseGetSynchronizationJob,
    ListSynchronizationJobs: library.parseListSynchronizationJobs,
    GetIdentityProviderUdPushConfiguration: library.parseGetIdentityProviderUdPushConfiguration,
    GetIdentityProviderUdPullConfiguration: library.parseGetIdentityProviderUdPullConfiguration,
  };
  const isParseError = library.isEiamSyncParseError;
  setUpForm(parsers, isParseError);
  await showExamples(parsers, isParseError);
}

main();
