// End-to-end smoke test of the built desktop app, through WebDriver.
//
// Needs an X display and a session bus: run it through tests/e2e/run.sh,
// which provides both (Xvfb + dbus-run-session) and a time limit. Builds
// nothing: the UI (ui/dist) and the app ($CARGO_TARGET_DIR/debug/printoauth-app) must be
// built first. Starts tauri-driver (which starts WebKitWebDriver, which starts
// the app), checks the window shows the product's name and the app's answer
// to `app_info` (the version in src-tauri/tauri.conf.json, also in About, which
// says that this build does not update itself), and saves a screenshot to
// tests/artifacts/app-smoke.png that must not be blank. PRINTOAUTH_APP_BIN picks the
// binary: CI runs this test once more against the app installed from the .deb.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { openApp, ROOT, screenshot, until } from "./lib/webdriver.mjs";

test("the app starts, shows its name and version, and renders a non-blank window", { timeout: 120_000 }, async (t) => {
  const started = Date.now();
  const { session, stop } = await openApp(t, {}, "tauri-driver.log");
  t.diagnostic(`session up in ${Date.now() - started} ms`);

  // The product's name, rendered by the Svelte UI.
  const title = await until("the app's title", 20_000, async () => {
    const text = await session.text(await session.find('[data-testid="app-title"]'));
    return text.trim() === "printoauth" && text;
  });
  assert.equal(title.trim(), "printoauth");
  assert.equal(await session.cmd("GET", "/title"), "printoauth");

  // The status area: the UI called `app_info` over IPC (CSP allows ipc:) and got an answer.
  const status = await session.find('[data-testid="status"]');
  const state = await until("app_info's answer", 20_000, async () => {
    const s = await session.attribute(status, "data-state");
    return s !== "loading" && s;
  });
  assert.equal(state, "ready", `status: ${await session.text(status)}`);
  const version = await session.text(await session.find('[data-testid="status-version"]'));
  assert.match(version, /^printoauth \d+\.\d+\.\d+\S* is ready\.$/);
  const expected = JSON.parse(readFileSync(path.join(ROOT, "src-tauri/tauri.conf.json"), "utf8")).version;
  assert.equal(version, `printoauth ${expected} is ready.`, "the app shows the version of tauri.conf.json");

  // About: the same version; a build without an update address says it does not update
  // itself (and so never asks the network), and keeps the user's choice.
  await session.click('[data-testid="about-toggle"]');
  assert.equal(await session.textOf('[data-testid="about-version"]', 10_000), `Version ${expected}`);
  await until("the update status", 10_000, async () =>
    (await session.findAll('[data-testid="update-unsupported"]')).length === 1);
  assert.equal((await session.findAll('[data-testid="update-check"]')).length, 0, "no check button without an update address");
  await session.click('[data-testid="about-toggle"]');

  // The stylesheet was allowed by the CSP and applied.
  const styled = await session.script(
    "const s = getComputedStyle(document.querySelector('[data-testid=status]'));" +
      "return { border: s.borderTopStyle, radius: s.borderTopLeftRadius, sheets: document.styleSheets.length };",
  );
  assert.deepEqual(styled, { border: "solid", radius: "12px", sheets: 1 });

  // The CSP is in force: the page may not evaluate strings as code.
  const evalProbe = await session.script(
    "try { return 'allowed:' + (0, eval)('1 + 1'); } catch (e) { return e.name + ': ' + e.message; }",
  );
  assert.match(evalProbe, /^EvalError/, "the page could eval(): is the CSP missing?");

  // What a person sees.
  const shot = await screenshot(session, "app-smoke", assert);
  t.diagnostic(`screenshot ${shot.image.width}x${shot.image.height}, ${shot.stats.distinct} colours, ` +
    `dominant ${(shot.stats.dominantShare * 100).toFixed(1)}% -> ${path.relative(ROOT, shot.file)}`);

  await stop();
  t.diagnostic(`whole run ${Date.now() - started} ms`);
});
