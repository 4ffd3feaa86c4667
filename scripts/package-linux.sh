#!/usr/bin/env bash
# Builds printoauth's Linux packages with Tauri's own bundler (the CLI pinned in
# ui/package.json, installed by npm: no cargo install). Each package carries the app
# (/usr/bin/printoauth-app), the command line (/usr/bin/printoauth), the desktop entry
# and the icons (src-tauri/icons, made from icons/icon-1024.png by scripts/icons.sh).
#
#   scripts/package-linux.sh [--release] [--bundles deb,rpm,appimage] [--out DIR] [-- TAURI ARGS]
#
#   --release   the release build (`tauri build`: optimised, the UI embedded for
#               production). Default: the debug build that `cargo build` made (what CI
#               tests; fast to package).
#   --bundles   which packages (default deb,rpm). AppImage needs tools the bundler
#               downloads (linuxdeploy): the release workflow builds it, our machines cannot.
#   --out DIR   where the packages are copied (default: $CARGO_TARGET_DIR/packages)
#   TAURI ARGS  passed to `tauri bundle`, e.g. --config JSON (the release workflow adds
#               the update address that way).
#
# The UI must be built first (ui/dist: `npm run build` in ui/). The binaries are
# stripped copies in a staging folder, so the build directory keeps its own.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$PATH:${CARGO_HOME:-${HOME:-/root}/.cargo}/bin"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${HOME:-/root}/.cache/printoauth-target}"

profile=debug
bundles=deb,rpm
out=""
while (($#)); do
  case "$1" in
    --release) profile=release ;;
    --bundles) bundles="$2"; shift ;;
    --out) out="$2"; shift ;;
    --) shift; break ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "package-linux: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
out="${out:-$CARGO_TARGET_DIR/packages}"
tauri="$root/ui/node_modules/.bin/tauri"
[ -x "$tauri" ] || { echo "package-linux: $tauri is missing (run scripts/setup.sh)" >&2; exit 1; }
[ -f ui/dist/index.html ] || { echo "package-linux: build the UI first (cd ui && npm run build)" >&2; exit 1; }
triple="$(rustc -vV | sed -n 's/^host: //p')"

start=$(date +%s)
# The command line first: the app's release build copies it (bundle > externalBin).
if [ "$profile" = release ]; then
  cargo build --locked --release -p printoauth-cli >&2
else
  # The debug build is scripts/test.sh's own (the same command, so the same features:
  # nothing is compiled twice in the shared build directory).
  cargo build --locked --workspace --all-targets >&2
fi
mkdir -p src-tauri/binaries
install -m 755 "$CARGO_TARGET_DIR/$profile/printoauth" "src-tauri/binaries/printoauth-$triple"
strip "src-tauri/binaries/printoauth-$triple"
if [ "$profile" = release ]; then
  # `tauri build` compiles the app for production (its custom-protocol feature).
  "$tauri" build --no-bundle --ci --config src-tauri/tauri.bundle.conf.json "$@" >&2
fi

# The bundler takes the app from <target dir>/<profile>/: give it a stripped copy.
stage="$CARGO_TARGET_DIR/package-stage"
rm -rf "$stage"
mkdir -p "$stage/$profile"
install -m 755 "$CARGO_TARGET_DIR/$profile/printoauth-app" "$stage/$profile/printoauth-app"
strip "$stage/$profile/printoauth-app"

debug_flag=()
[ "$profile" = debug ] && debug_flag=(--debug)
CARGO_TARGET_DIR="$stage" "$tauri" bundle "${debug_flag[@]}" --ci --bundles "$bundles" \
  --config src-tauri/tauri.bundle.conf.json "$@" >&2

mkdir -p "$out"
find "$stage/$profile/bundle" -maxdepth 2 -type f \( -name '*.deb' -o -name '*.rpm' -o -name '*.AppImage' -o -name '*.sig' \) \
  -exec cp -f {} "$out/" \;
echo "package-linux: packages in $out ($(($(date +%s) - start)) s):" >&2
ls -1 "$out"/*.deb "$out"/*.rpm "$out"/*.AppImage 2>/dev/null || true
