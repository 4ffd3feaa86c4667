// The embedded sign-in window is a remote page held on a short leash: it refuses to
// navigate anywhere but Microsoft's sign-in hosts (or, in practice mode, the emulator's
// stand-ins for them), says so when the sign-in leaves them, and nothing in it can
// invoke any of the app's commands.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { openApp, sleep, until } from "./lib/webdriver.mjs";
import { fakeOpener, tempDir } from "./lib/desktop.mjs";
import { runIntoSignInWindow, sel } from "./lib/flows.mjs";

test("the sign-in window refuses other hosts and cannot invoke commands", { timeout: 180_000 }, async (t) => {
  // The app's private folder for browsing data goes under this TMPDIR.
  const tmp = tempDir(t, "po-e2e-consent-");
  const runDirs = () => readdirSync(tmp).filter((n) => n.startsWith("printoauth-run-"));
  // "Open in my browser instead" hands the address to the desktop's opener
  // (xdg-open first); this one writes down what it was given.
  const { bin, opened } = fakeOpener(tmp);
  const { session, stop } = await openApp(t, { TMPDIR: tmp, PATH: `${bin}:${process.env.PATH}` }, "consent-window.log");
  const { main, consent } = await runIntoSignInWindow(session);
  const page = await until("the emulator's code page", 20_000, async () => {
    const u = await session.cmd("GET", "/url");
    return u.includes("/devicelogin") && u;
  });
  const origin = new URL(page).origin;

  // The app typed the code; the fragment that carried it is gone from the address.
  const code = await until("the code in the field", 10_000, () =>
    session.script(`const e = document.getElementById('otc'); return e && e.value`),
  );
  assert.match(code, /^[A-Z0-9]{9}$/);
  assert.ok(!(await session.cmd("GET", "/url")).includes("printoauth-code"), "the code left the address bar");

  // No command can be invoked from here, by the internal invoke or by a raw IPC request.
  const invoked = await session.cmd("POST", "/execute/async", {
    script: `
      const done = arguments[arguments.length - 1];
      const I = window.__TAURI_INTERNALS__;
      if (!I || typeof I.invoke !== 'function') { done({ invoke: 'absent' }); return; }
      const tries = ['app_info', 'practice_stop', 'run_cancel', 'open_in_browser'].map((c) =>
        I.invoke(c, { url: 'https://login.microsoftonline.com/' }).then((v) => ({ c, ok: true, v }), (e) => ({ c, ok: false, e: String(e) })));
      Promise.all(tries).then((r) => done({ invoke: r }));
    `,
    args: [],
  });
  if (invoked.invoke !== "absent") {
    for (const r of invoked.invoke) {
      assert.equal(r.ok, false, `${r.c} must be refused in the sign-in window: ${JSON.stringify(r)}`);
      assert.match(r.e, /not allowed/, r.e);
    }
  }
  const raw = await session.cmd("POST", "/execute/async", {
    script: `
      const done = arguments[arguments.length - 1];
      fetch('ipc://localhost/app_info', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json', 'Tauri-Callback': '1', 'Tauri-Error': '2' } })
        .then((r) => r.text().then((t) => done({ status: r.status, body: t })), (e) => done({ error: String(e) }));
    `,
    args: [],
  });
  assert.ok(raw.error || raw.status >= 400, `a raw IPC request was refused: ${JSON.stringify(raw)}`);
  assert.ok(!JSON.stringify(raw).includes("practiceModeAvailable"), "app_info did not answer");

  // Another origin on this very machine (the emulator's control API: it would load if
  // allowed), a different port of the emulator's host, and a host on the Internet:
  // never loaded. Leaving Microsoft's hosts is what a federated organisation's sign-in
  // does, so the window says where the sign-in went instead of going blank; a
  // Microsoft page outside the sign-in (microsoft.com/en-us/) is refused in place.
  const control = await session.script(`return location.port`).then((p) => `http://127.0.0.1:${Number(p) + 1}/`);
  const localhostPage = "http://localhost" + new URL(page).pathname;
  for (const [target, host] of [
    [control, new URL(control).host],
    [localhostPage, "localhost"],
    ["https://example.org/", "example.org"],
    ["https://login.microsoftonline.com.evil.example/", "login.microsoftonline.com.evil.example"],
    ["https://microsoft.com/en-us/", null],
  ]) {
    await session.script(`location.href = arguments[0]`, [target]);
    await sleep(800);
    const now = await session.cmd("GET", "/url");
    assert.notEqual(new URL(now).origin, new URL(target).origin, `${target} did not load (now at ${now})`);
    if (host === null) {
      assert.equal(new URL(now).origin, origin, `refused in place: ${now}`);
    } else {
      const shown = await until(`the notice naming ${host}`, 10_000, () =>
        session.script(`const m = document.getElementById('sign-in-elsewhere'); return m && m.getAttribute('data-host')`),
      );
      assert.equal(shown, host);
      // Back to the sign-in page for the next try.
      await session.script(`location.href = arguments[0]`, [page.split("#")[0]]);
      await until("the emulator's page again", 10_000, async () => new URL(await session.cmd("GET", "/url")).origin === origin);
    }
  }
  // window.open is refused too.
  await session.script(`window.open('https://example.org/', '_blank')`);
  await sleep(800);
  assert.equal((await session.windows()).length, 2, "no new window opened");

  // The main window still works and practice mode is still on (practice_stop was refused).
  await session.switchTo(main);
  await session.waitFor(sel("practice-banner"));

  // "Open in my browser instead" gives the desktop's browser the same sign-in page
  // (not the app's own page, not the code-carrying address), once per click.
  await session.click(sel("open-in-browser"));
  const handed = await until("the desktop's opener to be called", 15_000, async () =>
    existsSync(opened) && readFileSync(opened, "utf8").trim(),
  );
  assert.equal(handed, page.split("#")[0], "the device's verification page went to the browser");

  await session.click(sel("run-cancel"));
  await until("the sign-in window to close after cancelling", 20_000, async () => (await session.windows()).length === 1);

  // Browsing data lived in this run's private folder (owner only), removed at exit.
  const dirs = runDirs();
  assert.equal(dirs.length, 1, `one private folder: ${dirs}`);
  assert.equal(statSync(path.join(tmp, dirs[0])).mode & 0o777, 0o700);
  assert.ok(readdirSync(path.join(tmp, dirs[0])).includes("webview"), "the webviews' data is in it");
  // Ending the app (SIGTERM, as a logout or `kill` does) removes the folder. The
  // folder is named after the app's process id.
  const pid = Number(/^printoauth-run-(\d+)-/.exec(dirs[0])[1]);
  process.kill(pid, "SIGTERM");
  await until("the private folder to be removed at exit", 15_000, async () => runDirs().length === 0);
  await stop();
});
