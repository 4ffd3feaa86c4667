// State shared by the screens (it outlives each screen): the device list and
// selection, practice mode, the current run and the wizard's form (without
// passwords). The logic lives in reducers.ts; this module wires it to Tauri.
import { api } from "./api";
import {
  applyDeviceEvent,
  applyRunEvent,
  beginRun,
  emptyRun,
  endRun,
  mergeDevices,
  narrowRequest,
  pruneSelection,
  resumeSelection,
  type RunState,
} from "./reducers";
import type {
  AppInfo,
  Coded,
  DeviceListEvent,
  DeviceView,
  EmailService,
  HealthEntry,
  InterfaceChoice,
  InventoryEntry,
  PracticeInfo,
  RunRequest,
  TenantCheckRequest,
  TenantCheckProgress,
  TenantCheckReport,
  UnfinishedRun,
} from "../bindings";
import { isCoded } from "./i18n";
import { signInAgainRequest } from "./health";

export type Screen = "devices" | "tenant" | "wizard" | "results" | "troubleshoot";
export const SCREENS: readonly Screen[] = ["devices", "tenant", "wizard", "results", "troubleshoot"];

/** Any rejection as a Coded (a JS exception becomes `internal`). */
export function asCoded(e: unknown): Coded {
  if (isCoded(e)) return e;
  return { code: "internal", params: { detail: e instanceof Error ? e.message : String(e) } };
}

export const app = $state({
  screen: "devices" as Screen,
  info: null as AppInfo | null,
  devices: [] as DeviceView[],
  selected: [] as string[],
  discoveryStarted: false,
  discovering: false,
  quietAfter: null as number | null,
  discoveryError: null as Coded | null,
  interfaces: "default" as InterfaceChoice,
  practice: null as PracticeInfo | null,
  run: emptyRun() as RunState,
  runError: null as Coded | null,
  /** The wizard's form, without passwords (those stay in the wizard screen). */
  wizard: {
    adminUser: "",
    perDevice: false,
    sender: "",
    service: "exchange-online" as EmailService,
    embeddedSignIn: true,
    rememberPasswords: false,
    /** The audit trail's run the next run resumes (set by "Resume"). */
    resumes: null as string | null,
  },
  troubleshootDevice: null as string | null,
  /** The last inventory: what each device showed when read (by device id). */
  inventory: {
    reading: false,
    entries: {} as Record<string, InventoryEntry>,
    error: null as Coded | null,
  },
  /** The last health check: each device with a known password, and its verdict. */
  health: {
    checking: false,
    entries: [] as HealthEntry[],
  },
  /** The last run's devices the audit trail shows unfinished (offered for resuming). */
  unfinished: null as UnfinishedRun | null,
  /** The tenant check: its progress while it runs, then its result. */
  tenant: {
    running: false,
    progress: null as TenantCheckProgress | null,
    result: null as TenantCheckReport | null,
    error: null as Coded | null,
  },
});

/** The last request, for "Try again" (kept in memory only, never stored). */
let lastRequest: RunRequest | null = null;
export function lastRunRequest(): RunRequest | null {
  return lastRequest;
}

/** Reads every device of the list without changing any (`password`: for this reading only). */
export async function readInventory(adminUser: string | null, password: string | null): Promise<void> {
  app.inventory.reading = true;
  app.inventory.error = null;
  try {
    const entries = await api.inventory(adminUser, password);
    app.inventory.entries = Object.fromEntries(entries.map((e) => [e.id, e]));
  } catch (err) {
    app.inventory.error = asCoded(err);
  } finally {
    app.inventory.reading = false;
  }
}

/** Checks the health of the devices whose password is known (never fails: no check
 * leaves the last one in place). */
let healthAgain = false;
export async function checkHealth(): Promise<void> {
  if (app.run.running) return;
  if (app.health.checking) {
    // Asked while a check runs: one more after it, so the newest state is seen.
    healthAgain = true;
    return;
  }
  app.health.checking = true;
  try {
    do {
      healthAgain = false;
      try {
        app.health.entries = await api.healthCheck();
      } catch {
        // No check now: the banner keeps what the last one found.
      }
    } while (healthAgain);
  } finally {
    app.health.checking = false;
  }
}

/** "Sign in again": one batch over every device whose sign-in must be renewed (one
 * Microsoft session serves them all), then a new check. */
export async function signInAgain(): Promise<void> {
  const request = signInAgainRequest(app.health.entries, app.wizard);
  if (!request) return;
  await runDevices(request);
  await checkHealth();
}

export function go(screen: Screen): void {
  app.screen = screen;
}

// --- discovery -------------------------------------------------------------

function onDeviceEvent(e: DeviceListEvent): void {
  if (e.kind === "quiet") {
    app.quietAfter = e.afterSecs;
  } else if (e.kind === "error") {
    app.discoveryError = e.error;
  } else {
    app.devices = applyDeviceEvent(app.devices, e);
    if (e.kind === "removed") app.selected = pruneSelection(app.selected, app.devices);
  }
}

