/**
 * `npm run prune`: removes the write path's bookkeeping rows past their retention
 * (`RETENTION_*_DAYS`, see src/services/retention.ts) to the end, batch by batch, and prints what
 * went. The server does the same every PRUNE_EVERY_MS; this is for PRUNE_EVERY_MS=0 and a cron
 * job, or to catch up at once. Safe beside running servers.
 */
import "reflect-metadata";
import "dotenv/config";
import { loadConfig, RETENTION_DAYS_VARIABLES, RETAINED_KINDS } from "../core/config";
import { createCliLogger } from "../core/logger";
import { databaseLocation, openDataSource } from "../db/data-source";
import { SqlLogger } from "../db/sql-logger";
import { Writer } from "../services/editorial/writer";
import { Retention } from "../services/retention";

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createCliLogger(config, "prune");
  const dataSource = await openDataSource(config.database, new SqlLogger(log));
  try {
    if (await dataSource.showMigrations()) {
      throw new Error(
        `${databaseLocation(config.database)} has migrations pending: run \`npm run migrate\` first`,
      );
    }
    const started = Date.now();
    const counts = await new Retention(new Writer(dataSource), config.retention, log).prune(
      new Date(),
      Number.MAX_SAFE_INTEGER,
    );
    for (const kind of RETAINED_KINDS) {
      const days = config.retention.days[kind];
      const kept = days === 0 ? "kept forever" : `older than ${days} days`;
      console.log(`${kind}: ${counts[kind]} removed (${kept}, ${RETENTION_DAYS_VARIABLES[kind]})`);
    }
    console.log(`pruned in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch(err => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
