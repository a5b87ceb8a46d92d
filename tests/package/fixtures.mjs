// Shared helpers of the package tests: the seed examples, an assertion for the
// parse errors users see, and a generator of wrong-type mutations.
// Only node: built-ins; the package under test is imported by the test files.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const SEEDS_DIR = new URL("../fixtures/seeds/", import.meta.url);

/** The five documentation examples: which parser reads them, as text and bytes. */
export const SEEDS = [
  { name: "000_a37390e649ee0c38", parser: "parseGetSynchronizationJob" },
  { name: "001_f0a481d175445d75", parser: "parseGetSynchronizationJob" },
  { name: "002_d4e6738e55fed7fe", parser: "parseListSynchronizationJobs" },
  { name: "003_d72d94bc1cfa3e23", parser: "parseGetIdentityProviderUdPushConfiguration" },
  { name: "004_e3c034491c40503c", parser: "parseGetIdentityProviderUdPullConfiguration" },
].map((seed) => {
  const bytes = new Uint8Array(readFileSync(new URL(`${seed.name}.example.json`, SEEDS_DIR)));
  return { ...seed, bytes, text: new TextDecoder().decode(bytes) };
});

/** Seed 002 (ListSynchronizationJobs), the richest example. */
export const LIST_SEED = SEEDS[2];

/** Seed 002 with one textual replacement, which must match exactly once. */
export function listWith(from, to) {
  const { text } = LIST_SEED;
  assert.equal(text.split(from).length, 2, `${JSON.stringify(from)} occurs once in seed 002`);
  return text.replace(from, () => to);
}

export const utf8 = (text) => new TextEncoder().encode(text);

/**
 * Runs `run`, expects it to throw an EiamSyncParseError, checks the fields
 * every such error has, then the expected ones (`line`/`column` only when given).
 * Returns the error for further checks.
 */
export function expectParseError(run, expected, label = "") {
  let error;
  try {
    const value = run();
    assert.fail(`${label}: expected a parse error, got ${JSON.stringify(value)?.slice(0, 200)}`);
  } catch (e) {
    error = e;
  }
  if (error instanceof assert.AssertionError) throw error;
  assert.ok(error instanceof Error, `${label}: thrown value is an Error`);
  assert.equal(error.name, "EiamSyncParseError", `${label}: name (${error.message})`);
  assert.equal(typeof error.code, "string", label);
  assert.equal(typeof error.path, "string", label);
  assert.equal(typeof error.message, "string", label);
  for (const key of ["line", "column"]) {
    const value = error[key];
    assert.ok(value === null || (Number.isInteger(value) && value >= 1), `${label}: ${key} is null or a 1-based integer, got ${value}`);
  }
  assert.ok(error.message.startsWith(`${error.code}: `), `${label}: message names the code: ${error.message}`);
  if (error.path !== "") {
    assert.ok(error.message.includes(error.path), `${label}: message names the path: ${error.message}`);
  }
  const actual = {};
  for (const key of Object.keys(expected)) actual[key] = error[key];
  assert.deepEqual(actual, expected, `${label}: ${error.message}`);
  return error;
}

/** The path grammar of parse errors: `a.b[3].c`, "" for the root. */
export function joinPath(path, key) {
  if (typeof key === "number") return `${path}[${key}]`;
  return path === "" ? key : `${path}.${key}`;
}

const jsonType = (value) =>
  value === null ? "null" : Array.isArray(value) ? "array" : typeof value;

/** One value of each JSON type, to put where another type belongs. */
export const REPLACEMENTS = [null, true, 7, "x", [], {}];

/**
 * Every copy of `root` in which exactly one value (the root included) is
 * replaced by a value of another JSON type. Yields `{ path, value, mutated,
 * parent }` where `parent` is "object", "array" or "root" (what held the value).
 */
export function* wrongTypeMutations(root) {
  function* walk(node, path, parent, replace) {
    for (const replacement of REPLACEMENTS) {
      if (jsonType(replacement) === jsonType(node)) continue;
      yield { path, value: replacement, parent, mutated: replace(structuredClone(replacement)) };
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        yield* walk(node[i], joinPath(path, i), "array", (v) => replace(node.with(i, v)));
      }
    } else if (node !== null && typeof node === "object") {
      for (const key of Object.keys(node)) {
        yield* walk(node[key], joinPath(path, key), "object", (v) => replace({ ...node, [key]: v }));
      }
    }
  }
  yield* walk(root, "", "root", (v) => v);
}

/** Canonical JSON with sorted keys, to compare results regardless of key order. */
export function canonical(value) {
  return JSON.stringify(value, (_key, v) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]))
      : v,
  );
}
