import fs from "node:fs";
import path from "node:path";
import express, { type Request, type Response } from "express";
import { IANAZone } from "luxon";
import { SessionKind } from "../../entities";
import type { AppConfig } from "../core/config";
import {
  EMBED_PAGE_SCRIPT_SRC,
  renderEmbedMessage,
  renderSessionsHtml,
  renderSpeakersHtml,
} from "../render/embed-page";
import { ANONYMOUS } from "../core/context";
import { AppError } from "../core/errors";
import type { Services } from "../services";
import { isCalendarDate } from "../core/time";
import type { EmbedSessionsSpec } from "../services/embed.service";
import { QUERY_ERROR_STATUS, QueryError, optionalQueryValue } from "./query-params";

/** How long browsers and CDNs keep the small loader (/embed/crosstalk.js), in seconds. */
const LOADER_MAX_AGE = 300;

/**
 * The fallback page may show nothing but itself: no remote anything, and no script but its own
 * auto-height one (allowed by its hash).
 */
const HTML_CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; script-src ${EMBED_PAGE_SCRIPT_SRC}; base-uri 'none'; form-action 'none'`;

/** Reads the sessions embed's query string: the same attributes as <crosstalk-sessions>. */
export function parseEmbedQuery(req: Request) {
  const spec: EmbedSessionsSpec = {
    conference: optionalQueryValue(req, "conference"),
    community: optionalQueryValue(req, "community"),
    topic: optionalQueryValue(req, "topic"),
    speaker: optionalQueryValue(req, "speaker"),
    track: optionalQueryValue(req, "track"),
  };
  const kind = optionalQueryValue(req, "kind");
  if (kind) {
    const kinds = kind.split(",").map(k => k.trim().toUpperCase().replace(/-/g, "_"));
    const bad = kinds.find(k => !(Object.values(SessionKind) as string[]).includes(k));
    if (bad) {
      throw new QueryError(`kind "${bad}" is not one of ${Object.values(SessionKind).join(", ")}`);
    }
    spec.kinds = kinds as SessionKind[];
  }
  const day = optionalQueryValue(req, "day");
  if (day) {
    if (!isCalendarDate(day)) {
      throw new QueryError(`day "${day}" must be a date such as 2008-11-12`);
    }
    spec.day = day;
  }
  // An embed shows the whole co-located event by default (a partner's "our sessions at this event");
  // `include-colocated=false` (`0`, `no`) limits it to the one conference's own program.
  spec.includeColocated = true;
  if (req.query["include-colocated"] !== undefined) {
    const colocated = optionalQueryValue(req, "include-colocated") ?? "true";
    if (!/^(true|false|1|0|yes|no)$/i.test(colocated)) {
      throw new QueryError("include-colocated must be true or false");
    }
    spec.includeColocated = /^(true|1|yes)$/i.test(colocated);
  }
  const limit = optionalQueryValue(req, "limit");
  if (limit !== undefined) {
    if (!/^\d+$/.test(limit)) throw new QueryError("limit must be a whole number from 1 to 100");
    spec.limit = Number(limit);
  }
  const layout = optionalQueryValue(req, "layout") ?? "list";
  if (layout !== "list" && layout !== "grid") throw new QueryError("layout must be list or grid");
  // Without JavaScript the viewer's zone is unknown: `viewer` falls back to the event's.
  const zone = optionalQueryValue(req, "timezone") ?? "event";
  if (zone !== "event" && zone !== "viewer" && !IANAZone.isValidZone(zone)) {
    throw new QueryError(`timezone "${zone}" must be event, viewer or an IANA name`);
  }
  const sessionUrl = optionalQueryValue(req, "session-url") ?? null;
  if (sessionUrl && !/^https?:\/\//i.test(sessionUrl)) {
    throw new QueryError("session-url must be an absolute http(s) URL template");
  }
  const lang = parseLang(req);
  return {
    spec,
    layout: layout as "list" | "grid",
    timezone: zone === "event" || zone === "viewer" ? null : zone,
    sessionUrl,
    lang,
  };
}

/** The `lang` query value: a language tag (an unknown language is shown in English, noted). */
function parseLang(req: Request): string {
  const lang = (optionalQueryValue(req, "lang") ?? "en").slice(0, 35);
  if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(lang)) {
    throw new QueryError("lang must be a language tag");
  }
  return lang;
}

/** Reads the speakers embed's query string: the same attributes as <crosstalk-speakers>. */
export function parseSpeakersQuery(req: Request) {
  const limit = optionalQueryValue(req, "limit");
  if (limit !== undefined && !/^\d+$/.test(limit)) {
    throw new QueryError("limit must be a whole number from 1 to 100");
  }
  const personUrl = optionalQueryValue(req, "person-url") ?? null;
  if (personUrl && !/^https?:\/\//i.test(personUrl)) {
    throw new QueryError("person-url must be an absolute http(s) URL template");
  }
  return {
    spec: {
      conference: optionalQueryValue(req, "conference"),
      community: optionalQueryValue(req, "community"),
      limit: limit === undefined ? undefined : Number(limit),
    },
    personUrl,
    lang: parseLang(req),
  };
}

interface Manifest {
  file: string;
}

/**
 * The embeds: the web-component bundle (a short-lived loader at /embed/crosstalk.js importing the
 * immutable, content-hashed file) and the server-rendered fallback at /embed/sessions.
 */
export function createEmbedsRouter(config: AppConfig, services: Services): express.Router {
  const { embeds } = services;
  const router = express.Router();
  let manifest: Manifest | null = null;
  const readManifest = (): Manifest | null => {
    if (manifest) return manifest;
    try {
      const parsed = JSON.parse(
        fs.readFileSync(path.join(config.embedDir, "manifest.json"), "utf8"),
      );
      manifest = typeof parsed?.file === "string" ? (parsed as Manifest) : null;
    } catch {
      manifest = null;
    }
    return manifest;
  };
  const notBuilt = (res: Response) =>
    res
      .status(503)
      .type("text/plain; charset=utf-8")
      .set("Cache-Control", "no-store")
      .send("The embed bundle is not built; run npm run build:embed\n");

  router.get("/embed/crosstalk.js", (_req, res) => {
    const current = readManifest();
    if (!current) return notBuilt(res);
    const target = JSON.stringify(`./${current.file}`);
    res
      .set({
        "Cache-Control": `public, max-age=${LOADER_MAX_AGE}`,
        "X-Content-Type-Options": "nosniff",
      })
      .type("text/javascript; charset=utf-8")
      .send(`export * from ${target};\n`);
  });

  router.get(/^\/embed\/(crosstalk\.[A-Za-z0-9]+\.js)$/, (req, res, next) => {
    const current = readManifest();
    const file = (req.params as Record<string, string>)[0];
    if (!current) return notBuilt(res);
    if (file !== current.file) return next();
    res.set("X-Content-Type-Options", "nosniff");
    res.sendFile(path.join(config.embedDir, file), {
      maxAge: 365 * 24 * 3600 * 1000,
      immutable: true,
      headers: { "Content-Type": "text/javascript; charset=utf-8" },
    });
  });

  /** Serves one server-rendered embed page: security headers, caching, friendly errors. */
  const page =
    (render: (req: Request) => Promise<string>) => async (req: Request, res: Response) => {
      res.set({
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": HTML_CSP,
        "Referrer-Policy": "strict-origin-when-cross-origin",
      });
      const fallbackLang =
        typeof req.query.lang === "string" && /^[a-z]{2}$/i.test(req.query.lang)
          ? req.query.lang
          : "en";
      const fail = (status: number, message: string) =>
        res
          .status(status)
          .set(
            "Cache-Control",
            status >= 500 ? "no-store" : `public, max-age=${config.cacheMaxAge}`,
          )
          .type("text/html; charset=utf-8")
          .send(renderEmbedMessage(fallbackLang, message));
      try {
        const html = await render(req);
        res
          .status(200)
          .set("Cache-Control", `public, max-age=${config.cacheMaxAge}`)
          .type("text/html; charset=utf-8")
          .send(html);
      } catch (err) {
        if (err instanceof QueryError) return fail(400, err.message);
        if (err instanceof AppError && QUERY_ERROR_STATUS[err.code])
          return fail(QUERY_ERROR_STATUS[err.code] as number, err.message);
        req.log.error({ err }, "embed failed");
        return fail(500, "Please try again later.");
      }
    };

  router.get(
    "/embed/sessions",
    page(async req => {
      const query = parseEmbedQuery(req);
      const result = await embeds.sessions(query.spec);
      return renderSessionsHtml(result, {
        layout: query.layout,
        timezone: query.timezone,
        lang: query.lang,
        sessionUrl: query.sessionUrl,
        publicUrl: config.publicUrl,
      });
    }),
  );

  router.get(
    "/embed/speakers",
    page(async req => {
      const query = parseSpeakersQuery(req);
      const ctx = { viewer: ANONYMOUS, now: new Date(), log: req.log };
      const result = await embeds.speakers(ctx, query.spec);
      return renderSpeakersHtml(result, { lang: query.lang, personUrl: query.personUrl });
    }),
  );

  router.use("/embed", (req, res) => {
    res
      .status(404)
      .set("X-Content-Type-Options", "nosniff")
      .type("text/plain; charset=utf-8")
      .send(`No embed at ${req.originalUrl.split("?")[0]}\n`);
  });
  return router;
}
