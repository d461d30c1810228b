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
    expect(report).toEqual({ inFlight: 0, completed: 0, refused: 0, cut: 0, lateArrivals: 0 });
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
    expect(report).toEqual({ inFlight: 4, completed: 2, refused: 1, cut: 1, lateArrivals: 0 });
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
});
