import { describe, expect, it } from "vitest";
import type { InventoryEntry } from "../bindings";
import { LANGUAGES, translate } from "./i18n";
import { inventoryView } from "./inventory";

const base: InventoryEntry = {
  id: "uuid:1",
  vendor: "epson",
  model: "WF-2930 Series",
  host_name: "EPSON4A3AAB.local.",
  address: "192.0.2.7",
  firmware: "23.03.WF11C2",
  read: "read",
  error: null,
  fix: null,
  oauth2: { code: "model-without", params: { model: "WF-2930 Series" } },
  auth_method: "smtp-auth",
  auth_method_label: null,
  email_service: null,
  signed_in: null,
  account: null,
  sender: "scanner@contoso.example",
  last_mail_job: { time: "2026-12-01 10:00", job_type: "Scan to Email", succeeded: true, code: null, result: "OK" },
  password_remembered: false,
  alternatives: [
    {
      code: "exchange-connector",
      params: { admin_center: "Exchange admin center > Mail flow > Connectors", port: 25 },
    },
    {
      code: "high-volume-email",
      params: {
        admin_center: "Exchange admin center > Mail flow > High volume email",
        server: "smtp-hve.office365.com",
        port: 587,
        basic_auth_until: "2028-09",
      },
    },
    { code: "local-relay", params: {} },
  ],
};

const codes = LANGUAGES.map((l) => l.code);

describe("the inventory of a device, in every language", () => {
  it("says why a device cannot do OAuth 2.0 and keeps the device's own names", () => {
    const texts = new Set<string>();
    for (const lang of codes) {
      const v = inventoryView(lang, base);
      expect(v.oauth2).toBe("no");
      expect(v.oauth2Text).toContain("WF-2930 Series");
      expect(v.oauth2Text).not.toBe(translate(lang, "app-message-missing"));
      texts.add(v.oauth2Text);
      // Web Config's own label, untranslated.
      expect(v.auth).toBe("SMTP AUTH");
      expect(v.notRead).toBeNull();
      expect(v.sender).toBe("scanner@contoso.example");
      expect(v.lastMail).toContain("2026-12-01 10:00");
      expect(v.lastMailFailed).toBe(false);
      expect(v.alternatives.map((a) => a.code)).toEqual(["exchange-connector", "high-volume-email", "local-relay"]);
    }
    // Six languages, six sentences: none is an English copy.
    expect(texts.size).toBe(codes.length);
  });

  it("shows a device not read with what is known and why it was not read", () => {
    const unread: InventoryEntry = {
      ...base,
      read: "password-needed",
      firmware: null,
      oauth2: { code: "unknown", params: {} },
      auth_method: null,
      sender: null,
      last_mail_job: null,
      alternatives: [],
    };
    for (const lang of codes) {
      const v = inventoryView(lang, unread);
      expect(v.oauth2).toBe("unknown");
      expect(v.notRead).toBe(translate(lang, "read-state-password-needed"));
      expect(v.auth).toBeNull();
      expect(v.lastMail).toBeNull();
      expect(v.alternatives).toEqual([]);
    }
  });

  it("names who is signed in and a failed last mail job by its code", () => {
    const signedIn: InventoryEntry = {
      ...base,
      model: "WF-C5890 Series",
      oauth2: { code: "possible", params: {} },
      auth_method: "oauth2",
      signed_in: true,
      account: "admin@contoso.example",
      email_service: "exchange-online",
      last_mail_job: {
        time: "2026-12-02 09:30",
        job_type: "Scan to Email",
        succeeded: false,
        code: 361,
        result: "Error 361",
      },
      password_remembered: true,
      alternatives: [],
    };
    for (const lang of codes) {
      const v = inventoryView(lang, signedIn);
      expect(v.oauth2).toBe("yes");
      expect(v.auth).toBe("OAuth2");
      expect(v.signedIn).toBe("admin@contoso.example");
      expect(v.lastMail).toContain("361");
      expect(v.lastMailFailed).toBe(true);
      expect(v.passwordKept).toBe(translate(lang, "app-oauth2-yes"));
    }
    const out = inventoryView("en", { ...signedIn, signed_in: false, account: null });
    expect(out.signedIn).toBe("signed out");
  });
});
