// A federated organisation's sign-in leaves Microsoft's pages for its own identity
// provider, which the sign-in window does not open. The window then says so plainly,
// in the app's language, naming the host; the code is on the clipboard; "Continue in
// my browser" hands Microsoft's code page (not the refused address) to the desktop's
// opener (a stand-in xdg-open that writes down what it was given).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { openApp, screenshot, sleep, until } from "./lib/webdriver.mjs";
import { fakeOpener, tempDir } from "./lib/desktop.mjs";
import { chooseOption, FEDERATED, FEDERATED_PASSWORD, openWizard, otherWindow, pageState, sel, signIn, startPractice, startRun } from "./lib/flows.mjs";

test("a federated account: the sign-in window names the organisation's page and offers the browser", { timeout: 180_000 }, async (t) => {
  const tmp = tempDir(t, "po-e2e-elsewhere-");
  const { bin, opened } = fakeOpener(tmp);
  const { session } = await openApp(t, { TMPDIR: tmp, PATH: `${bin}:${process.env.PATH}` }, "sign-in-elsewhere.log");
  const main = await session.windowHandle();

  // The app speaks Lithuanian: so does the notice.
  await session.waitFor(sel("screen-devices"), 30_000);
  await chooseOption(session, "language", "lt");
  await until("the app in Lithuanian", 10_000, () => session.script(`return document.documentElement.lang === 'lt'`));

  await startPractice(session, 1);
  // The practice summary lists the federated account with its own sign-in page.
  const kinds = await session.script(
    `return [...document.querySelectorAll('[data-testid="practice-user"]')].map(r => [r.querySelector('td').textContent.trim(), r.getAttribute('data-kind'), r.textContent])`,
  );
  const fed = kinds.find(([upn]) => upn === FEDERATED);
  assert.ok(fed, JSON.stringify(kinds));
  assert.equal(fed[1], "federated");
  assert.match(fed[2], /fs\.contoso\.example/);

  await openWizard(session);
  await startRun(session, { sender: FEDERATED });
  const consent = await otherWindow(session, main);
  await session.switchTo(consent);
  const end = await signIn(session, { upn: FEDERATED, password: FEDERATED_PASSWORD });
  assert.equal(end.page, "elsewhere", JSON.stringify(end));
  assert.deepEqual(end.pages, ["code", "account", "elsewhere"]);
  assert.equal(end.host, "fs.contoso.example", "the notice names the organisation's own sign-in host");

  // Nothing of the identity provider loaded; the notice is the app's, in Lithuanian.
  const notice = await session.script(`return {
    url: location.href,
    lang: document.documentElement.lang,
    title: document.querySelector('h1').textContent,
    body: document.getElementById('notice-body').textContent,
    code: document.getElementById('notice-code').textContent,
    copied: document.getElementById('notice-code-line').getAttribute('data-copied'),
    button: document.getElementById('continue-in-browser').textContent,
    passwordField: !!document.querySelector('input[type=password]'),
  }`);
  assert.equal(notice.url, "about:blank");
  assert.equal(notice.lang, "lt");
  assert.equal(notice.title, "Prisijungimas tęsiamas jūsų naršyklėje");
  assert.match(notice.body, /fs\.contoso\.example/);
  assert.equal(notice.button, "Tęsti mano naršyklėje");
  assert.equal(notice.code, end.code, "the notice shows the device's code");
  assert.equal(notice.copied, "true");
  assert.equal(notice.passwordField, false, "no field of the identity provider's page");
  const state = await pageState(session);
  assert.equal(state.page, "elsewhere");
  await screenshot(session, "screens/lt-sign-in-elsewhere", assert);

  // "Continue in my browser": Microsoft's code page goes to the desktop's opener.
  await session.click("#continue-in-browser");
  const handed = await until("the desktop's opener to be called", 15_000, async () =>
    existsSync(opened) && readFileSync(opened, "utf8").trim(),
  );
  assert.equal(handed, `${end.origins[0]}/devicelogin`, `the device's code page, not the refused address: ${handed}`);
  assert.ok(!handed.includes("adfs") && !handed.includes("printoauth-code"), handed);
  await until("the notice to say the browser has the page", 10_000, () =>
    session.script(`const o = document.getElementById('notice-opened'); return o && !o.hidden`),
  );
  // The button is taken by the app, never loaded.
  assert.equal(await session.cmd("GET", "/url"), "about:blank");

  // The code is on the clipboard: pasted into a field of the main window.
  await session.switchTo(main);
  await session.click(sel("nav-devices"));
  const field = await session.waitFor(sel("add-device-host"));
  await session.cmd("POST", `/element/${field}/clear`, {});
  await session.cmd("POST", `/element/${field}/click`, {});
  await session.cmd("POST", "/actions", {
    actions: [{ type: "key", id: "kb", actions: [
      { type: "keyDown", value: "\uE009" }, { type: "keyDown", value: "v" },
      { type: "keyUp", value: "v" }, { type: "keyUp", value: "\uE009" },
    ] }],
  });
  await sleep(300);
  const pasted = await session.script(`return document.querySelector('[data-testid="add-device-host"]').value`);
  assert.equal(pasted, end.code, "the clipboard holds the device's code");
});
