// End-to-end smoke test of the built desktop app, through WebDriver.
//
// Needs an X display and a session bus: run it through tests/e2e/app-smoke.sh,
// which provides both (Xvfb + dbus-run-session) and a time limit. Builds
// nothing: the UI (ui/dist) and the app (target/debug/printoauth-app) must be
// built first. Starts tauri-driver (which starts WebKitWebDriver, which starts
// the app), checks the window shows the product's name and the app's answer
// to `app_info`, and saves a screenshot to tests/artifacts/app-smoke.png that
// must not be blank.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { colourStats, decodePng } from "./png.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ARTIFACTS = path.join(ROOT, "tests/artifacts");
const TARGET_DIR = process.env.CARGO_TARGET_DIR
  ? path.resolve(ROOT, process.env.CARGO_TARGET_DIR)
  : path.join(ROOT, "target");
const APP = process.env.PRINTOAUTH_APP_BIN ?? path.join(TARGET_DIR, "debug/printoauth-app");
const TAURI_DRIVER = process.env.TAURI_DRIVER ?? "tauri-driver";

/** A TCP port nobody listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function accepts(port) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: "127.0.0.1", port });
    sock.once("connect", () => (sock.destroy(), resolve(true)));
    sock.once("error", () => resolve(false));
  });
}

async function until(what, timeoutMs, probe, everyMs = 100) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ""}`);
    }
    await sleep(everyMs);
  }
}

/** tauri-driver in its own process group, stopped politely (SIGTERM) so WebKitWebDriver goes with it. */
class Driver {
  constructor(port, nativePort, logFile) {
    this.log = createWriteStream(logFile);
    this.child = spawn(TAURI_DRIVER, ["--port", String(port), "--native-port", String(nativePort)], {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child.stdout.pipe(this.log, { end: false });
    this.child.stderr.pipe(this.log, { end: false });
    this.exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.once("error", (e) => this.log.write(`spawn failed: ${e.message}\n`));
  }

  get running() {
    return this.child.exitCode === null && this.child.signalCode === null && this.child.pid !== undefined;
  }

  async stop() {
    if (this.stopped) return;
    this.stopped = true;
    const pid = this.child.pid;
    if (pid !== undefined) {
      if (this.running) {
        this.child.kill("SIGTERM");
        await Promise.race([this.exited, sleep(5000, undefined, { ref: false })]);
      }
      // Whatever is left of its group (WebKitWebDriver, the app): TERM, and KILL only as a last resort.
      if (groupAlive(pid)) {
        signalGroup(pid, "SIGTERM");
        await until("tauri-driver's process group to end", 3000, () => !groupAlive(pid)).catch(() => {});
      }
      if (groupAlive(pid)) signalGroup(pid, "SIGKILL");
    }
    this.log.end();
  }
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pgid, sig) {
  try {
    process.kill(-pgid, sig);
  } catch {
    // already gone
  }
}

/** A minimal W3C WebDriver client on fetch. */
class Session {
  static async start(port, application) {
    const base = `http://127.0.0.1:${port}`;
    const res = await call("POST", `${base}/session`, {
      capabilities: {
        alwaysMatch: { browserName: "wry", "tauri:options": { application } },
      },
    });
    return new Session(`${base}/session/${res.sessionId}`);
  }

  constructor(url) {
    this.url = url;
  }

  cmd(method, route, body) {
    return call(method, `${this.url}${route}`, body);
  }

  async find(css) {
    const el = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return Object.values(el)[0];
  }

  text(id) {
    return this.cmd("GET", `/element/${id}/text`);
  }

  attribute(id, name) {
    return this.cmd("GET", `/element/${id}/attribute/${name}`);
  }

  script(source, args = []) {
    return this.cmd("POST", "/execute/sync", { script: source, args });
  }

  async screenshot() {
    return Buffer.from(await this.cmd("GET", "/screenshot"), "base64");
  }

  end() {
    return this.cmd("DELETE", "");
  }
}

// One kept-alive connection for all WebDriver requests: tauri-driver sometimes
// hangs up on a request sent with "Connection: close". Destroyed when the test ends.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One WebDriver request. */
function call(method, url, body) {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        agent,
        timeout: 30_000,
        headers: payload ? { "content-type": "application/json", "content-length": payload.length } : {},
      },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => {
          let json = {};
          try {
            json = JSON.parse(Buffer.concat(chunks).toString("utf8"));
          } catch {
            // not JSON: reported below with the status
          }
          if (res.statusCode >= 400 || json?.value?.error) {
            reject(new Error(`${method} ${url}: HTTP ${res.statusCode} ${JSON.stringify(json?.value ?? json)}`));
          } else {
            resolve(json.value);
          }
        });
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`${method} ${url}: no answer in 30 s`)));
    req.on("error", (e) => reject(new Error(`${method} ${url}: ${e.message}`, { cause: e })));
    req.end(payload);
  });
}

