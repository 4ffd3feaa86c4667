import { describe, expect, it } from "vitest";
import type { DeviceView, RunEvent, UnfinishedRun } from "../bindings";
import {
  applyDeviceEvent,
  applyRunEvent,
  beginRun,
  buildRunRequest,
  deviceLabel,
  emptyRun,
  emptyWizardForm,
  endRun,
  isMailAddress,
  mergeDevices,
  narrowRequest,
  pruneSelection,
  resumeSelection,
  vendorName,
  runCounts,
  stepStatus,
  validateWizard,
  type RunState,
} from "./reducers";

function device(id: string, over: Partial<DeviceView> = {}): DeviceView {
  return {
    id,
    vendor: "Epson",
    model: `WF-${id}`,
    hostName: `${id}.local`,
    addresses: ["192.0.2.1"],
    adminUrl: "https://192.0.2.1/",
    supported: true,
    oauth2: "yes",
    mailStatus: "not-checked",
    practice: false,
    ...over,
  };
}

describe("device list", () => {
  it("adds devices in the order they answer", () => {
    let list = applyDeviceEvent([], { kind: "added", device: device("a") });
    list = applyDeviceEvent(list, { kind: "added", device: device("b") });
    expect(list.map((d) => d.id)).toEqual(["a", "b"]);
  });

  it("never lists a device twice: a second 'added' replaces it in place", () => {
    let list = [device("a"), device("b")];
    list = applyDeviceEvent(list, { kind: "added", device: device("a", { model: "ET-5800" }) });
    expect(list.map((d) => d.id)).toEqual(["a", "b"]);
    expect(list[0].model).toBe("ET-5800");
  });

  it("applies changes, and adds a changed device it has not seen", () => {
    let list = [device("a")];
    list = applyDeviceEvent(list, { kind: "changed", device: device("a", { mailStatus: "oauth2-signed-in" }) });
    expect(list[0].mailStatus).toBe("oauth2-signed-in");
    list = applyDeviceEvent(list, { kind: "changed", device: device("c") });
    expect(list.map((d) => d.id)).toEqual(["a", "c"]);
  });

  it("removes devices and leaves the list alone for quiet and error events", () => {
    const list = [device("a"), device("b")];
    expect(applyDeviceEvent(list, { kind: "removed", id: "a" }).map((d) => d.id)).toEqual(["b"]);
    expect(applyDeviceEvent(list, { kind: "removed", id: "zzz" })).toEqual(list);
    expect(applyDeviceEvent(list, { kind: "quiet", afterSecs: 5 })).toEqual(list);
    expect(applyDeviceEvent(list, { kind: "error", error: { code: "discovery-mdns-unavailable", params: { detail: "x" } } })).toEqual(list);
  });

  it("does not change the list it was given", () => {
    const list = [device("a")];
    applyDeviceEvent(list, { kind: "added", device: device("b") });
    expect(list).toHaveLength(1);
  });

  it("merges practice devices by id", () => {
    const list = mergeDevices([device("a"), device("p1", { practice: true })], [device("p1", { practice: true, model: "new" }), device("p2")]);
    expect(list.map((d) => d.id)).toEqual(["a", "p1", "p2"]);
    expect(list[1].model).toBe("new");
  });

  it("keeps only listed, supported devices selected", () => {
    const list = [device("a"), device("b", { supported: false })];
    expect(pruneSelection(["a", "b", "gone"], list)).toEqual(["a"]);
  });

  it("writes vendors' names as they do", () => {
    expect(vendorName("epson")).toBe("Epson");
    expect(vendorName("HP")).toBe("HP");
    expect(vendorName("Kyocera")).toBe("Kyocera");
  });

  it("names a device by model, host name, address, id", () => {
    expect(deviceLabel(device("a"))).toBe("WF-a");
    expect(deviceLabel(device("a", { model: null }))).toBe("a.local");
    expect(deviceLabel(device("a", { model: null, hostName: null }))).toBe("192.0.2.1");
    expect(deviceLabel(undefined, "id-7")).toBe("id-7");
  });
});

