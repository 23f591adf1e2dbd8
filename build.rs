//! Embeds the GDPR extract (`law/gdpr.json`, 0.95 MB of JSON) deflated: it is read only when a
//! command quotes the law, and compressed it keeps the release binary under 15 MB.

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=law/gdpr.json");
    let text = std::fs::read("law/gdpr.json").expect("law/gdpr.json is in the repository");
    let deflated = miniz_oxide::deflate::compress_to_vec(&text, 9);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("gdpr.json.deflate"), deflated).expect("OUT_DIR is writable");
}
