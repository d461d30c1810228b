import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import mysql from "mysql2/promise";
import { freePort } from "../faults/private-mariadb";

/** Where Debian's galera-4 puts the wsrep provider. */
export const GALERA_PROVIDER = "/usr/lib/galera/libgalera_smm.so";

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Why the cluster cannot be started on this machine, or null when it can. */
export function galeraMissing(): string | null {
  const need: [string, string][] = [
    [GALERA_PROVIDER, "galera-4"],
    ["/usr/sbin/mariadbd", "mariadb-server"],
    ["/usr/sbin/haproxy", "haproxy"],
  ];
  for (const [file, pkg] of need) {
    if (!fs.existsSync(file)) return `${file} is missing (apt-get install ${pkg})`;
  }
  for (const [tool, pkg] of [
    ["rsync", "rsync"],
    ["mariadb-install-db", "mariadb-server"],
    ["wsrep_sst_rsync", "mariadb-server"],
  ]) {
    if (spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0) {
      return `${tool} is not on PATH (apt-get install ${pkg})`;
    }
  }
  return null;
}

/** One node: its ports (client, group communication, IST, SST, health check) and its process. */
export class GaleraNode {
  child: ChildProcess | null = null;
  /** Times the node was started, for its log. */
  starts = 0;

  constructor(
    readonly name: string,
    readonly dir: string,
    readonly port: number,
    readonly gcommPort: number,
    readonly istPort: number,
    readonly sstPort: number,
    readonly checkPort: number,
  ) {}

  get cnf(): string {
    return path.join(this.dir, "my.cnf");
  }

  get errorLog(): string {
    return path.join(this.dir, "error.log");
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** A connection straight to this node (not through HAProxy), for checks. */
  connect(database?: string): Promise<mysql.Connection> {
    return mysql.createConnection({
      host: "127.0.0.1",
      port: this.port,
      user: "root",
      database,
      connectTimeout: 2000,
    });
  }

  /**
   * The node's wsrep_local_state_comment, or null when it does not answer. "Synced" only while it
   * also takes statements (`wsrep_ready`): during a view change a Synced node can still refuse them
   * ("WSREP has not yet prepared node for application use"), and is then reported as not ready.
   */
  async state(): Promise<string | null> {
    let c: mysql.Connection | undefined;
    try {
      c = await this.connect();
      const [rows] = await c.query(
        "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_state_comment', 'wsrep_ready')",
      );
      const status = new Map(
        (rows as { Variable_name: string; Value: string }[]).map(r => [
          r.Variable_name.toLowerCase(),
          String(r.Value),
        ]),
      );
      const comment = status.get("wsrep_local_state_comment") ?? "";
      return status.get("wsrep_ready") === "ON" ? comment : `${comment} (not ready)`;
    } catch {
      return null;
    } finally {
      await c?.end().catch(() => undefined);
    }
  }
}

/**
 * A private three-node MariaDB Galera cluster with HAProxy in front, all on ports and folders of its
 * own (never the shared server at 3306):
 *
 * - each node: `mariadbd --defaults-file=<dir>/my.cnf`, wsrep on, group communication, IST and SST
 *   (rsync) on private ports; the first bootstraps with `--wsrep-new-cluster`, the others join by
 *   state transfer; a node started again after a crash first recovers its position
 *   (`--wsrep-recover`) so that it catches up by IST (by SST if recovery finds none);
 * - a health check per node (HTTP, served by this process): 200 only while the node is Synced, as
 *   Galera's clustercheck scripts answer for HAProxy;
 * - HAProxy with one listener per Crosstalk process: `a` sends to n1 with n2 then n3 as backups, `b`
 *   to n2 with n3 then n1, so two processes write through different nodes and fail over.
 *
 * Every process is started in its own process group and killed with it, so nothing (not even an
 * rsync daemon of a state transfer) outlives `destroy`.
 */
export class GaleraCluster {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosstalk-galera-"));
  nodes: GaleraNode[] = [];
  /** HAProxy's listeners: `a` prefers n1, `b` prefers n2. */
  proxyPorts = { a: 0, b: 0 };
  private haproxy: ChildProcess | null = null;
  private checks: http.Server[] = [];
  /**
   * The OS user mariadbd runs as when the test runs as root: `mysql` (else `nobody`), because the
   * rsync daemon of a state transfer drops root and must be able to write the joiner's data.
   */
  private readonly user: string | null;

