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

/** The server-wide statement counters: every client's statements, the bench's own included. */
export async function statementCounters(
  admin: Connection,
): Promise<{ questions: number; selects: number }> {
  const [rows] = await admin.query(
    "SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Com_select')",
  );
  const map = new Map(
    (rows as { Variable_name: string; Value: string }[]).map(r => [
      r.Variable_name,
      Number(r.Value),
    ]),
  );
  return { questions: map.get("Questions") ?? 0, selects: map.get("Com_select") ?? 0 };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
