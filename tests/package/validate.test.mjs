// The eight validate* exports through the installed package: the documented
// report shape, paths relative to the argument, locales, nowMs, strict, and
// never a throw, whatever they are given. Expectations are written by hand.

import { test } from "node:test";
import assert from "node:assert/strict";
import { eiam } from "./entry.mjs";
import { SEEDS } from "./fixtures.mjs";

const VALIDATORS = [
  "validateSynchronizationJob",
  "validateListSynchronizationJobs",
  "validateUdPushConfiguration",
  "validateUdPullConfiguration",
  "validateListSynchronizationJobsRequest",
  "validateGetSynchronizationJobRequest",
  "validateGetIdentityProviderUdPushConfigurationRequest",
  "validateGetIdentityProviderUdPullConfigurationRequest",
];

const seedObject = (index) => JSON.parse(SEEDS[index].text);
const jobSeed = () => seedObject(0).SynchronizationJob;
const listSeed = () => seedObject(2);
const pushSeed = () => seedObject(3).UdPushConfiguration;
const pullSeed = () => seedObject(4).UdPullConfiguration;

/** Checks the documented shape of a report and returns `[path, code, severity]` triples. */
function triples(report) {
  assert.equal(Object.getPrototypeOf(report), Object.prototype);
  assert.deepEqual(Object.keys(report).sort(), ["issues", "valid"]);
  assert.equal(typeof report.valid, "boolean");
  assert.ok(Array.isArray(report.issues));
  for (const issue of report.issues) {
    assert.deepEqual(Object.keys(issue).sort(), ["code", "message", "path", "severity"]);
    assert.equal(typeof issue.path, "string");
    assert.match(issue.code, /^[a-z0-9_]+$/);
    assert.ok(issue.severity === "error" || issue.severity === "warning", issue.severity);
    assert.equal(typeof issue.message, "string");
    assert.ok(issue.message.length > 0);
  }
  assert.equal(report.valid, !report.issues.some((i) => i.severity === "error"), "valid iff no error");
  return report.issues.map((i) => [i.path, i.code, i.severity]);
}

test("every validator is exported and returns { valid, issues }", () => {
  for (const name of VALIDATORS) {
    assert.equal(typeof eiam[name], "function", name);
    const report = eiam[name]({});
    triples(report);
  }
});

test("the job example: IDs ending in a newline and counts over their total, still valid", () => {
  const report = eiam.validateSynchronizationJob(jobSeed());
  const ops = ["Created", "Updated", "Binded", "Deleted", "Same", "Pushed"];
  assert.deepEqual(triples(report), [
    ["SynchronizationJobId", "id_whitespace", "warning"],
    ["TargetId", "id_whitespace", "warning"],
    ...ops.map((op) => [`Result.UserStatistics.${op}`, "counts_exceed_total", "warning"]),
  ]);
  assert.equal(report.valid, true);
  assert.equal(
    report.issues[0].message,
    '`SynchronizationJobId` is "sync_0000347vjovtcf41li0fgsd98gn24q9nj9xxxxx\\n", which contains whitespace or control characters.',
  );
});

test("the list example: paths are relative to the response", () => {
  const report = eiam.validateListSynchronizationJobs(listSeed());
  assert.deepEqual(triples(report), [
    ["SynchronizationJobs[0].SynchronizationJobId", "id_whitespace", "warning"],
    ["SynchronizationJobs[0].TargetId", "id_whitespace", "warning"],
    ["SynchronizationJobs[0].Status", "success_with_failures", "warning"],
  ]);
  assert.equal(report.issues[2].message, "`SynchronizationJobs[0].Status` is success, but 26 items failed.");
});

test("the configuration examples: push is clean, pull has the provider ID's newline", () => {
  assert.deepEqual(eiam.validateUdPushConfiguration(pushSeed()), { valid: true, issues: [] });
  assert.deepEqual(triples(eiam.validateUdPullConfiguration(pullSeed())), [
    ["IdentityProviderId", "id_whitespace", "warning"],
  ]);
});

