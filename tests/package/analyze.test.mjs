// The analysis exports as users get them from the built package: summaries,
// the JobAggregator class (bytes, arrays, objects, merge, free/dispose),
// thresholds, schedules and configuration diffs. Expectations are worked out
// by hand from the inputs (see README.md, "Analysis").

import { test } from "node:test";
import assert from "node:assert/strict";
import { eiam } from "./entry.mjs";
import { LIST_SEED, SEEDS, expectParseError, utf8 } from "./fixtures.mjs";

const {
  summarizeJob,
  summarizeJobs,
  JobAggregator,
  checkDeletionThresholds,
  nextScheduledRuns,
  diffConfigurations,
} = eiam;

/** 2026-01-01T00:00:00Z */
const T0 = 1767225600000;
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const listJob = () => JSON.parse(LIST_SEED.text).SynchronizationJobs[0];
const getJob = () => JSON.parse(SEEDS[0].text).SynchronizationJob;
const pushConfig = () => JSON.parse(SEEDS[3].text).UdPushConfiguration;
const pullConfig = () => JSON.parse(SEEDS[4].text).UdPullConfiguration;

/** Three jobs: idp_A success then failed, app_B failed. */
function history() {
  return [
    {
      SynchronizationJobId: "sync_a1", TargetType: "identity_provider", TargetId: "idp_A",
      Direction: "ingress", TriggerType: "auto", Status: "success",
      StartTime: T0 + HOUR, EndTime: T0 + HOUR + 60_000,
      Result: { UserStatistics: { Created: { Total: 5, Success: 5 } } },
    },
    {
      SynchronizationJobId: "sync_a2", TargetType: "identity_provider", TargetId: "idp_A",
      Direction: "ingress", TriggerType: "manual", Status: "failed",
      StartTime: T0 + 25 * HOUR, EndTime: T0 + 25 * HOUR + 120_000,
      Result: { UserStatistics: { Created: { Total: 4, Success: 1, Failed: 3 } }, ErrorCode: "Timeout" },
    },
    {
      SynchronizationJobId: "sync_b1", TargetType: "application", TargetId: "app_B",
      Direction: "egress", Status: "failed", StartTime: T0 + 2 * HOUR,
      Result: { ErrorCode: "Forbidden" },
    },
  ];
}

const pageOf = (jobs) => ({ RequestId: "r", TotalCount: jobs.length, SynchronizationJobs: jobs });

test("every analysis export is there", () => {
  for (const name of ["summarizeJob", "summarizeJobs", "checkDeletionThresholds", "nextScheduledRuns", "diffConfigurations"]) {
    assert.equal(typeof eiam[name], "function", name);
  }
  assert.equal(typeof JobAggregator, "function");
  assert.equal(typeof JobAggregator.prototype.free, "function");
});

test("summarizeJob: the list seed's job", () => {
  const s = summarizeJob(listJob());
  assert.equal(s.synchronizationJobId, "sync_0000347vjovtcf41li0fgsd98gn24q9njxxxxx\n");
  // 6 operations x {3,1,1,1} per entity, plus Exported {5,2,2,1} for users.
  assert.deepEqual(s.items.users.total, { total: 23, success: 8, failed: 8, skipped: 7 });
  assert.deepEqual(s.items.groupMembers.created, { total: 3, success: 1, failed: 1, skipped: 1 });
  assert.deepEqual(s.items.byOperation.exported, { total: 5, success: 2, failed: 2, skipped: 1 });
  assert.deepEqual(s.items.all, { total: 77, success: 26, failed: 26, skipped: 25 });
  assert.equal(s.items.successRate, 26 / 77);
  assert.equal(s.items.failureRate, 26 / 77);
  assert.equal(s.outcome, "partially_failed");
  assert.equal(s.durationMs, 0);
  assert.equal(s.status, "success");
  assert.equal(s.errorCode, "MissingParameter.Username");
});

