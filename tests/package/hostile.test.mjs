// Hostile and broken input through the installed package: every failure is an
// EiamSyncParseError with the documented code and path (and position where the
// input was text), never a crash, and the module keeps working afterwards.

import { test } from "node:test";
import assert from "node:assert/strict";
import { eiam } from "./entry.mjs";
import { SEEDS, LIST_SEED, listWith, utf8, expectParseError, wrongTypeMutations, canonical } from "./fixtures.mjs";

const { parseListSynchronizationJobs: parseList } = eiam;
const MIB = 1024 * 1024;

function assertStillWorks() {
  assert.equal(parseList(LIST_SEED.bytes).SynchronizationJobs.length, 1);
}

test("empty input is eof at the root, line 1 column 1", () => {
  for (const input of ["", new Uint8Array(0), new ArrayBuffer(0)]) {
    expectParseError(() => parseList(input), { code: "eof", path: "", line: 1, column: 1 });
  }
  // Positions point at the last character read: here the tab.
  expectParseError(() => parseList(" \n\t"), { code: "eof", path: "", line: 2, column: 1 });
});

test("null as text and as a value is a type error at the root", () => {
  expectParseError(() => parseList("null"), { code: "type", path: "", line: 1, column: 4 });
  expectParseError(() => parseList(null), { code: "type", path: "", line: null, column: null });
  for (const parse of [eiam.parseGetSynchronizationJob, eiam.parseGetIdentityProviderUdPushConfiguration, eiam.parseGetIdentityProviderUdPullConfiguration]) {
    expectParseError(() => parse("null"), { code: "type", path: "" });
  }
});

test("values that are not a response at all are type errors at the root", () => {
  for (const input of [undefined, 42, true, "[]", [], "\"text\"", () => {}, Symbol("s"), new Date(0)]) {
    expectParseError(() => parseList(input), { code: "type", path: "" }, String(input?.toString?.() ?? input));
  }
  expectParseError(() => parseList({ toJSON() { throw new Error("refused"); } }), { code: "type", path: "", line: null });
});

test("trailing text and a stray character are syntax errors with their position", () => {
  expectParseError(() => parseList('{"SynchronizationJobs":[]} x'), { code: "syntax", path: "", line: 1, column: 28 });
  const body = listWith('"TotalCount": 100,', '"TotalCount": 100 x');
  expectParseError(() => parseList(body), { code: "syntax", line: 3, column: 21 });
  expectParseError(() => parseList('{"SynchronizationJobs":[{"SynchronizationJobId":"a"},]}'), { code: "syntax", path: "SynchronizationJobs", line: 1, column: 54 });
});

// The path grammar of DESIGN.md: wire names joined by ".", "[i]" for indices.
const PATH = /^(?:[A-Za-z]\w*(?:\[\d+\])*(?:\.[A-Za-z]\w*(?:\[\d+\])*)*)?$/;

test("syntax and eof errors between fields name the enclosing object, in the path grammar", () => {
  const cases = [
    ['{"SynchronizationJobs":[],}', ""],
    ['{"SynchronizationJobs":[], 5:1}', ""],
    ['{"SynchronizationJobs":[{"SynchronizationJobId":"a" "Status":"x"}]}', "SynchronizationJobs[0]"],
    ['{"SynchronizationJobs":[{"SynchronizationJobId":"a",', "SynchronizationJobs[0]"],
    ['{"SynchronizationJobs":[{"SynchronizationJobId":"a","Result":{"ErrorCode":"x" "Y":2}}]}', "SynchronizationJobs[0].Result"],
  ];
  for (const [input, path] of cases) {
    const error = expectParseError(() => parseList(input), {}, input);
    assert.match(error.path, PATH, input);
    assert.equal(error.path, path, input);
  }
  for (let length = 0; length < LIST_SEED.bytes.length - 1; length++) {
    const error = expectParseError(() => parseList(LIST_SEED.bytes.subarray(0, length)), {}, `prefix of ${length} bytes`);
    assert.match(error.path, PATH, `prefix of ${length} bytes`);
  }
});

