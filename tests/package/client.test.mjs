// EiamSyncClient and its error objects exactly as users get them from the
// installed package, in Node, against the emulator + proxy pairs that
// `cargo xtask test` starts (xtask/src/services.rs) and names in
// EIAM_SYNC_TEST_SERVICES. Without it these tests are skipped.

import { test } from "node:test";
import assert from "node:assert/strict";
import * as eiam from "eiam-sync";

const SERVICES = process.env.EIAM_SYNC_TEST_SERVICES ? JSON.parse(process.env.EIAM_SYNC_TEST_SERVICES) : null;
const needsServices = { skip: SERVICES ? false : "EIAM_SYNC_TEST_SERVICES is not set (run `cargo xtask test`)" };

const GUARDS = ["isEiamSyncApiError", "isEiamSyncNetworkError", "isEiamSyncTimeoutError", "isEiamSyncValidationError"];

async function instanceOf(pair) {
  const catalog = await (await fetch(`${pair.emulator}/_emulator/catalog`)).json();
  return catalog.instances[0];
}

async function requestCount(pair) {
  return (await (await fetch(`${pair.emulator}/_emulator/requests`)).json()).count;
}

async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail("expected a rejection");
}

/** Asserts the shape every client error shares and returns its own data properties. */
function ownData(error, name) {
  assert.ok(error instanceof Error, name);
  assert.equal(Object.getPrototypeOf(error), Error.prototype, name);
  assert.equal(error.name, name);
  assert.equal(typeof error.message, "string");
  assert.ok(error.message.length > 0);
  assert.equal(typeof error.stack, "string");
  for (const guard of GUARDS) {
    assert.equal(eiam[guard](error), guard === `is${name}`, `${guard}(${name})`);
  }
  assert.equal(eiam.isEiamSyncParseError(error), false);
  return JSON.parse(JSON.stringify(error));
}

test("the client's exports", () => {
  assert.equal(typeof eiam.EiamSyncClient, "function");
  for (const guard of GUARDS) assert.equal(typeof eiam[guard], "function", guard);
  const client = new eiam.EiamSyncClient({ proxyUrl: "http://127.0.0.1:9" });
  for (const method of ["getSynchronizationJob", "listSynchronizationJobs", "getIdentityProviderUdPushConfiguration", "getIdentityProviderUdPullConfiguration", "listAllSynchronizationJobs", "pages"]) {
    assert.equal(typeof client[method], "function", method);
  }
  const pages = client.pages({ InstanceId: "idaas_x" });
  const iterator = pages[Symbol.asyncIterator]();
  assert.equal(typeof iterator.next, "function");
  assert.equal(typeof iterator.return, "function");
  assert.equal(pages.nextToken, undefined);
});

test("bad constructor options throw TypeErrors", () => {
  for (const options of [undefined, {}, { proxyUrl: "" }, { proxyUrl: "/p?x" }, { proxyUrl: "/p", timeoutMs: -1 }, { proxyUrl: "/p", credentials: "yes" }, { proxyUrl: "/p", retry: { maxAttempts: 1.5 } }, { proxyUrl: "/p", headers: 7 }]) {
    assert.throws(() => new eiam.EiamSyncClient(options), TypeError, JSON.stringify(options));
  }
});

test("all four operations resolve to parsed responses", needsServices, async () => {
  const pair = SERVICES.normal;
  const instance = await instanceOf(pair);
  const client = new eiam.EiamSyncClient({ proxyUrl: pair.proxy });
  const page = await client.listSynchronizationJobs({ InstanceId: instance.InstanceId, MaxResults: 2 });
  assert.equal(page.TotalCount, instance.JobCount);
  assert.equal(page.SynchronizationJobs.length, 2);
  const id = page.SynchronizationJobs[0].SynchronizationJobId;
  const job = await client.getSynchronizationJob({ InstanceId: instance.InstanceId, SynchronizationJobId: id });
  assert.deepEqual(job.SynchronizationJob, page.SynchronizationJobs[0]);
  assert.equal(typeof job.RequestId, "string");
  const provider = { InstanceId: instance.InstanceId, IdentityProviderId: instance.IdentityProviders[0] };
  const push = await client.getIdentityProviderUdPushConfiguration(provider);
  const pull = await client.getIdentityProviderUdPullConfiguration(provider);
  assert.equal(push.UdPushConfiguration.IdentityProviderId, provider.IdentityProviderId);
  assert.equal(pull.UdPullConfiguration.IdentityProviderId, provider.IdentityProviderId);
  // The same object the parse function returns for the same bytes.
  const url = `${pair.proxy}/GetSynchronizationJob?InstanceId=${instance.InstanceId}&SynchronizationJobId=${id}`;
  const bytes = new Uint8Array(await (await fetch(url, { method: "POST" })).arrayBuffer());
  assert.deepEqual(eiam.parseGetSynchronizationJob(bytes).SynchronizationJob, job.SynchronizationJob);
});

