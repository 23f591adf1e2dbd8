#!/usr/bin/env bash
# Integration test with the real pre-commit client (from PyPI): this repository's hook, built by
# pre-commit itself, run on a scratch git repository holding examples/custom-pack.
# Passes when the hook fails the commit for the record's finding and leaves the policy pack and
# rpcheck.toml alone. Needs network access to PyPI and crates.io; takes a release build.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet pre-commit
mkdir "$work/project" && cd "$work/project"
git init --quiet
cp -r "$repo/examples/custom-pack/." .
git add -A
# pre-commit builds the hook with `cargo install` (the release profile); its whole-program LTO in
# one codegen unit makes a lean binary but only slows this test's build, so thin LTO here.
export CARGO_PROFILE_RELEASE_LTO=thin CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
set +e
"$work/venv/bin/pre-commit" try-repo "$repo" rpcheck --all-files >"$work/out.txt" 2>&1
code=$?
set -e
cat "$work/out.txt"
[ "$code" -eq 1 ] || { echo "expected the hook to fail the run (exit 1), got $code"; exit 1; }
grep -q "kommunen/mfa" "$work/out.txt" || { echo "the record's finding is missing"; exit 1; }
if grep -q "policies/kommunen.toml\|rpcheck.toml:" "$work/out.txt"; then
  echo "the hook linted a file that is no record"; exit 1
fi
echo "pre-commit hook: ok"
