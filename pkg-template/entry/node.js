// Node.js entry (the "node" export condition, at the root and in `core/`):
// Node's fetch cannot read file: URLs, so the module's bytes are read from disk
// and instantiated synchronously.
import { readFileSync } from "node:fs";
import init, { initSync } from "./eiam_sync.js";

initSync({ module: readFileSync(new URL("./eiam_sync_bg.wasm", import.meta.url)) });

export * from "./eiam_sync.js";
// Already initialised above, so a later `init()` or `init(url)` resolves at once.
export { init };
