import { STATUS_CODES, type IncomingMessage, type Server } from "node:http";
import type { Duplex } from "node:stream";
import {
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from "graphql";
import type { SubscribePayload } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import type { Logger } from "pino";
import proxyaddr from "proxy-addr";
import { WebSocketServer, type WebSocket } from "ws";
import type { AppConfig } from "../core/config";
import type { Viewer } from "../core/context";
import {
  AppError,
  BadUserInputError,
  OriginNotAllowedError,
  PersistedQueryNotAllowedError,
  TooManySubscriptionsError,
  UnauthenticatedError,
} from "../core/errors";
import type { AppContext } from "../graphql/context";
import { checkCost } from "../graphql/cost";
import { documentShapeRules } from "../graphql/limits";
import { hookedFieldResolver } from "./field-hooks";
import { queryHash } from "./persisted-queries";
import {
  socketCredential,
  socketViewer,
  type CredentialCheckers,
  type SocketCredential,
} from "./session-cookie";
import { withFields } from "../core/objects";

/** The GraphQL-over-WebSocket path: the same as HTTP's. */
export const SUBSCRIPTIONS_PATH = "/graphql";

/** Largest message a client may send over the socket. */
const MAX_MESSAGE_BYTES = 64 * 1024;
/** graphql-ws's close code for a refused connection (its clients' `Forbidden`). */
const FORBIDDEN_CLOSE = 4403;

/** What the WebSocket side needs from the app. */
export interface SubscriptionDeps extends CredentialCheckers {
  config: AppConfig;
  httpServer: Server;
  schema: GraphQLSchema;
  log: Logger;
  /** Express's compiled `trust proxy` setting, so the client address is worked out as for HTTP. */
  trustProxy: (addr: string, i: number) => boolean;
  /** A subscription's context: the viewer from connectionParams, a fresh loader set. */
  createContext(viewer: Viewer, clientIp: string): AppContext;
  /** Formats errors as HTTP answers do (codes kept, internals hidden). */
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  /** The registered operations by hash (PERSISTED_QUERIES=allowlist holds anonymous clients to them). */
  registered: ReadonlyMap<string, string>;
  /** True once shutdown began: new upgrades are refused. */
  stopping(): boolean;
}

/** What graphql-ws keeps per connection for us (beside its own socket and request). */
type Extra = {
  credential?: SocketCredential;
  clientIp?: string;
};

/**
 * Serves GraphQL subscriptions with graphql-ws on the HTTP server's `/graphql` path (the
 * `graphql-transport-ws` subprotocol). Authentication comes from `connectionParams.authorization`
 * (`Bearer ctk_…`, checked as the HTTP header is), else from the Studio's session cookie on the
 * upgrade request when it comes from the hub's own origin (socketCredential); it is checked at
 * connection and again for every subscription. A refused or ended credential closes the socket with
 * 4403 and a reason that starts with the error's code (`UNAUTHENTICATED`, `ORIGIN_NOT_ALLOWED`).
 * Each subscription document is held to the same limits as an HTTP query (tokens, depth, aliases,
 * directives, repeats, cost); only subscription operations are accepted (queries and mutations go
 * over HTTP). A connection may hold SUBSCRIPTIONS_PER_CONNECTION subscriptions, a client IP
 * WS_CONNECTIONS_PER_CLIENT connections to this process; the server pings every WS_KEEPALIVE_MS and
 * drops a peer that stops answering. With PERSISTED_QUERIES=allowlist an anonymous client may only
 * subscribe with a registered document, as over HTTP.
 */
export function attachSubscriptions(deps: SubscriptionDeps): { close(): Promise<void> } {
  const { config } = deps;
  const limits = config.limits;
  const rules = [...specifiedRules, ...documentShapeRules(limits)];
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const perClient = new Map<string, number>();
  const recheck = recheckCredentials(deps);

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? "").split("?")[0];
    if (path !== SUBSCRIPTIONS_PATH) {
      refuse(socket, 404, "No WebSocket endpoint here; subscriptions are served on /graphql");
      return;
    }
    if (deps.stopping()) {
      refuse(socket, 503, "The server is shutting down");
      return;
    }
    const ip = proxyaddr(req, deps.trustProxy);
    const open = perClient.get(ip) ?? 0;
    if (open >= config.live.maxConnectionsPerClient) {
      refuse(
        socket,
        429,
        `At most ${config.live.maxConnectionsPerClient} WebSocket connections per client`,
        { "Retry-After": "10" },
      );
      return;
    }
    perClient.set(ip, open + 1);
    let counted = true;
    const release = () => {
      if (!counted) return;
      counted = false;
      const left = (perClient.get(ip) ?? 1) - 1;
      if (left > 0) perClient.set(ip, left);
      else perClient.delete(ip);
    };
    socket.once("close", release);
    wss.handleUpgrade(req, socket, head, ws => {
      ws.once("close", release);
      wss.emit("connection", ws, req);
    });
  };
  deps.httpServer.on("upgrade", onUpgrade);

  const publicOrigin = new URL(config.publicUrl).origin;
  const refusal = (err: unknown): readonly GraphQLError[] => {
    if (err instanceof GraphQLError) return [err];
    throw err;
  };

  const server = useServer<Record<string, unknown>, Extra>(
    {
      schema: deps.schema,
      async onConnect(ctx) {
        try {
          const credential = socketCredential(
            ctx.connectionParams,
            ctx.extra.request,
            publicOrigin,
          );
          await socketViewer(deps, credential, new Date());
          ctx.extra.credential = credential;
          ctx.extra.clientIp = proxyaddr(ctx.extra.request, deps.trustProxy);
          recheck.watch(ctx.extra.socket, credential);
          return true;
        } catch (err) {
          if (!isRefusal(err)) throw err;
          closeRefused(ctx.extra.socket, err);
          return false; // graphql-ws would close with a bare 4403 "Forbidden"; ours went first
        }
      },
      async onSubscribe(ctx, _id, payload: SubscribePayload) {
        // graphql-ws has already reserved this subscription's id in ctx.subscriptions.
        if (Object.keys(ctx.subscriptions).length > config.live.maxSubscriptionsPerConnection) {
          return [new TooManySubscriptionsError(config.live.maxSubscriptionsPerConnection)];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: limits.maxTokens });
        } catch (err) {
          return refusal(err);
        }
        const errors = validate(deps.schema, document, rules);
        if (errors.length) return errors.slice(0, limits.maxErrors);
        const operation = getOperationAST(document, payload.operationName ?? undefined);
        if (!operation) {
          return [new GraphQLError("Name the operation to run (operationName)")];
        }
        if (operation.operation !== "subscription") {
          return [
            new BadUserInputError(
              "Only subscriptions are served over WebSocket; send queries and mutations over HTTP",
            ),
          ];
        }
        const variables = payload.variables ?? undefined;
        try {
          checkCost(deps.schema, document, variables, payload.operationName ?? undefined, limits);
          // A token revoked or a session ended since the connection opened stops new subscriptions
          // at once, and the connection with them: nothing on it may start again.
          let viewer: Viewer;
          try {
            viewer = await socketViewer(deps, ctx.extra.credential!, new Date());
          } catch (err) {
            if (isRefusal(err)) closeRefused(ctx.extra.socket, err);
            throw err;
          }
          if (
            config.persistedQueries === "allowlist" &&
            viewer.role === null &&
            !deps.registered.has(queryHash(payload.query))
          ) {
            return [new PersistedQueryNotAllowedError()];
          }
          return {
            schema: deps.schema,
            document,
            operationName: payload.operationName,
            variableValues: variables,
            contextValue: deps.createContext(viewer, ctx.extra.clientIp ?? "unknown"),
            fieldResolver: hookedFieldResolver,
          };
        } catch (err) {
          if (err instanceof AppError) return [err];
          return refusal(err);
        }
      },
      onOperation(_ctx, id, payload) {
        deps.log.debug(
          { subscription: id, operationName: payload.operationName },
          "subscription started",
        );
      },
      onNext(_ctx, _id, _payload, _args, result) {
        if (!result.errors?.length) return;
        return withFields(result, {
          errors: result.errors.map(e => deps.formatError(e.toJSON(), e)),
        });
      },
      onError(_ctx, _id, _payload, errors) {
        return errors.map(e => deps.formatError(e.toJSON(), e));
      },
    },
    wss,
    config.live.keepAliveMs,
  );

  let closed: Promise<void> | null = null;
  return {
    // Called when draining begins and again when Apollo stops: the first call does the work.
    close() {
      closed ??= (async () => {
        deps.httpServer.off("upgrade", onUpgrade);
        recheck.stop();
        for (const client of wss.clients) client.close(1001, "Server shutting down");
        // Closes the WebSocket server too.
        await server.dispose();
        for (const client of wss.clients as Set<WebSocket>) client.terminate();
      })();
      return closed;
    },
  };
}

