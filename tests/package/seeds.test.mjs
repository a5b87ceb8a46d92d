// The five documentation examples through the installed package: text, bytes,
// ArrayBuffer and parsed-object input give identical results; the examples'
// quirks (IDs ending in "\n", PeriodicSyncTimes shapes) survive as documented.

import { test } from "node:test";
import assert from "node:assert/strict";
import { eiam } from "./entry.mjs";
import { SEEDS, LIST_SEED, listWith, utf8, canonical } from "./fixtures.mjs";

for (const seed of SEEDS) {
  test(`seed ${seed.name} parses alike as string, bytes, ArrayBuffer and object`, () => {
    const parse = eiam[seed.parser];
    const fromText = parse(seed.text);
    const fromBytes = parse(seed.bytes);
    const buffer = seed.bytes.buffer.slice(seed.bytes.byteOffset, seed.bytes.byteOffset + seed.bytes.byteLength);
    const fromBuffer = parse(buffer);
    const fromObject = parse(JSON.parse(seed.text));
    assert.deepEqual(fromBytes, fromText);
    assert.deepEqual(fromBuffer, fromText);
    assert.deepEqual(fromObject, fromText);
    // Same key order too: what the console would render or stringify.
    assert.equal(JSON.stringify(fromObject), JSON.stringify(fromText));
    assert.deepEqual(parse(seed.text, { strict: true }), fromText);
    // Plain objects and arrays, not Maps or class instances.
    assert.equal(Object.getPrototypeOf(fromText), Object.prototype);
  });
}

test("parse results are the wire JSON, field for field (seeds 000-002)", () => {
  for (const seed of SEEDS.slice(0, 3)) {
    assert.equal(canonical(eiam[seed.parser](seed.bytes)), canonical(JSON.parse(seed.text)), seed.name);
  }
});

test("IDs ending in a newline are kept verbatim", () => {
  const job = eiam.parseGetSynchronizationJob(SEEDS[0].bytes).SynchronizationJob;
  assert.equal(job.SynchronizationJobId, "sync_0000347vjovtcf41li0fgsd98gn24q9nj9xxxxx\n");
  assert.equal(job.TargetId, "idp_my664lwkhpicbyzirog3nxxxxx\n");
  const listed = eiam.parseListSynchronizationJobs(LIST_SEED.text).SynchronizationJobs[0];
  assert.equal(listed.SynchronizationJobId, "sync_0000347vjovtcf41li0fgsd98gn24q9njxxxxx\n");
  const pull = eiam.parseGetIdentityProviderUdPullConfiguration(JSON.parse(SEEDS[4].text)).UdPullConfiguration;
  assert.equal(pull.IdentityProviderId, "idp_my664lwkhpicbyzirog3xxxxx\n");
});

test("the seeds' own PeriodicSyncTimes shapes: [\"3\"] and 0", () => {
  const push = eiam.parseGetIdentityProviderUdPushConfiguration(SEEDS[3].text).UdPushConfiguration;
  assert.deepEqual(push.PeriodicSyncConfig.PeriodicSyncTimes, [3]);
  const pull = eiam.parseGetIdentityProviderUdPullConfiguration(SEEDS[4].text).UdPullConfiguration;
  assert.deepEqual(pull.PeriodicSyncConfig.PeriodicSyncTimes, [0]);
});

test("PeriodicSyncTimes in its four wire shapes becomes number[]", () => {
  const cases = [["0", [0]], ["[3,5]", [3, 5]], ['["3"]', [3]], ['"3,5"', [3, 5]]];
  for (const [wire, expected] of cases) {
    const body = `{"UdPushConfiguration":{"PeriodicSyncConfig":{"PeriodicSyncType":"time","PeriodicSyncTimes":${wire}}}}`;
    for (const input of [body, utf8(body), JSON.parse(body)]) {
      const times = eiam.parseGetIdentityProviderUdPushConfiguration(input).UdPushConfiguration.PeriodicSyncConfig.PeriodicSyncTimes;
      assert.ok(Array.isArray(times), wire);
      assert.deepEqual(times, expected, wire);
      assert.ok(times.every((h) => typeof h === "number"), wire);
    }
  }
});

test("absent and null fields are absent keys, not undefined or null", () => {
  const body = '{"SynchronizationJob":{"SynchronizationJobId":"sync_1","Status":"pending","EndTime":null,"Result":null}}';
  for (const input of [body, utf8(body), JSON.parse(body)]) {
    const job = eiam.parseGetSynchronizationJob(input).SynchronizationJob;
    assert.deepEqual(Object.keys(job), ["SynchronizationJobId", "Status"]);
    assert.equal("EndTime" in job, false);
    assert.equal("Result" in job, false);
    assert.equal(job.Result?.UserStatistics?.Created?.Total, undefined);
  }
  const lastPage = eiam.parseListSynchronizationJobs({ SynchronizationJobs: [], NextToken: null, RequestId: undefined });
  assert.deepEqual(lastPage, { SynchronizationJobs: [] });
});

test("numbers are numbers; unknown fields are dropped; unknown enum values kept", () => {
  const body = listWith('"Status": "success"', '"Status": "archived", "Unheard": {"Of": [1, 2]}');
  const job = eiam.parseListSynchronizationJobs(body).SynchronizationJobs[0];
  assert.equal(job.Status, "archived");
  assert.equal("Unheard" in job, false);
  assert.equal(typeof job.StartTime, "number");
  assert.equal(job.StartTime, 1649830226000);
  assert.deepEqual(job.Result.UserStatistics.Exported, { Total: 5, Success: 2, Failed: 2, Skipped: 1 });
});

test("non-ASCII text survives every input form", () => {
  const description = "同步任务 · sincronisasi ✓ 🚀 \u0000 \u2028";
  const body = listWith('"Description": " Description"', `"Description": ${JSON.stringify(description)}`);
  for (const input of [body, utf8(body), JSON.parse(body)]) {
    assert.equal(eiam.parseListSynchronizationJobs(input).SynchronizationJobs[0].Description, description);
  }
});
