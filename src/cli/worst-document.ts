/**
 * `npm run bench:worst`: the worst documents that still pass the limits, on a bulk database.
 *
 * Builds a throwaway database (SQLite by default, or a `crosstalk_bench_worst` database on the
 * MySQL server in BENCH_DATABASE_URL) with the demo graph plus 1,000 sessions in one program, whose
 * ten speakers have 200 sessions each. For each document shape it finds the largest page size the
 * default limits still accept, checks the server accepts it and sends it three times in a row over
 * real HTTP, reporting time, SQL statements, response size and the process's peak RSS (server
 * included). Exits 1 when that peak passes 512 MB. Then, as a stress figure, it sends each 12 at once
 * and reports the time and the peak RSS again (a warning, not a failure, past 512 MB). Not a timed
 * test: the times are for comparison between runs on one machine.
 */
import "reflect-metadata";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { parse } from "graphql";
import mysql from "mysql2/promise";
import pino from "pino";
import { loadConfig, parseDatabaseUrl, type DatabaseConfig } from "../core/config";
import { migrate, openDataSource } from "../db/data-source";
import { addProgramSessions } from "../db/seed/bulk";
import { seedDemoData } from "../db/seed/seed";
import { SqlLogger } from "../db/sql-logger";
import { measureCost } from "../graphql/cost";
import { documentDepth } from "../graphql/limits";
import { createApp } from "../server/app";
import { getSchema } from "../server/schema";

const RSS_CEILING_MB = 512;

/** Document shapes, each with its page size as `$k`; the largest k the limits accept is used. */
const SHAPES: Record<string, string> = {
  "sessions → speakers → sessions": `query ($k: Int) { sessions(first: 100) { nodes { title startsAt
    speakers { name sessions(first: $k) { nodes { title startsAt audiences { name } } } } } } }`,
  "a day's program → speakers → sessions": `query ($k: Int) { conference(slug: "phpworks-2008") {
    days { date sessions { title startsAt room speakers { name sessions(first: $k) { nodes { title } } }
    audiences { name } programs { slug } topics { slug } } } } }`,
  "speakers → sessions → speakers": `query ($k: Int) { people(first: 100) { nodes { name
    sessions(first: $k) { nodes { title speakers { name } programs { slug } } } } } }`,
  "search → sessions → speakers": `query ($k: Int) { search(query: "bulk", first: 100) { edges {
    node { ... on Session { title speakers { name sessions(first: $k) { nodes { title } } } } } } } }`,
};

async function main(): Promise<void> {
  const { db, cleanup } = await scratchDatabase();
  const sql = new SqlLogger(pino({ level: "silent" }));
  const dataSource = await openDataSource(db, sql);
  let singlePeak: number;
  try {
    await migrate(dataSource);
    await seedDemoData(dataSource);
    await addProgramSessions(dataSource, "phpworks-2008", 1000);
    const config = { ...loadConfig({ NODE_ENV: "production" }), database: db };
    config.rateLimit = { ...config.rateLimit, points: 0 };
    const app = await createApp(config, dataSource, pino({ level: "silent" }));
    await new Promise<void>(resolve => app.httpServer.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}/graphql`;
    const schema = await getSchema();
    console.log(
      `engine=${db.engine} sessions=1000+demo speakers=10×200 maxCost=${config.limits.maxCost}`,
    );
    const stress: { name: string; send: () => Promise<number> }[] = [];
    for (const [name, query] of Object.entries(SHAPES)) {
      const document = parse(query);
      const costOf = (k: number) => measureCost(schema, document, { k }, undefined, config.limits);
      let k = 0;
      while (k < 100 && costOf(k + 1) <= config.limits.maxCost) k += 1;
      if (k === 0) {
        console.log(`${name}: refused even at k=1 (cost ${costOf(1)})`);
        continue;
      }
      const send = async () => {
        const res = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query, variables: { k } }),
        });
        const text = await res.text();
        const body = JSON.parse(text) as { errors?: unknown };
        if (res.status !== 200 || body.errors) {
          throw new Error(`${name} (k=${k}) was refused: ${text.slice(0, 500)}`);
        }
        return text.length;
      };
      const times: number[] = [];
      let bytes = 0;
      let statements = 0;
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        const counted = await sql.count(send);
        times.push(performance.now() - started);
        bytes = counted.result;
        statements = counted.statements;
      }
      stress.push({ name, send });
      console.log(
        `${name}: k=${k} cost=${costOf(k)} depth=${documentDepth(document)} ` +
          `statements=${statements} response=${(bytes / 1024).toFixed(0)} KB ` +
          `times=${times.map(t => t.toFixed(0)).join("/")} ms peakRSS=${peakRssMb()} MB`,
      );
    }
    singlePeak = peakRssMb();
    console.log(`peak RSS with one worst document at a time: ${singlePeak} MB`);
    for (const { name, send } of stress) {
      const started = performance.now();
      await Promise.all(Array.from({ length: 12 }, send));
      const took = performance.now() - started;
      console.log(`stress, 12 at once: ${name}: ${took.toFixed(0)} ms peakRSS=${peakRssMb()} MB`);
    }
    await app.apollo.stop();
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await cleanup();
  }
  const peak = peakRssMb();
  console.log(
    `peak RSS: ${singlePeak} MB one at a time, ${peak} MB with the stress (ceiling ${RSS_CEILING_MB} MB)`,
  );
  if (peak > RSS_CEILING_MB) console.warn("warning: the 12-at-once stress passed the ceiling");
  if (singlePeak > RSS_CEILING_MB) process.exitCode = 1;
}

/** The process's peak resident set size so far, in MB. */
function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

async function scratchDatabase(): Promise<{ db: DatabaseConfig; cleanup: () => Promise<void> }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (url && parseDatabaseUrl(url, "").engine === "mysql") {
    const target = new URL(url);
    const admin = await mysql.createConnection({ uri: url });
    await admin.query("DROP DATABASE IF EXISTS crosstalk_bench_worst");
    await admin.query(
      "CREATE DATABASE crosstalk_bench_worst CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
    );
    target.pathname = "/crosstalk_bench_worst";
    return {
      db: { engine: "mysql", url: target.toString(), sqlitePath: "" },
      cleanup: async () => {
        await admin.query("DROP DATABASE IF EXISTS crosstalk_bench_worst");
        await admin.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosstalk-bench-worst-"));
  return {
    db: { engine: "sqlite", sqlitePath: path.join(dir, "bench.sqlite") },
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
