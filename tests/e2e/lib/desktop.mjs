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
 * A home of the app's own for test `t` (removed when it ends): the environment that
 * puts the app's data, settings, caches and temporary files under it.
 */
export function privateHome(t, prefix) {
  const home = tempDir(t, prefix);
  const env = {
    HOME: home,
    XDG_DATA_HOME: path.join(home, ".local/share"),
    XDG_CONFIG_HOME: path.join(home, ".config"),
    XDG_CACHE_HOME: path.join(home, ".cache"),
    // The sign-in window's private web data folder is made here.
    TMPDIR: path.join(home, "tmp"),
  };
  mkdirSync(env.TMPDIR);
  return { home, env };
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
