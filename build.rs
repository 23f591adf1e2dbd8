//! Prepares two embedded texts so that reading them costs little at run time:
//! - the built-in rule packs (`policies/*.toml`, 170 KB) as JSON, which serde reads faster than
//!   TOML: every run loads them, and a one-record lint took 1.34x as long with TOML;
//! - the GDPR extract (`law/gdpr.json`, 0.95 MB) deflated: it is read only when a command quotes
//!   the law, and compressed it keeps the release binary under 15 MB.

use std::path::{Path, PathBuf};

/// The built-in packs, as `src/policy/mod.rs` embeds them.
const PACKS: [&str; 3] = ["record", "gdpr", "se"];

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for pack in PACKS {
        let path = format!("policies/{pack}.toml");
        println!("cargo::rerun-if-changed={path}");
        std::fs::write(out.join(format!("{pack}.json")), pack_as_json(Path::new(&path))).expect("OUT_DIR is writable");
    }
    println!("cargo::rerun-if-changed=law/gdpr.json");
    let text = std::fs::read("law/gdpr.json").expect("law/gdpr.json is in the repository");
    let deflated = miniz_oxide::deflate::compress_to_vec(&text, 9);
    std::fs::write(out.join("gdpr.json.deflate"), deflated).expect("OUT_DIR is writable");
}

/// A pack's TOML as JSON. A broken built-in pack stops the build with the TOML parser's message,
/// which names the line and column.
fn pack_as_json(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("the built-in packs are in the repository");
    let value: toml::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::to_string(&value).expect("TOML values are JSON values")
}
