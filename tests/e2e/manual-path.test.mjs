// A device page printoauth cannot read is never a dead end, in the real window: with
// practice mode's "a page printoauth cannot read" fault on one device, the run stops
// there while the other device is set up; Results offers "Do this step on the
// device's page", which hands the device's own page (https) to the desktop's browser
// and shows the steps in the user's language, the one printoauth stopped at marked.
// "Check again" with nothing changed stops at the same thing; once the page reads
// (the trainer turns the fault off), "Check again" continues the run through the
// sign-in to done.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { openApp, screenshot, until } from "./lib/webdriver.mjs";
import { fakeOpener, tempDir } from "./lib/desktop.mjs";
import { clearFault, openWizard, otherWindow, results, sel, setFault, signIn, signInBeside, startPractice, startRun } from "./lib/flows.mjs";

/** The row of device `id` on Results: state, error and fix codes, the manual steps. */
function row(session, id) {
  return session.script(
    `const r = document.querySelector('[data-testid="result-row"][data-device-id="' + arguments[0] + '"]');
     if (!r) return null;
     const code = (s) => { const e = r.querySelector(s); return e && e.getAttribute('data-code'); };
     const steps = [...r.querySelectorAll('[data-testid="manual-step"]')].map((s) => ({
       code: s.getAttribute('data-code'), here: s.getAttribute('aria-current') === 'step', text: s.innerText }));
     const missing = r.querySelector('[data-testid="manual-missing"]');
     return { state: r.getAttribute('data-state'), err: code('[data-testid="result-error"]'),
       fix: code('[data-testid="result-fix"]'), offered: !!r.querySelector('[data-testid="manual-open"]'),
       steps, missing: missing && missing.innerText };`,
    [id],
  );
}

test("a page printoauth cannot read: the steps on the device's page, then Check again", { timeout: 300_000 }, async (t) => {
  const tmp = tempDir(t, "po-e2e-manual-");
  // The desktop's opener, standing in for the browser: it writes down what it was given.
  const { bin, opened } = fakeOpener(tmp);
  const { session } = await openApp(t, { TMPDIR: tmp, PATH: `${bin}:${process.env.PATH}`, LANG: "en_US.UTF-8" }, "manual-path.log");
  const main = await session.windowHandle();
  const [a, b] = await startPractice(session, 2);
  await setFault(session, "unreadable-page", b, true);

  // The run: a is set up, b stops where its page could not be read.
  await openWizard(session);
  await startRun(session);
  const consent = await otherWindow(session, main);
  await session.switchTo(consent);
  assert.equal((await signIn(session)).page, "signed-in");
  await session.switchTo(main);
  assert.deepEqual(await results(session, 2), { [a]: "done", [b]: "failed" });
  let rb = await row(session, b);
  assert.equal(rb.err, "device-page-not-understood", JSON.stringify(rb));
  assert.equal(rb.fix, "do-on-device-page");
  assert.ok(rb.offered, "Results offers to do the step on the device's page");
  assert.equal((await row(session, a)).offered, false);

  // "Do this step on the device's page": its page goes to the browser, the steps show.
  await session.click(`${sel("result-row")}[data-device-id="${b}"] ${sel("manual-open")}`);
  const handed = await until("the desktop's opener to be called", 15_000, async () =>
    existsSync(opened) && readFileSync(opened, "utf8").trim(),
  ).catch(async (e) => {
    const text = await session.script(
      `const r = document.querySelector('[data-testid="result-row"][data-device-id="' + arguments[0] + '"]'); return [...r.querySelectorAll('.error dd')].map(d => d.textContent).join(' | ')`,
      [b],
    );
    throw new Error(`${e.message}; the row's error details: ${text}`);
  });
  assert.match(handed, /^https:\/\/(127\.0\.0\.1|\[::1\]):\d+\/$/, "the device's own page, over https");
  rb = await until("the steps", 10_000, async () => {
    const r = await row(session, b);
    return r.steps.length > 0 && r;
  });
  assert.equal(rb.steps.length, 13, JSON.stringify(rb.steps));
  assert.deepEqual(
    rb.steps.filter((s) => s.here).map((s) => s.code),
    ["press-sign-in"],
  );
  assert.ok(rb.steps[0].text.includes(handed), rb.steps[0].text);
  assert.equal(rb.steps[2].text, "Open the Network tab, then Email Server > Basic.");
  assert.match(rb.missing, /Not found on the device's page: the button “Sign In”/);
  await screenshot(session, "screens/en-results-manual-path", assert);

  // In Lithuanian, the device's own names stay as the device shows them.
  await session.script(
    `const s = document.querySelector('[data-testid="language"]'); s.value = 'lt'; s.dispatchEvent(new Event('change', { bubbles: true }));`,
  );
  const lt = await until("the steps in Lithuanian", 10_000, async () => {
    const r = await row(session, b);
    return r.steps[2]?.text.startsWith("Atidarykite") && r;
  });
  assert.equal(lt.steps[2].text, "Atidarykite skirtuką Network, tada Email Server > Basic.");
  assert.ok(lt.steps[5].text.startsWith("Spustelėkite Sign In."), lt.steps[5].text);
  await session.script(
    `const s = document.querySelector('[data-testid="language"]'); s.value = 'en'; s.dispatchEvent(new Event('change', { bubbles: true }));`,
  );

  // Check again with nothing changed: the same stop.
  await session.click(`${sel("result-row")}[data-device-id="${b}"] ${sel("check-again")}`);
  await results(session, 2);
  rb = await until("b failed again", 60_000, async () => {
    const r = await row(session, b);
    return r?.state === "failed" && r;
  });
  assert.equal(rb.err, "device-page-not-understood");
  assert.equal((await row(session, a)).state, "done", "a's result stays");

  // The page reads again (the trainer turns the fault off): Check again goes on
  // through the sign-in and b is done.
  await clearFault(session, "unreadable-page", b);
  await session.click(`${sel("result-row")}[data-device-id="${b}"] ${sel("manual-open")}`);
  await session.click(`${sel("result-row")}[data-device-id="${b}"] ${sel("check-again")}`);
  assert.equal((await signInBeside(session, main)).page, "signed-in");
  await until("b done after Check again", 90_000, async () => (await row(session, b))?.state === "done");
  assert.equal((await row(session, a)).state, "done");
});
