import fs from "node:fs";
import path from "node:path";
import express, { type Response, type Router } from "express";
import type { AppConfig } from "../core/config";

/**
 * The Studio page's policy: its own scripts, styles and API only; no inline code, no frames, no
 * plugins, no other origin.
 */
export const STUDIO_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS = {
  "Content-Security-Policy": STUDIO_CSP,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/**
 * Serves the Studio (built by Vite into STUDIO_DIR) at /studio/: the page itself is never cached
 * (it names the current bundles); the hashed bundles under /studio/assets/ are immutable.
 */
export function createStudioRouter(config: Pick<AppConfig, "studioDir">): Router {
  // Strict: "/studio" and "/studio/" are different routes (the first redirects to the second).
  const router = express.Router({ strict: true });
  const index = path.join(config.studioDir, "index.html");

  const sendPage = (res: Response) => {
    res.set({ ...SECURITY_HEADERS, "Cache-Control": "no-cache" });
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
  router.get("/studio/", (_req, res) => sendPage(res));
  router.use(
    "/studio/assets",
    (_req, res, next) => {
      res.set(SECURITY_HEADERS);
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
