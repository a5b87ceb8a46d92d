//! `cargo xtask build`: assembles the npm package in `pkg/` with a plain pipeline,
//! once per entry ([`ENTRIES`]): cargo (wasm32, release, the entry's features)
//! -> wasm-bindgen (`web` target) -> wasm-opt -Os (npm binaryen) -> the entry
//! files of `pkg-template/entry/`. Then the package files of `pkg-template/`, and
//! each entry's gzipped size.

use crate::process::{self, find_program};
use crate::workspace::{Workspace, LIBRARY_CRATE, LIBRARY_PACKAGE, WASM_TARGET};
use anyhow::{bail, Context, Result};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Choices that change how the package is built.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Overrides the `wasm-release` profile's `opt-level` (`0`-`3`, `s`, `z`)
    /// through `CARGO_PROFILE_WASM_RELEASE_OPT_LEVEL`, to compare sizes.
    pub opt_level: Option<String>,
    /// Ships wasm-bindgen's output as is, without running wasm-opt.
    pub skip_wasm_opt: bool,
}

/// One wasm module of the package and the entry files that load it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The import specifier users write, for messages.
    pub specifier: &'static str,
    /// Where its files go inside `pkg/` (`""` for the package root).
    pub subdir: &'static str,
    /// Built with `--no-default-features`: parsing, validation and analysis
    /// without the client and the reports (Cargo.toml `[features]`).
    pub core_only: bool,
}

/// The package root: everything DESIGN.md lists.
pub const ROOT_ENTRY: Entry = Entry {
    specifier: "eiam-sync",
    subdir: "",
    core_only: false,
};

/// `eiam-sync/core`: the part that fits the 150 KB budget, for pages that need
/// no client or reports.
pub const CORE_ENTRY: Entry = Entry {
    specifier: "eiam-sync/core",
    subdir: "core",
    core_only: true,
};

/// Every entry the package ships, the root first.
pub const ENTRIES: [Entry; 2] = [ROOT_ENTRY, CORE_ENTRY];

/// The wasm-bindgen output name: `eiam_sync.js`, `eiam_sync_bg.wasm`, ...
const OUT_NAME: &str = LIBRARY_CRATE;
/// The module's file name in every entry directory.
pub const MODULE_FILE: &str = "eiam_sync_bg.wasm";
/// The JS glue's file name in every entry directory.
pub const GLUE_FILE: &str = "eiam_sync.js";

/// Builds the package into `pkg/` (wiped first) and prints each entry's
/// gzipped size.
pub fn build(ws: &Workspace, options: &BuildOptions) -> Result<()> {
    let pkg = ws.pkg_dir();
    if pkg.exists() {
        fs::remove_dir_all(&pkg).with_context(|| format!("could not remove {}", pkg.display()))?;
    }
    for entry in &ENTRIES {
        build_entry(ws, options, entry)?;
    }
    let entry_files = ws.path("pkg-template/entry");
    copy_tree(&ws.path("pkg-template"), &pkg, &|path| path != entry_files)?;
    println!("build: package assembled in {}", pkg.display());
    Ok(())
}

/// Compiles, binds and optimises one entry's module into its directory of `pkg/`.
fn build_entry(ws: &Workspace, options: &BuildOptions, entry: &Entry) -> Result<()> {
    println!("build: {}", entry.specifier);
    let wasm = compile(ws, options, entry)?;
    let bindgen_dir = ws.target_dir.join("wasm-bindgen").join(match entry.subdir {
        "" => "root",
        subdir => subdir,
    });
    generate_bindings(ws, &wasm, &bindgen_dir)?;

    let out = ws.pkg_dir().join(entry.subdir);
    fs::create_dir_all(&out).with_context(|| format!("could not create {}", out.display()))?;
    let bindgen_module = bindgen_dir.join(MODULE_FILE);
    let pkg_module = out.join(MODULE_FILE);
    if options.skip_wasm_opt {
        println!("build: skipping wasm-opt (--no-wasm-opt)");
        copy_file(&bindgen_module, &pkg_module)?;
    } else {
        optimize(ws, &bindgen_module, &pkg_module)?;
    }
    copy_tree(&bindgen_dir, &out, &|path| path != bindgen_module)?;
    copy_tree(&ws.path("pkg-template/entry"), &out, &|_| true)?;
    let glue = out.join(GLUE_FILE);
    let text =
        fs::read_to_string(&glue).with_context(|| format!("could not read {}", glue.display()))?;
    fs::write(&glue, without_doc_comments(&text))
        .with_context(|| format!("could not write {}", glue.display()))?;
    print_size(entry, &pkg_module, &glue)
}

