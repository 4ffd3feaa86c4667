#!/usr/bin/env bash
# Sets printoauth's version everywhere it is written: the workspace's Cargo.toml (every
# crate inherits it; Cargo.lock follows), src-tauri/tauri.conf.json, ui/package.json and
# its lock, and a new entry at the top of the Debian changelog. src-tauri/tests/packaging.rs
# fails when they disagree; the release workflow refuses a tag that differs.
#
#   scripts/set-version.sh 1.2.3
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$PATH:${CARGO_HOME:-${HOME:-/root}/.cargo}/bin"
v="${1:-}"
[[ "$v" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "usage: scripts/set-version.sh MAJOR.MINOR.PATCH" >&2; exit 2; }

python3 - "$v" <<'PY'
import json, re, subprocess, sys
v = sys.argv[1]
# Cargo.toml: the version of [workspace.package]
p = "Cargo.toml"
s = open(p).read()
head, sep, tail = s.partition("[workspace.package]")
tail = re.sub(r'(?m)^version = "[^"]*"', f'version = "{v}"', tail, count=1)
open(p, "w").write(head + sep + tail)
# tauri.conf.json
p = "src-tauri/tauri.conf.json"
c = json.load(open(p))
c["version"] = v
open(p, "w").write(json.dumps(c, indent=2, ensure_ascii=False) + "\n")
# the Debian changelog: a new entry on top (unless it is there)
p = "src-tauri/packaging/linux/changelog"
s = open(p).read()
if not s.startswith(f"printoauth ({v})"):
    date = subprocess.check_output(["date", "-R"], text=True).strip()
    entry = f"printoauth ({v}) stable; urgency=medium\n\n  * Release {v}.\n\n -- printoauth <support@printoauth.app>  {date}\n\n"
    open(p, "w").write(entry + s)
PY
(cd ui && npm version "$v" --no-git-tag-version --allow-same-version >/dev/null)
cargo update --workspace --offline -q
echo "version: $v (commit, then: git tag v$v && git push origin v$v)"
