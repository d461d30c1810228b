/**
 * `npm run bench`: Crosstalk (production mode, built `dist/`) against a hand-written mysql2 ceiling
 * on the same generated MySQL data, driven by wrk (or autocannon) at several concurrencies, interleaved and
 * repeated, reported as ratios. See README "Benchmark" and bench/results/README.md.
 */
import "reflect-metadata";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import mysql from "mysql2/promise";
import { migrate, openDataSource } from "../src/db/data-source";
import { generateDataset, type Dataset } from "./data/generate";
import { SCALES, type Scale } from "./data/scale";
import { compareAll, MismatchError, post, walkCursors } from "./compare";
import { randomBytes } from "node:crypto";
import { cpuMs, DbMeter, findDatabasePid, median, memoryMb, pairedSpread } from "./measure";
import {
  defaultPlacement,
  driveLoad,
  loadGenerator,
  onPath,
  pinned,
  pinSelf,
  type LoadGenerator,
  type LoadResult,
} from "./load";
import {
  body,
  cachedOperations,
  getPath,
  operations,
  type Cursors,
  type Operation,
} from "./operations";

const DATABASE = "crosstalk_bench";
const ROOT = path.resolve(__dirname, "..", "..");
const RESULTS = path.join(ROOT, "bench", "results");

const USAGE = `usage: npm run bench -- [--quick] [--scale small|default|large] [--rounds N] [--duration S]
       [--connections 1,10,50] [--warmup S] [--only TEXT]… [--spread-cycles N] [--keep]
       [--database-url mysql://…]
       [--generator wrk|autocannon] [--server-cpus LIST --generator-cpus LIST | --no-pin]
       [--crosstalk-env NAME=VALUE]…`;

interface Settings {
  scale: Scale;
  rounds: number;
  duration: number;
  warmup: number;
  connections: number[];
  /** Cycles of the articles pages' interleaved spread runs (0: none). */
  spreadCycles: number;
  /** Operations whose name contains one of these (`--only`, repeatable); empty: all. */
  only: string[];
  keep: boolean;
  serverUrl: string;
  /** Asked for with --generator; by default wrk when on PATH, else autocannon. */
  generator: "wrk" | "autocannon" | undefined;
  /** taskset CPU lists of the two servers and of the load generator, or null (unpinned). */
  placement: { servers: string; generator: string } | null;
  /** Settings given to Crosstalk's server on top of the bench's (`--crosstalk-env`, repeatable). */
  crosstalkEnv: Record<string, string>;
}

