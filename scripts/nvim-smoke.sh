#!/usr/bin/env bash
# Smoke test of the documented Neovim setup: a headless Neovim runs the Lua snippet of
# docs/editors.md, opens the example record and writes back the diagnostics rpcheck published.
# Installs Debian's neovim with apt-get when `nvim` is missing (as root, as CI runs).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v nvim >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
fi
cargo build --locked --quiet --manifest-path "$repo/Cargo.toml"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The first ```lua block of the docs, exactly as a reader copies it.
awk '/^```lua$/ { inside = 1; next } /^```$/ { if (inside) exit } inside' "$repo/docs/editors.md" >"$work/init.lua"
grep -q 'cmd = { "rpcheck", "server" }' "$work/init.lua" || { echo "no Neovim snippet in docs/editors.md"; exit 1; }
cat >>"$work/init.lua" <<LUA
-- The smoke test: once rpcheck has published, write each diagnostic as "line:col code message".
vim.defer_fn(function()
  vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 100)
  local lines = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?"
    table.insert(lines, string.format("%d:%d %s %s", d.lnum + 1, d.col + 1, code, d.message))
  end
  vim.fn.writefile(lines, "$work/diagnostics.txt")
  vim.cmd("qa!")
end, 0)
LUA
PATH="$repo/target/debug:$PATH" RPCHECK_TODAY=2026-11-24 timeout 60 \
  nvim --headless -u "$work/init.lua" "$repo/examples/records/sociala-medier.toml" </dev/null
cat "$work/diagnostics.txt"
grep -q "^35:1 gdpr/transfer-mechanism " "$work/diagnostics.txt" || { echo "nvim: rpcheck's diagnostics are missing"; exit 1; }
echo "neovim smoke test: ok ($(wc -l <"$work/diagnostics.txt") diagnostics, $(nvim --version | head -1))"
