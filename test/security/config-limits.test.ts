import { GraphQLError } from "graphql";
import pino from "pino";
import { ConfigError, DEFAULT_QUERY_LIMITS, loadConfig } from "../../src/core/config";
import { createFormatError } from "../../src/server/format-error";

describe("limits and rate-limit configuration", () => {
  it("has defaults, and reads every limit from the environment", () => {
    const prod = loadConfig({ NODE_ENV: "production" });
    expect(prod.limits).toEqual(DEFAULT_QUERY_LIMITS);
    expect(prod.rateLimit).toEqual({
      points: 100_000,
      windowSeconds: 60,
      routeCost: 100,
      redisUrl: null,
      redisPrefix: "crosstalk:rl:",
    });
    const set = loadConfig({
      NODE_ENV: "production",
      MAX_QUERY_DEPTH: "9",
      MAX_QUERY_ALIASES: "3",
      MAX_DIRECTIVES_PER_FIELD: "2",
      MAX_QUERY_TOKENS: "500",
      MAX_FIELD_REPEATS: "2",
      MAX_RESPONSE_ERRORS: "5",
      MAX_QUERY_COST: "1000",
      COST_LIST_MULTIPLIER: "3",
      MAX_QUERY_NODES: "300",
      RATE_LIMIT_POINTS: "0",
      RATE_LIMIT_WINDOW_SECONDS: "10",
      RATE_LIMIT_ROUTE_COST: "7",
      REDIS_URL: "redis://:secret@cache.internal:6380/2",
      RATE_LIMIT_REDIS_PREFIX: "ct:",
    });
    expect(set.limits).toEqual({
      maxDepth: 9,
      maxAliases: 3,
      maxDirectivesPerField: 2,
      maxTokens: 500,
      maxFieldRepeats: 2,
      maxErrors: 5,
      maxCost: 1000,
      listMultiplier: 3,
      maxNodes: 300,
    });
    expect(set.rateLimit).toEqual({
      points: 0,
      windowSeconds: 10,
      routeCost: 7,
      redisUrl: "redis://:secret@cache.internal:6380/2",
      redisPrefix: "ct:",
    });
  });

  it("refuses bad values with a clear message", () => {
    expect(() => loadConfig({ MAX_QUERY_COST: "0" })).toThrow(
      new ConfigError('MAX_QUERY_COST must be an integer of at least 1, got "0"'),
    );
    expect(() => loadConfig({ MAX_QUERY_DEPTH: "deep" })).toThrow(/MAX_QUERY_DEPTH/);
    expect(() => loadConfig({ REDIS_URL: "http://:pw@cache:6379" })).toThrow(
      'REDIS_URL must start with redis:// or rediss://, got "http:…"',
    );
  });

  it("keeps graphql-js's suggestions only in development", () => {
    const error = new GraphQLError(
      'Cannot query field "sesions" on type "Query". Did you mean "sessions"?',
      {
        extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
      },
    );
    const formatted = { message: error.message, extensions: error.extensions };
    const log = pino({ level: "silent" });
    expect(createFormatError(log, { suggestions: true })(formatted, error).message).toContain(
      "Did you mean",
    );
    expect(createFormatError(log)(formatted, error).message).toBe(
      'Cannot query field "sesions" on type "Query".',
    );
  });
});