export async function startDiscovery(interfaces: InterfaceChoice = app.interfaces): Promise<void> {
  app.interfaces = interfaces;
  app.discoveryStarted = true;
  app.discovering = true;
  app.quietAfter = null;
  app.discoveryError = null;
  try {
    await api.discoveryStart(interfaces, onDeviceEvent);
  } catch (e) {
    app.discoveryError = asCoded(e);
    app.discovering = false;
  }
}

export function addDevices(devices: DeviceView[]): void {
  app.devices = mergeDevices(app.devices, devices);
}

export function setSelected(id: string, on: boolean): void {
  const d = app.devices.find((x) => x.id === id);
  if (on && d?.supported && !app.selected.includes(id)) app.selected = [...app.selected, id];
  if (!on) app.selected = app.selected.filter((x) => x !== id);
}

export function selectAll(on: boolean): void {
  app.selected = on ? app.devices.filter((d) => d.supported).map((d) => d.id) : [];
}

// --- practice mode -----------------------------------------------------------

/** Practice mode started (or its faults changed): its devices listed; with `health`,
 * their health checked. */
export function practiceStarted(info: PracticeInfo, health = true): void {
  app.practice = info;
  addDevices(info.devices);
  if (app.wizard.sender === "") app.wizard.sender = info.sender;
  void loadUnfinished(true);
  if (health) void checkHealth();
}

// --- the audit trail's unfinished run ----------------------------------------

/** Asks the audit trail what the last run (practice or not) left unfinished. */
export async function loadUnfinished(practice: boolean): Promise<void> {
  try {
    app.unfinished = await api.auditUnfinished(practice);
  } catch {
    app.unfinished = null; // no trail: nothing to offer
  }
}

/** "Resume": selects the unfinished devices that are in the list, with the run's
 * sender and service, and opens the wizard. */
export function resumeUnfinished(): void {
  const u = app.unfinished;
  const ids = resumeSelection(u, app.devices);
  if (!u || ids.length === 0) return;
  app.selected = ids;
  app.wizard.sender = u.sender;
  app.wizard.service = u.service;
  // The new run is recorded as resuming this one.
  app.wizard.resumes = u.runId;
  app.unfinished = null;
  app.screen = "wizard";
}

export function dismissUnfinished(): void {
  app.unfinished = null;
}

export function practiceStopped(): void {
  const ids = new Set(app.practice?.devices.map((d) => d.id) ?? []);
  app.devices = app.devices.filter((d) => !d.practice && !ids.has(d.id));
  app.selected = pruneSelection(app.selected, app.devices);
  if (app.practice && app.wizard.sender === app.practice.sender) app.wizard.sender = "";
  app.practice = null;
}

// --- runs -------------------------------------------------------------------

/**
 * Starts `run_start` and follows its events; with `keep`, the rows of earlier
 * devices stay (retrying one device). Shows the wizard's progress; switches to
 * Results when the batch has finished (unless the user went to another screen).
 */
export async function runDevices(request: RunRequest, keep = false, checkAgain = false): Promise<void> {
  if (app.run.running) return;
  lastRequest = keep && lastRequest ? mergeRequests(lastRequest, request) : request;
  app.runError = null;
  app.run = beginRun(app.run, request.devices.map((d) => d.id), keep);
  app.screen = "wizard";
  const start = checkAgain ? api.runCheckAgain : api.runStart;
  try {
    await start(request, (e) => {
      app.run = applyRunEvent(app.run, e);
      // The results replace the progress; someone who went to another screen meanwhile stays there.
      if (e.kind === "finished" && app.screen === "wizard") app.screen = "results";
    });
  } catch (e) {
    app.runError = asCoded(e);
  } finally {
    app.run = endRun(app.run);
  }
}

/**
 * "Check again" for one device after steps done by hand on its page: the last
 * request narrowed to it (its password stays in memory), its progress shown as a
 * run's, the other devices' results kept. Without a last request, the wizard.
 */
export async function checkAgain(id: string): Promise<void> {
  const last = lastRequest;
  if (!last) {
    app.selected = [id];
    app.screen = "wizard";
    return;
  }
  const request = narrowRequest(last, [id]);
  if (request.devices.length === 0) request.devices = [{ id, password: null }];
  await runDevices(request, true, true);
}

function mergeRequests(old: RunRequest, next: RunRequest): RunRequest {
  const ids = new Set(next.devices.map((d) => d.id));
  return { ...next, devices: [...old.devices.filter((d) => !ids.has(d.id)), ...next.devices] };
}

export async function cancelRun(): Promise<void> {
  try {
    await api.runCancel();
  } catch (e) {
    app.runError = asCoded(e);
  }
}

// --- tenant check ---------------------------------------------------------------

export async function startTenantCheck(request: TenantCheckRequest): Promise<void> {
  if (app.tenant.running) return;
  app.tenant.running = true;
  app.tenant.progress = null;
  app.tenant.result = null;
  app.tenant.error = null;
  try {
    app.tenant.result = await api.tenantCheck(request, (p) => (app.tenant.progress = p));
  } catch (e) {
    app.tenant.error = asCoded(e);
  } finally {
    app.tenant.running = false;
  }
}