function settings(): Settings {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      scale: { type: "string" },
      rounds: { type: "string" },
      duration: { type: "string" },
      warmup: { type: "string" },
      connections: { type: "string" },
      only: { type: "string", multiple: true },
      "spread-cycles": { type: "string" },
      keep: { type: "boolean", default: false },
      "database-url": { type: "string" },
      generator: { type: "string" },
      "server-cpus": { type: "string" },
      "generator-cpus": { type: "string" },
      "no-pin": { type: "boolean", default: false },
      "crosstalk-env": { type: "string", multiple: true },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const quick = values.quick;
  const scaleName = values.scale ?? (quick ? "small" : "default");
  const scale = SCALES[scaleName as Scale["name"]];
  const number = (text: string | undefined, fallback: number, name: string) => {
    const n = text === undefined ? fallback : Number(text);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number`);
    return n;
  };
  if (!scale) throw new UsageError(`--scale must be small, default or large, not "${scaleName}"`);
  const connections = (values.connections ?? (quick ? "10" : "1,10,50"))
    .split(",")
    .map(c => number(c, 0, "connections"));
  if (values.generator !== undefined && !["wrk", "autocannon"].includes(values.generator)) {
    throw new UsageError(`--generator must be wrk or autocannon, not "${values.generator}"`);
  }
  const cpuList = (text: string | undefined, name: string) => {
    if (text !== undefined && !/^\d+(-\d+)?(,\d+(-\d+)?)*$/.test(text)) {
      throw new UsageError(`--${name} must be a CPU list such as 0 or 1-3 or 0,2`);
    }
    return text;
  };
  const serverCpus = cpuList(values["server-cpus"], "server-cpus");
  const generatorCpus = cpuList(values["generator-cpus"], "generator-cpus");
  if ((serverCpus === undefined) !== (generatorCpus === undefined)) {
    throw new UsageError("--server-cpus and --generator-cpus go together");
  }
  if (serverCpus !== undefined && !onPath("taskset")) {
    throw new UsageError("--server-cpus needs taskset (util-linux) on PATH");
  }
  const crosstalkEnv: Record<string, string> = {};
  for (const pair of values["crosstalk-env"] ?? []) {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(pair);
    if (!match) throw new UsageError(`--crosstalk-env takes NAME=VALUE, not "${pair}"`);
    crosstalkEnv[match[1]] = match[2];
  }
  return {
    crosstalkEnv,
    scale,
    rounds: Math.floor(number(values.rounds, quick ? 1 : 3, "rounds")),
    duration: number(values.duration, quick ? 1 : 5, "duration"),
    warmup: quick ? 0 : number(values.warmup, 2, "warmup"),
    connections,
    spreadCycles:
      values["spread-cycles"] === "0"
        ? 0
        : Math.floor(number(values["spread-cycles"], quick ? 2 : 8, "spread-cycles")),
    only: values.only ?? [],
    keep: values.keep,
    serverUrl:
      values["database-url"] ?? process.env.BENCH_DATABASE_URL ?? "mysql://root:@127.0.0.1:3306",
    generator: values.generator as Settings["generator"],
    placement: values["no-pin"]
      ? null
      : serverCpus !== undefined && generatorCpus !== undefined
        ? { servers: serverCpus, generator: generatorCpus }
        : defaultPlacement(),
  };
}

class UsageError extends Error {}

function databaseUrl(serverUrl: string, account?: Account): string {
  const url = new URL(serverUrl);
  url.pathname = `/${DATABASE}`;
  if (account) {
    url.username = account.user;
    url.password = account.password;
  }
  return url.toString();
}

/** A database account of one server, so that MariaDB counts its statements and CPU apart. */
interface Account {
  user: string;
  password: string;
}

const ACCOUNTS = { crosstalk: "crosstalk_bench_app", ceiling: "crosstalk_bench_ceiling" } as const;

/**
 * Gives each server its own read-only account on `crosstalk_bench` and turns on MariaDB's `userstat`
 * (per-account statement and CPU counters) for the run. Returns how to undo it, or null when the
 * server does not allow it (the run then falls back to server-wide counters).
 */
async function perServerAccounts(
  admin: mysql.Connection,
): Promise<{ accounts: Record<Target["name"], Account>; undo: () => Promise<void> } | null> {
  try {
    const [rows] = await admin.query("SELECT @@GLOBAL.userstat AS on_before");
    const before = Number((rows as { on_before: unknown }[])[0]?.on_before ?? 0);
    const accounts = {} as Record<Target["name"], Account>;
    for (const [name, user] of Object.entries(ACCOUNTS) as [Target["name"], string][]) {
      const password = randomBytes(18).toString("base64url");
      await admin.query("DROP USER IF EXISTS ?@'%'", [user]);
      await admin.query("CREATE USER ?@'%' IDENTIFIED BY ?", [user, password]);
      await admin.query(`GRANT SELECT ON \`${DATABASE}\`.* TO ?@'%'`, [user]);
      accounts[name] = { user, password };
    }
    await admin.query("SET GLOBAL userstat = 1");
    return {
      accounts,
      undo: async () => {
        await admin.query("SET GLOBAL userstat = ?", [before]);
        for (const user of Object.values(ACCOUNTS)) {
          await admin.query("DROP USER IF EXISTS ?@'%'", [user]);
        }
      },
    };
  } catch {
    for (const user of Object.values(ACCOUNTS)) {
      await admin.query("DROP USER IF EXISTS ?@'%'", [user]).catch(() => undefined);
    }
    return null;
  }
}

