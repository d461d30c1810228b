import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import mysql from "mysql2/promise";

/** Where ports handed out by `freePort` are reserved across Jest workers (one folder per port). */
const PORT_RESERVATIONS = path.join(os.tmpdir(), "crosstalk-test-ports");
const reserved = new Set<number>();
process.on("exit", () => {
  for (const port of reserved)
    fs.rmSync(path.join(PORT_RESERVATIONS, String(port)), { force: true, recursive: true });
});

/** True when a process holding a reservation is gone (its reservation may be taken over). */
function reservationIsStale(dir: string): boolean {
  try {
    const pid = Number(fs.readFileSync(path.join(dir, "pid"), "utf8"));
    if (!pid) return true;
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (
      (err as NodeJS.ErrnoException).code === "ESRCH" ||
      (err as NodeJS.ErrnoException).code === "ENOENT"
    );
  }
}

async function bindable(port: number): Promise<boolean> {
  const server = net.createServer();
  return new Promise(resolve => {
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/**
 * A TCP port on 127.0.0.1 for a server the test starts, stops and starts again (a private mariadbd,
 * a Galera node, Redis). It is taken below the kernel's ephemeral range (32768+), so no `listen(0)`
 * and no outgoing connection can land on it while its server is down between a kill and a restart,
 * and it is reserved (a folder per port, removed when the process exits) so that two test files
 * running at once never share one.
 */
export async function freePort(): Promise<number> {
  fs.mkdirSync(PORT_RESERVATIONS, { recursive: true });
  for (let attempt = 0; attempt < 500; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 12000);
    if (port === 25672) continue; // RabbitMQ's distribution port
    const dir = path.join(PORT_RESERVATIONS, String(port));
    try {
      fs.mkdirSync(dir);
    } catch {
      if (!reservationIsStale(dir)) continue;
      fs.rmSync(dir, { force: true, recursive: true });
      continue;
    }
    fs.writeFileSync(path.join(dir, "pid"), String(process.pid));
    if (await bindable(port)) {
      reserved.add(port);
      return port;
    }
    fs.rmSync(dir, { force: true, recursive: true });
  }
  throw new Error("no free port found below the ephemeral range");
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * A MariaDB server of the test's own: its own data directory (in a temporary folder), port and
 * socket, started with `--no-defaults` so it shares nothing with the server at 3306. The test may
 * SIGKILL, SIGSTOP and SIGCONT it, and start it again on the same data.
 */
export class PrivateMariaDb {
  /** The server's folder (data, socket, log), made by `init`. */
  dir = "";
  port = 0;
  private child: ChildProcess | null = null;

  get url(): string {
    return `mysql://root:@127.0.0.1:${this.port}/crosstalk`;
  }

  get pid(): number {
    if (!this.child?.pid) throw new Error("the private mariadbd is not running");
    return this.child.pid;
  }

  /** Creates the data directory and the `crosstalk` database, and starts the server. */
  async init(): Promise<void> {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosstalk-faults-db-"));
    this.port = await freePort();
    const install = spawnSync(
      "mariadb-install-db",
      [
        "--no-defaults",
        `--datadir=${path.join(this.dir, "data")}`,
        "--auth-root-authentication-method=normal",
        "--skip-test-db",
        "--user=root",
      ],
      { encoding: "utf8", timeout: 60_000 },
    );
    if (install.status !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr}`);
    await this.start();
    const admin = await mysql.createConnection({
      host: "127.0.0.1",
      port: this.port,
      user: "root",
    });
    await admin.query("CREATE DATABASE crosstalk CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    await admin.end();
  }

  /** Starts mariadbd on the data directory and waits until it answers (at most 30 s). */
  async start(): Promise<void> {
    const log = fs.openSync(path.join(this.dir, "mariadbd.log"), "a");
    this.child = spawn(
      "/usr/sbin/mariadbd",
      [
        "--no-defaults",
        `--datadir=${path.join(this.dir, "data")}`,
        `--port=${this.port}`,
        "--bind-address=127.0.0.1",
        `--socket=${path.join(this.dir, "mariadbd.sock")}`,
        `--pid-file=${path.join(this.dir, "mariadbd.pid")}`,
        "--user=root",
        "--skip-grant-tables",
        "--skip-name-resolve",
        "--skip-log-bin",
        "--innodb-buffer-pool-size=32M",
        "--innodb-log-file-size=16M",
        // Durable commits: an acknowledged write must survive SIGKILL.
        "--innodb-flush-log-at-trx-commit=1",
      ],
      { stdio: ["ignore", log, log] },
    );
    fs.closeSync(log);
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const c = await mysql.createConnection({
          host: "127.0.0.1",
          port: this.port,
          user: "root",
          connectTimeout: 1000,
        });
        await c.end();
        return;
      } catch (err) {
        if (Date.now() > deadline || this.child.exitCode !== null) {
          throw new Error(`the private mariadbd did not start: ${(err as Error).message}`, {
            cause: err,
          });
        }
        await sleep(100);
      }
    }
  }

  /** Sends a signal to mariadbd. */
  signal(signal: NodeJS.Signals): void {
    process.kill(this.pid, signal);
  }

  /** SIGKILLs mariadbd and waits for it to be gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise(resolve => child.once("exit", resolve));
    child.kill("SIGKILL");
    await gone;
    this.child = null;
  }

  /** Stops the server (SIGCONT first, in case it is frozen) and deletes its data directory. */
  async destroy(): Promise<void> {
    if (this.child && this.child.exitCode === null) {
      try {
        this.child.kill("SIGCONT");
      } catch {
        // already gone
      }
    }
    await this.kill();
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Fault tests run in the MySQL pass only (they need mariadbd), never on SQLite. */
export const FAULTS_ENABLED = /^(mysql|mariadb):/i.test(process.env.TEST_DATABASE_URL ?? "");