test("seed 002 truncated at every byte offset is eof or syntax, never anything else", () => {
  const { bytes } = LIST_SEED;
  const codes = new Map();
  for (let length = 0; length < bytes.length; length++) {
    const prefix = bytes.subarray(0, length);
    const rest = new TextDecoder().decode(bytes.subarray(length));
    if (rest.trim() === "") {
      // Only trailing whitespace was cut: the document is complete.
      assert.equal(parseList(prefix).TotalCount, 100);
      continue;
    }
    const error = expectParseError(() => parseList(prefix), {}, `prefix of ${length} bytes`);
    assert.ok(error.code === "eof" || error.code === "syntax", `prefix of ${length} bytes: ${error.message}`);
    assert.ok(Number.isInteger(error.line) && Number.isInteger(error.column), `prefix of ${length} bytes has a position`);
    codes.set(error.code, (codes.get(error.code) ?? 0) + 1);
  }
  assert.ok(codes.get("eof") > 4000, `mostly eof: ${[...codes]}`);
  assertStillWorks();
});

// What a mutation should produce, following DESIGN.md's data model: `null` in
// an object is an absent field (a missing_field for the required ones), any
// other wrong JSON type is a `type` error at exactly that path.
const REQUIRED = /^(SynchronizationJobs|SynchronizationJob|UdPushConfiguration|UdPullConfiguration)$|\.SynchronizationJobId$/;

function expectedOutcome({ path, value, parent }) {
  // PeriodicSyncTimes takes an integer, an array, or a string of digits.
  if (/PeriodicSyncTimes$/.test(path) && (typeof value === "number" || Array.isArray(value))) return "parses";
  if (/PeriodicSyncTimes\[\d+\]$/.test(path) && typeof value === "number") return "parses";
  if (value === null && parent === "object") return REQUIRED.test(path) ? "missing_field" : "absent";
  return "type";
}

/** The mutated JSON with null-valued object keys removed: what parsing yields. */
const withoutNulls = (value) =>
  JSON.parse(JSON.stringify(value, (_key, v) => (v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null)) : v)));

for (const seed of [SEEDS[0], ...SEEDS.slice(2)]) {
  test(`seed ${seed.name}: a wrong JSON type anywhere is a type error at its exact path`, () => {
    const parse = eiam[seed.parser];
    const original = JSON.parse(seed.text);
    const seen = { type: 0, missing_field: 0, absent: 0, parses: 0 };
    for (const mutation of wrongTypeMutations(original)) {
      const outcome = expectedOutcome(mutation);
      seen[outcome]++;
      const label = `${mutation.path || "(root)"} := ${JSON.stringify(mutation.value)}`;
      const text = JSON.stringify(mutation.mutated, null, 2);
      const forms = [["bytes", utf8(text), true]];
      // A string given as the whole input is JSON text, not a value: skip that one.
      if (typeof mutation.mutated !== "string") forms.push(["object", mutation.mutated, false]);
      for (const [form, input, positioned] of forms) {
        const formLabel = `${label} (${form})`;
        if (outcome === "parses" || outcome === "absent") {
          const result = parse(input);
          if (outcome === "absent" && !/^00[34]/.test(seed.name)) {
            assert.equal(canonical(result), canonical(withoutNulls(mutation.mutated)), formLabel);
          }
          continue;
        }
        const error = expectParseError(() => parse(input), { code: outcome, path: mutation.path }, formLabel);
        if (positioned) {
          assert.ok(Number.isInteger(error.line) && error.line > 1 || mutation.path === "", `${formLabel}: line ${error.line}`);
        } else {
          assert.deepEqual([error.line, error.column], [null, null], formLabel);
        }
      }
    }
    assert.ok(seen.type > 100 || /^00[34]/.test(seed.name), JSON.stringify(seen));
    assert.ok(seen.type > 0 && seen.absent > 0, JSON.stringify(seen));
    assertStillWorks();
  });
}

test("integers above 2^53 are number_out_of_range at their path, in a count and a timestamp", () => {
  const count = listWith('"TotalCount": 100', '"TotalCount": 9007199254740993');
  expectParseError(() => parseList(count), { code: "number_out_of_range", path: "TotalCount", line: 3, column: 32 });
  const nested = listWith('"Total": 5,', '"Total": 9007199254740993,');
  expectParseError(() => parseList(utf8(nested)), { code: "number_out_of_range", path: "SynchronizationJobs[0].Result.UserStatistics.Exported.Total" });
  const time = listWith('"StartTime": 1649830226000', '"StartTime": 9007199254740993');
  expectParseError(() => parseList(utf8(time)), { code: "number_out_of_range", path: "SynchronizationJobs[0].StartTime", line: 11 });
  // The largest safe integer is fine, as text and as a JS number.
  const max = listWith('"TotalCount": 100', '"TotalCount": 9007199254740991');
  assert.equal(parseList(max).TotalCount, Number.MAX_SAFE_INTEGER);
  const object = JSON.parse(LIST_SEED.text);
  object.SynchronizationJobs[0].EndTime = 2 ** 60;
  expectParseError(() => parseList(object), { code: "number_out_of_range", path: "SynchronizationJobs[0].EndTime", line: null });
});

