// A crash in the middle of a batch, in the real window: two practice devices wait for
// their sign-in when the app is killed (SIGKILL, as a power cut or a crash would end
// it). The next start, with the same home, offers the two devices (each with the last
// step recorded for it), "Resume" selects them with the run's sender, one batch signs
// them in, and the audit trail (read with the CLI) records the new run as resuming the
// killed one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";
import { APP, openApp, screenshot, until } from "./lib/webdriver.mjs";
import { privateHome } from "./lib/desktop.mjs";
import { results, sel, signInEach, startPractice, startRun } from "./lib/flows.mjs";

/** The app's processes that run with this home (found in /proc). */
function appPids(home) {
  const exe = path.resolve(APP);
  const pids = [];
  for (const p of readdirSync("/proc")) {
    if (!/^\d+$/.test(p)) continue;
    try {
      if (readlinkSync(`/proc/${p}/exe`) !== exe) continue;
      if (readFileSync(`/proc/${p}/environ`, "utf8").split("\0").includes(`HOME=${home}`)) pids.push(Number(p));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

function rows(session, testid) {
  return session.script(
    `return [...document.querySelectorAll('[data-testid="${testid}"]')].map(r => [r.getAttribute('data-device-id'), r.getAttribute('data-state') ?? r.querySelector('[data-testid="unfinished-last"]')?.getAttribute('data-last')])`,
  );
}

test("a batch killed mid-run is offered at the next start and resumed", { timeout: 300_000 }, async (t) => {
  const { home, env } = privateHome(t, "printoauth-e2e-resume-");

  // The first start: two devices, the batch waits for their sign-ins.
  const first = await openApp(t, env, "resume-1.log");
  let session = first.session;
  const ids = await startPractice(session, 2);
  await session.click(sel("select-all"));
  await session.click(sel("to-wizard"));
  await session.waitFor(sel("screen-wizard"));
  await startRun(session);
  await until("both devices to wait for their sign-in", 60_000, async () => {
    const r = await rows(session, "run-row");
    return r.length === 2 && r.every(([, st]) => st === "needs-you");
  });
  const pids = appPids(home);
  assert.equal(pids.length, 1, `one app process with this home: ${pids}`);
  process.kill(pids[0], "SIGKILL");
  await until("the app to be gone", 10_000, () => appPids(home).length === 0);
  await first.stop();

  // The next start: practice mode again, the killed run's devices offered.
  const second = await openApp(t, env, "resume-2.log");
  session = second.session;
  const again = await startPractice(session, 2);
  assert.deepEqual(again, ids, "practice devices keep their ids");
  await session.waitFor(sel("unfinished-banner"), 20_000);
  const offered = Object.fromEntries(await rows(session, "unfinished-device"));
  assert.deepEqual(offered, Object.fromEntries(ids.map((id) => [id, "sign-in-started"])), JSON.stringify(offered));
  const lastText = await session.textOf(sel("unfinished-last"));
  assert.match(lastText, /last step: sign-in started/);
  await screenshot(session, "screens/en-unfinished", assert);

  // Resume: the wizard with both devices and the run's sender; one batch signs them in.
  await session.click(sel("unfinished-resume"));
  await session.waitFor(sel("screen-wizard"));
  const main = await session.windowHandle();
  await startRun(session);
  await signInEach(session, main, 2);
  assert.deepEqual(await results(session, 2), Object.fromEntries(ids.map((id) => [id, "done"])));
  await second.stop();

  // The audit trail: the resumed run names the killed one and finished both devices.
  const cli = path.join(path.dirname(APP), "printoauth");
  const db = path.join(env.XDG_DATA_HOME, "app.printoauth.desktop", "audit.sqlite3");
  const out = JSON.parse(execFileSync(cli, ["--json", "--audit", db, "audit"], { encoding: "utf8", env: { ...process.env, ...env } }).trim().split("\n").pop());
  const runs = out.result.runs.map((r) => r.run);
  assert.equal(runs.length, 2, JSON.stringify(runs));
  const [resumed, killed] = runs;
  assert.equal(resumed.resumes, killed.id, JSON.stringify(runs));
  const done = out.result.runs[0].entries.filter((e) => e.action === "done").map((e) => e.device).sort();
  assert.deepEqual(done, [...ids].sort());
});
