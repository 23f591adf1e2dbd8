#!/usr/bin/env bash
# Integration test with the real pre-commit client (from PyPI) and this repository's hook, as it
# is in the working tree (built once by pre-commit itself), on scratch git repositories:
#  1. examples/custom-pack, all files: the hook fails for the record's finding and reports no
#     finding on the policy pack or rpcheck.toml (they are no records);
#  2. a project whose only record is clean, the hook installed in git: a first commit passes; a
#     commit that changes only rpcheck.toml is blocked when the change creates an error (a rule
#     raised to error in [rules], the controller's name removed), and passes when it creates none.
# Needs network access to PyPI and crates.io; takes a release build.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache" RPCHECK_TODAY=2026-11-24 NO_COLOR=1
export GIT_AUTHOR_NAME=rpcheck-test GIT_AUTHOR_EMAIL=test@example.invalid
export GIT_COMMITTER_NAME=rpcheck-test GIT_COMMITTER_EMAIL=test@example.invalid
# pre-commit builds the hook with `cargo install` (the release profile); its whole-program LTO in
# one codegen unit makes a lean binary but only slows this test's build, so thin LTO here.
export CARGO_PROFILE_RELEASE_LTO=thin CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet pre-commit
pre_commit="$work/venv/bin/pre-commit"

# The hook repository: the working tree's files (uncommitted changes too) committed in a scratch
# repository, so that every project below uses one build of the hook at one revision.
hooks="$work/hooks" && mkdir "$hooks"
(cd "$repo" && git ls-files -z --cached --others --exclude-standard |
  tar --null --ignore-failed-read -T - -cf - 2>/dev/null) | tar -C "$hooks" -xf -
git -C "$hooks" init --quiet && git -C "$hooks" add -A && git -C "$hooks" commit --quiet -m hooks
rev=$(git -C "$hooks" rev-parse HEAD)

new_project() { # DIR: a git repository with the hook configured (verbose: its output even when it passes)
  mkdir -p "$1" && git -C "$1" init --quiet
  printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: rpcheck\n        verbose: true\n' "$hooks" "$rev" \
    >"$1/.pre-commit-config.yaml"
}
expect() { # WANTED-EXIT LABEL CMD...: run CMD, print its output, fail unless it exits WANTED-EXIT
  local wanted=$1 label=$2 code=0
  shift 2
  "$@" >"$work/out.txt" 2>&1 || code=$?
  sed 's/^/    /' "$work/out.txt"
  [ "$code" -eq "$wanted" ] || { echo "$label: expected exit $wanted, got $code"; exit 1; }
  echo "$label: ok"
}

# 1. The custom-pack example, every file.
new_project "$work/custom" && cd "$work/custom"
cp -r "$repo/examples/custom-pack/." . && git add -A
expect 1 "custom-pack, all files" "$pre_commit" run rpcheck --all-files
grep -q "kommunen/mfa" "$work/out.txt" || { echo "the record's finding is missing"; exit 1; }
if grep -q "policies/kommunen.toml:\|rpcheck.toml:" "$work/out.txt"; then
  echo "the hook linted a file that is no record"; exit 1
fi

# 2. Commits that change only rpcheck.toml, through the hook installed in git.
new_project "$work/project" && cd "$work/project"
mkdir records && cp "$repo/examples/records/bostadskon.toml" records/
# Reviewed every 6 months, the record is overdue: a warning, which lets a commit pass.
sed 's/^review_interval_months = 12$/review_interval_months = 6/' "$repo/examples/rpcheck.toml" >rpcheck.toml
grep -q '^review_interval_months = 6$' rpcheck.toml || { echo "examples/rpcheck.toml changed shape"; exit 1; }
"$pre_commit" install >/dev/null && git add -A
expect 0 "first commit (a warning only)" git commit -m "records"
grep -q "rpcheck.*Passed" "$work/out.txt" || { echo "the hook did not run on the first commit"; exit 1; }
commit_config() { # LABEL WANTED-EXIT FINDING: commit the changed rpcheck.toml alone
  git add rpcheck.toml
  expect "$2" "$1" git commit -m "$1"
  [ -z "$3" ] || grep -q "$3" "$work/out.txt" || { echo "$1: $3 is not reported"; exit 1; }
  git reset --quiet --hard
}
printf '\n[rules]\n"record/review-overdue" = "error"\n' >>rpcheck.toml
commit_config "rpcheck.toml raises a rule to error" 1 "error\[record/review-overdue\]"
sed -i '/^name = /d' rpcheck.toml
commit_config "rpcheck.toml loses the controller's name" 1 "gdpr/controller-identity"
sed -i 's/^lang = "en"$/lang = "sv"/' rpcheck.toml
commit_config "rpcheck.toml changes the language" 0 "varning\[record/review-overdue\]"
echo "pre-commit hook: ok"
