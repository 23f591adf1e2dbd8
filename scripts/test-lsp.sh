#!/usr/bin/env bash
# End-to-end test of `rpcheck server` with a real LSP client from PyPI (pytest-lsp): builds the
# binary, installs the client in a scratch venv, runs tests/lsp against the binary over stdio.
# Needs network access to PyPI.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --locked --quiet --manifest-path "$repo/Cargo.toml"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "pytest-lsp==1.0.1"
cd "$repo/tests/lsp"
RPCHECK_BIN="$repo/target/debug/rpcheck" "$work/venv/bin/pytest" -p no:cacheprovider -q .
