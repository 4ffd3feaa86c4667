// The app with the keyboard only: Tab to each control, Space and Enter to use it.
// Practice mode, select all, the wizard, a password typed, Start; the waiting device's
// code and its sign-in buttons reached by Tab; Cancel. Every control the Tab key
// lands on shows the focus ring and is on screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, until } from "./lib/webdriver.mjs";
import { otherWindow, PRACTICE_DEVICE_PASSWORD, sel } from "./lib/flows.mjs";

const KEY = { tab: "\uE004", enter: "\uE007", space: "\uE00D", shift: "\uE008" };

/** Sends W3C key actions and releases every key. */
async function keyActions(session, actions) {
  await session.cmd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
  await session.cmd("DELETE", "/actions");
}

/** Presses keys (each down and up) as a person types them. */
function press(session, ...keys) {
  return keyActions(session, keys.flatMap((k) => [{ type: "keyDown", value: k }, { type: "keyUp", value: k }]));
}

/** What has the focus: its test id, tag, and whether the focus is seen (ring, on screen). */
function focused(session) {
  return session.script(`
    const e = document.activeElement;
    if (!e || e === document.body) return null;
    const s = getComputedStyle(e);
    const r = e.getBoundingClientRect();
    return {
      id: e.getAttribute('data-testid') || e.id || '',
      tag: e.tagName.toLowerCase() + (e.type ? ':' + e.type : ''),
      text: (e.innerText || e.value || e.getAttribute('aria-label') || '').slice(0, 40),
      ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
      onScreen: r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth,
    };
  `);
}

/**
 * Tabs (forward, or backward with `back`) until the control with `testid` has the
 * focus; records every stop on the way.
 */
async function tabTo(session, testid, seen, max = 80, back = false) {
  for (let i = 0; i < max; i++) {
    if (back) {
      await keyActions(session, [
        { type: "keyDown", value: KEY.shift },
        { type: "keyDown", value: KEY.tab },
        { type: "keyUp", value: KEY.tab },
        { type: "keyUp", value: KEY.shift },
      ]);
    } else {
      await press(session, KEY.tab);
    }
    const f = await focused(session);
    if (f) seen.push(f);
    if (f?.id === testid) return f;
  }
  throw new Error(`${testid} not reached in ${max} presses of Tab; stops: ${seen.slice(-max).map((f) => f.id || f.tag).join(", ")}`);
}

test("keyboard only: practice, select all, wizard, start, the sign-in's controls, cancel", { timeout: 180_000 }, async (t) => {
  const { session } = await openApp(t, {}, "keyboard.log");
  const main = await session.windowHandle();
  await session.waitFor(sel("practice-start"), 20_000);
  const seen = [];

  await tabTo(session, "practice-start", seen);
  await press(session, KEY.enter);
  await session.waitFor(sel("practice-banner"), 30_000);
  await until("practice devices listed", 30_000, async () => (await session.findAll(sel("device-row"))).length > 0);

  await tabTo(session, "select-all", seen);
  await press(session, KEY.space);
  assert.equal(await session.script(`return document.querySelector('[data-testid="select-all"]').checked`), true, "Space ticks select all");
  await tabTo(session, "to-wizard", seen);
  await press(session, KEY.enter);
  await session.waitFor(sel("screen-wizard"));

  await tabTo(session, "shared-password", seen);
  await press(session, ...PRACTICE_DEVICE_PASSWORD);
  assert.equal(
    await session.script(`return document.querySelector('[data-testid="shared-password"]').value`),
    PRACTICE_DEVICE_PASSWORD,
  );
  await tabTo(session, "run-start", seen);
  await press(session, KEY.enter);

  // The sign-in window opens beside; the main window keeps the keyboard's place.
  await otherWindow(session, main);
  await session.switchTo(main);
  await session.waitFor(`${sel("run-row")}[data-state="needs-you"]`, 60_000);
  await until("the focus on the progress", 10_000, async () => (await session.script(`return document.activeElement.id`)) === "run-progress-title");
  for (const id of ["show-sign-in-window", "open-in-browser", "copy-code"]) {
    const f = await tabTo(session, id, seen, 30);
    assert.ok(f.onScreen, `${id} is on screen when focused`);
  }
  await tabTo(session, "run-cancel", seen, 60, true);
  await press(session, KEY.enter);
  await until("the sign-in window to close after cancelling", 20_000, async () => (await session.windows()).length === 1);

  const unseen = seen.filter((f) => !f.ring || !f.onScreen);
  t.diagnostic(`${seen.length} Tab stops, ${new Set(seen.map((f) => f.id || f.tag + f.text)).size} controls`);
  assert.deepEqual(unseen, [], "every Tab stop shows the focus ring and is on screen");
});