  constructor() {
    // Should the test process end without destroy (a crash), its children go with it.
    process.once("exit", () => this.killAllNow());
    this.user =
      process.getuid?.() !== 0
        ? null
        : spawnSync("id", ["mysql"]).status === 0
          ? "mysql"
          : "nobody";
  }

  /** A URL for Crosstalk through HAProxy's listener `a` or `b`. */
  url(listener: "a" | "b", database = "crosstalk"): string {
    return `mysql://root:@127.0.0.1:${this.proxyPorts[listener]}/${database}`;
  }

  /** Starts the three nodes, their health checks and HAProxy; resolves once all are Synced. */
  async start(): Promise<void> {
    const ports: number[] = [];
    while (ports.length < 5 * 3 + 2) {
      const p = await freePort();
      if (!ports.includes(p)) ports.push(p);
    }
    this.nodes = [0, 1, 2].map(i => {
      const dir = path.join(this.dir, `n${i + 1}`);
      fs.mkdirSync(path.join(dir, "data"), { recursive: true });
      const [port, gcomm, ist, sst, check] = ports.slice(i * 5, i * 5 + 5);
      return new GaleraNode(`n${i + 1}`, dir, port, gcomm, ist, sst, check);
    });
    this.proxyPorts = { a: ports[15], b: ports[16] };
    for (const node of this.nodes) fs.writeFileSync(node.cnf, this.cnf(node));
    this.chown(this.dir);

    // The system tables are made without the node's settings (no wsrep while bootstrapping them).
    const install = spawnSync(
      "mariadb-install-db",
      [
        "--no-defaults",
        `--datadir=${path.join(this.nodes[0].dir, "data")}`,
        "--auth-root-authentication-method=normal",
        "--skip-test-db",
        ...(this.user ? [`--user=${this.user}`] : []),
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    if (install.status !== 0) {
      throw new Error(
        `mariadb-install-db failed (status ${install.status}, signal ${install.signal}, ${install.error?.message ?? "no spawn error"}):\n${install.stdout}\n${install.stderr}`,
      );
    }

    this.spawnNode(this.nodes[0], ["--wsrep-new-cluster"]);
    await this.waitSynced(this.nodes[0], 60_000);
    // The joiners start with empty data directories and receive a full state transfer (rsync).
    for (const node of this.nodes.slice(1)) this.spawnNode(node, []);
    await Promise.all(this.nodes.slice(1).map(node => this.waitSynced(node, 120_000)));
    // Each join changed the cluster's view: the first node too is ready again before any statement.
    await Promise.all(this.nodes.map(node => this.waitSynced(node, 60_000)));
    await this.startChecks();
    await this.startHaproxy();
  }

  /** The my.cnf of one node. */
  private cnf(node: GaleraNode): string {
    const peers = this.nodes.map(n => `127.0.0.1:${n.gcommPort}`).join(",");
    const provider = [
      `gmcast.listen_addr=tcp://127.0.0.1:${node.gcommPort}`,
      `ist.recv_addr=127.0.0.1:${node.istPort}`,
      "gcache.size=64M",
      // A SIGKILLed node is suspected after 1.5 s and evicted soon after, so the others' commits do
      // not wait for it for long (the defaults, 5 s and 15 s, suit a WAN better than this test).
      "evs.keepalive_period=PT0.25S",
      "evs.inactive_check_period=PT0.25S",
      "evs.suspect_timeout=PT1.5S",
      "evs.inactive_timeout=PT3S",
      "evs.install_timeout=PT3S",
    ].join(";");
    return [
      "[mysqld]",
      `datadir=${path.join(node.dir, "data")}`,
      `port=${node.port}`,
      "bind-address=127.0.0.1",
      `socket=${path.join(node.dir, "mariadbd.sock")}`,
      `pid-file=${path.join(node.dir, "mariadbd.pid")}`,
      `log-error=${node.errorLog}`,
      ...(this.user ? [`user=${this.user}`] : []),
      "skip-name-resolve",
      "character-set-server=utf8mb4",
      "collation-server=utf8mb4_unicode_ci",
      "default-storage-engine=InnoDB",
      "binlog-format=ROW",
      "innodb-autoinc-lock-mode=2",
      "innodb-buffer-pool-size=32M",
      "innodb-log-file-size=16M",
      // Durable commits on each node; the cluster adds copies on the others.
      "innodb-flush-log-at-trx-commit=1",
      "max-connections=200",
      // Certification conflicts and brute-force aborts are logged with the statements involved.
      "wsrep-log-conflicts=ON",
      "wsrep-on=ON",
      // Causal reads: a read waits until the node has applied what the cluster committed before it.
      // After a failover one process's pool holds connections to two nodes, and a mutation's
      // read-back on the other one could otherwise miss the row it has just written.
      "wsrep-sync-wait=1",
      `wsrep-provider=${GALERA_PROVIDER}`,
      "wsrep-cluster-name=crosstalk_test",
      `wsrep-cluster-address=gcomm://${peers}`,
      `wsrep-node-name=${node.name}`,
      `wsrep-node-address=127.0.0.1:${node.gcommPort}`,
      `wsrep-provider-options="${provider}"`,
      "wsrep-sst-method=rsync",
      `wsrep-sst-receive-address=127.0.0.1:${node.sstPort}`,
      "",
    ].join("\n");
  }

  private chown(target: string): void {
    if (this.user) spawnSync("chown", ["-R", `${this.user}:`, target]);
  }

  private spawnNode(node: GaleraNode, args: string[]): void {
    const log = fs.openSync(path.join(node.dir, "stdout.log"), "a");
    node.child = spawn("/usr/sbin/mariadbd", [`--defaults-file=${node.cnf}`, ...args], {
      stdio: ["ignore", log, log],
      detached: true, // its own process group: SST scripts and rsync go down with it
    });
    node.child.on("error", () => undefined);
    node.starts++;
    fs.closeSync(log);
  }

  /** Polls the node until it is Synced; fails with the tail of its error log. */
  async waitSynced(node: GaleraNode, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if ((await node.state()) === "Synced") return;
      if (Date.now() > deadline || !node.running) {
        const tail = fs.existsSync(node.errorLog)
          ? fs.readFileSync(node.errorLog, "utf8").split("\n").slice(-30).join("\n")
          : "(no error log)";
        throw new Error(
          `${node.name} is not Synced (${node.running ? "still running" : "exited"}):\n${tail}`,
        );
      }
      await sleep(250);
    }
  }

  /** SIGKILLs a node (its whole process group) and waits until it is gone. */
  async kill(node: GaleraNode): Promise<void> {
    const child = node.child;
    if (!child || !node.running) return;
    const gone = new Promise(resolve => child.once("exit", resolve));
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
    await gone;
    node.child = null;
  }

  /**
   * Starts a killed node again as an operator would: recover the last committed position from
   * InnoDB (`--wsrep-recover`), start from it, and catch up by incremental state transfer. The
   * recovery run is itself a mariadbd start on a data directory killed mid-write, and has been
   * seen to crash now and then; it is tried twice, and if neither finds a position the node starts
   * without one and catches up by full state transfer (rsync), as a new joiner does.
   */
  async restart(node: GaleraNode): Promise<void> {
    const position = this.recoverPosition(node) ?? this.recoverPosition(node);
    this.spawnNode(node, position ? [`--wsrep-start-position=${position}`] : []);
  }

  /** The position `--wsrep-recover` finds in the node's InnoDB, or null (logged) if none. */
  private recoverPosition(node: GaleraNode): string | null {
    const recoverLog = path.join(node.dir, "recover.log");
    fs.rmSync(recoverLog, { force: true });
    const recover = spawnSync(
      "/usr/sbin/mariadbd",
      [`--defaults-file=${node.cnf}`, "--wsrep-recover", `--log-error=${recoverLog}`],
      { encoding: "utf8", timeout: 60_000 },
    );
    const log = fs.existsSync(recoverLog) ? fs.readFileSync(recoverLog, "utf8") : "";
    const position = /Recovered position: (\S+:-?\d+)/.exec(log)?.[1];
    if (recover.status === 0 && position) return position;
    console.warn(`${node.name}: --wsrep-recover found no position:\n${log.slice(-1000)}`);
    return null;
  }

  /** One HTTP health check per node: 200 while Synced, 503 otherwise (clustercheck's contract). */
  private async startChecks(): Promise<void> {
    for (const node of this.nodes) {
      const server = http.createServer((_req, res) => {
        node.state().then(
          state => {
            res.writeHead(state === "Synced" ? 200 : 503, { "content-type": "text/plain" });
            res.end(`${node.name} ${state ?? "down"}\n`);
          },
          () => {
            res.writeHead(503).end();
          },
        );
      });
      await new Promise<void>(resolve => server.listen(node.checkPort, "127.0.0.1", resolve));
      this.checks.push(server);
    }
  }

  private haproxyConfig(): string {
    const [n1, n2, n3] = this.nodes;
    const server = (node: GaleraNode, backup: boolean) =>
      `  server ${node.name} 127.0.0.1:${node.port} check port ${node.checkPort}${backup ? " backup" : ""}`;
    const listen = (name: string, port: number, order: GaleraNode[]) => [
      `listen crosstalk_${name}`,
      `  bind 127.0.0.1:${port}`,
      "  option httpchk",
      "  http-check send meth GET uri /",
      "  http-check expect status 200",
      server(order[0], false),
      server(order[1], true),
      server(order[2], true),
      "",
    ];
    return [
      "global",
      "  maxconn 1000",
      "defaults",
      "  mode tcp",
      "  timeout connect 1s",
      "  timeout client 30m",
      "  timeout server 30m",
      "  timeout check 1s",
      "  retries 3",
      "  option redispatch",
      // Two failed checks 0.5 s apart take a node out; its open sessions are cut at once.
      "  default-server inter 500ms fastinter 250ms downinter 500ms rise 2 fall 2 on-marked-down shutdown-sessions",
      "",
      ...listen("a", this.proxyPorts.a, [n1, n2, n3]),
      ...listen("b", this.proxyPorts.b, [n2, n3, n1]),
    ].join("\n");
  }

  private async startHaproxy(): Promise<void> {
    const cfg = path.join(this.dir, "haproxy.cfg");
    fs.writeFileSync(cfg, this.haproxyConfig());
    const check = spawnSync("/usr/sbin/haproxy", ["-c", "-f", cfg], { encoding: "utf8" });
    if (check.status !== 0) throw new Error(`haproxy -c: ${check.stdout}${check.stderr}`);
    const log = fs.openSync(path.join(this.dir, "haproxy.log"), "a");
    this.haproxy = spawn("/usr/sbin/haproxy", ["-db", "-f", cfg], {
      stdio: ["ignore", log, log],
      detached: true,
    });
    this.haproxy.on("error", () => undefined);
    fs.closeSync(log);
    const deadline = Date.now() + 30_000;
    for (const listener of ["a", "b"] as const) {
      for (;;) {
        try {
          const c = await mysql.createConnection({
            host: "127.0.0.1",
            port: this.proxyPorts[listener],
            user: "root",
            connectTimeout: 1000,
          });
          await c.end();
          break;
        } catch (err) {
          if (Date.now() > deadline) {
            throw new Error(`HAProxy did not answer: ${String(err)}`, { cause: err });
          }
          await sleep(200);
        }
      }
    }
  }

  private killAllNow(): void {
    for (const child of [this.haproxy, ...this.nodes.map(n => n.child)]) {
      if (!child?.pid || child.exitCode !== null || child.signalCode !== null) continue;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }

  /** Kills HAProxy and every node (process groups), closes the checks, deletes the folder. */
  async destroy(): Promise<void> {
    const children = [this.haproxy, ...this.nodes.map(n => n.child)].filter(
      (c): c is ChildProcess => !!c && c.exitCode === null && c.signalCode === null,
    );
    await Promise.all(
      children.map(child => {
        const gone = new Promise(resolve => child.once("exit", resolve));
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          return undefined;
        }
        return gone;
      }),
    );
    for (const node of this.nodes) node.child = null;
    this.haproxy = null;
    const keep = process.env.GALERA_KEEP_LOGS;
    if (keep) {
      // For a post-mortem: the nodes' and HAProxy's logs outlive the cluster.
      for (const file of ["n1/error.log", "n2/error.log", "n3/error.log", "haproxy.log"]) {
        const from = path.join(this.dir, file);
        const to = path.join(keep, file.replace("/", "-"));
        if (fs.existsSync(from)) fs.mkdirSync(keep, { recursive: true });
        if (fs.existsSync(from)) fs.copyFileSync(from, to);
      }
    }
    for (const s of this.checks) s.closeAllConnections();
    await Promise.all(this.checks.map(s => new Promise(resolve => s.close(resolve))));
    this.checks = [];
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
