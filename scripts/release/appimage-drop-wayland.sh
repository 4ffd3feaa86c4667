#!/usr/bin/env bash
# Removes the Wayland client libraries (libwayland-client, -cursor, -egl) that Tauri's
# AppImage bundler (linuxdeploy) copies from the build machine. Loaded instead of the
# host's own, they do not match a newer host's Mesa: EGL fails to start and the window
# stays blank on Wayland desktops. The host's libraries are then used, as the .deb does.
# libwayland-server stays (removing it breaks X11-only hosts).
#
#   scripts/release/appimage-drop-wayland.sh FILE.AppImage [--sign VERSION]
#
# Keeps the AppImage's runtime (the ELF before the squashfs image) and the image's
# compression and block size. With --sign, writes FILE.AppImage.sig again with the
# updater key (TAURI_SIGNING_PRIVATE_KEY[_PASSWORD], as `tauri build` reads it), since
# the old signature no longer matches. Needs squashfs-tools.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
img="$(realpath "$1")"
sign_version=""
[ "${2:-}" = --sign ] && sign_version="${3:?--sign needs the version}"

# The squashfs image starts where the runtime ELF ends: after its section header table.
offset="$(python3 - "$img" <<'PY'
import struct, sys
with open(sys.argv[1], "rb") as f:
    h = f.read(64)
assert h[:4] == b"\x7fELF" and h[4] == 2, "not a 64-bit ELF runtime"
shoff, = struct.unpack_from("<Q", h, 0x28)
shentsize, shnum = struct.unpack_from("<HH", h, 0x3A)
print(shoff + shentsize * shnum)
PY
)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
info="$(unsquashfs -s -o "$offset" "$img")"
comp="$(sed -n 's/^Compression \([a-z0-9]*\).*/\1/p' <<<"$info")"
block="$(sed -n 's/^Block size \([0-9]*\).*/\1/p' <<<"$info")"
unsquashfs -q -n -o "$offset" -d "$work/AppDir" "$img" >/dev/null

mapfile -t drop < <(find "$work/AppDir" \( -name 'libwayland-client.so*' -o -name 'libwayland-cursor.so*' -o -name 'libwayland-egl.so*' \) \( -type f -o -type l \) | sort)
if ((${#drop[@]} == 0)); then
  echo "appimage: no Wayland client libraries in $(basename "$img")"
else
  printf 'appimage: removing %s\n' "${drop[@]#"$work/AppDir/"}"
  rm -f "${drop[@]}"
  head -c "$offset" "$img" >"$work/new.AppImage"
  mksquashfs "$work/AppDir" "$work/image.sqfs" -root-owned -noappend -quiet -comp "${comp:-gzip}" -b "${block:-131072}" >/dev/null
  cat "$work/image.sqfs" >>"$work/new.AppImage"
  chmod 755 "$work/new.AppImage"
  mv "$work/new.AppImage" "$img"
fi

if [ -n "$sign_version" ]; then
  rm -f "$img.sig"
  "$root/ui/node_modules/.bin/tauri" signer sign --app-version "$sign_version" "$img" >/dev/null
  [ -s "$img.sig" ] || { echo "appimage: signing failed" >&2; exit 1; }
  echo "appimage: signed again ($(basename "$img").sig)"
fi
