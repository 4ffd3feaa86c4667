// Health and re-sign-in in the app: two practice devices configured, then one's
// sign-in lapses (practice fault "expired-sign-in": its tokens lapse and a scan to
// email fails with 361). The Devices screen flags it (and only it); one "Sign in
// again" batch signs it in through the embedded sign-in window; the next check finds
// it healthy and the banner is gone. Before the lapse, the Microsoft 365 screen checks
// the tenant through the first configured device (no application id needed).
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, screenshot, until } from "./lib/webdriver.mjs";
import { openWizard, otherWindow, results, sel, setFault, signIn, signInEach, startPractice, startRun } from "./lib/flows.mjs";

function flagged(session) {
  return session.script(
    `return [...document.querySelectorAll('[data-testid="health-device"]')].map(r => [r.getAttribute('data-device-id'), r.getAttribute('data-verdict')])`,
  );
}

test("health: a lapsed sign-in is flagged and one batch signs it in again", { timeout: 240_000 }, async (t) => {
  const { session } = await openApp(t, {}, "health.log");
  const main = await session.windowHandle();
  const [a, b] = await startPractice(session, 2);

  // Both configured: one batch, one sign-in window.
  await openWizard(session);
  await startRun(session);
  await signInEach(session, main, 2);
  assert.deepEqual(await results(session, 2), { [a]: "done", [b]: "done" });
  await until("the sign-in window to close", 20_000, async () => (await session.windows()).length === 1);

  // Freshly signed in: nothing flagged.
  await session.click(sel("nav-devices"));
  await session.waitFor(sel("screen-devices"));
  await until("the check after the run", 30_000, async () =>
    session.script(`return !document.querySelector('[data-testid="health-banner"]')`),
  );

  // Without an application id, the Microsoft 365 screen checks through a configured
  // device (its own connection test): the first signed-in device, every check passed.
  await session.click(sel("nav-tenant"));
  await session.waitFor(sel("tenant-device-check"));
  assert.equal(
    await session.script(`return document.querySelector('[data-testid="tenant-device-select"]').value`),
    a,
    "the first configured device is chosen",
  );
  await session.click(sel("tenant-device-check-start"));
  const checks = await until("the check through the device", 60_000, async () => {
    const r = await session.script(
      `return [...document.querySelectorAll('[data-testid="check-row"]')].map(r => [r.getAttribute('data-check-id'), r.getAttribute('data-status')])`,
    );
    const alert = await session.script(`const e = document.querySelector('[data-testid="screen-tenant"] [role="alert"]'); return e && e.textContent`);
    if (alert) throw new Error(`the check through the device failed: ${alert}`);
    return r.length >= 7 && Object.fromEntries(r);
  });
  assert.ok(Object.values(checks).every((st) => st === "passed"), JSON.stringify(checks));
  assert.ok((await session.textOf(sel("tenant-device-said"))).trim().length > 0, "what the device said is shown");
  await session.click(sel("nav-devices"));
  await session.waitFor(sel("screen-devices"));

  // b's sign-in lapses: the app flags b, and only b, with its cause.
  await setFault(session, "expired-sign-in", b);
  const rows = await until("b flagged", 60_000, async () => {
    const r = await flagged(session);
    return r.length > 0 && r;
  });
  assert.deepEqual(rows, [[b, "sign-in-expired"]]);
  await session.script(`document.querySelector('[data-testid="health-banner"]').scrollIntoView()`);
  await screenshot(session, "screens/en-health-flagged", assert);

  // One batch signs it in again through the embedded window.
  await session.click(sel("health-sign-in-again"));
  const w = await otherWindow(session, main);
  await session.switchTo(w);
  const end = await signIn(session);
  assert.equal(end.page, "signed-in", JSON.stringify(end));
  await session.switchTo(main);
  assert.deepEqual(await results(session, 1), { [b]: "done" });

  // Healthy again: the next check flags nothing.
  await session.click(sel("nav-devices"));
  await session.waitFor(sel("screen-devices"));
  await until("b healthy again", 60_000, async () =>
    session.script(`return !document.querySelector('[data-testid="health-banner"]')`),
  );
  const statuses = await session.script(
    `return [...document.querySelectorAll('[data-testid="device-row"]')].map(r => r.getAttribute('data-mail-status'))`,
  );
  assert.deepEqual(statuses, ["oauth2-signed-in", "oauth2-signed-in"]);
});
