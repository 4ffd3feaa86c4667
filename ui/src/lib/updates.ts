// Typed wrappers around the updater's commands (src-tauri/src/updates.rs). Each
// rejects with a Coded `{code, params}`.
import { invoke } from "@tauri-apps/api/core";
import type { UpdateStatus, UpdateView } from "../bindings";

export const updates = {
  status: () => invoke<UpdateStatus>("update_status"),
  setCheckAtStart: (on: boolean) => invoke<UpdateStatus>("update_set_check_at_start", { on }),
  check: () => invoke<UpdateView | null>("update_check"),
  install: () => invoke<null>("update_install"),
};
