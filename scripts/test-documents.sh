#!/usr/bin/env bash
# External checks of the generated documents, with the real readers and checkers:
#  - every HTML page (notices, register, report) through the Nu HTML Checker (vnu-jar, npm;
#    needs Java) with no errors, and through axe-core in headless Chromium (Debian's chromium
#    driven by playwright-core, npm) with no violations;
#  - the csv and xlsx registers read back by openpyxl and Python's csv module (PyPI, in a venv);
#  - the dpv register parsed as JSON-LD by rdflib, offline (PyPI, same venv);
#  - every HTML page rendered to a PNG in target/documents/png so a person can look at it.
# It installs what it needs (apt-get: chromium, a Java runtime; npm; pip) and skips nothing:
# any missing tool or failed check fails the script.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out="$repo/target/documents"
tools="$repo/target/document-tools"
export RPCHECK_TODAY=2026-11-24
rm -rf "$out" && mkdir -p "$out/png" "$tools"

# --- tools ---------------------------------------------------------------------------------
need_apt=()
command -v java >/dev/null || need_apt+=(default-jre-headless)
command -v chromium >/dev/null || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
command -v java >/dev/null || { echo "no java after installing it"; exit 1; }
command -v chromium >/dev/null || { echo "no chromium after installing it"; exit 1; }
if [ ! -f "$tools/node_modules/vnu-jar/build/dist/vnu.jar" ] || [ ! -d "$tools/node_modules/axe-core" ] \
  || [ ! -d "$tools/node_modules/playwright-core" ]; then
  npm install --silent --no-audit --no-fund --prefix "$tools" vnu-jar@26.9.27 axe-core@4.14.1 playwright-core@1.65.1
fi
if [ ! -x "$tools/venv/bin/python" ] || ! "$tools/venv/bin/python" -c "import openpyxl, rdflib" 2>/dev/null; then
  python3 -m venv "$tools/venv"
  "$tools/venv/bin/pip" install --quiet openpyxl==3.1.5 rdflib==7.6.0
fi

# --- the documents -------------------------------------------------------------------------
cd "$repo"
cargo build --quiet
rp="$repo/target/debug/rpcheck"
for lang in sv en; do
  "$rp" notice --lang "$lang" --format html examples/records/bostadskon.toml examples/records/nyhetsbrev.toml -o "$out/notice-$lang.html"
  "$rp" notice --lang "$lang" --format md examples/records/bostadskon.toml examples/records/nyhetsbrev.toml -o "$out/notice-$lang.md"
  "$rp" register examples/ --lang "$lang" --format html -o "$out/register-$lang.html"
  "$rp" report examples/ --lang "$lang" -o "$out/report-$lang.html"
done
"$rp" notice --force --lang sv --format html examples/records/sociala-medier.toml -o "$out/notice-draft-sv.html"
"$rp" notice --lang sv --format html examples/records/bostadskon.toml -o "$out/notice-single-sv.html"
"$rp" register examples/ --lang sv --format csv -o "$out/register.csv"
"$rp" register examples/ --lang sv --format xlsx -o "$out/register.xlsx"
"$rp" register examples/ --format dpv -o "$out/register.jsonld"
pages=("$out"/*.html)
echo "generated ${#pages[@]} HTML pages, csv, xlsx and dpv in target/documents"

# --- checks --------------------------------------------------------------------------------
java -jar "$tools/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only "${pages[@]}"
echo "vnu: no errors in ${#pages[@]} pages"
"$tools/venv/bin/python" "$repo/scripts/documents/check_spreadsheets.py" "$out/register.csv" "$out/register.xlsx"
"$tools/venv/bin/python" "$repo/scripts/documents/check_dpv.py" "$out/register.jsonld"
NODE_PATH="$tools/node_modules" node "$repo/scripts/documents/axe.cjs" "$(command -v chromium)" "${pages[@]}"
for page in "${pages[@]}"; do
  name=$(basename "$page" .html)
  # The register is a wide table: give it a wide window so the picture shows every column.
  case "$name" in register-*) size=3000,1400 ;; *) size=1280,2400 ;; esac
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$size" \
    --screenshot="$out/png/$name.png" "file://$page" >/dev/null 2>&1
  [ -s "$out/png/$name.png" ] || { echo "no screenshot of $name"; exit 1; }
done
echo "screenshots: ${#pages[@]} in target/documents/png"
echo "documents: ok"
