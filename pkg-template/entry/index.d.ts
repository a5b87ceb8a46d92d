export * from "./eiam_sync.js";
import type { InitInput, InitOutput } from "./eiam_sync.js";

/**
 * Initialises the WebAssembly module. Importing this entry already did this,
 * so calling it is never needed and is harmless: it resolves at once.
 *
 * To load the `.wasm` file from a location of your choice, import the entry's
 * `manual` subpath instead (`eiam-sync/manual`, or `eiam-sync/core/manual`)
 * and call its default export with the URL.
 */
export declare function init(
  module_or_path?:
    | { module_or_path: InitInput | Promise<InitInput> }
    | InitInput
    | Promise<InitInput>,
): Promise<InitOutput>;
