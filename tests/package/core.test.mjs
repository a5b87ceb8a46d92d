// `eiam-sync/core`, the entry without the client and the reports, as a Node
// user gets it: its exact surface, its own module and instance, its export map,
// and the same answers as the package root for the same inputs. (The shared
// test files run against it whole as well: see entry.mjs.)

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as core from "eiam-sync/core";
import * as root from "eiam-sync";
import { LIST_SEED, SEEDS, canonical, expectParseError, listWith, utf8 } from "./fixtures.mjs";
import { CORE_FUNCTIONS, ROOT_ONLY_FUNCTIONS as ROOT_ONLY } from "./surface.mjs";

const packageFile = (path) => new URL(`./node_modules/eiam-sync/${path}`, import.meta.url);

test("eiam-sync/core exports exactly parsing, validation and analysis", () => {
  assert.deepEqual(Object.keys(core).sort(), [...CORE_FUNCTIONS, "init", "initSync"].sort());
  for (const name of [...CORE_FUNCTIONS, "init", "initSync"]) {
    assert.equal(typeof core[name], "function", name);
  }
  assert.equal("default" in core, false);
});

test("the export map resolves core's Node entry, types, manual glue and wasm", () => {
  const manifest = JSON.parse(readFileSync(packageFile("package.json"), "utf8"));
  assert.deepEqual(manifest.exports["./core"], {
    types: "./core/index.d.ts",
    node: "./core/node.js",
    default: "./core/index.js",
  });
  assert.equal(import.meta.resolve("eiam-sync/core"), packageFile("core/node.js").href);
  assert.equal(import.meta.resolve("eiam-sync/core/manual"), packageFile("core/eiam_sync.js").href);
  const wasm = readFileSync(new URL(import.meta.resolve("eiam-sync/core/eiam_sync_bg.wasm")));
  assert.ok(WebAssembly.validate(wasm));
  assert.ok(manifest.sideEffects.includes("./core/index.js"));
  assert.ok(manifest.sideEffects.includes("./core/node.js"));
});

test("core's module is its own, smaller file with its own instance", async () => {
  const coreWasm = readFileSync(packageFile("core/eiam_sync_bg.wasm"));
  const rootWasm = readFileSync(packageFile("eiam_sync_bg.wasm"));
  assert.ok(coreWasm.length < rootWasm.length, `${coreWasm.length} < ${rootWasm.length}`);
  const [coreInstance, rootInstance] = [await core.init(), await root.init()];
  assert.ok(coreInstance.memory instanceof WebAssembly.Memory);
  assert.notEqual(coreInstance.memory, rootInstance.memory);
  const manual = await import("eiam-sync/core/manual");
  assert.equal(await manual.default(), coreInstance);
  assert.equal(manual.parseGetSynchronizationJob, core.parseGetSynchronizationJob);
});

test("core's declarations name no client or report type", () => {
  const dts = readFileSync(packageFile("core/eiam_sync.d.ts"), "utf8");
  for (const name of CORE_FUNCTIONS) {
    assert.match(dts, new RegExp(`export (function ${name}\\(|class ${name} )`), name);
  }
  for (const name of [...ROOT_ONLY, "EiamSyncClientOptions", "JobReportOptions", "ReportLabelKey"]) {
    assert.doesNotMatch(dts, new RegExp(`\\b${name}\\b`), name);
  }
  assert.match(dts, /export type EiamSyncError = EiamSyncParseError;/);
});

test("core and root give the same results for every seed, as text, bytes and objects", () => {
  const parsed = (entry, seed, input) => entry[seed.parser](input);
  for (const seed of SEEDS) {
    for (const input of [seed.text, seed.bytes, JSON.parse(seed.text)]) {
      assert.equal(canonical(parsed(core, seed, input)), canonical(parsed(root, seed, input)), seed.name);
    }
  }
  const list = JSON.parse(LIST_SEED.text);
  const job = list.SynchronizationJobs[0];
  const push = JSON.parse(SEEDS[3].text).UdPushConfiguration;
  const pull = JSON.parse(SEEDS[4].text).UdPullConfiguration;
  const same = (label, run) => assert.equal(canonical(run(core)), canonical(run(root)), label);
  same("validateListSynchronizationJobs", (e) => e.validateListSynchronizationJobs(list, { locale: "zh-CN", nowMs: 1767225600000 }));
  same("validateSynchronizationJob", (e) => e.validateSynchronizationJob(job, { strict: true }));
  same("validateUdPushConfiguration", (e) => e.validateUdPushConfiguration(push, { locale: "id" }));
  same("validateUdPullConfiguration", (e) => e.validateUdPullConfiguration(pull));
  same("validateListSynchronizationJobsRequest", (e) =>
    e.validateListSynchronizationJobsRequest({ InstanceId: "", PageSize: 500, TargetIds: [""] }));
  same("summarizeJob", (e) => e.summarizeJob(job));
  same("summarizeJobs", (e) => e.summarizeJobs(list.SynchronizationJobs, { bucket: "day", utcOffsetMinutes: 480, topN: 3 }));
  same("checkDeletionThresholds", (e) => e.checkDeletionThresholds(job, pull));
  same("nextScheduledRuns", (e) => e.nextScheduledRuns(pull.PeriodicSyncConfig, 1767225600000, 5, { utcOffsetMinutes: 480 }));
  same("diffConfigurations", (e) => e.diffConfigurations(pull, { ...pull, IncrementalSync: "disabled" }));
  same("JobAggregator over bytes", (e) => {
    const aggregator = new e.JobAggregator({ bucket: "hour" });
    aggregator.add(LIST_SEED.bytes);
    aggregator.add(list.SynchronizationJobs);
    const summary = aggregator.summary();
    aggregator.free();
    return summary;
  });
});

test("core throws the same parse errors as root, and either entry's guards know them", () => {
  const hostile = [
    utf8(listWith('"TotalCount": 100', '"TotalCount": -1')),
    listWith('"TotalCount": 100', '"TotalCount": 100,,'),
    new Uint8Array([0x7b, 0xff, 0x7d]),
    "[".repeat(200),
    undefined,
  ];
  for (const input of hostile) {
    const failure = (entry) =>
      expectParseError(() => entry.parseListSynchronizationJobs(input), {}, String(input).slice(0, 40));
    const [fromCore, fromRoot] = [failure(core), failure(root)];
    for (const key of ["name", "code", "path", "line", "column", "message"]) {
      assert.equal(fromCore[key], fromRoot[key], key);
    }
    assert.ok(root.isEiamSyncParseError(fromCore) && root.isEiamSyncError(fromCore));
    assert.ok(core.isEiamSyncParseError(fromRoot) && core.isEiamSyncError(fromRoot));
  }
  // The module keeps working after every failure.
  assert.equal(core.parseListSynchronizationJobs(LIST_SEED.bytes).TotalCount, 100);
});

test("an aggregator of one entry cannot be merged into the other's, and both stay usable", () => {
  const fromCore = new core.JobAggregator();
  const fromRoot = new root.JobAggregator();
  fromCore.add(LIST_SEED.bytes);
  fromRoot.add(LIST_SEED.bytes);
  // Two modules, two memories: an object of one is not an object of the other.
  assert.throws(() => fromRoot.merge(fromCore), /JobAggregator/);
  assert.throws(() => fromCore.merge(fromRoot), /JobAggregator/);
  assert.equal(canonical(fromCore.summary()), canonical(fromRoot.summary()));
  // Seed 002 holds one job.
  assert.equal(fromCore.summary().jobCount, 1);
  fromCore.free();
  fromRoot.free();
});
