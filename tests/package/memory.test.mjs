// Failures must not leak: after many failed parses the module still works and
// its linear memory stops growing. The package does not export `memory`; the
// documented `init()` resolves, once initialised, to wasm-bindgen's InitOutput
// (the instance's exports), whose `memory` is the module's WebAssembly.Memory.

import { test } from "node:test";
import assert from "node:assert/strict";
import { eiam } from "./entry.mjs";
import { LIST_SEED, SEEDS, listWith, utf8 } from "./fixtures.mjs";

const { parseListSynchronizationJobs: parseList } = eiam;
const { memory } = await eiam.init();

const memoryBytes = () => memory.buffer.byteLength;

const cyclic = { SynchronizationJobs: [] };
cyclic.self = cyclic;
const withBigInt = { SynchronizationJobs: [], TotalCount: 1n };
const invalidUtf8 = LIST_SEED.bytes.slice();
invalidUtf8[LIST_SEED.text.indexOf("NTxxx")] = 0xff;
const deep = `{"X":${"[".repeat(1000)}${"]".repeat(1000)},"SynchronizationJobs":[]}`;
const big = listWith('"StartTime": 1649830226000', '"StartTime": 9007199254740993');
const duplicate = listWith('"Status": "success"', '"Status": "success", "Status": "failed"');
const unknownStatus = listWith('"Status": "success"', '"Status": "archived"');
const wrongType = JSON.parse(LIST_SEED.text);
wrongType.SynchronizationJobs[0].Result.UserStatistics = [];
const longInvalid = utf8(listWith('"Description": " Description"', `"Description": "${"x".repeat(200_000)}" x`));

/** A mix of hostile inputs, one per call: [input, options, expected code]. */
const HOSTILE = [
  ["", undefined, "eof"],
  [new Uint8Array(0), undefined, "eof"],
  ["null", undefined, "type"],
  [null, undefined, "type"],
  [LIST_SEED.bytes.subarray(0, 2000), undefined, "eof"],
  [invalidUtf8, undefined, "encoding"],
  [deep, undefined, "too_deep"],
  [big, undefined, "number_out_of_range"],
  [duplicate, undefined, "duplicate_key"],
  [unknownStatus, { strict: true }, "unknown_value"],
  [wrongType, undefined, "type"],
  [cyclic, undefined, "type"],
  [withBigInt, undefined, "type"],
  ['{"SynchronizationJobs":[{}]}', undefined, "missing_field"],
  [longInvalid, undefined, "syntax"],
  [undefined, undefined, "type"],
];

function failMany(count) {
  for (let i = 0; i < count; i++) {
    const [input, options, code] = HOSTILE[i % HOSTILE.length];
    assert.throws(() => parseList(input, options), (e) => eiam.isEiamSyncParseError(e) && e.code === code, `case ${i % HOSTILE.length}`);
  }
}

function succeedMany(count) {
  for (let i = 0; i < count; i++) {
    const seed = SEEDS[i % SEEDS.length];
    eiam[seed.parser](i % 2 ? seed.bytes : seed.text);
  }
}

test("1,000 failed parses in a row, then a good input still parses", () => {
  failMany(1000);
  assert.equal(parseList(LIST_SEED.bytes).SynchronizationJobs[0].Status, "success");
  assert.equal(eiam.parseGetSynchronizationJob(SEEDS[0].text).SynchronizationJob.Status, "running");
});

test("wasm memory stops growing across repeated failures and successes", () => {
  // Warm up: let the allocator reach its working size.
  failMany(1000);
  succeedMany(500);
  const checkpoint = memoryBytes();
  failMany(1000);
  succeedMany(500);
  assert.equal(memoryBytes(), checkpoint, `memory grew from ${checkpoint} to ${memoryBytes()} bytes`);
  failMany(1000);
  assert.equal(memoryBytes(), checkpoint, `memory grew from ${checkpoint} to ${memoryBytes()} bytes`);
});

test("rejected inputs over 64 MiB do not leak either", () => {
  const padded = new Uint8Array(64 * 1024 * 1024 + 1).fill(0x20);
  padded.set(LIST_SEED.bytes);
  assert.throws(() => parseList(padded), { name: "EiamSyncParseError", code: "too_large" });
  const checkpoint = memoryBytes();
  for (let i = 0; i < 5; i++) {
    assert.throws(() => parseList(padded), { name: "EiamSyncParseError", code: "too_large" });
  }
  assert.equal(memoryBytes(), checkpoint);
  assert.equal(parseList(LIST_SEED.bytes).TotalCount, 100);
});

test("refusing an input over 64 MiB does not first copy it into wasm memory", () => {
  const before = memoryBytes();
  assert.throws(() => parseList(" ".repeat(80 * 1024 * 1024)), { code: "too_large" });
  assert.ok(memoryBytes() - before < 16 * 1024 * 1024, `memory grew from ${before} to ${memoryBytes()} bytes`);
});