test("an invalid LDAP filter is an error at its path, with the character position", () => {
  const config = pullSeed();
  config.LdapUdPullConfig.UserObjectClassCustomFilter = "(|(cn=test)(mail=test@test.com)";
  const report = eiam.validateUdPullConfiguration(config);
  assert.equal(report.valid, false);
  const [issue] = report.issues.filter((i) => i.code === "invalid_ldap_filter");
  assert.deepEqual(issue, {
    path: "LdapUdPullConfig.UserObjectClassCustomFilter",
    code: "invalid_ldap_filter",
    severity: "error",
    message:
      "`LdapUdPullConfig.UserObjectClassCustomFilter` is not a valid LDAP filter (RFC 4515): the filter ends too early at character 32.",
  });
});

test("locale switches the message, not the rest", () => {
  const job = { SynchronizationJobId: "" };
  const messages = {};
  for (const locale of ["en", "zh-CN", "id"]) {
    const report = eiam.validateSynchronizationJob(job, { locale });
    assert.deepEqual(triples(report)[0], ["SynchronizationJobId", "empty_id", "error"]);
    messages[locale] = report.issues[0].message;
  }
  assert.deepEqual(messages, {
    en: "`SynchronizationJobId` is empty.",
    "zh-CN": "`SynchronizationJobId` 为空。",
    id: "`SynchronizationJobId` kosong.",
  });
  // Unknown locales and wrong types fall back to English.
  for (const options of [{ locale: "fr" }, { locale: 7 }, "zh-CN", null, 5, []]) {
    const report = eiam.validateSynchronizationJob(job, options);
    assert.equal(report.issues[0].message, messages.en, JSON.stringify(options));
  }
});

test("nowMs enables the future-time rule, one day of tolerance", () => {
  const job = jobSeed(); // StartTime and EndTime 1649830226000
  const codes = (options) =>
    eiam.validateSynchronizationJob(job, options).issues.filter((i) => i.code === "time_in_future").map((i) => i.path);
  assert.deepEqual(codes(), []);
  assert.deepEqual(codes({ nowMs: 1649830226000 - 86400000 }), []);
  assert.deepEqual(codes({ nowMs: 1649830226000 - 86400001 }), ["StartTime", "EndTime"]);
  // Not a number, negative or not finite: as if absent.
  for (const nowMs of ["1500000000000", -1, NaN, Infinity, null]) {
    assert.deepEqual(codes({ nowMs }), [], String(nowMs));
  }
});

test("strict turns unknown enum values into errors", () => {
  const job = { ...jobSeed(), Direction: "sideways" };
  const pick = (report) => report.issues.find((i) => i.code === "unknown_enum_value");
  const lenient = eiam.validateSynchronizationJob(job);
  assert.equal(lenient.valid, true);
  assert.deepEqual([pick(lenient).path, pick(lenient).severity], ["Direction", "warning"]);
  const strict = eiam.validateSynchronizationJob(job, { strict: true });
  assert.equal(strict.valid, false);
  assert.equal(pick(strict).severity, "error");
  // Only `true` means strict.
  assert.equal(pick(eiam.validateSynchronizationJob(job, { strict: "yes" })).severity, "warning");
});

