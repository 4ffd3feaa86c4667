// A code page built by script (login.microsoft.com's /device): the form appears only
// after the page's script runs, the code field has no id or name "otc" (only its
// aria-label and placeholder say "Code"), and the page keeps the code in its own state,
// which ignores a value merely assigned to the field (as a framework's value tracking
// does). The sign-in window must still type the code so that the page registers it:
// Next then reaches the account step, and the device ends signed in.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, until } from "./lib/webdriver.mjs";
import { pageState, results, runIntoSignInWindow, sel, signIn } from "./lib/flows.mjs";

test("a code page built by script registers the code the window types", { timeout: 180_000 }, async (t) => {
  const { session } = await openApp(t, {}, "scripted-code-page.log");
  const { main, consent } = await runIntoSignInWindow(session);

  // The device's own code, as the window typed it on the plain code page.
  const first = await until("the code page with the device's code", 30_000, async () => {
    const s = await pageState(session);
    return s.page === "code" && s.code ? s : false;
  });
  const code = first.code;
  assert.match(code, /^[A-Z0-9]{9}$/);

  // The same code on the script-built page of the same (allowed) origin.
  await session.script(
    `location.href = location.origin + "/device#printoauth-code=" + encodeURIComponent(arguments[0]);`,
    [code],
  );
  const seen = await until("the script-built field to hold the code", 20_000, () =>
    session.script(`
      const f = document.getElementById("codeForm");
      const i = f && f.querySelector("input.code-input");
      return f && i && i.value ? { shown: i.value, registered: f.getAttribute("data-code"), id: i.id, name: i.name, url: location.href } : false;`),
  );
  assert.equal(seen.shown, code, "the field shows the code");
  assert.equal(seen.registered, code, "the page's own state registered it (input event after the native setter)");
  assert.equal(seen.id, "", "the field has no id");
  assert.equal(seen.name, "", "the field has no name");
  assert.ok(!seen.url.includes("printoauth-code"), `the code left the address bar: ${seen.url}`);

  // Next: the server got the code from the page's state.
  await session.click("#idSIButton9");
  await until("the account step", 20_000, async () => {
    const s = await pageState(session);
    return s.page === "account" || s.page === "pick";
  });
  const end = await signIn(session);
  assert.equal(end.page, "signed-in", JSON.stringify(end));

  await session.switchTo(main);
  const states = await results(session, 1);
  assert.deepEqual(Object.values(states), ["done"], JSON.stringify(states));
});
