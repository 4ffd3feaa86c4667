/// <reference types="node" />
// One test over the English catalogue (i18n/en.ftl) and the code that uses it:
// no message that nothing uses, no id the code uses that the catalogue lacks.
//
// - `app-…` ids: used literally in ui/src (t("app-…") or in a lookup table).
// - code-built families (error-, cause-, fix-, manual-, missing-, step-, check-,
//   fault-, mail-status-, change-, and the inventory's read-state-, oauth2-,
//   alternative-, wait-): the expected ids and the values each message may
//   use are what the engine and the app export, ui/src/bindings/codes.json (written
//   from the Rust types by src-tauri/src/codes.rs, kept current by the bindings test).
// - `cli-…` ids are the CLI's; crates/cli/src/i18n.rs checks those.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import codes from "./bindings/codes.json";
import { messageVariables } from "./lib/i18n";

const UI_SRC = dirname(fileURLToPath(import.meta.url));
const ROOT = join(UI_SRC, "..", "..");
const read = (...parts: string[]): string => readFileSync(join(ROOT, ...parts), "utf8");

const EN_SOURCE = read("i18n", "en.ftl");
const EN_IDS = new FluentResource(EN_SOURCE).body.map((m) => m.id).filter((id) => !id.startsWith("-"));

/** The families codes.json lists: family -> code -> the names of its values. */
type Codes = Record<string, Record<string, string[]>>;

/** `<family>-<code>` -> the values its message may use, for each family. */
function expectedFamilies(exported: Codes = codes): Map<string, Map<string, string[]>> {
  const families = new Map<string, Map<string, string[]>>();
  for (const [family, byCode] of Object.entries(exported)) {
    const ids = new Map<string, string[]>();
    for (const [code, params] of Object.entries(byCode)) {
      ids.set(`${family}-${code}`, params);
      // Each check also says what it checks.
      if (family === "check") ids.set(`${family}-${code}-what`, params);
    }
    families.set(`${family}-`, ids);
  }
  return families;
}

/** The UI's source files (not tests), concatenated. */
function uiSources(dir = UI_SRC): string {
  let out = "";
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "bindings") out += uiSources(path);
    } else if (/\.(ts|svelte)$/.test(name) && !name.endsWith(".test.ts")) {
      out += readFileSync(path, "utf8") + "\n";
    }
  }
  return out;
}

describe("the codes the engine exports", () => {
  it("has every family, with codes and the values of each", () => {
    const families = expectedFamilies();
    expect([...families.keys()].sort()).toEqual(
      [
        "alternative-",
        "audit-action-",
        "cause-",
        "change-",
        "check-",
        "error-",
        "fault-",
        "fix-",
        "health-",
        "mail-status-",
        "manual-",
        "missing-",
        "oauth2-",
        "read-state-",
        "step-",
        "wait-",
      ],
    );
    const errors = families.get("error-")!;
    expect(errors.get("error-device-login-rejected")).toEqual(["family"]);
    expect(errors.get("error-device-not-logged-in")).toEqual([]);
    expect([...errors.get("error-device-oauth2-unavailable")!].sort()).toEqual(["firmware", "model", "offered", "scope"]);
    expect(errors.get("error-internal")).toEqual(["detail"]);
    expect([...families.get("fix-")!.get("fix-enable-smtp-auth")!].sort()).toEqual(["admin_center", "mailbox", "powershell", "verify"]);
    expect(families.get("check-")!.has("check-sign-in-what")).toBe(true);
    expect(families.get("change-")!.has("change-authentication-method")).toBe(true);
  });
});

describe("en.ftl and the code that uses it", () => {
  const families = expectedFamilies();
  const code = uiSources();

  it("parses completely (no message lost to a syntax error)", () => {
    const declared = EN_SOURCE.match(/^[a-z][a-z0-9-]*\s*=/gm) ?? [];
    expect(EN_IDS.length).toBe(declared.length);
    expect(new Set(EN_IDS).size).toBe(EN_IDS.length);
  });

  it("has exactly one message per code of each family the Rust side defines", () => {
    for (const [prefix, expected] of families) {
      expect(expected.size, prefix).toBeGreaterThan(0);
      const present = EN_IDS.filter((id) => id.startsWith(prefix));
      const missing = [...expected.keys()].filter((id) => !present.includes(id));
      const unused = present.filter((id) => !expected.has(id));
      expect(missing, `${prefix}… messages missing from en.ftl`).toEqual([]);
      expect(unused, `${prefix}… messages no code produces`).toEqual([]);
    }
  });

  it("uses in each coded message only the fields of its variant", () => {
    for (const [prefix, expected] of families) {
      for (const [id, fields] of expected) {
        const stray = [...messageVariables(id)].filter((v) => !fields.includes(v));
        expect(stray, `${id} uses variables its variant lacks (fields: ${fields.join(", ")})`).toEqual([]);
      }
      void prefix;
    }
  });

  it("uses every app- message in the UI, and the UI uses no app- id that en.ftl lacks", () => {
    const literal = new Set([...code.matchAll(/["'`](app-[a-z0-9-]+)["'`]/g)].map((m) => m[1]));
    const appIds = EN_IDS.filter((id) => id.startsWith("app-"));
    const unused = appIds.filter((id) => !literal.has(id));
    expect(unused, "app- messages the UI never uses").toEqual([]);
    const undefinedIds = [...literal].filter((id) => !EN_IDS.includes(id) && !code.includes(`data-testid="${id}"`));
    expect(undefinedIds, "app- ids the UI uses that en.ftl lacks").toEqual([]);
  });

  it("has every id the UI passes to t() literally", () => {
    const called = [...code.matchAll(/\bt\(\s*["'`]([a-z][a-z0-9-]*)["'`]/g)].map((m) => m[1]);
    expect(called.length).toBeGreaterThan(50);
    expect(called.filter((id) => !EN_IDS.includes(id))).toEqual([]);
  });

  it("looks up every step, check, fault, mail status and change by a literal id", () => {
    for (const prefix of ["step-", "check-", "fault-", "mail-status-", "change-", "read-state-"]) {
      const notUsed = [...families.get(prefix)!.keys()].filter((id) => !code.includes(`"${id}"`));
      expect(notUsed, `${prefix}… ids the UI never looks up`).toEqual([]);
    }
    for (const f of ["error", "cause", "fix"]) {
      expect(code.includes(`family="${f}"`), `the UI shows ${f} codes`).toBe(true);
    }
  });

  it("has no message outside the app's, the CLI's and the code-built families", () => {
    // `report-…`: the customer report's PDF words, checked by crates/core/src/report.rs.
    const prefixes = ["app-", "cli-", "report-", ...families.keys()];
    expect(EN_IDS.filter((id) => !prefixes.some((p) => id.startsWith(p)))).toEqual([]);
  });
});