test("negative and fractional counts are type errors", () => {
  for (const bad of ["-1", "1.5"]) {
    const body = listWith('"Skipped": 1\n          }\n        },\n        "OrganizationalUnitStatistics"', `"Skipped": ${bad}\n          }\n        },\n        "OrganizationalUnitStatistics"`);
    expectParseError(() => parseList(body), { code: "type", path: "SynchronizationJobs[0].Result.UserStatistics.Exported.Skipped" }, bad);
    const total = listWith('"TotalCount": 100', `"TotalCount": ${bad}`);
    expectParseError(() => parseList(total), { code: "type", path: "TotalCount", line: 3 }, bad);
    expectParseError(() => parseList({ ...JSON.parse(LIST_SEED.text), TotalCount: Number(bad) }), { code: "type", path: "TotalCount", line: null }, bad);
  }
});

test("invalid UTF-8 is an encoding error with line and column", () => {
  const bytes = LIST_SEED.bytes.slice();
  const at = LIST_SEED.text.indexOf("NTxxx") + 2; // ASCII up to here, so bytes = chars
  bytes[at] = 0xff;
  expectParseError(() => parseList(bytes), { code: "encoding", path: "", line: 4, column: 19 });
  // A truncated multi-byte sequence and an overlong encoding.
  expectParseError(() => parseList(new Uint8Array([0x7b, 0x22, 0xe5, 0x90, 0x22, 0x7d])), { code: "encoding", line: 1, column: 3 });
  expectParseError(() => parseList(new Uint8Array([0x22, 0xc0, 0xaf, 0x22])), { code: "encoding", line: 1, column: 2 });
  assertStillWorks();
});

test("a UTF-8 byte order mark is accepted", () => {
  const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...LIST_SEED.bytes]);
  assert.deepEqual(parseList(withBom), parseList(LIST_SEED.bytes));
  assert.deepEqual(parseList(`\uFEFF${LIST_SEED.text}`), parseList(LIST_SEED.bytes));
  // Positions after a BOM still count from the first character of the text.
  const broken = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{"SynchronizationJobs": x}')]);
  expectParseError(() => parseList(broken), { code: "syntax", path: "SynchronizationJobs", line: 1, column: 25 });
});

test("arrays nested 1,000 deep under an unknown key are too_deep", () => {
  const deep = `{"X":${"[".repeat(1000)}${"]".repeat(1000)},"SynchronizationJobs":[]}`;
  const path = `X${"[0]".repeat(127)}`;
  expectParseError(() => parseList(deep), { code: "too_deep", path, line: 1, column: 133 });
  expectParseError(() => parseList(JSON.parse(deep)), { code: "too_deep", path, line: null });
  const objects = `{"SynchronizationJobs":[],"X":${'{"a":'.repeat(1000)}1${"}".repeat(1000)}}`;
  expectParseError(() => parseList(objects), { code: "too_deep" });
  // 128 levels in all (the root is one) are accepted.
  const limit = `{"X":${"[".repeat(127)}${"]".repeat(127)},"SynchronizationJobs":[]}`;
  assert.deepEqual(parseList(limit), { SynchronizationJobs: [] });
  assertStillWorks();
});

test("a 10 MB Description parses and keeps its length", () => {
  const description = "Sync 同步 ".repeat(1_300_000);
  assert.ok(description.length >= 10 * 1000 * 1000);
  const body = listWith('"Description": " Description"', `"Description": ${JSON.stringify(description)}`);
  for (const input of [utf8(body), body]) {
    const job = parseList(input).SynchronizationJobs[0];
    assert.equal(job.Description.length, description.length);
    assert.equal(job.Description, description);
  }
});

