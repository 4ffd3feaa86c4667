#!/usr/bin/env node
// The configuration a published release adds to src-tauri/tauri.conf.json (passed to
// `tauri build --config FILE`): the updater's address (the repository's latest release),
// updater artifacts signed with the release key (TAURI_SIGNING_PRIVATE_KEY), and the
// homepage the installers name. Developers' and CI's builds have none of it, so they
// never look for updates.
//
//   node scripts/release/release-config.mjs OWNER/REPO > release.conf.json
export function releaseConfig(repository) {
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository ?? "")) {
    throw new Error(`not a GitHub repository name: ${repository}`);
  }
  const home = `https://github.com/${repository}`;
  return {
    bundle: { createUpdaterArtifacts: true, homepage: home },
    plugins: { updater: { endpoints: [`${home}/releases/latest/download/latest.json`] } },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(JSON.stringify(releaseConfig(process.argv[2]), null, 2) + "\n");
}