test("summarizeJob: absent figures are absent keys, zero denominators null", () => {
  const s = summarizeJob({ SynchronizationJobId: "sync_1" });
  assert.equal(s.outcome, "unknown");
  assert.equal(s.items.successRate, null);
  assert.equal(s.items.failureRate, null);
  assert.equal("durationMs" in s, false);
  assert.equal("status" in s, false);
  assert.equal("errorCode" in s, false);
  // Text and bytes are accepted too.
  assert.deepEqual(summarizeJob('{"SynchronizationJobId":"sync_1"}'), s);
  assert.deepEqual(summarizeJob(utf8('{"SynchronizationJobId":"sync_1"}')), s);
});

test("summarizeJob: bad input throws a path-aware EiamSyncParseError", () => {
  const missing = expectParseError(() => summarizeJob({ Status: "failed" }), {}, "missing id");
  assert.equal(missing.code, "missing_field");
  assert.equal(missing.path, "SynchronizationJobId");
  assert.equal(missing.line, null);
  const wrong = expectParseError(() => summarizeJob({ SynchronizationJobId: "s", StartTime: -1 }), {}, "negative");
  assert.equal(wrong.code, "type");
  assert.equal(wrong.path, "StartTime");
  const text = expectParseError(() => summarizeJob('{"SynchronizationJobId": 5}'), {}, "text");
  assert.equal(text.path, "SynchronizationJobId");
  assert.equal(text.line, 1);
});

test("summarizeJobs: counts, targets, buckets, durations, top lists", () => {
  const s = summarizeJobs(history());
  assert.equal(s.jobCount, 3);
  assert.deepEqual(s.byStatus, [{ key: "failed", count: 2 }, { key: "success", count: 1 }]);
  assert.deepEqual(s.byTriggerType, [{ key: null, count: 1 }, { key: "auto", count: 1 }, { key: "manual", count: 1 }]);
  assert.deepEqual(s.byOutcome.map((o) => [o.outcome, o.count]), [
    ["succeeded", 1], ["succeeded_with_skips", 0], ["partially_failed", 0],
    ["failed", 2], ["in_progress", 0], ["unknown", 0],
  ]);
  assert.deepEqual(s.items.users.created, { total: 9, success: 6, failed: 3, skipped: 0 });
  assert.equal(s.items.successRate, 6 / 9);

  assert.equal(s.targets.length, 2);
  const [app, idp] = s.targets;
  assert.equal(app.targetType, "application");
  assert.equal(app.failureStreak, 1);
  assert.equal("lastSuccess" in app, false);
  assert.equal(idp.targetId, "idp_A");
  assert.equal(idp.jobCount, 2);
  assert.equal(idp.failureStreak, 1);
  assert.deepEqual(idp.lastRun, { synchronizationJobId: "sync_a2", startTime: T0 + 25 * HOUR, endTime: T0 + 25 * HOUR + 120_000, status: "failed" });
  assert.equal(idp.lastSuccess.synchronizationJobId, "sync_a1");

  assert.equal(s.bucket, "day");
  assert.equal(s.utcOffsetMinutes, 0);
  assert.deepEqual(s.timeBuckets, [
    { start: T0, jobCount: 2, successCount: 1, successRate: 0.5 },
    { start: T0 + DAY, jobCount: 1, successCount: 0, successRate: 0 },
  ]);
  assert.equal(s.jobsWithoutStartTime, 0);
  // 60 s and 120 s: p50 rank 1, p95 rank 2.
  assert.deepEqual(s.durations, { count: 2, p50Ms: 60_000, p95Ms: 120_000, maxMs: 120_000 });
  assert.deepEqual(s.topFailingTargets, [
    { targetType: "application", targetId: "app_B", failedJobCount: 1 },
    { targetType: "identity_provider", targetId: "idp_A", failedJobCount: 1 },
  ]);
  assert.deepEqual(s.topErrorCodes, [{ errorCode: "Forbidden", count: 1 }, { errorCode: "Timeout", count: 1 }]);
});

