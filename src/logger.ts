import pino, { type Logger } from "pino";
import type { AppConfig } from "./config";

/** The root structured logger. Request-scoped children carry a request id (see src/http/app.ts). */
export function createLogger(config: Pick<AppConfig, "logLevel">): Logger {
  return pino({ level: config.logLevel, base: { service: "crosstalk" } });
}
