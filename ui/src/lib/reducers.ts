// Pure functions behind the app's state: the device list, a run's progress,
// counts and the wizard's validation. No Svelte, no Tauri: unit-tested.
import type {
  Change,
  Coded,
  DeviceListEvent,
  DeviceView,
  EmailService,
  ManualPath,
  RunEvent,
  RunRequest,
  Step,
  WaitReason,
  UnfinishedRun,
} from "../bindings";

// ---------------------------------------------------------------------------
// Devices

/** The list after one discovery event; one row per id, in the order first seen. */
export function applyDeviceEvent(list: readonly DeviceView[], event: DeviceListEvent): DeviceView[] {
  switch (event.kind) {
    case "added":
    case "changed":
      return mergeDevices(list, [event.device]);
    case "removed":
      return list.filter((d) => d.id !== event.id);
    default:
      return [...list];
  }
}

/** Adds or replaces devices by id (a device seen again replaces its old row in place). */
export function mergeDevices(list: readonly DeviceView[], devices: readonly DeviceView[]): DeviceView[] {
  const out = [...list];
  for (const d of devices) {
    const i = out.findIndex((x) => x.id === d.id);
    if (i >= 0) out[i] = d;
    else out.push(d);
  }
  return out;
}

/** The selection kept to devices that are listed and supported. */
export function pruneSelection(selected: readonly string[], list: readonly DeviceView[]): string[] {
  return selected.filter((id) => list.some((d) => d.id === id && d.supported));
}

const VENDORS: Record<string, string> = { epson: "Epson", brother: "Brother", hp: "HP", canon: "Canon" };

/** A vendor's name as it writes it ("epson" -> "Epson"); an unknown one as it came. */
export function vendorName(vendor: string): string {
  return Object.hasOwn(VENDORS, vendor.toLowerCase()) ? VENDORS[vendor.toLowerCase()] : vendor;
}

/** How a device is named to people: its model, else its host name, else its address. */
export function deviceLabel(d: DeviceView | undefined, fallbackId = ""): string {
  if (!d) return fallbackId;
  return d.model ?? d.hostName ?? d.addresses[0] ?? d.id;
}

// ---------------------------------------------------------------------------
// Runs

/** The guide's steps, in order. */
export const STEPS: readonly Step[] = [
  "found",
  "logged-in",
  "oauth2-set",
  "waiting-for-consent",
  "signed-in",
  "saved",
  "verified",
];

export type RowState = "working" | "needs-you" | "done" | "failed";

export interface SignIn {
  userCode: string;
  verificationUri: string;
  expiresAt: string;
}

export interface RunRow {
  device: string;
  state: RowState;
  /** The step reached (null before the first event). */
  step: Step | null;
  signIn: SignIn | null;
  changes: Change[];
  error: Coded | null;
  fix: Coded | null;
  /** When the device's page could not be read: the steps to do on it by hand. */
  manual: ManualPath | null;
  /** The device keeps the run waiting: why, and for how long at most. */
  wait: { reason: WaitReason; upToSecs: number } | null;
}

export interface RunState {
  order: string[];
  rows: Record<string, RunRow>;
  running: boolean;
  consentWindow: { open: boolean; device: string | null };
  finished: { succeeded: number; failed: number } | null;
}

export function emptyRun(): RunState {
  return { order: [], rows: {}, running: false, consentWindow: { open: false, device: null }, finished: null };
}

function newRow(device: string): RunRow {
  return { device, state: "working", step: null, signIn: null, changes: [], error: null, fix: null, manual: null, wait: null };
}

/**
 * A run starting for `devices`. With `keep`, rows of other devices (an earlier
 * run's results) stay, as when retrying one device.
 */
export function beginRun(prev: RunState, devices: readonly string[], keep = false): RunState {
  const rows: Record<string, RunRow> = {};
  const order: string[] = [];
  if (keep) {
    for (const id of prev.order) {
      if (!devices.includes(id) && prev.rows[id]) {
        order.push(id);
        rows[id] = prev.rows[id];
      }
    }
  }
  for (const id of devices) {
    if (!rows[id]) order.push(id);
    rows[id] = newRow(id);
  }
  return { order, rows, running: true, consentWindow: { open: false, device: null }, finished: null };
}

/** The run after one event from `run_start`. */
export function applyRunEvent(state: RunState, event: RunEvent): RunState {
  const next: RunState = { ...state, rows: { ...state.rows }, order: [...state.order] };
  const row = (id: string): RunRow => {
    if (!next.rows[id]) next.order.push(id);
    return next.rows[id] ?? newRow(id);
  };
  switch (event.kind) {
    case "working": {
      const r = row(event.device);
      next.rows[event.device] = { ...r, state: "working", step: event.step, signIn: null, wait: null };
      break;
    }
    case "waiting": {
      const r = row(event.device);
      next.rows[event.device] = { ...r, wait: { reason: event.reason, upToSecs: event.upToSecs } };
      break;
    }
    case "wait-over": {
      const r = row(event.device);
      next.rows[event.device] = { ...r, wait: null };
      break;
    }
    case "needs-you": {
      const r = row(event.device);
      next.rows[event.device] = {
        ...r,
        state: "needs-you",
        step: "waiting-for-consent",
        wait: null,
        signIn: { userCode: event.userCode, verificationUri: event.verificationUri, expiresAt: event.expiresAt },
      };
      break;
    }
    case "done": {
      const r = row(event.device);
      next.rows[event.device] = {
        ...r,
        state: "done",
        step: "verified",
        signIn: null,
        changes: event.changes,
        error: null,
        fix: null,
        manual: null,
        wait: null,
      };
      break;
    }
    case "failed": {
      const r = row(event.device);
      next.rows[event.device] = {
        ...r,
        state: "failed",
        step: event.failedAt,
        signIn: null,
        error: event.error,
        fix: event.fix,
        manual: event.manual ?? null,
        wait: null,
      };
      break;
    }
    case "consent-window":
      next.consentWindow = { open: event.open, device: event.device };
      break;
    case "finished":
      next.running = false;
      next.finished = { succeeded: event.succeeded, failed: event.failed };
      next.consentWindow = { open: false, device: null };
      break;
  }
  return next;
}

