//! Where things are: the repository root, Cargo's target directory (which
//! honours `CARGO_TARGET_DIR`), and the test targets of the library package.

use crate::process;
use anyhow::{anyhow, Context, Result};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The name of the library package in the root Cargo.toml.
pub const LIBRARY_PACKAGE: &str = "eiam-sync";
/// The library's crate name: the stem of the `.wasm` Cargo writes.
pub const LIBRARY_CRATE: &str = "eiam_sync";
/// The Rust target the npm package is built for.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The paths every command works with.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// The repository root: the directory of the root `Cargo.toml`.
    pub root: PathBuf,
    /// Cargo's target directory, as `cargo metadata` reports it.
    pub target_dir: PathBuf,
    /// Names of the `[[test]]` targets of the library package (e.g. `wasm_node`).
    pub library_tests: Vec<String>,
}

impl Workspace {
    /// Finds the repository root and asks `cargo metadata` for the rest.
    pub fn load() -> Result<Self> {
        let root = repository_root();
        let mut cmd = Command::new("cargo");
        cmd.current_dir(&root)
            .args(["metadata", "--format-version", "1", "--no-deps"]);
        let line = process::describe(&cmd);
        let output = cmd
            .output()
            .with_context(|| format!("could not start `{line}`"))?;
        if !output.status.success() {
            return Err(anyhow!(
                "`{line}` failed ({}): {}",
                output.status,
                String::from_utf8_lossy(&output.stderr).trim()
            ));
        }
        let metadata: Value = serde_json::from_slice(&output.stdout)
            .with_context(|| format!("`{line}` printed something that is not JSON"))?;
        let (target_dir, library_tests) = read_metadata(&metadata)?;
        Ok(Self {
            root,
            target_dir,
            library_tests,
        })
    }

    /// A path inside the repository.
    pub fn path(&self, relative: impl AsRef<Path>) -> PathBuf {
        self.root.join(relative)
    }

    /// The assembled npm package directory (`pkg/`).
    pub fn pkg_dir(&self) -> PathBuf {
        self.path("pkg")
    }

    /// A program installed by `npm ci` in the root `node_modules/.bin`.
    pub fn npm_bin(&self, name: &str) -> PathBuf {
        self.root.join("node_modules").join(".bin").join(name)
    }

    /// Whether the library package has a test target of this name.
    pub fn has_library_test(&self, name: &str) -> bool {
        self.library_tests.iter().any(|test| test == name)
    }
}

/// The repository root, known at compile time: xtask lives in `<root>/xtask`.
pub fn repository_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().unwrap_or(manifest_dir).to_path_buf()
}

fn read_metadata(metadata: &Value) -> Result<(PathBuf, Vec<String>)> {
    let target_dir = metadata
        .get("target_directory")
        .and_then(Value::as_str)
        .ok_or_else(|| anyhow!("`cargo metadata` output has no `target_directory`"))?;
    let library_tests = metadata
        .get("packages")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|package| package.get("name").and_then(Value::as_str) == Some(LIBRARY_PACKAGE))
        .flat_map(|package| package.get("targets").and_then(Value::as_array))
        .flatten()
        .filter(|target| {
            target
                .get("kind")
                .and_then(Value::as_array)
                .is_some_and(|kinds| kinds.iter().any(|kind| kind == "test"))
        })
        .filter_map(|target| target.get("name").and_then(Value::as_str))
        .map(str::to_owned)
        .collect();
    Ok((PathBuf::from(target_dir), library_tests))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_target_dir_and_test_targets_of_the_library_only() {
        let metadata = serde_json::json!({
            "target_directory": "/tmp/t",
            "packages": [
                { "name": "eiam-sync", "targets": [
                    { "name": "eiam_sync", "kind": ["cdylib", "rlib"] },
                    { "name": "wasm_node", "kind": ["test"] }
                ]},
                { "name": "xtask", "targets": [ { "name": "other", "kind": ["test"] } ] }
            ]
        });
        let (target_dir, tests) = read_metadata(&metadata).expect("metadata is complete");
        assert_eq!(target_dir, PathBuf::from("/tmp/t"));
        assert_eq!(tests, vec!["wasm_node".to_owned()]);
    }

    #[test]
    fn missing_target_dir_is_an_error() {
        assert!(read_metadata(&serde_json::json!({ "packages": [] })).is_err());
    }
}
