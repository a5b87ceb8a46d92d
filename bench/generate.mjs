// Deterministic generator of realistic ListSynchronizationJobs pages for the
// benchmark: 100 jobs a page, every field a real tenant's jobs carry, newest
// first like the service, each page held as the UTF-8 bytes of its JSON
// (a `Uint8Array`, as `new Uint8Array(await response.arrayBuffer())` gives it).
//
// Same seed, same bytes, in the browser and in Node. No Math.random.
//
// As a program (Node): `node bench/generate.mjs [--jobs 1000,10000] [--seed N]
// [--out DIR]` prints the sizes and, with --out, writes DIR/<jobs>/page-NNN.json
// (read by the native criterion benches, benches/core.rs).

/// Jobs per page, as the API's `MaxResults` cap.
export const JOBS_PER_PAGE = 100;
/// The seed used unless another is given.
export const DEFAULT_SEED = 20211201;
/// The newest job starts before this instant (2025-04-01T00:00:00Z) ...
const PERIOD_END_MS = Date.UTC(2025, 3, 1);
/// ... and the oldest after this one: a month of history.
const PERIOD_MS = 30 * 24 * 3600 * 1000;

/// xorshift32 (Marsaglia's shifts 13, 17, 5) on an unsigned 32-bit state,
/// with helpers for the choices the generator makes.
class Random {
  constructor(seed) {
    // A zero state would stay zero; mix the seed so nearby seeds diverge.
    this.state = (Math.imul(seed >>> 0 ^ 0x9e3779b9, 0x85ebca6b) >>> 0) || 1;
  }

  /** The next 32 random bits, as an unsigned integer. */
  next() {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }

  /** A float in [0, 1). */
  unit() {
    return this.next() / 4294967296;
  }

  /** An integer in [low, high]. */
  int(low, high) {
    return low + Math.floor(this.unit() * (high - low + 1));
  }

  /** True with probability `p`. */
  chance(p) {
    return this.unit() < p;
  }

  /** One element of `items`. */
  pick(items) {
    return items[Math.floor(this.unit() * items.length)];
  }

