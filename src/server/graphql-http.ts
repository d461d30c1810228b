import {
  HeaderMap,
  type ApolloServer,
  type BaseContext,
  type ContextFunction,
  type HTTPGraphQLResponse,
} from "@apollo/server";
import type { Request, RequestHandler, Response } from "express";
import type { WorkCounter } from "./shutdown";

/** A response type `res.send` would leave as it is (it only ever adds `charset=utf-8`). */
const UTF8_TYPE = /^[\w.+-]+\/[\w.+-]+; charset=utf-8$/;

/**
 * Apollo Server as Express middleware: `@as-integrations/express5`'s `expressMiddleware`, with the
 * same request and the same answer, less the work that answer does not need. A POST's body is
 * written as it is, with its length, where `res.send` would also hash it into an `ETag` that no
 * one can use (a POST is never conditional, and no cache stores it); a GET's answer still goes
 * through `res.send`, which gives it its ETag and answers a matching `If-None-Match` with 304. The
 * query string is parsed only for a GET, the only method whose operation it carries.
 */
export function graphqlMiddleware<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  options: {
    context: ContextFunction<[{ req: Request; res: Response }], TContext>;
    /** Told when each execution begins and ends (graceful shutdown waits for them). */
    work: WorkCounter;
  },
): RequestHandler {
  server.assertStarted("graphqlMiddleware()");
  const { context, work } = options;
  return async (req, res) => {
    if (!("body" in req)) {
      res.status(500);
      res.send(
        "`req.body` is not set; this probably means you forgot to set up the " +
          "`json` middleware before the Apollo Server middleware.",
      );
      return;
    }
    const headers = new HeaderMap();
    for (const key in req.headers) {
      const value = req.headers[key];
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const method = req.method.toUpperCase();
    work.begin();
    let response: HTTPGraphQLResponse;
    try {
      response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method,
          headers,
          search: method === "GET" ? searchOf(req.url) : "",
          body: req.body as unknown,
        },
        context: () => context({ req, res }),
      });
    } finally {
      work.end();
    }
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status || 200;
    if (response.body.kind === "complete") {
      const type = res.getHeader("content-type");
      if (method === "POST" && typeof type === "string" && UTF8_TYPE.test(type)) {
        // What res.send does for a POST, but the ETag.
        const text = response.body.string;
        res.setHeader("Content-Length", String(Buffer.byteLength(text, "utf8")));
        res.end(text, "utf8");
        return;
      }
      res.send(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) {
      res.write(chunk);
      const flush = (res as { flush?: () => void }).flush;
      if (typeof flush === "function") flush.call(res);
    }
    res.end();
  };
}

/** The query string of a request target, with its `?` (what Apollo reads a GET's operation from). */
function searchOf(url: string): string {
  const at = url.indexOf("?");
  return at < 0 ? "" : url.slice(at);
}
