import type { ErrorRequestHandler, RequestHandler, Response } from "express";
import { withFields } from "../core/objects";

/**
 * Writes a GraphQL-shaped error body (`{"errors":[{message, extensions:{code}}]}`) for answers given
 * outside Apollo: refused bodies, time-outs, shutdown. Never HTML.
 */
export function sendGraphQLError(
  res: Response,
  status: number,
  code: string,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  if (res.headersSent) return;
  const retry = extensions.retryAfterSeconds;
  if (typeof retry === "number") res.setHeader("Retry-After", String(retry));
  res.setHeader("Cache-Control", "no-store");
  res
    .status(status)
    .type("application/json; charset=utf-8")
    .send(JSON.stringify({ errors: [{ message, extensions: withFields({ code }, extensions) }] }));
}

/** POSTs to /graphql must be JSON; anything else is 415 with a GraphQL error, before any parsing. */
export const requireJsonBody: RequestHandler = (req, res, next) => {
  if (req.method !== "POST") return next();
  const type = req.headers["content-type"];
  if (type && /^application\/(graphql-response\+)?json\s*(;|$)/i.test(type)) return next();
  sendGraphQLError(
    res,
    415,
    "UNSUPPORTED_MEDIA_TYPE",
    "POST bodies must be JSON: send Content-Type: application/json",
  );
};

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
  length?: number;
}

/**
 * The last error handler: body-parser's refusals (too large, malformed JSON, bad charset) become
 * GraphQL error bodies with a code; an error after an answer was already given (a request answered
 * by its time budget, say) is dropped; anything else is a masked 500.
 */
export function jsonErrorHandler(): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    if (res.headersSent) {
      req.log?.debug({ err }, "error after the response was sent");
      return;
    }
    const e = (err ?? {}) as BodyParserError;
    switch (e.type) {
      case "entity.too.large":
        return sendGraphQLError(
          res,
          413,
          "PAYLOAD_TOO_LARGE",
          `The request body is larger than the ${e.limit} bytes allowed`,
          { limit: e.limit },
        );
      case "entity.parse.failed":
        return sendGraphQLError(res, 400, "BAD_REQUEST", "The request body is not valid JSON");
      case "charset.unsupported":
      case "encoding.unsupported":
        return sendGraphQLError(
          res,
          415,
          "UNSUPPORTED_MEDIA_TYPE",
          "The request body's charset or encoding is not supported; send UTF-8 JSON",
        );
      case "request.aborted":
      case "request.size.invalid":
        return sendGraphQLError(res, 400, "BAD_REQUEST", "The request body was incomplete");
    }
    req.log?.error({ err }, "unexpected error");
    sendGraphQLError(res, 500, "INTERNAL_SERVER_ERROR", "Internal server error");
  };
}
