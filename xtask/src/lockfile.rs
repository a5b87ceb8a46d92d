//! Reads package versions out of `Cargo.lock` (a TOML file of `[[package]]`
//! tables with `name` and `version` keys, one per line, as Cargo writes it).

use anyhow::{bail, Context, Result};
use std::path::Path;

/// The one version of `package` recorded in the lock file at `lock_path`;
/// an error when the package is absent or locked at several versions.
pub fn locked_version(lock_path: &Path, package: &str) -> Result<String> {
    let text = std::fs::read_to_string(lock_path)
        .with_context(|| format!("could not read {}", lock_path.display()))?;
    let mut versions = versions_in(&text, package);
    versions.dedup();
    match versions.as_slice() {
        [version] => Ok(version.clone()),
        [] => bail!("{} does not list `{package}`", lock_path.display()),
        many => bail!(
            "{} locks `{package}` at several versions ({}); the CLI can match only one",
            lock_path.display(),
            many.join(", ")
        ),
    }
}

/// Every version recorded for `package` in the text of a lock file, in order.
pub fn versions_in(lock_text: &str, package: &str) -> Vec<String> {
    let mut versions = Vec::new();
    let mut name: Option<&str> = None;
    let mut version: Option<&str> = None;
    let mut flush = |name: &mut Option<&str>, version: &mut Option<&str>| {
        if let (Some(n), Some(v)) = (name.take(), version.take()) {
            if n == package {
                versions.push(v.to_owned());
            }
        }
    };
    for line in lock_text.lines().map(str::trim) {
        if line == "[[package]]" {
            flush(&mut name, &mut version);
        } else if let Some(value) = string_value(line, "name") {
            name = Some(value);
        } else if let Some(value) = string_value(line, "version") {
            version = Some(value);
        }
    }
    flush(&mut name, &mut version);
    versions
}

/// The string value of a `key = "value"` line, if the line is that key.
fn string_value<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let rest = line
        .strip_prefix(key)?
        .trim_start()
        .strip_prefix('=')?
        .trim();
    rest.strip_prefix('"')?.strip_suffix('"')
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
version = 4

[[package]]
name = "wasm-bindgen-macro"
version = "0.2.130"

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "wasm-bindgen-macro",
]

[[package]]
name = "serde"
version = "1.0.228"
"#;

    #[test]
    fn finds_the_exact_package_not_a_prefix() {
        assert_eq!(
            versions_in(LOCK, "wasm-bindgen"),
            vec!["0.2.130".to_owned()]
        );
        assert_eq!(versions_in(LOCK, "serde"), vec!["1.0.228".to_owned()]);
        assert!(versions_in(LOCK, "wasm").is_empty());
    }

    #[test]
    fn ignores_the_lock_format_version() {
        assert!(versions_in(LOCK, "").is_empty());
        assert_eq!(string_value("version = 4", "version"), None);
    }
}