test("requests: required IDs, page sizes, paging styles, time range, targets, filters", () => {
  assert.deepEqual(triples(eiam.validateGetSynchronizationJobRequest({})), [
    ["InstanceId", "missing_parameter", "error"],
    ["SynchronizationJobId", "missing_parameter", "error"],
  ]);
  const ok = { InstanceId: "idaas_1", IdentityProviderId: "idp_1" };
  assert.deepEqual(eiam.validateGetIdentityProviderUdPushConfigurationRequest(ok), { valid: true, issues: [] });
  assert.deepEqual(triples(eiam.validateGetIdentityProviderUdPullConfigurationRequest({ InstanceId: "idaas_1" })), [
    ["IdentityProviderId", "missing_parameter", "error"],
  ]);
  const request = {
    InstanceId: "idaas_1",
    PageSize: 500,
    MaxResults: 20,
    TargetType: "identity_provider",
    TargetIds: ["idp_1", ""],
    StartTime: 1649830226001,
    EndTime: 1649830226000,
    Filters: [{ Values: ["x"] }],
  };
  assert.deepEqual(triples(eiam.validateListSynchronizationJobsRequest(request)), [
    ["PageSize", "page_size_range", "error"],
    ["PageSize", "both_paging_styles", "warning"],
    ["TargetIds[1]", "empty_target_id", "error"],
    ["EndTime", "start_after_end", "error"],
    ["Filters[0].Key", "filter_without_key", "error"],
  ]);
});

test("a value without the type's shape is one invalid_shape error at the parse error's path", () => {
  const cases = [
    [null, ""],
    [5, ""],
    ["a string", ""],
    [[], ""],
    [{}, "SynchronizationJobId"],
    [{ SynchronizationJobId: "s", StartTime: -1 }, "StartTime"],
    [{ SynchronizationJobId: "s", Result: { UserStatistics: { Created: { Total: 1.5 } } } }, "Result.UserStatistics.Created.Total"],
  ];
  for (const [value, path] of cases) {
    const report = eiam.validateSynchronizationJob(value);
    assert.deepEqual(triples(report), [[path, "invalid_shape", "error"]], JSON.stringify(value));
    assert.match(report.issues[0].message, /^The value cannot be read as SynchronizationJob: /);
    // No line or column: they would describe our own serialisation.
    assert.doesNotMatch(report.issues[0].message, /line \d+/);
  }
  const list = eiam.validateListSynchronizationJobs({ SynchronizationJobs: [{ SynchronizationJobId: 7 }] });
  assert.deepEqual(triples(list), [["SynchronizationJobs[0].SynchronizationJobId", "invalid_shape", "error"]]);
});

test("garbage never throws, and the module keeps working", () => {
  let deep = [];
  for (let i = 0; i < 10000; i++) deep = [deep];
  let deepObject = {};
  for (let i = 0; i < 10000; i++) deepObject = { SynchronizationJobId: "s", Result: deepObject };
  const cyclic = { SynchronizationJobId: "s" };
  cyclic.Result = cyclic;
  const throwing = { get SynchronizationJobId() { throw new Error("boom"); } };
  const garbage = [
    undefined, null, 0, 5, -1, NaN, true, "", "{}", "null", [], [1, 2], {}, { a: 1 },
    new Uint8Array([123, 125]), 10n, Symbol("s"), () => 1, new Date(0), new Map(),
    deep, deepObject, cyclic, throwing, { SynchronizationJobs: deep }, { TargetIds: [null, 1, {}] },
    { Filters: "x" }, { PeriodicSyncConfig: { PeriodicSyncTimes: [1e300] } },
  ];
  for (const name of VALIDATORS) {
    for (const value of garbage) {
      for (const options of [undefined, null, {}, { locale: "zh-CN", nowMs: 1, strict: true }, deep, 7]) {
        const report = eiam[name](value, options);
        triples(report);
      }
    }
  }
  assert.deepEqual(eiam.validateUdPushConfiguration(pushSeed()), { valid: true, issues: [] });
  assert.equal(eiam.parseListSynchronizationJobs(SEEDS[2].bytes).SynchronizationJobs.length, 1);
});

test("the parsed form validates like the raw object", () => {
  const parsed = eiam.parseGetSynchronizationJob(SEEDS[0].bytes).SynchronizationJob;
  assert.deepEqual(eiam.validateSynchronizationJob(parsed), eiam.validateSynchronizationJob(jobSeed()));
});
