import fs from "node:fs";
import path from "node:path";
import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestHandler } from "express";
import { Kind, parse, type GraphQLFormattedError } from "graphql";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { DataSource } from "typeorm";
import { RETAINED_KINDS, type MetricsConfig, type RetainedKind } from "../core/config";
import { PROJECT_ROOT } from "../core/paths";
import type { AppContext } from "../graphql/context";
import { observeStatements, poolStats } from "../db/sql-metrics";

/** The label for an operation with no name. */
export const ANONYMOUS_OPERATION = "anonymous";
/** The label for every operation name past the cap. */
export const OTHER_OPERATION = "other";

/** How a GraphQL request ended: answered without errors, with errors, or refused before it ran. */
export type Outcome = "ok" | "error" | "refused";

/** How an operation ran (see `watchExecution`). */
const EXECUTION_MODES = ["compiled", "interpreted"] as const;
type ExecutionMode = (typeof EXECUTION_MODES)[number];

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/**
 * Turns operation names into a bounded set of label values: the known names (registered operations
 * and the examples') always, then the first `cap` other names seen; anything later is `other`, and
 * a request without a name is `anonymous`. So no client can add more than `cap` label values.
 */
export class OperationNames {
  private readonly known: ReadonlySet<string>;
  private readonly seen = new Set<string>();

  constructor(
    known: Iterable<string>,
    private readonly cap: number,
  ) {
    this.known = new Set(known);
  }

  label(name: string | null | undefined): string {
    if (name === null || name === undefined || name === "") return ANONYMOUS_OPERATION;
    if (!GRAPHQL_NAME.test(name)) return OTHER_OPERATION;
    if (this.known.has(name) || this.seen.has(name)) return name;
    if (this.seen.size >= this.cap) return OTHER_OPERATION;
    this.seen.add(name);
    return name;
  }
}

/** The names of the operations in some GraphQL documents (documents that do not parse are skipped). */
export function operationNamesOf(documents: Iterable<string>): string[] {
  const names: string[] = [];
  for (const text of documents) {
    try {
      for (const def of parse(text).definitions) {
        if (def.kind === Kind.OPERATION_DEFINITION && def.name) names.push(def.name.value);
      }
    } catch {
      // A partner file is validated when its operations run, not here.
    }
  }
  return names;
}

/** The operations in `examples/*.graphql`, when the directory ships with the build. */
function exampleDocuments(dir = path.join(PROJECT_ROOT, "examples")): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter(file => file.endsWith(".graphql"))
    .map(file => fs.readFileSync(path.join(dir, file), "utf8"));
}

/** A refusal before the operation ran: the client's budget, a query limit or the allow-list. */
function isRefusal(code: string): boolean {
  return code === "RATE_LIMITED" || code === "PERSISTED_QUERY_NOT_ALLOWED" || isLimitRefusal(code);
}

/** A document refused by a query limit (the cap on listed errors is not a refusal). */
function isLimitRefusal(code: string): boolean {
  return code.startsWith("QUERY_") && code !== "QUERY_TOO_MANY_ERRORS";
}

/** An error's code as a label: the codes Crosstalk and Apollo send; anything else is `OTHER`. */
function codeLabel(error: GraphQLFormattedError): string {
  const code = error.extensions?.code;
  return typeof code === "string" && /^[A-Z][A-Z_]{0,47}$/.test(code) ? code : "OTHER";
}

let processRegistry: Registry | null = null;

/**
 * prom-client's default metrics describe the process, not an app, and start observers (GC, event
 * loop) that are never stopped: so they are collected once per process, in a registry of their own
 * (not prom-client's global one), and merged into each app's scrape.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** Which part of the app a path belongs to: a handful of values, never the path itself. */
export function routeClass(urlPath: string): string {
  if (urlPath === "/graphql" || urlPath.startsWith("/graphql/")) return "graphql";
  if (urlPath.startsWith("/embed/")) return "embed";
  if (urlPath.startsWith("/calendar/") || urlPath.startsWith("/schedule/")) return "feed";
  if (urlPath === "/healthz" || urlPath === "/readyz") return "health";
  if (urlPath === "/metrics") return "metrics";
  return "other";
}