test("the app starts, shows its name and version, and renders a non-blank window", { timeout: 120_000 }, async (t) => {
  assert.ok(process.env.DISPLAY, "no DISPLAY: run this through tests/e2e/app-smoke.sh");
  assert.ok(existsSync(APP), `no app binary at ${APP}: build it first (cargo build -p printoauth-app)`);
  mkdirSync(ARTIFACTS, { recursive: true });

  const [port, nativePort] = [await freePort(), await freePort()];
  const driver = new Driver(port, nativePort, path.join(ARTIFACTS, "tauri-driver.log"));
  let session;
  const stop = async () => {
    if (session) await session.end().catch(() => {});
    session = undefined;
    await driver.stop();
  };
  const onSignal = (sig) => stop().finally(() => process.exit(sig === "SIGINT" ? 130 : 143));
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
  t.after(async () => {
    await stop();
    agent.destroy();
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
  });

  const started = Date.now();
  await until("tauri-driver's ports", 20_000, async () => {
    if (!driver.running) throw new Error(`tauri-driver exited (${driver.child.exitCode ?? driver.child.signalCode})`);
    return (await accepts(port)) && (await accepts(nativePort));
  });
  session = await Session.start(port, APP);
  t.diagnostic(`session up in ${Date.now() - started} ms`);

  // The product's name, rendered by the Svelte UI.
  const title = await until("the app's title", 20_000, async () => {
    const text = await session.text(await session.find('[data-testid="app-title"]'));
    return text.trim() === "printoauth" && text;
  });
  assert.equal(title.trim(), "printoauth");
  assert.equal(await session.cmd("GET", "/title"), "printoauth");

  // The status area: the UI called `app_info` over IPC (CSP allows ipc:) and got an answer.
  const status = await session.find('[data-testid="status"]');
  const state = await until("app_info's answer", 20_000, async () => {
    const s = await session.attribute(status, "data-state");
    return s !== "loading" && s;
  });
  assert.equal(state, "ready", `status: ${await session.text(status)}`);
  const version = await session.text(await session.find('[data-testid="status-version"]'));
  assert.match(version, /^printoauth \d+\.\d+\.\d+\S* is ready\.$/);

  // The stylesheet was allowed by the CSP and applied.
  const styled = await session.script(
    "const s = getComputedStyle(document.querySelector('[data-testid=status]'));" +
      "return { border: s.borderTopStyle, radius: s.borderTopLeftRadius, sheets: document.styleSheets.length };",
  );
  assert.deepEqual(styled, { border: "solid", radius: "12px", sheets: 1 });

  // The CSP is in force: the page may not evaluate strings as code.
  const evalProbe = await session.script(
    "try { return 'allowed:' + (0, eval)('1 + 1'); } catch (e) { return e.name + ': ' + e.message; }",
  );
  assert.match(evalProbe, /^EvalError/, "the page could eval(): is the CSP missing?");

  // What a person sees: give WebKit a moment to paint, then look.
  await sleep(400);
  const png = await session.screenshot();
  const file = path.join(ARTIFACTS, "app-smoke.png");
  writeFileSync(file, png);
  const image = decodePng(png);
  const stats = colourStats(image);
  t.diagnostic(`screenshot ${image.width}x${image.height}, ${stats.distinct} colours, ` +
    `dominant ${(stats.dominantShare * 100).toFixed(1)}% -> ${path.relative(ROOT, file)}`);
  assert.ok(image.width >= 600 && image.height >= 400, `screenshot too small: ${image.width}x${image.height}`);
  assert.ok(stats.distinct >= 32, `screenshot looks blank: ${stats.distinct} distinct colours`);
  assert.ok(stats.dominantShare < 0.98, `screenshot is nearly one colour (${stats.dominantShare})`);

  await stop();
  t.diagnostic(`whole run ${Date.now() - started} ms`);
});