test("summarizeJobs: options", () => {
  // UTC-2, hourly: 01:00Z is 23:00 local (bucket 01:00Z); 02:00Z; 01:00Z next day.
  const s = summarizeJobs(history(), { bucket: "hour", utcOffsetMinutes: -120, topN: 1 });
  assert.equal(s.bucket, "hour");
  assert.equal(s.utcOffsetMinutes, -120);
  assert.deepEqual(s.timeBuckets.map((b) => b.start), [T0 + HOUR, T0 + 2 * HOUR, T0 + 25 * HOUR]);
  assert.equal(s.topFailingTargets.length, 1);
  assert.equal(s.topErrorCodes.length, 1);
  // UTC-2, daily: local days start at 02:00Z; 01:00Z belongs to Dec 31 local.
  const daily = summarizeJobs(history(), { utcOffsetMinutes: -120 });
  assert.deepEqual(daily.timeBuckets.map((b) => [b.start, b.jobCount]), [
    [T0 - DAY + 2 * HOUR, 1], [T0 + 2 * HOUR, 2],
  ]);
  assert.deepEqual(summarizeJobs(history(), null), summarizeJobs(history()));
  assert.deepEqual(summarizeJobs(history(), {}), summarizeJobs(history()));

  const bucket = expectParseError(() => summarizeJobs([], { bucket: "week" }), {}, "bucket");
  assert.equal(bucket.path, "bucket");
  const offset = expectParseError(() => summarizeJobs([], { utcOffsetMinutes: 2000 }), {}, "offset");
  assert.equal(offset.code, "number_out_of_range");
  assert.equal(offset.path, "utcOffsetMinutes");
  const jobs = expectParseError(() => summarizeJobs([{ SynchronizationJobId: "a" }, {}]), {}, "jobs");
  assert.equal(jobs.path, "[1].SynchronizationJobId");
  assert.equal(expectParseError(() => summarizeJobs({}), {}, "not an array").code, "type");
});

test("JobAggregator.add: bytes, text, a response object and a job array", () => {
  const aggregator = new JobAggregator();
  aggregator.add(LIST_SEED.bytes);
  aggregator.add(LIST_SEED.text);
  aggregator.add(JSON.parse(LIST_SEED.text));
  aggregator.add([listJob()]);
  aggregator.add(LIST_SEED.bytes.buffer.slice(LIST_SEED.bytes.byteOffset, LIST_SEED.bytes.byteOffset + LIST_SEED.bytes.byteLength));
  const summary = aggregator.summary();
  assert.equal(summary.jobCount, 5);
  assert.deepEqual(summary, summarizeJobs([listJob(), listJob(), listJob(), listJob(), listJob()]));
  assert.equal(summary.targets[0].jobCount, 5);
  assert.deepEqual(summary.items.all, { total: 5 * 77, success: 5 * 26, failed: 5 * 26, skipped: 5 * 25 });
  aggregator.free();
});

test("JobAggregator.add: bad input throws and adds nothing", () => {
  const aggregator = new JobAggregator({ topN: 2 });
  aggregator.add(pageOf(history()));
  const before = aggregator.summary();
  const truncated = expectParseError(() => aggregator.add(LIST_SEED.bytes.subarray(0, 500)), {}, "truncated");
  assert.equal(truncated.code, "eof");
  assert.ok(truncated.line >= 1);
  const missing = expectParseError(() => aggregator.add({ SynchronizationJobs: [{}] }), {}, "object");
  assert.equal(missing.path, "SynchronizationJobs[0].SynchronizationJobId");
  assert.equal(missing.line, null);
  const array = expectParseError(() => aggregator.add([{ SynchronizationJobId: "x", Status: 3 }]), {}, "array");
  assert.equal(array.path, "[0].Status");
  expectParseError(() => aggregator.add(undefined), {}, "undefined");
  expectParseError(() => aggregator.add("not json"), {}, "text");
  assert.deepEqual(aggregator.summary(), before);
  aggregator.free();
});

