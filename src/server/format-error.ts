import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";
import { AuthenticationError, AuthorizationError } from "type-graphql";
import { AppError, ForbiddenError, QueryLimitError, UnauthenticatedError } from "../core/errors";
import type { FieldProblem } from "../core/errors";
import { flattenValidation, type ValidationLike } from "../core/input-problems";
import { countTokens } from "../graphql/limits";
import { classifyDatabaseError } from "./request-budget";
import { withFields } from "../core/objects";

/** Codes graphql-js and Apollo produce themselves for malformed requests; safe to pass through. */
const CLIENT_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

export interface FormatErrorOptions {
  /** Keep graphql-js's "Did you mean …?" suggestions (NODE_ENV=development only: they leak the schema). */
  suggestions?: boolean;
  /** The document token limit, to report a refused document's count against (QUERY_TOO_MANY_TOKENS). */
  maxTokens?: number;
}

/**
 * Sends AppErrors and client-side mistakes as they are; anything else is logged with its stack and
 * leaves as a generic INTERNAL_SERVER_ERROR, so database details never reach clients. Outside
 * development, field, type, argument and enum-value suggestions are cut from every message.
 */
export function createFormatError(log: Logger, options: FormatErrorOptions = {}) {
  const format = formatWith(log, options);
  if (options.suggestions) return format;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const out = format(formatted, error);
    return withFields(out, { message: withoutSuggestions(out.message) });
  };
}

/** Drops graphql-js's "Did you mean …?" sentence (it names fields and types of the schema). */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [\s\S]*$/, "");
}

function formatWith(log: Logger, options: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = fromTypeGraphql(appErrorOf(unwrapResolverError(error), options));
    // Database overload, unreachability and statement time-outs get their own codes (503).
    const original = classifyDatabaseError(unwrapped) ?? unwrapped;
    if (original !== unwrapped) log.warn({ err: unwrapped }, "database trouble");
    if (original instanceof AppError) {
      // `http` (status, headers) is for Apollo's response head, not for the client's JSON.
      const { http: _head, ...extensions } = original.extensions;
      // A classified driver error says what the client may know, never the driver's own words.
      const message = original === unwrapped ? formatted.message : original.message;
      return withFields(formatted, {
        message,
        extensions: withFields(extensions, { code: original.code }),
      });
    }
    const validation = validationProblems(original);
    if (validation) {
      return {
        message: `Invalid input: ${validation.map(p => `${p.field} ${p.message}`).join("; ")}`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: "BAD_USER_INPUT", fields: validation },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === "string" && CLIENT_CODES.has(code)) {
      const { stacktrace: _hidden, ...extensions } = formatted.extensions ?? {};
      return withFields(formatted, { extensions });
    }
    log.error({ err: original, path: formatted.path }, "unexpected error");
    return {
      message: "Internal server error",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  };
}

/**
 * The AppError behind an Apollo wrapper: a limit rule's error inside Apollo's ValidationError, or
 * graphql-js's "more than N tokens" parse error (spelt "more that" by graphql 16) turned into QUERY_TOO_MANY_TOKENS.
 */
function appErrorOf(error: unknown, options: FormatErrorOptions): unknown {
  if (!(error instanceof GraphQLError) || error instanceof AppError) return error;
  if (error.originalError instanceof AppError) return error.originalError;
  const tokens = /Document contains more tha[nt] (\d+) tokens/.exec(error.message);
  if (tokens && error.extensions.code === "GRAPHQL_PARSE_FAILED") {
    const limit = options.maxTokens ?? Number(tokens[1]);
    const measured = error.source ? countTokens(error.source.body) : limit + 1;
    return new QueryLimitError(
      "QUERY_TOO_MANY_TOKENS",
      `The document has ${measured} tokens; at most ${limit} are allowed`,
      measured,
      limit,
    );
  }
  return error;
}

/** type-graphql's own auth errors (should the checker ever return false) get the app's codes. */
function fromTypeGraphql(error: unknown): unknown {
  if (error instanceof AuthenticationError) return new UnauthenticatedError(error.message);
  if (error instanceof AuthorizationError) return new ForbiddenError(error.message);
  return error;
}

/** Flattens type-graphql's ArgumentValidationError (class-validator) into field/message pairs. */
function validationProblems(error: unknown): FieldProblem[] | null {
  const errors = (error as { extensions?: { validationErrors?: ValidationLike[] } })?.extensions
    ?.validationErrors;
  return Array.isArray(errors) ? flattenValidation(errors) : null;
}
