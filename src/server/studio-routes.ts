import fs from "node:fs";
import path from "node:path";
import express, { type Request, type Response, type Router } from "express";
import type { AppConfig } from "../core/config";
import { SUBSCRIPTIONS_PATH } from "./subscriptions";

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

/**
 * Serves the Studio (built by Vite into STUDIO_DIR) at /studio/: the page itself is never cached
 * (it names the current bundles); the hashed bundles under /studio/assets/ are immutable.
 */
export function createStudioRouter(config: Pick<AppConfig, "studioDir">): Router {
  // Strict: "/studio" and "/studio/" are different routes (the first redirects to the second).
  const router = express.Router({ strict: true });
  const index = path.join(config.studioDir, "index.html");

  const sendPage = (req: Request, res: Response) => {
    res.set({ ...securityHeaders(req), "Cache-Control": "no-cache" });
    if (!fs.existsSync(index)) {
      res
        .status(503)
        .type("text/plain; charset=utf-8")
        .send("The Studio has not been built: run `npm run build`.\n");
      return;
    }
    res.sendFile(index, { headers: { "Content-Type": "text/html; charset=utf-8" } });
  };

  router.get("/studio", (_req, res) => res.redirect(301, "/studio/"));
  router.get("/studio/", (req, res) => sendPage(req, res));
  router.use(
    "/studio/assets",
    (req, res, next) => {
      res.set(securityHeaders(req));
      next();
    },
    express.static(path.join(config.studioDir, "assets"), {
      immutable: true,
      maxAge: 365 * 24 * 3600 * 1000,
      index: false,
    }),
    (_req: unknown, res: Response) => {
      res.status(404).type("text/plain; charset=utf-8").send("No such Studio file\n");
    },
  );
  return router;
}