/** Creates `crosstalk_bench` afresh (never any other database), migrates it and fills it. */
async function prepareDatabase(
  s: Settings,
  admin: mysql.Connection,
  log: (message: string) => void,
): Promise<Dataset> {
  await admin.query(`DROP DATABASE IF EXISTS \`${DATABASE}\``);
  await admin.query(
    `CREATE DATABASE \`${DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  const url = databaseUrl(s.serverUrl);
  const dataSource = await openDataSource({ engine: "mysql", url, sqlitePath: "" });
  try {
    await migrate(dataSource);
  } finally {
    await dataSource.destroy();
  }
  const pool = mysql.createPool({ uri: url, connectionLimit: 2 });
  try {
    return await generateDataset(pool, s.scale, log);
  } finally {
    await pool.end();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Target {
  name: "crosstalk" | "ceiling";
  base: string;
  child: ChildProcess;
  cursors?: Cursors;
}

/** Starts a server as a child process and waits until its /readyz answers. */
async function startChild(
  name: Target["name"],
  script: string,
  env: Record<string, string>,
  cpus: string | null,
): Promise<Target> {
  if (!fs.existsSync(script)) throw new Error(`${script} is missing: run npm run build first`);
  const port = await freePort();
  // taskset execs node in place: the child's pid is the server's (for its CPU and RSS).
  const [command, args] = pinned(cpus, process.execPath, [script]);
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", PORT: String(port), ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  spawned.add(child);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-4000);
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited: ${stderr}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return { name, base, child };
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 100));
  }
  child.kill("SIGTERM");
  throw new Error(`${name} did not become ready: ${stderr}`);
}

/** Every server process this run started, ready or not, so that none outlives it. */
const spawned = new Set<ChildProcess>();

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise(resolve => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise(r => setTimeout(r, 5000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

/** One timed load-generator run of one operation against one server, with its counters. */
interface Run {
  op: string;
  target: Target["name"];
  connections: number;
  round: number;
  requests: number;
  /** Requests sent, in-flight ones at the end included (statements and CPU are divided by this). */
  sent: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  /** Responses with another status than the operation expects, errors and timeouts. */
  failures: number;
  statements: number;
  /** Database CPU for this server's account (userstat), else null. */
  dbCpuMs: number | null;
  /** CPU of the whole database process (every client's work, other users' included). */
  dbProcessCpuMs: number | null;
  nodeCpuMs: number | null;
  rssMb: number | null;
}

function drive(
  generator: LoadGenerator,
  target: Target,
  op: Operation,
  connections: number,
  duration: number,
): Promise<LoadResult> {
  const requests = op.requests(target.cursors as Cursors).map(r =>
    r.get
      ? { method: "GET" as const, path: getPath(r), headers: r.headers ?? {} }
      : {
          method: "POST" as const,
          path: "/graphql",
          headers: { "content-type": "application/json", ...r.headers },
          body: body(r),
        },
  );
  return driveLoad(generator, target.base, requests, connections, duration);
}

/**
 * Waits (at most two minutes) until a server is idle: its Node process spends under 5 ms of CPU in
 * 250 ms and, with per-account counters, its account has finished no statement meanwhile and is
 * running none. A backlog left by one run
 * would otherwise be measured as part of the next.
 */
async function settle(meter: DbMeter, target: Target): Promise<void> {
  const pid = target.child.pid ?? null;
  const deadline = Date.now() + 120_000;
  let before = { node: cpuMs(pid), db: await meter.read(ACCOUNTS[target.name]) };
  while (Date.now() < deadline) {
    await new Promise(r => setTimeout(r, 250));
    const now = { node: cpuMs(pid), db: await meter.read(ACCOUNTS[target.name]) };
    const quietNode = before.node === null || now.node === null || now.node - before.node < 5;
    const quietDb =
      !meter.perUser ||
      (now.db.statements === before.db.statements &&
        (await meter.running(ACCOUNTS[target.name])) === 0);
    if (quietNode && quietDb) return;
    before = now;
  }
}

async function timedRun(
  generator: LoadGenerator,
  meter: DbMeter,
  dbPid: number | null,
  target: Target,
  op: Operation,
  connections: number,
  duration: number,
  round: number,
): Promise<Run> {
  const pid = target.child.pid ?? null;
  const user = ACCOUNTS[target.name];
  await settle(meter, target);
  const before = { db: await meter.read(user), process: cpuMs(dbPid), node: cpuMs(pid) };
  const result = await drive(generator, target, op, connections, duration);
  // Requests still in flight when the generator stops run to the end on the server: let them finish,
  // and count their statements and CPU against every request sent, not only those completed.
  await settle(meter, target);
  const after = { db: await meter.read(user), process: cpuMs(dbPid), node: cpuMs(pid) };
  const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
  return {
    op: op.name,
    target: target.name,
    connections,
    round,
    requests: result.requests,
    sent: result.sent,
    seconds: result.seconds,
    rps: result.requests / result.seconds,
    p50: result.p50,
    p99: result.p99,
    failures: result.requests - (result.statuses[`${op.status ?? 200}`] ?? 0) + result.errors,
    statements: after.db.statements - before.db.statements,
    dbCpuMs: delta(before.db.cpuMs, after.db.cpuMs),
    dbProcessCpuMs: delta(before.process, after.process),
    nodeCpuMs: delta(before.node, after.node),
    rssMb: memoryMb(pid)?.rss ?? null,
  };
}

/** Seconds of each run of the articles pages' spread phase (at most `--duration`). */
const SPREAD_WINDOW_S = 2;

/** The articles pages' spread, from the interleaved runs of `articlesSpread`. */
interface Spread {
  connections: number;
  windowSeconds: number;
  pages: string[];
  /** Per server: requests/s by cycle and page, each page's relative speed, and the spread. */
  servers: Record<
    Target["name"],
    { rps: number[][]; relative: number[]; spread: number; failures: number }
  >;
  runs: Run[];
}

/**
 * The articles pages' spread of throughput, measured so that the machine's drift drops out: at the
 * targets' concurrency, `cycles` cycles that each run every page once on both servers in short runs
 * close together, the pages in forward order one cycle and in reverse the next (a steady drift then
 * favours none), and the servers' order swapped each cycle. `pairedSpread` sums it up per server;
 * the ceiling's figure is the noise floor of the method on this machine, as its pages cost the same.
 */
async function articlesSpread(
  generator: LoadGenerator,
  meter: DbMeter,
  dbPid: number | null,
  pages: Operation[],
  servers: Target[],
  connections: number,
  cycles: number,
  windowSeconds: number,
  log: (message: string) => void,
): Promise<Spread> {
  const runs: Run[] = [];
  const rps = new Map<Target["name"], number[][]>(servers.map(t => [t.name, []]));
  for (let cycle = 0; cycle < cycles; cycle++) {
    const order = pages.map((_, i) => i);
    if (cycle % 2 === 1) order.reverse();
    const row = new Map<Target["name"], number[]>(servers.map(t => [t.name, []]));
    for (const i of order) {
      for (const t of cycle % 2 === 0 ? servers : [...servers].reverse()) {
        const run = await timedRun(
          generator,
          meter,
          dbPid,
          t,
          pages[i],
          connections,
          windowSeconds,
          cycle,
        );
        runs.push(run);
        (row.get(t.name) as number[])[i] = run.rps;
      }
    }
    for (const t of servers) (rps.get(t.name) as number[][]).push(row.get(t.name) as number[]);
    log(
      `c=${connections} spread cycle ${cycle + 1}/${cycles}: ` +
        servers
          .map(t => `${t.name} ${(row.get(t.name) as number[]).map(r => fmt(r, 0)).join(" / ")}`)
          .join("; ") +
        " req/s",
    );
  }
  const result = {} as Spread["servers"];
  for (const t of servers) {
    const table = rps.get(t.name) as number[][];
    result[t.name] = {
      rps: table,
      ...pairedSpread(table),
      failures: runs.filter(r => r.target === t.name).reduce((n, r) => n + r.failures, 0),
    };
  }
  return { connections, windowSeconds, pages: pages.map(p => p.name), servers: result, runs };
}

/** The concurrency the issue's targets are read at: 10, or the middle one measured. */
function targetConcurrency(connections: number[]): number {
  return connections.includes(10) ? 10 : connections[Math.floor(connections.length / 2)];
}

/**
 * Statements per request, one request at a time. Per-account counters are exact but MariaDB may
 * fold a statement into them just after its result went out, so each try waits a moment and the
 * median is taken. Server-wide counters take the smallest delta of several tries, so that other
 * clients' statements (which only ever add) drop out.
 */
async function probeStatements(meter: DbMeter, target: Target, op: Operation): Promise<number> {
  const requests = op.requests(target.cursors as Cursors);
  const deltas: number[] = [];
  for (let i = 0; i < (meter.perUser ? 5 : 7); i++) {
    const before = await meter.read(ACCOUNTS[target.name]);
    for (const request of requests) await post(target.base, request);
    await new Promise(r => setTimeout(r, 50));
    const after = await meter.read(ACCOUNTS[target.name]);
    deltas.push(after.statements - before.statements);
  }
  return (meter.perUser ? median(deltas) : Math.min(...deltas)) / requests.length;
}

interface Summary {
  op: string;
  connections: number;
  target: Target["name"];
  rps: number;
  p50: number;
  p99: number;
  statementsPerRequest: number;
  dbCpuMsPerRequest: number | null;
  nodeCpuMsPerRequest: number | null;
  dbProcessCpuMsPerRequest: number | null;
  failures: number;
}

function summarise(runs: Run[]): Summary[] {
  const groups = new Map<string, Run[]>();
  for (const run of runs) {
    const key = `${run.connections}|${run.op}|${run.target}`;
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  return [...groups.values()].map(list => {
    const total = list.reduce((n, r) => n + r.sent, 0) || 1;
    const sum = (f: (r: Run) => number | null) =>
      list.some(r => f(r) === null) ? null : list.reduce((n, r) => n + (f(r) as number), 0) / total;
    return {
      op: list[0].op,
      connections: list[0].connections,
      target: list[0].target,
      rps: median(list.map(r => r.rps)),
      p50: median(list.map(r => r.p50)),
      p99: median(list.map(r => r.p99)),
      statementsPerRequest: sum(r => r.statements) as number,
      dbCpuMsPerRequest: sum(r => r.dbCpuMs) ?? sum(r => r.dbProcessCpuMs),
      nodeCpuMsPerRequest: sum(r => r.nodeCpuMs),
      dbProcessCpuMsPerRequest: sum(r => r.dbProcessCpuMs),
      failures: list.reduce((n, r) => n + r.failures, 0),
    };
  });
}

const fmt = (n: number | null | undefined, digits = 1) =>
  n === null || n === undefined || !Number.isFinite(n) ? "–" : n.toFixed(digits);
const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a == null || b == null || b === 0 ? "–" : `${(a / b).toFixed(2)}×`;

interface Report {
  startedAt: string;
  settings: Omit<Settings, "scale" | "serverUrl"> & { scale: Scale };
  machine: Record<string, unknown>;
  loadGenerator: LoadGenerator;
  /** taskset CPU lists (servers, generator); null when unpinned. */
  placement: { servers: string; generator: string; database: string } | null;
  dataset: Dataset;
  compared: { name: string; bytes: number }[];
  probe: { op: string; crosstalk: number; ceiling: number | null }[];
  /** Crosstalk-only operations (cached reads) and the ceiling operation each is compared with. */
  cached: { op: string; reference: string }[];
  /** Whether statements and database CPU are per server (userstat) or server-wide. */
  perAccount: boolean;
  runs: Run[];
  summary: Summary[];
  peakRssMb: { crosstalk: number | null; ceiling: number | null };
  /** The articles pages' interleaved spread runs, or null when not measured. */
  spread: Spread | null;
  targets: { what: string; value: string; target: string; met: boolean | null }[];
}

/** The issue's targets at c=10 (or the middle concurrency measured), from the summary. */
function targets(report: Omit<Report, "targets">): Report["targets"] {
  const c = targetConcurrency(report.settings.connections);
  const get = (op: string, t: Target["name"]) =>
    report.summary.find(s => s.op === op && s.target === t && s.connections === c);
  const probe = (op: string) => report.probe.find(p => p.op === op);
  const out: Report["targets"] = [];
  const add = (what: string, value: number | null, target: string, met: boolean | null) =>
    out.push({ what: `${what} (c=${c})`, value: fmt(value, 2), target, met });
  const px = get("program page", "crosstalk");
  const pc = get("program page", "ceiling");
  if (px && pc) {
    add(
      "program page throughput, ratio to ceiling",
      px.rps / pc.rps,
      "≥ 0.5",
      px.rps / pc.rps >= 0.5,
    );
    add("program page p99, ratio to ceiling", px.p99 / pc.p99, "≤ 2", px.p99 / pc.p99 <= 2);
    if (px.dbCpuMsPerRequest !== null && pc.dbCpuMsPerRequest !== null) {
      const r = px.dbCpuMsPerRequest / pc.dbCpuMsPerRequest;
      add("program page database CPU, ratio to ceiling", r, "≤ 1.5", r <= 1.5);
    }
  }
  const sp = probe("program page");
  if (sp && sp.ceiling !== null) {
    const over = sp.crosstalk - sp.ceiling;
    add("program page statements over the ceiling's", over, "≤ 1", over <= 1);
  }
  const articlePages = report.settings.scale.articlePages.map(p =>
    get(`articles page ${p.toLocaleString("en")}`, "crosstalk"),
  );
  if (articlePages.every(Boolean)) {
    const rates = articlePages.map(a => (a as Summary).rps);
    const overRounds = Math.max(...rates) / Math.min(...rates) - 1;
    const interleaved = report.spread?.servers.crosstalk.spread;
    if (interleaved === undefined) {
      add("articles pages, spread of throughput", overRounds, "≤ 0.2", overRounds <= 0.2);
    } else {
      add(
        `articles pages, spread of throughput, interleaved runs (the ceiling's: ${fmt(report.spread?.servers.ceiling.spread, 2)}; ` +
          `medians over rounds: ${fmt(overRounds, 2)})`,
        interleaved,
        "≤ 0.2",
        interleaved <= 0.2,
      );
    }
    if (px) {
      const worst = Math.min(...rates) / px.rps;
      add("slowest articles page, ratio to program page", worst, "≥ 0.5", worst >= 0.5);
    }
  }
  const rare = get("search, rare word", "crosstalk");
  const common = get("search, common word", "crosstalk");
  if (rare && common) {
    add(
      "common-word search, ratio to rare word",
      common.rps / rare.rps,
      "≥ 0.33",
      common.rps / rare.rps >= 1 / 3,
    );
  }
  for (const { op, reference } of report.cached) {
    const x = get(op, "crosstalk");
    const h = get(reference, "ceiling");
    const statements = probe(op)?.crosstalk ?? null;
    if (!x || !h) continue;
    const r = x.rps / h.rps;
    add(
      `${op}: throughput over the ceiling's uncached ${reference} (statements: ${fmt(statements, 0)})`,
      r,
      "≥ 3, 0 statements",
      r >= 3 && statements === 0,
    );
  }
  const peak = report.peakRssMb.crosstalk;
  out.push({
    what: `Crosstalk peak RSS, MB (after every run${report.settings.connections.includes(50) ? ", c=50 included" : ""})`,
    value: fmt(peak, 0),
    target: "≤ 200",
    met: peak === null ? null : peak <= 200,
  });
  return out;
}

