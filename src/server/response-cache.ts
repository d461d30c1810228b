import { createHash } from "node:crypto";
import type { ApolloServerPlugin, GraphQLRequestListener } from "@apollo/server";
import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isListType,
  isObjectType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from "graphql";
import type http from "node:http";
import { LRUCache } from "lru-cache";
import type { Logger } from "pino";
import type { DomainEvent } from "../core/events";
import { parseAcceptLanguage } from "../core/locale";
import { decodeOrNull } from "../core/global-id";
import { CACHE_TAGS_EXTENSION } from "../graphql/cache-hint";
import type { AppContext } from "../graphql/context";
import { GRAPHQL_VARY } from "./cache-control";
import type { CachedResponse, ResponseStore } from "./response-store";
import { observeFields } from "./field-hooks";

/**
 * A server-side cache of anonymous query responses (no Authorization, no Cookie), sent by GET or as
 * a persisted query. The key is a hash of the document (Apollo's queryHash), the operation name, the
 * variables and the languages asked for with Accept-Language (translatable fields answer in them):
 * nothing else in a request changes an anonymous response. The entry lives as
 * long as the response's max-age (Apollo's cache policy) and is served with the remaining max-age
 * and an `Age` header; a hit runs no resolver and no SQL, and a conditional GET of it gets its 304
 * from Express's ETag of the same bytes.
 *
 * Invalidation by what was read: while a cacheable query runs, every object whose fields resolve
 * tags the entry `Type:id`, and every list, connection or root field tags it `Type:list` (coarse on
 * purpose: one tag per type, not per parent, so that a write never needs to know which parents'
 * lists it moved a record in or out of); so does a type or field marked `@DerivedFrom` (an edition's
 * neighbour in its series is read from the list of conferences). A mutation collects the same tags from what it returns and
 * from the global ids in its arguments, and purges `Type:id` for each record plus `Type:list` for
 * each type (and for the unions and interfaces that contain it) once it has committed.
 */
export function responseCachePlugin(
  store: ResponseStore,
  log: Logger,
  eventPurges?: EventPurges,
  /** Told of every lookup (for /metrics): hit or miss. */
  onLookup?: (hit: boolean) => void,
): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart({ request }): Promise<GraphQLRequestListener<AppContext>> {
      const headers = request.http?.headers;
      const anonymous =
        headers !== undefined &&
        headers.get("authorization") === undefined &&
        headers.get("cookie") === undefined;
      const transport =
        request.http?.method === "GET" || request.extensions?.persistedQuery !== undefined;
      const tags = new Set<string>();
      let key: string | null = null;
      let generation: string | null = null;
      let hit = false;
      return {
        async responseForOperation(rc) {
          // No operation (an operationName the document lacks): Apollo answers the client's mistake.
          if (!anonymous || !transport || rc.operation?.operation !== "query") return null;
          // Unreachable (an outage, logged once by the connection): the query runs uncached.
          if (store.available?.() === false) return null;
          key = responseKey(
            rc.queryHash,
            rc.request.operationName,
            rc.request.variables,
            rc.contextValue.locales ?? [],
          );
          try {
            const entry = await store.get(key);
            onLookup?.(entry !== null);
            if (!entry) {
              generation = await store.generation();
              return null;
            }
            const now = Date.now();
            hit = true;
            rc.overallCachePolicy.replace({
              maxAge: Math.max(0, Math.floor((entry.expiresAt - now) / 1000)),
              scope: "PUBLIC",
            });
            rc.response.http.headers.set(
              "age",
              String(Math.max(0, Math.floor((now - entry.storedAt) / 1000))),
            );
            return {
              http: rc.response.http,
              body: { kind: "single", singleResult: JSON.parse(entry.body) },
            };
          } catch (err) {
            // An unreachable store only costs the cache: the query runs.
            log.warn({ err }, "response cache unavailable: the query runs uncached");
            key = null;
            return null;
          }
        },
        async executionDidStart(rc) {
          if (!rc.operation) return;
          const mutation = rc.operation.operation === "mutation";
          if (!mutation && (key === null || generation === null)) return;
          const rootName = rc.schema.getRootType(rc.operation.operation)?.name;
          observeFields(rc.contextValue, (source, args, info) => {
            const parent = info.parentType.name;
            // A mutation tags only the records it returns at the top, not everything nested.
            if (mutation && fieldDepth(info.path) > 2) return;
            const id = (source as { id?: unknown } | undefined)?.id;
            if (parent !== rootName && (typeof id === "number" || typeof id === "string")) {
              tags.add(`${parent}:${id}`);
            }
            const named = getNamedType(info.returnType);
            for (const derived of [
              named.extensions?.[CACHE_TAGS_EXTENSION],
              info.parentType.getFields()[info.fieldName]?.extensions?.[CACHE_TAGS_EXTENSION],
            ]) {
              if (Array.isArray(derived)) for (const type of derived) tags.add(`${type}:list`);
            }
            if (
              isCompositeType(named) &&
              (parent === rootName ||
                isListType(getNullableType(info.returnType)) ||
                isConnection(named))
            ) {
              tags.add(`${listTypeOf(named)}:list`);
            }
            if (mutation && parent === rootName) collectIds(args, tags, 0);
          });
        },
        async willSendResponse(rc) {
          if (rc.operation?.operation === "mutation") {
            if (tags.size) await purge(store, withAbstractLists(rc.schema, tags), log);
            // What the commit announced (programs' versions and change lists): purged before the
            // client hears the mutation's answer.
            await eventPurges?.settled();
            return;
          }
          if (hit || key === null || generation === null) return;
          const body = rc.response.body;
          if (body.kind !== "single" || body.singleResult.errors?.length) return;
          const policy = rc.overallCachePolicy.policyIfCacheable();
          if (!policy?.maxAge || policy.scope !== "PUBLIC") return;
          const now = Date.now();
          const json = JSON.stringify({ data: body.singleResult.data });
          const entry = {
            body: json,
            etag: weakEtag(`${json}\n`),
            storedAt: now,
            expiresAt: now + policy.maxAge * 1000,
          };
          try {
            await store.set(key, entry, [...tags], generation);
          } catch (err) {
            log.warn({ err }, "response cache unavailable: the response was not stored");
          }
        },
      };
    },
  };
}

