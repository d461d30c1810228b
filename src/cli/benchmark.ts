/**
 * `npm run bench`: measures the read API on a throwaway database (SQLite by default, or the MySQL
 * server in BENCH_DATABASE_URL, using a `crosstalk_bench` database it creates and drops).
 * For each query shape and row count it reports SQL statements per request and latency percentiles
 * over real HTTP. Statement counts must not grow with rows; latencies are for comparison between runs
 * on the same machine, not pass/fail.
 */
import "reflect-metadata";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import mysql from "mysql2/promise";
import pino from "pino";
import { loadConfig, parseDatabaseUrl, type DatabaseConfig } from "../core/config";
import { migrate, openDataSource } from "../db/data-source";
import { createApp } from "../server/app";
import { addProgramSessions } from "../db/seed/bulk";
import { seedDemoData } from "../db/seed/seed";
import { SqlLogger } from "../db/sql-logger";

const QUERIES: Record<string, string> = {
  program: `query($n: Int!) { conference(slug: "phpworks-2008") { sessions(first: $n) { edges { node {
    slug startsAt speakers { slug } audiences { slug } isCrossCommunity programs { slug } topics { slug }
    articles { edges { node { slug } } } } } } } }`,
  community: `query($n: Int!) { community(slug: "python") { sessions(first: $n) { totalCount edges { node { slug speakers { name } } } } } }`,
  search: `query($n: Int!) { search(query: "bulk session", first: $n) { totalCount edges { node { __typename } } } }`,
};

async function main(): Promise<void> {
  const rowsList = (process.env.BENCH_ROWS ?? "50,500").split(",").map(Number);
  const iterations = Number(process.env.BENCH_ITERATIONS ?? 50);
  for (const rows of rowsList) {
    const { db, cleanup } = await scratchDatabase();
    const sql = new SqlLogger(pino({ level: "silent" }));
    const dataSource = await openDataSource(db, sql);
    await migrate(dataSource);
    await seedDemoData(dataSource);
    await addProgramSessions(dataSource, "phpworks-2008", rows);
    const config = { ...loadConfig({ NODE_ENV: "test" }), database: db };
    const app = await createApp(config, dataSource, pino({ level: "silent" }));
    await new Promise<void>(resolve => app.httpServer.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}/graphql`;
    for (const [name, query] of Object.entries(QUERIES)) {
      for (const n of [5, 100]) {
        const times: number[] = [];
        let statements = 0;
        for (let i = 0; i < iterations; i++) {
          const started = process.hrtime.bigint();
          const counted = await sql.count(async () => {
            const res = await fetch(url, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ query, variables: { n } }),
            });
            const body = (await res.json()) as { errors?: unknown };
            if (body.errors) throw new Error(JSON.stringify(body.errors));
          });
          times.push(Number(process.hrtime.bigint() - started) / 1e6);
          statements = counted.statements;
        }
        times.sort((a, b) => a - b);
        const pct = (p: number) =>
          times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
        console.log(
          `${db.engine.padEnd(6)} rows=${String(rows).padEnd(5)} ${name.padEnd(9)} first=${String(n).padEnd(3)} ` +
            `statements=${statements}  p50=${pct(0.5)}ms p95=${pct(0.95)}ms`,
        );
      }
    }
    await app.apollo.stop();
    await dataSource.destroy();
    await cleanup();
  }
}

async function scratchDatabase(): Promise<{ db: DatabaseConfig; cleanup: () => Promise<void> }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (url && parseDatabaseUrl(url, "").engine === "mysql") {
    const target = new URL(url);
    const admin = await mysql.createConnection({ uri: url });
    await admin.query("DROP DATABASE IF EXISTS crosstalk_bench");
    await admin.query(
      "CREATE DATABASE crosstalk_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
    );
    target.pathname = "/crosstalk_bench";
    return {
      db: { engine: "mysql", url: target.toString(), sqlitePath: "" },
      cleanup: async () => {
        await admin.query("DROP DATABASE IF EXISTS crosstalk_bench");
        await admin.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosstalk-bench-"));
  return {
    db: { engine: "sqlite", sqlitePath: path.join(dir, "bench.sqlite") },
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
