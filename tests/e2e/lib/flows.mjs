// Steps of the app's flows as a person does them, through the real window.
import { actions, sleep, until } from "./webdriver.mjs";

export const PRACTICE_DEVICE_PASSWORD = "epson-practice";
export const ADMIN = "admin@contoso.example";
export const ADMIN_PASSWORD = "Practice-Admin-1";
/** The practice tenant's account of a federated domain (signs in at its own page). */
export const FEDERATED = "it@sso.contoso.example";
export const FEDERATED_PASSWORD = "Practice-Federated-1";
/** The practice personal Microsoft account (Outlook.com). */
export const PERSONAL = "scanner.practice@outlook.example";
export const PERSONAL_PASSWORD = "Practice-Outlook-1";

export const sel = (id) => `[data-testid="${id}"]`;

/** Chooses `value` in the select `testid` as a person does (a change event follows). */
export function chooseOption(session, testid, value) {
  return session.script(
    `const s = document.querySelector('[data-testid="' + arguments[0] + '"]'); s.value = arguments[1]; s.dispatchEvent(new Event('change', { bubbles: true }));`,
    [testid, value],
  );
}

/** Turns practice mode's fault `fault` on (or off) for device `deviceId` (for the whole world when undefined). */
export async function setFault(session, fault, deviceId, on = true) {
  if (deviceId) await chooseOption(session, "fault-device", deviceId);
  await session.click(sel(`fault-${fault}`));
  await until(`fault ${fault} ${on ? "on" : "off"}`, 10_000, async () =>
    (await session.script(`return document.querySelector('[data-testid="fault-${fault}"]').checked`)) === on,
  );
}

/** Waits for the devices screen and starts practice mode with `n` devices. */
export async function startPractice(session, n) {
  await session.waitFor(sel("screen-devices"), 30_000);
  await session.type(sel("practice-count"), n);
  await session.click(sel("practice-start"));
  await session.waitFor(sel("practice-banner"), 30_000);
  await until(`${n} practice devices listed`, 30_000, async () => {
    const rows = await session.findAll(sel("device-row"));
    return rows.length >= n;
  });
  return session.script(
    `return [...document.querySelectorAll('[data-testid="device-row"]')].map(r => r.getAttribute('data-device-id'))`,
  );
}

/** Ticks the given devices (all when `ids` is undefined) and opens the wizard. */
export async function openWizard(session, ids) {
  if (ids === undefined) {
    await session.click(sel("select-all"));
  } else {
    for (const id of ids) {
      await session.click(`${sel("device-row")}[data-device-id="${id}"] ${sel("device-select")}`);
    }
  }
  await session.click(sel("to-wizard"));
  await session.waitFor(sel("screen-wizard"));
}

/** Fills the wizard (one password for all) and starts the run. */
export async function startRun(session, { password = PRACTICE_DEVICE_PASSWORD, sender, service } = {}) {
  await session.type(sel("shared-password"), password);
  const current = await session.script(`return document.querySelector('[data-testid="sender"]').value`);
  if (sender !== undefined) await session.type(sel("sender"), sender);
  else if (!current) await session.type(sel("sender"), ADMIN);
  if (service !== undefined) await chooseOption(session, "service", service);
  await session.click(sel("run-start"));
}

/** Troubleshoots device `id`: the Troubleshoot screen, the device chosen, Run. */
export async function runTroubleshoot(session, id) {
  await session.click(sel("nav-troubleshoot"));
  await chooseOption(session, "troubleshoot-device-select", id);
  await session.click(sel("troubleshoot-run"));
}

/** The findings the Troubleshoot screen shows, in order. */
export function diagnosisFindings(session) {
  return session.script(`return [...document.querySelectorAll('[data-testid="diagnosis"]')].map(d => d.getAttribute('data-finding'))`);
}

/**
 * Starts practice mode with `n` devices and a run of all of them, and switches to the
 * sign-in window that opens. Returns the handles of the main and the sign-in window.
 */
export async function runIntoSignInWindow(session, n = 1) {
  const main = await session.windowHandle();
  await startPractice(session, n);
  await openWizard(session);
  await startRun(session);
  const consent = await otherWindow(session, main);
  await session.switchTo(consent);
  return { main, consent };
}

/**
 * Signs in (as [`signIn`] does, with `options`) in the sign-in window that opens beside
 * `main`, then returns to `main`. Returns the sign-in's final page state.
 */
export async function signInBeside(session, main, options) {
  await session.switchTo(await otherWindow(session, main));
  const state = await signIn(session, options);
  await session.switchTo(main);
  return state;
}

/**
 * Signs `n` devices in, one after the other, in the sign-in window that opens beside
 * `main` (each on its own code), then returns to `main`. Throws unless each ends
 * signed in.
 */