/**
 * Purges what committed domain events changed beyond the records a mutation returns: a schedule
 * change moves its conferences' `scheduleVersion` and every change list. Listens on
 * `Writer.onCommitted`; a mutation's answer waits for the purges in flight (`settled`).
 */
export class EventPurges {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly store: ResponseStore,
    private readonly log: Logger,
  ) {}

  readonly listener = (events: DomainEvent[]): void => {
    const tags = new Set<string>();
    for (const event of events) {
      if (event.type === "schedule.changed" || event.type === "session.cancelled") {
        for (const id of event.conferenceIds) tags.add(`Conference:${id}`);
        tags.add("Conference:list").add("ScheduleChange:list").add("Session:list");
        const subject = decodeOrNull(String(event.data.subject ?? event.data.session ?? ""));
        if (subject) tags.add(`${subject.type}:${subject.id}`);
      } else if (event.type === "comment.approved") {
        const article = decodeOrNull(String(event.data.article ?? ""));
        if (article) tags.add(`Article:${article.id}`);
        tags.add("Comment:list");
      } else if (event.type === "article.published") {
        tags.add("Article:list");
      }
    }
    if (!tags.size) return;
    tags.add("Node:list");
    const done: Promise<void> = purge(this.store, [...tags], this.log).finally(() =>
      this.pending.delete(done),
    );
    this.pending.add(done);
  };

  /** Resolves when every purge started so far has finished (or failed and been logged). */
  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }
}

async function purge(store: ResponseStore, tags: string[], log: Logger) {
  try {
    await store.purge(tags);
  } catch (err) {
    // Entries then live out their max-age: the bound every cached response has anyway.
    log.error({ err, tags }, "response cache purge failed; entries expire at their max-age");
  }
}

/** How many fields deep a resolver path is (list indexes do not count). */
function fieldDepth(path: { key: string | number; prev: unknown } | undefined): number {
  let depth = 0;
  for (let at = path; at; at = at.prev as typeof path) if (typeof at.key === "string") depth++;
  return depth;
}

function isConnection(type: GraphQLNamedType): boolean {
  return isObjectType(type) && type.name.endsWith("Connection") && "edges" in type.getFields();
}

/** The type a list tag names: a connection's node type, else the type itself. */
function listTypeOf(type: GraphQLNamedType): string {
  if (!isConnection(type) || !isObjectType(type)) return type.name;
  const edge = getNamedType(type.getFields().edges.type);
  const node = isObjectType(edge) ? edge.getFields().node : undefined;
  return node ? getNamedType(node.type).name : type.name;
}

/** Global ids among a mutation's arguments (an id, an input's id, lists of ids): `Type:id` and `Type:list`. */
function collectIds(value: unknown, tags: Set<string>, depth: number) {
  if (depth > 3) return;
  if (typeof value === "string") {
    const decoded = value.length <= 200 ? decodeOrNull(value) : null;
    if (decoded) {
      tags.add(`${decoded.type}:${decoded.id}`);
      tags.add(`${decoded.type}:list`);
    }
  } else if (Array.isArray(value)) {
    for (const item of value.slice(0, 100)) collectIds(item, tags, depth + 1);
  } else if (value && typeof value === "object") {
    for (const item of Object.values(value)) collectIds(item, tags, depth + 1);
  }
}

