//! Helpers shared by the integration tests.

use std::path::Path;

/// Fail unless the committed file at `relative` equals `generated`; with RPCHECK_BLESS set,
/// rewrite it first. `regenerate` is the command that writes it, for the failure message.
pub fn assert_fresh(relative: &str, generated: &str, regenerate: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    if std::env::var_os("RPCHECK_BLESS").is_some() {
        std::fs::write(&path, generated).expect("write the generated file");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == generated, "{relative} is stale: run `{regenerate}` (or RPCHECK_BLESS=1 cargo test)");
}