describe("run state", () => {
  const apply = (s: RunState, ...events: RunEvent[]): RunState => events.reduce(applyRunEvent, s);

  it("starts with one working row per device", () => {
    const s = beginRun(emptyRun(), ["a", "b"]);
    expect(s.running).toBe(true);
    expect(s.order).toEqual(["a", "b"]);
    expect(s.rows.a.state).toBe("working");
    expect(s.rows.a.step).toBeNull();
  });

  it("goes working -> needs-you -> working -> done", () => {
    let s = beginRun(emptyRun(), ["a"]);
    s = apply(s, { kind: "working", device: "a", step: "logged-in" }, { kind: "working", device: "a", step: "oauth2-set" });
    expect(s.rows.a).toMatchObject({ state: "working", step: "oauth2-set" });
    expect(stepStatus(s.rows.a, "logged-in")).toBe("done");
    expect(stepStatus(s.rows.a, "oauth2-set")).toBe("current");
    expect(stepStatus(s.rows.a, "saved")).toBe("pending");

    s = apply(s, { kind: "needs-you", device: "a", userCode: "ABCD1234", verificationUri: "https://microsoft.com/devicelogin", expiresAt: "2026-11-23T22:00:00Z" });
    expect(s.rows.a.state).toBe("needs-you");
    expect(s.rows.a.step).toBe("waiting-for-consent");
    expect(s.rows.a.signIn?.userCode).toBe("ABCD1234");
    expect(runCounts(s).needsYou).toBe(1);

    s = apply(s, { kind: "working", device: "a", step: "signed-in" });
    expect(s.rows.a.state).toBe("working");
    expect(s.rows.a.signIn).toBeNull();

    s = apply(s, { kind: "working", device: "a", step: "saved" }, {
      kind: "done",
      device: "a",
      changes: [{ field: "authentication-method", before: "SMTP AUTH", after: "OAuth2" }],
    });
    expect(s.rows.a.state).toBe("done");
    expect(s.rows.a.changes).toHaveLength(1);
    expect(stepStatus(s.rows.a, "verified")).toBe("done");
  });

  it("shows a wait until the device answers, keeping the step", () => {
    let s = beginRun(emptyRun(), ["a"]);
    s = apply(s, { kind: "working", device: "a", step: "signed-in" });
    s = apply(s, { kind: "waiting", device: "a", reason: "device-restarting", upToSecs: 90 });
    expect(s.rows.a).toMatchObject({ state: "working", step: "signed-in", wait: { reason: "device-restarting", upToSecs: 90 } });
    s = apply(s, { kind: "wait-over", device: "a" });
    expect(s.rows.a.wait).toBeNull();
    s = apply(s, { kind: "waiting", device: "a", reason: "device-away", upToSecs: 40 });
    expect(s.rows.a.wait?.reason).toBe("device-away");
    // A final state ends any wait.
    s = apply(s, {
      kind: "failed",
      device: "a",
      failedAt: "saved",
      error: { code: "device-unreachable", params: { address: "192.0.2.1", detail: "refused" } },
      fix: { code: "check-device-connection", params: { address: "192.0.2.1" } },
      manual: null,
    });
    expect(s.rows.a.wait).toBeNull();
  });

  it("records a failure with its error, fix and step", () => {
    let s = beginRun(emptyRun(), ["a", "b"]);
    s = apply(s, { kind: "working", device: "b", step: "found" }, {
      kind: "failed",
      device: "b",
      failedAt: "logged-in",
      error: { code: "device-login-rejected", params: { family: "business" } },
      fix: { code: "check-admin-password", params: {} },
      manual: null,
    });
    expect(s.rows.b).toMatchObject({ state: "failed", step: "logged-in", fix: { code: "check-admin-password", params: {} } });
    expect(s.rows.b.error?.code).toBe("device-login-rejected");
    expect(stepStatus(s.rows.b, "found")).toBe("done");
    expect(stepStatus(s.rows.b, "logged-in")).toBe("failed");
    expect(stepStatus(s.rows.b, "oauth2-set")).toBe("pending");
  });

  it("keeps the steps to do on the device's page with a failure, and drops them when it is done", () => {
    const manual = {
      web_config_url: "https://192.0.2.5/",
      page: "email-server-basic",
      missing: "button 'Sign In'",
      missing_code: { code: "button" as const, params: { label: "Sign In" } },
      stopped_at: "oauth2-set" as const,
      steps: [{ code: "press-sign-in" as const, params: {} }],
      stop_index: 0,
    };
    let s = beginRun(emptyRun(), ["b"]);
    s = apply(s, {
      kind: "failed",
      device: "b",
      failedAt: "oauth2-set",
      error: { code: "device-page-not-understood", params: { page: "email-server-basic", missing: "button 'Sign In'", redacted_html: "" } },
      fix: { code: "do-on-device-page", params: {} },
      manual,
    });
    expect(s.rows.b.manual).toEqual(manual);
    const again = beginRun(s, ["b"], true);
    expect(again.rows.b.manual).toBeNull();
    s = apply(again, { kind: "done", device: "b", changes: [] });
    expect(s.rows.b.manual).toBeNull();
  });

  it("tracks the consent window and ends on 'finished'", () => {
    let s = beginRun(emptyRun(), ["a"]);
    s = apply(s, { kind: "consent-window", open: true, device: "a" });
    expect(s.consentWindow).toEqual({ open: true, device: "a" });
    s = apply(s, { kind: "done", device: "a", changes: [] }, { kind: "finished", succeeded: 1, failed: 0 });
    expect(s.running).toBe(false);
    expect(s.finished).toEqual({ succeeded: 1, failed: 0 });
    expect(s.consentWindow.open).toBe(false);
  });

  it("adds a row for a device it was not told about", () => {
    const s = apply(beginRun(emptyRun(), ["a"]), { kind: "working", device: "z", step: "found" });
    expect(s.order).toEqual(["a", "z"]);
  });

  it("counts done, failed, working and waiting rows", () => {
    let s = beginRun(emptyRun(), ["a", "b", "c", "d"]);
    s = apply(
      s,
      { kind: "done", device: "a", changes: [] },
      { kind: "failed", device: "b", failedAt: "saved", error: { code: "device-save-not-confirmed", params: { page: "email-server-basic", redacted_html: "" } }, fix: { code: "resave", params: {} }, manual: null },
      { kind: "needs-you", device: "c", userCode: "X", verificationUri: "u", expiresAt: "t" },
    );
    expect(runCounts(s)).toEqual({ total: 4, done: 1, failed: 1, working: 1, needsYou: 1 });
    expect(runCounts(emptyRun())).toEqual({ total: 0, done: 0, failed: 0, working: 0, needsYou: 0 });
  });

  it("retrying one device keeps the others' results", () => {
    let s = beginRun(emptyRun(), ["a", "b"]);
    s = apply(s, { kind: "done", device: "a", changes: [] }, {
      kind: "failed",
      device: "b",
      failedAt: "logged-in",
      error: { code: "device-login-rejected", params: { family: "consumer" } },
      fix: { code: "check-admin-password", params: {} },
      manual: null,
    }, { kind: "finished", succeeded: 1, failed: 1 });
    const retry = beginRun(s, ["b"], true);
    expect(retry.order).toEqual(["a", "b"]);
    expect(retry.rows.a.state).toBe("done");
    expect(retry.rows.b).toMatchObject({ state: "working", error: null });
    expect(retry.finished).toBeNull();
    const fresh = beginRun(s, ["b"]);
    expect(fresh.order).toEqual(["b"]);
  });

  it("stops running when run_start returns without 'finished'", () => {
    const s = endRun(beginRun(emptyRun(), ["a"]));
    expect(s.running).toBe(false);
  });
});

