// The browser entry (index.js, the "default" export condition) in Node: it
// initialises with top-level await from `new URL("./eiam_sync_bg.wasm",
// import.meta.url)` through `fetch`. Node's fetch cannot read file: URLs, so
// this file (its own process under `node --test`) serves them the way a web
// server would, then checks the entry exports what the Node entry exports.
// The same for `eiam-sync/core`'s browser entry (core/index.js).

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { LIST_SEED } from "./fixtures.mjs";

const fetched = [];
globalThis.fetch = async (input) => {
  const url = new URL(input instanceof Request ? input.url : input);
  fetched.push(url.href);
  assert.equal(url.protocol, "file:");
  return new Response(readFileSync(url), { headers: { "content-type": "application/wasm" } });
};

const browser = await import(new URL("./node_modules/eiam-sync/index.js", import.meta.url).href);
const node = await import("eiam-sync");
const coreBrowser = await import(new URL("./node_modules/eiam-sync/core/index.js", import.meta.url).href);
const coreNode = await import("eiam-sync/core");

test("each browser entry initialises itself with one fetch of the wasm next to it", () => {
  assert.equal(fetched.length, 2);
  assert.match(fetched[0], /\/node_modules\/eiam-sync\/eiam_sync_bg\.wasm$/);
  assert.match(fetched[1], /\/node_modules\/eiam-sync\/core\/eiam_sync_bg\.wasm$/);
});

test("each browser entry exports the same names as its Node entry", () => {
  assert.deepEqual(Object.keys(browser).sort(), Object.keys(node).sort());
  assert.deepEqual(Object.keys(coreBrowser).sort(), Object.keys(coreNode).sort());
  assert.ok(Object.keys(coreBrowser).length < Object.keys(browser).length);
});

test("core's browser entry parses with its own instance", async () => {
  assert.equal(coreBrowser.parseListSynchronizationJobs(LIST_SEED.bytes).TotalCount, 100);
  const [core, whole] = [await coreBrowser.init(), await browser.init()];
  assert.notEqual(core.memory, whole.memory);
  assert.equal(fetched.length, 2);
});

test("the browser entry parses, and init() afterwards fetches nothing", async () => {
  assert.equal(browser.parseListSynchronizationJobs(LIST_SEED.bytes).TotalCount, 100);
  const output = await browser.init();
  assert.ok(output.memory instanceof WebAssembly.Memory);
  assert.equal(fetched.length, 2);
});
