import { execute, getIntrospectionQuery, parse, type OperationDefinitionNode } from "graphql";
import { ANONYMOUS } from "../../src/core/context";
import { compiledExecution } from "../../src/server/compiled-execution";
import { installFieldHooks, observeFields } from "../../src/server/field-hooks";
import { getSchema } from "../../src/server/schema";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { realOperations } from "../security/operations";

/**
 * Documents that exercise what an executor can get wrong: errors with codes (and the nulls they
 * leave), non-null bubbling, abstract types (the Node interface, the search union), aliases,
 * fragments, variables and their defaults, @skip/@include, custom scalars and the page limits.
 */
const DOCUMENTS: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  {
    name: "aliases, fragments and variables",
    query: `query Program($slug: String!, $first: Int = 3, $withRoom: Boolean!) {
      one: conference(slug: $slug) { ...Conf sessions(first: $first) { nodes { ...S } } }
      two: conference(slug: $slug) { name tz: timezone }
    }
    fragment Conf on Conference { id name startsOn endsOn timezone }
    fragment S on Session { id title startsAt endsAt kind room @include(if: $withRoom)
      speakers { id name ...on Person { slug } } audiences { slug name } }`,
    variables: { slug: "pyworks-2008", withRoom: false },
  },
  {
    name: "abstract types: node, nodes and search",
    query: `query Abstract($q: String!) {
      node(id: "U2Vzc2lvbjox") { __typename id ... on Session { title } ... on Person { name } }
      nodes(ids: ["UGVyc29uOjE", "QXJ0aWNsZTox", "Q29uZmVyZW5jZTox"]) { __typename id }
      search(query: $q, first: 5) { totalCount edges { score node { __typename
        ... on Session { slug } ... on Person { slug } ... on Article { slug } } } }
    }`,
    variables: { q: "python" },
  },
  {
    name: "a missing record beside good data",
    query: `{ conference(slug: "no-such-conference") { name } session(slug: "grok-tutorial") { title } }`,
  },
  {
    name: "a forbidden non-null field (the error empties data)",
    query: `{ session(slug: "grok-tutorial") { title } comments(status: PENDING) { totalCount } }`,
  },
  {
    name: "an invalid global id (BAD_USER_INPUT) and @skip",
    query: `{ node(id: "@@@") { id } conference(slug: "pyworks-2008") @skip(if: true) { name } }`,
  },
  {
    name: "a page over the limit",
    query: `{ articles(first: 1000) { nodes { slug } } }`,
  },
  { name: "introspection", query: getIntrospectionQuery({ descriptions: true }) },
  {
    name: "a cursor that is not one",
    query: `{ articles(first: 2, after: "not-a-cursor") { nodes { slug } } }`,
  },
];

function operationOf(document: ReturnType<typeof parse>): OperationDefinitionNode {
  return document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === "OperationDefinition",
  )!;
}

describe("compiled execution (graphql-jit) answers as graphql-js does", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("compiled_execution");
  });
  afterAll(() => server.close());

  const everyDocument = () => [
    ...DOCUMENTS,
    ...realOperations().map(op => ({ ...op, name: op.name })),
  ];

  it("gives the same data, errors and observed fields for every document, compiled from the first run", async () => {
    const schema = installFieldHooks(await getSchema());
    const compiled = compiledExecution(schema, 0);
    // With a field observer (the response cache collecting tags) every field is seen, compiled or
    // not.
    const observing = (id: string, seen?: string[]) => {
      const ctx = server.app.createContext(id, ANONYMOUS);
      if (seen) {
        observeFields(ctx, (source, _args, info) => {
          const path: (string | number)[] = [];
          for (let p: typeof info.path | undefined = info.path; p; p = p.prev) path.unshift(p.key);
          const sourceId = (source as { id?: unknown } | undefined)?.id;
          seen.push(
            `${info.parentType.name}.${info.fieldName} ${path.join("/")} ${String(sourceId)}`,
          );
        });
      }
      return ctx;
    };
    for (const doc of everyDocument()) {
      const document = parse(doc.query);
      const operation = operationOf(document);
      const variables = doc.variables ?? {};
      for (const observed of [false, true]) {
        const expectedSeen: string[] = [];
        const actualSeen: string[] = [];
        const expected = await execute({
          schema,
          document,
          contextValue: observing("interpreted", observed ? expectedSeen : undefined),
          variableValues: variables,
        });
        const actual = await compiled.executor({
          request: { query: doc.query, variables },
          document,
          operation,
          operationName: operation.name?.value ?? null,
          context: observing("compiled", observed ? actualSeen : undefined),
        } as unknown as Parameters<typeof compiled.executor>[0]);
        const name = `${doc.name}${observed ? " (observed)" : ""}`;
        expect({ name, result: JSON.parse(JSON.stringify(actual)) }).toEqual({
          name,
          result: JSON.parse(JSON.stringify(expected)),
        });
        // Error classes and codes survive (formatError reads originalError and extensions.code).
        expect((actual.errors ?? []).map(e => e.extensions?.code)).toEqual(
          (expected.errors ?? []).map(e => e.extensions?.code),
        );
        if (!expected.errors) {
          expect({ name, seen: actualSeen.sort() }).toEqual({ name, seen: expectedSeen.sort() });
        } else {
          // Once an error has nulled a parent, graphql-js may or may not have started its siblings'
          // fields (a race); graphql-jit finishes them. A response with errors is never cached, and
          // a mutation's extra tags only purge more.
          expect({ name, seen: expectedSeen.filter(f => !actualSeen.includes(f)) }).toEqual({
            name,
            seen: [],
          });
        }
        // Introspection reads only __ types, which carry no hooks.
        if (observed && expected.data && doc.name !== "introspection") {
          expect({ name, observedAny: actualSeen.length > 0 }).toEqual({ name, observedAny: true });
        }
      }
    }
    expect(compiled.compiledDocuments()).toBe(everyDocument().length);
  });

  it("answers over HTTP byte for byte the same before and after a document is compiled", async () => {
    for (const doc of everyDocument()) {
      const send = () =>
        fetch(`${server.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: doc.query, variables: doc.variables ?? {} }),
        }).then(async res => ({ status: res.status, body: await res.text() }));
      // The first run is interpreted; the second compiles the document, the third reuses it.
      const [first, second, third] = [await send(), await send(), await send()];
      expect({ name: doc.name, ...second }).toEqual({ name: doc.name, ...first });
      expect({ name: doc.name, ...third }).toEqual({ name: doc.name, ...first });
    }
  });

  it("keeps graphql-js's 400 and wording for variables that do not coerce", async () => {
    const query = `query($first: Int) { articles(first: $first) { nodes { slug } } }`;
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await server.gql(query, { first: "many" }));
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(answer.errors?.[0]?.message).toMatch(/^Variable "\$first" got invalid value "many"/);
    }
  });
});
