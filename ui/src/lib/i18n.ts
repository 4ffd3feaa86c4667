// Every string the UI shows comes from the Fluent catalogues in i18n/ at the
// repository's root (shared with the CLI). This module is pure: it takes the
// language as an argument. locale.svelte.ts holds the chosen language as
// reactive state and is what components use.
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import type { Message, Pattern, PatternElement, Expression } from "@fluent/bundle/esm/ast.js";
import { negotiateLanguages } from "@fluent/langneg";
import en from "../../../i18n/en.ftl?raw";
import uz from "../../../i18n/uz.ftl?raw";
import lt from "../../../i18n/lt.ftl?raw";
import be from "../../../i18n/be.ftl?raw";
import hi from "../../../i18n/hi.ftl?raw";
import mk from "../../../i18n/mk.ftl?raw";
import type { Coded, JsonValue, SignInTexts } from "../bindings";

/** The languages printoauth speaks, each named in its own language. */
export const LANGUAGES = [
  { code: "en", name: "English" },
  { code: "uz", name: "Oʻzbekcha" },
  { code: "lt", name: "Lietuvių" },
  { code: "be", name: "Беларуская" },
  { code: "hi", name: "हिन्दी" },
  { code: "mk", name: "Македонски" },
] as const;

export type Lang = (typeof LANGUAGES)[number]["code"];
export const DEFAULT_LANG: Lang = "en";

export const SOURCES: Record<Lang, string> = { en, uz, lt, be, hi, mk };

export type Args = Record<string, FluentVariable>;

const bundles = new Map<Lang, FluentBundle>();

/** A bundle of one catalogue's messages (a syntax error is reported, its message dropped). */
export function makeBundle(lang: string, source: string): FluentBundle {
  // No bidi isolation marks: none of our languages is right-to-left, and the
  // marks would end up in copied codes and addresses.
  const b = new FluentBundle(lang, { useIsolating: false });
  const errors = b.addResource(new FluentResource(source));
  for (const e of errors) console.error(`i18n/${lang}.ftl:`, e);
  return b;
}

/** The bundle of one language (built once). */
export function bundleFor(lang: Lang): FluentBundle {
  let b = bundles.get(lang);
  if (!b) {
    b = makeBundle(lang, SOURCES[lang]);
    bundles.set(lang, b);
  }
  return b;
}

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && LANGUAGES.some((l) => l.code === value);
}

/** The supported language a locale tag ("lt-LT", "hi_IN.UTF-8", "mk") names, if any. */
export function supportedLanguage(tag: string | null | undefined): Lang | null {
  if (!tag) return null;
  const clean = tag.split(/[.@]/)[0].replace(/_/g, "-");
  const [match] = negotiateLanguages([clean], LANGUAGES.map((l) => l.code), { strategy: "lookup", defaultLocale: "und" });
  return isLang(match) ? match : null;
}

/**
 * The language to use: the user's stored choice, else the OS language, else the
 * browser's list, else English.
 */
export function pickLanguage(
  stored: string | null | undefined,
  osLanguage: string | null | undefined,
  browser: readonly string[] = [],
): Lang {
  if (isLang(stored)) return stored;
  for (const tag of [osLanguage, ...browser]) {
    const l = supportedLanguage(tag);
    if (l) return l;
  }
  return DEFAULT_LANG;
}

/** Last resort if even the generic message is missing from English. */
const LAST_RESORT = "(…)";

export function hasMessage(lang: Lang, id: string): boolean {
  return bundleFor(lang).hasMessage(id);
}

function formatIn(b: FluentBundle, id: string, args?: Args): { text: string; ok: boolean } | null {
  const msg = b.getMessage(id);
  if (!msg || msg.value === null) return null;
  const errors: Error[] = [];
  const text = b.formatPattern(msg.value, args ?? null, errors);
  return { text, ok: errors.length === 0 };
}

