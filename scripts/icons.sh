#!/usr/bin/env bash
# Makes every installer's icon from icons/icon-1024.png (drawn by icons/make-icon.py)
# with Tauri's own `tauri icon` (the CLI pinned in ui/package.json): the PNG sizes the
# Linux packages install, icon.ico (Windows) and icon.icns (macOS), in src-tauri/icons.
# tests/packaging/icons.test.mjs fails when the committed icons differ from what this makes.
#
#   scripts/icons.sh [OUT_DIR]      (default src-tauri/icons)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/src-tauri/icons}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/ui/node_modules/.bin/tauri" icon "$root/icons/icon-1024.png" -o "$work" >/dev/null
mkdir -p "$out"
for f in 32x32.png 64x64.png 128x128.png 128x128@2x.png icon.png icon.ico icon.icns; do
  cp "$work/$f" "$out/$f"
done
echo "icons: $out"
