import { describe, expect, it } from "vitest";
import type { ManualPath } from "../bindings";
import { LANGUAGES, translate } from "./i18n";
import { manualView } from "./manual";

// The path the engine gives for a device whose "Sign In" button printoauth could
// not find (crates/core/src/manual.rs), as the app hands it to the UI.
const SIGN_IN_MISSING: ManualPath = {
  web_config_url: "https://192.0.2.5/",
  page: "email-server-basic",
  missing: "button 'Sign In'",
  missing_code: { code: "button", params: { label: "Sign In" } },
  stopped_at: "oauth2-set",
  steps: [
    { code: "open-web-config", params: { url: "https://192.0.2.5/" } },
    { code: "log-in", params: {} },
    { code: "open-email-server-basic", params: {} },
    { code: "set-auth-method-oauth2", params: {} },
    { code: "set-email-service", params: { service: "Microsoft Exchange Online" } },
    { code: "press-sign-in", params: {} },
    { code: "press-sign-in-with-microsoft", params: {} },
    { code: "enter-shown-code", params: {} },
    { code: "sign-in-as-administrator", params: {} },
    { code: "consent-for-organisation", params: {} },
    { code: "check-signed-in", params: {} },
    { code: "check-values", params: { sender: "scan@contoso.example", server: "smtp-mail.outlook.com", port: 587 } },
    { code: "press-ok", params: {} },
  ],
  stop_index: 5,
};

describe("the steps on a device's own page", () => {
  it("reads in English with the device's names and the step printoauth stopped at", () => {
    const v = manualView("en", SIGN_IN_MISSING);
    expect(v.url).toBe("https://192.0.2.5/");
    expect(v.intro).toContain("https://192.0.2.5/");
    expect(v.missing).toBe("Not found on the device's page: the button “Sign In”");
    expect(v.steps.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(v.steps.filter((s) => s.here).map((s) => s.code)).toEqual(["press-sign-in"]);
    expect(v.steps[0].text).toContain("https://192.0.2.5/");
    expect(v.steps[2].text).toContain("Email Server > Basic");
    expect(v.steps[4].text).toContain("Microsoft Exchange Online");
    expect(v.steps[5].text).toBe("Press Sign In.");
    expect(v.steps[6].text).toContain("Sign in with Microsoft");
    expect(v.steps[11].text).toContain("scan@contoso.example");
    expect(v.steps[11].text).toContain("587");
  });

  it("reads in every language, the device's own names kept in English", () => {
    const english = manualView("en", SIGN_IN_MISSING);
    for (const { code: lang } of LANGUAGES) {
      const v = manualView(lang, SIGN_IN_MISSING);
      for (const [i, s] of v.steps.entries()) {
        expect(s.text, `${lang} ${s.code}`).not.toMatch(/manual-|\(…\)/);
        if (lang !== "en") expect(s.text, `${lang} ${s.code} is translated`).not.toBe(english.steps[i].text);
      }
      expect(v.steps[2].text, lang).toContain("Email Server > Basic");
      expect(v.steps[6].text, lang).toContain("Sign in with Microsoft");
      expect(v.steps[12].text, lang).toContain("OK");
      expect(v.missing, lang).toContain("Sign In");
      expect(v.intro, lang).toContain("https://192.0.2.5/");
    }
    const lt = manualView("lt", SIGN_IN_MISSING);
    expect(lt.steps[5].text).toBe("Spustelėkite Sign In.");
    expect(lt.missing).toBe("Įrenginio puslapyje nerasta: mygtukas „Sign In“");
    expect(translate("lt", "app-manual-check-again")).toBe("Tikrinti dar kartą");
  });

  it("gives the code and its address when the device had shown them", () => {
    const v = manualView("en", {
      ...SIGN_IN_MISSING,
      missing_code: { code: "row", params: { label: "Current Status" } },
      steps: [{ code: "enter-code", params: { code: "ABCD1234", url: "https://microsoft.com/devicelogin" } }],
      stop_index: 0,
    });
    expect(v.steps[0].text).toBe("In a browser, open https://microsoft.com/devicelogin and enter the code ABCD1234, then Next.");
    expect(v.missing).toContain("Current Status");
  });
});
