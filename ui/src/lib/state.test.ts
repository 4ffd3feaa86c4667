import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DeviceListEvent, DeviceView, HealthEntry, PracticeInfo, RunEvent, RunRequest, UnfinishedRun } from "../bindings";

// The commands, replaced: each test says what the Rust side answers.
const calls: Array<[string, unknown[]]> = [];
let runEvents: RunEvent[] = [];
let deviceEvents: DeviceListEvent[] = [];
let unfinished: UnfinishedRun | null = null;
let health: HealthEntry[] = [];
vi.mock("./api", () => ({
  api: {
    healthCheck: async () => {
      calls.push(["healthCheck", []]);
      return health;
    },
    auditUnfinished: async (practice: boolean) => {
      calls.push(["auditUnfinished", [practice]]);
      return unfinished;
    },
    discoveryStart: async (interfaces: unknown, onEvent: (e: DeviceListEvent) => void) => {
      calls.push(["discoveryStart", [interfaces]]);
      for (const e of deviceEvents) onEvent(e);
      return null;
    },
    runStart: async (request: RunRequest, onEvent: (e: RunEvent) => void) => {
      calls.push(["runStart", [request]]);
      // The events arrive later, as from the Rust side.
      await new Promise((r) => setTimeout(r, 0));
      for (const e of runEvents) onEvent(e);
      return null;
    },
    runCheckAgain: async (request: RunRequest, onEvent: (e: RunEvent) => void) => {
      calls.push(["runCheckAgain", [request]]);
      await new Promise((r) => setTimeout(r, 0));
      for (const e of runEvents) onEvent(e);
      return null;
    },
  },
}));

const {
  app,
  addDevices,
  checkHealth,
  signInAgain,
  checkAgain,
  dismissUnfinished,
  loadUnfinished,
  practiceStarted,
  resumeUnfinished,
  practiceStopped,
  runDevices,
  selectAll,
  setSelected,
  startDiscovery,
  lastRunRequest,
} = await import("./state.svelte");

function device(id: string, over: Partial<DeviceView> = {}): DeviceView {
  return {
    id, vendor: "Epson", model: "WF-C5890 Series", hostName: null, addresses: ["192.0.2.9"], adminUrl: null,
    supported: true, oauth2: "yes", mailStatus: "basic-auth", practice: false, ...over,
  };
}

const request = (ids: string[]): RunRequest => ({
  devices: ids.map((id) => ({ id, password: null })),
  adminUser: null,
  sharedPassword: "pw",
  sender: "scan@contoso.example",
  service: "exchange-online",
  embeddedSignIn: true,
  rememberPasswords: false,
});

beforeEach(() => {
  calls.length = 0;
  runEvents = [];
  deviceEvents = [];
  app.devices = [];
  app.selected = [];
  app.screen = "devices";
  app.practice = null;
  app.wizard.sender = "";
  app.quietAfter = null;
});

describe("discovery in the store", () => {
  it("fills the list, remembers a quiet network and drops removed devices from the selection", async () => {
    deviceEvents = [
      { kind: "added", device: device("a") },
      { kind: "added", device: device("b") },
      { kind: "quiet", afterSecs: 5 },
    ];
    await startDiscovery("all");
    expect(calls[0]).toEqual(["discoveryStart", ["all"]]);
    expect(app.devices.map((d) => d.id)).toEqual(["a", "b"]);
    expect(app.quietAfter).toBe(5);
    selectAll(true);
    expect(app.selected).toEqual(["a", "b"]);
    deviceEvents = [{ kind: "removed", id: "a" }];
    await startDiscovery();
    expect(app.selected).toEqual(["b"]);
  });

  it("never selects an unsupported device", () => {
    addDevices([device("a"), device("x", { supported: false })]);
    setSelected("x", true);
    selectAll(true);
    expect(app.selected).toEqual(["a"]);
  });
});

describe("practice mode in the store", () => {
  const info: PracticeInfo = {
    devices: [device("p1", { practice: true }), device("p2", { practice: true })],
    adminUser: "admin",
    adminPassword: "epson-practice",
    sender: "admin@contoso.example",
    users: [],
    faults: [],
  };

  it("adds its devices once, suggests its sender, and takes both away when it stops", () => {
    addDevices([device("real"), device("p1", { practice: true })]);
    practiceStarted(info);
    expect(app.devices.map((d) => d.id)).toEqual(["real", "p1", "p2"]);
    expect(app.wizard.sender).toBe("admin@contoso.example");
    selectAll(true);
    practiceStopped();
    expect(app.devices.map((d) => d.id)).toEqual(["real"]);
    expect(app.selected).toEqual(["real"]);
    expect(app.wizard.sender).toBe("");
    expect(app.practice).toBeNull();
  });

  it("keeps a sender the user typed", () => {
    app.wizard.sender = "me@example.org";
    practiceStarted(info);
    expect(app.wizard.sender).toBe("me@example.org");
  });

  it("checks the devices' health when it starts, not when a fault changes", async () => {
    practiceStarted(info);
    await new Promise((r) => setTimeout(r, 0));
    expect(calls.filter(([c]) => c === "healthCheck").length).toBe(1);
    practiceStarted(info, false);
    await new Promise((r) => setTimeout(r, 0));
    expect(calls.filter(([c]) => c === "healthCheck").length).toBe(1);
  });
});

