// Health and re-sign-in in the app: two practice devices configured, then one's
// sign-in lapses (practice fault "expired-sign-in": its tokens lapse and a scan to
// email fails with 361). The Devices screen flags it (and only it); one "Sign in
// again" batch signs it in through the embedded sign-in window; the next check finds
// it healthy and the banner is gone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, screenshot, until } from "./lib/webdriver.mjs";
import { openWizard, otherWindow, results, sel, setFault, signIn, startPractice, startRun } from "./lib/flows.mjs";

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
  const consent = await otherWindow(session, main);
  await session.switchTo(consent);
  let previous;
  for (let i = 0; i < 2; i++) {
    const end = await signIn(session, { skipCode: previous });
    assert.equal(end.page, "signed-in", JSON.stringify(end));
    previous = end.code;
  }
  await session.switchTo(main);
  assert.deepEqual(await results(session, 2), { [a]: "done", [b]: "done" });
  await until("the sign-in window to close", 20_000, async () => (await session.windows()).length === 1);

  // Freshly signed in: nothing flagged.
  await session.click(sel("nav-devices"));
  await session.waitFor(sel("screen-devices"));
  await until("the check after the run", 30_000, async () =>
    session.script(`return !document.querySelector('[data-testid="health-banner"]')`),
  );

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
