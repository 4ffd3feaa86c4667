// Typed wrappers around the Rust commands in src-tauri/src/commands.rs.
// Types mirror src-tauri/src/models.rs and src-tauri/src/error.rs.
import { invoke } from "@tauri-apps/api/core";

/** What `app_info` returns. */
export interface AppInfo {
  name: string;
  version: string;
  practiceModeAvailable: boolean;
}

/** An error as every command returns it: a code to localise and its values. */
export interface AppError {
  code: string;
  params: Record<string, string>;
}

export function isAppError(value: unknown): value is AppError {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  if (typeof v.code !== "string" || typeof v.params !== "object" || v.params === null) {
    return false;
  }
  return Object.values(v.params as Record<string, unknown>).every((p) => typeof p === "string");
}

export function appInfo(): Promise<AppInfo> {
  return invoke<AppInfo>("app_info");
}