/**
 * The message `id` from the first bundle that has it and can format it (the
 * chosen language, then English); a generic message (and a console error) when
 * none has it. Never the raw id.
 */
export function formatFirst(chain: readonly FluentBundle[], id: string, args?: Args): string {
  let partial: string | null = null;
  for (const b of chain) {
    const r = formatIn(b, id, args);
    if (r?.ok) return r.text;
    if (r && partial === null) partial = r.text;
  }
  if (partial !== null) {
    console.error(`i18n: message ${id} did not format with`, args);
    return partial;
  }
  console.error(`i18n: no message ${id} in any catalogue`);
  for (const b of chain) {
    const generic = formatIn(b, "app-message-missing");
    if (generic) return generic.text;
  }
  return LAST_RESORT;
}

/** The message `id` in `lang`, falling back to English (see formatFirst). */
export function translate(lang: Lang, id: string, args?: Args): string {
  const chain = lang === DEFAULT_LANG ? [bundleFor(DEFAULT_LANG)] : [bundleFor(lang), bundleFor(DEFAULT_LANG)];
  return formatFirst(chain, id, args);
}

/** The variable names a pattern uses (in all variants). */
export function patternVariables(pattern: Pattern | null, into = new Set<string>()): Set<string> {
  if (pattern === null || typeof pattern === "string") return into;
  const walkExpr = (e: Expression | { type: "narg"; name: string; value: unknown }): void => {
    switch (e.type) {
      case "var":
        into.add(e.name);
        break;
      case "select":
        walkExpr(e.selector);
        for (const v of e.variants) patternVariables(v.value, into);
        break;
      case "func":
      case "term":
        for (const a of e.args) walkExpr(a as Expression);
        break;
      default:
        break;
    }
  };
  for (const el of pattern as PatternElement[]) {
    if (typeof el !== "string") walkExpr(el);
  }
  return into;
}

/** The variables English's message `id` uses. */
export function messageVariables(id: string, lang: Lang = DEFAULT_LANG): Set<string> {
  const m: Message | undefined = bundleFor(lang).getMessage(id);
  const vars = new Set<string>();
  if (!m) return vars;
  patternVariables(m.value, vars);
  for (const a of Object.values(m.attributes)) patternVariables(a, vars);
  return vars;
}

// ---------------------------------------------------------------------------
// Coded values: errors, causes, fixes.

/**
 * Families of messages whose ids are `<family>-<code>`: errors, causes and fixes
 * (the engine's one vocabulary for the tenant check, troubleshooting and the run),
 * and for a device whose page could not be read, the steps to do on it (`manual-`)
 * and what was missing (`missing-`); for the inventory, whether a device can do
 * OAuth 2.0 (`oauth2-`) and what it can do instead (`alternative-`).
 */
export type CodedFamily = "error" | "cause" | "fix" | "manual" | "missing" | "oauth2" | "alternative" | "health";

/** Params shown as copyable code blocks, not inside the sentence. */
export const BLOCK_PARAMS = ["admin_center", "powershell", "verify"] as const;
export type BlockParam = (typeof BLOCK_PARAMS)[number];
/** Params never shown (copies of pages, for bug reports). */
const HIDDEN_PARAMS = new Set(["redacted_html", "redacted_text"]);
/** Params that are counts (for plural forms); everything else stays text (ports, codes). */
const COUNT_PARAMS = new Set(["waited_secs", "after_secs", "attempts"]);

export interface CodedText {
  text: string;
  blocks: Array<{ name: BlockParam; lines: string[] }>;
  details: Array<{ name: string; value: string }>;
  /** True when the code has no message (the text is generic). */
  unknown: boolean;
}

function isBlock(name: string): name is BlockParam {
  return (BLOCK_PARAMS as readonly string[]).includes(name);
}

