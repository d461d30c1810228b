import type { AddressInfo } from "node:net";
import http from "node:http";
import { Writable } from "node:stream";
import express, { type RequestHandler } from "express";
import pino from "pino";
import { createLogger } from "../../src/core/logger";
import { accessLog, lazyLogger, pinoHttpLog } from "../../src/server/access-log";

/** Collects the JSON lines a logger writes. */
class Capture extends Writable {
  lines: Record<string, any>[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    for (const line of chunk.toString().split("\n")) if (line) this.lines.push(JSON.parse(line));
    done();
  }
}

const options = {
  requestId: (req: http.IncomingMessage) =>
    typeof req.headers["x-request-id"] === "string" ? req.headers["x-request-id"] : "generated",
  redactUrl: (url: string) => url.replace(/secret-\w+/, "[secret]"),
};

/** An app whose routes log through req.log, fail, or answer, behind `middleware`. */
async function serve(middleware: RequestHandler) {
  const app = express();
  app.use(middleware);
  app.get("/ok", (req, res) => {
    res.json({ id: req.id });
  });
  app.get("/warns/:s", (req, res) => {
    req.log.warn({ extra: 1 }, "something to say");
    res.json({});
  });
  app.get("/fails", (_req, res) => {
    res.status(503).json({});
  });
  app.get("/throws", () => {
    throw new Error("boom");
  });
  const server = http.createServer(app);
  await new Promise<void>(resolve => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    get: (path: string, headers: Record<string, string> = {}) =>
      fetch(`http://127.0.0.1:${port}${path}`, { headers }),
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

/** A line without what differs between two runs (time, durations, the client's port). */
function comparable(line: Record<string, any>) {
  const { time: _time, responseTime: _rt, ...rest } = line;
  if (rest.req) rest.req = { ...rest.req, remotePort: undefined, headers: undefined };
  if (rest.res) {
    const headers = { ...rest.res.headers, date: undefined };
    // An error page carries its stack, whose length differs between two runs.
    if (String(headers["content-type"]).startsWith("text/html")) headers["content-length"] = 0;
    rest.res = { ...rest.res, headers };
  }
  if (rest.err) rest.err = { ...rest.err, stack: undefined };
  return rest;
}

async function exercise(make: (log: pino.Logger) => RequestHandler, level: string) {
  const capture = new Capture();
  const app = await serve(make(createLogger({ logLevel: level }, capture)));
  const answers = [
    await app.get("/ok", { "x-request-id": "abc-1" }),
    await app.get("/warns/secret-xyz", { "x-request-id": "abc-2", authorization: "Bearer t" }),
    await app.get("/fails", { "x-request-id": "abc-3" }),
    await app.get("/throws", { "x-request-id": "abc-4" }),
  ];
  await app.close();
  return {
    ids: answers.map(a => a.headers.get("x-request-id")),
    statuses: answers.map(a => a.status),
    lines: capture.lines.map(comparable),
  };
}

describe("access log", () => {
  it("at warn, writes what pino-http writes (request logs, 5xx lines) without its per-request child", async () => {
    // pino-http configured as the access log configures it, which it used at every level.
    const reference = await exercise(log => pinoHttpLog(log, options), "warn");
    const lean = await exercise(log => accessLog(log, options), "warn");
    expect(lean.ids).toEqual(["abc-1", "abc-2", "abc-3", "abc-4"]);
    expect(lean.statuses).toEqual([200, 200, 503, 500]);
    expect(reference.lines.map(l => l.msg)).toEqual([
      "something to say",
      "request errored",
      "request errored",
    ]);
    expect(lean).toEqual(reference);
    // The request's bindings: its id, its URL without the secret, its headers redacted.
    const warned = lean.lines[0];
    expect(warned.req.id).toBe("abc-2");
    expect(warned.req.url).toBe("/warns/[secret]");
    expect(warned.req.params).toEqual({});
    expect(warned.res).toBeUndefined();
    expect(lean.lines[1]).toMatchObject({ level: 50, res: { statusCode: 503 } });
    expect(lean.lines[1].err.message).toBe("failed with status code 503");
  });

  it("at info, is pino-http itself: a line per answer, with its request and status", async () => {
    const { lines } = await exercise(log => accessLog(log, options), "info");
    expect(lines.map(l => [l.msg, l.req?.id, l.res?.statusCode])).toEqual([
      ["request completed", "abc-1", 200],
      ["something to say", "abc-2", undefined],
      ["request completed", "abc-2", 200],
      ["request errored", "abc-3", 503],
      ["request errored", "abc-4", 500],
    ]);
  });

  it("at warn, the request header's credentials never reach a line", async () => {
    const capture = new Capture();
    const app = await serve(accessLog(createLogger({ logLevel: "warn" }, capture), options));
    await app.get("/warns/x", { authorization: "Bearer very-secret", cookie: "s=also-secret" });
    await app.close();
    const text = JSON.stringify(capture.lines);
    expect(text).toContain("something to say");
    expect(text).not.toContain("very-secret");
    expect(text).not.toContain("also-secret");
  });
});

describe("lazyLogger", () => {
  it("builds its logger on first use only, and is that logger (levels, children, bindings)", () => {
    const capture = new Capture();
    const root = pino({ level: "info" }, capture);
    let made = 0;
    const log = lazyLogger(() => {
      made++;
      return root.child({ bound: "yes" });
    });
    expect(made).toBe(0);
    expect(log.isLevelEnabled("debug")).toBe(false);
    expect(made).toBe(1);
    log.info("one");
    const child = log.child({ more: 2 });
    child.warn("two");
    child.level = "error";
    child.warn("dropped");
    log.info("three");
    expect(made).toBe(1);
    expect(capture.lines.map(l => [l.msg, l.bound, l.more])).toEqual([
      ["one", "yes", undefined],
      ["two", "yes", 2],
      ["three", "yes", undefined],
    ]);
  });
});
