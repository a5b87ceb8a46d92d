// The hand-written JS baseline of the benchmark: what a competent developer
// writes without the library. Decode each page with TextDecoder, JSON.parse
// it, and aggregate the jobs in plain JS into the same summary that
// `JobAggregator.summary()` returns (figures defined in src/analyze/FIGURES.md,
// default options: day buckets, UTC, top 5).
//
// Straightforward on purpose, not slowed down: one pass over the jobs with
// Maps and plain objects, the sorting done once at the end.

const ENTITIES = [
  ["users", "UserStatistics"],
  ["organizationalUnits", "OrganizationalUnitStatistics"],
  ["groups", "GroupStatistics"],
  ["groupMembers", "GroupMemberStatistics"],
];
const OPERATIONS = [
  ["created", "Created"],
  ["updated", "Updated"],
  ["binded", "Binded"],
  ["deleted", "Deleted"],
  ["same", "Same"],
  ["pushed", "Pushed"],
  ["exported", "Exported"],
];
const OUTCOMES = [
  "succeeded",
  "succeeded_with_skips",
  "partially_failed",
  "failed",
  "in_progress",
  "unknown",
];
const DAY_MS = 24 * 3600 * 1000;

/** `null` first, then by code unit (the keys here are ASCII, where that is code point order). */
function compareKeys(a, b) {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** Absent (`undefined`) first, then ascending. */
function compareOptional(a, b) {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

/** The job order of FIGURES.md: StartTime, then id, then EndTime, then Status. */
function compareRuns(a, b) {
  return (
    compareOptional(a.startTime, b.startTime) ||
    compareKeys(a.synchronizationJobId, b.synchronizationJobId) ||
    compareOptional(a.endTime, b.endTime) ||
    compareOptional(a.status, b.status)
  );
}

function emptyCounts() {
  return { total: 0, success: 0, failed: 0, skipped: 0 };
}

function addCounts(into, from) {
  into.total += from.total;
  into.success += from.success;
  into.failed += from.failed;
  into.skipped += from.skipped;
}

function rate(part, counts) {
  const denominator = Math.max(counts.total, counts.success + counts.failed + counts.skipped);
  return denominator === 0 ? null : part / denominator;
}

function countKey(map, key) {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function keyCounts(map) {
  return [...map.entries()]
    .sort((a, b) => compareKeys(a[0], b[0]))
    .map(([key, count]) => ({ key, count }));
}

/** A job field that is absent or `null` on the wire reads as `undefined`. */
function field(value) {
  return value ?? undefined;
}

function nearestRank(sorted, p) {
  return sorted[Math.max(1, Math.ceil((p * sorted.length) / 100)) - 1];
}

/** Aggregates jobs as they come (page by page), then builds the summary. */
export class BaselineAggregator {
  constructor() {
    this.jobCount = 0;
    this.byStatus = new Map();
    this.byDirection = new Map();
    this.byTriggerType = new Map();
    this.byTargetType = new Map();
    this.byOutcome = new Map(OUTCOMES.map((outcome) => [outcome, 0]));
    // items[entity][operation] = counts, summed over the jobs.
    this.items = ENTITIES.map(() => OPERATIONS.map(() => emptyCounts()));
    this.targets = new Map();
    this.buckets = new Map();
    this.jobsWithoutStartTime = 0;
    this.durations = [];
    this.errorCodes = new Map();
  }

  /** Adds the jobs of one parsed ListSynchronizationJobs response. */
  addResponse(response) {
    for (const job of response.SynchronizationJobs ?? []) this.addJob(job);
  }

  addJob(job) {
    const status = field(job.Status);
    const targetType = field(job.TargetType);
    const targetId = field(job.TargetId);
    const startTime = field(job.StartTime);
    const endTime = field(job.EndTime);
    const result = job.Result ?? undefined;

    this.jobCount += 1;
    countKey(this.byStatus, status ?? null);
    countKey(this.byDirection, job.Direction ?? null);
    countKey(this.byTriggerType, job.TriggerType ?? null);
    countKey(this.byTargetType, targetType ?? null);

    // Item counts, and this job's own sums for its outcome class.
    let jobFailed = 0;
    let jobSkipped = 0;
    if (result) {
      for (let e = 0; e < ENTITIES.length; e += 1) {
        const statistics = result[ENTITIES[e][1]];
        if (!statistics) continue;
        const row = this.items[e];
        for (let o = 0; o < OPERATIONS.length; o += 1) {
          const count = statistics[OPERATIONS[o][1]];
          if (!count) continue;
          const cell = row[o];
          cell.total += count.Total ?? 0;
          cell.success += count.Success ?? 0;
          const failed = count.Failed ?? 0;
          const skipped = count.Skipped ?? 0;
          cell.failed += failed;
          cell.skipped += skipped;
          jobFailed += failed;
          jobSkipped += skipped;
        }
      }
    }
    let outcome;
    switch (status) {
      case "success":
        outcome = jobFailed > 0 ? "partially_failed" : jobSkipped > 0 ? "succeeded_with_skips" : "succeeded";
        break;
      case "partial_success":
        outcome = "partially_failed";
        break;
      case "failed":
        outcome = "failed";
        break;
      case "pending":
      case "running":
      case "suspending":
        outcome = "in_progress";
        break;
      default:
        outcome = "unknown";
    }
    this.byOutcome.set(outcome, this.byOutcome.get(outcome) + 1);

    // Per-target rollup: keep the latest run, the latest success and every
    // failing run; the streak is counted at the end.
    const targetKey = `${targetType ?? "\u0000null"}\u0001${targetId ?? "\u0000null"}`;
    let target = this.targets.get(targetKey);
    if (!target) {
      target = {
        targetType: targetType ?? null,
        targetId: targetId ?? null,
        jobCount: 0,
        failedJobCount: 0,
        lastRun: undefined,
        lastSuccess: undefined,
        failingRuns: [],
      };
      this.targets.set(targetKey, target);
    }
    const run = { synchronizationJobId: job.SynchronizationJobId, startTime, endTime, status };
    target.jobCount += 1;
    if (!target.lastRun || compareRuns(run, target.lastRun) > 0) target.lastRun = run;
    if (status === "success") {
      if (!target.lastSuccess || compareRuns(run, target.lastSuccess) > 0) target.lastSuccess = run;
    } else if (status === "failed" || status === "partial_success") {
      target.failedJobCount += 1;
      target.failingRuns.push(run);
    }

    // Day buckets in UTC, by StartTime.
    if (startTime === undefined) {
      this.jobsWithoutStartTime += 1;
    } else {
      const start = Math.floor(startTime / DAY_MS) * DAY_MS;
      let bucket = this.buckets.get(start);
      if (!bucket) {
        bucket = { start, jobCount: 0, successCount: 0 };
        this.buckets.set(start, bucket);
      }
      bucket.jobCount += 1;
      if (status === "success") bucket.successCount += 1;
    }

    if (startTime !== undefined && endTime !== undefined && endTime >= startTime) {
      this.durations.push(endTime - startTime);
    }
    const errorCode = result?.ErrorCode;
    if (errorCode) countKey(this.errorCodes, errorCode);
  }

  summary(topN = 5) {
    const operationCounts = (row) => {
      const counts = {};
      const total = emptyCounts();
      OPERATIONS.forEach(([name], o) => {
        counts[name] = { ...row[o] };
        addCounts(total, row[o]);
      });
      counts.total = total;
      return counts;
    };
    const items = {};
    ENTITIES.forEach(([name], e) => {
      items[name] = operationCounts(this.items[e]);
    });
    const byOperationRow = OPERATIONS.map((_, o) => {
      const sum = emptyCounts();
      for (const row of this.items) addCounts(sum, row[o]);
      return sum;
    });
    items.byOperation = operationCounts(byOperationRow);
    items.all = { ...items.byOperation.total };
    items.successRate = rate(items.all.success, items.all);
    items.failureRate = rate(items.all.failed, items.all);

    const targets = [...this.targets.values()].sort(
      (a, b) => compareKeys(a.targetType, b.targetType) || compareKeys(a.targetId, b.targetId),
    );
    const jobRef = (run) => {
      const ref = { synchronizationJobId: run.synchronizationJobId };
      if (run.startTime !== undefined) ref.startTime = run.startTime;
      if (run.endTime !== undefined) ref.endTime = run.endTime;
      if (run.status !== undefined) ref.status = run.status;
      return ref;
    };
    const rollups = targets.map((target) => {
      const rollup = {
        targetType: target.targetType,
        targetId: target.targetId,
        jobCount: target.jobCount,
        failedJobCount: target.failedJobCount,
      };
      if (target.lastRun) rollup.lastRun = jobRef(target.lastRun);
      if (target.lastSuccess) rollup.lastSuccess = jobRef(target.lastSuccess);
      const lastSuccess = target.lastSuccess;
      rollup.failureStreak = lastSuccess
        ? target.failingRuns.filter((run) => compareRuns(run, lastSuccess) > 0).length
        : target.failingRuns.length;
      return rollup;
    });

    const durations = Float64Array.from(this.durations).sort();
    const durationStats = { count: durations.length };
    if (durations.length > 0) {
      durationStats.p50Ms = nearestRank(durations, 50);
      durationStats.p95Ms = nearestRank(durations, 95);
      durationStats.maxMs = durations[durations.length - 1];
    }

    // Array.prototype.sort is stable: ties keep the target / code order.
    const topFailingTargets = targets
      .filter((target) => target.failedJobCount > 0)
      .sort((a, b) => b.failedJobCount - a.failedJobCount)
      .slice(0, topN)
      .map(({ targetType, targetId, failedJobCount }) => ({ targetType, targetId, failedJobCount }));
    const topErrorCodes = [...this.errorCodes.entries()]
      .sort((a, b) => b[1] - a[1] || compareKeys(a[0], b[0]))
      .slice(0, topN)
      .map(([errorCode, count]) => ({ errorCode, count }));

    return {
      jobCount: this.jobCount,
      byStatus: keyCounts(this.byStatus),
      byDirection: keyCounts(this.byDirection),
      byTriggerType: keyCounts(this.byTriggerType),
      byTargetType: keyCounts(this.byTargetType),
      byOutcome: OUTCOMES.map((outcome) => ({ outcome, count: this.byOutcome.get(outcome) })),
      items,
      targets: rollups,
      bucket: "day",
      utcOffsetMinutes: 0,
      timeBuckets: [...this.buckets.values()]
        .sort((a, b) => a.start - b.start)
        .map((b) => ({ ...b, successRate: b.successCount / b.jobCount })),
      jobsWithoutStartTime: this.jobsWithoutStartTime,
      durations: durationStats,
      topFailingTargets,
      topErrorCodes,
    };
  }
}

/** Route (a): decode, parse and aggregate every page; returns the summary. */
export function baselineSummary(pages) {
  const decoder = new TextDecoder();
  const aggregator = new BaselineAggregator();
  for (const bytes of pages) aggregator.addResponse(JSON.parse(decoder.decode(bytes)));
  return aggregator.summary();
}
