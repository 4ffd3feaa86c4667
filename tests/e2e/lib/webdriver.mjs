// A small W3C WebDriver toolkit for the end-to-end tests of the real app window:
// tauri-driver in its own process group (stopped politely so WebKitWebDriver goes
// with it), a minimal client on node's http, polling, screenshots checked non-blank.
// No npm packages: node's standard library only.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { colourStats, decodePng } from "../png.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const ARTIFACTS = path.join(ROOT, "tests/artifacts");
const TARGET_DIR = process.env.CARGO_TARGET_DIR
  ? path.resolve(ROOT, process.env.CARGO_TARGET_DIR)
  : path.join(ROOT, "target");
export const APP = process.env.PRINTOAUTH_APP_BIN ?? path.join(TARGET_DIR, "debug/printoauth-app");
const TAURI_DRIVER = process.env.TAURI_DRIVER ?? "tauri-driver";

/** A TCP port nobody listens on right now. */
export function freePort() {
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

export function accepts(port) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: "127.0.0.1", port });
    sock.once("connect", () => (sock.destroy(), resolve(true)));
    sock.once("error", () => resolve(false));
  });
}

export async function until(what, timeoutMs, probe, everyMs = 100) {
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
export class Driver {
  constructor(port, nativePort, logFile, env = {}) {
    this.log = createWriteStream(logFile);
    this.child = spawn(TAURI_DRIVER, ["--port", String(port), "--native-port", String(nativePort)], {
      detached: true,
      env: { ...process.env, ...env },
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
export class Session {
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

  /** The first element matching `css`, waiting up to `ms` for it. */
  async waitFor(css, ms = 20_000) {
    return until(`element ${css}`, ms, () => this.find(css), 150);
  }

  async findAll(css) {
    const els = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return els.map((e) => Object.values(e)[0]);
  }

  async click(css, ms) {
    const id = await this.waitFor(css, ms);
    await this.cmd("POST", `/element/${id}/click`, {});
    actions.count += 1;
    return id;
  }

  /** Clears a field and types `value` into it (one human action). */
  async type(css, value, ms) {
    const id = await this.waitFor(css, ms);
    await this.cmd("POST", `/element/${id}/clear`, {});
    if (String(value) !== "") await this.cmd("POST", `/element/${id}/value`, { text: String(value) });
    actions.count += 1;
    return id;
  }

  /** Text of the first element matching `css`. */
  async textOf(css, ms) {
    return this.text(await this.waitFor(css, ms));
  }

  /** Waits until `fn` (run in the page, returning a value) is truthy. */
  async waitScript(what, source, ms = 20_000, args = []) {
    return until(what, ms, async () => this.script(source, args), 200);
  }

  windows() {
    return this.cmd("GET", "/window/handles");
  }

  windowHandle() {
    return this.cmd("GET", "/window");
  }

  switchTo(handle) {
    return this.cmd("POST", "/window", { handle });
  }

  /**
   * The current window as the user sees it: the part of the X display its rectangle
   * covers, as PNG. (WebKitWebDriver's own screenshot stops answering for a page drawn
   * without GPU compositing, as the app's main window is, once another window of the
   * session has closed; the display is what a person looks at anyway.)
   */
  async screenshot() {
    const { x, y, width, height } = await this.cmd("GET", "/window/rect");
    const grab = spawnSync(
      "import",
      ["-silent", "-window", "root", "-crop", `${width}x${height}+${x}+${y}`, "+repage", "png24:-"],
      { maxBuffer: 64 << 20, timeout: 20_000 },
    );
    if (grab.status !== 0) {
      throw new Error(`screenshot: import ${grab.status ?? grab.signal}: ${grab.stderr?.toString().trim()}`);
    }
    return grab.stdout;
  }

  end() {
    return this.cmd("DELETE", "");
  }
}

// One kept-alive connection for all WebDriver requests: tauri-driver sometimes
// hangs up on a request sent with "Connection: close". Destroyed when the test ends.
/** Human actions done through the window (clicks and typed fields), for the bench. */
export const actions = { count: 0 };

export const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One WebDriver request. */
export function call(method, url, body) {
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


/**
 * Starts tauri-driver and a session on the app; registers cleanup on `t`.
 * `env`: extra environment for the app.
 */
export async function openApp(t, env = {}, logName = "tauri-driver.log") {
  if (!process.env.DISPLAY) throw new Error("no DISPLAY: run the e2e tests through tests/e2e/run.sh");
  if (!existsSync(APP)) throw new Error(`no app binary at ${APP}: build it first (cargo build -p printoauth-app)`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const [port, nativePort] = [await freePort(), await freePort()];
  const driver = new Driver(port, nativePort, path.join(ARTIFACTS, logName), env);
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
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
  });
  await until("tauri-driver's ports", 20_000, async () => {
    if (!driver.running) throw new Error(`tauri-driver exited (${driver.child.exitCode ?? driver.child.signalCode})`);
    return (await accepts(port)) && (await accepts(nativePort));
  });
  session = await Session.start(port, APP);
  return { session, stop };
}

/** Saves a screenshot to tests/artifacts/<name>.png and checks it is not blank. */
export async function screenshot(session, name, assert) {
  await sleep(400);
  const png = await session.screenshot();
  const file = path.join(ARTIFACTS, `${name}.png`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, png);
  const image = decodePng(png);
  const stats = colourStats(image);
  assert.ok(image.width >= 300 && image.height >= 300, `${name}: screenshot too small: ${image.width}x${image.height}`);
  assert.ok(stats.distinct >= 32, `${name}: screenshot looks blank: ${stats.distinct} distinct colours`);
  assert.ok(stats.dominantShare < 0.98, `${name}: screenshot is nearly one colour (${stats.dominantShare})`);
  return { file, image, stats };
}

export { sleep };