describe("wizard validation", () => {
  const valid = { ...emptyWizardForm(), sender: "scan@contoso.example", sharedPassword: "secret" };

  it("accepts a complete form", () => {
    expect(validateWizard(valid, ["a"])).toEqual([]);
  });

  it("asks for devices, a sender and a password", () => {
    expect(validateWizard(emptyWizardForm(), []).map((p) => p.id)).toEqual(["app-invalid-no-devices", "app-invalid-sender-empty"]);
    expect(validateWizard({ ...valid, sharedPassword: "" }, ["a"]).map((p) => p.id)).toEqual(["app-invalid-password"]);
  });

  it("rejects addresses that are not mail addresses", () => {
    for (const bad of ["scan", "scan@", "@contoso.example", "scan@contoso", "sc an@contoso.example", "a@b@c.d"]) {
      expect(isMailAddress(bad), bad).toBe(false);
    }
    expect(isMailAddress(" scan@contoso.example ")).toBe(true);
    expect(validateWizard({ ...valid, sender: "scan@contoso" }, ["a"])).toEqual([
      { field: "sender", id: "app-invalid-sender", address: "scan@contoso" },
    ]);
  });

  it("asks for each device's password when they differ", () => {
    const form = { ...valid, perDevice: true, sharedPassword: "", passwords: { a: "pa" } };
    expect(validateWizard(form, ["a", "b"])).toEqual([{ field: "device-password", id: "app-invalid-device-password", device: "b" }]);
    // A password the keyring holds is not asked for again.
    expect(validateWizard(form, ["a", "b"], ["b"])).toEqual([]);
    expect(validateWizard({ ...valid, sharedPassword: "" }, ["a"], ["a"])).toEqual([]);
    expect(validateWizard({ ...valid, sharedPassword: "" }, ["a", "b"], ["a"]).map((p) => p.id)).toEqual(["app-invalid-password"]);
  });

  it("builds the request run_start takes", () => {
    expect(buildRunRequest({ ...valid, adminUser: "  " }, ["a"])).toEqual({
      devices: [{ id: "a", password: null }],
      adminUser: null,
      sharedPassword: "secret",
      sender: "scan@contoso.example",
      service: "exchange-online",
      embeddedSignIn: true,
      rememberPasswords: false,
      resumes: null,
    });
    expect(buildRunRequest({ ...valid, resumes: "r1" }, ["a"]).resumes).toBe("r1");
    const per = buildRunRequest({ ...valid, adminUser: "admin", perDevice: true, passwords: { a: "pa", b: "pb" } }, ["a", "b"]);
    expect(per.sharedPassword).toBeNull();
    expect(per.adminUser).toBe("admin");
    expect(per.devices).toEqual([{ id: "a", password: "pa" }, { id: "b", password: "pb" }]);
    expect(narrowRequest(per, ["b"]).devices).toEqual([{ id: "b", password: "pb" }]);
  });
});

describe("resumeSelection", () => {
  const run = (ids: string[]): UnfinishedRun => ({
    runId: "r1",
    startedAt: "2026-12-02T10:00:00.000Z",
    sender: "scanner@contoso.example",
    service: "exchange-online",
    devices: ids.map((id) => ({ id, label: `WF-${id} (192.0.2.1)`, beganWriting: id !== "c", last: null })),
  });

  it("selects the unfinished devices in the list, in the run's order", () => {
    const list = [device("c"), device("a"), device("x")];
    expect(resumeSelection(run(["a", "b", "c"]), list)).toEqual(["a", "c"]);
  });

  it("skips devices printoauth cannot configure and offers nothing without a run", () => {
    const list = [device("a", { supported: false }), device("b")];
    expect(resumeSelection(run(["a", "b"]), list)).toEqual(["b"]);
    expect(resumeSelection(null, list)).toEqual([]);
    expect(resumeSelection(run(["z"]), list)).toEqual([]);
  });
});
