import cors from "cors";
import type { RequestHandler } from "express";
import type { AppConfig } from "../core/config";

const PUBLIC_HEADERS = ["content-type", "x-apollo-operation-name", "apollo-require-preflight"];
const EXPOSED_HEADERS = ["ETag"];

/**
 * The CORS headers of an answer to an anonymous request that is not a preflight, flat
 * (`[name, value, …]`), as `createCors` sends them: for a fast path that answers before it runs.
 */
export const ANONYMOUS_CORS_HEADERS: readonly string[] = [
  "access-control-allow-origin",
  "*",
  "access-control-expose-headers",
  EXPOSED_HEADERS.join(","),
];

/** True when the request (or the preflight announcing it) carries an Authorization header. */
function wantsAuthorization(headers: Record<string, string | string[] | undefined>): boolean {
  if (headers.authorization !== undefined) return true;
  const announced = headers["access-control-request-headers"];
  return typeof announced === "string" && /(^|,)\s*authorization\s*(,|$)/i.test(announced);
}

/**
 * CORS for the whole app. Anonymous reads (GraphQL, embeds, feeds) are open to every origin, without
 * credentials (`Access-Control-Allow-Origin: *`). A request with an Authorization header is let
 * through only from an origin in EDITOR_ORIGINS; any other origin gets no CORS headers, so the
 * browser refuses it.
 */
export function createCors(config: Pick<AppConfig, "editorOrigins">): RequestHandler {
  const editors = new Set(config.editorOrigins);
  const full = cors((req, callback) => {
    if (!wantsAuthorization(req.headers)) {
      callback(null, {
        origin: "*",
        methods: ["GET", "HEAD", "POST"],
        allowedHeaders: PUBLIC_HEADERS,
        exposedHeaders: EXPOSED_HEADERS,
        maxAge: 86400,
      });
      return;
    }
    const origin = req.headers.origin;
    callback(
      null,
      origin && editors.has(origin)
        ? {
            origin,
            methods: ["GET", "HEAD", "POST"],
            allowedHeaders: [...PUBLIC_HEADERS, "authorization"],
            exposedHeaders: EXPOSED_HEADERS,
            maxAge: 600,
          }
        : { origin: false },
    );
  });
  // The common case, an anonymous request that is not a preflight, gets its two fixed headers
  // directly (what `cors` would set for it), without building options per request.
  return (req, res, next) => {
    if (req.method === "OPTIONS" || wantsAuthorization(req.headers)) return full(req, res, next);
    for (let i = 0; i < ANONYMOUS_CORS_HEADERS.length; i += 2) {
      res.setHeader(ANONYMOUS_CORS_HEADERS[i] as string, ANONYMOUS_CORS_HEADERS[i + 1] as string);
    }
    next();
  };
}
