// The fast routes of the built package, in a real engine: typical pages go
// through the validating scanner (then JSON.parse and key-order fix-ups for
// parseList/GetJob, or straight into the aggregation for
// JobAggregator.add(bytes)); anything it declines goes through the serde
// parser. Both must give the same values (key order included), summaries
// and errors. The slow route is forced here by planting an unknown key,
// which the serde parser drops and the scanner declines.

import { test } from "node:test";
import assert from "node:assert/strict";
import { eiam } from "./entry.mjs";
import { generateResponses } from "../../bench/generate.mjs";
import { LIST_SEED, SEEDS, expectParseError, utf8 } from "./fixtures.mjs";

const PAGES = generateResponses(250, 7);
const texts = PAGES.map((page) => JSON.stringify(page));

/** The same page with an unknown key at the root: declined, read by serde. */
const withUnknownKey = (text) => text.replace(/^\{/, '{"Unheard":{"Of":[1,null]},');

test("generated pages: the fast route gives the JSON.parse value and the serde route's", () => {
  for (const text of texts) {
    const fast = eiam.parseListSynchronizationJobs(utf8(text));
    assert.deepEqual(fast, JSON.parse(text));
    assert.deepEqual(eiam.parseListSynchronizationJobs(utf8(withUnknownKey(text))), fast);
    assert.deepEqual(eiam.parseListSynchronizationJobs(text), fast);
    assert.deepEqual(eiam.parseListSynchronizationJobs(text, { strict: true }), fast);
  }
  // Key order too: the service writes ErrorMessage before ErrorCode, the
  // model the other way; the fast route puts such objects in the model's order.
  const failing = (page) => page.SynchronizationJobs.find((job) => job.Result.ErrorCode);
  const [text] = texts;
  assert.deepEqual(Object.keys(failing(JSON.parse(text)).Result).slice(-2), ["ErrorMessage", "ErrorCode"]);
  const fast = eiam.parseListSynchronizationJobs(utf8(text));
  assert.deepEqual(Object.keys(failing(fast).Result).slice(-2), ["ErrorCode", "ErrorMessage"]);
  for (const other of texts) {
    assert.equal(
      JSON.stringify(eiam.parseListSynchronizationJobs(utf8(other))),
      JSON.stringify(eiam.parseListSynchronizationJobs(utf8(withUnknownKey(other)))),
    );
  }
  for (const job of PAGES[0].SynchronizationJobs.slice(0, 20)) {
    const body = JSON.stringify({ RequestId: "r", SynchronizationJob: job });
    const fast = eiam.parseGetSynchronizationJob(utf8(body));
    assert.deepEqual(fast, JSON.parse(body));
    const slow = eiam.parseGetSynchronizationJob(utf8(withUnknownKey(body)));
    assert.equal(JSON.stringify(fast), JSON.stringify(slow));
  }
});

test("generated pages: add(bytes) summarises like add(objects) and add(declined bytes)", () => {
  for (const options of [undefined, { bucket: "hour", utcOffsetMinutes: 330, topN: 2 }]) {
    const fast = new eiam.JobAggregator(options);
    const objects = new eiam.JobAggregator(options);
    const slow = new eiam.JobAggregator(options);
    for (const text of texts) {
      fast.add(utf8(text));
      objects.add(JSON.parse(text));
      slow.add(utf8(withUnknownKey(text)));
    }
    const summary = fast.summary();
    assert.equal(summary.jobCount, 250);
    assert.deepEqual(objects.summary(), summary);
    assert.deepEqual(slow.summary(), summary);
    for (const aggregator of [fast, objects, slow]) aggregator.free();
  }
});

test("escapes, non-ASCII text and a BOM read alike on both routes", () => {
  const job = {
    SynchronizationJobId: "sync_\n\"q\"\\/",
    TargetType: "identity_provider",
    TargetId: "idp_é🚀",
    Status: "failed",
    StartTime: 1767225600000,
    Result: { ErrorCode: "\u0000\u2028x", ErrorMessage: "同步任务 \t 🚀" },
    Description: "\u001f",
  };
  const text = JSON.stringify({ SynchronizationJobs: [job] });
  const escaped = text.replace("idp_é", "idp_\\u00e9").replace("🚀", "\\ud83d\\ude80");
  const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(escaped)]);
  for (const input of [utf8(text), utf8(escaped), withBom, escaped]) {
    assert.deepEqual(eiam.parseListSynchronizationJobs(input).SynchronizationJobs[0], job);
  }
  const fast = new eiam.JobAggregator();
  fast.add(withBom);
  const objects = new eiam.JobAggregator();
  objects.add([job]);
  assert.deepEqual(fast.summary(), objects.summary());
  fast.free();
  objects.free();
});

test("a lone surrogate in text input reads as U+FFFD, as before", () => {
  const text = LIST_SEED.text.replace('" Description"', '"a\ud800b"');
  const job = eiam.parseListSynchronizationJobs(text).SynchronizationJobs[0];
  assert.equal(job.Description, "a\ufffdb");
  // As an escape it is an encoding error, on every input form.
  const escaped = LIST_SEED.text.replace('" Description"', '"a\\ud800b"');
  for (const input of [escaped, utf8(escaped)]) {
    expectParseError(() => eiam.parseListSynchronizationJobs(input), { code: "encoding" });
  }
});

test("what the scanner declines keeps its exact errors", () => {
  const cases = [
    [LIST_SEED.text.replace('"TotalCount": 100', '"TotalCount": 1.5'), { code: "type", path: "TotalCount" }],
    [LIST_SEED.text.replace('"TotalCount": 100', '"TotalCount": 9007199254740992'), { code: "number_out_of_range", path: "TotalCount" }],
    [LIST_SEED.text.replace('"Status": "success"', '"Status": "success", "Status": "failed"'), { code: "duplicate_key" }],
    [`${LIST_SEED.text} x`, { code: "syntax" }],
  ];
  for (const [text, expected] of cases) {
    expectParseError(() => eiam.parseListSynchronizationJobs(utf8(text)), expected, text.slice(0, 40));
    const aggregator = new eiam.JobAggregator();
    expectParseError(() => aggregator.add(utf8(text)), expected, text.slice(0, 40));
    assert.equal(aggregator.summary().jobCount, 0);
    aggregator.free();
  }
  // -0 is an integer to serde (0) and negative zero to JSON.parse: declined,
  // so the result stays serde's 0.
  const negativeZero = LIST_SEED.text.replace('"TotalCount": 100', '"TotalCount": -0');
  assert.ok(Object.is(eiam.parseListSynchronizationJobs(utf8(negativeZero)).TotalCount, 0));
  const strict = LIST_SEED.text.replace('"Status": "success"', '"Status": "archived"');
  assert.equal(eiam.parseListSynchronizationJobs(strict).SynchronizationJobs[0].Status, "archived");
  expectParseError(() => eiam.parseListSynchronizationJobs(strict, { strict: true }), {
    code: "unknown_value",
    path: "SynchronizationJobs[0].Status",
  });
  assert.equal(SEEDS.length, 5);
});
