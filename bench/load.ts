import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";

/** One HTTP request as the load generator sends it. */
export interface LoadRequest {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** What one timed run of a load generator measured. */
export interface LoadResult {
  /** Responses received. */
  requests: number;
  /** Requests sent, those still in flight at the end included. */
  sent: number;
  seconds: number;
  /** Latency percentiles, ms. */
  p50: number;
  p99: number;
  /** Responses by HTTP status. */
  statuses: Record<string, number>;
  /** Connection errors and timeouts (no response at all). */
  errors: number;
}

/** The load generator a run uses and, when the bench pins processes, where each runs. */
export interface LoadGenerator {
  name: "wrk" | "autocannon";
  /** `wrk 4.1.0 …` or `autocannon 8.x (in the bench's own process)`. */
  version: string;
  /** CPUs the generator is pinned to (`taskset`), or null when unpinned. */
  cpus: string | null;
  /** wrk threads (one per generator CPU); autocannon runs in one thread. */
  threads: number;
}

/** Whether an executable is on PATH. */
export function onPath(command: string): boolean {
  return (process.env.PATH ?? "")
    .split(path.delimiter)
    .some(dir => dir !== "" && isExecutable(path.join(dir, command)));
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The generator asked for (`wrk` when on PATH, else autocannon), pinned to `cpus` if given. */
export function loadGenerator(
  asked: "wrk" | "autocannon" | undefined,
  cpus: string | null,
): LoadGenerator {
  const name = asked ?? (onPath("wrk") ? "wrk" : "autocannon");
  if (name === "wrk") {
    if (!onPath("wrk"))
      throw new Error("--generator wrk: wrk is not on PATH (apt-get install wrk)");
    // `wrk -v` prints its version and usage, and exits 1.
    let version = "wrk";
    try {
      execFileSync("wrk", ["-v"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (err) {
      const out = String((err as { stdout?: unknown }).stdout ?? "");
      version = /^wrk \S+(?: \[\w+\])?/.exec(out)?.[0] ?? version;
    }
    return { name, version, cpus, threads: cpus === null ? 1 : cpuCount(cpus) };
  }
  const { version } = JSON.parse(
    fs.readFileSync(require.resolve("autocannon/package.json"), "utf8"),
  ) as { version: string };
  return { name, version: `autocannon ${version} (in the bench's process)`, cpus, threads: 1 };
}

/** How many CPUs a taskset list (`0`, `2,3`, `4-7`) names. */
export function cpuCount(list: string): number {
  return list.split(",").reduce((n, part) => {
    const [from, to] = part.split("-").map(Number);
    return n + (to === undefined ? 1 : to - from + 1);
  }, 0);
}

/**
 * The default placement on this machine: the last quarter of the CPUs (at least one) for the load
 * generator, the rest for the two servers; null (unpinned) without taskset or with one CPU.
 */
export function defaultPlacement(): { servers: string; generator: string } | null {
  const n = os.availableParallelism();
  if (n < 2 || !onPath("taskset")) return null;
  const generator = Math.max(1, Math.floor(n / 4));
  const range = (from: number, to: number) => (from === to ? `${from}` : `${from}-${to}`);
  return { servers: range(0, n - generator - 1), generator: range(n - generator, n - 1) };
}

/** A command line run on `cpus` through taskset, or as is when unpinned. */
export function pinned(cpus: string | null, command: string, args: string[]): [string, string[]] {
  return cpus === null ? [command, args] : ["taskset", ["-c", cpus, command, ...args]];
}

/** Pins every thread of this process (the bench, hence autocannon) to `cpus`. */
export function pinSelf(cpus: string): void {
  execFileSync("taskset", ["-a", "-p", "-c", cpus, String(process.pid)], { stdio: "ignore" });
}

/** Drives `base` with `requests` (in turn, on every connection) for `duration` seconds. */
export async function driveLoad(
  generator: LoadGenerator,
  base: string,
  requests: LoadRequest[],
  connections: number,
  duration: number,
): Promise<LoadResult> {
  return generator.name === "wrk"
    ? driveWrk(generator, base, requests, connections, duration)
    : driveAutocannon(base, requests, connections, duration);
}

async function driveAutocannon(
  base: string,
  requests: LoadRequest[],
  connections: number,
  duration: number,
): Promise<LoadResult> {
  const result = await autocannon({ url: base, connections, duration, requests });
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) {
    statuses[code] = count ?? 0;
  }
  return {
    requests: result.requests.total,
    sent: (result.requests as { sent?: number }).sent ?? result.requests.total,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses,
    errors: result.errors + result.timeouts,
  };
}

/** A Lua string literal of any text (bytes outside printable ASCII as decimal escapes). */
function lua(text: string): string {
  let out = '"';
  for (const byte of Buffer.from(text, "utf8")) {
    out +=
      byte >= 0x20 && byte < 0x7f && byte !== 0x22 && byte !== 0x5c
        ? String.fromCharCode(byte)
        : `\\${String(byte).padStart(3, "0")}`;
  }
  return `${out}"`;
}

/**
 * The wrk script of a run: every connection sends the requests in turn (wrk.format, built once per
 * thread), counts what it sent and the statuses it got, and `done` prints one JSON line with the
 * totals and the latency percentiles.
 */
export function wrkScript(host: string, requests: LoadRequest[]): string {
  const formatted = requests.map(r => {
    const headers = Object.entries({ Host: host, ...r.headers })
      .map(([name, value]) => `[${lua(name)}] = ${lua(value)}`)
      .join(", ");
    return `wrk.format(${lua(r.method)}, ${lua(r.path)}, { ${headers} }, ${r.body === undefined ? "nil" : lua(r.body)})`;
  });
  return `-- written by bench/load.ts for one run
local threads = {}
function setup(thread) table.insert(threads, thread) end

local requests, at = nil, 0
sent, statuses = 0, {}
function init(args)
  requests = { ${formatted.join(",\n    ")} }
end
function request()
  at = at % #requests + 1
  sent = sent + 1
  return requests[at]
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, _)
  local total, byStatus = 0, {}
  for _, thread in ipairs(threads) do
    total = total + thread:get("sent")
    for status, n in pairs(thread:get("statuses")) do
      byStatus[status] = (byStatus[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(byStatus) do table.insert(parts, string.format('"%d":%d', status, n)) end
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests":%d,"sent":%d,"micros":%d,"p50":%d,"p99":%d,"errors":%d,"statuses":{%s}}\\n',
    summary.requests, total, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, table.concat(parts, ",")))
end
`;
}

async function driveWrk(
  generator: LoadGenerator,
  base: string,
  requests: LoadRequest[],
  connections: number,
  duration: number,
): Promise<LoadResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosstalk-bench-"));
  const script = path.join(dir, "run.lua");
  try {
    fs.writeFileSync(script, wrkScript(new URL(base).host, requests));
    const threads = Math.min(generator.threads, connections);
    const [command, args] = pinned(generator.cpus, "wrk", [
      `-t${threads}`,
      `-c${connections}`,
      `-d${duration}s`,
      "--timeout",
      "10s",
      "-s",
      script,
      base,
    ]);
    const [out, err] = await new Promise<[string, string]>((resolve, reject) => {
      const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
      child.once("error", reject);
      child.once("close", code =>
        code === 0
          ? resolve([stdout, stderr])
          : reject(new Error(`wrk exited ${code}: ${stderr}${stdout}`)),
      );
    });
    const line = /^WRK_RESULT (.*)$/m.exec(out);
    // wrk runs on after a script error, and says so on stderr only.
    if (!line) throw new Error(`wrk printed no result: ${err}${out}`);
    const r = JSON.parse(line[1]) as {
      requests: number;
      sent: number;
      micros: number;
      p50: number;
      p99: number;
      errors: number;
      statuses: Record<string, number>;
    };
    return {
      requests: r.requests,
      sent: Math.max(r.sent, r.requests),
      seconds: r.micros / 1e6,
      p50: r.p50 / 1000,
      p99: r.p99 / 1000,
      statuses: r.statuses,
      errors: r.errors,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