describe("health in the store", () => {
  const lapsed: HealthEntry = {
    id: "p2", model: null, address: null, verdict: { code: "sign-in-expired", params: { job_code: 361 } },
    read: "read", account: "admin@contoso.example", sender: "scan@contoso.example", service: "exchange-online",
    diagnoses: [], error: null, fix: null,
  };

  it("signs every flagged device in again in one batch, then checks again", async () => {
    health = [lapsed, { ...lapsed, id: "p3" }, { ...lapsed, id: "p4", verdict: { code: "healthy", params: {} } }];
    await checkHealth();
    expect(app.health.entries.length).toBe(3);
    runEvents = [{ kind: "finished", succeeded: 2, failed: 0 }];
    health = [];
    await signInAgain();
    const runs = calls.filter(([c]) => c === "runStart");
    expect(runs.length).toBe(1);
    const req = runs[0][1][0] as RunRequest;
    expect(req.devices.map((d) => d.id)).toEqual(["p2", "p3"]);
    expect(req.sender).toBe("scan@contoso.example");
    expect(calls.map(([c]) => c).slice(-2)).toEqual(["runStart", "healthCheck"]);
    expect(app.health.entries).toEqual([]);
  });
});

describe("runs in the store", () => {
  it("shows the progress, then the results when the batch has finished", async () => {
    runEvents = [
      { kind: "working", device: "a", step: "found" },
      { kind: "done", device: "a", changes: [] },
      { kind: "finished", succeeded: 1, failed: 0 },
    ];
    await runDevices(request(["a"]));
    expect(app.screen).toBe("results");
    expect(app.run.rows.a.state).toBe("done");
    expect(app.run.running).toBe(false);
  });

  it("leaves someone who went to another screen where they are", async () => {
    runEvents = [
      { kind: "done", device: "a", changes: [] },
      { kind: "finished", succeeded: 1, failed: 0 },
    ];
    const pending = runDevices(request(["a"]));
    expect(app.screen).toBe("wizard");
    expect(app.run.running).toBe(true);
    app.screen = "tenant";
    await pending;
    expect(app.screen).toBe("tenant");
    expect(app.run.rows.a.state).toBe("done");
  });

  it("retries one device with the same request, keeping the others' results", async () => {
    runEvents = [
      { kind: "done", device: "a", changes: [] },
      { kind: "failed", device: "b", failedAt: "logged-in", error: { code: "device-login-rejected", params: { family: "consumer" } }, fix: { code: "check-admin-password", params: {} }, manual: null },
      { kind: "finished", succeeded: 1, failed: 1 },
    ];
    await runDevices(request(["a", "b"]));
    runEvents = [{ kind: "done", device: "b", changes: [] }, { kind: "finished", succeeded: 1, failed: 0 }];
    await runDevices({ ...request(["b"]) }, true);
    expect(app.run.order).toEqual(["a", "b"]);
    expect(app.run.rows.b.state).toBe("done");
    expect(lastRunRequest()?.devices.map((d) => d.id)).toEqual(["a", "b"]);
  });

  it("checks one device again with its part of the last request, over a run's events", async () => {
    runEvents = [
      { kind: "done", device: "a", changes: [] },
      {
        kind: "failed",
        device: "b",
        failedAt: "oauth2-set",
        error: { code: "device-page-not-understood", params: { page: "email-server-basic", missing: "button 'Sign In'", redacted_html: "" } },
        fix: { code: "do-on-device-page", params: {} },
        manual: null,
      },
      { kind: "finished", succeeded: 1, failed: 1 },
    ];
    await runDevices(request(["a", "b"]));
    calls.length = 0;
    runEvents = [
      { kind: "working", device: "b", step: "signed-in" },
      { kind: "done", device: "b", changes: [] },
      { kind: "finished", succeeded: 1, failed: 0 },
    ];
    await checkAgain("b");
    expect(calls.map((c) => c[0])).toEqual(["runCheckAgain"]);
    const sent = calls[0][1][0] as RunRequest;
    expect(sent.devices.map((d) => d.id)).toEqual(["b"]);
    expect(sent.sharedPassword).toBe("pw");
    expect(app.run.order).toEqual(["a", "b"]);
    expect(app.run.rows.b.state).toBe("done");
    expect(app.screen).toBe("results");
  });
});

describe("the last run's unfinished devices", () => {
  const run: UnfinishedRun = {
    runId: "r1",
    startedAt: "2026-12-02T10:00:00.000Z",
    sender: "scanner@contoso.example",
    service: "outlook-com",
    devices: [
      { id: "u1", label: "WF-C5890 Series (192.0.2.9)", beganWriting: true, last: "saved" },
      { id: "u2", label: "ET-4850 Series (192.0.2.10)", beganWriting: false, last: null },
    ],
  };

  it("Resume selects those in the list, takes the run's sender and opens the wizard", async () => {
    unfinished = run;
    app.screen = "devices";
    app.selected = [];
    await loadUnfinished(false);
    expect(calls).toContainEqual(["auditUnfinished", [false]]);
    expect(app.unfinished?.runId).toBe("r1");
    // Not in the list yet: nothing to select, the banner stays.
    resumeUnfinished();
    expect(app.screen).toBe("devices");
    expect(app.unfinished).not.toBeNull();
    addDevices([device("u2"), device("other")]);
    resumeUnfinished();
    expect(app.selected).toEqual(["u2"]);
    expect(app.wizard.sender).toBe("scanner@contoso.example");
    expect(app.wizard.service).toBe("outlook-com");
    // The new run is recorded as resuming r1.
    expect(app.wizard.resumes).toBe("r1");
    expect(app.screen).toBe("wizard");
    expect(app.unfinished).toBeNull();
  });

  it("Not now hides the offer; a trail that cannot be read offers nothing", async () => {
    unfinished = run;
    await loadUnfinished(false);
    dismissUnfinished();
    expect(app.unfinished).toBeNull();
    unfinished = null;
    await loadUnfinished(true);
    expect(app.unfinished).toBeNull();
  });
});
