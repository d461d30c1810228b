import express from "express";
import type { AppConfig } from "../core/config";
import { renderCalendar } from "../render/ical";
import type { Services } from "../services";
import { UNCACHEABLE } from "./cache-control";
import { sendText } from "./query-params";

/** An agenda secret wherever it appears in a URL (path or query), for the request log. */
const AGENDA_SECRET_IN_URL = /cta_[A-Za-z0-9_-]{43}/g;

/** A URL with any agenda secret in it replaced, so that request logs never hold one. */
export function redactAgendaSecrets(url: string): string {
  return url.replace(AGENDA_SECRET_IN_URL, "cta_[redacted]");
}

/**
 * `/calendar/agenda/<secret>.ics`: a personal agenda as iCalendar, rendered like every other session
 * feed (same UIDs, SEQUENCE from the versions). Its URL is its secret, so no cache may keep it and it
 * is never sent on as a Referer.
 */
export function createAgendaRouter(config: AppConfig, services: Services): express.Router {
  const router = express.Router();
  router.get("/calendar/agenda/:secret.ics", async (req, res) => {
    res.set({
      "Cache-Control": UNCACHEABLE,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    });
    try {
      const agenda = await services.agendas.bySecret(String(req.params.secret));
      if (!agenda) {
        sendText(res, 404, "No agenda has this secret");
        return;
      }
      const entries = await services.agendas.feedEntries(agenda.id);
      res
        .status(200)
        .type("text/calendar; charset=utf-8")
        .send(renderCalendar(entries, { name: "My agenda", publicUrl: config.publicUrl }));
    } catch (err) {
      req.log.error({ err }, "agenda feed failed");
      sendText(res, 500, "The feed could not be built");
    }
  });
  return router;
}
