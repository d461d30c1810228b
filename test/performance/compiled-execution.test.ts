import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import {
  getIntrospectionQuery,
  GraphQLError,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
  OperationTypeNode,
  type OperationDefinitionNode,
} from "graphql";
import pino from "pino";
import { Role } from "../../entities";
import { EMBED_OPERATIONS } from "../../embed/src/operations";
import { loadConfig } from "../../src/core/config";
import { PROJECT_ROOT } from "../../src/core/paths";
import { createApp, type App } from "../../src/server/app";
import { CompiledOperations } from "../../src/server/compiled-execution";
import { installFieldHooks, observeFields } from "../../src/server/field-hooks";
import { getSchema } from "../../src/server/schema";
import { bearer, gid, issueToken } from "../editorial/helpers";
import { startTestServer, type TestServer } from "../helpers/test-server";

interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  editor?: boolean;
}

const read = (dir: string) =>
  fs
    .readdirSync(path.join(PROJECT_ROOT, dir))
    .filter(f => f.endsWith(".graphql"))
    .map(f => ({
      name: `${dir}/${f}`,
      query: fs.readFileSync(path.join(PROJECT_ROOT, dir, f), "utf8"),
    }));

/** A record the test looks up before it sends the variable: its table and slug. */
interface RecordRef {
  table: string;
  slug: string;
}

/** Values for the Studio's variables, by name; `id` by operation (see `STUDIO_IDS`). */
const STUDIO_VALUES: Record<string, unknown> = {
  slug: "pyworks-2008",
  text: "py",
  year: 2008,
  first: 10,
  host: "pyworks-2008",
  second: "phpworks-2008",
  third: "pycon-2009",
  hasSecond: true,
  hasThird: false,
};

const STUDIO_IDS: Record<string, RecordRef> = {
  StudioColocation: { table: "conference", slug: "pyworks-2008" },
  StudioConferenceStructure: { table: "conference", slug: "pyworks-2008" },
  StudioCurrentConference: { table: "conference", slug: "phpworks-2008" },
  StudioCommunity: { table: "community", slug: "python" },
  StudioCurrentSession: { table: "session", slug: "introduction-to-git" },
  StudioPerson: { table: "person", slug: "kevin-dangoor" },
};

/** The Studio's queries, from its generated document map, run as an editor. */
function studioQueries(): Case[] {
  const source = fs.readFileSync(path.join(PROJECT_ROOT, "studio", "src", "gql", "gql.ts"), "utf8");
  const documents = new Set<string>();
  for (const match of source.matchAll(/^ {4}("(?:[^"\\]|\\.)*"): typeof types\./gm)) {
    documents.add(JSON.parse(match[1]) as string);
  }
  return [...documents].flatMap(query => {
    const operation = parse(query).definitions[0] as OperationDefinitionNode;
    if (operation.operation !== "query") return [];
    const name = operation.name?.value ?? "";
    const variables: Record<string, unknown> = {};
    for (const v of operation.variableDefinitions ?? []) {
      const key = v.variable.name.value;
      if (key === "id" && STUDIO_IDS[name]) variables.id = STUDIO_IDS[name];
      else if (key in STUDIO_VALUES) variables[key] = STUDIO_VALUES[key];
    }
    return [{ name: `studio ${name}`, query, variables, editor: true }];
  });
}

