// Browser and bundler entry (the package root and `eiam-sync/core` alike):
// importing it initialises its module; no init call is needed. The wasm file
// is found next to this one, so bundlers that understand
// `new URL(..., import.meta.url)` (Vite, webpack 5, Rollup with a plugin) copy
// it to the output.
import init from "./eiam_sync.js";

await init({ module_or_path: new URL("./eiam_sync_bg.wasm", import.meta.url) });

export * from "./eiam_sync.js";
// Already initialised above, so a later `init()` or `init(url)` resolves at once.
export { init };
