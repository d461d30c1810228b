import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";
import type { AppConfig } from "./config";
import { withFields } from "./objects";

/**
 * What never reaches a log line: credentials in request and response headers, token secrets,
 * passwords, email addresses, and SQL parameters (which carry comment emails and other input) —
 * wherever they appear in a logged object, errors included (TypeORM's QueryFailedError carries the
 * statement's parameters).
 */
export const REDACT_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["proxy-authorization"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  "headers.authorization",
  "headers.cookie",
  "authorization",
  "token",
  "secret",
  "password",
  "email",
  "parameters",
  "variables",
  "*.token",
  "*.secret",
  "*.password",
  "*.email",
  "*.parameters",
  "*.variables",
  "err.driverError.parameters",
];

/** pino options shared by the server's and the CLIs' loggers. */
export function loggerOptions(
  config: Pick<AppConfig, "logLevel">,
  base: Record<string, string>,
): LoggerOptions {
  return {
    level: config.logLevel,
    base: withFields({ service: "crosstalk" }, base),
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
  };
}

/**
 * The root structured logger. Request-scoped children carry a request id (see src/server/app.ts).
 * `destination` is for tests that read the log lines.
 */
export function createLogger(
  config: Pick<AppConfig, "logLevel">,
  destination?: DestinationStream,
): Logger {
  return destination
    ? pino(loggerOptions(config, {}), destination)
    : pino(loggerOptions(config, {}));
}

/**
 * The logger for command-line tools. It writes to stderr, synchronously, so that a tool's stdout
 * carries only its result (`token:create` prints the token there and scripts capture it).
 */
export function createCliLogger(config: Pick<AppConfig, "logLevel">, tool: string): Logger {
  return pino(loggerOptions(config, { tool }), pino.destination({ dest: 2, sync: true }));
}
