/** `npm run migrate`: applies pending migrations, then checks that entities and database agree. */
import "reflect-metadata";
import "dotenv/config";
import { loadConfig } from "../core/config";
import { openDataSource, migrate, pendingSchemaChanges } from "../db/data-source";
import { createCliLogger } from "../core/logger";
import { SqlLogger } from "../db/sql-logger";

async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = await openDataSource(
    config.database,
    new SqlLogger(createCliLogger(config, "migrate")),
  );
  try {
    const applied = await migrate(dataSource);
    console.log(applied.length ? `applied: ${applied.join(", ")}` : "no pending migrations");
    const drift = await pendingSchemaChanges(dataSource);
    if (drift.length) {
      console.error(`the database still differs from the entities:\n${drift.join(";\n")}`);
      process.exitCode = 1;
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch(err => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