/** The figures of one table row: Crosstalk (x) against the ceiling (h). */
function cells(x: Summary, h: Summary): string {
  return [
    fmt(x.rps, 0),
    fmt(h.rps, 0),
    `**${ratio(x.rps, h.rps)}**`,
    `${fmt(x.p50)} / ${fmt(h.p50)}`,
    `${fmt(x.p99)} / ${fmt(h.p99)}`,
    ratio(x.p99, h.p99),
    `${fmt(x.statementsPerRequest)} / ${fmt(h.statementsPerRequest)}`,
    `${fmt(x.dbCpuMsPerRequest, 2)} / ${fmt(h.dbCpuMsPerRequest, 2)}`,
    `${fmt(x.dbProcessCpuMsPerRequest, 2)} / ${fmt(h.dbProcessCpuMsPerRequest, 2)}`,
    `${fmt(x.nodeCpuMsPerRequest, 2)} / ${fmt(h.nodeCpuMsPerRequest, 2)}`,
  ].join(" | ");
}

const loads = (values: unknown) => (values as number[]).map(n => n.toFixed(2)).join(", ");

function markdown(report: Report): string {
  const s = report.settings;
  const lines: string[] = [
    `# Crosstalk benchmark, ${report.startedAt}`,
    "",
    `Scale **${s.scale.name}** (${Object.entries(report.dataset.rows)
      .filter(([t]) => ["conference", "session", "person", "article"].includes(t))
      .map(([t, n]) => `${n.toLocaleString("en")} ${t} rows`)
      .join(
        ", ",
      )}; program page of \`${report.dataset.programSlug}\` with ${report.dataset.programLength} sessions). ` +
      `${s.rounds} round(s) × ${s.duration} s per operation and server, concurrency ${s.connections.join(", ")}, ` +
      `interleaved (Crosstalk and ceiling alternate, and swap who goes first each round). ` +
      `Machine: ${String(report.machine.cpus)} CPUs, Node ${String(report.machine.node)}, ${String(report.machine.database)}.` +
      (Object.keys(s.crosstalkEnv).length
        ? ` Crosstalk's own settings: ${Object.entries(s.crosstalkEnv)
            .map(([k, v]) => `\`${k}=${v}\``)
            .join(", ")}.`
        : ""),
    "",
    "Ratios are Crosstalk ÷ ceiling. Throughput and latency are medians over rounds; statements and CPU",
    "are totals over all rounds ÷ requests.",
    "",
    `Load generator: ${report.loadGenerator.version}` +
      (report.loadGenerator.name === "wrk" ? `, ${report.loadGenerator.threads} thread(s)` : "") +
      ". Placement: " +
      (report.placement
        ? `both servers pinned to CPU ${report.placement.servers} and the load generator (with the bench) ` +
          `to CPU ${report.placement.generator} (taskset); the database is ${report.placement.database}.`
        : "unpinned (every process may run on every CPU)."),
    `Load average (1, 5, 15 min) at the start: ${loads(report.machine.loadAverageAtStart)}; at the end: ${loads(report.machine.loadAverage)}.`,
    report.perAccount
      ? "Statements and database CPU are MariaDB's own per-account counters (`userstat`; each server " +
        "connects with its own account), so other clients of the database do not count. The mariadbd " +
        "column is the whole database process's CPU (/proc), which does include them."
      : "Statements (`Questions`) and database CPU (the mariadbd process) are server-wide, so other " +
        "clients of the same server add noise; the probe columns count statements one request at a " +
        "time (the smallest of 7 tries), which removes most of it.",
    "",
    "## Correctness (checked before timing)",
    "",
    "Every operation's body was byte-identical between Crosstalk and the ceiling (cursor values are",
    "not selected by measured operations; each server's own cursors were obtained by walking its pages):",
    "",
    "| Operation | Bytes | Statements/request, Crosstalk | ceiling |",
    "|---|---:|---:|---:|",
    ...report.compared.map(c => {
      const p = report.probe.find(x => x.op === c.name);
      return `| ${c.name} | ${c.bytes.toLocaleString("en")} | ${fmt(p?.crosstalk)} | ${fmt(p?.ceiling)} |`;
    }),
    "",
    report.cached.length
      ? `Cached reads, Crosstalk only (the GET's body equals the POST's): ${report.cached
          .map(
            c =>
              `${c.op}, ${fmt(report.probe.find(p => p.op === c.op)?.crosstalk)} statements/request`,
          )
          .join("; ")}.`
      : "",
    "",
  ];
  for (const c of s.connections) {
    lines.push(
      `## Concurrency ${c}`,
      "",
      "| Operation | req/s Crosstalk | req/s ceiling | ratio | p50 ms X / C | p99 ms X / C | p99 ratio | statements/req X / C | DB CPU ms/req X / C | mariadbd CPU ms/req X / C | Node CPU ms/req X / C |",
      "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    );
    for (const op of [...new Set(report.summary.map(r => r.op))]) {
      const x = report.summary.find(
        r => r.op === op && r.connections === c && r.target === "crosstalk",
      );
      const h = report.summary.find(
        r => r.op === op && r.connections === c && r.target === "ceiling",
      );
      if (!x || !h) continue;
      const failed = x.failures || h.failures ? ` (failures: ${x.failures} / ${h.failures})` : "";
      lines.push(`| ${op}${failed} | ${cells(x, h)} |`);
    }
    for (const { op, reference } of report.cached) {
      const x = report.summary.find(r => r.op === op && r.connections === c);
      const h = report.summary.find(
        r => r.op === reference && r.connections === c && r.target === "ceiling",
      );
      if (!x || !h) continue;
      const failed = x.failures ? ` (failures: ${x.failures})` : "";
      lines.push(
        `| ${op}, Crosstalk only, vs the ceiling's uncached ${reference}${failed} | ${cells(x, h)} |`,
      );
    }
    lines.push("");
  }
  const spread = report.spread;
  if (spread) {
    const x = spread.servers.crosstalk;
    const h = spread.servers.ceiling;
    const failures = x.failures || h.failures ? ` Failures: ${x.failures} / ${h.failures}.` : "";
    lines.push(
      `## Articles pages, interleaved (c=${spread.connections})`,
      "",
      `${x.rps.length} cycles, each running every page once on both servers for ${spread.windowSeconds} s, the`,
      "pages in forward order one cycle and in reverse the next, the servers' order swapped each cycle.",
      "A page's relative speed is its median, over cycles, of its throughput ÷ the geometric mean of its",
      "cycle: what slowed or sped a whole cycle cancels. Spread is the fastest ÷ the slowest, less one.",
      `The ceiling's pages cost the same, so its spread is the method's noise on this machine.${failures}`,
      "",
      "| Page | relative speed, Crosstalk | ceiling | median req/s Crosstalk | ceiling |",
      "|---|---:|---:|---:|---:|",
      ...spread.pages.map(
        (page, i) =>
          `| ${page} | ${fmt(x.relative[i], 3)} | ${fmt(h.relative[i], 3)} | ` +
          `${fmt(median(x.rps.map(r => r[i])), 0)} | ${fmt(median(h.rps.map(r => r[i])), 0)} |`,
      ),
      `| **spread** | **${fmt(x.spread, 2)}** | ${fmt(h.spread, 2)} | | |`,
      "",
    );
  }
  lines.push(
    "## Peak RSS (VmHWM, after all runs)",
    "",
    `Crosstalk ${fmt(report.peakRssMb.crosstalk, 0)} MB, ceiling ${fmt(report.peakRssMb.ceiling, 0)} MB.`,
    "",
    "## Targets (issue 10)",
    "",
    "| What | Measured | Target | Met |",
    "|---|---:|---:|:---:|",
    ...report.targets.map(
      t =>
        `| ${t.what} | ${t.value} | ${t.target} | ${t.met === null ? "–" : t.met ? "yes" : "no"} |`,
    ),
    "",
    report.cached.some(c => c.op.endsWith("304")) || report.cached.length === 0
      ? ""
      : "Not measured: 304s (Crosstalk sent no ETag, or did not answer a conditional GET with 304).",
    "",
  );
  return lines.join("\n");
}

