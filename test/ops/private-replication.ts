import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import mysql from "mysql2/promise";
import { freePort } from "../faults/private-mariadb";

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * One private mariadbd: its own temporary data directory, port and socket (`--no-defaults`, so
 * nothing is shared with the server at 3306), with a binary log and GTIDs for replication.
 */
class ReplicationNode {
  dir = "";
  port = 0;
  private child: ChildProcess | null = null;

  constructor(private readonly serverId: number) {}

  get url(): string {
    return `mysql://root:@127.0.0.1:${this.port}/crosstalk`;
  }

  async start(): Promise<void> {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `crosstalk-replication-${this.serverId}-`));
    this.port = await freePort();
    const data = path.join(this.dir, "data");
    const install = spawnSync(
      "mariadb-install-db",
      [
        "--no-defaults",
        `--datadir=${data}`,
        "--auth-root-authentication-method=normal",
        "--skip-test-db",
        "--user=root",
      ],
      { encoding: "utf8", timeout: 60_000 },
    );
    if (install.status !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr}`);
    const log = fs.openSync(path.join(this.dir, "mariadbd.log"), "a");
    this.child = spawn(
      "/usr/sbin/mariadbd",
      [
        "--no-defaults",
        `--datadir=${data}`,
        `--port=${this.port}`,
        "--bind-address=127.0.0.1",
        `--socket=${path.join(this.dir, "mariadbd.sock")}`,
        `--pid-file=${path.join(this.dir, "mariadbd.pid")}`,
        "--user=root",
        "--skip-grant-tables",
        "--skip-name-resolve",
        `--server-id=${this.serverId}`,
        `--log-bin=${path.join(data, "binlog")}`,
        "--binlog-format=ROW",
        "--innodb-buffer-pool-size=32M",
        "--innodb-log-file-size=16M",
      ],
      { stdio: ["ignore", log, log] },
    );
    fs.closeSync(log);
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        await (await this.connect()).end();
        return;
      } catch (err) {
        if (Date.now() > deadline || this.child.exitCode !== null) {
          const tail = fs.readFileSync(path.join(this.dir, "mariadbd.log"), "utf8").slice(-2000);
          throw new Error(`private mariadbd ${this.serverId} did not start: ${tail}`, {
            cause: err,
          });
        }
        await sleep(100);
      }
    }
  }

  /** An admin connection (no database selected). */
  connect() {
    return mysql.createConnection({
      host: "127.0.0.1",
      port: this.port,
      user: "root",
      connectTimeout: 2000,
      multipleStatements: true,
    });
  }

  /** Runs one statement on its own connection. */
  async query<T = Record<string, unknown>[]>(sql: string, params: unknown[] = []): Promise<T> {
    const c = await this.connect();
    try {
      const [rows] = await c.query(sql, params);
      return rows as T;
    } finally {
      await c.end();
    }
  }

  async destroy(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const gone = new Promise(resolve => child.once("exit", resolve));
      child.kill("SIGKILL");
      await gone;
    }
    this.child = null;
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * A private MariaDB primary and one replica, replicating by GTID (`CHANGE MASTER TO …
 * MASTER_USE_GTID=slave_pos`). The `crosstalk` database is created on the primary and reaches the
 * replica by replication. `destroy` kills both and deletes their data (call it in afterAll).
 */
export class PrivateReplicaPair {
  readonly primary = new ReplicationNode(1);
  readonly replica = new ReplicationNode(2);

  async start(): Promise<void> {
    await Promise.all([this.primary.start(), this.replica.start()]);
    await this.replica.query(
      `CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=${this.primary.port}, ` +
        "MASTER_USER='root', MASTER_PASSWORD='', MASTER_CONNECT_RETRY=1, MASTER_USE_GTID=slave_pos",
    );
    await this.replica.query("START SLAVE");
    await this.primary.query(
      "CREATE DATABASE crosstalk CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
    );
    await this.caughtUp();
  }

  /** Waits until the replica has applied everything the primary has logged so far (at most 60 s). */
  async caughtUp(): Promise<void> {
    const [{ pos }] = await this.primary.query<{ pos: string }[]>(
      "SELECT @@gtid_binlog_pos AS pos",
    );
    const [{ waited }] = await this.replica.query<{ waited: number }[]>(
      "SELECT MASTER_GTID_WAIT(?, 60) AS waited",
      [pos],
    );
    if (Number(waited) !== 0) {
      const status = await this.replica.query("SHOW SLAVE STATUS");
      throw new Error(`the replica did not catch up with ${pos}: ${JSON.stringify(status)}`);
    }
  }

  async destroy(): Promise<void> {
    await Promise.allSettled([this.primary.destroy(), this.replica.destroy()]);
  }
}
