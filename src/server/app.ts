import { randomUUID } from "node:crypto";
import http from "node:http";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import express, { type Express } from "express";
import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import type { AppConfig } from "../core/config";
import { parseAcceptLanguage } from "../core/locale";
import { withFields } from "../core/objects";
import { ANONYMOUS, type RequestContext, type Viewer } from "../core/context";
import type { AppContext } from "../graphql/context";
import { createLoaders } from "../graphql/loaders";
import { getSchema } from "./schema";
import { createServices, type Services } from "../services";
import { WebhookDispatcher } from "../services/webhook-dispatcher";
import { Retention } from "../services/retention";
import { cachePolicyPlugin, httpCachePlugin, UNCACHEABLE } from "./cache-control";
import { columnNeedsPlugin } from "./column-needs";
import { ANONYMOUS_CORS_HEADERS, createCors } from "./cors";
import { createAgendaRouter, redactAgendaSecrets } from "./agenda-routes";
import { createEmbedsRouter } from "./embed-routes";
import { createFeedsRouter } from "./feed-routes";
import { createStudioRouter } from "./studio-routes";
import { createFormatError } from "./format-error";
import { installFieldHooks } from "./field-hooks";
import { CompiledOperations, executingGateway } from "./compiled-execution";
import { installGatewayRequestContext } from "./gateway-request-context";
import { documentLimitRules } from "../graphql/limits";
import { requestLimitsPlugin } from "./query-limits";
import { openRateLimits, rateLimitHeadersOnEveryAnswer, routeBudget } from "./rate-limit";
import {
  cachedGetAnswers,
  EventPurges,
  responseCachePlugin,
  type FrontDoor,
} from "./response-cache";
import { openEventBus } from "./event-bus";
import { attachSubscriptions } from "./subscriptions";
import type { EventBus } from "../core/events";
import { openSharedCaches } from "./shared-caches";
import { jsonErrorHandler, requireJsonBody } from "./http-errors";
import { accessLog } from "./access-log";
import { graphqlMiddleware } from "./graphql-http";
import { sameListenerEveryRequest } from "./shared-listener";
import { createExpressHttpServer } from "./http-server";
import { readinessHandler } from "./readiness";
import { hasReplicas, withReadScope } from "../db/replication";
import {
  budgetSignal,
  classifyDatabaseError,
  requestBudget,
  requestBudgetPlugin,
} from "./request-budget";
import { cookieJar, requestViewer } from "./session-cookie";
import { GracefulShutdown } from "./shutdown";
import { AppMetrics } from "./metrics";
import {
  loadRegisteredOperations,
  PersistedQueryStore,
  persistedQueryAllowListPlugin,
} from "./persisted-queries";

/** What the transport knows of a request; createContext fills in the rest. */
type ContextParts = Partial<
  Pick<
    AppContext,
    | "requestId"
    | "log"
    | "viewer"
    | "now"
    | "clientIp"
    | "signal"
    | "locales"
    | "signInGate"
    | "cookies"
  >
>;

export interface App {
  express: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<AppContext>;
  /** How Apollo's operations run: compiled once they repeat (src/server/compiled-execution.ts). */
  compiled: CompiledOperations;
  services: Services;
  /** The webhook dispatcher (running when WEBHOOK_DISPATCH is on; stopped with the app). */
  webhooks: WebhookDispatcher;
  /** Pruning of rows past their retention (every PRUNE_EVERY_MS; stopped with the app). */
  retention: Retention;
  /** Tracks in-flight requests; `main.ts` drains through it on SIGTERM. */
  shutdown: GracefulShutdown;
  /** This app's Prometheus metrics (its own registry), or null when METRICS_ENABLED is false. */
  metrics: AppMetrics | null;
  /**
   * The listener for `/metrics` when METRICS_PORT is set (not yet listening; `main.ts` starts
   * it), else null. Closed when the app stops.
   */
  metricsServer: http.Server | null;
  /** Committed domain events: in process, or through Redis with REDIS_URL. */
  events: EventBus;
  /**
   * Builds a context as the HTTP layer would (for executeOperation in tests): anonymous unless a
   * viewer is given.
   */
  createContext(requestId?: string, viewer?: Viewer): AppContext;
}

/**
 * Wires Express 5, Apollo Server 5 and the services over an initialised data source. Does not
 * listen; `main.ts` (or a test) decides the port.
 */