test("JobAggregator: options in the constructor", () => {
  const aggregator = new JobAggregator({ bucket: "hour", utcOffsetMinutes: 60 });
  aggregator.add(history());
  assert.deepEqual(aggregator.summary(), summarizeJobs(history(), { bucket: "hour", utcOffsetMinutes: 60 }));
  aggregator.free();
  expectParseError(() => new JobAggregator({ topN: -1 }), {}, "topN");
});

test("JobAggregator.merge: equals the whole, leaves the other usable", () => {
  const jobs = history();
  const a = new JobAggregator();
  const b = new JobAggregator();
  a.add(jobs.slice(0, 1));
  b.add(pageOf(jobs.slice(1)));
  const bBefore = b.summary();
  a.merge(b);
  assert.deepEqual(a.summary(), summarizeJobs(jobs));
  assert.deepEqual(b.summary(), bBefore);
  b.add([jobs[0]]);
  assert.equal(b.summary().jobCount, 3);
  // Merging with itself counts every job twice (no de-duplication).
  a.merge(a);
  assert.equal(a.summary().jobCount, 6);
  assert.equal(a.summary().targets[1].failureStreak, 2);
  assert.throws(() => a.merge({}), Error);
  a.free();
  b.free();
});

test("JobAggregator: use after free() throws an Error and the module keeps working", () => {
  const a = new JobAggregator();
  a.add(history());
  a.free();
  assert.throws(() => a.summary(), Error);
  assert.throws(() => a.add(history()), Error);
  const b = new JobAggregator();
  assert.throws(() => b.merge(a), Error);
  b.add(history());
  assert.equal(b.summary().jobCount, 3);
  b.free();
  assert.equal(summarizeJob(listJob()).outcome, "partially_failed");
});

test("JobAggregator: Symbol.dispose frees it", () => {
  assert.equal(typeof Symbol.dispose, "symbol");
  const a = new JobAggregator();
  assert.equal(typeof a[Symbol.dispose], "function");
  a.add(history());
  a[Symbol.dispose]();
  assert.throws(() => a.summary(), Error);
  // `using` where the runtime supports the syntax (Node 24+).
  let supportsUsing = true;
  try {
    new Function("{ using x = null; }");
  } catch {
    supportsUsing = false;
  }
  if (supportsUsing) {
    const escaped = new Function("JobAggregator", "jobs", `
      let kept;
      { using aggregator = new JobAggregator(); aggregator.add(jobs); kept = aggregator; }
      return kept;`)(JobAggregator, history());
    assert.throws(() => escaped.summary(), Error);
  }
});

test("checkDeletionThresholds: seed job against the seed's PullProtectedRule", () => {
  // Users 10 of 30; organizational units and groups 30 of 10.
  const report = checkDeletionThresholds(getJob(), pullConfig());
  assert.deepEqual(report.users, { threshold: 30, deleted: 10, ratio: 10 / 30, status: "ok" });
  assert.deepEqual(report.organizationalUnits, { threshold: 10, deleted: 30, ratio: 3, status: "exceeded" });
  assert.equal(report.groups.status, "exceeded");
  assert.equal(report.status, "exceeded");

  const near = { SynchronizationJobId: "s", Direction: "ingress", Result: { UserStatistics: { Deleted: { Total: 24 } } } };
  assert.equal(checkDeletionThresholds(near, pullConfig()).users.status, "near");
  assert.equal(checkDeletionThresholds(near, pullConfig()).status, "near");
  const egress = { ...near, Direction: "egress" };
  assert.equal(checkDeletionThresholds(egress, pullConfig()).status, "not_applicable");
  const none = checkDeletionThresholds(near, { PullProtectedRule: { UserDeletedThreshold: 0 } });
  assert.deepEqual(none.users, { threshold: 0, deleted: 24, ratio: null, status: "not_configured" });
  assert.equal("threshold" in none.groups, false);
  const bad = expectParseError(() => checkDeletionThresholds(near, { PullProtectedRule: { UserDeletedThreshold: "x" } }), {}, "config");
  assert.equal(bad.path, "PullProtectedRule.UserDeletedThreshold");
});

