import "reflect-metadata";
import "dotenv/config";
import v8 from "node:v8";
import pino from "pino";
import { ConfigError, loadConfig, type AppConfig } from "../core/config";
import {
  databaseLocation,
  DatabaseUnreachableError,
  migrate,
  openDataSourceWithRetry,
} from "../db/data-source";
import { createApp } from "./app";
import { createLogger } from "../core/logger";
import { isEmpty, seedDemoData } from "../db/seed/seed";
import { SqlLogger } from "../db/sql-logger";
import { withFields } from "../core/objects";

/**
 * Exit codes: 0 a clean stop in which every in-flight request completed; 1 start-up failed (bad
 * configuration, unreachable database, port in use) or some request got no answer at shutdown;
 * 2 a stop in which every request was answered but some only with a 503 because the grace period
 * ran out.
 */
const EXIT = { ok: 0, failed: 1, refused: 2 } as const;

/** Reads the configuration, reporting every problem at once as JSON log lines; exits 1 on any. */
function configOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    const log = pino({ base: { service: "crosstalk" } }, pino.destination({ dest: 1, sync: true }));
    for (const problem of err.problems) log.fatal({ problem }, `configuration error: ${problem}`);
    log.fatal(
      { problems: err.problems.length },
      "not starting: fix the configuration above (see README, Configuration)",
    );
    process.exit(EXIT.failed);
  }
}

/** Starts Crosstalk: connect, migrate and seed when configured, serve, and shut down gracefully. */
async function main(): Promise<void> {
  const config = configOrExit();
  // V8 reads this factor at each full GC, so setting it now bounds the heap from here on.
  if (config.heapGrowthPercent > 0) {
    v8.setFlagsFromString(`--heap-growing-percent=${config.heapGrowthPercent}`);
  }
  // A server's objects die with their request. Once V8 sees an allocation site's objects survive
  // minor collections (early requests are slow), it allocates that site's objects straight into
  // the old generation; dead there, they keep the young objects they point to alive until the next
  // full collection, so more of every request survives, and the choice feeds itself. Measured on
  // the program page, in one start in four: 34 KB instead of 3 KB per request went to the old
  // generation, full collections ran every second, and a quarter of the throughput went with them.
  v8.setFlagsFromString("--no-allocation-site-pretenuring");
  const log = createLogger(config);
  const where = databaseLocation(config.database);
  let dataSource;
  try {
    dataSource = await openDataSourceWithRetry(
      config.database,
      config.databaseStartRetryMs,
      ({ attempt, waitMs, code, message }) =>
        log.warn(
          { attempt, retryInMs: waitMs, database: where, code, reason: message },
          `database at ${where} unreachable (attempt ${attempt}); retrying in ${waitMs} ms`,
        ),
      new SqlLogger(log.child({ component: "sql" })),
    );
  } catch (err) {
    if (!(err instanceof DatabaseUnreachableError)) throw err;
    log.fatal({ database: where }, err.message);
    process.exit(EXIT.failed);
  }
  if (config.migrateOnStart) {
    const applied = await migrate(dataSource);
    if (applied.length) log.info({ applied }, "migrations applied");
  }
  if (config.seedOnStart && (await isEmpty(dataSource))) {
    const report = await seedDemoData(dataSource);
    log.info({ inserted: report.inserted }, "demo data loaded");
  }
  const app = await createApp(config, dataSource, log);
  try {
    await new Promise<void>((resolve, reject) => {
      app.httpServer.once("error", reject);
      app.httpServer.listen(config.port, config.host, resolve);
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message =
      code === "EADDRINUSE"
        ? `port ${config.port} on ${config.host} is already in use: stop the other process or set PORT`
        : code === "EACCES"
          ? `no permission to listen on port ${config.port} on ${config.host}: choose PORT 1024 or above`
          : `cannot listen on ${config.host}:${config.port}: ${(err as Error).message}`;
    log.fatal({ port: config.port, host: config.host, code }, message);
    await dataSource.destroy().catch(() => undefined);
    process.exit(EXIT.failed);
  }
  log.info(
    { port: config.port, engine: config.database.engine, sandbox: config.landingPage },
    `Crosstalk is serving GraphQL at http://localhost:${config.port}/graphql`,
  );
  if (app.metricsServer) {
    const { port, host } = config.metrics;
    const metricsServer = app.metricsServer;
    try {
      await new Promise<void>((resolve, reject) => {
        metricsServer.once("error", reject);
        metricsServer.listen(port, host, resolve);
      });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      log.fatal(
        { port, host, code },
        `cannot serve /metrics on ${host}:${port} (METRICS_PORT): ${(err as Error).message}`,
      );
      process.exit(EXIT.failed);
    }
    log.info({ port, host }, `Prometheus metrics at http://${host}:${port}/metrics`);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, graceMs: config.shutdownTimeoutMs }, "shutting down");
    // A last resort should anything below hang: the grace period plus time to close.
    setTimeout(() => {
      log.error("shutdown did not finish in time; exiting");
      process.exit(EXIT.failed);
    }, config.shutdownTimeoutMs + 5000).unref();
    try {
      const report = await app.shutdown.drain(config.shutdownTimeoutMs);
      await app.apollo.stop();
      // Only now, with every request answered, is the database closed (bounded: it may hang).
      const closed = await Promise.race([
        dataSource.destroy().then(() => true),
        new Promise<boolean>(resolve => setTimeout(() => resolve(false), 2000)),
      ]).catch(() => false);
      const code = report.cut > 0 ? EXIT.failed : report.refused > 0 ? EXIT.refused : EXIT.ok;
      const line = withFields(report, { databaseClosed: closed, exitCode: code });
      if (code === EXIT.ok) log.info(line, "stopped: every request in flight was answered");
      else if (code === EXIT.refused) {
        log.warn(line, `stopped: ${report.refused} request(s) answered 503 after the grace period`);
      } else log.error(line, `stopped: ${report.cut} request(s) were cut off`);
      process.exit(code);
    } catch (err) {
      log.error({ err }, "shutdown failed");
      process.exit(EXIT.failed);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch(err => {
  console.error(err);
  process.exit(EXIT.failed);
});