/** A mutation's tags, plus `Type:list` for every type it touched and the abstract types above it. */
function withAbstractLists(schema: GraphQLSchema, tags: Set<string>): string[] {
  const out = new Set(tags);
  const types = new Set([...tags].map(tag => tag.slice(0, tag.indexOf(":"))));
  for (const name of types) {
    out.add(`${name}:list`);
    const type = schema.getType(name);
    if (!isObjectType(type)) continue;
    for (const abstract of Object.values(schema.getTypeMap())) {
      if (isAbstractType(abstract) && schema.isSubType(abstract, type))
        out.add(`${abstract.name}:list`);
    }
  }
  return [...out];
}

/**
 * The cache key of an anonymous query: the document's hash (Apollo's queryHash: SHA-256 of the text,
 * or a persisted query's hash), the operation name and the variables, as the client sent them.
 */
export function responseKey(
  queryHash: string | undefined,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  /** The request's languages (Accept-Language): translatable fields answer in them. */
  locales: readonly string[],
): string {
  return createHash("sha256")
    .update(JSON.stringify([queryHash, operationName ?? null, variables ?? {}, locales]))
    .digest("base64url");
}

/** The weak ETag Express gives a body (`W/"<length>-<sha1>"`), so both paths agree on it. */
export function weakEtag(body: string): string {
  const hash = createHash("sha1").update(body, "utf8").digest("base64").slice(0, 27);
  return `W/"${Buffer.byteLength(body, "utf8").toString(16)}-${hash}"`;
}

/** Headers one of which a GET must carry to pass Apollo's CSRF prevention. */
const PREFLIGHT_HEADERS = ["apollo-require-preflight", "x-apollo-operation-name"];

const JSON_TYPE = "application/json; charset=utf-8";

/**
 * What the middleware in front of Apollo would have added to an answer, for a fast path that answers
 * before Express runs at all (`cachedGetAnswers`' `front`).
 */
export interface FrontDoor {
  /** Header names and values every anonymous answer carries (CORS), flat: `[name, value, …]`. */
  headers: readonly string[];
  /** The answer's `x-request-id`. */
  requestId(req: http.IncomingMessage): string;
  /** Told of every answer (for `crosstalk_http_requests_total`). */
  answered?(status: number): void;
  /** True once shutdown has begun: requests go on to Express, which refuses them. */
  stopping(): boolean;
}

/** A stored entry as the fast path sends it: its bytes and their length, prepared once. */
interface Prepared {
  bytes: Buffer;
  length: string;
  etag: string;
}

/** A GET the fast path may answer: its cache key and, for a persisted query, the hash. */
interface KnownGet {
  key: string;
  hash: string | null;
}

/**
 * Answers a cached anonymous GET before Apollo sees it: no parse, validation, limits or execution,
 * no statement and no rate-limit bookkeeping (a hit costs the server nothing to refuse). Anything
 * it is not sure about (no hit, a token or cookie, no CSRF preflight header, an Accept header asking
 * for another type, a query string it cannot read) goes on (`next`) to Apollo unchanged, whose
 * response cache plugin then looks up (and stores) as usual. A conditional GET whose ETag matches
 * gets its 304.
 *
 * Works as Express middleware, or, with `front`, as the HTTP server's own request listener in front
 * of Express (`next` then hands the request to Express): a hit then runs no middleware at all, and
 * `front` adds what the middleware would have (CORS headers, request id, the request count). The
 * cost of a hit is kept to a header check, one Map lookup of the raw URL (the key is worked out once
 * per distinct URL and Accept-Language) and one write of bytes prepared once per entry; with the
 * in-process store it runs synchronously.
 */
