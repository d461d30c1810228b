import { startTestServer, type TestServer } from "../helpers/test-server";

/**
 * graphql-cop's checks and the issue's hostile documents, sent as a hostile client would: over real
 * HTTP to a server configured as in production (introspection off). Every one is refused before it
 * runs: the answer carries the expected code and the database sees no statement at all.
 */

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, any> }[] };
}

interface Attack {
  name: string;
  send: (s: TestServer) => Promise<Answer>;
  status: number;
  /** The code one of the errors must carry. */
  code: string;
  /** Extra checks on the answer. */
  check?: (answer: Answer) => void;
}

const repeat = (n: number, f: (i: number) => string, sep = " ") =>
  Array.from({ length: n }, (_, i) => f(i)).join(sep);

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  let body: Answer["body"];
  try {
    body = JSON.parse(text) as Answer["body"];
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: res.status, headers: res.headers, body };
}

function post(query: string, variables?: Record<string, unknown>) {
  return (s: TestServer) =>
    fetch(`${s.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    }).then(answer);
}

function raw(init: RequestInit & { path?: string }) {
  return (s: TestServer) => fetch(`${s.url}${init.path ?? "/graphql"}`, init).then(answer);
}

function get(params: Record<string, string>, headers: Record<string, string> = {}) {
  return (s: TestServer) =>
    fetch(`${s.url}/graphql?${new URLSearchParams(params)}`, { headers }).then(answer);
}

const noSuggestions = (a: Answer) => {
  expect(JSON.stringify(a.body)).not.toMatch(/did you mean/i);
};

/** sessions → speakers → sessions → speakers …, `levels` times, each page `first` long. */
function speakerChain(levels: number, first: number): string {
  let inner = "name";
  for (let i = 0; i < levels; i++) {
    inner = `sessions(first: ${first}) { nodes { title speakers { ${inner} } } }`;
  }
  return `{ ${inner} }`;
}

const PROGRAM = `conference(slug: "pyworks-2008") { name days { date sessions { title speakers { name } audiences { name } programs { slug } } } }`;

const ATTACKS: Attack[] = [
  // Alias overloading (counting __typename).
  {
    name: "400 aliases of __typename",
    send: post(`{ ${repeat(400, i => `a${i}: __typename`)} }`),
    status: 400,
    code: "QUERY_TOO_MANY_ALIASES",
  },
  {
    name: "1,000 aliases of __typename (refused at the tokens already)",
    send: post(`{ ${repeat(1000, i => `a${i}: __typename`)} }`),
    status: 400,
    code: "QUERY_TOO_MANY_TOKENS",
  },
  {
    name: "31 aliased program queries",
    send: post(`{ ${repeat(31, i => `p${i}: ${PROGRAM}`)} }`),
    status: 400,
    code: "QUERY_TOO_MANY_ALIASES",
  },
  {
    name: "aliases hidden in a fragment",
    send: post(`{ ...F } fragment F on Query { ${repeat(40, i => `t${i}: __typename`)} }`),
    status: 400,
    code: "QUERY_TOO_MANY_ALIASES",
  },
  {
    name: "20 aliased program queries (under the alias limit, over the cost)",
    send: post(`{ ${repeat(20, i => `p${i}: ${PROGRAM}`)} }`),
    status: 400,
    code: "QUERY_TOO_COMPLEX",
  },
  // Batching: Apollo's HTTP batching is off.
  {
    name: "a JSON array of 2 operations",
    send: raw({
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([
        { query: "{ sessions { nodes { title } } }" },
        { query: "{ __typename }" },
      ]),
    }),
    status: 400,
    code: "BAD_REQUEST",
  },
  {
    name: "a JSON array of 100 operations",
    send: raw({
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(Array.from({ length: 100 }, () => ({ query: PROGRAM }))),
    }),
    status: 400,
    code: "BAD_REQUEST",
  },
  // Field duplication.
  {
    name: "__typename 500 times",
    send: post(`{ ${repeat(500, () => "__typename")} }`),
    status: 400,
    code: "QUERY_FIELD_REPEATED",
  },
  {
    name: "one field 100 times inside a page",
    send: post(`{ sessions(first: 100) { nodes { ${repeat(100, () => "title")} } } }`),
    status: 400,
    code: "QUERY_FIELD_REPEATED",
  },
  // Directive overloading.
  {
    name: "50 unknown directives on one field",
    send: post(`{ __typename ${repeat(50, () => "@aa", "")} }`),
    status: 400,
    code: "QUERY_TOO_MANY_DIRECTIVES",
  },
  {
    name: "10 @include on one field",
    send: post(`{ sessions { nodes { title ${repeat(10, () => "@include(if: true)")} } } }`),
    status: 400,
    code: "QUERY_TOO_MANY_DIRECTIVES",
  },
  {
    name: "directives on a fragment spread",
    send: post(
      `{ ...F ${repeat(20, () => "@skip(if: false)")} } fragment F on Query { __typename }`,
    ),
    status: 400,
    code: "QUERY_TOO_MANY_DIRECTIVES",
  },
  {
    name: "directives on the operation",
    send: post(`query Q ${repeat(30, () => "@bb")} { __typename }`),
    status: 400,
    code: "QUERY_TOO_MANY_DIRECTIVES",
  },
  // Circular and deep queries.
  {
    name: "sessions → speakers → sessions … 6 times (too deep)",
    send: post(speakerChain(6, 1)),
    status: 400,
    code: "QUERY_TOO_DEEP",
  },
  {
    name: "the issue's 4-level first: 100 query",
    send: post(speakerChain(2, 100)),
    status: 400,
    code: "QUERY_TOO_COMPLEX",
  },
  {
    name: "the issue's 3-level form",
    send: post(
      `{ sessions(first: 100) { nodes { speakers { sessions(first: 100) { nodes { title } } } } } }`,
    ),
    status: 400,
    code: "QUERY_TOO_COMPLEX",
  },
  {
    name: "a community's parent chain 20 levels up",
    send: post(
      `{ community(slug: "php") { ${repeat(20, () => "parent {")} name ${repeat(20, () => "}")} } }`,
    ),
    status: 400,
    code: "QUERY_TOO_DEEP",
  },
  {
    name: "depth built from nested fragments",
    send: post(
      `{ community(slug: "php") { ...F0 } } ${repeat(
        18,
        i => `fragment F${i} on Community { parent { ...F${i + 1} } }`,
      )} fragment F18 on Community { name }`,
    ),
    status: 400,
    code: "QUERY_TOO_DEEP",
  },
  {
    name: "plain lists nested seven times (communities → children …)",
    send: post(`{ communities { ${repeat(6, () => "children {")} name ${repeat(6, () => "}")} } }`),
    status: 400,
    code: "QUERY_TOO_COMPLEX",
  },
  // Fragment cycles and explosions.
  {
    name: "a fragment cycle",
    send: post(`{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }`),
    status: 400,
    code: "GRAPHQL_VALIDATION_FAILED",
  },
  {
    name: "a fragment that spreads itself through its fields",
    send: post(
      `{ sessions { nodes { ...S } } } fragment S on Session { speakers { sessions { nodes { ...S } } } }`,
    ),
    status: 400,
    code: "GRAPHQL_VALIDATION_FAILED",
  },
  {
    name: "a fragment explosion (each fragment spreads the previous twice, 2^20)",
    send: post(
      `{ ...F20 } fragment F0 on Query { __typename } ${repeat(
        20,
        i => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`,
      )}`,
    ),
    status: 400,
    code: "QUERY_TOO_MANY_NODES",
  },
  {
    name: "a fragment explosion through lists",
    send: post(
      `{ sessions(first: 100) { nodes { speakers { ...P3 } } } } fragment P0 on Person { name } ${repeat(
        3,
        i =>
          `fragment P${i + 1} on Person { sessions(first: 100) { nodes { speakers { ...P${i} } } } }`,
      )}`,
    ),
    status: 400,
    code: "QUERY_TOO_COMPLEX",
  },
  // Introspection in production mode.
  {
    name: "__schema introspection",
    send: post(`{ __schema { types { name fields { name } } } }`),
    status: 400,
    code: "GRAPHQL_VALIDATION_FAILED",
  },
  {
    name: "__type introspection",
    send: post(`{ __type(name: "Session") { fields { name } } }`),
    status: 400,
    code: "GRAPHQL_VALIDATION_FAILED",
  },
  {
    name: "introspection hidden in a fragment",
    send: post(`{ ...I } fragment I on Query { __schema { queryType { name } } }`),
    status: 400,
    code: "GRAPHQL_VALIDATION_FAILED",
  },
  {
    name: "an operationName the document lacks",
    send: raw({
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "query { __typename }", operationName: "Missing" }),
    }),
    status: 400,
    code: "OPERATION_RESOLUTION_FAILURE",
  },
  // Field, argument, type and enum suggestions.
  {
    name: "a misspelt field (no suggestion)",
    send: post(`{ sesions { nodes { title } } }`),
    status: 400,
    code: "GRAPHQL_VALIDATION_FAILED",
    check: noSuggestions,
  },
  {
    name: "a misspelt argument (no suggestion)",
    send: post(`{ sessions(frist: 1) { nodes { titel } } }`),
    status: 400,
    code: "GRAPHQL_VALIDATION_FAILED",
    check: noSuggestions,
  },
  {
    name: "a misspelt type (no suggestion)",
    send: post(`query ($f: SessionFilterInputs) { sessions(filter: $f) { nodes { title } } }`),
    status: 400,
    code: "GRAPHQL_VALIDATION_FAILED",
    check: noSuggestions,
  },
  {
    name: "a misspelt enum value in a variable (no suggestion)",
    send: post(`query ($f: SessionFilterInput) { sessions(filter: $f) { nodes { title } } }`, {
      f: { kinds: ["TALKS"] },
    }),
    status: 400,
    code: "BAD_USER_INPUT",
    check: noSuggestions,
  },
  // GET-based mutations and CSRF (Apollo's csrfPrevention).
  {
    name: "a mutation over GET",
    send: get(
      {
        query: `mutation { postComment(articleId: "x", authorName: "a", body: "b") { replayed } }`,
      },
      { "apollo-require-preflight": "true" },
    ),
    status: 405,
    code: "BAD_REQUEST",
  },
  {
    name: "a simple cross-site GET (no preflight header)",
    send: get({ query: `{ sessions { nodes { title } } }` }),
    status: 400,
    code: "BAD_REQUEST",
  },
  {
    name: "a simple cross-site POST as text/plain",
    send: raw({
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({
        query: `mutation { postComment(articleId: "x", authorName: "a", body: "b") { replayed } }`,
      }),
    }),
    // Refused as a content type the API does not take, before Apollo sees it.
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
  },
  {
    name: "a simple cross-site POST as a form",
    send: raw({
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "query=%7B__typename%7D",
    }),
    // Refused as a content type the API does not take, before Apollo sees it.
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
  },
  // Huge documents and token floods.
  {
    name: "3,000 tokens of arguments",
    send: post(`{ __typename(${repeat(1000, i => `a${i}: 1`)}) }`),
    status: 400,
    code: "QUERY_TOO_MANY_TOKENS",
    check: a => {
      const e = a.body.errors!.find(x => x.extensions?.code === "QUERY_TOO_MANY_TOKENS")!;
      expect(e.extensions!.measured).toBe(1000 * 3 + 5);
      expect(e.extensions!.limit).toBe(2000);
    },
  },
  {
    name: "600 operations in one document",
    send: post(repeat(600, i => `query q${i} { __typename }`)),
    status: 400,
    code: "QUERY_TOO_MANY_TOKENS",
  },
  {
    name: "a long list literal",
    send: post(`{ nodes(ids: [${repeat(3000, i => `"${i}"`, ",")}]) { id } }`),
    status: 400,
    code: "QUERY_TOO_MANY_TOKENS",
  },
  // Huge pages and variable-driven cost.
  {
    name: "first: 1,000,000 as a literal",
    send: post(`{ sessions(first: 1000000) { nodes { title } } }`),
    status: 400,
    code: "BAD_USER_INPUT",
  },
  {
    name: "first: 1,000,000 in a variable",
    send: post(`query ($n: Int) { people(first: $n) { nodes { name } } }`, { n: 1_000_000 }),
    status: 400,
    code: "BAD_USER_INPUT",
  },
  {
    name: "nested pages sized by variables",
    send: post(
      `query ($n: Int, $m: Int) { sessions(first: $n) { nodes { speakers { sessions(first: $m) { nodes { title } } } } } }`,
      { n: 100, m: 50 },
    ),
    status: 400,
    code: "QUERY_TOO_COMPLEX",
    check: a => {
      const e = a.body.errors![0];
      expect(e.extensions!.measured).toBe(100 * (1 + 1 + 5 * (1 + 50 * 2)));
      expect(e.extensions!.limit).toBe(20000);
    },
  },
  {
    name: "100 ids, each expanded into pages",
    send: post(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Person { sessions(first: 100) { nodes { title speakers { name } } } } } }`,
      {
        ids: Array.from({ length: 100 }, (_, i) =>
          Buffer.from(`Person:${i + 1}`).toString("base64"),
        ),
      },
    ),
    status: 400,
    code: "QUERY_TOO_COMPLEX",
  },
  {
    name: "search pages expanded into pages",
    send: post(
      `{ search(query: "php", first: 100) { edges { node { ... on Person { sessions(first: 100) { nodes { title speakers { name } } } } } } } }`,
    ),
    status: 400,
    code: "QUERY_TOO_COMPLEX",
  },
  // Subscriptions do not exist yet.
  {
    name: "a subscription operation",
    send: post(`subscription { sessionAdded { title } }`),
    status: 400,
    code: "SUBSCRIPTIONS_NOT_SUPPORTED",
  },
  // Error floods: the response lists at most 20.
  {
    name: "200 unknown fields",
    send: post(`{ ${repeat(200, i => `f${i}`)} }`),
    status: 400,
    code: "QUERY_TOO_MANY_ERRORS",
    check: a => {
      expect(a.body.errors).toHaveLength(20);
      // graphql-js stops validating at 100 errors and says so in a 101st.
      expect(a.body.errors![19].extensions).toMatchObject({ measured: 101, limit: 20 });
    },
  },
  // Comment floods: refused whole, before anything is written.
  {
    name: "30 aliased postComment calls",
    send: post(
      `mutation { ${repeat(
        30,
        i =>
          `c${i}: postComment(articleId: "QXJ0aWNsZTox", authorName: "x", body: "y") { replayed }`,
      )} }`,
    ),
    status: 429,
    code: "RATE_LIMITED",
    check: a => expect(Number(a.headers.get("retry-after"))).toBeGreaterThan(0),
  },
];

describe("attack suite: hostile documents are refused before they run", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer("security_attacks", {
      config: { nodeEnv: "production", introspection: false, landingPage: false },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it("has at least 36 attacks", () => {
    expect(ATTACKS.length).toBeGreaterThanOrEqual(36);
  });

  it.each(ATTACKS.map(a => [a.name, a] as const))("%s", async (_name, attack) => {
    const before = server.db.sql.statements;
    const res = await attack.send(server);
    expect(server.db.sql.statements - before).toBe(0);
    expect(res.status).toBe(attack.status);
    expect(res.body.data ?? null).toBeNull();
    const codes = (res.body.errors ?? []).map(e => e.extensions?.code);
    expect(codes).toContain(attack.code);
    const limited = res.body.errors!.find(e => e.extensions?.code === attack.code)!;
    if (attack.code.startsWith("QUERY_")) {
      expect(typeof limited.extensions!.measured).toBe("number");
      expect(limited.extensions!.measured).toBeGreaterThan(limited.extensions!.limit);
    }
    attack.check?.(res);
  });

  it("a body over 1 MB is refused before it is parsed", async () => {
    const before = server.db.sql.statements;
    const res = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ __typename } # ${"x".repeat(1_200_000)}` }),
    });
    expect(res.status).toBe(413);
    expect(server.db.sql.statements - before).toBe(0);
  });

  it("trace mode is never on: no federated trace in any answer", async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "apollo-federation-include-trace": "ftv1" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    const body = (await res.json()) as { extensions?: Record<string, unknown> };
    expect(res.status).toBe(200);
    expect(body.extensions?.ftv1).toBeUndefined();
  });

  it("the same document with small variables runs: the cost reads the variables", async () => {
    const res = await server.gql(
      `query ($n: Int, $m: Int) { sessions(first: $n) { nodes { speakers { sessions(first: $m) { nodes { title } } } } } }`,
      { n: 5, m: 5 },
    );
    expect(res.errors).toBeUndefined();
    expect(res.status).toBe(200);
  });
});