/**
 * The cached-read operations, after checking that Crosstalk's anonymous GET answers the same bytes as
 * the POST, and whether it answers a conditional GET with 304 (only then is the 304 measured).
 */
async function cachedReads(
  crosstalk: Target,
  data: Dataset,
  ops: Operation[],
): Promise<Operation[]> {
  const page = ops.find(o => o.name === "program page");
  if (!page) return [];
  const viaPost = await post(crosstalk.base, page.requests(crosstalk.cursors as Cursors)[0]);
  const [get] = cachedOperations(data, null);
  const viaGet = await post(crosstalk.base, get.requests(crosstalk.cursors as Cursors)[0]);
  if (viaGet.status !== 200 || viaGet.text !== viaPost.text) {
    throw new MismatchError(
      `Crosstalk's GET of the program page differs from its POST (${viaGet.status}): ${viaGet.text.slice(0, 300)}`,
    );
  }
  let etag = viaGet.etag;
  if (etag) {
    // node:http, not fetch: fetch adds `cache-control: no-cache` to conditional requests, which
    // forbids a 304. The load generators send the headers as given, like a revalidating cache.
    const [, conditional] = cachedOperations(data, etag);
    const request = conditional.requests(crosstalk.cursors as Cursors)[0];
    const status = await new Promise<number | undefined>((resolve, reject) => {
      http
        .get(`${crosstalk.base}${getPath(request)}`, { headers: request.headers }, res => {
          res.resume();
          res.on("end", () => resolve(res.statusCode));
        })
        .on("error", reject);
    });
    if (status !== 304) etag = null;
  }
  return cachedOperations(data, etag);
}

