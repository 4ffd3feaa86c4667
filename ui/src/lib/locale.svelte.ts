// The chosen language as reactive state: every t(...) in a template re-runs
// when it changes. The choice is remembered in localStorage.
import {
  DEFAULT_LANG,
  codedText,
  errorText,
  pickLanguage,
  translate,
  type Args,
  type CodedFamily,
  type CodedText,
  type Lang,
} from "./i18n";
import type { Coded } from "../bindings";

const STORAGE_KEY = "printoauth.language";

export const locale: { lang: Lang } = $state({ lang: DEFAULT_LANG });

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

function apply(): void {
  if (typeof document !== "undefined") {
    document.documentElement.lang = locale.lang;
    document.title = translate(locale.lang, "app-title");
  }
}

/** Picks the language at start: the stored choice, else the OS's, else the browser's. */
export function initLanguage(osLanguage: string | null | undefined): void {
  const browser = typeof navigator === "undefined" ? [] : navigator.languages ?? [];
  locale.lang = pickLanguage(storage()?.getItem(STORAGE_KEY), osLanguage, browser);
  apply();
}

/** The user chose a language in the switcher. */
export function setLanguage(lang: Lang): void {
  locale.lang = lang;
  storage()?.setItem(STORAGE_KEY, lang);
  apply();
}

export function t(id: string, args?: Args): string {
  return translate(locale.lang, id, args);
}

export function tc(family: CodedFamily, coded: Coded): CodedText {
  return codedText(locale.lang, family, coded);
}

export function errorMessage(error: unknown): string {
  return errorText(locale.lang, error);
}

/** A date and time from the app or a device, formatted for the chosen language. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale.lang, { dateStyle: "short", timeStyle: "short" }).format(d);
}
