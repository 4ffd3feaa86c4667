import { afterEach, describe, expect, it, vi } from "vitest";
import { initLanguage, locale, setLanguage, t, tc } from "./locale.svelte";

function fakeStorage(initial: Record<string, string> = {}): Storage {
  const data = new Map(Object.entries(initial));
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k: string) => data.get(k) ?? null,
    key: (i: number) => [...data.keys()][i] ?? null,
    removeItem: (k: string) => void data.delete(k),
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  setLanguage("en");
});

describe("the chosen language", () => {
  it("follows the OS when nothing is stored, and the stored choice otherwise", () => {
    vi.stubGlobal("localStorage", fakeStorage());
    initLanguage("be-BY");
    expect(locale.lang).toBe("be");
    vi.stubGlobal("localStorage", fakeStorage({ "printoauth.language": "mk" }));
    initLanguage("be-BY");
    expect(locale.lang).toBe("mk");
  });

  it("remembers a choice and switches every string", () => {
    const storage = fakeStorage();
    vi.stubGlobal("localStorage", storage);
    expect(t("cli-yes")).toBe("yes");
    setLanguage("lt");
    expect(storage.getItem("printoauth.language")).toBe("lt");
    expect(t("cli-yes")).not.toBe("yes");
    // Coded messages follow too (English until translated, never a raw id).
    expect(tc("error", { code: "run-in-progress", params: {} }).text).not.toContain("error-run-in-progress");
  });

  it("works without localStorage", () => {
    initLanguage(null);
    expect(locale.lang).toBe("en");
  });
});
