import fs from "node:fs";
import path from "node:path";
import express, { type Request, type RequestHandler, type Response, type Router } from "express";
import { printSchema, type GraphQLSchema } from "graphql";
import type { AppConfig } from "../core/config";
import type { AccountService } from "../services/account.service";
import { pageViewer } from "./session-cookie";
import { SUBSCRIPTIONS_PATH } from "./subscriptions";
import { withFields } from "../core/objects";

/** A Host value fit to be written into a policy: a name or an IP literal, and maybe a port. */
const HOST_SHAPE = /^(?:[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The Studio page's policy: its own scripts, styles and API only; no inline code, no frames, no
 * plugins, no other origin. `liveEndpoint` is the page's own WebSocket endpoint
 * (`ws://host/graphql`, `wss://` over HTTPS), named exactly because `'self'` covers same-origin
 * WebSockets only in browsers that follow CSP Level 3 there; no other WebSocket is allowed.
 */
export function studioCsp(liveEndpoint: string | null): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    liveEndpoint ? `connect-src 'self' ${liveEndpoint}` : "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The WebSocket endpoint of the origin `req` was sent to, or null for a Host not fit to name. */
export function liveEndpointOf(req: Pick<Request, "protocol" | "host">): string | null {
  const host = req.host;
  if (!host || !HOST_SHAPE.test(host)) return null;
  return `${req.protocol === "https" ? "wss" : "ws"}://${host.toLowerCase()}${SUBSCRIPTIONS_PATH}`;
}

/** The headers of every Studio response, its policy naming this request's own endpoint. */
function securityHeaders(req: Request): Record<string, string> {
  return {
    "Content-Security-Policy": studioCsp(liveEndpointOf(req)),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}

/** What the explorer's routes need beyond config: who is signed in, and the schema to describe. */
export interface ExplorerSources {
  accounts: Pick<AccountService, "authenticate">;
  schema: GraphQLSchema;
}

/** Sends a page Vite built, or a 503 that says how to build it. */
function sendBuiltPage(
  req: Request,
  res: Response,
  file: string,
  headers: Record<string, string> = {},
): void {
  res.set(withFields(securityHeaders(req), headers));
  if (!fs.existsSync(file)) {
    res
      .status(503)
      .type("text/plain; charset=utf-8")
      .send("The Studio has not been built: run `npm run build`.\n");
    return;
  }
  res.sendFile(file, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}

/** A build's hashed bundles: immutable, under the page's own policy, 404 in plain text otherwise. */
function builtAssets(dir: string): RequestHandler[] {
  return [
    (req, res, next) => {
      res.set(securityHeaders(req));
      next();
    },
    express.static(dir, { immutable: true, maxAge: 365 * 24 * 3600 * 1000, index: false }),
    (_req, res) => {
      res.status(404).type("text/plain; charset=utf-8").send("No such Studio file\n");
    },
  ];
}

/**
 * Serves the Studio (built by Vite into STUDIO_DIR) at /studio/, and the API explorer (GraphiQL,
 * built into EXPLORER_DIR) at /studio/explorer/ to signed-in accounts only: the pages themselves are
 * never cached (they name the current bundles); the hashed bundles under assets/ are immutable.
 */
export function createStudioRouter(
  config: Pick<AppConfig, "studioDir" | "explorerDir">,
  explorer: ExplorerSources,
): Router {
  // Strict: "/studio" and "/studio/" are different routes (the first redirects to the second).
  const router = express.Router({ strict: true });

  router.get("/studio", (_req, res) => res.redirect(301, "/studio/"));
  router.get("/studio/", (req, res) =>
    sendBuiltPage(req, res, path.join(config.studioDir, "index.html"), {
      "Cache-Control": "no-cache",
    }),
  );
  router.use("/studio/assets", ...builtAssets(path.join(config.studioDir, "assets")));

  // The explorer and the SDL it reads are for signed-in editors and admins: checked here, on the
  // server, before anything is sent. A signed-out visitor is sent to the Studio's sign-in (the page)
  // or refused (the SDL).
  const signedIn =
    (refuse: (res: Response) => void): RequestHandler =>
    async (req, res, next) => {
      res.set({ "Cache-Control": "private, no-store", Vary: "Cookie" });
      if (await pageViewer(explorer.accounts, req, new Date())) next();
      else refuse(res);
    };
  const toSignIn = signedIn(res => res.redirect(303, "/studio/"));
  const refused = signedIn(res =>
    res.status(401).type("text/plain; charset=utf-8").send("Sign in to the Studio first\n"),
  );
  let sdl: string | undefined;
  router.get("/studio/explorer", (_req, res) => res.redirect(301, "/studio/explorer/"));
  router.get("/studio/explorer/", toSignIn, (req, res) =>
    sendBuiltPage(req, res, path.join(config.explorerDir, "index.html")),
  );
  // The schema as SDL: GraphiQL's docs and completion work where introspection is off (production).
  router.get("/studio/explorer/schema.graphql", refused, (_req, res) => {
    sdl ??= `${printSchema(explorer.schema)}\n`;
    res.type("text/plain; charset=utf-8").send(sdl);
  });
  router.use("/studio/explorer/assets", ...builtAssets(path.join(config.explorerDir, "assets")));
  return router;
}
