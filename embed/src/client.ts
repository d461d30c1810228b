import { EMBED_OPERATIONS, type EmbedOperationName } from "./operations";

/** sha256 of each operation, computed by the build (embed/build.js) so browsers need no crypto. */
declare const __CROSSTALK_HASHES__: Record<EmbedOperationName, string>;

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** The hub this script was loaded from: its /graphql is the default endpoint. */
export function hubUrl(path: string): string {
  return new URL(path, import.meta.url).toString();
}

/** A GraphQL error answer or a transport failure, with the code when the server gave one. */
export class EmbedError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

async function get<T>(
  endpoint: string,
  params: URLSearchParams,
  name: string,
  signal: AbortSignal,
) {
  const url = new URL(endpoint);
  params.forEach((value, key) => url.searchParams.set(key, value));
  const res = await fetch(url, {
    method: "GET",
    // Apollo's CSRF prevention lets a GET through when it names its operation.
    headers: { "x-apollo-operation-name": name, accept: "application/json" },
    credentials: "omit",
    mode: "cors",
    signal,
  });
  const text = await res.text();
  try {
    return JSON.parse(text) as GraphQLBody<T>;
  } catch {
    throw new EmbedError(`The hub answered ${res.status} without GraphQL`);
  }
}

/**
 * Runs one of the embeds' operations as an Apollo automatic persisted query over GET: first by hash
 * alone (cacheable, small URL), then once more with the query text when the server has not seen the
 * hash yet (PERSISTED_QUERY_NOT_FOUND), which registers it.
 */
export async function runOperation<T>(
  endpoint: string,
  name: EmbedOperationName,
  variables: Record<string, unknown>,
  signal: AbortSignal,
): Promise<T> {
  const params = new URLSearchParams({
    operationName: name,
    variables: JSON.stringify(variables),
    extensions: JSON.stringify({
      persistedQuery: { version: 1, sha256Hash: __CROSSTALK_HASHES__[name] },
    }),
  });
  let body = await get<T>(endpoint, params, name, signal);
  if (body.errors?.some(e => e.extensions?.code === "PERSISTED_QUERY_NOT_FOUND")) {
    params.set("query", EMBED_OPERATIONS[name]);
    body = await get<T>(endpoint, params, name, signal);
  }
  if (body.errors?.length || !body.data) {
    const first = body.errors?.[0];
    throw new EmbedError(first?.message ?? "No data", first?.extensions?.code);
  }
  return body.data;
}
