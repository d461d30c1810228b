import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { createExpressHttpServer } from "../../src/server/http-server";

/** Serves `app` through `createExpressHttpServer`, recording what each request was born with. */
async function serve(app: express.Express) {
  const born: { request: boolean; response: boolean }[] = [];
  const server = createExpressHttpServer(app, { headersTimeout: 5000 }, (req, res) => {
    born.push({
      request: Object.getPrototypeOf(req) === app.request,
      response: Object.getPrototypeOf(res) === app.response,
    });
    app(req, res);
  });
  await new Promise<void>(resolve => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, base, born };
}

describe("the HTTP server of an Express app", () => {
  let served: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    const app = express();
    app.set("trust proxy", "loopback");
    app.post("/echo", express.json(), (req, res) => {
      res.status(201).json({ body: req.body as unknown, ip: req.ip, agent: req.get("user-agent") });
    });
    app.get("/query", (req, res) => {
      res.type("text/plain").send(String(req.query.q));
    });
    app.use((_req, res) => {
      res.status(404).send("nothing here");
    });
    served = await serve(app);
  });

  afterAll(async () => {
    served.server.closeAllConnections();
    await new Promise(resolve => served.server.close(resolve));
  });

  it("gives every request and response the app's prototypes before Express sees them", async () => {
    const before = served.born.length;
    await fetch(`${served.base}/query?q=1`);
    await fetch(`${served.base}/missing`);
    expect(served.born.slice(before)).toEqual([
      { request: true, response: true },
      { request: true, response: true },
    ]);
  });

  it("still answers as Express does: bodies, headers, the query, req.ip, types, ETags and statuses", async () => {
    const echo = await fetch(`${served.base}/echo`, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "born-test" },
      body: JSON.stringify({ a: [1, 2] }),
    });
    expect(echo.status).toBe(201);
    expect(await echo.json()).toEqual({ body: { a: [1, 2] }, ip: "127.0.0.1", agent: "born-test" });

    const query = await fetch(`${served.base}/query?q=hello`);
    expect(query.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(query.headers.get("etag")).toMatch(/^W\/"/);
    expect(await query.text()).toBe("hello");

    const missing = await fetch(`${served.base}/missing`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe("nothing here");
  });

  it("keeps the request a Node request: streams, sockets and keep-alive", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const ports: number[] = [];
    for (let i = 0; i < 3; i++) {
      const text = await new Promise<string>((resolve, reject) => {
        http
          .get(`${served.base}/query?q=${i}`, { agent }, res => {
            ports.push(res.socket.localPort!);
            let body = "";
            res.setEncoding("utf8");
            res.on("data", (chunk: string) => (body += chunk));
            res.on("end", () => resolve(body));
          })
          .on("error", reject);
      });
      expect(text).toBe(String(i));
    }
    agent.destroy();
    // One connection served all three.
    expect(new Set(ports).size).toBe(1);
  });
});
