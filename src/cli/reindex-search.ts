/**
 * `npm run search:reindex`: rebuilds the search index from the records, batch by batch. The API's
 * writers keep the index in step themselves; this is for edits made around them (SQL by hand, a
 * restore, an import) and for records deleted by a cascade. Safe beside a running server.
 */
import "reflect-metadata";
import "dotenv/config";
import { loadConfig } from "../core/config";
import { createCliLogger } from "../core/logger";
import { openDataSource } from "../db/data-source";
import { reindexAll } from "../db/search-index";
import { SqlLogger } from "../db/sql-logger";

async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = await openDataSource(
    config.database,
    new SqlLogger(createCliLogger(config, "search:reindex")),
  );
  try {
    const started = Date.now();
    const { records, rows } = await reindexAll(dataSource, work => dataSource.transaction(work));
    console.log(
      `search index rebuilt: ${records} records, ${rows} index rows, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch(err => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
