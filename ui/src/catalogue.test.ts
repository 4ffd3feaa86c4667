/// <reference types="node" />
// One test over the English catalogue (i18n/en.ftl) and the code that uses it:
// no message that nothing uses, no id the code uses that the catalogue lacks.
//
// - `app-…` ids: used literally in ui/src (t("app-…") or in a lookup table).
// - code-built families (error-, cause-, fix-, manual-, missing-, step-, check-,
//   fault-, mail-status-, change-): the expected ids are derived from
//   the Rust sources (enum variants, CamelCase -> kebab-case, as serde does),
//   and a message may only use variables that are fields of its variant.
// - `cli-…` ids are the CLI's; crates/cli/src/i18n.rs checks those.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { messageVariables } from "./lib/i18n";

const UI_SRC = dirname(fileURLToPath(import.meta.url));
const ROOT = join(UI_SRC, "..", "..");
const read = (...parts: string[]): string => readFileSync(join(ROOT, ...parts), "utf8");

const EN_SOURCE = read("i18n", "en.ftl");
const EN_IDS = new FluentResource(EN_SOURCE).body.map((m) => m.id).filter((id) => !id.startsWith("-"));

// ---------------------------------------------------------------------------
// A small reader of Rust enums: variant names and their named fields.

/** The source without comments, string literals (kept as "") and attributes. */
function stripRust(src: string): string {
  let out = "";
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === "/" && src[i + 1] === "/") {
      while (i < src.length && src[i] !== "\n") i++;
    } else if (c === "/" && src[i + 1] === "*") {
      const end = src.indexOf("*/", i + 2);
      i = end < 0 ? src.length : end + 2;
    } else if (c === '"') {
      i++;
      while (i < src.length && src[i] !== '"') i += src[i] === "\\" ? 2 : 1;
      i++;
      out += '""';
    } else if (c === "'" && /^'(\\.|[^\\'])'/.test(src.slice(i, i + 4))) {
      // a char literal (not a lifetime)
      i = src.indexOf("'", i + 1 + (src[i + 1] === "\\" ? 1 : 0)) + 1;
      out += "' '";
    } else if (c === "#" && src[i + 1] === "[") {
      let depth = 0;
      for (; i < src.length; i++) {
        if (src[i] === '"') {
          i++;
          while (i < src.length && src[i] !== '"') i += src[i] === "\\" ? 2 : 1;
        } else if (src[i] === "[") depth++;
        else if (src[i] === "]" && --depth === 0) break;
      }
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The text between the bracket at `open` and its match. */
function balanced(s: string, open: number): string {
  const pairs: Record<string, string> = { "{": "}", "(": ")", "<": ">", "[": "]" };
  const close = pairs[s[open]];
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === s[open]) depth++;
    else if (s[i] === close && --depth === 0) return s.slice(open + 1, i);
  }
  throw new Error(`unbalanced ${s[open]} at ${open}`);
}

/** Splits on commas that are not inside brackets. */
function topLevelSplit(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (const c of s) {
    if ("{(<[".includes(c)) depth++;
    if ("})>]".includes(c)) depth--;
    if (c === "," && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += c;
  }
  if (cur.trim()) parts.push(cur);
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

/** Variant name -> named fields, of `enum <name>` in a Rust file. */
function rustEnum(file: string, name: string): Map<string, string[]> {
  const src = stripRust(read(file));
  const m = new RegExp(`\\benum\\s+${name}\\s*\\{`).exec(src);
  if (!m) throw new Error(`enum ${name} not found in ${file}`);
  const body = balanced(src, m.index + m[0].length - 1);
  const variants = new Map<string, string[]>();
  let i = 0;
  while (i < body.length) {
    const id = /^\s*([A-Z][A-Za-z0-9]*)\s*/.exec(body.slice(i));
    if (!id) {
      i++;
      continue;
    }
    i += id[0].length;
    let fields: string[] = [];
    if (body[i] === "{") {
      const inner = balanced(body, i);
      fields = topLevelSplit(inner).map((f) => f.replace(/^pub(\([^)]*\))?\s+/, "").split(":")[0].trim());
      i += inner.length + 2;
    } else if (body[i] === "(") {
      i += balanced(body, i).length + 2;
    }
    variants.set(id[1], fields);
    while (i < body.length && /[\s,]/.test(body[i])) i++;
  }
  return variants;
}

/** serde's kebab-case of a variant name: DeviceLoginRejected -> device-login-rejected. */
function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c, at: number) => (at === 0 ? "" : "-") + c.toLowerCase());
}

