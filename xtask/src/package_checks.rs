//! Checks of the npm package exactly as users get it: the packed tarball, its
//! contents, publint, attw, and a consumer project (`tests/package/`) that
//! installs it, type-checks against it and runs `node --test` on it.

use crate::build::{ENTRIES, MODULE_FILE};
use crate::process;
use crate::suite::Outcome;
use crate::workspace::Workspace;
use anyhow::{bail, Context, Result};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The consumer project that installs the packed package.
const CONSUMER_DIR: &str = "tests/package";

/// Packs `pkg/` with `npm pack` into `<target>/pack/` and returns the tarball path.
pub fn pack(ws: &Workspace) -> Result<PathBuf> {
    let destination = ws.target_dir.join("pack");
    fs::create_dir_all(&destination)
        .with_context(|| format!("could not create {}", destination.display()))?;
    let json = process::capture(
        Command::new("npm")
            .current_dir(&ws.root)
            .arg("pack")
            .arg(ws.pkg_dir())
            .arg("--pack-destination")
            .arg(&destination)
            .arg("--json"),
    )?;
    let filename = packed_filename(&json)?;
    let tarball = destination.join(filename);
    if !tarball.is_file() {
        bail!(
            "npm pack reported {} but it is not there",
            tarball.display()
        );
    }
    println!("package: {}", tarball.display());
    Ok(tarball)
}

/// The tarball name in the output of `npm pack --json` (an array of one object).
pub fn packed_filename(json: &str) -> Result<String> {
    let value: Value = serde_json::from_str(json)
        .with_context(|| format!("`npm pack --json` printed something that is not JSON: {json}"))?;
    value
        .get(0)
        .and_then(|entry| entry.get("filename"))
        .and_then(Value::as_str)
        .map(str::to_owned)
        .context("`npm pack --json` output has no filename")
}

/// Lists the tarball with `tar tzf` and checks it holds exactly the modules of
/// [`ENTRIES`], one each, and no other `.wasm` (no stale or stray build output).
pub fn check_modules(tarball: &Path) -> Result<Outcome> {
    let listing = process::capture(Command::new("tar").arg("tzf").arg(tarball))?;
    let files: Vec<&str> = listing
        .lines()
        .filter(|line| !line.ends_with('/'))
        .collect();
    println!("package: {} files:", files.len());
    for file in &files {
        println!("  {file}");
    }
    let mut modules: Vec<String> = files
        .iter()
        .filter(|file| file.ends_with(".wasm"))
        .map(|file| file.to_string())
        .collect();
    modules.sort();
    let mut expected = expected_modules();
    expected.sort();
    if modules != expected {
        bail!("the tarball must hold the modules {expected:?}, it holds {modules:?}");
    }
    Ok(Outcome::Passed)
}

/// The tarball paths of the entries' modules (`npm pack` puts files under `package/`).
fn expected_modules() -> Vec<String> {
    ENTRIES
        .iter()
        .map(|entry| match entry.subdir {
            "" => format!("package/{MODULE_FILE}"),
            subdir => format!("package/{subdir}/{MODULE_FILE}"),
        })
        .collect()
}

/// Runs publint on the tarball; it exits non-zero on errors (suggestions and
/// warnings are printed, not fatal).
pub fn publint(ws: &Workspace, tarball: &Path) -> Result<Outcome> {
    process::run(
        Command::new(ws.npm_bin("publint"))
            .current_dir(&ws.root)
            .arg("run")
            .arg(tarball),
    )?;
    Ok(Outcome::Passed)
}

/// Runs "Are the Types Wrong?" on the tarball, with the `esm-only` profile: the
/// package is ESM-only on purpose (top-level `await` in the browser entry), so
/// `require()` from CommonJS is not a supported way to load it. The wasm files'
/// subpath exports are assets for URLs, not modules with types.
pub fn attw(ws: &Workspace, tarball: &Path) -> Result<Outcome> {
    process::run(
        Command::new(ws.npm_bin("attw"))
            .current_dir(&ws.root)
            .arg(tarball)
            .args(["--profile", "esm-only"])
            .arg("--exclude-entrypoints")
            .args(module_subpaths()),
    )?;
    Ok(Outcome::Passed)
}

