import { afterEach, describe, expect, it, vi } from "vitest";
import {
  LANGUAGES,
  SOURCES,
  bundleFor,
  codedText,
  detailValue,
  errorText,
  formatFirst,
  isCoded,
  makeBundle,
  messageVariables,
  pickLanguage,
  signInTexts,
  supportedLanguage,
  translate,
} from "./i18n";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("language choice", () => {
  it("prefers the stored choice, then the OS, then the browser, then English", () => {
    expect(pickLanguage("hi", "lt-LT", ["mk"])).toBe("hi");
    expect(pickLanguage(null, "lt-LT", ["mk"])).toBe("lt");
    expect(pickLanguage(null, "fr-FR", ["de", "be-BY"])).toBe("be");
    expect(pickLanguage(null, null, [])).toBe("en");
    expect(pickLanguage("xx", "fr_FR.UTF-8", ["de-DE"])).toBe("en");
  });

  it("reads locale tags in the OS's forms", () => {
    expect(supportedLanguage("lt_LT.UTF-8")).toBe("lt");
    expect(supportedLanguage("uz-Latn-UZ")).toBe("uz");
    expect(supportedLanguage("hi-IN")).toBe("hi");
    expect(supportedLanguage("mk")).toBe("mk");
    expect(supportedLanguage("fr-FR")).toBeNull();
    expect(supportedLanguage("")).toBeNull();
  });

  it("offers each language under its own name", () => {
    expect(LANGUAGES.map((l) => l.code)).toEqual(["en", "uz", "lt", "be", "hi", "mk"]);
    expect(LANGUAGES.find((l) => l.code === "hi")?.name).toBe("हिन्दी");
    expect(LANGUAGES.find((l) => l.code === "lt")?.name).toBe("Lietuvių");
  });
});

