// The demo console's entry: loads the package from /pkg/, reads the demo's
// connection settings, and wires the views (one module each, under views/).

import { setUpTabs } from "./lib/tabs.js";
import { setUpJobsView } from "./views/jobs.js";
import { setUpJobDetailView } from "./views/job-detail.js";
import { setUpProvidersView } from "./views/providers.js";
import { setUpDashboardView } from "./views/dashboard.js";
import { setUpOfflineView } from "./views/offline.js";

const status = document.getElementById("app-status");

/** The connection settings `cargo xtask demo` serves; absent when hosted elsewhere. */
async function demoSettings() {
  try {
    const response = await fetch("/console-config.json", { cache: "no-store" });
    if (!response.ok) return {};
    const config = await response.json();
    return typeof config === "object" && config !== null ? config : {};
  } catch {
    return {};
  }
}

function timeZoneOptions(select) {
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zones = browserZone && browserZone !== "UTC" ? ["UTC", browserZone] : ["UTC"];
  select.replaceChildren(...zones.map((zone) => new Option(zone, zone)));
}

/** Shared state of the views: settings, the client, the loaded jobs, known IDs. */
function createContext(lib, config) {
  const form = document.getElementById("connection-form");
  const proxyInput = form.querySelector("#proxy-url");
  const instanceInput = form.querySelector("#instance-id");
  const zoneSelect = form.querySelector("#time-zone");
  const localeSelect = form.querySelector("#locale");
  timeZoneOptions(zoneSelect);
  proxyInput.value = typeof config.proxyUrl === "string" ? config.proxyUrl : "";
  instanceInput.value = typeof config.instanceId === "string" ? config.instanceId : "";

  let client;
  let clientUrl;
  const events = new EventTarget();
  const ctx = {
    lib,
    events,
    jobs: { list: [], totalCount: undefined, source: undefined },
    providers: new Set(Array.isArray(config.identityProviders) ? config.identityProviders.filter((id) => typeof id === "string") : []),
    previousConfigurations: new Map(),
    loadedAt: new Map(),
    get settings() {
      return {
        proxyUrl: proxyInput.value.trim(),
        instanceId: instanceInput.value.trim(),
        timeZone: zoneSelect.value || "UTC",
        locale: localeSelect.value || "en",
      };
    },
    get reportOptions() {
      const { locale, timeZone } = ctx.settings;
      return { locale, timeZone };
    },
    /** The client for the current proxy URL (a new one when the URL changes). */
    client() {
      const { proxyUrl } = ctx.settings;
      if (!proxyUrl) throw new Error("Enter the proxy URL first.");
      if (!client || clientUrl !== proxyUrl) {
        client = new lib.EiamSyncClient({
          proxyUrl,
          timeoutMs: 15_000,
          retry: { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 3_000 },
        });
        clientUrl = proxyUrl;
      }
      return client;
    },
    /** Replaces the job set every view works on; `source` says where it came from. */
    setJobs(list, totalCount, source) {
      ctx.jobs = { list, totalCount, source };
      for (const job of list) {
        if (job.TargetType === "identity_provider" && typeof job.TargetId === "string") ctx.providers.add(job.TargetId);
      }
      events.dispatchEvent(new Event("jobs"));
      events.dispatchEvent(new Event("providers"));
    },
    addProvider(id) {
      if (typeof id === "string" && id && !ctx.providers.has(id)) {
        ctx.providers.add(id);
        events.dispatchEvent(new Event("providers"));
      }
    },
    show: () => {},
  };
  for (const input of [zoneSelect, localeSelect]) {
    input.addEventListener("change", () => events.dispatchEvent(new Event("settings")));
  }
  form.addEventListener("submit", (event) => event.preventDefault());
  return ctx;
}

function fillDatalist(datalist, values) {
  datalist.replaceChildren(...[...values].sort().map((value) => new Option(value, value)));
}

async function main() {
  let lib;
  try {
    lib = await import("/pkg/index.js");
  } catch (error) {
    status.textContent = `Could not load /pkg/index.js (${error}). Build the package: cargo xtask demo.`;
    return;
  }
  const ctx = createContext(lib, await demoSettings());
  const views = {
    jobs: setUpJobsView(ctx),
    job: setUpJobDetailView(ctx),
    providers: setUpProvidersView(ctx),
    dashboard: setUpDashboardView(ctx),
    offline: setUpOfflineView(ctx),
  };
  ctx.show = setUpTabs(document.getElementById("view-tabs"), (name) => views[name]?.shown?.());
  const refreshLists = () => {
    fillDatalist(document.getElementById("known-providers"), ctx.providers);
    const targets = new Set(ctx.jobs.list.map((job) => job.TargetId).filter((id) => typeof id === "string"));
    fillDatalist(document.getElementById("known-targets"), targets);
  };
  ctx.events.addEventListener("providers", refreshLists);
  refreshLists();
  const { proxyUrl, instanceId } = ctx.settings;
  status.textContent = proxyUrl
    ? `Ready. Proxy ${proxyUrl}, instance ${instanceId || "(enter one)"}.`
    : "Ready. Enter the proxy URL and instance ID, or open a saved response under Offline files.";
  document.body.dataset.ready = "true";
}

main();