test("an input over 64 MiB is too_large; exactly 64 MiB is read", () => {
  const body = LIST_SEED.bytes;
  const padded = new Uint8Array(64 * MIB + 1).fill(0x20);
  padded.set(body, 32 * MIB);
  expectParseError(() => parseList(padded), { code: "too_large", path: "", line: null, column: null });
  expectParseError(() => parseList(padded.buffer), { code: "too_large", path: "" });
  const atLimit = padded.subarray(1);
  assert.equal(atLimit.byteLength, 64 * MIB);
  assert.equal(parseList(atLimit).TotalCount, 100);
  assertStillWorks();
});

test("duplicate known keys are duplicate_key at their path", () => {
  const twice = listWith('"TotalCount": 100,', '"SynchronizationJobs": [],\n  "TotalCount": 100,');
  expectParseError(() => parseList(twice), { code: "duplicate_key", path: "SynchronizationJobs", line: 6 });
  const status = listWith('"Status": "success"', '"Status": "success",\n      "Status": "failed"');
  expectParseError(() => parseList(utf8(status)), { code: "duplicate_key", path: "SynchronizationJobs[0].Status", line: 15 });
  // A null value still counts as a value given twice.
  expectParseError(() => parseList('{"SynchronizationJobs":[],"NextToken":null,"NextToken":"a"}'), { code: "duplicate_key", path: "NextToken" });
  // Unknown keys may repeat: they are ignored.
  assert.deepEqual(parseList('{"SynchronizationJobs":[],"X":1,"X":2}'), { SynchronizationJobs: [] });
});

test("strict mode rejects an unknown enum value with its path; lenient keeps it", () => {
  const body = listWith('"Direction": "ingress"', '"Direction": "sideways"');
  assert.equal(parseList(body).SynchronizationJobs[0].Direction, "sideways");
  assert.equal(parseList(body, { strict: false }).SynchronizationJobs[0].Direction, "sideways");
  expectParseError(() => parseList(body, { strict: true }), { code: "unknown_value", path: "SynchronizationJobs[0].Direction", line: 10 });
  expectParseError(() => parseList(JSON.parse(body), { strict: true }), { code: "unknown_value", path: "SynchronizationJobs[0].Direction", line: null });
  // Case matters: "SUCCESS" is not "success".
  const upper = listWith('"Status": "success"', '"Status": "SUCCESS"');
  expectParseError(() => parseList(upper, { strict: true }), { code: "unknown_value", path: "SynchronizationJobs[0].Status" });
  const pull = SEEDS[4].text.replace('"GroupSyncStatus": "enabled"', '"GroupSyncStatus": "paused"');
  expectParseError(() => eiam.parseGetIdentityProviderUdPullConfiguration(pull, { strict: true }), { code: "unknown_value", path: "UdPullConfiguration.GroupSyncStatus" });
  // Strictness does not stick to the next call.
  assert.equal(parseList(body).SynchronizationJobs[0].Direction, "sideways");
});

test("object input with a BigInt or a cycle is a type error and the module keeps working", () => {
  const withBigInt = JSON.parse(LIST_SEED.text);
  withBigInt.TotalCount = 100n;
  expectParseError(() => parseList(withBigInt), { code: "type", path: "", line: null, column: null });
  const cyclic = { SynchronizationJobs: [] };
  cyclic.self = cyclic;
  expectParseError(() => parseList(cyclic), { code: "type", path: "", line: null, column: null });
  const deepCycle = JSON.parse(LIST_SEED.text);
  deepCycle.SynchronizationJobs[0].Result.Back = deepCycle;
  expectParseError(() => parseList(deepCycle), { code: "type", path: "" });
  assertStillWorks();
});

test("missing required fields are missing_field with the key at the end of the path", () => {
  expectParseError(() => eiam.parseGetSynchronizationJob('{"RequestId":"r"}'), { code: "missing_field", path: "SynchronizationJob", line: 1 });
  expectParseError(() => eiam.parseGetSynchronizationJob({ SynchronizationJob: {} }), { code: "missing_field", path: "SynchronizationJob.SynchronizationJobId", line: null });
  expectParseError(() => eiam.parseGetIdentityProviderUdPushConfiguration("{}"), { code: "missing_field", path: "UdPushConfiguration" });
  expectParseError(() => eiam.parseGetIdentityProviderUdPullConfiguration({ UdPullConfiguration: null }), { code: "missing_field", path: "UdPullConfiguration" });
  const second = '{"SynchronizationJobs":[{"SynchronizationJobId":"a"},{"SynchronizationJobId":null}]}';
  expectParseError(() => parseList(second), { code: "missing_field", path: "SynchronizationJobs[1].SynchronizationJobId" });
});
