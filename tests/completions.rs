//! Shell completions and man pages, generated from the command-line definitions.

use std::path::Path;
use std::process::{Command, Output};

fn rpcheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rpcheck")).args(args).output().expect("rpcheck runs")
}

fn stdout(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn bash_completion_knows_the_subcommands_and_is_valid_bash() {
    let script = stdout(&rpcheck(&["completions", "bash"]));
    for word in ["lint", "init", "--format", "--force-exclude"] {
        assert!(script.contains(word), "the bash script does not mention {word}");
    }
    let dir = std::env::temp_dir().join(format!("rpcheck-completions-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let file = dir.join("rpcheck.bash");
    std::fs::write(&file, &script).expect("write script");
    // `bash -n` parses without running: a broken script fails here, not in a user's shell.
    let parsed = Command::new("bash").arg("-n").arg(&file).status().expect("bash runs");
    assert!(parsed.success(), "bash cannot parse the completion script");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_shell_gets_a_script() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        assert!(stdout(&rpcheck(&["completions", shell])).contains("rpcheck"), "{shell}");
    }
    assert_eq!(rpcheck(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn man_pages_for_every_subcommand() {
    assert!(stdout(&rpcheck(&["man"])).starts_with(".ie"), "man prints roff");
    let dir = std::env::temp_dir().join(format!("rpcheck-man-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    stdout(&rpcheck(&["man", "--out-dir", dir.to_str().expect("utf-8 temp dir")]));
    let page = |name: &str| std::fs::read_to_string(Path::new(&dir).join(name)).unwrap_or_default();
    assert!(page("rpcheck.1").contains(".TH rpcheck 1"));
    let lint = page("rpcheck-lint.1");
    assert!(lint.contains(".TH rpcheck-lint 1"), "rpcheck-lint.1 is missing or has no title");
    assert!(lint.contains("force\\-exclude"), "rpcheck-lint.1 does not document --force-exclude");
    assert!(page("rpcheck-init.1").contains(".TH rpcheck-init 1"));
    let _ = std::fs::remove_dir_all(&dir);
}
