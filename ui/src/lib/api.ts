// Typed wrappers around the Rust commands (src-tauri/src/commands.rs). Every
// command rejects with a Coded `{code, params}`.
import { Channel, invoke } from "@tauri-apps/api/core";
import type {
  AppInfo,
  DeviceListEvent,
  DeviceTenantCheck,
  DeviceView,
  HealthEntry,
  HealthView,
  InterfaceChoice,
  InventoryEntry,
  NetworkInterfaceView,
  PracticeFault,
  PracticeInfo,
  Prerequisite,
  ReportRequest,
  RunEvent,
  RunRequest,
  SavedReport,
  SignInTexts,
  TenantCheckRequest,
  TenantCheckProgress,
  TenantCheckReport,
  UnfinishedRun,
} from "../bindings";

function channel<T>(onEvent: (event: T) => void): Channel<T> {
  const c = new Channel<T>();
  c.onmessage = onEvent;
  return c;
}

export const api = {
  appInfo: () => invoke<AppInfo>("app_info"),
  rememberedPasswords: (ids: string[]) => invoke<string[]>("remembered_passwords", { ids }),
  uiReady: () => invoke<null>("ui_ready"),
  listInterfaces: () => invoke<NetworkInterfaceView[]>("list_interfaces"),
  discoveryStart: (interfaces: InterfaceChoice, onEvent: (e: DeviceListEvent) => void) =>
    invoke<null>("discovery_start", { interfaces, onEvent: channel(onEvent) }),
  discoveryStop: () => invoke<null>("discovery_stop"),
  addDevice: (host: string) => invoke<DeviceView>("add_device", { host }),
  practiceStart: (devices: number) => invoke<PracticeInfo>("practice_start", { devices }),
  practiceStop: () => invoke<null>("practice_stop"),
  practiceSetFault: (fault: PracticeFault, device: string | null, on: boolean) =>
    invoke<PracticeInfo>("practice_set_fault", { fault, device, on }),
  tenantPrerequisites: (sender: string | null) => invoke<Prerequisite[]>("tenant_prerequisites", { sender }),
  tenantCheck: (request: TenantCheckRequest, onProgress: (p: TenantCheckProgress) => void) =>
    invoke<TenantCheckReport>("tenant_check", { request, onProgress: channel(onProgress) }),
  tenantCheckCancel: () => invoke<null>("tenant_check_cancel"),
  runStart: (request: RunRequest, onEvent: (e: RunEvent) => void) =>
    invoke<null>("run_start", { request, onEvent: channel(onEvent) }),
  runCancel: () => invoke<null>("run_cancel"),
  runCheckAgain: (request: RunRequest, onEvent: (e: RunEvent) => void) =>
    invoke<null>("run_check_again", { request, onEvent: channel(onEvent) }),
  openDevicePage: (id: string) => invoke<null>("open_device_page", { id }),
  trustCertificate: (id: string, fingerprint: string) => invoke<null>("trust_certificate", { id, fingerprint }),
  consentShow: () => invoke<null>("consent_show"),
  openInBrowser: (url: string) => invoke<null>("open_in_browser", { url }),
  signInTexts: (texts: SignInTexts) => invoke<null>("sign_in_texts", { texts }),
  tenantCheckDevice: (id: string, adminUser: string | null, password: string | null) =>
    invoke<DeviceTenantCheck>("tenant_check_device", { id, adminUser, password }),
  troubleshoot: (id: string, adminUser: string | null, password: string | null) =>
    invoke<HealthView>("troubleshoot", { id, adminUser, password }),
  remedyResave: (id: string, adminUser: string | null, password: string | null) =>
    invoke<HealthView>("remedy_resave", { id, adminUser, password }),
  inventory: (adminUser: string | null, password: string | null) =>
    invoke<InventoryEntry[]>("inventory", { adminUser, password }),
  healthCheck: () => invoke<HealthEntry[]>("health_check"),
  auditUnfinished: (practice: boolean) => invoke<UnfinishedRun | null>("audit_unfinished", { practice }),
  reportSave: (request: ReportRequest) => invoke<SavedReport>("report_save", { request }),
  reportOpen: (path: string, folder: boolean) => invoke<void>("report_open", { path, folder }),
};
