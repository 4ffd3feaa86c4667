// The installers' icons (src-tauri/icons) are what scripts/icons.sh makes from
// icons/icon-1024.png (drawn by `python3 icons/make-icon.py 1024 icons/icon-1024.png`):
// no icon drifts from its source. (PNG and ICO files must be identical; an .icns may order
// its entries differently, so its entries are compared.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** An .icns file's entries, type -> bytes (base64), in a stable order. */
function icnsEntries(buf) {
  assert.equal(buf.subarray(0, 4).toString("latin1"), "icns");
  const entries = {};
  for (let i = 8; i + 8 <= buf.length; ) {
    const type = buf.subarray(i, i + 4).toString("latin1");
    const len = buf.readUInt32BE(i + 4);
    entries[type] = buf.subarray(i + 8, i + len).toString("base64");
    i += len;
  }
  return Object.fromEntries(Object.entries(entries).sort());
}

test("src-tauri/icons are made from icons/icon-1024.png by scripts/icons.sh", () => {
  const out = mkdtempSync(path.join(os.tmpdir(), "printoauth-icons-"));
  try {
    execFileSync("bash", [path.join(ROOT, "scripts/icons.sh"), out], { stdio: "pipe" });
    for (const f of ["32x32.png", "64x64.png", "128x128.png", "128x128@2x.png", "icon.png", "icon.ico"]) {
      const made = readFileSync(path.join(out, f));
      const committed = readFileSync(path.join(ROOT, "src-tauri/icons", f));
      assert.ok(made.equals(committed), `src-tauri/icons/${f} differs from what scripts/icons.sh makes: run it`);
    }
    assert.deepEqual(
      icnsEntries(readFileSync(path.join(ROOT, "src-tauri/icons/icon.icns"))),
      icnsEntries(readFileSync(path.join(out, "icon.icns"))),
      "src-tauri/icons/icon.icns differs from what scripts/icons.sh makes: run it",
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
