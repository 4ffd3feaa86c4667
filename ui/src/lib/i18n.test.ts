import { describe, expect, it } from "vitest";
import { isAppError } from "./api";
import { errorMessage, errorMessageId, format, t } from "./i18n";

describe("format", () => {
  it("fills Fluent-style placeholders", () => {
    expect(format("{ $name } { $version } is ready.", { name: "printoauth", version: "1.2.3" })).toBe(
      "printoauth 1.2.3 is ready.",
    );
  });

  it("accepts placeholders without spaces and numbers as values", () => {
    expect(format("{$count} printers", { count: 3 })).toBe("3 printers");
  });

  it("leaves an unknown placeholder visible", () => {
    expect(format("hello { $who }", {})).toBe("hello { $who }");
  });

  it("does not treat inherited properties as params", () => {
    expect(format("{ $toString }", {})).toBe("{ $toString }");
  });
});

describe("errorMessage", () => {
  it("localises an app error by its code and params", () => {
    expect(errorMessage({ code: "internal", params: { detail: "disk full" } })).toBe(
      "something went wrong inside printoauth (disk full).",
    );
  });

  it("maps each code to an error-<code> message id", () => {
    expect(errorMessageId("internal")).toBe("error-internal");
  });

  it("falls back for a code this UI does not know", () => {
    expect(errorMessage({ code: "printer-on-fire", params: {} })).toBe(
      "an unexpected error occurred (code printer-on-fire).",
    );
  });

  it("never uses an object's inherited keys as a message", () => {
    expect(errorMessage({ code: "constructor", params: {} }).startsWith("an unexpected")).toBe(true);
  });

  it("keeps the detail of a JavaScript exception", () => {
    expect(errorMessage(new TypeError("invoke is not a function"))).toBe(
      "an unexpected error occurred (invoke is not a function).",
    );
  });

  it("handles a bare string and odd values", () => {
    expect(errorMessage("boom")).toBe("an unexpected error occurred (boom).");
    expect(errorMessage(undefined)).toBe("an unexpected error occurred (undefined).");
    expect(errorMessage({ code: 7 })).toBe('an unexpected error occurred ({"code":7}).');
  });
});

describe("isAppError", () => {
  it("accepts exactly the {code, params} shape", () => {
    expect(isAppError({ code: "internal", params: {} })).toBe(true);
    expect(isAppError({ code: "internal", params: { n: 1 } })).toBe(false);
    expect(isAppError({ code: "internal" })).toBe(false);
    expect(isAppError(null)).toBe(false);
  });
});

describe("t", () => {
  it("names the product", () => {
    expect(t("app-title")).toBe("printoauth");
  });
});