/// Builds the workspace's debug binaries: the emulator and the proxy that
/// `demo` starts and the tests run. `demo` and `test` build the same
/// selection, so switching between them does not rebuild with other features.
pub fn build_service_binaries(ws: &Workspace) -> Result<()> {
    process::run(Command::new("cargo").current_dir(&ws.root).args([
        "build",
        "--workspace",
        "--bins",
    ]))
}

/// The Cargo profile of the published module (size settings; see Cargo.toml).
const WASM_PROFILE: &str = "wasm-release";

fn compile(ws: &Workspace, options: &BuildOptions, entry: &Entry) -> Result<PathBuf> {
    let mut cmd = Command::new("cargo");
    cmd.current_dir(&ws.root).args([
        "build",
        "--profile",
        WASM_PROFILE,
        "--target",
        WASM_TARGET,
        "-p",
        LIBRARY_PACKAGE,
        "--lib",
    ]);
    if entry.core_only {
        cmd.arg("--no-default-features");
    }
    if let Some(level) = &options.opt_level {
        println!("build: CARGO_PROFILE_WASM_RELEASE_OPT_LEVEL={level}");
        cmd.env("CARGO_PROFILE_WASM_RELEASE_OPT_LEVEL", level);
    }
    process::run(&mut cmd)?;
    let wasm = ws
        .target_dir
        .join(WASM_TARGET)
        .join(WASM_PROFILE)
        .join(format!("{LIBRARY_CRATE}.wasm"));
    if !wasm.is_file() {
        bail!("cargo finished but {} is missing", wasm.display());
    }
    Ok(wasm)
}

fn generate_bindings(ws: &Workspace, wasm: &Path, out_dir: &Path) -> Result<()> {
    // Start empty so no file of an earlier build (an old snippet) reaches the package.
    if out_dir.exists() {
        fs::remove_dir_all(out_dir)
            .with_context(|| format!("could not remove {}", out_dir.display()))?;
    }
    let bindgen = find_program("wasm-bindgen")
        .context("wasm-bindgen is not installed: run `cargo xtask setup`")?;
    process::run(
        Command::new(bindgen)
            .current_dir(&ws.root)
            .args(["--target", "web", "--out-dir"])
            .arg(out_dir)
            .args(["--out-name", OUT_NAME])
            .arg(wasm),
    )
}

fn optimize(ws: &Workspace, input: &Path, output: &Path) -> Result<()> {
    // npm's binaryen, never Debian's (TOOLCHAIN.md); no feature flags: it reads them
    // from the module.
    let wasm_opt = ws.npm_bin("wasm-opt");
    if !wasm_opt.exists() {
        bail!(
            "{} is missing: run `cargo xtask setup` (npm ci)",
            wasm_opt.display()
        );
    }
    process::run(
        Command::new(wasm_opt)
            .args(WASM_OPT_FLAGS)
            .arg(input)
            .arg("-o")
            .arg(output),
    )
}

/// wasm-opt's passes. Measured on this module (gzipped wasm): `-Os` compresses
/// better than `-Oz` (about 1.2 KB less); `--converge` (repeat until nothing
/// shrinks) takes another 0.5 KB; `--gufa` and `-O3` only add. The producers
/// section names the toolchain and nothing reads it. No feature flags: wasm-opt
/// reads them from the module (TOOLCHAIN.md).
const WASM_OPT_FLAGS: &[&str] = &["-Os", "--converge", "--strip-debug", "--strip-producers"];

