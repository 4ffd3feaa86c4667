// Text strangers write reaches the window as plain text: a web server on the LAN
// (here on loopback, in the test's network namespace) whose page title holds markup,
// a script, an event handler, a right-to-left override and control characters, and a
// 10 KB heading, is added by its address. Its row shows the model as text (no element
// made of it, no script run), without the override or the control characters,
// bounded, and the page does not grow wider than the window.
import { test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { openApp, screenshot, until } from "./lib/webdriver.mjs";
import { sel } from "./lib/flows.mjs";

// At most 80 bytes: longer parts of a title are not taken for a model.
const MARKUP = `<img src=x onerror=__owned=1><script>__owned=2</script>`;
const MODEL = `${MARKUP}WF-\u202eC5890\u0007\u0001 Series`;

function hostileServer() {
  const title = `EPSON ${MODEL}`.replaceAll("&", "&amp;").replaceAll("<", "&lt;");
  const page =
    `<html><head><title>${title} - ${"W".repeat(10_000)}</title></head>` +
    `<body><h1>${"Z".repeat(10_240)}</h1><a href="/PRESENTATION/HTML/TOP/INDEX.HTML">Web Config</a></body></html>`;
  const server = http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(page);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

test("hostile device text is shown as bounded plain text", { timeout: 120_000 }, async (t) => {
  const server = await hostileServer();
  t.after(() => server.close());
  const host = `127.0.0.1:${server.address().port}`;
  const { session } = await openApp(t, {}, "hostile-text.log");
  await session.waitFor(sel("screen-devices"), 30_000);
  await session.type(sel("add-device-host"), host);
  await session.click(sel("add-device"));
  const row = await until("the added device's row", 30_000, async () => {
    const r = await session.script(
      `const r = [...document.querySelectorAll('[data-testid="device-row"]')].find(r => r.innerText.includes(arguments[0]));
       return r && { id: r.getAttribute('data-device-id'), text: r.innerText, html: r.innerHTML,
                     elements: r.querySelectorAll('img, script').length, height: r.getBoundingClientRect().height };`,
      ["127.0.0.1"],
    );
    return r;
  });
  // The markup is text on screen, not elements, and nothing ran.
  assert.ok(row.text.includes("<img src=x onerror=__owned=1>"), row.text);
  assert.ok(row.text.includes("<script>"), row.text);
  assert.equal(row.elements, 0, "no element was made of the device's text");
  assert.equal(await session.script("return typeof window.__owned"), "undefined", "the device's script ran");
  // Neither the override nor the control characters reach the window.
  for (const c of ["\u202e", "\u0007", "\u0001"]) {
    assert.ok(!row.text.includes(c), `U+${c.codePointAt(0).toString(16).padStart(4, "0")} is shown`);
  }
  assert.ok(row.text.includes("WF-C5890"), row.text);
  // Bounded: the 10 KB title and heading are not on screen; the row stays a row and
  // the window does not scroll sideways.
  assert.ok(!row.text.includes("WWWWWWWWWW") && !row.text.includes("ZZZZZZZZZZ"), "the 10 KB text is shown");
  assert.ok(row.height < 200, `the row is ${row.height} px high`);
  const overflow = await session.script(
    `const w = document.querySelector('.table-wrap'), d = document.documentElement;
     return { page: d.scrollWidth - d.clientWidth, table: w.scrollWidth - w.clientWidth };`,
  );
  assert.ok(overflow.page <= 0, `the page is ${overflow.page} px wider than the window`);
  assert.ok(overflow.table <= 0, `the device table is ${overflow.table} px wider than its place`);
  await screenshot(session, "hostile-text", assert);
});
