// Every string the UI shows comes from here. For now one English table, with
// Fluent-style ids and `{ $name }` placeholders so it can move to .ftl
// catalogues unchanged.
import { isAppError } from "./api";

export const LOCALE = "en";

const en = {
  "app-title": "printoauth",
  "app-tagline":
    "Set up your office printers to send scanned documents by email through Exchange Online, signing in with OAuth 2.0.",
  "status-heading": "Status",
  "status-loading": "Starting…",
  "status-ready": "{ $name } { $version } is ready.",
  "status-practice-available": "Practice mode is available: try every step on an emulated office first.",
  "status-practice-unavailable": "Practice mode is not part of this build.",
  "status-error": "printoauth could not start: { $message }",
  // One entry per code in src-tauri/src/error.rs (ErrorCode), as `error-<code>`.
  "error-internal": "something went wrong inside printoauth ({ $detail }).",
  // Fallbacks: a code this UI does not know yet, or not an app error at all.
  "error-unknown-code": "an unexpected error occurred (code { $code }).",
  "error-unexpected": "an unexpected error occurred ({ $detail }).",
} as const;

export type MessageId = keyof typeof en;
export type Params = Record<string, string | number>;

const messages: Record<string, string> = en;

/** Fills `{ $name }` placeholders; an unknown name is left visible, never dropped. */
export function format(template: string, params: Params = {}): string {
  return template.replace(/\{\s*\$([A-Za-z][\w-]*)\s*\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** The localised message `id`, with its placeholders filled from `params`. */
export function t(id: MessageId, params?: Params): string {
  return format(en[id], params);
}

/** The message id for an error code sent by the app (`internal` → `error-internal`). */
export function errorMessageId(code: string): string {
  return `error-${code}`;
}

/**
 * Turns whatever a command rejected with into a message for people:
 * `{code, params}` from the app is localised by its code; an unknown code or
 * anything else (a JS exception, a bare string) gets a generic message that
 * still carries the detail for bug reports.
 */
export function errorMessage(error: unknown): string {
  if (isAppError(error)) {
    const id = errorMessageId(error.code);
    if (Object.hasOwn(messages, id)) return format(messages[id], error.params);
    return t("error-unknown-code", { code: error.code });
  }
  const detail =
    error instanceof Error ? error.message : typeof error === "string" ? error : JSON.stringify(error);
  return t("error-unexpected", { detail: detail ?? String(error) });
}
