// The whole product in the real window: practice mode with six emulated Epson
// devices (every firmware family and page markup, both save styles, French- and
// German-first pages, business devices with the blank default user name), all selected, the wizard run, the administrator signing in and consenting in
// the embedded sign-in window (the account, the password, "Stay signed in?", "Are you
// trying to sign in to …?" and consent on the emulator's pages, as on Microsoft's), and every device ending Signed in, saved and verified.
// Screenshots of each main screen go to tests/artifacts/screens/ and must not be blank.
// The customer's report of the run is saved from the Results screen (a PDF with the
// site, every device and its result, what changed, the tenant check, fonts embedded).
// It also counts the human actions per device (printed for scripts/bench.sh).
// Then no secret anywhere it should not be: the app runs with a home of its own, and
// neither the devices' or the administrator's password, nor a sign-in code the window
// typed, nor a token the emulated tenant issued (its access tokens' JWT header, its
// refresh tokens' prefix) is in any file the app wrote there (its data folder and
// audit trail, the sign-in window's private web data, caches) or in what it printed (RUST_LOG=trace).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ARTIFACTS, openApp, screenshot, until } from "./lib/webdriver.mjs";
import { fakeOpener, privateHome } from "./lib/desktop.mjs";
import { actions, ADMIN, ADMIN_PASSWORD, PRACTICE_DEVICE_PASSWORD, openWizard, otherWindow, results, sel, signIn, startPractice, startRun } from "./lib/flows.mjs";

const N = Number(process.env.PRINTOAUTH_E2E_DEVICES ?? 6);

