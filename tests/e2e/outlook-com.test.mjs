// A device set to Outlook.com with the practice personal Microsoft account: the code
// page, then the account's password and "Stay signed in?" on login.live.com's
// stand-in, the confirmation and consent on account.live.com's, all in the embedded
// sign-in window; the device ends signed in, saved and verified.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp } from "./lib/webdriver.mjs";
import { PERSONAL, PERSONAL_PASSWORD, openWizard, otherWindow, results, sel, signIn, startPractice, startRun } from "./lib/flows.mjs";

test("Outlook.com: a personal account signs a device in on the live.com hosts", { timeout: 180_000 }, async (t) => {
  const { session } = await openApp(t, {}, "outlook-com.log");
  const main = await session.windowHandle();
  const [id] = await startPractice(session, 1);
  // The practice summary offers the personal account.
  const kind = await session.script(
    `const r = [...document.querySelectorAll('[data-testid="practice-user"]')].find(r => r.querySelector('td').textContent.trim() === arguments[0]); return r && r.getAttribute('data-kind')`,
    [PERSONAL],
  );
  assert.equal(kind, "personal");

  await openWizard(session);
  await startRun(session, { sender: PERSONAL, service: "outlook-com" });
  const consent = await otherWindow(session, main);
  await session.switchTo(consent);
  const end = await signIn(session, { upn: PERSONAL, password: PERSONAL_PASSWORD });
  assert.equal(end.page, "signed-in", JSON.stringify(end));
  assert.deepEqual(end.pages, ["code", "account", "password", "kmsi", "confirm", "consent", "signed-in"]);
  // Microsoft's host for the code, login.live.com's for the password and "Stay signed
  // in?", account.live.com's for the confirmation, consent and the end.
  const [codeAt, accountAt, passwordAt, kmsiAt, confirmAt, consentAt, doneAt] = end.origins;
  assert.equal(accountAt, codeAt);
  assert.notEqual(passwordAt, codeAt, "the password is asked on another host");
  assert.equal(kmsiAt, passwordAt);
  assert.notEqual(confirmAt, passwordAt);
  assert.equal(consentAt, confirmAt);
  assert.equal(doneAt, confirmAt);

  await session.switchTo(main);
  const states = await results(session, 1);
  assert.deepEqual(Object.values(states), ["done"], JSON.stringify(states));
  const changes = await session.textOf(`${sel("result-row")}[data-device-id="${id}"]`);
  assert.match(changes, /Outlook\.com/, changes);
});