test("listAllSynchronizationJobs, onProgress, maxPages and pages()", needsServices, async () => {
  const pair = SERVICES.normal;
  const instance = await instanceOf(pair);
  const client = new eiam.EiamSyncClient({ proxyUrl: pair.proxy });
  const progress = [];
  const all = await client.listAllSynchronizationJobs({ InstanceId: instance.InstanceId }, { onProgress: (p) => progress.push(p) });
  assert.equal(all.jobs.length, instance.JobCount);
  assert.equal(new Set(all.jobs.map((j) => j.SynchronizationJobId)).size, instance.JobCount);
  assert.equal(all.totalCount, instance.JobCount);
  assert.equal("nextToken" in all, false);
  assert.deepEqual(progress.at(-1), { pagesFetched: Math.ceil(instance.JobCount / 100), jobsFetched: instance.JobCount, totalCount: instance.JobCount });

  const first = await client.listAllSynchronizationJobs({ InstanceId: instance.InstanceId, MaxResults: 50 }, { maxPages: 2 });
  assert.equal(first.jobs.length, 100);
  assert.equal(typeof first.nextToken, "string");
  const rest = await client.listAllSynchronizationJobs({ InstanceId: instance.InstanceId, MaxResults: 100, NextToken: first.nextToken });
  assert.deepEqual([...first.jobs, ...rest.jobs], all.jobs);

  let count = 0;
  for await (const page of client.pages({ InstanceId: instance.InstanceId, MaxResults: 100 })) {
    count += page.SynchronizationJobs.length;
    assert.equal(typeof page.RequestId, "string");
  }
  assert.equal(count, instance.JobCount);
});

test("EiamSyncApiError: code, message, requestId, httpStatus, retryable, recommend", needsServices, async () => {
  const instance = await instanceOf(SERVICES.normal);
  const client = new eiam.EiamSyncClient({ proxyUrl: SERVICES.normal.proxy });
  const error = await rejection(client.getSynchronizationJob({ InstanceId: instance.InstanceId, SynchronizationJobId: "sync_missing" }));
  const data = ownData(error, "EiamSyncApiError");
  assert.equal(data.code, "EntityNotExists.SynchronizationJob");
  assert.equal(data.httpStatus, 404);
  assert.equal(data.retryable, false);
  assert.match(data.requestId, /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  assert.equal(typeof data.recommend, "string");
  assert.match(error.message, /sync_missing/);

  const down = await instanceOf(SERVICES.down);
  const retrying = new eiam.EiamSyncClient({ proxyUrl: SERVICES.down.proxy, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 } });
  const before = await requestCount(SERVICES.down);
  const unavailable = await rejection(retrying.listSynchronizationJobs({ InstanceId: down.InstanceId }));
  assert.equal(unavailable.code, "ServiceUnavailable");
  assert.equal(unavailable.httpStatus, 503);
  assert.equal(unavailable.retryable, true);
  assert.equal((await requestCount(SERVICES.down)) - before, 2);
});

test("EiamSyncValidationError lists the issues and nothing is sent", needsServices, async () => {
  const pair = SERVICES.normal;
  const client = new eiam.EiamSyncClient({ proxyUrl: pair.proxy });
  const before = await requestCount(pair);
  const error = await rejection(client.getIdentityProviderUdPullConfiguration({ InstanceId: "idaas_x" }));
  const data = ownData(error, "EiamSyncValidationError");
  assert.deepEqual(data.issues.map((i) => [i.path, i.code, i.severity]), [["IdentityProviderId", "missing_parameter", "error"]]);
  assert.equal(await requestCount(pair), before);
});

test("EiamSyncTimeoutError and EiamSyncNetworkError", needsServices, async () => {
  const slow = await instanceOf(SERVICES.slow);
  const impatient = new eiam.EiamSyncClient({ proxyUrl: SERVICES.slow.proxy, timeoutMs: 200, retry: { maxAttempts: 1 } });
  const timeout = await rejection(impatient.listSynchronizationJobs({ InstanceId: slow.InstanceId }));
  assert.deepEqual(ownData(timeout, "EiamSyncTimeoutError"), { name: "EiamSyncTimeoutError", timeoutMs: 200 });

  const nowhere = new eiam.EiamSyncClient({ proxyUrl: SERVICES.closed, retry: { maxAttempts: 2, baseDelayMs: 1 } });
  const network = await rejection(nowhere.listSynchronizationJobs({ InstanceId: "idaas_x" }));
  ownData(network, "EiamSyncNetworkError");
  assert.ok(network.cause instanceof TypeError);
});

test("an abort rejects with signal.reason, whatever it is", needsServices, async () => {
  const pair = SERVICES.slow;
  const instance = await instanceOf(pair);
  const client = new eiam.EiamSyncClient({ proxyUrl: pair.proxy });
  for (const reason of [undefined, "left the page", new Error("custom"), 0]) {
    const controller = new AbortController();
    const pending = client.listSynchronizationJobs({ InstanceId: instance.InstanceId }, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    const error = await rejection(pending);
    assert.equal(error, controller.signal.reason);
    if (reason === undefined) {
      assert.ok(error instanceof DOMException);
      assert.equal(error.name, "AbortError");
    }
  }
  const normal = await instanceOf(SERVICES.normal);
  const page = await new eiam.EiamSyncClient({ proxyUrl: SERVICES.normal.proxy }).listSynchronizationJobs({ InstanceId: normal.InstanceId, MaxResults: 1 });
  assert.equal(page.SynchronizationJobs.length, 1, "the module keeps working");
});

test("isEiamSyncError accepts the client's errors", async () => {
  const client = new eiam.EiamSyncClient({ proxyUrl: "http://127.0.0.1:9" });
  const error = await rejection(client.getSynchronizationJob({}));
  assert.equal(eiam.isEiamSyncError(error), true);
});
