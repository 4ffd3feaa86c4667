// The desktop around the app, as the tests stand it up: a private temporary folder,
// and an opener standing in for the browser.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** A temporary folder named `prefix…`, removed when test `t` ends. */
export function tempDir(t, prefix) {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * The desktop's opener, standing in for the browser: an `xdg-open` in `dir`/bin that
 * writes down what it was given, one argument a line, in `dir`/opened.txt. Put `bin`
 * first on the app's PATH.
 */
export function fakeOpener(dir) {
  const bin = path.join(dir, "bin");
  mkdirSync(bin);
  const opened = path.join(dir, "opened.txt");
  writeFileSync(path.join(bin, "xdg-open"), `#!/bin/sh\nprintf '%s\\n' "$@" >> '${opened}'\n`);
  chmodSync(path.join(bin, "xdg-open"), 0o755);
  return { bin, opened };
}