test(`practice mode: ${N} devices configured through the wizard and the embedded sign-in`, { timeout: 240_000 }, async (t) => {
  const { home, env } = privateHome(t, "printoauth-e2e-home-");
  env.RUST_LOG = "trace";
  // The desktop's opener: what "Open" and "Show in folder" hand it is written down.
  const opener = fakeOpener(home);
  env.PATH = `${opener.bin}:${process.env.PATH}`;
  const { session, stop } = await openApp(t, env, "practice-batch.log");
  const codes = [];
  const reportTexts = [];
  const main = await session.windowHandle();

  // Nothing answers on this (namespaced) network: after a few seconds the app says so
  // and offers practice mode.
  await session.waitFor(sel("devices-quiet"), 20_000);
  await session.waitFor(sel("practice-start"));

  const ids = await startPractice(session, N);
  assert.equal(ids.length, N);
  await screenshot(session, "screens/en-devices", assert);
  const practiceText = await session.textOf(sel("practice-banner"));
  assert.ok(practiceText.trim().length > 0, "the practice banner says so");

  actions.count = 0;
  await openWizard(session);
  assert.equal(
    await session.script(`return document.querySelector('[data-testid="sender"]').value`),
    ADMIN,
    "practice mode suggests the administrator's mailbox as the sender",
  );
  assert.equal(
    await session.script(`return document.querySelector('[data-testid="embedded-sign-in"]').checked`),
    true,
    "embedded sign-in is the default",
  );
  await startRun(session);
  const setupActions = actions.count;

  // The sign-in window opens by itself on the first device's code.
  const consent = await otherWindow(session, main);
  await session.switchTo(main);
  const waiting = await session.waitFor(`${sel("run-row")}[data-state="needs-you"]`, 60_000);
  assert.ok(waiting);
  // The run's progress came into view by itself: the waiting device's code and the
  // ways to sign in are on screen without scrolling.
  const inView = await session.script(`
    const r = document.querySelector('[data-testid="run-code"]').getBoundingClientRect();
    const b = document.querySelector('[data-testid="open-in-browser"]').getBoundingClientRect();
    return r.top >= 0 && b.bottom <= window.innerHeight && document.activeElement.id === 'run-progress-title';`);
  assert.equal(inView, true, "the progress, the code and the sign-in buttons are in view, the focus on the progress");
  const shownCode = (await session.textOf(sel("run-code"))).trim();
  assert.match(shownCode, /^[A-Z0-9]{9}$/, `the code is shown in the app: ${shownCode}`);
  await session.waitFor(sel("open-in-browser"));
  await session.waitFor(sel("copy-code"));
  await screenshot(session, "screens/en-wizard", assert);

  // One sign-in per device, in the same window: password once, then the account picker.
  const perDevice = [];
  const pagesPerDevice = [];
  let previous;
  for (let i = 0; i < N; i++) {
    await session.switchTo(consent);
    const before = actions.count;
    const end = await signIn(session, { skipCode: previous });
    assert.equal(end.page, "signed-in", `device ${i + 1}: ${JSON.stringify(end)}`);
    assert.match(end.code ?? "", /^[A-Z0-9]{9}$/, "the app typed the device's code into the code field");
    assert.notEqual(end.code, previous, "each device has its own code");
    if (i === 0) {
      assert.deepEqual(
        end.pages,
        ["code", "account", "password", "kmsi", "confirm", "consent", "signed-in"],
        "Microsoft's sequence: code, account, password, Stay signed in?, Are you trying to sign in…?, Permissions requested",
      );
    } else {
      assert.deepEqual(
        end.pages,
        ["code", "pick", "confirm", "signed-in"],
        "the same window keeps the sign-in: Next, the account in the picker, Continue",
      );
    }
    assert.match(end.text, /^You have signed in to the .+ application on your device\. You may now close this window\.$/);
    previous = end.code;
    codes.push(end.code);
    perDevice.push(actions.count - before);
    pagesPerDevice.push(end.pages.join(">"));
  }
  t.diagnostic(`actions: setup ${setupActions}, per device ${JSON.stringify(perDevice)}`);
  console.log(`PRINTOAUTH_ACTIONS setup=${setupActions} per_device=${perDevice.join(",")}`);
  console.log(`PRINTOAUTH_PAGES ${pagesPerDevice.join(" ")}`);
  for (let i = 1; i < N; i++) assert.ok(perDevice[i] <= 3, `device ${i + 1}: ${perDevice[i]} actions (at most 3)`);

  await session.switchTo(main);
  const states = await results(session, N);
  assert.deepEqual(Object.values(states), Array(N).fill("done"), JSON.stringify(states));
  for (const id of ids) {
    const changes = await session.textOf(`${sel("result-row")}[data-device-id="${id}"]`);
    assert.match(changes, /OAuth2/, `what changed on ${id}: ${changes}`);
  }
  await screenshot(session, "screens/en-results", assert);

  // The sign-in window closed when the batch ended.
  await until("the sign-in window to close", 20_000, async () => (await session.windows()).length === 1);

  // The device list knows the new status.
  await session.click(sel("nav-devices"));
  const statuses = await session.script(
    `return [...document.querySelectorAll('[data-testid="device-row"]')].map(r => r.getAttribute('data-mail-status'))`,
  );
  assert.deepEqual(statuses, Array(N).fill("oauth2-signed-in"));

  // Troubleshooting one device: healthy.
  await session.click(sel("nav-troubleshoot"));
  await session.waitFor(sel("screen-troubleshoot"));
  await session.click(sel("troubleshoot-run"));
  const finding = await until("a diagnosis", 30_000, async () => {
    const d = await session.script(`const d = document.querySelector('[data-testid="diagnosis"]'); return d && d.getAttribute('data-finding')`);
    return d;
  });
  assert.equal(finding, "healthy");
  await screenshot(session, "screens/en-troubleshoot", assert);

  // The tenant step: checklist and live check (sign-in again in the embedded window, test mail).
  await session.click(sel("nav-tenant"));
  await session.waitFor(sel("screen-tenant"));
  await screenshot(session, "screens/en-tenant", assert);
  await session.click(sel("tenant-check-start"));
  const tw = await otherWindow(session, main);
  await session.switchTo(tw);
  const end = await signIn(session);
  assert.equal(end.page, "signed-in", JSON.stringify(end));
  codes.push(end.code);
  // The batch's sign-in session was wiped when the batch ended: account and password again.
  assert.ok(end.pages.includes("password") && !end.pages.includes("pick"), JSON.stringify(end.pages));
  await session.switchTo(main);
  const checks = await until("the tenant check's results", 60_000, async () => {
    const rows = await session.script(
      `return [...document.querySelectorAll('[data-testid="check-row"]')].map(r => [r.getAttribute('data-check-id'), r.getAttribute('data-status')])`,
    );
    return rows.length >= 7 && Object.fromEntries(rows);
  });
  assert.equal(checks["test-mail"], "passed", JSON.stringify(checks));
  assert.equal(checks["sign-in"], "passed");
  await screenshot(session, "screens/en-tenant-checked", assert);

  // The customer's report of the run, saved from the Results screen: a PDF in the
  // reports folder under the test's home, with the site, every device and its result,
  // and the fonts embedded.
  await session.click(sel("nav-results"));
  await session.waitFor(sel("report-panel"));
  await session.type(sel("report-site"), "Contoso Vilnius office");
  await session.click(sel("report-save"));
  const saved = await session.waitFor(sel("report-saved"), 30_000);
  assert.ok(saved);
  const reportPath = await session.script(`return document.querySelector('[data-testid="report-saved"]').getAttribute('data-path')`);
  assert.ok(reportPath.startsWith(home + path.sep), `the report is saved under the app's home: ${reportPath}`);
  assert.match(path.basename(reportPath), /^printoauth-report-[0-9a-f]{8}\.pdf$/);
  assert.ok((await session.textOf(sel("report-saved"))).includes(reportPath), "the app says where the report is");
  const pdf = readFileSync(reportPath);
  assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
  const reportText = execFileSync("pdftotext", ["-layout", reportPath, "-"], { encoding: "utf8" });
  assert.match(reportText, /Contoso Vilnius office/);
  for (const id of ids) {
    const model = await session.script(`return document.querySelector('[data-testid="result-row"][data-device-id="${id}"] strong').textContent`);
    assert.ok(reportText.includes(model.split(" (")[0].trim()), `the report names ${model}:\n${reportText}`);
  }
  const doneLines = reportText.split("\n").filter((l) => l.includes("Result: set up and verified"));
  assert.equal(doneLines.length, N, `every device's result in the report:\n${reportText}`);
  // The tenant check the app just ran is in it (the audit trail keeps each check).
  assert.match(reportText, /Microsoft 365 check/);
  assert.match(reportText, /Checked by printoauth: a sign-in and a test mail\./);
  assert.match(reportText, /Every check passed\./);
  // What changed, before → after, with its arrow drawn (not "->" or "?").
  assert.match(reportText, /→ OAuth2/, reportText);
  const fonts = execFileSync("pdffonts", [reportPath], { encoding: "utf8" });
  const fontRows = fonts.split("\n").slice(2).filter((l) => l.trim());
  assert.ok(fontRows.length > 0 && fontRows.every((l) => / yes +yes +/.test(l)), `every font embedded:\n${fonts}`);
  await screenshot(session, "screens/en-report-saved", assert);
  // Open and Show in folder hand the report, and its folder, to the desktop.
  await session.click(sel("report-open"));
  await session.click(sel("report-show-folder"));
  const opened = await until("the desktop to get the report and its folder", 10_000, () => {
    const lines = existsSync(opener.opened) ? readFileSync(opener.opened, "utf8").trim().split("\n") : [];
    return lines.length >= 2 && lines;
  });
  assert.deepEqual(opened, [reportPath, path.dirname(reportPath)]);
  reportTexts.push(reportText);

  // No secret in the app's files, while it runs and after it quit, nor in its output.
  const secrets = [PRACTICE_DEVICE_PASSWORD, ADMIN_PASSWORD, "eyJ0eXAiOiJKV1Qi", "0.PRACTICE.", ...codes.filter(Boolean)];
  assert.ok(codes.filter(Boolean).length === N + 1, `the codes were seen: ${codes}`);
  const sweep = (when) => {
    const found = files(home);
    assert.ok(found.length > 0, "the app wrote its data under the test's home");
    for (const [file, text] of found) {
      for (const s of secrets) assert.ok(!text.includes(s), `${when}: ${JSON.stringify(s)} in ${path.relative(home, file)}`);
    }
    // The report's PDF keeps its text compressed: searched as pdftotext reads it.
    for (const text of reportTexts) {
      for (const s of secrets) assert.ok(!text.includes(s), `${when}: ${JSON.stringify(s)} in the report's text`);
    }
    return found.map(([file]) => path.relative(home, file));
  };
  const running = sweep("while the app runs");
  await stop();
  const after = sweep("after the app quit");
  const log = readFileSync(path.join(ARTIFACTS, "practice-batch.log"), "utf8");
  for (const s of secrets) assert.ok(!log.includes(s), `${JSON.stringify(s)} in the app's output`);
  t.diagnostic(`secrets: ${secrets.length} searched in ${running.length} files (running), ${after.length} (after), and the log`);
  t.diagnostic(`files the app wrote: ${running.join(", ")}`);
});

/**
 * Every file below `dir` with its bytes read as text: as bytes (ASCII, UTF-8) and as
 * UTF-16 at both alignments (WebKit keeps web storage in UTF-16).
 */
function files(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) out.push(...files(p));
    else if (st.isFile()) {
      const b = readFileSync(p);
      out.push([p, [b.toString("latin1"), b.toString("utf16le"), b.subarray(1).toString("utf16le")].join("\n")]);
    }
  }
  return out;
}
