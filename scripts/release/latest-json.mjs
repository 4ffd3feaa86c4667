#!/usr/bin/env node
// Writes the updater's manifest (latest.json) for a release from its signed artifacts.
// The Tauri updater plugin looks up `{os}-{arch}-{installer}` (then `{os}-{arch}`) and
// installs only what verifies with the public key in tauri.conf.json: each entry carries
// the artifact's address and the text of its `.sig` file.
//
//   node scripts/release/latest-json.mjs DIR VERSION BASE_URL [NOTES] > latest.json
//
// DIR holds the release's files; BASE_URL is where they are downloaded from
// (https://github.com/OWNER/REPO/releases/download/vVERSION).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// Which file updates which installation (the plugin's target names).
const KINDS = [
  { test: (f) => f.endsWith(".AppImage"), targets: ["linux-x86_64-appimage", "linux-x86_64"] },
  { test: (f) => f.endsWith("_amd64.deb"), targets: ["linux-x86_64-deb"] },
  { test: (f) => f.endsWith(".x86_64.rpm"), targets: ["linux-x86_64-rpm"] },
  // The installer without WebView2 inside: updates need no offline copy of it.
  { test: (f) => f.endsWith("_x64-setup.exe"), targets: ["windows-x86_64-nsis", "windows-x86_64"] },
  { test: (f) => f.endsWith(".msi"), targets: ["windows-x86_64-msi"] },
  // One universal app for both Mac processors.
  {
    test: (f) => f.endsWith(".app.tar.gz"),
    targets: ["darwin-aarch64-app", "darwin-x86_64-app", "darwin-aarch64", "darwin-x86_64"],
  },
];

export function latestJson(dir, version, baseUrl, notes, now = new Date()) {
  const platforms = {};
  for (const file of readdirSync(dir).sort()) {
    const kind = KINDS.find((k) => k.test(file));
    if (!kind) continue;
    const sig = path.join(dir, `${file}.sig`);
    if (!existsSync(sig)) throw new Error(`${file} has no signature (${file}.sig)`);
    const entry = {
      signature: readFileSync(sig, "utf8").trim(),
      url: `${baseUrl.replace(/\/$/, "")}/${encodeURIComponent(file)}`,
    };
    for (const t of kind.targets) {
      if (platforms[t]) throw new Error(`two files for ${t}: ${platforms[t].url} and ${entry.url}`);
      platforms[t] = entry;
    }
  }
  if (Object.keys(platforms).length === 0) throw new Error(`no updater artifacts in ${dir}`);
  return {
    version,
    notes: notes ?? `printoauth ${version}`,
    pub_date: now.toISOString().replace(/\.\d{3}Z$/, "Z"),
    platforms,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, version, baseUrl, notes] = process.argv.slice(2);
  if (!dir || !version || !baseUrl) {
    console.error("usage: latest-json.mjs DIR VERSION BASE_URL [NOTES]");
    process.exit(2);
  }
  process.stdout.write(JSON.stringify(latestJson(dir, version, baseUrl, notes), null, 2) + "\n");
}
