import { execFileSync } from "node:child_process";
import fs from "node:fs";
import type { Connection } from "mysql2/promise";

/** Clock ticks per second of /proc/<pid>/stat times. */
export const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU of a process so far, in milliseconds (null when it cannot be read). */
export function cpuMs(pid: number | null): number | null {
  if (pid == null) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces) start at field 3; utime, stime: 14, 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Resident set size now and at its peak (VmRSS, VmHWM), in MB. */
export function memoryMb(pid: number | null): { rss: number; peak: number } | null {
  if (pid == null) return null;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (name: string) =>
      Number(new RegExp(`^${name}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
    return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
  } catch {
    return null;
  }
}

/** The database server's process on this machine (mariadbd or mysqld), if there is exactly one. */
export function findDatabasePid(): number | null {
  const found: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const comm = fs.readFileSync(`/proc/${entry}/comm`, "utf8").trim();
      if (comm === "mariadbd" || comm === "mysqld") found.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return found.length === 1 ? found[0] : null;
}

/** Statements run and database CPU spent so far, for one account or the whole server. */
export interface DbReading {
  statements: number;
  /** Milliseconds of CPU in the server's threads for this account; null when server-wide. */
  cpuMs: number | null;
}

/**
 * Reads the database's own counters. With `perUser` (MariaDB's `userstat` on, each server on its
 * own account), statements are the account's SELECT/UPDATE/OTHER commands and CPU its threads' CPU
 * time: exact even while other clients use the server. Without it, statements are the server-wide
 * `Questions`, which other clients inflate; the meter subtracts its own SHOW statements.
 */
export class DbMeter {
  private ownReads = 0;

  constructor(
    private readonly admin: Connection,
    readonly perUser: boolean,
  ) {}

  /** Statements of `user` executing right now (0 when counters are server-wide: unknown). */
  async running(user: string): Promise<number> {
    if (!this.perUser) return 0;
    const [rows] = await this.admin.query(
      "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE USER = ? AND COMMAND = 'Query'",
      [user],
    );
    return Number((rows as { n: unknown }[])[0]?.n ?? 0);
  }

  async read(user: string): Promise<DbReading> {
    if (this.perUser) {
      const [rows] = await this.admin.query(
        `SELECT SELECT_COMMANDS + UPDATE_COMMANDS + OTHER_COMMANDS AS n, CPU_TIME AS cpu
         FROM information_schema.USER_STATISTICS WHERE USER = ?`,
        [user],
      );
      const row = (rows as { n: unknown; cpu: unknown }[])[0];
      return { statements: Number(row?.n ?? 0), cpuMs: Number(row?.cpu ?? 0) * 1000 };
    }
    const [rows] = await this.admin.query("SHOW GLOBAL STATUS LIKE 'Questions'");
    this.ownReads += 1;
    const value = Number((rows as { Value: string }[])[0]?.Value ?? 0);
    return { statements: value - this.ownReads, cpuMs: null };
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * How far apart several operations' throughputs are, measured so that the machine's drift drops
 * out. `cycles[k][i]` is operation i's requests/s in cycle k, where every cycle ran each operation
 * once, close together in time. Each throughput is divided by its cycle's geometric mean (what
 * slowed or sped the whole cycle cancels), each operation's median over the cycles is its
 * `relative` speed, and `spread` is the fastest over the slowest, less one, as in the report's
 * other spread. Throws on an empty or ragged table, or a throughput that is not positive.
 */
export function pairedSpread(cycles: number[][]): { relative: number[]; spread: number } {
  const width = cycles[0]?.length ?? 0;
  if (width === 0) throw new RangeError("pairedSpread needs at least one cycle of one operation");
  for (const cycle of cycles) {
    if (cycle.length !== width) throw new RangeError("every cycle must measure every operation");
    if (cycle.some(rps => !(rps > 0))) throw new RangeError("throughputs must be positive");
  }
  const shares = cycles.map(cycle => {
    const mean = Math.exp(cycle.reduce((n, rps) => n + Math.log(rps), 0) / width);
    return cycle.map(rps => rps / mean);
  });
  const relative = Array.from({ length: width }, (_, i) => median(shares.map(s => s[i])));
  return { relative, spread: Math.max(...relative) / Math.min(...relative) - 1 };
}