/**
 * One app's metrics, in its own registry (never prom-client's global one, so that several apps in
 * one process, as in tests, keep separate counts). Nothing outside the app holds on to it.
 */
export class AppMetrics {
  readonly registry = new Registry();
  readonly operationNames: OperationNames;

  readonly requestDuration = new Histogram({
    name: "crosstalk_graphql_request_duration_seconds",
    help: "GraphQL requests: time from arrival to answer, by operation name and outcome (ok, error, refused).",
    labelNames: ["operation", "outcome"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly graphqlErrors = new Counter({
    name: "crosstalk_graphql_errors_total",
    help: "Errors in GraphQL responses, by extensions.code.",
    labelNames: ["code"] as const,
    registers: [this.registry],
  });
  readonly queryLimitRefusals = new Counter({
    name: "crosstalk_query_limit_refusals_total",
    help: "GraphQL documents refused by a query limit before running, by extensions.code.",
    labelNames: ["code"] as const,
    registers: [this.registry],
  });
  readonly rateLimitRefusals = new Counter({
    name: "crosstalk_rate_limit_refusals_total",
    help: "Requests refused by a rate limit: the GraphQL cost budget, reader comments, or the feed and embed routes' budget.",
    labelNames: ["limit"] as const,
    registers: [this.registry],
  });
  readonly cacheLookups = new Counter({
    name: "crosstalk_cache_lookups_total",
    help: "Cache lookups by cache and result (hit, miss).",
    labelNames: ["cache", "result"] as const,
    registers: [this.registry],
  });
  readonly httpRequests = new Counter({
    name: "crosstalk_http_requests_total",
    help: "HTTP requests answered, by route class (graphql, embed, feed, health, metrics, other) and status.",
    labelNames: ["route", "status"] as const,
    registers: [this.registry],
  });
  readonly sqlStatements = new Counter({
    name: "crosstalk_sql_statements_total",
    help: "SQL statements sent to the database, by kind and outcome (ok, error).",
    labelNames: ["verb", "outcome"] as const,
    registers: [this.registry],
  });
  readonly sqlDuration = new Histogram({
    name: "crosstalk_sql_statement_duration_seconds",
    help: "Time of successful SQL statements, by kind.",
    labelNames: ["verb"] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });

  private readonly stopObserving: () => void;

  constructor(
    config: Pick<MetricsConfig, "operationNameCap">,
    dataSource: DataSource,
    registeredOperations: Iterable<string>,
  ) {
    this.operationNames = new OperationNames(
      operationNamesOf([...registeredOperations, ...exampleDocuments()]),
      config.operationNameCap,
    );
    // The process's metrics start counting now: prom-client's CPU counters grow by the CPU used
    // since they were registered, so registering at the first scrape would show next to nothing.
    processMetrics();
    this.stopObserving = observeStatements(dataSource, ({ verb, ok, ms }) => {
      this.sqlStatements.inc({ verb, outcome: ok ? "ok" : "error" });
      if (ms !== undefined) this.sqlDuration.observe({ verb }, ms / 1000);
    });
    const pools = () => poolStats(dataSource);
    new Gauge({
      name: "crosstalk_db_pool_connections",
      help: "Database connections by pool and state (in_use, idle); SQLite has one connection.",
      labelNames: ["pool", "state"] as const,
      registers: [this.registry],
      collect() {
        for (const p of pools()) {
          this.set({ pool: p.pool, state: "in_use" }, p.inUse);
          this.set({ pool: p.pool, state: "idle" }, p.idle);
        }
      },
    });
    new Gauge({
      name: "crosstalk_db_pool_queue",
      help: "Requests waiting for a pooled database connection.",
      labelNames: ["pool"] as const,
      registers: [this.registry],
      collect() {
        for (const p of pools()) this.set({ pool: p.pool }, p.queued);
      },
    });
    new Gauge({
      name: "crosstalk_db_pool_limit",
      help: "Most connections each database pool opens.",
      labelNames: ["pool"] as const,
      registers: [this.registry],
      collect() {
        for (const p of pools()) this.set({ pool: p.pool }, p.limit);
      },
    });
  }

  /**
   * Series of how operations ran: compiled or interpreted, and how many are held compiled
   * (src/server/compiled-execution.ts). Call once, with the app's executor.
   */
  watchExecution(operations: {
    readonly runs: Record<ExecutionMode, number>;
    readonly size: number;
  }): void {
    new Counter({
      name: "crosstalk_graphql_executions_total",
      help: "GraphQL operations executed, by mode: compiled (graphql-jit) or interpreted (graphql-js).",
      labelNames: ["mode"] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const mode of EXECUTION_MODES) this.inc({ mode }, operations.runs[mode]);
      },
    });
    new Gauge({
      name: "crosstalk_graphql_compiled_operations",
      help: "Operations held compiled (at most GRAPHQL_COMPILED_MAX).",
      registers: [this.registry],
      collect() {
        this.set(operations.size);
      },
    });
  }

  /** Rows pruned past their retention by this process, by kind (src/services/retention.ts). */
  watchRetention(retention: { readonly removed: Readonly<Record<RetainedKind, number>> }): void {
    new Counter({
      name: "crosstalk_pruned_rows_total",
      help: "Rows removed past their retention period, by kind (RETENTION_*_DAYS).",
      labelNames: ["kind"] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const kind of RETAINED_KINDS) this.inc({ kind }, retention.removed[kind]);
      },
    });
  }

  /** The scrape: this app's series and the process's default metrics, in the text format. */
  async text(): Promise<string> {
    return Registry.merge([processMetrics(), this.registry]).metrics();
  }

  /** Counts one HTTP answer of a route class (`routeClass`). */
  httpAnswered(route: string, status: number): void {
    this.httpRequests.inc({ route, status: String(status) });
  }

  /** Counts a persisted-query (or other cache) lookup. */
  cacheLookup(cache: string, hit: boolean): void {
    this.cacheLookups.inc({ cache, result: hit ? "hit" : "miss" });
  }

  /** Stops listening to the data source. */
  close(): void {
    this.stopObserving();
  }

  /** Times GraphQL requests and counts their errors and refusals. */
  plugin(): ApolloServerPlugin<AppContext> {
    return {
      requestDidStart: async () => {
        const start = process.hrtime.bigint();
        return {
          willSendResponse: async rc => {
            const seconds = Number(process.hrtime.bigint() - start) / 1e9;
            const body = rc.response.body;
            const errors = body.kind === "single" ? (body.singleResult.errors ?? []) : [];
            let outcome: Outcome = errors.length ? "error" : "ok";
            for (const error of errors) {
              const code = codeLabel(error);
              this.graphqlErrors.inc({ code });
              if (isRefusal(code)) outcome = "refused";
              if (isLimitRefusal(code)) this.queryLimitRefusals.inc({ code });
              if (code === "RATE_LIMITED") {
                // The cost budget's refusal names the cost; the comment windows' does not.
                this.rateLimitRefusals.inc({
                  limit: error.extensions?.cost !== undefined ? "budget" : "comments",
                });
              }
            }
            const name = rc.operationName ?? rc.request.operationName;
            this.requestDuration.observe(
              { operation: this.operationNames.label(name), outcome },
              seconds,
            );
          },
        };
      },
    };
  }

  /** Counts every HTTP answer by route class and status. */
  httpMiddleware(): RequestHandler {
    return (req, res, next) => {
      const route = routeClass(req.path);
      res.on("finish", () => this.httpAnswered(route, res.statusCode));
      next();
    };
  }

  /** GET /metrics: the registry in Prometheus text format. */
  handler(): RequestHandler {
    return async (_req, res, next) => {
      try {
        const text = await this.text();
        res.setHeader("Content-Type", this.registry.contentType);
        res.setHeader("Cache-Control", "no-store");
        res.send(text);
      } catch (err) {
        next(err);
      }
    };
  }
}
