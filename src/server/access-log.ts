import type http from "node:http";
import type { RequestHandler } from "express";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";

/** What the access log needs of the app: how to name a request, and what to keep out of its URL. */
export interface AccessLogOptions {
  /** The request's id (also sent back as `x-request-id`). */
  requestId(req: http.IncomingMessage): string;
  /** The URL as it may be logged (secrets taken out). */
  redactUrl(url: string): string;
}

/**
 * The access log and each request's logger (`req.log`, bound to the request) and id
 * (`req.id`, `x-request-id`), through pino-http: an `info` line per answer, `error` for a 5xx or a
 * failed response.
 *
 * When `info` is off (LOG_LEVEL=warn and above, production's usual), pino-http would still build,
 * for every request, a child logger whose bindings serialize, redact and stringify the request, to
 * write nothing. Then a lighter middleware does the same job: the same id and header, a `req.log`
 * that becomes pino-http's child logger only when something uses it, and the same `request errored`
 * line (pino-http's fields and message) for the answers logged at `error`.
 */
export function accessLog(log: Logger, options: AccessLogOptions): RequestHandler {
  const full = pinoHttpLog(log, options);
  if (log.isLevelEnabled("info")) return full;
  // pino-http's logger: the app's, with the request, response and error serializers above.
  const httpLogger = full.logger;
  const logsErrors = httpLogger.isLevelEnabled("error");
  return (req, res, next) => {
    const start = Date.now();
    const id = options.requestId(req);
    res.setHeader("x-request-id", id);
    req.id = id;
    // The bindings describe the request as it arrived, as pino-http's do: the route parameters
    // (an agenda's secret, say) that a route sets later are not among them.
    const arrivalParams = req.params;
    const requestLog = lazyLogger(() => {
      const current = req.params;
      req.params = arrivalParams;
      try {
        return httpLogger.child({ req });
      } finally {
        req.params = current;
      }
    });
    req.log = requestLog;
    res.log = requestLog;
    if (logsErrors) {
      // "close" follows "finish" on every response (and alone ends one whose client went away).
      const done = (err?: Error) => {
        res.off("close", done);
        res.off("error", done);
        if (!err && res.statusCode < 500) return;
        const failure =
          err ??
          (res as { err?: Error }).err ??
          new Error(`failed with status code ${res.statusCode}`);
        requestLog.error(
          { res, err: failure, responseTime: Date.now() - start },
          "request errored",
        );
      };
      res.on("close", done);
      res.on("error", done);
    }
    next();
  };
}

/**
 * A logger that is built (by `make`) on its first use, and is then that logger in every respect:
 * a request that logs nothing costs no child logger.
 */
export function lazyLogger(make: () => Logger): Logger {
  let real: Logger | null = null;
  const target = () => (real ??= make());
  const proxy: Logger = new Proxy({} as Logger, {
    get(_, prop, receiver) {
      const logger = target();
      // A child made with Object.create (pino's `child`) reads its own bindings through its getters.
      return Reflect.get(logger, prop, receiver === proxy ? logger : receiver);
    },
    set(_, prop, value, receiver) {
      const logger = target();
      return Reflect.set(logger, prop, value, receiver === proxy ? logger : receiver);
    },
    has(_, prop) {
      return Reflect.has(target(), prop);
    },
    getPrototypeOf() {
      return Reflect.getPrototypeOf(target());
    },
  });
  return proxy;
}

/** pino-http as the access log uses it at `info` (and the lean middleware stands in for at `warn`). */
export function pinoHttpLog(log: Logger, options: AccessLogOptions) {
  return pinoHttp({
    logger: log,
    serializers: {
      // An agenda's secret is its URL (its .ics) or may sit in a GET query: never log it. The
      // parsed query string would repeat the URL's query unredacted, so it is left out.
      req: (req: { url?: string; query?: unknown }) => {
        if (req.url) req.url = options.redactUrl(req.url);
        req.query = undefined;
        return req;
      },
    },
    genReqId: (req, res) => {
      const id = options.requestId(req);
      res.setHeader("x-request-id", id);
      return id;
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? "error" : "info"),
  });
}