export async function signInEach(session, main, n) {
  await session.switchTo(await otherWindow(session, main));
  let previous;
  for (let i = 0; i < n; i++) {
    const end = await signIn(session, { skipCode: previous });
    if (end.page !== "signed-in") throw new Error(`device ${i + 1} not signed in: ${JSON.stringify(end)}`);
    previous = end.code;
  }
  await session.switchTo(main);
}

/** From Results: the trainer turns `fault` off for `deviceId` on Devices, then back to Results. */
export async function clearFault(session, fault, deviceId) {
  await session.click(sel("nav-devices"));
  await setFault(session, fault, deviceId, false);
  await session.click(sel("nav-results"));
}

/** The handle of the window that is not `main`, once it exists. */
export async function otherWindow(session, main, ms = 30_000) {
  return until("the sign-in window", ms, async () => (await session.windows()).find((h) => h !== main));
}

/** What the sign-in page in the current window shows (and on which origin). */
export function pageState(session) {
  return session.script(`
    const q = (s) => document.querySelector(s);
    const at = (o) => Object.assign(o, { origin: location.origin });
    if (q('#message')) return at({page: 'signed-in', text: q('#message').textContent});
    if (q('#declined')) return at({page: 'declined'});
    if (q('#blocked')) return at({page: 'blocked', text: q('#blocked').textContent});
    if (q('#sign-in-elsewhere')) return at({page: 'elsewhere', host: q('#sign-in-elsewhere').getAttribute('data-host')});
    if (q('#pick-account')) return at({page: 'pick'});
    if (q('#KmsiDescription')) return at({page: 'kmsi'});
    if (q('#appConfirmText')) return at({page: 'confirm'});
    if (q('#permissions')) return at({page: 'consent', org: !!q('#consent_org')});
    if (q('#i0118')) return at({page: 'password'});
    if (q('#i0116')) return at({page: 'account'});
    if (q('#otc')) return at({page: 'code', code: q('#otc').value});
    return at({page: 'other', title: document.title, url: location.href});
  `);
}

/**
 * Signs in on the emulator's pages in the current window, as a person does on
 * Microsoft's device sign-in: code (already typed by the app) -> Next; the account
 * picker when the window has a session, else the account and the password; "Stay
 * signed in?" -> Yes (or `kmsi: "no"`); "Are you trying to sign in to …?" -> Continue;
 * "Permissions requested" -> consent for the organisation where offered, Accept.
 * `skipCode`: a code page whose code equals it is the previous device's, still loading.
 * Returns the final page state ("signed-in", "blocked", "elsewhere" …) with the
 * code, the pages passed and the origin of each.
 */
export async function signIn(session, { upn = ADMIN, password = ADMIN_PASSWORD, skipCode, kmsi = "yes" } = {}) {
  let code;
  const pages = [];
  const origins = [];
  if (skipCode !== undefined) {
    // The window still shows the previous device's last page until the app moves it on.
    await until("the next device's code page", 30_000, async () => {
      const st = await pageState(session);
      return st.page === "code" && st.code && st.code !== skipCode;
    });
  }
  for (let i = 0; i < 20; i++) {
    const s = await until("a sign-in page", 20_000, async () => {
      const st = await pageState(session);
      if (st.page === "other") return false;
      if (st.page === "code" && (!st.code || st.code === skipCode)) return false;
      return st;
    });
    pages.push(s.page);
    origins.push(s.origin);
    switch (s.page) {
      case "code":
        code = s.code;
        await session.click("#idSIButton9");
        break;
      case "pick":
        await session.click("#pick-account");
        break;
      case "account":
        await session.type("#i0116", upn);
        await session.click("#idSIButton9");
        break;
      case "password":
        await session.type("#i0118", password);
        await session.click("#idSIButton9");
        break;
      case "kmsi":
        await session.click(kmsi === "yes" ? "#idSIButton9" : "#idBtn_Back");
        break;
      case "confirm":
        await session.click("#idSIButton9");
        break;
      case "consent":
        if (s.org) await session.click("#consent_org");
        await session.click("#idSIButton9");
        break;
      default:
        return { ...s, code, pages, origins };
    }
    // The page the click left must be gone before the next is read.
    await until("the next page", 20_000, async () => {
      const st = await pageState(session);
      return st.page !== s.page || st.origin !== s.origin;
    }).catch(() => {});
    await sleep(100);
  }
  throw new Error("sign-in did not finish in 20 steps");
}

/** Waits for the results screen and returns each row's state by device id. */
export async function results(session, n, ms = 120_000) {
  await session.waitFor(sel("screen-results"), ms);
  return until(`${n} final results`, ms, async () => {
    const rows = await session.script(
      `return [...document.querySelectorAll('[data-testid="result-row"]')].map(r => [r.getAttribute('data-device-id'), r.getAttribute('data-state')])`,
    );
    return rows.length >= n && rows.every(([, st]) => st === "done" || st === "failed") && Object.fromEntries(rows);
  });
}

export { actions };
