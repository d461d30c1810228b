import { COMMON_WORD, NO_MATCH_WORD, RARE_WORD, type Dataset } from "./data/generate";
import type { Scale } from "./data/scale";

/**
 * The GraphQL documents both servers answer, by operation name. The measured ones select no cursor
 * values (`cursor`, `startCursor`, `endCursor`): cursor encoding is each server's own business, so
 * byte-for-byte comparison covers everything else. The walks select `endCursor` only to reach deep
 * pages and are never compared.
 */
export const DOCUMENTS = {
  ProgramPage: `query ProgramPage($slug: String!, $first: Int!, $after: String) {
  conference(slug: $slug) {
    name
    timezone
    sessions(first: $first, after: $after) {
      pageInfo { hasNextPage hasPreviousPage }
      nodes {
        id slug title kind room startsAt endsAt
        speakers { id slug name affiliation }
        audiences { slug name }
      }
    }
  }
}`,
  ProgramWalk: `query ProgramWalk($slug: String!, $first: Int!, $after: String) {
  conference(slug: $slug) { sessions(first: $first, after: $after) { pageInfo { hasNextPage endCursor } } }
}`,
  ArticlesPage: `query ArticlesPage($first: Int!, $after: String) {
  articles(first: $first, after: $after) {
    pageInfo { hasNextPage hasPreviousPage }
    nodes {
      id slug title kind excerpt publishedAt
      publication { slug name }
      authors { slug name }
    }
  }
}`,
  ArticlesWalk: `query ArticlesWalk($first: Int!, $after: String) {
  articles(first: $first, after: $after) { pageInfo { hasNextPage endCursor } }
}`,
  Search: `query Search($query: String!, $first: Int!) {
  search(query: $query, first: $first) {
    totalCount
    pageInfo { hasNextPage }
    edges {
      score
      node {
        __typename
        ... on Session { id slug title }
        ... on Person { id slug name }
        ... on Article { id slug title }
      }
    }
  }
}`,
  SessionPage: `query SessionPage($slug: String!) {
  session(slug: $slug) {
    id slug title abstract kind level room startsAt endsAt
    hostConference { slug name timezone }
    programs { slug name }
    audiences { slug name }
    topics { slug name }
    speakers {
      id slug name affiliation
      sessions(first: 5) { nodes { slug title startsAt } }
    }
  }
}`,
} as const;

export type OperationName = keyof typeof DOCUMENTS;

/** The cursors one server handed out while the bench walked its pages (cursors are per server). */
export interface Cursors {
  /** After `deepProgramOffset` sessions of the program. */
  program: string | null;
  /** Before each measured article page, keyed by page number (null for page 1). */
  articles: Record<number, string | null>;
}

/** One request: a POST body, or (with `get`) the same operation as an anonymous GET. */
export interface Request {
  operationName: OperationName;
  variables: Record<string, unknown>;
  get?: boolean;
  headers?: Record<string, string>;
}

/** A measured operation: its label and the request(s) it sends, given the target's cursors. */
export interface Operation {
  name: string;
  requests(cursors: Cursors): Request[];
  /**
   * Set for Crosstalk-only operations (cached reads): the ceiling operation whose uncached figures
   * they are compared with.
   */
  reference?: string;
  /** The status every response must have (default 200). */
  status?: number;
}

/**
 * Cached reads, measured on Crosstalk only and compared with the ceiling's uncached program page:
 * the same program page as a repeated anonymous GET, and as a conditional GET answered `304` (when
 * Crosstalk sends an ETag).
 */
export function cachedOperations(data: Dataset, etag: string | null): Operation[] {
  const get: Request = {
    operationName: "ProgramPage",
    variables: { slug: data.programSlug, first: 20, after: null },
    get: true,
    headers: { "apollo-require-preflight": "true" },
  };
  const ops: Operation[] = [
    { name: "program page, repeated GET", requests: () => [get], reference: "program page" },
  ];
  if (etag) {
    ops.push({
      name: "program page, 304",
      requests: () => [{ ...get, headers: { ...get.headers, "if-none-match": etag } }],
      reference: "program page",
      status: 304,
    });
  }
  return ops;
}

/** The path and query string of a GET request. */
export function getPath(request: Request): string {
  const params = new URLSearchParams({
    operationName: request.operationName,
    query: DOCUMENTS[request.operationName],
    variables: JSON.stringify(request.variables),
  });
  return `/graphql?${params.toString()}`;
}

/** The measured operations, in report order; the last one mixes all the others. */
export function operations(scale: Scale, data: Dataset): Operation[] {
  const program = (after: string | null): Request => ({
    operationName: "ProgramPage",
    variables: { slug: data.programSlug, first: 20, after },
  });
  const search = (query: string): Request => ({
    operationName: "Search",
    variables: { query, first: 10 },
  });
  const single: Operation[] = [
    { name: "program page", requests: () => [program(null)] },
    { name: "program page, deep cursor", requests: c => [program(c.program)] },
    ...scale.articlePages.map(page => ({
      name: `articles page ${page.toLocaleString("en")}`,
      requests: (c: Cursors): Request[] => [
        {
          operationName: "ArticlesPage",
          variables: { first: scale.articlePageSize, after: c.articles[page] ?? null },
        },
      ],
    })),
    { name: "search, rare word", requests: () => [search(RARE_WORD)] },
    { name: "search, common word", requests: () => [search(COMMON_WORD)] },
    { name: "search, no match", requests: () => [search(NO_MATCH_WORD)] },
    {
      name: "session page (3 levels)",
      requests: () => [{ operationName: "SessionPage", variables: { slug: data.sessionSlug } }],
    },
  ];
  return [...single, { name: "mix", requests: c => single.flatMap(op => op.requests(c)) }];
}

/** The POST body of a request, exactly as both servers receive it. */
export function body(request: Request): string {
  return JSON.stringify({
    operationName: request.operationName,
    query: DOCUMENTS[request.operationName],
    variables: request.variables,
  });
}