export function cachedGetAnswers(
  store: ResponseStore,
  log: Logger,
  onHit?: () => void,
  /** Whether this process runs a persisted hash by itself; unknown hashes go to Apollo to learn. */
  knowsHash: (hash: string) => boolean = () => true,
  front?: FrontDoor,
): (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void {
  // Raw URL and Accept-Language → key: a pure function of the two, so safe to remember.
  const keys = new LRUCache<string, KnownGet>({
    max: 1000,
    maxSize: 4 * 1024 * 1024,
    sizeCalculation: (value, memo) => 2 * (memo.length + value.key.length) + 64,
  });
  const prepared = new WeakMap<CachedResponse, Prepared>();

  /** Sends a fresh entry (true), or leaves the request alone (false). */
  const answer = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    entry: CachedResponse | null,
  ): boolean => {
    const now = Date.now();
    const maxAge = entry ? Math.floor((entry.expiresAt - now) / 1000) : 0;
    if (!entry || maxAge <= 0) return false;
    let ready = prepared.get(entry);
    if (!ready) {
      const bytes = Buffer.from(`${entry.body}\n`, "utf8");
      ready = {
        bytes,
        length: String(bytes.length),
        etag: entry.etag ?? weakEtag(`${entry.body}\n`),
      };
      prepared.set(entry, ready);
    }
    onHit?.();
    const headers: string[] = front ? ["x-request-id", front.requestId(req), ...front.headers] : [];
    headers.push(
      "cache-control",
      `public, max-age=${maxAge}`,
      "age",
      String(Math.max(0, Math.floor((now - entry.storedAt) / 1000))),
      "vary",
      GRAPHQL_VARY,
      "etag",
      ready.etag,
    );
    if (isFresh(req.headers, ready.etag)) {
      res.writeHead(304, headers);
      res.end();
      front?.answered?.(304);
      return true;
    }
    headers.push("content-type", JSON_TYPE, "content-length", ready.length);
    res.writeHead(200, headers);
    res.end(ready.bytes);
    front?.answered?.(200);
    return true;
  };

  return (req, res, next) => {
    if (req.method !== "GET" || front?.stopping()) return next();
    // Unreachable (an outage, logged once by the connection): Apollo runs the query uncached.
    if (store.available?.() === false) return next();
    const url = (req as { originalUrl?: string }).originalUrl ?? req.url ?? "";
    if (!eligible(url, req.headers)) return next();
    const memo = `${url}\n${req.headers["accept-language"] ?? ""}`;
    let known = keys.get(memo);
    if (!known) {
      const parsed = getRequestKey(url, req.headers);
      if (!parsed) return next();
      keys.set(memo, (known = parsed));
    }
    if (known.hash !== null && !knowsHash(known.hash)) return next();
    const key = known.key;
    if (store.peek) {
      if (!answer(req, res, store.peek(key))) next();
      return;
    }
    store.get(key).then(
      entry => {
        if (!answer(req, res, entry)) next();
      },
      (err: unknown) => {
        log.warn({ err }, "response cache unavailable: the query runs uncached");
        next();
      },
    );
  };
}

/** Whether a GET is one the fast path may answer at all (path and headers), before any parsing. */
function eligible(url: string, headers: http.IncomingHttpHeaders): boolean {
  if (!url.startsWith("/graphql") || (url.length > 8 && url[8] !== "?")) return false;
  if (headers.authorization !== undefined || headers.cookie !== undefined) return false;
  if (headers["content-type"] !== undefined) return false;
  if (!PREFLIGHT_HEADERS.some(name => headers[name] !== undefined)) return false;
  const accept = headers.accept;
  return accept === undefined || accept === "*/*" || accept === "application/json";
}

/** The key of a GET that the fast path may answer, or null to leave it to Apollo. */
function getRequestKey(url: string, headers: http.IncomingHttpHeaders): KnownGet | null {
  // Read the query string as Apollo does (URLSearchParams, each parameter at most once).
  const at = url.indexOf("?");
  const params = new URLSearchParams(at < 0 ? "" : url.slice(at + 1));
  const once = (name: string): string | undefined | false => {
    const values = params.getAll(name);
    return values.length > 1 ? false : values[0];
  };
  const query = once("query");
  const operationName = once("operationName");
  const variables = once("variables");
  const extensions = once("extensions");
  if (query === false || operationName === false || variables === false || extensions === false) {
    return null;
  }
  try {
    let queryHash: string;
    let hash: string | null = null;
    if (query !== undefined) {
      queryHash = createHash("sha256").update(query).digest("hex");
    } else {
      const persisted = (JSON.parse(extensions ?? "null") as PersistedExtensions | null)
        ?.persistedQuery?.sha256Hash;
      if (typeof persisted !== "string") return null;
      queryHash = hash = persisted;
    }
    const vars = variables === undefined ? undefined : (JSON.parse(variables) as unknown);
    if (vars !== undefined && (vars === null || typeof vars !== "object" || Array.isArray(vars))) {
      return null;
    }
    const key = responseKey(
      queryHash,
      operationName,
      vars as Record<string, unknown> | undefined,
      parseAcceptLanguage(headers["accept-language"]),
    );
    return { key, hash };
  } catch {
    return null;
  }
}

interface PersistedExtensions {
  persistedQuery?: { sha256Hash?: unknown };
}

/** Express's freshness rule for If-None-Match (the `fresh` package): a listed or `*` ETag. */
function isFresh(headers: http.IncomingHttpHeaders, etag: string): boolean {
  const noneMatch = headers["if-none-match"];
  if (!noneMatch) return false;
  if (/(?:^|,)\s*no-cache\s*(?:,|$)/.test(headers["cache-control"] ?? "")) return false;
  if (noneMatch.trim() === "*") return true;
  return noneMatch
    .split(",")
    .map(tag => tag.trim())
    .some(tag => tag === etag || `W/${tag}` === etag || tag === `W/${etag}`);
}
