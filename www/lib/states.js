// The clear states every view shows in its state area: loading, empty, proxy
// unreachable, throttled (with the wait), invalid response or file, and
// request validation errors. Each is a labelled block with a `data-state`
// attribute so people and tests can tell them apart.

import { h, replace } from "./dom.js";

/** Shows "loading" in `area` (a polite live region) and marks `busyElement` busy. */
export function showLoading(area, text, busyElement) {
  busyElement?.setAttribute("aria-busy", "true");
  replace(area, h("p", { class: "state state-loading", "data-state": "loading", role: "status" }, text));
}

/** Clears the state area and the busy mark. */
export function clearState(area, busyElement) {
  busyElement?.removeAttribute("aria-busy");
  area.replaceChildren();
}

/** An "empty" message, to place among other content. */
export function emptyState(text) {
  return h("p", { class: "state state-empty", "data-state": "empty", role: "status" }, text);
}

/** Shows an "empty" message. */
export function showEmpty(area, text) {
  replace(area, emptyState(text));
}

/** A titled state block (`data-state` names it for styles and tests). */
export function block(state, title, ...body) {
  return h("div", { class: `state state-${state}`, "data-state": state, role: "alert" }, h("h3", {}, title), body);
}

/** A parse error (of an answer, a file or pasted text) as an "invalid JSON" block. */
export function parseErrorBlock(error, title) {
  const where = [
    error.path ? `at ${error.path}` : "at the root",
    error.line != null ? `line ${error.line}, column ${error.column}` : undefined,
  ].filter(Boolean);
  return block(
    "invalid-json",
    title,
    h("p", {}, error.message),
    h("p", { class: "detail" }, `Code `, h("code", {}, error.code), `, ${where.join(", ")}.`),
  );
}

/** Turns what a call rejected with into the matching state block. */
export function errorBlock(error, context) {
  const { lib, proxyUrl } = context;
  if (lib.isEiamSyncValidationError(error)) {
    return block(
      "validation",
      "The request was not sent",
      h("ul", {}, error.issues.map((issue) => h("li", {}, h("code", {}, issue.path || "(request)"), ": ", issue.message))),
    );
  }
  if (lib.isEiamSyncNetworkError(error)) {
    return block(
      "unreachable",
      "The proxy is unreachable",
      h("p", {}, `No answer from ${proxyUrl}. Is eiam-sync-proxy running, and does it allow this page's origin?`),
      h("p", { class: "detail" }, error.message),
    );
  }
  if (lib.isEiamSyncTimeoutError(error)) {
    return block("unreachable", "The proxy did not answer in time", h("p", {}, error.message));
  }
  if (lib.isEiamSyncParseError(error)) {
    return parseErrorBlock(error, "The answer is not a valid response");
  }
  if (lib.isEiamSyncApiError(error) && error.code.startsWith("Throttling")) {
    return throttledBlock(error);
  }
  if (lib.isEiamSyncApiError(error)) {
    return block(
      "api-error",
      `The service answered ${error.code}`,
      h("p", {}, error.message),
      h("p", { class: "detail" }, `HTTP ${error.httpStatus}`, error.requestId ? `, request ${error.requestId}` : ""),
    );
  }
  return block("error", "Something went wrong", h("p", {}, String(error?.message ?? error)));
}

/** A throttling error: the wait the service asked for, counted down. */
function throttledBlock(error) {
  const wait = typeof error.retryAfterMs === "number" ? error.retryAfterMs : undefined;
  const countdown = h("p", { class: "countdown", "data-wait-ms": wait ?? "" });
  const element = block(
    "throttled",
    "Too many requests: throttled",
    h("p", {}, `${error.code}: ${error.message}`),
    countdown,
  );
  if (wait === undefined) {
    countdown.textContent = "The service did not say how long to wait; try again in a few seconds.";
    return element;
  }
  const until = Date.now() + wait;
  let shown = false;
  const tick = () => {
    // Stop once the block has been shown and then replaced.
    if (element.isConnected) shown = true;
    else if (shown) return;
    const left = Math.max(0, until - Date.now());
    countdown.textContent =
      left > 0 ? `The service asked to wait ${Math.ceil(left / 1000)} s before the next request.` : "You can try again now.";
    if (left > 0) setTimeout(tick, Math.min(left, 1000));
  };
  tick();
  return element;
}

/** Shows the state block for `error` in `area`. */
export function showError(area, error, context, busyElement) {
  busyElement?.removeAttribute("aria-busy");
  replace(area, errorBlock(error, context));
}
