#!/usr/bin/env bash
# The Linux packages, built and installed as an administrator installs them (as root;
# scripts/test.sh runs this after the app is built):
#   1. scripts/package-linux.sh builds the .deb and the .rpm (debug build, stripped);
#   2. lintian reports no error on the .deb;
#   3. every library the packaged binaries link (ELF NEEDED) is required: by its Debian
#      package in the .deb's Depends, by its soname in the .rpm's requirements
#      (`rpm -qpR`), and libc6's version covers the newest glibc symbol used;
#   4. apt installs the .deb; the installed command line answers `printoauth --version`
#      with the version of tauri.conf.json; the desktop entry is valid;
#   5. the installed app (/usr/bin/printoauth-app) passes the WebDriver smoke test
#      (tests/e2e/app-smoke.test.mjs, under Xvfb in a network namespace);
#   6. apt removes the package again and its files are gone.
# The release workflow runs steps 1-3 on the release packages (--no-install).
#
#   tests/packaging/linux.sh [--no-install] [--packages DIR]
#   --packages DIR   check packages already built there instead of building them
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
export PATH="$PATH:${CARGO_HOME:-${HOME:-/root}/.cargo}/bin"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${HOME:-/root}/.cache/printoauth-target}"

install=1
pkgdir=""
while (($#)); do
  case "$1" in
    --no-install) install=0 ;;
    --packages) pkgdir="$2"; shift ;;
    *) echo "packaging: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

failures=0
passed=0
check() { # check NAME COMMAND...: runs one check, counts it
  local name="$1"; shift
  local t0=$(date +%s%N)
  if "$@"; then
    passed=$((passed + 1)); printf 'ok   %s (%d ms)\n' "$name" $((($(date +%s%N) - t0) / 1000000))
  else
    failures=$((failures + 1)); printf 'FAIL %s\n' "$name"
  fi
}

version="$(node -p 'require("./src-tauri/tauri.conf.json").version')"
if [ -z "$pkgdir" ]; then
  pkgdir="$CARGO_TARGET_DIR/packages"
  rm -rf "$pkgdir"
  bash scripts/package-linux.sh --out "$pkgdir"
fi
deb="$(ls "$pkgdir"/*.deb)"
rpm_file="$(ls "$pkgdir"/*.rpm)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dpkg-deb -x "$deb" "$work/deb"

# The ELF files a package ships, and the sonames they need.
needed() { for f in "$@"; do readelf -d "$f" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; done | sort -u; }
bins=("$work/deb/usr/bin/printoauth-app" "$work/deb/usr/bin/printoauth")

lintian_clean() {
  # --fail-on error: warnings are shown, errors fail.
  local out rc=0
  out="$(lintian --fail-on error --tag-display-limit 0 "$deb" 2>&1)" || rc=$?
  grep -v 'running with root privileges' <<<"$out" | sed 's/^/  /' || true
  return $rc
}

