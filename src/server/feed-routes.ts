import express, { type Request, type Response } from "express";
import type { AppConfig } from "../core/config";
import { AppError, NotFoundError } from "../core/errors";
import { decodeOrNull } from "../core/global-id";
import { renderChangesAtom } from "../render/atom";
import { renderCalendar } from "../render/ical";
import { buildSchedule, renderScheduleJson, renderScheduleXml } from "../render/frab";
import type { Services } from "../services";
import { FeedTooLargeError, type Feed } from "../services/feed.service";
import { QUERY_ERROR_STATUS, QueryError, queryValue, sendText } from "./query-params";

/** How many of a conference's latest changes its Atom feed lists. */
const CHANGES_FEED_ENTRIES = 50;

/** How a client can ask for a smaller feed than the one refused, by route. */
function narrowingHint(path: string): string {
  if (path.startsWith("/calendar/community/")) {
    return "Add ?conference=<conference slug> to keep one conference's sessions, or subscribe to a sub-community's feed";
  }
  return "Subscribe to a community's feed with ?conference=<conference slug> (/calendar/community/<slug>.ics), or to a person's or a session's feed";
}

/**
 * Read-only feeds beside /graphql: iCalendar per conference, community, person and session, and the
 * frab schedule (XML and JSON) per conference. Thin: parse the path, ask FeedService, format.
 */
export function createFeedsRouter(config: AppConfig, services: Services): express.Router {
  const { feeds } = services;
  const router = express.Router();

  type Handler = (req: Request) => Promise<{ type: string; body: string }>;
  const serve = (handler: Handler) => async (req: Request, res: Response) => {
    try {
      const { type, body } = await handler(req);
      res.set({
        "Cache-Control": `public, max-age=${config.cacheMaxAge}`,
        "X-Content-Type-Options": "nosniff",
      });
      res.status(200).type(type).send(body);
    } catch (err) {
      res.set("X-Content-Type-Options", "nosniff");
      if (err instanceof AppError && QUERY_ERROR_STATUS[err.code]) {
        sendText(res, QUERY_ERROR_STATUS[err.code] as number, err.message);
      } else if (err instanceof QueryError) {
        sendText(res, 400, err.message);
      } else if (err instanceof FeedTooLargeError) {
        req.log.warn({ err }, "feed too large");
        sendText(res, 422, `${err.message}. ${narrowingHint(req.path)}`);
      } else {
        req.log.error({ err }, "feed failed");
        sendText(res, 500, "The feed could not be built");
      }
    }
  };

  const calendar = (feed: Feed) => ({
    type: "text/calendar; charset=utf-8",
    body: renderCalendar(feed.entries, { name: feed.title, publicUrl: config.publicUrl }),
  });

  router.get(
    "/calendar/conference/:slug.ics",
    serve(async req =>
      calendar(await feeds.conferenceFeed(String(req.params.slug), queryValue(req, "track"))),
    ),
  );
  router.get(
    "/calendar/community/:slug.ics",
    serve(async req =>
      calendar(await feeds.communityFeed(String(req.params.slug), queryValue(req, "conference"))),
    ),
  );
  router.get(
    "/calendar/person/:slug.ics",
    serve(async req => calendar(await feeds.personFeed(String(req.params.slug)))),
  );
  router.get(
    "/calendar/session/:slug.ics",
    serve(async req => calendar(await feeds.sessionFeed(String(req.params.slug)))),
  );

  const schedule = async (req: Request) => {
    const { conference, entries } = await feeds.conferenceFeed(
      String(req.params.slug),
      queryValue(req, "track"),
    );
    return buildSchedule(conference, entries, { publicUrl: config.publicUrl });
  };
  router.get(
    "/schedule/:slug.xml",
    serve(async req => ({
      type: "application/xml; charset=utf-8",
      body: renderScheduleXml(await schedule(req)),
    })),
  );
  router.get(
    "/schedule/:slug.json",
    serve(async req => ({
      type: "application/json; charset=utf-8",
      body: renderScheduleJson(await schedule(req)),
    })),
  );

  // The latest changes to a conference's program, newest first, as Atom.
  router.get(
    "/schedule/:slug/changes.atom",
    serve(async req => {
      const slug = String(req.params.slug);
      const conference = await services.conferences.bySlug(slug);
      if (!conference) throw new NotFoundError("Conference", slug);
      const changes = await services.changes.latest(conference.id, CHANGES_FEED_ENTRIES);
      const ids = [
        ...new Set(
          changes
            .map(c => decodeOrNull(c.subjectId))
            .filter(d => d?.type === "Session")
            .map(d => d!.id),
        ),
      ];
      const sessions = new Map(
        (await services.sessions.byIds(ids)).filter(s => s !== null).map(s => [s.id, s]),
      );
      return {
        type: "application/atom+xml; charset=utf-8",
        body: renderChangesAtom(conference, changes, sessions, { publicUrl: config.publicUrl }),
      };
    }),
  );

  // Anything else under the feed prefixes is a plain-text 404, not Express's HTML page.
  router.use(["/calendar", "/schedule"], (req, res) => {
    res.set("X-Content-Type-Options", "nosniff");
    sendText(res, 404, `No feed at ${req.originalUrl.split("?")[0]}`);
  });
  return router;
}
