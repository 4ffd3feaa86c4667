import { describe, expect, it } from "vitest";
import type { HealthEntry, HealthVerdict } from "../bindings";
import { needingSignIn, signInAgainRequest } from "./health";

function entry(id: string, verdict: HealthVerdict, over: Partial<HealthEntry> = {}): HealthEntry {
  return {
    id, model: "ET-4850 Series", address: "192.0.2.9", verdict, read: "read", account: null,
    sender: null, service: null, diagnoses: [], error: null, fix: null, ...over,
  };
}

const wizard = { sender: "wizard@contoso.example", service: "exchange-online" as const, embeddedSignIn: true, adminUser: "" };

describe("health", () => {
  const expired = entry("a", { code: "sign-in-expired", params: { job_code: 361 } }, { sender: "scan@contoso.example", service: "exchange-online" });
  const needed = entry("b", { code: "sign-in-needed", params: { job_code: 370 } }, { sender: "scan@contoso.example" });
  const healthy = entry("c", { code: "healthy", params: {} });
  const network = entry("d", { code: "jobs-failed", params: { job_code: 360 } });
  const unread = entry("e", { code: "not-readable", params: {} });

  it("picks the devices a sign-in again fixes", () => {
    expect(needingSignIn([expired, healthy, needed, network, unread]).map((e) => e.id)).toEqual(["a", "b"]);
    expect(needingSignIn([healthy, network])).toEqual([]);
  });

  it("builds one batch over all of them, with the sender they have", () => {
    const r = signInAgainRequest([healthy, expired, network, needed], wizard);
    expect(r).not.toBeNull();
    expect(r!.devices).toEqual([{ id: "a", password: null }, { id: "b", password: null }]);
    expect(r!.sender).toBe("scan@contoso.example");
    expect(r!.service).toBe("exchange-online");
    expect(r!.embeddedSignIn).toBe(true);
    expect(r!.sharedPassword).toBeNull();
    expect(r!.rememberPasswords).toBe(false);
  });

  it("falls back to the wizard's sender, and builds nothing when none needs it", () => {
    const bare = entry("x", { code: "sign-in-needed", params: { job_code: null } });
    const r = signInAgainRequest([bare], { ...wizard, service: "outlook-com", adminUser: " admin " });
    expect(r!.sender).toBe("wizard@contoso.example");
    expect(r!.service).toBe("outlook-com");
    expect(r!.adminUser).toBe("admin");
    expect(signInAgainRequest([healthy, network], wizard)).toBeNull();
  });

  it("uses the signed-in account when the device shows no sender", () => {
    const acc = entry("y", { code: "sign-in-expired", params: { job_code: null } }, { account: "admin@contoso.example" });
    expect(signInAgainRequest([acc], wizard)!.sender).toBe("admin@contoso.example");
  });
});