export async function createApp(
  config: AppConfig,
  dataSource: DataSource,
  log: Logger,
): Promise<App> {
  let dispatcher: WebhookDispatcher | null = null;
  const rateLimits = openRateLimits(config, log);
  const services = createServices(dataSource, {
    comments: config.comments,
    accounts: config.accounts,
    sessionRedis: rateLimits.redis
      ? { redis: rateLimits.redis, prefix: config.accounts.redisPrefix }
      : null,
    feedMaxSessions: config.feedMaxSessions,
    webhooks: {
      allowPrivateAddresses: config.webhooks.allowPrivateAddresses,
      onQueued: () => dispatcher?.kick(),
    },
  });
  // Webhooks: the dispatcher runs in this process and wakes after every commit that emitted events.
  dispatcher = new WebhookDispatcher(
    dataSource,
    services.editorial.writer,
    config.webhooks,
    log.child({ component: "webhooks" }),
  );
  const webhooks = dispatcher;
  services.editorial.writer.onCommitted(() => webhooks.kick());
  // Bookkeeping rows past their retention go, every PRUNE_EVERY_MS (src/services/retention.ts).
  const retention = new Retention(
    services.editorial.writer,
    config.retention,
    log.child({ component: "retention" }),
  );
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);
  // A cached anonymous GET may be answered here, before Express (set below when the response cache
  // is on and access logs are off); everything else goes to Express.
  let frontDoor: ReturnType<typeof cachedGetAnswers> | null = null;
  const httpServer = createHttpServer(config, app, (req, res) => {
    if (frontDoor) frontDoor(req, res, () => app(req, res));
    else app(req, res);
  });
  const shutdown = new GracefulShutdown(httpServer, log);

  const events = openEventBus(config, log, rateLimits.redis);
  // Subscribers hear of a write only once it has committed.
  services.editorial.writer.onCommitted(committed => events.bus.publish(committed));

  /** A request's context: what services see of it, and what GraphQL adds (copied with withFields). */
  const createContext = (parts: ContextParts = {}): AppContext => {
    // columnNeeds: filled in by columnNeedsPlugin once the operation is known (shared by reference:
    // Apollo gives each operation a shallow copy of the context).
    const base: RequestContext = {
      viewer: parts.viewer ?? ANONYMOUS,
      now: parts.now ?? new Date(),
      log: parts.log ?? log,
      clientIp: parts.clientIp,
      signal: parts.signal,
      locales: parts.locales,
      columnNeeds: {},
    };
    return withFields(base, {
      signInGate: parts.signInGate,
      cookies: parts.cookies,
      requestId: parts.requestId ?? randomUUID(),
      services,
      loaders: createLoaders(services, base),
      events: events.bus,
    });
  };

  // The embeds' operations and a partner's file: always answered by hash, and in allow-list mode the
  // only operations anonymous clients may run.
  const registered = loadRegisteredOperations(config.persistedQueriesFile);
  const metrics = config.metrics.enabled
    ? new AppMetrics(config.metrics, dataSource, registered.values())
    : null;
  const metricsServer = metrics && config.metrics.port ? createMetricsServer(metrics) : null;

  const caches = openSharedCaches(config, services.references, log, rateLimits.redis);
  await Promise.all([rateLimits.ready, caches.ready, events.ready]);
  const eventPurges = caches.responses ? new EventPurges(caches.responses, log) : undefined;
  if (eventPurges) services.editorial.writer.onCommitted(eventPurges.listener);
  services.editorial.writer.listenerError = err =>
    log.error({ err }, "a listener of committed events failed; the write itself committed");
  const schema = installFieldHooks(await getSchema());
  const formatError = createFormatError(log, {
    suggestions: config.nodeEnv === "development",
    maxTokens: config.limits.maxTokens,
  });
  const persistedQueries = new PersistedQueryStore(
    registered,
    undefined,
    hit => metrics?.cacheLookup("persisted_queries", hit),
    rateLimits.redis
      ? { redis: rateLimits.redis, prefix: config.responseCache.redisPrefix, log }
      : null,
  );
  const compiled = new CompiledOperations(schema, config.execution);
  if (!installGatewayRequestContext()) {
    log.warn(
      "this Apollo Server keeps its gateway request-context builder elsewhere, so Apollo's own is used: " +
        "every request then reaches the old generation (more full GCs, lower throughput); " +
        "see src/server/gateway-request-context.ts, and pin @apollo/server to 5.x until it is updated",
    );
  }
  metrics?.watchExecution(compiled);
  metrics?.watchRetention(retention);
  const apollo = new ApolloServer<AppContext>({
    // Operations that repeat run compiled (graphql-jit); Apollo takes an executor only this way.
    gateway: executingGateway(schema, compiled),
    introspection: config.introspection,
    // Limits on the document itself (src/graphql/limits.ts); cost and budgets in requestLimitsPlugin.
    parseOptions: { maxTokens: config.limits.maxTokens },
    validationRules: documentLimitRules(config.limits),
    allowBatchedHttpRequests: false,
    formatError,
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGTERM: drain HTTP, then close the database.
    stopOnTerminationSignals: false,
    persistedQueries: {
      cache: persistedQueries,
    },
    plugins: [
      ...(metrics ? [metrics.plugin()] : []),
      {
        serverWillStart: async () => ({
          serverWillStop: async () => {
            metrics?.close();
            if (metricsServer?.listening) {
              await new Promise(resolve => metricsServer.close(resolve));
            }
          },
        }),
      },
      requestLimitsPlugin(config.limits, rateLimits.limits),
      {
        serverWillStart: async () => ({
          serverWillStop: async () => {
            // Before the database closes: the round under way records its outcomes.
            await webhooks.stop();
            await retention.stop();
            // The subscribers first: the shared connection closes with the rate limiter.
            await subscriptions.close();
            await events.close();
            await caches.close();
            await rateLimits.close();
          },
        }),
      },
      // Cache policy per document, not per resolved field (Apollo's plugin wraps every resolver).
      ApolloServerPluginCacheControlDisabled(),
      cachePolicyPlugin(config.cacheMaxAge),
      // Each read selects the columns the operation needs (src/graphql/selected-columns.ts).
      columnNeedsPlugin(),
      httpCachePlugin(),
      ...(caches.responses
        ? [
            responseCachePlugin(caches.responses, log, eventPurges, hit =>
              metrics?.cacheLookup("responses", hit),
            ),
          ]
        : []),
      // A mutation answers once its reference-data drops have reached the other processes.
      ...(caches.settled ? [mutationsWaitFor(caches.settled)] : []),
      persistedQueryAllowListPlugin(config, registered),
      requestBudgetPlugin(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      config.landingPage
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  if (config.webhooks.dispatch) webhooks.start();
  retention.start();

  // GraphQL subscriptions over WebSocket on /graphql (graphql-ws).
  const subscriptions = attachSubscriptions({
    config,
    httpServer,
    schema,
    tokens: services.tokens,
    accounts: services.accounts,
    log,
    trustProxy: app.get("trust proxy fn") as (addr: string, i: number) => boolean,
    createContext: (viewer, clientIp) => createContext({ viewer, clientIp }),
    formatError,
    registered,
    stopping: () => shutdown.stopping,
  });
  shutdown.onDrain(() => subscriptions.close());

  if (metrics) app.use(metrics.httpMiddleware());

  app.use(accessLog(log, { requestId: requestIdOf, redactUrl: redactAgendaSecrets }));

  // Once shutdown has begun, a request arriving on an open connection gets a 503 at once.
  app.use((_req, res, next) => {
    if (!shutdown.refuseLate(res)) next();
  });

  app.use(createCors(config));

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });

  app.get(
    "/readyz",
    readinessHandler(dataSource, () => shutdown.stopping),
  );

  if (metrics && !metricsServer) app.get("/metrics", metrics.handler());

  // A cached anonymous GET is answered before budgets, rate limits and Apollo: in front of Express
  // when a hit has nothing to log (pino-http logs every request at info, so then it is answered here,
  // after the access log, CORS and the request count).
  const responses = caches.responses;
  if (responses) {
    const answers = (front?: FrontDoor) =>
      cachedGetAnswers(
        responses,
        log,
        () => metrics?.cacheLookup("responses", true),
        hash => persistedQueries.knows(hash),
        front,
      );
    if (log.isLevelEnabled("info")) {
      app.use("/graphql", answers());
    } else {
      frontDoor = answers({
        headers: ANONYMOUS_CORS_HEADERS,
        requestId: requestIdOf,
        answered: status => metrics?.httpAnswered("graphql", status),
        stopping: () => shutdown.stopping,
      });
    }
  }

  app.use(requestBudget(config.requestTimeoutMs));
  // With read replicas each request is one read scope (src/db/replication.ts): reads go to a replica
  // until it writes. Only then: AsyncLocalStorage costs every promise a hook on Node 20. /graphql
  // enters its scope again after its body is parsed (the parser's events carry no scope).
  const readScope: express.RequestHandler[] = hasReplicas(dataSource)
    ? [(_req, _res, next) => withReadScope(next)]
    : [];
  if (readScope.length) app.use(readScope);
  app.use(
    "/graphql",
    // Covers answers Apollo writes no header for (a rejected token or session, say); Apollo's own header,
    // set by httpCachePlugin, replaces it otherwise.
    (req, res, next) => {
      if (req.headers.authorization !== undefined || req.headers.cookie !== undefined) {
        res.setHeader("Cache-Control", UNCACHEABLE);
      }
      next();
    },
    rateLimitHeadersOnEveryAnswer(rateLimits.limits),
    requireJsonBody,
    express.json({ limit: "1mb" }),
    ...readScope,
    graphqlMiddleware(apollo, {
      context: async ({ req, res }) => {
        const now = new Date();
        const viewer = await requestViewer(services, req, now).catch(err => {
          // A token or session check that cannot reach the database fails like any other read.
          throw classifyDatabaseError(err) ?? err;
        });
        return createContext({
          requestId: String(req.id),
          log: req.log,
          viewer,
          now,
          clientIp: req.ip,
          signal: budgetSignal(res),
          locales: parseAcceptLanguage(req.headers["accept-language"]),
          signInGate: rateLimits.limits,
          cookies: cookieJar(req, res),
        });
      },
      work: shutdown,
    }),
  );

  // After /graphql, which most requests are for: those need not walk these routers' routes.
  app.use(
    ["/calendar", "/schedule", "/embed/sessions"],
    routeBudget(rateLimits.limits, config.rateLimit.routeCost, () =>
      metrics?.rateLimitRefusals.inc({ limit: "route" }),
    ),
  );
  app.use(createAgendaRouter(config, services));
  app.use(createFeedsRouter(config, services));
  app.use(createEmbedsRouter(config, services));
  app.use(createStudioRouter(config, { accounts: services.accounts, schema }));

  app.use(jsonErrorHandler());

  return {
    express: app,
    httpServer,
    apollo,
    compiled,
    services,
    webhooks,
    retention,
    shutdown,
    metrics,
    metricsServer,
    events: events.bus,
    createContext: (requestId, viewer) => createContext({ requestId, viewer }),
  };
}

/** Has each mutation answer only once `settled` resolves. */
function mutationsWaitFor(settled: () => Promise<void>): ApolloServerPlugin<AppContext> {
  return sameListenerEveryRequest({
    async willSendResponse(rc) {
      if (rc.operation?.operation === "mutation") await settled();
    },
  });
}

/** A request's id (`x-request-id`, logged with it): the client's own if it looks like one. */
function requestIdOf(req: http.IncomingMessage): string {
  const incoming = req.headers["x-request-id"];
  return typeof incoming === "string" && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
}

/** A separate listener that answers only GET /metrics (METRICS_PORT). */
function createMetricsServer(metrics: AppMetrics): http.Server {
  const app = express();
  app.disable("x-powered-by");
  app.get("/metrics", metrics.handler());
  app.use((_req, res) => {
    res.status(404).type("text/plain").send("Not found: this port serves GET /metrics only\n");
  });
  return createExpressHttpServer(app, {}, app);
}

/** The HTTP server, its timeouts and connection cap set on purpose from config (see README). */
function createHttpServer(
  config: AppConfig,
  app: Express,
  listener: http.RequestListener,
): http.Server {
  const server = createExpressHttpServer(
    app,
    {
      headersTimeout: config.http.headersTimeoutMs,
      requestTimeout: config.http.bodyTimeoutMs,
      keepAliveTimeout: config.http.keepAliveTimeoutMs,
      // How often Node checks the two timeouts above (default 30 s): a slow client is cut off
      // within a second of its limit.
      connectionsCheckingInterval: 1000,
    },
    listener,
  );
  server.maxConnections = config.http.maxConnections;
  return server;
}
