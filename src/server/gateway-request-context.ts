import type {
  BaseContext,
  GraphQLRequestContextExecutionDidStart,
  HeaderMap,
} from "@apollo/server";
import type {
  GatewayGraphQLRequest,
  GatewayGraphQLRequestContext,
  GatewayHTTPRequest,
  GatewayHTTPResponse,
} from "@apollo/server-gateway-interface";
import { packageModule } from "./package-internals";

type FetcherHeaders = GatewayHTTPRequest["headers"];

/** Apollo's header map, seen through the `Headers`-like interface the gateway API speaks. */
class HeaderMapView implements FetcherHeaders {
  constructor(private readonly map: HeaderMap) {}

  append(name: string, value: string): void {
    const held = this.map.get(name);
    this.map.set(name, held === undefined ? value : `${held}, ${value}`);
  }

  delete(name: string): void {
    this.map.delete(name);
  }

  get(name: string): string | null {
    return this.map.get(name) ?? null;
  }

  has(name: string): boolean {
    return this.map.has(name);
  }

  set(name: string, value: string): void {
    this.map.set(name, value);
  }

  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }

  values(): IterableIterator<string> {
    return this.map.values();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}

/** The response's HTTP head as the gateway sees it: its status read and written through. */
class ResponseHead implements GatewayHTTPResponse {
  readonly headers: HeaderMapView;

  constructor(private readonly head: { status?: number; headers: HeaderMap }) {
    this.headers = new HeaderMapView(head.headers);
  }

  get status(): number | undefined {
    return this.head.status;
  }

  set status(status: number | undefined) {
    this.head.status = status;
  }
}

/** What the builder reads of the server and of its internals. */
interface ServerParts {
  logger: GatewayGraphQLRequestContext["logger"];
  cache: GatewayGraphQLRequestContext["cache"];
}

/**
 * The request context a gateway's executor is given, with the fields and behaviour of Apollo
 * Server's own builder (`makeGatewayGraphQLRequestContext`, Apollo Server 5), but for the one thing
 * that matters here: the response's `status` is an accessor of a class, where Apollo's is a getter
 * and a setter in an object literal.
 *
 * V8 builds an object literal with accessors in dictionary mode, apart from the young generation,
 * and such an object is found dead only by a full collection. Until then, minor collections take
 * it for live, and with it its two closures and what they reach: the whole request (its context,
 * loaders and rows, and its response). Every operation the gateway executed thus went to the old
 * generation (about 50 of the 60 KB promoted per program page), which ran a full collection
 * several times a second: on the program page that cost a quarter to a third of the throughput.
 */
export function gatewayRequestContext<TContext extends BaseContext>(
  rc: GraphQLRequestContextExecutionDidStart<TContext>,
  server: ServerParts,
  internals: { includeStacktraceInErrorResponses?: boolean },
): GatewayGraphQLRequestContext {
  const given = rc.request;
  const request: GatewayGraphQLRequest = {};
  if ("query" in given) request.query = given.query;
  if ("operationName" in given) request.operationName = given.operationName;
  if ("variables" in given) request.variables = given.variables;
  if ("extensions" in given) request.extensions = given.extensions;
  if (given.http) {
    const search = given.http.search;
    request.http = {
      method: given.http.method,
      // The gateway API wants a URL; Apollo has only the query string, so the origin is a stand-in.
      url: `https://unknown-url.invalid/${search !== "" && !search.startsWith("?") ? "?" : ""}${search}`,
      headers: new HeaderMapView(given.http.headers),
    };
  }
  return {
    request,
    response: { http: new ResponseHead(rc.response.http) },
    logger: server.logger,
    schema: rc.schema,
    schemaHash:
      "schemaHash no longer exists since Apollo Server 4" as GatewayGraphQLRequestContext["schemaHash"],
    context: rc.contextValue,
    cache: server.cache,
    queryHash: rc.queryHash,
    document: rc.document,
    source: rc.source,
    operationName: rc.operationName,
    operation: rc.operation,
    errors: rc.errors,
    metrics: rc.metrics,
    debug: internals.includeStacktraceInErrorResponses,
    overallCachePolicy: rc.overallCachePolicy,
    requestIsBatched: rc.requestIsBatched,
  };
}

/** Apollo Server's module that builds a gateway's request context (not among its exports). */
interface BuilderModule {
  makeGatewayGraphQLRequestContext: unknown;
}

/**
 * Has Apollo Server build its gateways' request contexts with `gatewayRequestContext`. Its request
 * pipeline reads the builder from its module at each call, so replacing the module's export is
 * enough. Returns false, changing nothing, when this version of Apollo Server keeps no such
 * builder there.
 */
export function installGatewayRequestContext(): boolean {
  const builder = packageModule<BuilderModule>(
    "@apollo/server",
    "utils/makeGatewayGraphQLRequestContext.js",
  );
  if (typeof builder?.makeGatewayGraphQLRequestContext !== "function") return false;
  builder.makeGatewayGraphQLRequestContext = gatewayRequestContext;
  return true;
}
