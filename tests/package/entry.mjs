// The entry the shared package tests run against. `cargo xtask test` runs every
// test file that imports this one twice: against the package root, and with
// EIAM_SYNC_ENTRY=core against `eiam-sync/core`, which must behave the same for
// everything it exports (parsing, validation, analysis).

/** The import specifier under test. */
export const ENTRY = process.env.EIAM_SYNC_ENTRY === "core" ? "eiam-sync/core" : "eiam-sync";

/** The entry's module namespace. */
export const eiam = await import(ENTRY);