test("nextScheduledRuns: cron and hour slots", () => {
  const periodic = pullConfig().PeriodicSyncConfig; // cron "0 45 1 * * ?"
  const first = T0 + HOUR + 45 * MIN;
  assert.deepEqual(nextScheduledRuns(periodic, T0, 3), [first, first + DAY, first + 2 * DAY]);
  assert.deepEqual(nextScheduledRuns(periodic, first, 1), [first + DAY]);
  // UTC+8: 01:45 local is 17:45Z the day before.
  assert.deepEqual(nextScheduledRuns(periodic, T0, 1, { utcOffsetMinutes: 480 }), [T0 + 17 * HOUR + 45 * MIN]);
  assert.ok(Array.isArray(nextScheduledRuns(periodic, T0, 0)));
  assert.deepEqual(nextScheduledRuns(periodic, T0, 0), []);

  const times = { PeriodicSyncType: "time", PeriodicSyncTimes: "3,5" };
  assert.deepEqual(nextScheduledRuns(times, T0 + 4 * HOUR, 2), [T0 + 5 * HOUR, T0 + DAY + 3 * HOUR]);
  assert.deepEqual(nextScheduledRuns(pushConfig().PeriodicSyncConfig, T0, 1), [first]);
  assert.deepEqual(nextScheduledRuns({ PeriodicSyncType: "cron", PeriodicSyncCron: "0 45 1 * *" }, T0, 3), []);
  assert.equal(nextScheduledRuns({ PeriodicSyncCron: "* * * * * ?" }, T0, 5000).length, 1000);

  assert.throws(() => nextScheduledRuns(periodic, -1, 1), RangeError);
  assert.throws(() => nextScheduledRuns(periodic, 1.5, 1), RangeError);
  assert.throws(() => nextScheduledRuns(periodic, T0, NaN), RangeError);
  assert.throws(() => nextScheduledRuns(periodic, T0, -1), RangeError);
  const offset = expectParseError(() => nextScheduledRuns(periodic, T0, 1, { utcOffsetMinutes: "x" }), {}, "offset");
  assert.equal(offset.path, "utcOffsetMinutes");
  expectParseError(() => nextScheduledRuns({ PeriodicSyncTimes: [-1] }, T0, 1), {}, "hours");
});

test("diffConfigurations: changes with paths, SourceScopes as a set", () => {
  const before = pullConfig();
  const after = pullConfig();
  after.PullProtectedRule.UserDeletedThreshold = 50;
  after.UdSyncScopeConfig.SourceScopes = ["961"];
  delete after.LdapUdPullConfig;
  after.PeriodicSyncConfig.PeriodicSyncTimes = [0];
  assert.deepEqual(diffConfigurations(before, after), [
    { path: "LdapUdPullConfig", kind: "removed", before: before.LdapUdPullConfig },
    { path: "PullProtectedRule.UserDeletedThreshold", kind: "changed", before: 30, after: 50 },
    { path: "UdSyncScopeConfig.SourceScopes", kind: "removed", before: "960" },
    { path: "UdSyncScopeConfig.SourceScopes", kind: "added", after: "961" },
  ]);
  assert.deepEqual(diffConfigurations(before, pullConfig()), []);

  const push = pushConfig();
  const pushAfter = pushConfig();
  pushAfter.UdSyncScopeConfigs[0].SourceScopes = ["ou_12121xxxx", "ou_12121xxxx"];
  pushAfter.UdSyncScopeConfigs.push({ TargetScope: "1" });
  assert.deepEqual(diffConfigurations(push, pushAfter), [
    { path: "UdSyncScopeConfigs[1]", kind: "added", after: { TargetScope: "1" } },
  ]);
  const bad = expectParseError(() => diffConfigurations(push, { UdSyncScopeConfigs: {} }), {}, "diff");
  assert.equal(bad.path, "UdSyncScopeConfigs");
});
