/**
 * Writes a migration for one engine from the difference between the entities and a database that has
 * every existing migration applied. Run through `npm run migration:generate -- <Name>`, once per
 * engine (it uses a scratch database: a temporary SQLite file, or MySQL's DATABASE_URL).
 */
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../core/config";
import { openDataSource, migrate } from "../db/data-source";
import { createCliLogger } from "../core/logger";
import { SqlLogger } from "../db/sql-logger";
import { PROJECT_ROOT } from "../core/paths";

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    throw new Error("usage: generate-migration <PascalCaseName>");
  }
  const config = loadConfig();
  const db =
    config.database.engine === "sqlite"
      ? {
          ...config.database,
          sqlitePath: path.join(os.tmpdir(), `crosstalk-gen-${process.pid}.sqlite`),
        }
      : config.database;
  const ds = await openDataSource(db, new SqlLogger(createCliLogger(config, "migration:generate")));
  try {
    await migrate(ds);
    const sql = await ds.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log(`${db.engine}: entities and migrations agree; nothing to generate`);
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const esc = (q: string) =>
      q.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${");
    const up = sql.upQueries
      .map(q => `    await queryRunner.query(\`${esc(q.query)}\`);`)
      .join("\n");
    const down = sql.downQueries
      .slice()
      .reverse()
      .map(q => `    await queryRunner.query(\`${esc(q.query)}\`);`)
      .join("\n");
    const file = path.join(
      PROJECT_ROOT,
      "src",
      "db",
      "migrations",
      db.engine,
      `${timestamp}-${name}.ts`,
    );
    fs.writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from "typeorm";

export class ${className} implements MigrationInterface {
  name = "${className}";

  async up(queryRunner: QueryRunner): Promise<void> {
${up}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down}
  }
}
`,
    );
    console.log(
      `wrote ${path.relative(process.cwd(), file)}; add ${className} to src/db/migrations/${db.engine}/index.ts`,
    );
  } finally {
    await ds.destroy();
    if (db.engine === "sqlite") fs.rmSync(db.sqlitePath, { force: true });
  }
}

main().catch(err => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
