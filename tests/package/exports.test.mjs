// The package's public surface as a Node user gets it: `import ... from "eiam-sync"`
// resolves to the "node" export condition (node.js), which initialises the module
// synchronously on import.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as eiam from "eiam-sync";
import { LIST_SEED } from "./fixtures.mjs";
import { CORE_FUNCTIONS, ROOT_ONLY_FUNCTIONS } from "./surface.mjs";

// Written out in surface.mjs from DESIGN.md's lists, not derived from the package.
const FUNCTIONS = [...CORE_FUNCTIONS, ...ROOT_ONLY_FUNCTIONS].sort();

// `init` is the documented re-init (harmless). `initSync` comes along with
// `export * from "./eiam_sync.js"`: it is wasm-bindgen's synchronous init, a
// no-op once initialised. There is no default export (`export *` skips it).
const NODE_ENTRY_EXPORTS = [...FUNCTIONS, "init", "initSync"].sort();

test("the Node entry exports exactly the expected names", () => {
  assert.deepEqual(Object.keys(eiam).sort(), NODE_ENTRY_EXPORTS);
  assert.equal("default" in eiam, false);
  for (const name of NODE_ENTRY_EXPORTS) {
    assert.equal(typeof eiam[name], "function", name);
  }
});

test("the export map resolves the Node entry under the node condition", () => {
  const manifest = JSON.parse(readFileSync(new URL("./node_modules/eiam-sync/package.json", import.meta.url), "utf8"));
  assert.equal(manifest.name, "eiam-sync");
  assert.equal(manifest.type, "module");
  assert.equal(manifest.exports["."].node, "./node.js");
  assert.equal(manifest.exports["."].types, "./index.d.ts");
  assert.equal(manifest.exports["."].default, "./index.js");
  assert.equal(import.meta.resolve("eiam-sync"), new URL("./node_modules/eiam-sync/node.js", import.meta.url).href);
});

test("parsing works right after import, with no init call", () => {
  const response = eiam.parseListSynchronizationJobs(LIST_SEED.text);
  assert.equal(response.TotalCount, 100);
});

test("init() afterwards is harmless and resolves to the same instance", async () => {
  const before = eiam.parseListSynchronizationJobs(LIST_SEED.bytes);
  const first = await eiam.init();
  const second = await eiam.init();
  assert.equal(first, second);
  assert.ok(first.memory instanceof WebAssembly.Memory);
  // A URL is ignored once initialised (no fetch happens).
  const third = await eiam.init({ module_or_path: new URL("file:///nonexistent.wasm") });
  assert.equal(third, first);
  assert.equal(eiam.initSync(), first);
  assert.deepEqual(eiam.parseListSynchronizationJobs(LIST_SEED.bytes), before);
});

test("the ./manual entry is the raw glue, sharing the initialised instance", async () => {
  const manual = await import("eiam-sync/manual");
  assert.deepEqual(Object.keys(manual).sort(), [...FUNCTIONS, "default", "initSync"].sort());
  assert.equal(await manual.default(), await eiam.init());
  assert.equal(manual.parseListSynchronizationJobs, eiam.parseListSynchronizationJobs);
});

test("the wasm file and package.json are exported subpaths", () => {
  const wasmUrl = import.meta.resolve("eiam-sync/eiam_sync_bg.wasm");
  const bytes = readFileSync(new URL(wasmUrl));
  assert.ok(WebAssembly.validate(bytes));
  assert.match(import.meta.resolve("eiam-sync/package.json"), /node_modules\/eiam-sync\/package\.json$/);
});

test("every exported function and class has a declaration in index.d.ts's re-export", () => {
  const dts = readFileSync(new URL("./node_modules/eiam-sync/eiam_sync.d.ts", import.meta.url), "utf8");
  for (const name of FUNCTIONS) {
    assert.match(dts, new RegExp(`export (function ${name}\\(|class ${name} )`), name);
  }
  const index = readFileSync(new URL("./node_modules/eiam-sync/index.d.ts", import.meta.url), "utf8");
  assert.match(index, /export \* from "\.\/eiam_sync\.js"/);
  assert.match(index, /export declare function init\(/);
});
