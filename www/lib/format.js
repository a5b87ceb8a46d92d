// Formatting for display with Intl, in the chosen locale and time zone. Values
// that are absent or not what the API promises are shown as "—", never guessed.

const formatters = new Map();

function dateFormatter(locale, timeZone) {
  const key = `${locale}|${timeZone}`;
  if (!formatters.has(key)) {
    formatters.set(
      key,
      new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone, hour12: false }),
    );
  }
  return formatters.get(key);
}

/** A timestamp (UTC milliseconds) as a `<time>`-ready pair: ISO and display text. */
export function formatTime(ms, settings) {
  if (typeof ms !== "number" || !Number.isFinite(ms)) return { iso: undefined, text: "—" };
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return { iso: undefined, text: "—" };
  return { iso: date.toISOString(), text: dateFormatter(settings.locale, settings.timeZone).format(date) };
}

/**
 * A duration in milliseconds as the package's reports write it
 * (`lib.formatDuration`: "1 hr 2 min", "15 min 30 sec"), or "—" when absent.
 */
export function formatDuration(lib, ms, locale) {
  const known = typeof ms === "number" && Number.isSafeInteger(ms) && ms >= 0;
  return known ? lib.formatDuration(ms, locale) : "—";
}

/** A count with grouping, or "—". */
export function formatCount(value, locale) {
  return typeof value === "number" && Number.isFinite(value) ? value.toLocaleString(locale) : "—";
}

/** A ratio (0..1) as a percentage, or "—". */
export function formatRate(value, locale) {
  if (typeof value !== "number" || !Number.isFinite(value)) return "—";
  return value.toLocaleString(locale, { style: "percent", maximumFractionDigits: 1 });
}

/** A job's duration in milliseconds, when both times are present and ordered. */
export function jobDuration(job) {
  const { StartTime: start, EndTime: end } = job;
  return typeof start === "number" && typeof end === "number" && end >= start ? end - start : undefined;
}

/** Milliseconds from a `datetime-local` value read in `timeZone` ("UTC" or the browser's zone). */
export function parseLocalDateTime(value, timeZone) {
  if (!value) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, hh, mm, ss = "0"] = match.map((part) => part);
  if (timeZone === "UTC") return Date.UTC(+y, +mo - 1, +d, +hh, +mm, +ss);
  return new Date(+y, +mo - 1, +d, +hh, +mm, +ss).getTime();
}