describe("fallback", () => {
  const english = makeBundle("en", "hello = Hello { $name }\nbye = Bye\napp-message-missing = (missing text)\n");
  const lithuanian = makeBundle("lt", "hello = Labas, { $name }\n");

  it("uses the chosen language when it has the message", () => {
    expect(formatFirst([lithuanian, english], "hello", { name: "Ona" })).toBe("Labas, Ona");
  });

  it("falls back to English for a message missing in Lithuanian", () => {
    expect(formatFirst([lithuanian, english], "bye")).toBe("Bye");
  });

  it("shows a generic message and logs an error for an id no catalogue has, never the raw id", () => {
    const err = vi.spyOn(console, "error").mockImplementation(() => {});
    const text = formatFirst([lithuanian, english], "no-such-message");
    expect(text).toBe("(missing text)");
    expect(text).not.toContain("no-such-message");
    expect(err).toHaveBeenCalled();
  });

  it("does the same with the real catalogues", () => {
    const err = vi.spyOn(console, "error").mockImplementation(() => {});
    const text = translate("lt", "app-this-does-not-exist");
    // The generic text in the chosen language (it falls back to English where missing).
    expect(text).toBe(translate("lt", "app-message-missing"));
    expect(text).not.toBe(translate("en", "app-message-missing"));
    expect(text).not.toContain("app-this-does-not-exist");
    expect(err).toHaveBeenCalledTimes(1);
  });

  it("gives every English message in every language, without raw ids", () => {
    const ids = [...SOURCES.en.matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(300);
    vi.spyOn(console, "error").mockImplementation(() => {});
    for (const { code } of LANGUAGES) {
      for (const id of ids) {
        const text = translate(code, id, { count: 2, total: 3, done: 1, failed: 1, time: new Date(0) });
        expect(text.trim(), `${code} ${id}`).not.toBe("");
        expect(text, `${code} ${id}`).not.toBe(id);
      }
    }
  });

  it("falls back to English when a UI message is not translated yet", () => {
    for (const { code } of LANGUAGES) {
      const own = bundleFor(code).hasMessage("app-nav-devices");
      if (!own) expect(translate(code, "app-nav-devices")).toBe("Devices");
    }
  });
});

describe("plural forms (CLDR)", () => {
  // The sentence with its number replaced, to compare forms.
  const form = (lang: "lt" | "be" | "en", n: number): string =>
    translate(lang, "cli-devices-found", { count: n }).replace(String(n), "#");

  it("Lithuanian: 1 and 21 are one form, 2 and 5 another, 11 a third", () => {
    expect(form("lt", 1)).toBe(form("lt", 21));
    expect(form("lt", 2)).toBe(form("lt", 5));
    expect(form("lt", 1)).not.toBe(form("lt", 2));
    expect(form("lt", 11)).not.toBe(form("lt", 1));
    expect(form("lt", 11)).not.toBe(form("lt", 2));
    expect(translate("lt", "cli-devices-found", { count: 21 })).toContain("įrenginys");
    expect(translate("lt", "cli-devices-found", { count: 5 })).toContain("įrenginiai");
  });

  it("Belarusian: 1 and 21 one, 3 few, 5 many", () => {
    expect(form("be", 1)).toBe(form("be", 21));
    expect(form("be", 3)).not.toBe(form("be", 5));
    expect(form("be", 1)).not.toBe(form("be", 3));
    expect(translate("be", "cli-devices-found", { count: 5 })).toContain("прылад.");
  });

  it("English app messages pick singular and plural", () => {
    expect(translate("en", "app-results-summary", { done: 1, failed: 0, total: 1 })).toBe("1 of 1 device set up, 0 failed.");
    expect(translate("en", "app-results-summary", { done: 2, failed: 1, total: 3 })).toBe("2 of 3 devices set up, 1 failed.");
    expect(translate("en", "app-to-wizard", { count: 0 })).toBe("Set up the selected devices");
  });

  it("formats numbers for the language", () => {
    expect(translate("en", "app-devices-count", { count: 1200, selected: 0 })).toContain("1,200");
  });
});

describe("coded messages", () => {
  it("fills an error's params into its sentence", () => {
    const text = codedText("en", "error", { code: "device-unreachable", params: { address: "192.0.2.7", detail: "timeout" } });
    expect(text.text).toBe("The device at 192.0.2.7 does not answer.");
    expect(text.unknown).toBe(false);
    // `detail` is not in the sentence: it is a technical detail.
    expect(text.details).toEqual([{ name: "detail", value: "timeout" }]);
  });

  it("picks the variant of the firmware family", () => {
    expect(codedText("en", "error", { code: "device-login-rejected", params: { family: "consumer" } }).text).toBe(
      "The device refused the administrator password.",
    );
    expect(codedText("en", "error", { code: "device-login-rejected", params: { family: "business" } }).text).toContain("user name");
  });

  it("shows PowerShell, verify and admin-center lines as blocks, not in the sentence", () => {
    const fix = codedText("en", "fix", {
      code: "enable-smtp-auth",
      params: {
        mailbox: "scan@contoso.example",
        admin_center: ["Exchange admin center > Settings", "Microsoft 365 admin center > Users"],
        powershell: [
          "Set-TransportConfig -SmtpClientAuthenticationDisabled $false",
          "Set-CASMailbox -Identity scan@contoso.example -SmtpClientAuthenticationDisabled $false",
        ],
        verify: ["Get-TransportConfig | fl SmtpClientAuthenticationDisabled"],
      },
    });
    expect(fix.text).toContain("scan@contoso.example");
    expect(fix.text).not.toContain("Set-TransportConfig");
    expect(fix.blocks.map((b) => b.name)).toEqual(["admin_center", "powershell", "verify"]);
    expect(fix.blocks[1].lines).toHaveLength(2);
    expect(fix.details).toEqual([]);
    // A single line is a block of one line.
    const one = codedText("en", "fix", {
      code: "turn-off-security-defaults",
      params: { admin_center: "Microsoft Entra admin center > Identity", powershell: "Update-MgPolicy -IsEnabled:$false" },
    });
    expect(one.blocks).toEqual([
      { name: "admin_center", lines: ["Microsoft Entra admin center > Identity"] },
      { name: "powershell", lines: ["Update-MgPolicy -IsEnabled:$false"] },
    ]);
  });

  it("joins other list params with commas and hides page copies", () => {
    const e = codedText("en", "error", {
      code: "discovery-interface-not-found",
      params: { names: ["eth7", "wlan9"] },
    });
    expect(e.text).toContain("eth7, wlan9");
    const p = codedText("en", "error", {
      code: "device-page-not-understood",
      params: { page: "Email Server > Basic", missing: "OK", redacted_html: "<html>…</html>" },
    });
    expect(p.details).toEqual([]);
  });

  it("shows an SMTP reply as its status line", () => {
    expect(detailValue({ code: 535, enhanced: "5.7.139", text: "Authentication unsuccessful" })).toBe(
      "535 5.7.139 Authentication unsuccessful",
    );
    expect(detailValue({ code: 421, enhanced: null, text: "busy" })).toBe("421 busy");
    expect(detailValue("plain")).toBe("plain");
    const e = codedText("en", "error", {
      code: "mail-server-busy",
      params: { reply: { code: 421, enhanced: "4.3.2", text: "Service not available" } },
    });
    expect(e.details).toEqual([{ name: "reply", value: "421 4.3.2 Service not available" }]);
  });

  it("shows a list of objects one a line, numbers as text, and leaves null params out", () => {
    const e = codedText("en", "error", {
      code: "device-verify-mismatch",
      params: { mismatches: [{ field: "sender", expected: "a@b.c", found: "" }, { field: "port", expected: "587", found: "25" }] },
    });
    expect(e.details).toEqual([
      {
        name: "mismatches",
        value: '{"field":"sender","expected":"a@b.c","found":""}\n{"field":"port","expected":"587","found":"25"}',
      },
    ]);
    const c = codedText("en", "cause", { code: "sign-in-failed", params: { detail: "AADSTS530035", aadsts: 530035 } });
    expect(c.details).toEqual([{ name: "aadsts", value: "530035" }]);
    const n = codedText("en", "cause", { code: "security-defaults-on", params: { aadsts: null } });
    expect(n.details).toEqual([]);
    expect(n.text).toBe(codedText("en", "cause", { code: "security-defaults-on", params: {} }).text);
  });

  it("localises an unknown code generically, naming the code, and logs it", () => {
    const err = vi.spyOn(console, "error").mockImplementation(() => {});
    const e = codedText("lt", "error", { code: "printer-on-fire", params: {} });
    expect(e.unknown).toBe(true);
    expect(e.text).toBe(translate("lt", "app-error-unknown-code", { code: "printer-on-fire" }));
    expect(e.text).toContain("printer-on-fire");
    expect(err).toHaveBeenCalled();
    const f = codedText("en", "cause", { code: "toner-empty", params: {} });
    expect(f.text).toBe(translate("en", "app-message-missing"));
  });

  it("never treats inherited keys as messages", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(codedText("en", "error", { code: "constructor", params: {} }).unknown).toBe(true);
  });

  it("turns anything a command rejected with into a sentence", () => {
    expect(errorText("en", { code: "internal", params: { detail: "disk full" } })).toBe("Something went wrong inside printoauth.");
    expect(errorText("en", new TypeError("invoke is not a function"))).toBe("An unexpected error occurred (invoke is not a function).");
    expect(errorText("en", "boom")).toBe("An unexpected error occurred (boom).");
    expect(isCoded({ code: "internal", params: {} })).toBe(true);
    // Params keep their JSON shape (numbers, lists, objects).
    expect(isCoded({ code: "device-http-status", params: { status: 500, attempts: 3 } })).toBe(true);
    expect(isCoded({ code: "internal", params: [] })).toBe(false);
    expect(isCoded({ code: 7, params: {} })).toBe(false);
    expect(isCoded({ code: "internal" })).toBe(false);
  });

  it("knows which variables a message uses, in every variant", () => {
    expect([...messageVariables("app-devices-count")].sort()).toEqual(["count", "selected"]);
    expect([...messageVariables("error-device-login-rejected")]).toEqual(["family"]);
  });
});

describe("the sign-in window's notice", () => {
  it("is in each language, naming the host and the code for the app to fill in", () => {
    const english = signInTexts("en");
    for (const { code } of LANGUAGES) {
      const texts = signInTexts(code);
      expect(texts.lang).toBe(code);
      expect(texts.body).toContain("{host}");
      expect(texts.copied).toContain("{code}");
      expect(texts.notCopied).toContain("{code}");
      for (const v of [texts.title, texts.button, texts.opened]) {
        expect(v.trim().length).toBeGreaterThan(0);
        expect(v).not.toMatch(/app-sign-in/);
      }
      if (code !== "en") expect(texts.button).not.toBe(english.button);
    }
    expect(english.button).toBe("Continue in my browser");
  });
});