/** The run after `run_start` itself rejected or returned without "finished". */
export function endRun(state: RunState): RunState {
  return { ...state, running: false, consentWindow: { open: false, device: null } };
}

export type StepStatus = "done" | "current" | "failed" | "pending";

/** Where one step of the guide stands for a row. */
export function stepStatus(row: RunRow, step: Step): StepStatus {
  if (row.state === "done") return "done";
  if (row.step === null) return step === STEPS[0] && row.state === "working" ? "current" : "pending";
  const at = STEPS.indexOf(row.step);
  const i = STEPS.indexOf(step);
  if (i < at) return "done";
  if (i > at) return "pending";
  if (row.state === "failed") return "failed";
  return "current";
}

export interface Counts {
  total: number;
  done: number;
  failed: number;
  working: number;
  needsYou: number;
}

export function runCounts(state: RunState): Counts {
  const c: Counts = { total: 0, done: 0, failed: 0, working: 0, needsYou: 0 };
  for (const id of state.order) {
    const r = state.rows[id];
    if (!r) continue;
    c.total++;
    if (r.state === "done") c.done++;
    else if (r.state === "failed") c.failed++;
    else if (r.state === "needs-you") c.needsYou++;
    else c.working++;
  }
  return c;
}

// ---------------------------------------------------------------------------
// The wizard's form

export interface WizardForm {
  adminUser: string;
  sharedPassword: string;
  perDevice: boolean;
  passwords: Record<string, string>;
  sender: string;
  service: EmailService;
  embeddedSignIn: boolean;
  rememberPasswords: boolean;
  /** The audit trail's run the next run resumes ("Resume" on an unfinished run). */
  resumes: string | null;
}

export function emptyWizardForm(): WizardForm {
  return {
    adminUser: "",
    sharedPassword: "",
    perDevice: false,
    passwords: {},
    sender: "",
    service: "exchange-online",
    embeddedSignIn: true,
    rememberPasswords: false,
    resumes: null,
  };
}

/** A plain check for a mail address: one @, something before, a dotted domain after, no spaces. */
export function isMailAddress(s: string): boolean {
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(s.trim());
}

export type Problem =
  | { field: "devices"; id: "app-invalid-no-devices" }
  | { field: "sender"; id: "app-invalid-sender-empty" }
  | { field: "sender"; id: "app-invalid-sender"; address: string }
  | { field: "password"; id: "app-invalid-password" }
  | { field: "device-password"; id: "app-invalid-device-password"; device: string };

/**
 * What is missing or wrong before a run can start (empty: it can start). `remembered`:
 * devices whose password the keyring holds (no password needed for them).
 */
export function validateWizard(
  form: WizardForm,
  devices: readonly string[],
  remembered: readonly string[] = [],
): Problem[] {
  const problems: Problem[] = [];
  if (devices.length === 0) problems.push({ field: "devices", id: "app-invalid-no-devices" });
  const sender = form.sender.trim();
  if (sender === "") problems.push({ field: "sender", id: "app-invalid-sender-empty" });
  else if (!isMailAddress(sender)) problems.push({ field: "sender", id: "app-invalid-sender", address: sender });
  if (form.perDevice) {
    for (const id of devices) {
      if (!form.passwords[id] && !remembered.includes(id)) {
        problems.push({ field: "device-password", id: "app-invalid-device-password", device: id });
      }
    }
  } else if (devices.length > 0 && form.sharedPassword === "" && !devices.every((id) => remembered.includes(id))) {
    problems.push({ field: "password", id: "app-invalid-password" });
  }
  return problems;
}

/** The request `run_start` takes, from a valid form. */
export function buildRunRequest(form: WizardForm, devices: readonly string[]): RunRequest {
  const admin = form.adminUser.trim();
  return {
    devices: devices.map((id) => ({ id, password: form.perDevice ? (form.passwords[id] ?? null) : null })),
    adminUser: admin === "" ? null : admin,
    sharedPassword: form.perDevice ? null : form.sharedPassword,
    sender: form.sender.trim(),
    service: form.service,
    embeddedSignIn: form.embeddedSignIn,
    rememberPasswords: form.rememberPasswords,
    resumes: form.resumes,
  };
}

/** The same request for some of its devices only (retrying one device). */
export function narrowRequest(request: RunRequest, devices: readonly string[]): RunRequest {
  return { ...request, devices: request.devices.filter((d) => devices.includes(d.id)) };
}

/**
 * The devices of an unfinished run (from the audit trail) that "Resume" selects:
 * those in the list now and supported, in the run's order.
 */
export function resumeSelection(unfinished: UnfinishedRun | null, devices: DeviceView[]): string[] {
  if (!unfinished) return [];
  const present = new Map(devices.map((d) => [d.id, d]));
  return unfinished.devices.map((d) => d.id).filter((id) => present.get(id)?.supported === true);
}
