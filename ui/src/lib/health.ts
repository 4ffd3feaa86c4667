// The health check's findings, for the Devices screen: which devices need a sign-in
// again, and the one batch ("Sign in again") that signs them all in with one
// Microsoft session. The verdicts are the engine's; this only picks and builds.
import type { EmailService, HealthEntry, RunRequest } from "../bindings";

/** The entries whose sign-in a configure run renews (expired, or must sign in again). */
export function needingSignIn(entries: readonly HealthEntry[]): HealthEntry[] {
  return entries.filter((e) => e.verdict.code === "sign-in-expired" || e.verdict.code === "sign-in-needed");
}

/** The value most entries have (the first of equals), else `fallback`. */
function most<T>(values: readonly (T | null)[], fallback: T): T {
  const counts = new Map<T, number>();
  for (const v of values) if (v !== null && v !== "") counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T = fallback;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

/**
 * One batch over every device needing a sign-in: the devices' passwords from the
 * keyring (practice mode: their own), the sender and service the devices have now
 * (the most common; the wizard's when the devices show none). `null`: none needs it.
 */
export function signInAgainRequest(
  entries: readonly HealthEntry[],
  wizard: { sender: string; service: EmailService; embeddedSignIn: boolean; adminUser: string },
): RunRequest | null {
  const need = needingSignIn(entries);
  if (need.length === 0) return null;
  const admin = wizard.adminUser.trim();
  return {
    devices: need.map((e) => ({ id: e.id, password: null })),
    adminUser: admin === "" ? null : admin,
    sharedPassword: null,
    sender: most(need.map((e) => e.sender ?? e.account), wizard.sender.trim()),
    service: most(need.map((e) => e.service), wizard.service),
    embeddedSignIn: wizard.embeddedSignIn,
    rememberPasswords: false,
  };
}
