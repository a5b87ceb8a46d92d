//! Maps request paths to files under a few mounted directories, safely: no
//! `..`, no encoded separators, and the canonical file must stay inside its
//! mount (so a symbolic link cannot lead out either). Also the MIME types.

use std::path::{Path, PathBuf};

/// A directory served under a URL prefix (`"/pkg/"`, or `"/"` for the fallback).
#[derive(Debug, Clone)]
pub struct Mount {
    /// The URL prefix, starting and ending with `/`.
    pub prefix: &'static str,
    /// The directory, canonicalised.
    pub dir: PathBuf,
}

/// Why a request path does not name a servable file.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The path is malformed or tries to leave its mount (HTTP 400).
    BadPath,
    /// No such file (HTTP 404).
    NotFound,
}

/// The file a request target (path plus optional query) names, trying the mounts in
/// order (put `/` last). A directory serves its `index.html`.
pub fn resolve(mounts: &[Mount], target: &str) -> Result<PathBuf, Refusal> {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let mount = mounts
        .iter()
        .find(|mount| path.starts_with(mount.prefix))
        .ok_or(Refusal::NotFound)?;
    let relative = safe_relative_path(&path[mount.prefix.len()..])?;
    let mut file = mount.dir.join(relative);
    if file.is_dir() {
        file.push("index.html");
    }
    let canonical = file.canonicalize().map_err(|_| Refusal::NotFound)?;
    if !canonical.starts_with(&mount.dir) {
        return Err(Refusal::BadPath);
    }
    if !canonical.is_file() {
        return Err(Refusal::NotFound);
    }
    Ok(canonical)
}

/// Decodes the part of a URL path below its mount into a relative path made only
/// of normal segments; anything that could climb out is refused.
fn safe_relative_path(encoded: &str) -> Result<PathBuf, Refusal> {
    let mut relative = PathBuf::new();
    for raw_segment in encoded.split('/') {
        let bytes = percent_decode(raw_segment).ok_or(Refusal::BadPath)?;
        let segment = String::from_utf8(bytes).map_err(|_| Refusal::BadPath)?;
        if segment.is_empty() {
            continue;
        }
        let forbidden = segment == "."
            || segment == ".."
            || segment.contains(['/', '\\', '\0', ':'])
            || segment.starts_with('~');
        if forbidden {
            return Err(Refusal::BadPath);
        }
        relative.push(segment);
    }
    Ok(relative)
}

/// Decodes `%XX` escapes; `None` for a malformed escape.
fn percent_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        if byte == b'%' {
            let hex = bytes.get(index + 1..index + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            decoded.push(u8::from_str_radix(hex, 16).ok()?);
            index += 3;
        } else {
            decoded.push(byte);
            index += 1;
        }
    }
    Some(decoded)
}

/// The `Content-Type` for a file, by extension.
pub fn content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|extension| extension.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    match extension.as_str() {
        "wasm" => "application/wasm",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json",
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "ts" | "txt" | "md" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// A scratch tree per test (tests run in parallel).
    fn fixture(test: &str) -> (PathBuf, Vec<Mount>) {
        let base = std::env::temp_dir().join(format!("xtask-{test}-{}", std::process::id()));
        let www = base.join("www");
        let pkg = base.join("pkg");
        fs::create_dir_all(www.join("sub")).expect("create www");
        fs::create_dir_all(&pkg).expect("create pkg");
        fs::write(www.join("index.html"), "<!doctype html>").expect("write");
        fs::write(www.join("sub").join("a b.js"), "").expect("write");
        fs::write(pkg.join("eiam_sync_bg.wasm"), "").expect("write");
        fs::write(base.join("secret.txt"), "secret").expect("write");
        let mounts = vec![
            Mount {
                prefix: "/pkg/",
                dir: pkg.canonicalize().expect("pkg exists"),
            },
            Mount {
                prefix: "/",
                dir: www.canonicalize().expect("www exists"),
            },
        ];
        (base, mounts)
    }

    #[test]
    fn serves_files_and_index_pages() {
        let (base, mounts) = fixture("serves");
        let index = resolve(&mounts, "/").expect("index");
        assert!(index.ends_with("www/index.html"));
        assert!(resolve(&mounts, "/index.html?v=1").is_ok());
        assert!(resolve(&mounts, "/sub/a%20b.js").is_ok());
        assert!(resolve(&mounts, "/pkg/eiam_sync_bg.wasm").is_ok());
        assert_eq!(resolve(&mounts, "/missing.js"), Err(Refusal::NotFound));
        fs::remove_dir_all(base).ok();
    }

    #[test]
    fn refuses_every_way_out() {
        let (base, mounts) = fixture("refuses");
        for target in [
            "/../secret.txt",
            "/pkg/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E/secret.txt",
            "/.%2e/secret.txt",
            "/sub%2f..%2f..%2fsecret.txt",
            "/..%5csecret.txt",
            "/%2e%2e%5csecret.txt",
            "/%00",
            "/%zz",
            "/%2",
        ] {
            assert_eq!(resolve(&mounts, target), Err(Refusal::BadPath), "{target}");
        }
        fs::remove_dir_all(base).ok();
    }

    #[test]
    fn names_the_types_browsers_need() {
        assert_eq!(content_type(Path::new("a.wasm")), "application/wasm");
        assert!(content_type(Path::new("a.mjs")).starts_with("text/javascript"));
        assert!(content_type(Path::new("a.JS")).starts_with("text/javascript"));
        assert_eq!(content_type(Path::new("a.json")), "application/json");
        assert_eq!(content_type(Path::new("a.svg")), "image/svg+xml");
        assert!(content_type(Path::new("a.html")).starts_with("text/html"));
        assert!(content_type(Path::new("a.css")).starts_with("text/css"));
    }
}