/** A param value for reading: a list one item a line, an SMTP reply as its status line. */
export function detailValue(value: JsonValue): string {
  if (value === null) return "";
  if (Array.isArray(value)) return value.map(detailValue).join("\n");
  if (typeof value === "object") {
    if (typeof value.code === "number" && typeof value.text === "string") {
      return [value.code, value.enhanced, value.text].filter((x) => x !== null && x !== undefined && x !== "").join(" ");
    }
    return JSON.stringify(value);
  }
  return String(value);
}

/** A list param's items as lines (a single value is one line). */
function lines(value: JsonValue): string[] {
  return (Array.isArray(value) ? value : [value]).map(detailValue).flatMap((l) => l.split("\n"));
}

/** A param value inside a sentence: counts as numbers, lists as "a, b", the rest as text. */
function argValue(name: string, value: JsonValue): FluentVariable {
  if (COUNT_PARAMS.has(name) && typeof value === "number") return value;
  return detailValue(value).replace(/\n/g, ", ");
}

export function codedId(family: CodedFamily, code: string): string {
  return `${family}-${code}`;
}

/**
 * A Coded as text in `lang`: the sentence (its params filled in, list params
 * as "a, b"), the block params as lines to copy, and the params the sentence
 * does not use as technical details. A param that is null is left out.
 */
export function codedText(lang: Lang, family: CodedFamily, coded: Coded): CodedText {
  const id = codedId(family, coded.code);
  const params = Object.entries(coded.params ?? {}).filter(
    (p): p is [string, Exclude<JsonValue, null>] => p[1] !== null && p[1] !== undefined,
  );
  const blocks: CodedText["blocks"] = [];
  const args: Args = {};
  for (const [name, value] of params) {
    if (isBlock(name)) {
      const l = lines(value).filter((l) => l.trim() !== "");
      if (l.length) blocks.push({ name, lines: l });
    } else {
      args[name] = argValue(name, value);
    }
  }
  blocks.sort((a, b) => BLOCK_PARAMS.indexOf(a.name) - BLOCK_PARAMS.indexOf(b.name));
  const known = hasMessage(DEFAULT_LANG, id);
  let text: string;
  if (known) {
    text = translate(lang, id, args);
  } else {
    console.error(`i18n: no message for ${family} code ${coded.code}`);
    text =
      family === "error"
        ? translate(lang, "app-error-unknown-code", { code: coded.code })
        : translate(lang, "app-message-missing");
  }
  const used = known ? messageVariables(id) : new Set<string>();
  const details = params
    .filter(([name]) => !isBlock(name) && !HIDDEN_PARAMS.has(name) && !used.has(name))
    .map(([name, value]) => ({ name, value: detailValue(value) }));
  return { text, blocks, details, unknown: !known };
}

/** Anything a command rejected with, as one sentence. */
export function errorText(lang: Lang, error: unknown): string {
  if (isCoded(error)) return codedText(lang, "error", error).text;
  const detail =
    error instanceof Error ? error.message : typeof error === "string" ? error : JSON.stringify(error);
  return translate(lang, "app-error-unexpected", { detail: detail ?? String(error) });
}

export function isCoded(value: unknown): value is Coded {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === "string" && typeof v.params === "object" && v.params !== null && !Array.isArray(v.params);
}

/**
 * What the sign-in window says, in `lang`, when the sign-in leaves Microsoft's pages
 * for an organisation's own sign-in page. `{host}` and `{code}` stay in the texts:
 * the app fills them in (it alone knows the host and the code at that moment).
 */
export function signInTexts(lang: Lang): SignInTexts {
  return {
    lang,
    title: translate(lang, "app-sign-in-elsewhere-title"),
    body: translate(lang, "app-sign-in-elsewhere-body", { host: "{host}" }),
    copied: translate(lang, "app-sign-in-elsewhere-copied", { code: "{code}" }),
    notCopied: translate(lang, "app-sign-in-elsewhere-not-copied", { code: "{code}" }),
    button: translate(lang, "app-sign-in-elsewhere-button"),
    opened: translate(lang, "app-sign-in-elsewhere-opened"),
  };
}
