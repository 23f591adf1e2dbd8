//! Nested projects: a nearer rpcheck.toml replaces the outer one unless it says `extend`, and
//! then inherits it key by key. The record used is `examples/records/bostadskon.toml`, whose
//! `[controller]` names only the DPO: it lints clean only when the controller's name and contact
//! are inherited from a project file.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{root, rpcheck, scratch};

/// The example project file: `lang = "en"` and a `[controller]` with name and contact.
fn outer_config() -> String {
    std::fs::read_to_string(root().join("examples/rpcheck.toml")).expect("examples/rpcheck.toml")
}

/// Write `text` at `relative` below `dir`, creating folders.
fn write(dir: &Path, relative: &str, text: &str) {
    let path = dir.join(relative);
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("create folders");
    std::fs::write(path, text).expect("write a file");
}

/// The example record under the id `id`, at `relative` below `dir`.
fn record(dir: &Path, relative: &str, id: &str) {
    let text = std::fs::read_to_string(root().join("examples/records/bostadskon.toml")).expect("example record");
    write(dir, relative, &text.replace("id = \"bostadskon\"", &format!("id = \"{id}\"")));
}

/// A project with the example rpcheck.toml at its root and one clean record under `records/`.
fn outer_project(name: &str) -> PathBuf {
    let dir = scratch("nested", name);
    write(&dir, "rpcheck.toml", &outer_config());
    record(&dir, "records/outer.toml", "outer");
    dir
}

fn lint(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let mut all = vec!["lint", "--format", "concise"];
    all.extend_from_slice(args);
    let Output { status, stdout, stderr } = rpcheck(&all, dir);
    (status.code(), String::from_utf8_lossy(&stdout).into_owned(), String::from_utf8_lossy(&stderr).into_owned())
}

/// `text` without white space and the frame of a wrapped error message, to compare it whole.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace() && *c != '│').collect()
}

