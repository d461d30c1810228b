import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { Role } from "../../entities";
import { DEFAULT_ACCOUNT_CONFIG, type AppConfig } from "../../src/core/config";
import { LOCAL_OPERATOR } from "../../src/core/context";
import { PROJECT_ROOT } from "../../src/core/paths";
import { guardPage, launchChromium } from "../embeds/helpers";
import { startTestServer, type TestServer } from "../helpers/test-server";

// What every Studio browser test shares: a built bundle, a real hub, headless Chromium, guarded
// pages, axe-core checks with a screenshot per screen (test-results/studio/, gitignored), and
// sign-in. Each test file calls `useStudio` once at the top of its `describe`.

export const SHOTS = path.join(PROJECT_ROOT, "test-results", "studio");
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface Credentials {
  email: string;
  password: string;
}

export interface StudioAccount extends Credentials {
  displayName: string;
  role: Role;
}

export const ADMIN: StudioAccount = {
  email: "admin@studio.test",
  password: "an admin's long passphrase",
  displayName: "Ada Admin",
  role: Role.ADMIN,
};

/** Drags `source` onto `target` with the mouse, in steps, as a person would. */
export async function dragAndDrop(page: Page, source: Locator, target: Locator): Promise<void> {
  await source.scrollIntoViewIfNeeded();
  const from = (await source.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await target.scrollIntoViewIfNeeded();
  const to = (await target.boundingBox())!;
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
  await page.mouse.move(to.x + to.width / 2 + 2, to.y + to.height / 2 + 2, { steps: 2 });
  await page.mouse.up();
}

/** What a page asks the hub over HTTP and what it opens and hears over WebSocket, counted. */
export interface LiveTraffic {
  /** StudioScheduleVersions queries (the board's version checks). */
  versions: number;
  /** StudioProgramSessions queries (the board re-reading its sessions). */
  sessions: number;
  /** The URLs of the WebSockets the page opened. */
  sockets: string[];
  /** How many times the board subscribed to scheduleChanged. */
  subscribed: number;
  /** scheduleChanged events received. */
  changes: number;
}

/** Starts counting the page's board traffic (see LiveTraffic). */
export function watchLive(page: Page): LiveTraffic {
  const seen: LiveTraffic = { versions: 0, sessions: 0, sockets: [], subscribed: 0, changes: 0 };
  page.on("request", req => {
    // urql sends short queries as GET (the operation in the URL), longer ones as POST.
    const sent = `${new URL(req.url()).searchParams.get("query") ?? ""} ${req.postData() ?? ""}`;
    const operation = /query (\w+)/.exec(sent)?.[1];
    if (operation === "StudioScheduleVersions") seen.versions += 1;
    if (operation === "StudioProgramSessions") seen.sessions += 1;
  });
  page.on("websocket", ws => {
    seen.sockets.push(ws.url());
    ws.on("framesent", frame => {
      if (/"type":"subscribe".*StudioScheduleChanged/.test(String(frame.payload))) {
        seen.subscribed += 1;
      }
    });
    ws.on("framereceived", frame => {
      if (/"type":"next".*"scheduleChanged"/.test(String(frame.payload))) seen.changes += 1;
    });
  });
  return seen;
}

/** Waits until `read()` gives `expected` (polling; generous for a loaded machine), else fails. */
export async function until<T>(
  read: () => Promise<T>,
  expected: T,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (last !== expected && Date.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 50));
    last = await read();
  }
  expect(last).toBe(expected);
}

export interface StudioHarness {
  /** The running hub (valid inside tests and hooks). */
  readonly server: TestServer;
  /** A fresh browser (own cookies and storage) with a page guarded against errors and CSP reports. */
  newPage(options?: { timezoneId?: string }): Promise<Page>;
  /** axe-core on the page as it stands: no serious or critical violation. Then a screenshot. */
  check(page: Page, screen: string): Promise<void>;
  /** Signs in through the sign-in form and waits for the first screen. */
  signIn(page: Page, who: Credentials): Promise<void>;
}

/**
 * Registers the hooks that start a hub named `name` (with `accounts` created through the service,
 * as the CLI would) and Chromium before the file's tests, and close both after. Every page a test
 * opens must end with no uncaught error, dialog or CSP violation.
 */
export function useStudio(
  name: string,
  options: { accounts?: StudioAccount[]; config?: Partial<AppConfig> } = {},
): StudioHarness {
  let server: TestServer | undefined;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageProblems: string[][] = [];

  beforeAll(async () => {
    // The Studio bundle (and the rest of dist/) as `npm start` would serve it.
    execFileSync(process.execPath, [path.join(PROJECT_ROOT, "scripts", "build.js")], {
      cwd: PROJECT_ROOT,
      stdio: "pipe",
    });
    fs.mkdirSync(SHOTS, { recursive: true });
    // Every browser here signs in from 127.0.0.1: lift the per-client sign-in limit
    // (test/auth/studio-accounts.test.ts tests it).
    server = await startTestServer(name, {
      ...options,
      config: {
        accounts: { ...DEFAULT_ACCOUNT_CONFIG, signInPerMinute: 1000 },
        ...options.config,
      },
    });
    for (const account of options.accounts ?? [ADMIN]) {
      await server.app.services.accounts.create(
        server.app.createContext(undefined, LOCAL_OPERATOR),
        account,
      );
    }
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(() => {
    for (const problems of pageProblems.splice(0)) expect(problems).toEqual([]);
  });

  return {
    get server() {
      if (!server) throw new Error("the Studio hub is not running (use it inside a test)");
      return server;
    },

    async newPage({ timezoneId } = {}) {
      const context = await browser.newContext({
        viewport: { width: 1024, height: 768 },
        timezoneId,
      });
      contexts.push(context);
      const page = await context.newPage();
      const { problems } = guardPage(page);
      page.on("console", msg => {
        if (/Content Security Policy|Refused to/i.test(msg.text())) problems.push(msg.text());
      });
      pageProblems.push(problems);
      return page;
    },

    async check(page, screen) {
      // Evaluated through the DevTools protocol, which the page's CSP does not govern.
      await page.evaluate(AXE);
      const { violations, passes } = await page.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run(): Promise<any> } }).axe;
        const result = await axe.run();
        return {
          passes: result.passes.length as number,
          violations: result.violations
            .filter((v: any) => v.impact === "serious" || v.impact === "critical")
            .map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(" ")).join(", ")}`),
        };
      });
      expect(passes).toBeGreaterThan(5);
      expect(violations).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `${screen}.png`), fullPage: true });
    },

    async signIn(page, who) {
      await page.goto(`${server!.url}/studio/`);
      await page.getByLabel("Email").fill(who.email);
      await page.getByLabel("Password").fill(who.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { name: "Moderation queue" }).waitFor();
    },
  };
}
