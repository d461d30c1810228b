import type { Request, Response } from "express";
import type { AppError } from "../core/errors";

/** A client mistake in the query string: answered with 400 and the message, in plain words. */
export class QueryError extends Error {}

/** The HTTP status of the coded errors the feed and embed routes describe to the client. */
export const QUERY_ERROR_STATUS: Partial<Record<AppError["code"], number>> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
};

/**
 * A single optional query value, trimmed; undefined when absent. A repeated or nested parameter is
 * a QueryError. A blank value is returned as "" (given, but empty), so the caller can refuse it.
 */
export function queryValue(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") {
    throw new QueryError(`Query parameter "${name}" must be given once, as a plain value`);
  }
  return value.trim();
}

/** Like `queryValue`, but a blank value counts as absent (an embed's empty attribute). */
export function optionalQueryValue(req: Request, name: string): string | undefined {
  return queryValue(req, name) || undefined;
}

/** A plain-text answer, one line. */
export function sendText(res: Response, status: number, text: string): void {
  res.status(status).type("text/plain; charset=utf-8").send(`${text}\n`);
}