/** Documents that reach what differs most between executors: errors, nulls, variables, types. */
const TRICKY: Case[] = [
  {
    name: "a default on a non-null variable, omitted",
    query: `query ($first: Int! = 3, $c: Boolean! = false) {
      conference(slug: "pyworks-2008") { sessions(first: $first, includeColocated: $c) { totalCount nodes { slug } } }
    }`,
  },
  {
    name: "a default on a non-null variable, given",
    query: `query ($first: Int! = 3) { sessions(first: $first) { nodes { slug } } }`,
    variables: { first: 1 },
  },
  {
    name: "an omitted nullable variable leaves the argument's default",
    query: `query ($order: SessionOrder) { sessions(first: 4, orderBy: $order) { nodes { slug } } }`,
  },
  {
    name: "an enum variable",
    query: `query ($order: SessionOrder!) { sessions(first: 4, orderBy: $order) { nodes { slug } } }`,
    variables: { order: "TITLE_ASC" },
  },
  {
    name: "a bad enum value",
    query: `query ($order: SessionOrder!) { sessions(first: 4, orderBy: $order) { nodes { slug } } }`,
    variables: { order: "SIDEWAYS" },
  },
  {
    name: "a missing required variable",
    query: `query ($first: Int!) { sessions(first: $first) { totalCount } }`,
  },
  {
    name: "a variable of the wrong type",
    query: `query ($first: Int!) { sessions(first: $first) { totalCount } }`,
    variables: { first: "ten" },
  },
  {
    name: "null for a non-null variable",
    query: `query ($first: Int!) { sessions(first: $first) { totalCount } }`,
    variables: { first: null },
  },
  {
    name: "custom scalars in an input object",
    query: `query ($filter: SessionFilterInput) { sessions(first: 5, filter: $filter) { nodes { slug startsAt } } }`,
    variables: { filter: { from: "2008-11-13T00:00:00Z", day: "2008-11-13" } },
  },
  {
    name: "a bad custom scalar",
    query: `query ($filter: SessionFilterInput) { sessions(first: 5, filter: $filter) { nodes { slug } } }`,
    variables: { filter: { from: "yesterday" } },
  },
  {
    name: "an argument the resolver refuses, with a path",
    query: `{ conference(slug: "pyworks-2008") { name sessions(first: 100000) { totalCount } } }`,
  },
  {
    name: "a refusal inside a list, next to answers",
    query: `{ sessions(first: 2) { nodes { slug title(locale: "x!") } } }`,
  },
  {
    name: "@include and @skip from variables",
    query: `query ($yes: Boolean!, $no: Boolean!) {
      sessions(first: 3) { nodes { slug title @include(if: $yes) kind @skip(if: $yes) room @include(if: $no) } }
    }`,
    variables: { yes: true, no: false },
  },
  {
    name: "aliases of one field with other arguments",
    query: `{ a: sessions(first: 1) { nodes { slug } } b: sessions(first: 2, orderBy: TITLE_ASC) { nodes { slug } } }`,
  },
  {
    name: "an interface and a union, by fragments",
    query: `{
      nodes(ids: ["nope"]) { __typename id }
      search(query: "git", first: 5) { totalCount edges { score node { __typename ... on Session { slug } ... Who } } }
    }
    fragment Who on Person { slug name }`,
  },
  {
    name: "translations",
    query: `{ session(slug: "introduction-to-git") { title de: title(locale: "de") localizedTitle } }`,
  },
  { name: "a missing record", query: `{ session(slug: "no-such-session") { slug title } }` },
  {
    name: "introspection",
    query: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }),
  },
  {
    name: "the schema's own types",
    query: `{ __typename __type(name: "Session") { name fields { name type { name kind ofType { name } } } } }`,
  },
];

const CASES: Case[] = [
  ...read("examples"),
  ...Object.entries(EMBED_OPERATIONS).map(([name, query]) => ({
    name: `embed ${name}`,
    query,
    variables: { conference: "pyworks-2008" },
  })),
  ...studioQueries(),
  ...TRICKY,
];

describe("compiled execution answers exactly as graphql-js does", () => {
  let server: TestServer;
  let interpreted: App;
  let interpretedUrl: string;
  let editor: Record<string, string>;
  let executed = 0;

  beforeAll(async () => {
    server = await startTestServer("compiled_execution");
    // A second app over the same database that never compiles.
    interpreted = await createApp(
      {
        ...loadConfig({ NODE_ENV: "test" }),
        database: server.db.config,
        execution: { compileAfter: 0, maxCompiled: 1 },
      },
      server.db.dataSource,
      pino({ level: "silent" }),
    );
    await new Promise<void>(resolve => interpreted.httpServer.listen(0, "127.0.0.1", resolve));
    interpretedUrl = `http://127.0.0.1:${(interpreted.httpServer.address() as AddressInfo).port}`;
    editor = bearer((await issueToken(server, Role.EDITOR)).token);
  });

  afterAll(async () => {
    await interpreted?.apollo.stop();
    await server?.close();
  });

  const post = async (url: string, c: Case) => {
    const variables = { ...c.variables };
    for (const [key, value] of Object.entries(variables)) {
      const ref = value as RecordRef;
      if (ref && typeof ref === "object" && "table" in ref) {
        variables[key] = await gid(server, ref.table, ref.slug);
      }
    }
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(c.editor ? editor : {}) },
      body: JSON.stringify({ query: c.query, variables }),
    });
    const text = await res.text();
    return { status: res.status, text, body: JSON.parse(text) as Record<string, unknown> };
  };

  it.each(CASES.map(c => [c.name, c] as const))("%s", async (_name, c) => {
    const before = { ...server.app.compiled.runs };
    const compiled = await post(server.url, c);
    const expected = await post(interpretedUrl, c);
    // The same bytes: values, key order, errors and their paths.
    expect(compiled.status).toBe(expected.status);
    expect(compiled.text).toBe(expected.text);
    // Compiled for its first run (GRAPHQL_COMPILE_AFTER=1 under test), unless it was refused before
    // it ran; never on the other app.
    const ran = server.app.compiled.runs.compiled - before.compiled;
    expect(ran).toBe(compiled.status === 200 ? 1 : ran);
    expect(ran).toBeLessThanOrEqual(1);
    expect(server.app.compiled.runs.interpreted).toBe(before.interpreted);
    expect(interpreted.compiled.runs.compiled).toBe(0);
    executed += ran;
  });

  it("ran most of them, and answered with data from the database", async () => {
    expect(executed).toBeGreaterThan(CASES.length * 0.7);
    const answered = await Promise.all(CASES.map(c => post(server.url, c)));
    const withData = answered.filter(a => a.body.data && !a.body.errors);
    expect(withData.length).toBeGreaterThan(CASES.length * 0.7);
    expect(JSON.stringify(answered[0].body.data)).toMatch(/"slug":"[a-z]/);
  });
});