/** `<prefix><kebab variant>` -> the variant's fields, for some enums. */
function family(prefix: string, enums: Array<[file: string, name: string]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [file, name] of enums) {
    for (const [variant, fields] of rustEnum(file, name)) out.set(prefix + kebab(variant), fields);
  }
  return out;
}

// The params of the app's own error codes (the contract, /work/notes/contract.md;
// src-tauri/src/error.rs adds them with AppError::with).
const APP_ERROR_PARAMS: Record<string, string[]> = {
  internal: ["detail"],
  "device-unknown": ["id"],
  "url-not-allowed": ["url"],
  "password-missing": ["device"],
};

function expectedFamilies(): Map<string, Map<string, string[]>> {
  const CORE = "crates/core/src";
  const errors = family("error-", [
    [`${CORE}/devices/mod.rs`, "DeviceError"],
    [`${CORE}/discovery/mod.rs`, "DiscoveryError"],
    [`${CORE}/identity.rs`, "IdentityError"],
    [`${CORE}/mail.rs`, "MailError"],
    [`${CORE}/run.rs`, "RunError"],
  ]);
  for (const variant of rustEnum("src-tauri/src/error.rs", "ErrorCode").keys()) {
    const code = kebab(variant);
    errors.set(`error-${code}`, APP_ERROR_PARAMS[code] ?? []);
  }
  const checks = new Map<string, string[]>();
  for (const variant of rustEnum(`${CORE}/tenant_check.rs`, "CheckId").keys()) {
    checks.set(`check-${kebab(variant)}`, []);
    checks.set(`check-${kebab(variant)}-what`, []);
  }
  // The fields a run reports as changed: the names crates/core/src/run.rs's `changes` lists.
  const run = stripRust(read("crates/core/src/run.rs").replace(/"([a-z][a-z0-9-]*)"/g, "STR_$1"));
  const fn = /fn\s+changes\s*\(/.exec(run);
  if (!fn) throw new Error("fn changes not found in crates/core/src/run.rs");
  const fnBody = balanced(run, run.indexOf("{", fn.index));
  const changes = new Map<string, string[]>();
  for (const m of fnBody.matchAll(/\(\s*STR_([a-z][a-z0-9-]*)\s*,/g)) changes.set(`change-${m[1]}`, []);
  return new Map([
    ["error-", errors],
    ["cause-", family("cause-", [[`${CORE}/diagnosis.rs`, "Cause"]])],
    ["fix-", family("fix-", [[`${CORE}/diagnosis.rs`, "Fix"]])],
    ["manual-", family("manual-", [[`${CORE}/manual.rs`, "ManualStep"]])],
    ["missing-", family("missing-", [[`${CORE}/manual.rs`, "Missing"]])],
    ["step-", family("step-", [["src-tauri/src/models.rs", "Step"]])],
    ["check-", checks],
    ["fault-", family("fault-", [["src-tauri/src/models.rs", "PracticeFault"]])],
    ["mail-status-", family("mail-status-", [["src-tauri/src/models.rs", "MailStatus"]])],
    ["change-", changes],
  ]);
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

describe("the reader of Rust enums", () => {
  it("finds variants and their fields through comments, attributes and generics", () => {
    expect(kebab("DeviceOauth2Unavailable")).toBe("device-oauth2-unavailable");
    expect(kebab("Xoauth2NotOffered")).toBe("xoauth2-not-offered");
    const device = rustEnum("crates/core/src/devices/mod.rs", "DeviceError");
    expect(device.get("DeviceLoginRejected")).toEqual(["family"]);
    expect(device.get("DeviceNotLoggedIn")).toEqual([]);
    expect(device.get("DeviceOauth2Unavailable")).toEqual(["scope", "model", "firmware", "offered"]);
    const fix = rustEnum("crates/core/src/diagnosis.rs", "Fix");
    expect(fix.get("EnableSmtpAuth")).toEqual(["mailbox", "admin_center", "powershell", "verify"]);
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
    for (const prefix of ["step-", "check-", "fault-", "mail-status-", "change-"]) {
      const notUsed = [...families.get(prefix)!.keys()].filter((id) => !code.includes(`"${id}"`));
      expect(notUsed, `${prefix}… ids the UI never looks up`).toEqual([]);
    }
    for (const f of ["error", "cause", "fix"]) {
      expect(code.includes(`family="${f}"`), `the UI shows ${f} codes`).toBe(true);
    }
  });

  it("has no message outside the app's, the CLI's and the code-built families", () => {
    const prefixes = ["app-", "cli-", ...families.keys()];
    expect(EN_IDS.filter((id) => !prefixes.some((p) => id.startsWith(p)))).toEqual([]);
  });
});