fn copy_file(from: &Path, to: &Path) -> Result<()> {
    fs::copy(from, to)
        .map(drop)
        .with_context(|| format!("could not copy {} to {}", from.display(), to.display()))
}

/// Copies every file under `from` into `to`, keeping relative paths, for the
/// paths `include` accepts (a directory it refuses is skipped whole).
fn copy_tree(from: &Path, to: &Path, include: &dyn Fn(&Path) -> bool) -> Result<()> {
    let entries =
        fs::read_dir(from).with_context(|| format!("could not read {}", from.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("could not read {}", from.display()))?;
        let source = entry.path();
        let target = to.join(entry.file_name());
        if !include(&source) {
            continue;
        }
        if source.is_dir() {
            fs::create_dir_all(&target)
                .with_context(|| format!("could not create {}", target.display()))?;
            copy_tree(&source, &target, include)?;
        } else {
            copy_file(&source, &target)?;
        }
    }
    Ok(())
}

/// The glue without the JSDoc blocks wasm-bindgen copies from the Rust doc
/// comments: about 3 KB of the 10 KB the glue weighs gzipped, downloaded by
/// every page. The same docs stay in `eiam_sync.d.ts`, which the glue names
/// (`@ts-self-types`) and editors read. Only whole-line blocks (`/**`, lines
/// starting with `*`, `*/`) go; anything else is left as it is.
fn without_doc_comments(js: &str) -> String {
    let lines: Vec<&str> = js.split_inclusive('\n').collect();
    let mut out = String::with_capacity(js.len());
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim() == "/**" {
            let rest = &lines[i + 1..];
            let body = rest.iter().position(|l| !l.trim().starts_with('*'));
            let end = rest.iter().position(|l| l.trim() == "*/");
            if let Some(end) = end.filter(|end| *end < body.unwrap_or(rest.len())) {
                i += end + 2;
                continue;
            }
        }
        out.push_str(lines[i]);
        i += 1;
    }
    out
}

/// The size of `bytes` after gzip at the best compression level.
pub fn gzipped_len(bytes: &[u8]) -> Result<usize> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len())
}

fn print_size(entry: &Entry, wasm: &Path, glue: &Path) -> Result<()> {
    let mut total = 0;
    let mut parts = Vec::new();
    for path in [wasm, glue] {
        let bytes = fs::read(path).with_context(|| format!("could not read {}", path.display()))?;
        let gz = gzipped_len(&bytes)?;
        total += gz;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        parts.push(format!("{name} {} B ({gz} B gz)", bytes.len()));
    }
    println!("build: {}: {}", entry.specifier, parts.join(", "));
    println!(
        "build: {}: gzipped size (best compression), wasm + glue: {total} B = {:.1} KB",
        entry.specifier,
        total as f64 / 1000.0
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_blocks_go_and_everything_else_stays() {
        let js = "/* @ts-self-types=\"./x.d.ts\" */\n/**\n * Doc.\n * @param {T} a\n */\nexport function f(a) {\n    /**\n     * Inner.\n     */\n    return a; /** not a block */\n}\n";
        assert_eq!(
            without_doc_comments(js),
            "/* @ts-self-types=\"./x.d.ts\" */\nexport function f(a) {\n    return a; /** not a block */\n}\n"
        );
        // A block that does not close as expected is kept whole.
        let open = "/**\n * a\nconst x = 1;\n */\n";
        assert_eq!(without_doc_comments(open), open);
        assert_eq!(without_doc_comments("/**\n * a"), "/**\n * a");
        assert_eq!(without_doc_comments("x\n/**\n * a\n */"), "x\n");
    }

    #[test]
    fn gzip_shrinks_repetitive_input() {
        let bytes = vec![b'a'; 10_000];
        let gz = gzipped_len(&bytes).expect("gzip into memory");
        assert!(gz < 100, "{gz}");
    }
}
