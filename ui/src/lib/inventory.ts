// The inventory of a device (what the engine read, without changing the device) as
// the device list shows it: each field as text in the chosen language. Names the
// device itself shows (its authentication methods) stay as Web Config prints them.
import type { AuthKind, Coded, InventoryEntry, ReadState } from "../bindings";
import { codedText, translate, type Lang } from "./i18n";

export const READ_STATE_LABEL: Record<ReadState, string> = {
  read: "read-state-read",
  "password-needed": "read-state-password-needed",
  "password-refused": "read-state-password-refused",
  "no-driver": "read-state-no-driver",
  failed: "read-state-failed",
};

/** Web Config's own names for the authentication methods (not translated). */
const AUTH_LABEL: Record<AuthKind, string | null> = {
  off: "Off",
  "smtp-auth": "SMTP AUTH",
  "pop-before-smtp": "POP before SMTP",
  oauth2: "OAuth2",
  other: null,
};

export interface InventoryView {
  /** The short answer, for the OAuth 2.0 column. */
  oauth2: "yes" | "no" | "unknown";
  /** Why (or why not), as a sentence. */
  oauth2Text: string;
  /** Why the device was not read, as a sentence; null when it was. */
  notRead: string | null;
  firmware: string | null;
  auth: string | null;
  signedIn: string | null;
  sender: string | null;
  lastMail: string | null;
  lastMailFailed: boolean;
  passwordKept: string;
  /** The alternatives, to show with their blocks (admin-center paths). */
  alternatives: Coded[];
}

function yesNo(lang: Lang, b: boolean): string {
  return translate(lang, b ? "app-oauth2-yes" : "app-oauth2-no");
}

export function oauth2Answer(e: InventoryEntry): InventoryView["oauth2"] {
  switch (e.oauth2.code) {
    case "possible":
      return "yes";
    case "unknown":
    case "model-has-it":
      return "unknown";
    default:
      return "no";
  }
}

export function inventoryView(lang: Lang, e: InventoryEntry): InventoryView {
  const job = e.last_mail_job;
  let lastMail: string | null = null;
  if (job) {
    lastMail = job.succeeded
      ? translate(lang, "app-inventory-job-ok", { time: job.time })
      : translate(lang, "app-inventory-job-failed", {
          time: job.time,
          result: job.code !== null ? String(job.code) : job.result,
        });
  }
  let signedIn: string | null = null;
  if (e.signed_in === true) signedIn = e.account ?? yesNo(lang, true);
  else if (e.signed_in === false) signedIn = translate(lang, "app-inventory-signed-out");
  return {
    oauth2: oauth2Answer(e),
    oauth2Text: codedText(lang, "oauth2", e.oauth2 as Coded).text,
    notRead: e.read === "read" ? null : translate(lang, READ_STATE_LABEL[e.read]),
    firmware: e.firmware,
    auth: e.auth_method === null ? null : (AUTH_LABEL[e.auth_method] ?? e.auth_method_label),
    signedIn,
    sender: e.sender,
    lastMail,
    lastMailFailed: job !== null && !job.succeeded,
    passwordKept: yesNo(lang, e.password_remembered),
    alternatives: e.alternatives.map((a) => a as Coded),
  };
}
