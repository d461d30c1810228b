import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/core/paths";
import { migrate, openDataSource } from "../../src/db/data-source";
import { seedDemoData } from "../../src/db/seed/seed";
import { FAULTS_ENABLED, freePort, PrivateMariaDb } from "./private-mariadb";

const describeFaults = FAULTS_ENABLED ? describe : describe.skip;
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const READ = JSON.stringify({ query: `{ conferences(first: 3) { nodes { slug name } } }` });

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/**
 * Crosstalk as `npm start` runs it (dist/src/server/main.js), compiled once into a private
 * directory under dist/ so that no other test rebuilds the same files under its feet.
 */
describeFaults("a real Crosstalk process: start-up and SIGTERM", () => {
  let buildDir: string;
  const db = new PrivateMariaDb();
  let tmp = "";

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crosstalk-faults-proc-"));
    fs.mkdirSync(path.join(PROJECT_ROOT, "dist"), { recursive: true });
    buildDir = fs.mkdtempSync(path.join(PROJECT_ROOT, "dist", ".test-faults-"));
    const compile = new Promise<void>((resolve, reject) => {
      const tsc = spawn(
        process.execPath,
        [
          path.join(PROJECT_ROOT, "node_modules", "typescript", "bin", "tsc"),
          "-p",
          "tsconfig.build.json",
          "--outDir",
          path.join(buildDir, "dist"),
        ],
        { cwd: PROJECT_ROOT, stdio: "pipe" },
      );
      tsc.on("exit", code => (code === 0 ? resolve() : reject(new Error(`tsc exited ${code}`))));
    });
    await Promise.all([compile, db.init()]);
    const dataSource = await openDataSource({ engine: "mysql", url: db.url, sqlitePath: "" });
    await migrate(dataSource);
    await seedDemoData(dataSource);
    await dataSource.destroy();
  }, 150_000);

  afterAll(async () => {
    await db.destroy();
    if (buildDir) fs.rmSync(buildDir, { recursive: true, force: true });
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  function start(env: Record<string, string>): Run {
    const child = spawn(
      process.execPath,
      [path.join(buildDir, "dist", "src", "server", "main.js")],
      {
        cwd: tmp, // no .env here
        env: { PATH: process.env.PATH, NODE_ENV: "production", HOST: "127.0.0.1", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    let err = "";
    child.stdout!.on("data", d => (out += d));
    child.stderr!.on("data", d => (err += d));
    const exited = new Promise<number | null>(resolve => child.on("exit", code => resolve(code)));
    return { child, stdout: () => out, stderr: () => err, exited };
  }

  /** Waits for the process to exit; kills it (and fails) after `ms`. */
  async function exitCode(run: Run, ms: number): Promise<number | null> {
    const timer = setTimeout(() => run.child.kill("SIGKILL"), ms);
    const code = await run.exited;
    clearTimeout(timer);
    return code;
  }

  const jsonLines = (text: string) =>
    text
      .split("\n")
      .filter(Boolean)
      .map(line => JSON.parse(line) as Record<string, any>);

  async function waitReady(port: number): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
      if (res?.status === 200) return;
      await sleep(100);
    }
    throw new Error("Crosstalk did not become ready");
  }

  const postRead = (port: number) =>
    fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: READ,
      signal: AbortSignal.timeout(20_000),
    }).then(async res => ({ status: res.status, body: (await res.json()) as any }));

  describe("start-up", () => {
    it("reports every configuration error at once as JSON lines, and exits 1", async () => {
      const run = start({ PORT: "70000", LOG_LEVEL: "loud", DATABASE_URL: "mysql://u:pw@/" });
      expect(await exitCode(run, 40_000)).toBe(1);
      const lines = jsonLines(run.stdout());
      const problems = lines.filter(l => l.problem).map(l => l.problem as string);
      expect(problems).toHaveLength(3);
      expect(problems.join("\n")).toMatch(/PORT[^\n]*70000/);
      expect(problems.join("\n")).toMatch(/LOG_LEVEL[^\n]*loud/);
      expect(problems.join("\n")).toMatch(/DATABASE_URL/);
      expect(lines.every(l => l.level >= 50)).toBe(true);
    }, 45_000);

    it("retries an unreachable database with backoff, then exits naming the host only", async () => {
      const port = await freePort();
      const run = start({
        DATABASE_URL: `mysql://crosstalk:Sup3rSecretPw@127.0.0.1:${port}/crosstalk`,
        DB_START_RETRY_MS: "1500",
        PORT: String(await freePort()),
      });
      expect(await exitCode(run, 20_000)).toBe(1);
      const lines = jsonLines(run.stdout());
      const retries = lines.filter(l => l.attempt !== undefined);
      expect(retries.length).toBeGreaterThanOrEqual(2);
      expect(retries[1].retryInMs).toBeGreaterThan(retries[0].retryInMs);
      const fatal = lines.find(l => l.level === 60)!;
      expect(fatal.msg).toContain(`127.0.0.1:${port}`);
      expect(run.stdout() + run.stderr()).not.toContain("Sup3rSecretPw");
    }, 25_000);

    it("says clearly that the port is already in use", async () => {
      const blocker = net.createServer();
      await new Promise<void>(resolve => blocker.listen(0, "127.0.0.1", resolve));
      const port = (blocker.address() as net.AddressInfo).port;
      try {
        const run = start({ DATABASE_URL: db.url, PORT: String(port) });
        expect(await exitCode(run, 20_000)).toBe(1);
        const fatal = jsonLines(run.stdout()).find(l => l.level === 60)!;
        expect(fatal.msg).toBe(
          `port ${port} on 127.0.0.1 is already in use: stop the other process or set PORT`,
        );
      } finally {
        blocker.close();
      }
    }, 25_000);
  });

  describe("SIGTERM", () => {
    it("answers all 50 requests in flight, then exits 0", async () => {
      const port = await freePort();
      const run = start({
        DATABASE_URL: db.url,
        PORT: String(port),
        REQUEST_TIMEOUT_MS: "8000",
        SHUTDOWN_TIMEOUT_MS: "10000",
        DB_POOL_QUEUE_LIMIT: "200",
      });
      try {
        await waitReady(port);
        // Frozen, the database holds every request in flight until after SIGTERM.
        db.signal("SIGSTOP");
        const answers = Array.from({ length: 50 }, () => postRead(port));
        // Time for a busy machine to accept all 50 connections (well within the 8 s budget).
        await sleep(2500);
        // A readiness check in flight when the signal comes (its ping waits on the frozen database,
        // for at most 1.5 s) must answer "stopping".
        const readiness = fetch(`http://127.0.0.1:${port}/readyz`);
        await sleep(300);
        run.child.kill("SIGTERM");
        // Thaw the database only once the process has begun to drain (on a busy machine the signal
        // may take a while to reach its event loop), so the readiness check sees the shutdown.
        await until(() => run.stdout().includes("draining requests"), 20_000);
        db.signal("SIGCONT");
        const results = await Promise.all(answers);
        expect(results.map(r => r.status)).toEqual(Array(50).fill(200));
        for (const r of results) expect(r.body.data.conferences.nodes).toHaveLength(3);
        const ready = await readiness;
        expect(ready.status).toBe(503);
        expect(await ready.json()).toMatchObject({ status: "stopping" });
        expect(await exitCode(run, 15_000)).toBe(0);
        const stopped = jsonLines(run.stdout()).find(l => l.exitCode !== undefined)!;
        expect(stopped).toMatchObject({ completed: 51, refused: 0, cut: 0, exitCode: 0 });
      } finally {
        db.signal("SIGCONT");
        run.child.kill("SIGKILL");
      }
    }, 60_000);

    it("answers JSON 503 to what cannot finish in the grace period, and exits 2", async () => {
      const port = await freePort();
      const run = start({
        DATABASE_URL: db.url,
        PORT: String(port),
        REQUEST_TIMEOUT_MS: "3000",
        SHUTDOWN_TIMEOUT_MS: "4000",
        HTTP_BODY_TIMEOUT_MS: "30000",
      });
      try {
        await waitReady(port);
        expect((await postRead(port)).status).toBe(200); // warm
        // Three clients whose bodies trickle in far slower than the grace period allows.
        const slow = [0, 1, 2].map(() => slowUpload(port));
        await sleep(1000);
        run.child.kill("SIGTERM");
        for (const answer of await Promise.all(slow)) {
          expect(answer).toMatch(/^HTTP\/1\.1 503/);
          const body = JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4));
          expect(body.errors[0].extensions.code).toBe("SERVICE_UNAVAILABLE");
        }
        expect(await exitCode(run, 15_000)).toBe(2);
        const stopped = jsonLines(run.stdout()).find(l => l.exitCode !== undefined)!;
        expect(stopped).toMatchObject({ cut: 0, exitCode: 2 });
        expect(stopped.refused).toBeGreaterThanOrEqual(3);
      } finally {
        run.child.kill("SIGKILL");
      }
    }, 60_000);
  });
});

/** Polls `done` every 50 ms; fails after `ms`. */
async function until(done: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await sleep(50);
  }
}

/** A POST whose body arrives one byte every 500 ms; resolves with whatever the server answered. */
function slowUpload(port: number): Promise<string> {
  return new Promise(resolve => {
    const socket = net.connect(port, "127.0.0.1");
    let received = "";
    const timer = setInterval(() => socket.write("{"), 500);
    socket.on("data", d => (received += d.toString()));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearInterval(timer);
      resolve(received);
    });
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${READ.length}\r\n\r\n`,
    );
  });
}
