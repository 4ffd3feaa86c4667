// Every main screen of the real window in each of the product's languages: no raw
// message id and no unfilled placeholder shows, the main buttons are not clipped, the
// page says which language it is in, and a screenshot of each screen is kept
// (tests/artifacts/screens/<lang>-<screen>.png).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { openApp, ROOT, screenshot, until } from "./lib/webdriver.mjs";
import { chooseOption, openWizard, otherWindow, results, sel, signIn, startPractice, startRun } from "./lib/flows.mjs";

const LANGS = ["en", "uz", "lt", "be", "hi", "mk"];
const SCREENS = ["devices", "tenant", "wizard", "results", "troubleshoot"];
const IDS = readFileSync(path.join(ROOT, "i18n/en.ftl"), "utf8")
  .split("\n")
  .map((l) => /^([a-z][a-z0-9-]*)\s*=/.exec(l)?.[1])
  .filter(Boolean);
// Scripts each language is written in (English and Uzbek: Latin; Lithuanian: Latin
// with its letters; Belarusian and Macedonian: Cyrillic; Hindi: Devanagari).
const SCRIPT = {
  en: /[A-Za-z]/,
  uz: /[A-Za-z]/,
  lt: /[ąčęėįšųūž]/i,
  be: /[\u0400-\u04FF]/,
  hi: /[\u0900-\u097F]/,
  mk: /[\u0400-\u04FF]/,
};

test("every main screen in every language: no raw keys, nothing clipped", { timeout: 300_000 }, async (t) => {
  const { session } = await openApp(t, { LANG: "en_US.UTF-8" }, "languages.log");
  const main = await session.windowHandle();

  // Content for every screen: one practice device configured and diagnosed.
  await startPractice(session, 1);
  await openWizard(session);
  await startRun(session);
  await session.switchTo(await otherWindow(session, main));
  assert.equal((await signIn(session)).page, "signed-in");
  await session.switchTo(main);
  await results(session, 1);
  await session.click(sel("nav-troubleshoot"));
  await session.click(sel("troubleshoot-run"));
  await session.waitFor(sel("diagnosis"), 30_000);

  for (const lang of LANGS) {
    await chooseOption(session, "language", lang);
    await until(`<html lang=${lang}>`, 10_000, async () => (await session.script(`return document.documentElement.lang`)) === lang);
    for (const screen of SCREENS) {
      await session.click(sel(`nav-${screen}`));
      await session.waitFor(sel(`screen-${screen}`));
      const report = await session.script(
        `
        const ids = new Set(arguments[0]);
        const text = document.body.innerText;
        const words = text.split(/[\\s"'«»„“()\\[\\]:,.!?]+/).filter(Boolean);
        const rawKeys = [...new Set(words.filter((w) => ids.has(w)))];
        const placeholders = (text.match(/\\{\\s*\\$[a-z_]+\\s*\\}|\\bundefined\\b|\\[object Object\\]/g) || []);
        const clipped = [];
        for (const b of document.querySelectorAll('button, [role="button"], select, nav a')) {
          const r = b.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) continue; // not shown
          const s = getComputedStyle(b);
          if (s.visibility === 'hidden') continue;
          if (b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1) {
            clipped.push((b.getAttribute('data-testid') || b.tagName) + ': ' + (b.innerText || b.value || '').trim().slice(0, 40) + ' [' + b.scrollWidth + '>' + b.clientWidth + ' / ' + b.scrollHeight + '>' + b.clientHeight + ']');
          }
        }
        const overflowX = document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;
        return { rawKeys, placeholders, clipped, overflowX, sample: text.slice(0, 2000) };
        `,
        [IDS],
      );
      const where = `${lang}/${screen}`;
      assert.deepEqual(report.rawKeys, [], `${where}: raw message ids shown`);
      assert.deepEqual(report.placeholders, [], `${where}: unfilled placeholders`);
      assert.deepEqual(report.clipped, [], `${where}: clipped buttons`);
      assert.equal(report.overflowX, false, `${where}: the page scrolls sideways`);
      assert.match(report.sample, SCRIPT[lang], `${where}: no text in the language's script`);
      await screenshot(session, `screens/${lang}-${screen}`, assert);
    }
  }
});
