import pino, { type Logger } from "pino";
import type { AppConfig } from "./config";

/** The root structured logger. Request-scoped children carry a request id (see src/http/app.ts). */
export function createLogger(config: Pick<AppConfig, "logLevel">): Logger {
  return pino({ level: config.logLevel, base: { service: "crosstalk" } });
}

/**
 * The logger for command-line tools. It writes to stderr, synchronously, so that a tool's stdout
 * carries only its result (`token:create` prints the token there and scripts capture it).
 */
export function createCliLogger(config: Pick<AppConfig, "logLevel">, tool: string): Logger {
  return pino(
    { level: config.logLevel, base: { service: "crosstalk", tool } },
    pino.destination({ dest: 2, sync: true }),
  );
}
