//! The same input gives byte-identical output whatever the thread count.

use std::path::Path;
use std::process::Command;

fn lint(threads: &str, format: &str) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_rpcheck"))
        .args([
            "lint",
            "--format",
            format,
            "examples",
            "tests/data/broken",
            "tests/data/waivers",
            "tests/data/duplicates",
            "tests/hostile",
        ])
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .env("RPCHECK_TODAY", "2026-11-24")
        .env("RAYON_NUM_THREADS", threads)
        .output()
        .expect("rpcheck runs");
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

#[test]
fn output_does_not_depend_on_the_thread_count() {
    for format in ["json", "sarif", "concise"] {
        let one = lint("1", format);
        assert!(!one.is_empty());
        for threads in ["2", "7"] {
            assert!(one == lint(threads, format), "{format} output differs with {threads} threads");
        }
    }
}
