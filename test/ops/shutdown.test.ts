import http from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { GracefulShutdown } from "../../src/server/shutdown";

const log = pino({ level: "silent" });
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** A server whose answers depend on the path: quick, late, never, or begun and never finished. */
async function serve() {
  const server = http.createServer((req, res) => {
    if (req.url === "/quick") res.end("quick");
    else if (req.url === "/late") setTimeout(() => res.end("late"), 300);
    else if (req.url === "/streaming") res.write("begun");
    // "/never" is never answered by the application.
  });
  const shutdown = new GracefulShutdown(server, log);
  await new Promise<void>(resolve => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { server, shutdown, port };
}

/** A GET that resolves with its status and body, or with the error that ended it. */
function get(
  port: number,
  path: string,
): Promise<{ status?: number; body: string; error?: string }> {
  return new Promise(resolve => {
    const req = http.get({ host: "127.0.0.1", port, path, agent: false }, res => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", chunk => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode, body }));
      res.on("error", err => resolve({ status: res.statusCode, body, error: err.message }));
      res.on("aborted", () => resolve({ status: res.statusCode, body, error: "aborted" }));
    });
    req.on("error", err => resolve({ body: "", error: err.message }));
  });
}

describe("graceful shutdown", () => {
  it("forgets every answered request: none of a thousand is counted in flight", async () => {
    const { shutdown, port } = await serve();
    for (let batch = 0; batch < 20; batch++) {
      await Promise.all(Array.from({ length: 50 }, () => get(port, "/quick")));
    }
    const report = await shutdown.drain(1000);
    expect(report).toEqual({
      inFlight: 0,
      completed: 0,
      refused: 0,
      cut: 0,
      lateArrivals: 0,
      abandoned: 0,
    });
  });

  it("lets requests in flight finish, refuses what cannot, and cuts what had begun", async () => {
    const { shutdown, port } = await serve();
    const answers = [
      get(port, "/late"),
      get(port, "/late"),
      get(port, "/never"),
      get(port, "/streaming"),
    ];
    await sleep(100);
    const report = await shutdown.drain(800);
    const [late1, late2, never, streaming] = await Promise.all(answers);
    expect(report).toEqual({
      inFlight: 4,
      completed: 2,
      refused: 1,
      cut: 1,
      lateArrivals: 0,
      abandoned: 0,
    });
    expect([late1, late2]).toEqual([
      { status: 200, body: "late" },
      { status: 200, body: "late" },
    ]);
    expect(never.status).toBe(503);
    expect(JSON.parse(never.body)).toMatchObject({
      errors: [{ extensions: { code: "SERVICE_UNAVAILABLE", retryAfterSeconds: 1 } }],
    });
    expect(streaming.body).toBe("begun");
    expect(streaming.error).toBeDefined();
  });

  describe("work whose client went away", () => {
    /** A server whose one request works for `workMs`, counted, and whose client leaves at once. */
    async function abandonedWork(workMs: number) {
      const server = http.createServer(() => {
        shutdown.begin();
        setTimeout(() => shutdown.end(), workMs);
      });
      const shutdown = new GracefulShutdown(server, log);
      await new Promise<void>(resolve => server.listen(0, "127.0.0.1", resolve));
      const port = (server.address() as AddressInfo).port;
      const req = http.get({ host: "127.0.0.1", port, path: "/", agent: false });
      req.on("error", () => undefined);
      await sleep(50);
      req.destroy();
      await sleep(50);
      return shutdown;
    }

    it("is waited for within the grace period, though no response is open", async () => {
      const shutdown = await abandonedWork(400);
      const started = Date.now();
      const report = await shutdown.drain(2000);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect(report).toMatchObject({ inFlight: 0, abandoned: 0 });
    });

    it("is reported as abandoned when it outlasts the grace period", async () => {
      const shutdown = await abandonedWork(3000);
      const started = Date.now();
      const report = await shutdown.drain(200);
      expect(Date.now() - started).toBeLessThan(1500);
      expect(report).toMatchObject({ inFlight: 0, abandoned: 1 });
    });
  });
});
