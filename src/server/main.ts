import "reflect-metadata";
import "dotenv/config";
import { loadConfig } from "../core/config";
import { openDataSource, migrate } from "../db/data-source";
import { createApp } from "./app";
import { createLogger } from "../core/logger";
import { isEmpty, seedDemoData } from "../db/seed/seed";
import { SqlLogger } from "../db/sql-logger";

/** Starts Crosstalk: connect, migrate and seed when configured, serve, and shut down gracefully. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config);
  const dataSource = await openDataSource(
    config.database,
    new SqlLogger(log.child({ component: "sql" })),
  );
  if (config.migrateOnStart) {
    const applied = await migrate(dataSource);
    if (applied.length) log.info({ applied }, "migrations applied");
  }
  if (config.seedOnStart && (await isEmpty(dataSource))) {
    const report = await seedDemoData(dataSource);
    log.info({ inserted: report.inserted }, "demo data loaded");
  }
  const app = await createApp(config, dataSource, log);
  await new Promise<void>(resolve => app.httpServer.listen(config.port, config.host, resolve));
  log.info(
    { port: config.port, engine: config.database.engine, sandbox: config.landingPage },
    `Crosstalk is serving GraphQL at http://localhost:${config.port}/graphql`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down: draining in-flight requests");
    const timer = setTimeout(() => {
      log.error("shutdown timed out; exiting");
      process.exit(1);
    }, config.shutdownTimeoutMs);
    timer.unref();
    try {
      await app.apollo.stop(); // the drain plugin closes the HTTP server and waits for requests
      log.debug("http drained; closing the database");
      await dataSource.destroy();
      log.info("stopped");
      process.exit(0);
    } catch (err) {
      log.error({ err }, "shutdown failed");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
