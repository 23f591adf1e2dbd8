#!/usr/bin/env bash
# Speed benchmark, every tool on the same generated corpus in one run (hyperfine):
#   floor      read the files and parse TOML with spans, nothing else (benches/parse-floor.rs)
#   lint       rpcheck lint --format json with every built-in rule
#   peers      check-jsonschema (PyPI) and taplo check --schema (crates.io) validating the same
#              files against schema/record.schema.json
#   pre-commit rpcheck lint on one record, process start to exit
# Installs what it needs under target/bench. Usage: benches/run.sh [RECORDS] (default 10000).
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-10000}
bench=target/bench
corpus=$bench/corpus-$records
mkdir -p "$bench"

if ! command -v hyperfine >/dev/null; then
  (apt-get install -y hyperfine >/dev/null 2>&1) || cargo install hyperfine --locked --root "$bench/tools"
fi
export PATH="$PWD/$bench/tools/bin:$PWD/$bench/venv/bin:$PATH"
if ! [ -x "$bench/venv/bin/check-jsonschema" ]; then
  python3 -m venv "$bench/venv" && "$bench/venv/bin/pip" install --quiet check-jsonschema
fi
if ! command -v taplo >/dev/null; then
  cargo install taplo-cli --locked --root "$bench/tools" >/dev/null 2>&1 || echo "taplo-cli did not build: taplo is left out"
fi

cargo build --release --quiet --bin rpcheck --example gen-corpus --example parse-floor
[ -d "$corpus" ] || target/release/examples/gen-corpus --records "$records" --out "$corpus"
schema="$PWD/schema/record.schema.json"
rpcheck="target/release/rpcheck lint --format json --today 2026-11-24 $corpus"

commands=(-n floor "target/release/examples/parse-floor $corpus" -n lint "$rpcheck")
command -v check-jsonschema >/dev/null &&
  commands+=(-n check-jsonschema "check-jsonschema --schemafile $schema $corpus/records/*.toml")
command -v taplo >/dev/null &&
  commands+=(-n taplo "taplo check --schema file://$schema $corpus/records/*.toml")

# Exit codes are ignored: the corpus has findings on purpose. A shell runs each command (the
# peers need its glob; 10,000 paths exceed one argument's length limit); hyperfine subtracts
# the shell's start-up time.
hyperfine -i --warmup 1 --runs "${RUNS:-5}" --export-json "$bench/corpus.json" "${commands[@]}" >/dev/null
hyperfine -N -i --warmup 5 --runs 50 --export-json "$bench/single.json" \
  -n pre-commit "target/release/rpcheck lint --today 2026-11-24 examples/records/bostadskon.toml" >/dev/null

python3 - "$bench/corpus.json" "$bench/single.json" "$records" "$(du -sm --apparent-size "$corpus/records" | cut -f1)" <<'PY'
import json, sys
corpus, single, records, mb = json.load(open(sys.argv[1]))["results"], json.load(open(sys.argv[2]))["results"], sys.argv[3], sys.argv[4]
t = {r["command"]: r["mean"] for r in corpus}
print(f"{records} records ({mb} MB), mean of hyperfine runs, all in one run on this machine\n")
print("| tool | time | vs floor | vs lint |")
print("|---|---:|---:|---:|")
for name, mean in t.items():
    print(f"| {name} | {mean*1000:.0f} ms | {mean/t['floor']:.2f}x | {mean/t['lint']:.2f}x |")
s = single[0]
print(f"\npre-commit, one record, process start to exit: {s['mean']*1000:.1f} ms (± {s['stddev']*1000:.1f})")
PY