/// The export subpaths of the entries' modules (`./eiam_sync_bg.wasm`, ...).
fn module_subpaths() -> Vec<String> {
    expected_modules()
        .iter()
        .map(|path| format!(".{}", path.trim_start_matches("package")))
        .collect()
}

/// Installs the tarball into `tests/package/node_modules` (no save, no lock).
pub fn install_into_consumer(ws: &Workspace, tarball: &Path) -> Result<Outcome> {
    install_tarball(&ws.path(CONSUMER_DIR), tarball)?;
    Ok(Outcome::Passed)
}

/// Installs the packed package into the npm project `dir` (no save, no lock),
/// removing any earlier install first: a tarball of the same version may
/// otherwise look installed already.
pub fn install_tarball(dir: &Path, tarball: &Path) -> Result<()> {
    if !dir.join("package.json").is_file() {
        bail!("{}/package.json is missing", dir.display());
    }
    let previous = dir.join("node_modules").join("eiam-sync");
    if previous.exists() {
        fs::remove_dir_all(&previous)
            .with_context(|| format!("could not remove {}", previous.display()))?;
    }
    process::run(
        Command::new("npm")
            .current_dir(dir)
            .args(["install", "--no-save", "--no-package-lock"])
            .arg(tarball),
    )
}

/// Type-checks the consumer's TypeScript, and every `ts` code block of the
/// README, against the installed package: the README's examples must compile.
pub fn typecheck_consumer(ws: &Workspace) -> Result<Outcome> {
    let consumer = ws.path(CONSUMER_DIR);
    if files_ending(&consumer, ".ts")?.is_empty() {
        anyhow::bail!("no {CONSUMER_DIR}/*.ts to type-check");
    }
    write_readme_examples(ws, &consumer)?;
    process::run(
        Command::new(ws.npm_bin("tsc"))
            .current_dir(&ws.root)
            .arg("-p")
            .arg(consumer.join("tsconfig.json")),
    )?;
    Ok(Outcome::Passed)
}

/// The module the shared package tests import to pick the entry under test.
const ENTRY_MODULE: &str = "./entry.mjs";
/// The variable `entry.mjs` reads: `core` selects `eiam-sync/core`.
const ENTRY_ENV: &str = "EIAM_SYNC_ENTRY";

/// Runs Node's test runner on every `tests/package/*.test.mjs` against the
/// package root, then again on the ones that import [`ENTRY_MODULE`] against
/// `eiam-sync/core`. The files are named explicitly: how a directory argument
/// is read changed across Node versions.
pub fn node_tests(ws: &Workspace) -> Result<Outcome> {
    let consumer = ws.path(CONSUMER_DIR);
    let tests = files_ending(&consumer, ".test.mjs")?;
    if tests.is_empty() {
        anyhow::bail!("no {CONSUMER_DIR}/*.test.mjs to run");
    }
    let mut shared = Vec::new();
    for test in &tests {
        let text = fs::read_to_string(test)
            .with_context(|| format!("could not read {}", test.display()))?;
        if imports_entry_module(&text) {
            shared.push(test.clone());
        }
    }
    if shared.is_empty() {
        anyhow::bail!("no {CONSUMER_DIR}/*.test.mjs imports {ENTRY_MODULE}");
    }
    println!("node --test: {} file(s) against eiam-sync", tests.len());
    process::run(
        Command::new("node")
            .current_dir(&ws.root)
            .env_remove(ENTRY_ENV)
            .arg("--test")
            .args(&tests),
    )?;
    println!(
        "node --test: {} file(s) against eiam-sync/core",
        shared.len()
    );
    process::run(
        Command::new("node")
            .current_dir(&ws.root)
            .env(ENTRY_ENV, "core")
            .arg("--test")
            .args(&shared),
    )?;
    Ok(Outcome::Passed)
}

