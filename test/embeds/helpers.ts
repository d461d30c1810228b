import "reflect-metadata";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import type { AppConfig } from "../../src/core/config";
import { startTestServer, type TestServer } from "../helpers/test-server";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildEmbed } = require("../../embed/build.js") as {
  buildEmbed(outdir: string): Promise<string>;
};

export const CHROMIUM = "/usr/bin/chromium";

/** A test server with the embed bundle freshly built into its own directory. */
export async function startEmbedServer(
  name: string,
  config: Partial<AppConfig> = {},
): Promise<TestServer & { bundle: string; dropBundle(): void }> {
  const embedDir = fs.mkdtempSync(path.join(os.tmpdir(), "crosstalk-embed-"));
  const bundle = await buildEmbed(embedDir);
  const server = await startTestServer(name, { config: { embedDir, ...config } });
  return {
    ...server,
    bundle,
    dropBundle: () => fs.rmSync(embedDir, { recursive: true, force: true }),
    async close() {
      await server.close();
      fs.rmSync(embedDir, { recursive: true, force: true });
    },
  };
}

/** A static "partner" site on another origin (its own port) serving `pages` by path. */
export async function startPartnerSite(): Promise<{
  url: string;
  pages: Map<string, string>;
  close(): Promise<void>;
}> {
  const pages = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const page = pages.get((req.url ?? "/").split("?")[0]);
    res.writeHead(page ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    res.end(page ?? "not found");
  });
  await new Promise<void>(resolve => server.listen(0, "127.0.0.1", resolve));
  // "localhost" vs the hub's 127.0.0.1: a different host as well as a different port.
  const url = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    url,
    pages,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

/** A partner page embedding the component from `hub`. */
export function partnerPage(hub: string, element: string, extraBody = ""): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Partner</title>
<script type="module" src="${hub}/embed/crosstalk.js"></script>
</head>
<body>
<h1 id="host-heading">Our user group</h1>
${element}
${extraBody}
<p id="host-footer">Host page content</p>
</body>
</html>`;
}

/** Headless Chromium from Debian, with the flags for a machine without network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Fails the test on any dialog (alert, confirm, prompt) or uncaught page error. */
export function guardPage(page: Page): { problems: string[] } {
  const problems: string[] = [];
  page.on("dialog", dialog => {
    problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("pageerror", err => problems.push(`pageerror: ${err.message}`));
  return { problems };
}

/** Waits until the element has left its loading state, and returns that state. */
export async function settled(page: Page, selector: string): Promise<string> {
  await page.waitForFunction(
    sel => {
      const state = (globalThis as any).document.querySelector(sel)?.getAttribute("state");
      return state !== null && state !== undefined && state !== "loading";
    },
    selector,
    { timeout: 15000 },
  );
  return (await page.getAttribute(selector, "state")) as string;
}

/** Sessions rendered in an element's shadow root: slug, title, marker text. */
export async function renderedSessions(
  page: Page,
  selector: string,
): Promise<{ slug: string; title: string; marker: string | null; html: string }[]> {
  return page.evaluate(sel => {
    // Runs in the browser; the test tsconfig has no DOM types.
    const root = (globalThis as any).document.querySelector(sel)?.shadowRoot;
    return [...(root?.querySelectorAll('[part~="session"]') ?? [])].map((li: any) => ({
      slug: li.getAttribute("data-slug") ?? "",
      title: li.querySelector('[part~="title"]')?.textContent ?? "",
      marker: li.querySelector('[part~="marker"]')?.textContent ?? null,
      html: li.innerHTML,
    }));
  }, selector);
}

/** A raw GET with node:http (fetch adds `Cache-Control: no-cache` to conditional requests). */
export function rawGet(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, res => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", chunk => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
      .on("error", reject);
  });
}

/** A GraphQL GET URL: query or persisted-query hash, variables, operation name. */
export function graphqlGetUrl(
  base: string,
  params: {
    query?: string;
    hash?: string;
    variables?: Record<string, unknown>;
    operationName?: string;
  },
): string {
  const url = new URL("/graphql", base);
  if (params.query) url.searchParams.set("query", params.query);
  if (params.variables) url.searchParams.set("variables", JSON.stringify(params.variables));
  if (params.operationName) url.searchParams.set("operationName", params.operationName);
  if (params.hash) {
    url.searchParams.set(
      "extensions",
      JSON.stringify({ persistedQuery: { version: 1, sha256Hash: params.hash } }),
    );
  }
  return url.toString();
}

/** Apollo's CSRF prevention wants this on GETs. */
export const GET_HEADERS = { "x-apollo-operation-name": "test" };