  /** One key of `weights` ({ value: weight }), with probability proportional to its weight. */
  weighted(weights) {
    const entries = Object.entries(weights);
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let point = this.unit() * total;
    for (const [value, weight] of entries) {
      point -= weight;
      if (point < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  /** `length` characters drawn from `alphabet`. */
  text(alphabet, length) {
    let out = "";
    for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(this.unit() * alphabet.length)];
    return out;
  }
}

const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
const UPPER_HEX = "0123456789ABCDEF";

/** A request id shaped like the service's (`0441BD79-92F3-53AA-8657-F8CE4A2B912A`). */
function requestId(random) {
  const part = (n) => random.text(UPPER_HEX, n);
  return `${part(8)}-${part(4)}-${part(4)}-${part(4)}-${part(12)}`;
}

/** The identity providers and applications of one tenant, and the other target kinds. */
function tenant(random) {
  const providers = [
    ["Corporate AD (Shanghai)", "ldap"],
    ["Corporate AD (Hangzhou)", "ldap"],
    ["OpenLDAP staging", "ldap"],
    ["DingTalk HQ", "dingtalk"],
    ["DingTalk subsidiaries", "dingtalk"],
    ["WeCom field sales", "wecom"],
    ["Feishu R&D", "feishu"],
    ["Azure AD (Singapore)", "azure_ad"],
  ].map(([name, kind]) => ({ id: `idp_${random.text(LOWER_ALNUM, 26)}`, name, kind }));
  const applications = [
    "Jira Cloud", "Confluence", "Salesforce", "GitLab self-managed", "钉钉审批",
    "Workday", "ServiceNow", "Zoom", "内部OA系统", "Slack", "Alibaba Cloud RAM",
    "Tableau Server",
  ].map((name) => ({ id: `app_${random.text(LOWER_ALNUM, 26)}`, name }));
  const units = ["Finance", "研发中心", "Sales APAC", "Operations", "Legal"].map((name) => ({
    id: `ou_${random.text(LOWER_ALNUM, 26)}`,
    name,
  }));
  const users = ["zhang.wei", "li.na", "a.putri", "j.smith", "wang.fang", "b.santoso"].map(
    (name) => ({ id: `user_${random.text(LOWER_ALNUM, 26)}`, name }),
  );
  return { providers, applications, units, users };
}

/** Error codes with their messages, by how often tenants see them. */
const ERRORS = [
  ["IdentityProvider.ConnectionTimeout", "Connecting to the identity provider timed out after 30000 ms; check the network path and the LDAP port.", 9],
  ["IdentityProvider.AuthenticationFailed", "The identity provider rejected the administrator credentials configured for synchronization.", 5],
  ["Throttling.Api", "Request was denied due to api flow control of the identity provider; the job will resume on the next schedule.", 6],
  ["MissingParameter.Username", "The specified parameter Username is required!", 7],
  ["InvalidParameter.Email", "The email address of one or more users is not valid: 'zhang.wei@@example.com'.", 4],
  ["EntityNotExists.OrganizationalUnit", "The parent organizational unit ou_3kd92jf0s8d7f6g5h4j3k2l1m0 does not exist in the target.", 4],
  ["EntityAlreadyExists.User", "A user with the same external ID already exists and is bound to another identity provider.", 3],
  ["SyncProtected.UserDeletedThresholdExceeded", "The number of users to delete exceeds the protection threshold (50); the deletions were not applied.", 2],
  ["Application.ProvisioningFailed", "The application's SCIM endpoint answered HTTP 500: internal error while creating the account.", 3],
  ["DingTalk.ApiError", "钉钉开放平台返回错误：部门不存在 (errcode 60003)。", 2],
  ["InternalError", "An internal error occurred. Please try again later.", 1],
];
const ERROR_WEIGHTS = Object.fromEntries(ERRORS.map(([code, , weight], i) => [i, weight]));

const DESCRIPTION_TEMPLATES = [
  (target, trigger) => `${trigger === "auto" ? "Scheduled" : "Manual"} incremental synchronization with ${target}.`,
  (target) => `Full synchronization of users, organizational units and groups from ${target}.`,
  (target) => `Nightly reconciliation with ${target}; deletions protected by the tenant's thresholds.`,
  (target, trigger) => `${trigger === "auto" ? "Periodic" : "On-demand"} push of account changes to ${target}.`,
  (target) => `与${target}的定时增量同步任务。`,
  (target) => `Sinkronisasi pengguna dan grup dengan ${target} sesuai jadwal.`,
];

/** An operation count where `total` items split into success, failed and skipped. */
function operation(random, total, failureShare, skipShare) {
  const failed = failureShare > 0 ? Math.min(total, Math.round(total * failureShare * random.unit() * 2)) : 0;
  const skipped = Math.min(total - failed, Math.round(total * skipShare * random.unit()));
  return { Total: total, Success: total - failed - skipped, Failed: failed, Skipped: skipped };
}

/** Statistics of one entity kind: every operation, `Exported` on users only (as the official list models). */
function entityStatistics(random, scale, failureShare, skipShare, withExported) {
  const sized = (max) => Math.floor(scale * random.int(0, max));
  const stats = {
    Created: operation(random, sized(40), failureShare, skipShare),
    Updated: operation(random, sized(300), failureShare, skipShare),
    Binded: operation(random, sized(15), failureShare, skipShare),
    Deleted: operation(random, sized(12), failureShare, skipShare),
    Same: operation(random, sized(4000), 0, skipShare),
    Pushed: operation(random, sized(120), failureShare, skipShare),
  };
  if (withExported) stats.Exported = operation(random, sized(60), failureShare, skipShare);
  return stats;
}

/** The `Result` of a job in state `status` (`failure` is an ERRORS entry for failing jobs). */
function jobResult(random, status, failure) {
  // Pending jobs have produced nothing yet; running ones part of their work.
  const scale = status === "pending" ? 0 : status === "running" ? random.unit() * 0.5 : 1;
  const failureShare = status === "failed" ? 0.6 : status === "partial_success" ? 0.05 : 0;
  const skipShare = random.chance(0.3) ? 0.02 : 0;
  const result = {
    UserStatistics: entityStatistics(random, scale, failureShare, skipShare, true),
    OrganizationalUnitStatistics: entityStatistics(random, scale * 0.05, failureShare, skipShare, false),
    GroupStatistics: entityStatistics(random, scale * 0.1, failureShare, skipShare, false),
    GroupMemberStatistics: entityStatistics(random, scale * 0.8, failureShare, skipShare, false),
  };
  if (failure) {
    result.ErrorMessage = failure[1];
    result.ErrorCode = failure[0];
  }
  return result;
}

/** One job, starting at `startTime`. */
function job(random, targets, startTime) {
  const targetType = random.weighted({
    identity_provider: 62, application: 30, organizational_unit: 5, user: 3,
  });
  let target;
  let direction;
  if (targetType === "identity_provider") {
    target = random.pick(targets.providers);
    direction = random.chance(0.85) ? "ingress" : "egress";
  } else if (targetType === "application") {
    target = random.pick(targets.applications);
    direction = random.chance(0.9) ? "egress" : "ingress";
  } else {
    target = random.pick(targetType === "user" ? targets.users : targets.units);
    direction = random.chance(0.5) ? "ingress" : "egress";
  }
  const triggerType = targetType === "identity_provider" || targetType === "application"
    ? (random.chance(0.8) ? "auto" : "manual")
    : "manual";
  const status = random.weighted({
    success: 72, partial_success: 11, failed: 9, running: 4, pending: 3, suspending: 1,
  });
  const failing = status === "failed" || status === "partial_success";
  const failure = failing ? ERRORS[Number(random.weighted(ERROR_WEIGHTS))] : null;
  const entry = {
    SynchronizationJobId: `sync_${random.text(LOWER_ALNUM, 40)}`,
    TargetType: targetType,
    TargetId: target.id,
    Direction: direction,
    StartTime: startTime,
  };
  if (status !== "pending" && status !== "running") {
    // Most jobs take seconds to a few minutes; full syncs of big directories take longer.
    const seconds = random.chance(0.1) ? random.int(600, 5400) : random.int(2, 240);
    entry.EndTime = startTime + seconds * 1000 + random.int(0, 999);
  }
  entry.TriggerType = triggerType;
  entry.Status = status;
  entry.Result = jobResult(random, status, failure);
  entry.Description = random.pick(DESCRIPTION_TEMPLATES)(target.name, triggerType);
  return entry;
}

/**
 * The pages of `jobCount` jobs (a multiple of 100 or not: the last page holds
 * the rest), as parsed objects, newest job first.
 */
export function generateResponses(jobCount, seed = DEFAULT_SEED) {
  const random = new Random(seed);
  const targets = tenant(random);
  // Start times: `jobCount` instants over the month, newest first.
  const startTimes = [];
  for (let i = 0; i < jobCount; i += 1) {
    startTimes.push(PERIOD_END_MS - 1 - Math.floor(random.unit() * PERIOD_MS));
  }
  startTimes.sort((a, b) => b - a);
  const pageCount = Math.ceil(jobCount / JOBS_PER_PAGE);
  const pages = [];
  for (let p = 0; p < pageCount; p += 1) {
    const jobs = [];
    for (let i = p * JOBS_PER_PAGE; i < Math.min(jobCount, (p + 1) * JOBS_PER_PAGE); i += 1) {
      jobs.push(job(random, targets, startTimes[i]));
    }
    const page = { RequestId: requestId(random), TotalCount: jobCount };
    if (p < pageCount - 1) page.NextToken = `NT${random.text(LOWER_ALNUM + "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 62)}`;
    page.SynchronizationJobs = jobs;
    pages.push(page);
  }
  return pages;
}

/** The pages of `jobCount` jobs as the UTF-8 bytes of their JSON, one `Uint8Array` a page. */
export function generatePages(jobCount, seed = DEFAULT_SEED) {
  const encoder = new TextEncoder();
  return generateResponses(jobCount, seed).map((page) => encoder.encode(JSON.stringify(page)));
}

/** Total bytes of some pages. */
export function totalBytes(pages) {
  let total = 0;
  for (const page of pages) total += page.byteLength;
  return total;
}

function parseArguments(argv) {
  const options = { jobs: [1000, 10000], seed: DEFAULT_SEED, out: null };
  for (let i = 0; i < argv.length; i += 1) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case "--jobs":
        options.jobs = value.split(",").map((n) => Number.parseInt(n, 10));
        i += 1;
        break;
      case "--seed":
        options.seed = Number.parseInt(value, 10);
        i += 1;
        break;
      case "--out":
        options.out = value;
        i += 1;
        break;
      default:
        throw new Error(`unknown argument ${argv[i]} (expected --jobs N[,N], --seed N, --out DIR)`);
    }
  }
  if (options.jobs.some((n) => !(n > 0)) || !Number.isInteger(options.seed)) {
    throw new Error("--jobs takes positive integers and --seed an integer");
  }
  return options;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const fs = await import("node:fs");
  const path = await import("node:path");
  for (const jobCount of options.jobs) {
    const pages = generatePages(jobCount, options.seed);
    const bytes = totalBytes(pages);
    console.log(
      `generate: ${jobCount} jobs, ${pages.length} pages, ${bytes} bytes ` +
        `(${(bytes / 1e6).toFixed(1)} MB, ${Math.round(bytes / jobCount)} B a job), seed ${options.seed}`,
    );
    if (options.out) {
      const dir = path.join(options.out, String(jobCount));
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
      pages.forEach((page, index) => {
        fs.writeFileSync(path.join(dir, `page-${String(index).padStart(3, "0")}.json`), page);
      });
      console.log(`generate: wrote ${pages.length} pages to ${dir}`);
    }
  }
}

const isProgram = typeof process !== "undefined" && process.argv?.[1] &&
  import.meta.url === (await import("node:url")).pathToFileURL(process.argv[1]).href;
if (isProgram) {
  main().catch((error) => {
    console.error(`generate: ${error.message}`);
    process.exit(1);
  });
}
