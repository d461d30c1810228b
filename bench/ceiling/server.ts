import http from "node:http";
import mysql from "mysql2/promise";
import { DOCUMENTS, type OperationName } from "../operations";
import { CeilingInputError, createHandlers } from "./handlers";

export interface Ceiling {
  server: http.Server;
  close(): Promise<void>;
}

/**
 * The hand-written ceiling: a plain `node:http` server with a mysql2 pool (as many connections as
 * Crosstalk's) that answers the bench's GraphQL operations, matched by `operationName` and the exact
 * document text, with the same JSON bytes Crosstalk sends. Anything else is a 400.
 */
export async function createCeiling(databaseUrl: string): Promise<Ceiling> {
  const pool = mysql.createPool({
    uri: databaseUrl,
    connectionLimit: 10,
    dateStrings: true,
    timezone: "Z",
    charset: "utf8mb4_unicode_ci",
  });
  const handlers = createHandlers(pool);

  const send = (res: http.ServerResponse, status: number, payload: unknown) => {
    const text = `${JSON.stringify(payload)}\n`;
    res.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "content-length": Buffer.byteLength(text),
    });
    res.end(text);
  };

  const server = http.createServer((req, res) => {
    if (req.method === "GET" && req.url === "/readyz") return send(res, 200, { ok: true });
    if (req.method !== "POST" || req.url !== "/graphql")
      return send(res, 404, { error: "not found" });
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      let request: { operationName?: unknown; query?: unknown; variables?: unknown };
      try {
        request = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return send(res, 400, { errors: [{ message: "body is not JSON" }] });
      }
      const name = request.operationName as OperationName;
      if (!Object.hasOwn(DOCUMENTS, name) || request.query !== DOCUMENTS[name]) {
        return send(res, 400, {
          errors: [{ message: "the ceiling answers only its own documents" }],
        });
      }
      handlers[name]((request.variables ?? {}) as Record<string, unknown>).then(
        data => send(res, 200, { data }),
        (err: Error) =>
          err instanceof CeilingInputError
            ? send(res, 400, { errors: [{ message: err.message }] })
            : send(res, 500, { errors: [{ message: err.message }] }),
      );
    });
  });
  return {
    server,
    async close() {
      await new Promise<void>(resolve => server.close(() => resolve()));
      await pool.end();
    },
  };
}