describe("when an operation is compiled", () => {
  const QUERY = `{ sessions(first: 2) { nodes { slug } } }`;
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer("compiled_when", { seed: true });
  });
  afterAll(async () => server?.close());

  it("on its GRAPHQL_COMPILE_AFTER-th run, keeping at most GRAPHQL_COMPILED_MAX", async () => {
    const schema = installFieldHooks(await getSchema());
    const operations = new CompiledOperations(schema, { compileAfter: 3, maxCompiled: 2 });
    const run = (query: string, key = query) =>
      operations.execute({
        key,
        document: parse(query),
        operationName: null,
        kind: OperationTypeNode.QUERY,
        contextValue: server.app.createContext(),
      });
    const first = await run(QUERY);
    expect(operations.size).toBe(0);
    expect(await run(QUERY)).toEqual(first);
    expect(operations.size).toBe(0);
    expect(await run(QUERY)).toEqual(first);
    expect(operations.size).toBe(1);
    for (const other of ["{ __typename }", "{ topics { slug } }"]) {
      for (let i = 0; i < 3; i++) await run(other);
    }
    expect(operations.size).toBe(2);
    expect((first.data as { sessions: { nodes: unknown[] } }).sessions.nodes).toHaveLength(2);
  });

  it("never with GRAPHQL_COMPILE_AFTER=0, nor a document without the operation named, nor a mutation", async () => {
    const schema = installFieldHooks(await getSchema());
    const never = new CompiledOperations(schema, { compileAfter: 0, maxCompiled: 10 });
    for (let i = 0; i < 3; i++) {
      await never.execute({
        key: "k",
        document: parse(QUERY),
        operationName: null,
        kind: OperationTypeNode.QUERY,
        contextValue: server.app.createContext(),
      });
    }
    expect(never.size).toBe(0);
    const eager = new CompiledOperations(schema, { compileAfter: 1, maxCompiled: 10 });
    const missing = await eager.execute({
      key: "k",
      document: parse(QUERY),
      operationName: "Missing",
      kind: OperationTypeNode.QUERY,
      contextValue: server.app.createContext(),
    });
    expect(eager.size).toBe(0);
    expect(missing.errors?.[0].message).toBe('Unknown operation named "Missing".');
    // Only queries compile: a mutation runs its fields in order on graphql-js.
    const mutation = await eager.execute({
      key: "m",
      document: parse(`mutation { __typename }`),
      operationName: null,
      kind: OperationTypeNode.MUTATION,
      contextValue: server.app.createContext(),
    });
    expect(mutation.data).toEqual({ __typename: "Mutation" });
    expect(eager.size).toBe(0);
    expect(eager.runs).toEqual({ compiled: 0, interpreted: 2 });
  });

  it("gives a resolver's own error the shape graphql-js gives it, extensions included", async () => {
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: "Query",
        fields: {
          fine: { type: GraphQLString, resolve: () => "fine" },
          now: {
            type: GraphQLString,
            resolve: () => {
              throw new Error("now");
            },
          },
          later: {
            type: new GraphQLNonNull(GraphQLString),
            resolve: async () => {
              throw Object.assign(new Error("later"), { code: "ECONNRESET" });
            },
          },
        },
      }),
    });
    const answer = async (compileAfter: number) => {
      const operations = new CompiledOperations(schema, { compileAfter, maxCompiled: 1 });
      const result = await operations.execute({
        key: "k",
        document: parse(`{ fine now later }`),
        operationName: null,
        kind: OperationTypeNode.QUERY,
        contextValue: {},
      });
      expect(operations.runs).toEqual(
        compileAfter ? { compiled: 1, interpreted: 0 } : { compiled: 0, interpreted: 1 },
      );
      return result;
    };
    const compiled = await answer(1);
    const interpreted = await answer(0);
    expect(JSON.stringify(compiled)).toBe(JSON.stringify(interpreted));
    for (const error of compiled.errors ?? []) {
      expect(error).toBeInstanceOf(GraphQLError);
      expect(error.extensions).toEqual({});
      expect(error.locations?.length).toBe(1);
    }
    expect(
      compiled.errors?.map(e => [e.message, e.path, (e.originalError as Error).message]),
    ).toEqual([
      ["now", ["now"], "now"],
      ["later", ["later"], "later"],
    ]);
  });

  it("runs a request whose fields are observed through graphql-js, telling it of plain fields", async () => {
    const schema = installFieldHooks(await getSchema());
    const operations = new CompiledOperations(schema, { compileAfter: 1, maxCompiled: 10 });
    const told: string[] = [];
    const contextValue = server.app.createContext();
    observeFields(contextValue, (_source, _args, info) => told.push(info.fieldName));
    const result = await operations.execute({
      key: QUERY,
      document: parse(QUERY),
      operationName: null,
      kind: OperationTypeNode.QUERY,
      contextValue,
    });
    expect(result.errors).toBeUndefined();
    expect(operations.size).toBe(0);
    expect(told.filter(f => f === "slug")).toHaveLength(2);
  });
});