/**
 * Checks each signed-in connection's credential again every WS_RECHECK_MS, so that a subscription
 * does not outlive the token or session it was started with: a refused credential closes the socket
 * (4403, as at connection). Credentials are checked one after another, each connection once a
 * period; a check that fails for another reason (the database away) keeps the connection until the
 * next.
 */
function recheckCredentials(deps: SubscriptionDeps): {
  watch(socket: WebSocket, credential: SocketCredential): void;
  stop(): void;
} {
  const watched = new Map<WebSocket, SocketCredential>();
  let running = false;
  const timer = setInterval(() => {
    if (running || watched.size === 0) return;
    running = true;
    void (async () => {
      const now = new Date();
      for (const [socket, credential] of [...watched]) {
        if (!watched.has(socket)) continue;
        try {
          await socketViewer(deps, credential, now);
        } catch (err) {
          if (!isRefusal(err)) {
            deps.log.warn({ err }, "a WebSocket credential could not be checked again");
            continue;
          }
          watched.delete(socket);
          deps.log.info({ code: err.code }, "WebSocket closed: its credential no longer holds");
          closeRefused(socket, err);
        }
      }
    })().finally(() => {
      running = false;
    });
  }, deps.config.live.recheckMs);
  timer.unref();
  return {
    watch(socket, credential) {
      if (credential.kind === "anonymous") return;
      watched.set(socket, credential);
      socket.once("close", () => watched.delete(socket));
    },
    stop() {
      clearInterval(timer);
      watched.clear();
    },
  };
}

/** An error that refuses a connection's credential (rather than a fault). */
function isRefusal(err: unknown): err is UnauthenticatedError | OriginNotAllowedError {
  return err instanceof UnauthenticatedError || err instanceof OriginNotAllowedError;
}

/** Closes a connection whose credential was refused: 4403, the reason led by the error's code. */
function closeRefused(socket: WebSocket, err: AppError): void {
  // A close reason holds at most 123 bytes: kept to printable ASCII, one byte per character.
  const reason = `${err.code}: ${err.message}`.replace(/[^\x20-\x7e]/g, "?");
  socket.close(FORBIDDEN_CLOSE, reason.slice(0, 123));
}

/** Answers an upgrade request with a plain HTTP error and closes the socket. */
function refuse(socket: Duplex, status: number, message: string, headers = {}): void {
  const reason = STATUS_CODES[status] ?? "Error";
  const head = Object.entries(withFields({ "Content-Type": "text/plain; charset=utf-8" }, headers))
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join("");
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${head}Connection: close\r\n\r\n${message}\n`);
}
