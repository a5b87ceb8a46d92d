// EiamSyncParseError exactly as users see it, and the two guards.

import { test } from "node:test";
import assert from "node:assert/strict";
import { eiam } from "./entry.mjs";
import { LIST_SEED, listWith, utf8 } from "./fixtures.mjs";

function catchError(run) {
  try {
    run();
  } catch (error) {
    return error;
  }
  assert.fail("expected a throw");
}

test("a parse error is an Error with name, code, path, line, column and a message saying it all", () => {
  const body = listWith('"Status": "success"', '"Status": 7');
  const error = catchError(() => eiam.parseListSynchronizationJobs(utf8(body)));
  assert.ok(error instanceof Error);
  assert.equal(Object.getPrototypeOf(error), Error.prototype);
  assert.equal(error.name, "EiamSyncParseError");
  assert.equal(error.code, "type");
  assert.equal(error.path, "SynchronizationJobs[0].Status");
  assert.equal(error.line, 14);
  assert.equal(error.column, 17);
  assert.equal(
    error.message,
    "type: invalid type: integer `7`, expected a string (JobStatus) at `SynchronizationJobs[0].Status` (line 14, column 17)",
  );
  assert.match(String(error), /^EiamSyncParseError: type: .*SynchronizationJobs\[0\]\.Status/);
  assert.equal(typeof error.stack, "string");
  // name and the data fields are own properties: they survive spreading and JSON.
  assert.deepEqual(JSON.parse(JSON.stringify(error)), { name: "EiamSyncParseError", code: "type", path: "SynchronizationJobs[0].Status", line: 14, column: 17 });
});

test("a root-level error says `the root`; object input has null line and column", () => {
  const error = catchError(() => eiam.parseGetSynchronizationJob({ RequestId: "r" }));
  assert.equal(error.code, "missing_field");
  assert.equal(error.path, "SynchronizationJob");
  assert.equal(error.line, null);
  assert.equal(error.column, null);
  assert.equal(error.message, "missing_field: a required field is absent at `SynchronizationJob`");
  const root = catchError(() => eiam.parseGetSynchronizationJob("[]"));
  assert.equal(root.path, "");
  assert.match(root.message, /at the root \(line 1, column 1\)$/);
});

test("every parse function throws the same kind of error", () => {
  for (const name of ["parseGetSynchronizationJob", "parseListSynchronizationJobs", "parseGetIdentityProviderUdPushConfiguration", "parseGetIdentityProviderUdPullConfiguration"]) {
    const error = catchError(() => eiam[name]("{"));
    assert.equal(error.name, "EiamSyncParseError", name);
    assert.equal(error.code, "eof", name);
    assert.ok(eiam.isEiamSyncParseError(error), name);
  }
});

test("the guards accept parse errors and nothing else", () => {
  const parseError = catchError(() => eiam.parseListSynchronizationJobs(""));
  assert.equal(eiam.isEiamSyncError(parseError), true);
  assert.equal(eiam.isEiamSyncParseError(parseError), true);

  const renamed = new Error("boom");
  renamed.name = "SomethingElse";
  const lookAlike = { name: "EiamSyncParseError", code: "eof", path: "", line: 1, column: 1, message: "eof" };
  const rejected = [new Error("boom"), new TypeError("boom"), renamed, lookAlike, "EiamSyncParseError", null, undefined, 0, {}, []];
  for (const value of rejected) {
    assert.equal(eiam.isEiamSyncError(value), false, String(value));
    assert.equal(eiam.isEiamSyncParseError(value), false, String(value));
  }
  // The guards test `instanceof Error` and `name`, as documented: an Error
  // (or subclass) named EiamSyncParseError counts, e.g. one rethrown by a worker bridge.
  const rebuilt = Object.assign(new Error("eof: ..."), { name: "EiamSyncParseError" });
  assert.equal(eiam.isEiamSyncParseError(rebuilt), true);
});

test("a caught error narrows and reads like the documentation", () => {
  let seen;
  try {
    eiam.parseListSynchronizationJobs(LIST_SEED.text.replace('"TotalCount": 100', '"TotalCount": -1'));
  } catch (error) {
    if (eiam.isEiamSyncParseError(error)) seen = `${error.code}@${error.path}:${error.line}:${error.column}`;
  }
  assert.equal(seen, "type@TotalCount:3:18");
});
