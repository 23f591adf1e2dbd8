//! Helpers shared by the integration tests. Each test crate uses the part it needs.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The built binary, set to run in `cwd` as the tests expect: a fixed day, no colour, and no CI
/// environment of the machine running the tests (GitHub's or GitLab's variables change output).
pub fn command(args: &[&str], cwd: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rpcheck"));
    command
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env("RPCHECK_TODAY", "2026-11-24")
        .env_remove("GITHUB_WORKSPACE")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("CI_PROJECT_DIR");
    command
}

/// Run the built binary in `cwd` (see [`command`]) to its end.
pub fn rpcheck(args: &[&str], cwd: &Path) -> Output {
    command(args, cwd).output().expect("the rpcheck binary runs")
}

/// A run's exit code and output, as the CLI snapshots hold them.
pub fn transcript(out: &Output) -> String {
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        out.status.code().map_or("signal".to_string(), |c| c.to_string()),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A fresh, empty folder for one test of one suite, outside the repository.
pub fn scratch(suite: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rpcheck-{suite}-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

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