/// Whether a test file's source imports the entry-selecting module.
fn imports_entry_module(source: &str) -> bool {
    source
        .lines()
        .any(|line| line.starts_with("import ") && line.contains(&format!("\"{ENTRY_MODULE}\"")))
}

/// Files (not directories) directly in `dir` whose names end with `suffix`, sorted.
/// Copies each ```ts block of README.md into `readme-N.generated.ts` beside
/// the consumer (gitignored), replacing the previous copies.
fn write_readme_examples(ws: &Workspace, consumer: &Path) -> Result<()> {
    for old in files_ending(consumer, ".generated.ts")? {
        fs::remove_file(&old).with_context(|| format!("could not remove {}", old.display()))?;
    }
    let readme = fs::read_to_string(ws.path("README.md")).context("could not read README.md")?;
    let blocks = ts_blocks(&readme);
    if blocks.is_empty() {
        bail!("README.md has no ```ts example to check");
    }
    for (index, block) in blocks.iter().enumerate() {
        let path = consumer.join(format!("readme-{}.generated.ts", index + 1));
        fs::write(&path, block).with_context(|| format!("could not write {}", path.display()))?;
    }
    println!(
        "checking {} TypeScript example(s) from README.md",
        blocks.len()
    );
    Ok(())
}

/// The contents of the Markdown code blocks fenced as ```ts.
fn ts_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match current.as_mut() {
            None if line.trim_end() == "```ts" => current = Some(String::new()),
            None => {}
            Some(_) if line.trim_end() == "```" => blocks.extend(current.take()),
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
        }
    }
    blocks
}

fn files_ending(dir: &Path, suffix: &str) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| format!("could not read {}", dir.display()))? {
        let path = entry?.path();
        let matches = path
            .file_name()
            .and_then(|name| name.to_str())
            .is_some_and(|name| name.ends_with(suffix) && !name.ends_with(".d.ts"));
        if matches && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_filename_of_npm_pack_json() {
        let json = r#"[{"id":"eiam-sync@0.1.0","name":"eiam-sync","filename":"eiam-sync-0.1.0.tgz","files":[]}]"#;
        assert_eq!(packed_filename(json).expect("valid"), "eiam-sync-0.1.0.tgz");
        assert!(packed_filename("[]").is_err());
        assert!(packed_filename("npm warn something").is_err());
    }

    #[test]
    fn names_each_entry_module_in_the_tarball_and_the_exports() {
        assert_eq!(
            expected_modules(),
            [
                "package/eiam_sync_bg.wasm",
                "package/core/eiam_sync_bg.wasm"
            ]
        );
        assert_eq!(
            module_subpaths(),
            ["./eiam_sync_bg.wasm", "./core/eiam_sync_bg.wasm"]
        );
    }

    #[test]
    fn recognises_the_files_that_pick_an_entry() {
        assert!(imports_entry_module(
            "// x\nimport { eiam } from \"./entry.mjs\";\n"
        ));
        assert!(!imports_entry_module(
            "import * as eiam from \"eiam-sync\";\n"
        ));
        assert!(!imports_entry_module(
            "// import { eiam } from \"./entry.mjs\";\n"
        ));
    }

    #[test]
    fn finds_only_ts_fenced_blocks() {
        let markdown = "text\n```ts\nconst a = 1;\n```\n```sh\nls\n```\n```ts\nlet b;\n```\n";
        assert_eq!(
            ts_blocks(markdown),
            vec!["const a = 1;\n".to_owned(), "let b;\n".to_owned()]
        );
        assert!(ts_blocks("```ts\nunterminated").is_empty());
    }
}
