import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The app loads ui/dist from disk through Tauri's own protocol: no dev server,
// no remote assets. Every script and style is emitted as a file so the strict
// CSP in src-tauri/tauri.conf.json (script-src/style-src 'self') holds.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  // The Fluent catalogues (../i18n/*.ftl, imported with ?raw) and the icon live
  // outside ui/, at the repository's root.
  server: { fs: { allow: [".."] } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // WebKitGTK 2.4x on Linux, WKWebView on macOS, WebView2 on Windows.
    target: ["safari16", "chrome110"],
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