deb_contents() {
  local missing=0
  for p in usr/bin/printoauth-app usr/bin/printoauth usr/share/applications/printoauth.desktop \
           usr/share/icons/hicolor/32x32/apps/printoauth-app.png usr/share/icons/hicolor/128x128/apps/printoauth-app.png \
           usr/share/icons/hicolor/512x512/apps/printoauth-app.png usr/share/doc/printoauth/copyright; do
    [ -e "$work/deb/$p" ] || { echo "  the .deb lacks /$p"; missing=1; }
  done
  [ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || { echo "  .deb version $(dpkg-deb -f "$deb" Version) != $version"; missing=1; }
  desktop-file-validate "$work/deb/usr/share/applications/printoauth.desktop" || missing=1
  return $missing
}

deb_depends_cover_links() {
  local depends ok=0 soname path pkg
  depends="$(dpkg-deb -f "$deb" Depends | tr ',|' '\n\n' | sed 's/(.*)//; s/^ *//; s/ *$//' | sort -u)"
  for soname in $(needed "${bins[@]}"); do
    path="$(ldconfig -p | awk -v s="$soname" '$1 == s && /x86-64/ { print $NF; exit }')"
    [ -n "$path" ] || { echo "  $soname: not found on this machine"; ok=1; continue; }
    pkg="$(dpkg -S "$path" 2>/dev/null || dpkg -S "$(readlink -f "$path")" 2>/dev/null || dpkg -S "/usr$path" 2>/dev/null || true)"
    pkg="${pkg%%:*}"
    if ! grep -qx "$pkg" <<<"$depends"; then
      echo "  $soname (package $pkg) is linked but not in Depends: $(dpkg-deb -f "$deb" Depends)"; ok=1
    fi
  done
  # libc6's minimum version covers the newest glibc symbol version the binaries use.
  local want have
  want="$(for f in "${bins[@]}"; do objdump -T "$f"; done | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1)"
  have="$(dpkg-deb -f "$deb" Depends | sed -n 's/.*libc6 (>= \([0-9.]*\)).*/\1/p')"
  if [ -z "$have" ] || ! dpkg --compare-versions "$have" ge "$want"; then
    echo "  the binaries need glibc $want; Depends says libc6 (>= ${have:-?})"; ok=1
  fi
  return $ok
}

rpm_requires_cover_links() {
  local reqs ok=0 soname
  reqs="$(rpm -qpR "$rpm_file" 2>/dev/null)"
  echo "$reqs" | sed 's/^/  rpm -qpR: /'
  for soname in $(needed "${bins[@]}"); do
    grep -qxF "$soname()(64bit)" <<<"$reqs" || { echo "  $soname is linked but the .rpm does not require $soname()(64bit)"; ok=1; }
  done
  local files; files="$(rpm -qpl "$rpm_file" 2>/dev/null)"
  for p in /usr/bin/printoauth /usr/bin/printoauth-app /usr/share/applications/printoauth.desktop; do
    grep -qxF "$p" <<<"$files" || { echo "  the .rpm lacks $p"; ok=1; }
  done
  [ "$(rpm -qp --qf '%{VERSION}' "$rpm_file" 2>/dev/null)" = "$version" ] || { echo "  .rpm version differs from $version"; ok=1; }
  return $ok
}

check "the .deb carries the app, the CLI, the desktop entry, icons and copyright ($version)" deb_contents
check "lintian: no error on $(basename "$deb")" lintian_clean
check "the .deb depends on every library its binaries link" deb_depends_cover_links
check "rpm -qpR: the .rpm requires every library its binaries link" rpm_requires_cover_links

if ((install)); then
  apt_get() { DEBIAN_FRONTEND=noninteractive apt-get -y -qq -o DPkg::Lock::Timeout=300 "$@"; }
  installed() {
    apt_get install --reinstall "$deb" >/dev/null &&
      [ "$(dpkg-query -W -f='${Status} ${Version}' printoauth)" = "install ok installed $version" ]
  }
  cli_version() {
    local out; out="$(/usr/bin/printoauth --version)"; echo "  $out"; [ "$out" = "printoauth $version" ]
  }
  smoke() {
    PRINTOAUTH_APP_BIN=/usr/bin/printoauth-app PRINTOAUTH_E2E_TIMEOUT=180 \
      bash tests/e2e/run.sh tests/e2e/app-smoke.test.mjs
  }
  removed() {
    apt_get remove printoauth >/dev/null &&
      [ "$(dpkg-query -W -f='${Status}' printoauth 2>/dev/null || true)" != "install ok installed" ] &&
      [ ! -e /usr/bin/printoauth ] && [ ! -e /usr/bin/printoauth-app ] && [ ! -e /usr/share/applications/printoauth.desktop ]
  }
  check "apt installs the .deb" installed
  check "the installed CLI: printoauth --version" cli_version
  check "the installed app passes the WebDriver smoke test" smoke
  check "apt removes the package and its files" removed
fi

echo "$passed passed, $failures failed"
exit $((failures > 0))