#[test]
fn a_nearer_project_file_replaces_the_outer_one() {
    let dir = outer_project("replace");
    write(&dir, "teams/hr/rpcheck.toml", "lang = \"en\"\n");
    record(&dir, "teams/hr/hr.toml", "hr");
    let (code, out, err) = lint(&dir, &[]);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(out.contains("teams/hr/hr.toml") && out.contains("gdpr/controller-identity"), "{out}");
    assert!(!out.contains("records/outer.toml"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn extend_inherits_settings_and_the_controller_key_by_key() {
    let dir = outer_project("inherit");
    // The inner [controller] sets only the DPO: name and contact still come from the outer file.
    write(&dir, "teams/hr/rpcheck.toml", "extend = \"../../rpcheck.toml\"\n[controller]\ndpo = \"dso@hr.example\"\n");
    record(&dir, "teams/hr/hr.toml", "hr");
    let (code, out, err) = lint(&dir, &[]);
    assert_eq!(code, Some(0), "{out}{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn what_the_inner_file_sets_wins_and_rules_merge_entry_by_entry() {
    let dir = scratch("nested", "override");
    let outer = "lang = \"en\"\n[rules]\n\"gdpr/controller-identity\" = \"warning\"\n\"gdpr/dpia\" = \"error\"\n";
    write(&dir, "rpcheck.toml", outer);
    let inner = "extend = \"../rpcheck.toml\"\nlang = \"sv\"\n[rules]\n\"gdpr/dpia\" = \"off\"\n";
    write(&dir, "hr/rpcheck.toml", inner);
    record(&dir, "hr/hr.toml", "hr");
    let (code, out, err) = lint(&dir, &[]);
    // Swedish from the inner file, the outer rule's level kept, no error left: exit 0.
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("varning[gdpr/controller-identity]"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn extend_chains_through_several_files() {
    let dir = outer_project("chain");
    write(&dir, "a/rpcheck.toml", "extend = \"../rpcheck.toml\"\nreview_interval_months = 24\n");
    write(&dir, "a/b/rpcheck.toml", "extend = \"../rpcheck.toml\"\n");
    record(&dir, "a/b/deep.toml", "deep");
    let (code, out, err) = lint(&dir, &["a/b"]);
    assert_eq!(code, Some(0), "{out}{err}");
    // Break the chain in the middle: the nearest file then replaces the rest.
    write(&dir, "a/rpcheck.toml", "review_interval_months = 24\n");
    let (code, out, _) = lint(&dir, &["a/b"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("gdpr/controller-identity"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_cycle_is_a_config_error_on_the_extend_value_naming_the_chain() {
    let dir = outer_project("cycle");
    write(&dir, "rpcheck.toml", &format!("extend = \"hr/rpcheck.toml\"\n{}", outer_config()));
    write(&dir, "hr/rpcheck.toml", "extend = \"../rpcheck.toml\"\n");
    record(&dir, "hr/hr.toml", "hr");
    let (code, out, err) = lint(&dir, &["hr"]);
    assert_eq!(code, Some(2), "{out}{err}");
    assert!(squeezed(&err).contains("makesacycle:hr/rpcheck.toml→rpcheck.toml→hr/rpcheck.toml"), "{err}");
    // Drawn on the value of the `extend` that closes the cycle.
    assert!(err.contains("[rpcheck.toml:1:10]"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_missing_file_to_extend_is_a_config_error_on_the_extend_value() {
    let dir = outer_project("missing");
    write(&dir, "hr/rpcheck.toml", "lang = \"sv\"\nextend = \"../nowhere/rpcheck.toml\"\n");
    record(&dir, "hr/hr.toml", "hr");
    let (code, out, err) = lint(&dir, &["hr"]);
    assert_eq!(code, Some(2), "{out}{err}");
    assert!(squeezed(&err).contains("cannotextendnowhere/rpcheck.toml"), "{err}");
    assert!(err.contains("[hr/rpcheck.toml:2:10]"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_inherited_mistake_is_drawn_in_the_file_that_makes_it() {
    let dir = outer_project("inherited-mistake");
    write(&dir, "rpcheck.toml", &format!("{}\n[rules]\n\"gdpr/dpai\" = \"off\"\n", outer_config()));
    write(&dir, "hr/rpcheck.toml", "extend = \"../rpcheck.toml\"\n[rules]\n\"gdpr/dpia\" = \"warning\"\n");
    record(&dir, "hr/hr.toml", "hr");
    let (code, out, err) = lint(&dir, &["hr"]);
    assert_eq!(code, Some(2), "{out}{err}");
    assert!(squeezed(&err).contains("invalidconfigurationrpcheck.toml:unknownrule`gdpr/dpai`"), "{err}");
    assert!(err.contains("did you mean `gdpr/dpia`?"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn extend_names_a_file_called_rpcheck_toml() {
    let dir = outer_project("name");
    write(&dir, "base.toml", &outer_config());
    write(&dir, "hr/rpcheck.toml", "extend = \"../base.toml\"\n");
    record(&dir, "hr/hr.toml", "hr");
    let (code, out, err) = lint(&dir, &["hr"]);
    assert_eq!(code, Some(2), "{out}{err}");
    assert!(squeezed(&err).contains("`extend`namesbase.toml,whichisnorpcheck.toml"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn inherited_paths_and_globs_stay_relative_to_the_file_that_writes_them() {
    let dir = outer_project("relative");
    let pack = std::fs::read_to_string(root().join("examples/custom-pack/policies/kommunen.toml")).expect("pack");
    write(&dir, "policies/kommunen.toml", &pack);
    let outer = format!("policies = [\"policies/kommunen.toml\"]\nexclude = [\"hr/drafts/**\"]\n{}", outer_config());
    write(&dir, "rpcheck.toml", &outer);
    write(&dir, "hr/rpcheck.toml", "extend = \"../rpcheck.toml\"\n");
    record(&dir, "hr/hr.toml", "hr");
    record(&dir, "hr/drafts/draft.toml", "draft");
    let text = std::fs::read_to_string(dir.join("hr/hr.toml")).expect("record");
    write(&dir, "hr/hr.toml", &text.replace("tvåfaktorsinloggning", "lösenord"));
    let (code, out, err) = lint(&dir, &["hr"]);
    // The outer pack's rule runs on the inner record; the outer glob leaves out the draft.
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(out.contains("hr/hr.toml") && out.contains("kommunen/mfa"), "{out}");
    assert!(!out.contains("draft"), "{out}");
    // The inner file's own list replaces the inherited one, relative to its own folder.
    write(&dir, "hr/rpcheck.toml", "extend = \"../rpcheck.toml\"\nexclude = [\"hr.toml\"]\n");
    let (code, out, err) = lint(&dir, &["hr"]);
    assert_eq!(code, Some(0), "{out}{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A project whose rpcheck.toml names a pack and no controller, so that every record it governs
/// has a finding: one record at the root, one in a nested project that extends it, one in a
/// nested project of its own that names the same pack, and one in a nested project of its own.
fn governing_project(name: &str) -> PathBuf {
    let dir = scratch("nested", name);
    let pack = std::fs::read_to_string(root().join("examples/custom-pack/policies/kommunen.toml")).expect("pack");
    write(&dir, "policies/kommunen.toml", &pack);
    write(&dir, "rpcheck.toml", "lang = \"en\"\npolicies = [\"policies/kommunen.toml\"]\n");
    write(&dir, "hr/rpcheck.toml", "extend = \"../rpcheck.toml\"\n");
    write(&dir, "named/rpcheck.toml", "lang = \"en\"\npolicies = [\"../policies/kommunen.toml\"]\n");
    write(&dir, "own/rpcheck.toml", "lang = \"en\"\n");
    let records =
        [("records/outer.toml", "outer"), ("hr/hr.toml", "hr"), ("named/named.toml", "named"), ("own/own.toml", "own")];
    for (place, id) in records {
        record(&dir, place, id);
    }
    dir
}

#[test]
fn a_project_file_given_to_lint_checks_every_record_it_governs() {
    let dir = governing_project("config");
    write(&dir, "Cargo.toml", "[package]\nname = \"x\"\n");
    // As the pre-commit hook runs it on a commit that changes only rpcheck.toml (and Cargo.toml).
    let (code, out, err) = lint(&dir, &["--force-exclude", "rpcheck.toml", "Cargo.toml"]);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(out.contains("records/outer.toml:") && out.contains("hr/hr.toml:"), "{out}");
    assert!(!out.contains("named.toml") && !out.contains("own.toml") && !out.contains("Cargo.toml"), "{out}");
    // The nested file that extends it governs only its own folder.
    let (_, out, _) = lint(&dir, &["--force-exclude", "hr/rpcheck.toml"]);
    assert!(out.contains("hr/hr.toml:") && !out.contains("outer.toml"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_pack_given_to_lint_checks_every_record_of_the_projects_that_name_it() {
    let dir = governing_project("pack");
    let (code, out, err) = lint(&dir, &["--force-exclude", "policies/kommunen.toml"]);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(out.contains("records/outer.toml:") && out.contains("hr/hr.toml:"), "{out}");
    assert!(out.contains("named/named.toml:"), "{out}");
    assert!(!out.contains("own.toml") && !out.contains("policies/kommunen.toml:"), "{out}");
    // Another TOML file that no rpcheck.toml names as a pack is no record: nothing to check.
    write(&dir, "policies/notes.toml", "[notes]\ntext = \"x\"\n");
    let (code, out, err) = lint(&dir, &["--force-exclude", "policies/notes.toml"]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.is_empty(), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_baseline_given_to_lint_checks_the_records_of_its_own_project() {
    let dir = governing_project("baseline");
    write(&dir, "rpcheck-baseline.toml", "version = 1\n");
    // As the pre-commit hook runs it on a commit that changes only the baseline.
    let (code, out, err) = lint(&dir, &["--force-exclude", "rpcheck-baseline.toml"]);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(out.contains("records/outer.toml:"), "{out}");
    assert!(!out.contains("hr.toml") && !out.contains("named.toml") && !out.contains("own.toml"), "{out}");
    assert!(!out.contains("rpcheck-baseline.toml:"), "the baseline is no record: {out}");
    let _ = std::fs::remove_dir_all(&dir);
}