/**
 * Waits (up to 30 minutes) until no other bench runs against this database server: another run's
 * DROP DATABASE and accounts would pull the data out from under this one. The lock is a named
 * MySQL lock held by the admin connection, so it goes when this run ends, however it ends.
 */
async function benchLock(admin: mysql.Connection, log: (message: string) => void): Promise<void> {
  const take = async (seconds: number) => {
    const [rows] = await admin.query("SELECT GET_LOCK(?, ?) AS got", [DATABASE, seconds]);
    return Number((rows as { got: unknown }[])[0]?.got) === 1;
  };
  if (await take(0)) return;
  log(`another bench is using ${DATABASE} on this database server: waiting for it to finish`);
  if (await take(1800)) return;
  await admin.end();
  throw new Error(`another bench held ${DATABASE} for 30 minutes; try again later`);
}

async function main(): Promise<void> {
  const s = settings();
  const startedAt = new Date().toISOString();
  const loadAtStart = os.loadavg();
  const log = (message: string) =>
    console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
  const admin = await mysql.createConnection({ uri: s.serverUrl });
  await benchLock(admin, log);
  let crosstalk: Target | undefined;
  let ceiling: Target | undefined;
  let undoAccounts: (() => Promise<void>) | undefined;
  let cleaned: Promise<void> | null = null;
  const cleanUp = () =>
    (cleaned ??= (async () => {
      await Promise.all([...spawned].map(stopChild));
      await undoAccounts?.();
      if (!s.keep) await admin.query(`DROP DATABASE IF EXISTS \`${DATABASE}\``);
      await admin.end();
    })());
  // Interrupted: still stop the servers, drop the accounts, restore userstat and drop the database.
  const interrupted = () => void cleanUp().finally(() => process.exit(130));
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    const [[version]] = (await admin.query("SELECT VERSION() AS v")) as unknown as [
      { v: string }[],
    ];
    log(`generating the ${s.scale.name} dataset into ${DATABASE}`);
    const generated = Date.now();
    const data = await prepareDatabase(s, admin, log);
    log(
      `generated in ${((Date.now() - generated) / 1000).toFixed(1)} s: ${JSON.stringify(data.rows)}`,
    );
    const perServer = await perServerAccounts(admin);
    undoAccounts = perServer?.undo;
    if (!perServer)
      log("no per-account counters (userstat): statements and DB CPU are server-wide");
    const meter = new DbMeter(admin, perServer !== null);
    const generator = loadGenerator(s.generator, s.placement?.generator ?? null);
    // The bench's own work (and autocannon, which runs in it) stays off the servers' CPUs.
    if (s.placement) pinSelf(s.placement.generator);
    log(
      `load generator: ${generator.version}; ` +
        (s.placement
          ? `servers on CPU ${s.placement.servers}, generator and bench on CPU ${s.placement.generator}`
          : "unpinned"),
    );
    const serverCpus = s.placement?.servers ?? null;
    crosstalk = await startChild(
      "crosstalk",
      path.join(ROOT, "dist", "src", "server", "main.js"),
      {
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl(s.serverUrl, perServer?.accounts.crosstalk),
        MIGRATE_ON_START: "false",
        SEED_ON_START: "false",
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
        // All load comes from one address: a per-client budget would turn most of it into 429s,
        // measured as if they were answers. The ceiling has no limits either.
        RATE_LIMIT_POINTS: "0",
        ...s.crosstalkEnv,
      },
      serverCpus,
    );
    ceiling = await startChild(
      "ceiling",
      path.join(__dirname, "ceiling", "main.js"),
      {
        NODE_ENV: "production",
        CEILING_DATABASE_URL: databaseUrl(s.serverUrl, perServer?.accounts.ceiling),
      },
      serverCpus,
    );
    log("walking both servers' pages for deep cursors");
    crosstalk.cursors = await walkCursors(crosstalk.base, s.scale, data);
    ceiling.cursors = await walkCursors(ceiling.base, s.scale, data);
    const ops = operations(s.scale, data).filter(
      o => s.only.length === 0 || s.only.some(text => o.name.includes(text)),
    );
    log("comparing every operation's JSON");
    const compared = await compareAll(
      { base: crosstalk.base, cursors: crosstalk.cursors },
      { base: ceiling.base, cursors: ceiling.cursors },
      ops,
    );
    const cached = await cachedReads(crosstalk, data, ops);
    const dbPid = findDatabasePid();
    if (dbPid === null) log("no single local mariadbd/mysqld process: database CPU not measured");
    const probe: Report["probe"] = [];
    for (const op of [...ops, ...cached]) {
      probe.push({
        op: op.name,
        crosstalk: await probeStatements(meter, crosstalk, op),
        ceiling: op.reference ? null : await probeStatements(meter, ceiling, op),
      });
    }
    const timed = [...ops, ...cached];
    const targetsOf = (op: Operation, round: number) => {
      if (op.reference) return [crosstalk as Target];
      const pair = [crosstalk as Target, ceiling as Target];
      return round % 2 === 0 ? pair : pair.reverse();
    };
    const runs: Run[] = [];
    for (const c of s.connections) {
      if (s.warmup > 0) {
        log(`warming up at c=${c}`);
        for (const op of timed) {
          for (const t of targetsOf(op, 0)) {
            await drive(generator, t, op, c, s.warmup);
            await settle(meter, t);
          }
        }
      }
      for (let round = 0; round < s.rounds; round++) {
        for (const op of timed) {
          for (const t of targetsOf(op, round)) {
            const run = await timedRun(generator, meter, dbPid, t, op, c, s.duration, round);
            runs.push(run);
            log(
              `c=${c} round ${round + 1}/${s.rounds} ${op.name} ${t.name}: ${fmt(run.rps, 0)} req/s, p99 ${fmt(run.p99)} ms`,
            );
          }
        }
      }
    }
    const pages = s.scale.articlePages
      .map(p => ops.find(o => o.name === `articles page ${p.toLocaleString("en")}`))
      .filter((o): o is Operation => o !== undefined);
    let spread: Spread | null = null;
    if (s.spreadCycles > 0 && pages.length > 1) {
      const c = targetConcurrency(s.connections);
      log(`articles pages' spread: ${s.spreadCycles} interleaved cycles at c=${c}`);
      spread = await articlesSpread(
        generator,
        meter,
        dbPid,
        pages,
        [crosstalk, ceiling],
        c,
        s.spreadCycles,
        Math.min(SPREAD_WINDOW_S, s.duration),
        log,
      );
    }
    const partial = {
      startedAt,
      settings: { ...s, serverUrl: undefined, scale: s.scale },
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        node: process.version,
        database: version?.v,
        loadAverageAtStart: loadAtStart,
        loadAverage: os.loadavg(),
      },
      loadGenerator: generator,
      placement: s.placement
        ? { ...s.placement, database: "unpinned (the database server is not the bench's to move)" }
        : null,
      dataset: data,
      compared,
      probe,
      cached: cached.map(o => ({ op: o.name, reference: o.reference as string })),
      perAccount: meter.perUser,
      runs,
      summary: summarise(runs),
      peakRssMb: {
        crosstalk: memoryMb(crosstalk.child.pid ?? null)?.peak ?? null,
        ceiling: memoryMb(ceiling.child.pid ?? null)?.peak ?? null,
      },
      spread,
    };
    const report: Report = { ...partial, targets: targets(partial) };
    fs.mkdirSync(RESULTS, { recursive: true });
    const stem = path.join(RESULTS, `bench-${s.scale.name}-${startedAt.replace(/[:.]/g, "-")}`);
    const md = markdown(report);
    fs.writeFileSync(`${stem}.json`, `${JSON.stringify(report, null, 2)}\n`);
    fs.writeFileSync(`${stem}.md`, md);
    console.log(md);
    log(`wrote ${path.relative(ROOT, stem)}.md and .json`);
  } finally {
    await cleanUp();
  }
}

main().catch(err => {
  if (err instanceof UsageError) {
    console.error(`${err.message}\n${USAGE}`);
    process.exit(2);
  }
  console.error(err instanceof MismatchError ? `ABORTED, nothing timed: ${err.message}` : err);
  process.exit(1);
});
