#!/usr/bin/env bash
# Run the cargo-fuzz target over the committed seed corpus (fuzz/seeds/lint; fuzz/corpus is cargo-fuzz's own, ignored) for SECONDS (default 60); any crash fails.
# The corpus is copied to a scratch folder so the run never adds files to the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cp fuzz/seeds/lint/* "$scratch/"
cd fuzz
# cargo-fuzz builds with the release profile, whose link-time optimisation in one codegen unit makes the instrumented
# build several times slower; a smoke run does not need it.
CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 RUSTC_BOOTSTRAP=1 cargo fuzz run lint "$scratch" -- -max_total_time="$seconds" -rss_limit_mb=2048
