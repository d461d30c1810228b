/** `npm run seed`: loads the PyWorks 2008 demo graph. Safe to run again: it adds only what is missing. */
import "reflect-metadata";
import "dotenv/config";
import { loadConfig } from "../core/config";
import { openDataSource } from "../db/data-source";
import { createCliLogger } from "../core/logger";
import { SqlLogger } from "../db/sql-logger";
import { seedDemoData } from "../db/seed/seed";

async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = await openDataSource(
    config.database,
    new SqlLogger(createCliLogger(config, "seed")),
  );
  try {
    const { inserted } = await seedDemoData(dataSource);
    const total = Object.values(inserted).reduce((a, b) => a + b, 0);
    console.log(
      total
        ? `inserted ${JSON.stringify(inserted)}`
        : "demo data already present; nothing inserted",
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch(err => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
