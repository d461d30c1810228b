import { Article, Person, Session } from "../../entities";
import { DOCUMENTS } from "../../bench/operations";
import { ColumnNotLoadedError, columnSet, isDeferrable } from "../../src/db/column-set";
import { columnAlias, hydrate } from "../../src/db/keyset";
import { getSchema } from "../../src/server/schema";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { getNamedType, isLeafType, isNonNullType, isObjectType, type GraphQLSchema } from "graphql";

/**
 * Hot reads select a record's large text, JSON and audit columns only when the operation reads them
 * (src/db/column-set.ts, src/graphql/selected-columns.ts): checked from the statements' text, and
 * against the stored values when they are asked for.
 */
const HEAVY = {
  session: ["abstract", "created_at", "updated_at", "version"],
  person: ["bio", "links", "created_at", "updated_at", "version"],
  conference: ["description", "created_at", "updated_at", "version"],
  article: ["excerpt", "body", "created_at", "updated_at", "version"],
};

/** The statements that read `table`'s rows (as the statement's main table or a joined one). */
const reading = (sql: string[], table: string) =>
  sql.filter(s =>
    new RegExp(`\\b(FROM|JOIN)\\s+[\`"]${table}[\`"]\\s+[\`"](s|t|e|a)[\`"]`, "i").test(s),
  );

/** The columns of `table`'s alias that a statement selects (before its FROM). */
function selected(statement: string, columns: string[]): string[] {
  const list = statement.slice(0, statement.search(/\bFROM\s+[`"]/i));
  return columns.filter(c => new RegExp(`[\`"](s|t|e|a)[\`"]\\.[\`"]${c}[\`"]`).test(list));
}

describe("hot reads select the columns the operation needs", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("perf_columns");
  });
  afterAll(() => server.close());

  async function run(query: string, variables: Record<string, unknown> = {}) {
    const { result, sql } = await server.db.sql.count(() => server.gql(query, variables));
    expect(result.errors).toBeUndefined();
    return { sql, data: result.data as any };
  }

  it("the program page selects no abstract, bio, links, description or audit column", async () => {
    const { sql, data } = await run(DOCUMENTS.ProgramPage, {
      slug: "pyworks-2008",
      first: 20,
      after: null,
    });
    expect(data.conference.sessions.nodes.length).toBeGreaterThan(0);
    expect(data.conference.sessions.nodes.some((n: any) => n.speakers.length > 0)).toBe(true);
    for (const table of ["session", "person", "conference"] as const) {
      const columns = HEAVY[table];
      const statements = reading(sql, table);
      expect(statements.length).toBeGreaterThan(0);
      for (const statement of statements) expect(selected(statement, columns)).toEqual([]);
    }
    // The light columns are still there.
    expect(selected(reading(sql, "session")[0], ["slug", "title", "starts_at"])).toHaveLength(3);
  });

  it("a query asking for the heavy fields selects them and gets the stored values", async () => {
    const { sql, data } = await run(`{
      conference(slug: "pyworks-2008") {
        description version
        sessions(first: 50) {
          nodes { slug abstract version createdAt updatedAt speakers { slug bio links { label url } version } }
        }
      }
    }`);
    for (const table of ["session", "person", "conference"] as const) {
      const columns = HEAVY[table];
      const statements = reading(sql, table);
      expect(statements.length).toBeGreaterThan(0);
      // version is asked for everywhere; created/updated only on sessions.
      const asked = table === "session" ? columns : columns.filter(c => !/_at$/.test(c));
      for (const statement of statements) expect(selected(statement, columns)).toEqual(asked);
    }
    const repo = server.db.dataSource.getRepository(Session);
    const people = server.db.dataSource.getRepository(Person);
    const nodes = data.conference.sessions.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    let speakers = 0;
    for (const node of nodes) {
      const stored = await repo.findOneByOrFail({ slug: node.slug });
      expect(node.abstract).toBe(stored.abstract);
      expect(node.abstract.length).toBeGreaterThan(0);
      expect(node.version).toBe(stored.version);
      expect(new Date(node.createdAt).getTime()).toBe(stored.createdAt.getTime());
      expect(new Date(node.updatedAt).getTime()).toBe(stored.updatedAt.getTime());
      for (const speaker of node.speakers) {
        const person = await people.findOneByOrFail({ slug: speaker.slug });
        expect(speaker.bio).toBe(person.bio);
        expect(speaker.links).toEqual(person.links.map(l => ({ label: l.label, url: l.url })));
        expect(speaker.version).toBe(person.version);
        speakers += 1;
      }
    }
    expect(speakers).toBeGreaterThan(0);
  });

  it("a field read anywhere in the operation (through a fragment) widens every read of its type", async () => {
    // The first list asks for slugs only, the aliased second one for abstracts through a fragment:
    // both statements select the abstract, so no record of either list is narrower than the other.
    const { sql, data } = await run(`{
      conference(slug: "pyworks-2008") {
        plain: sessions(first: 3) { nodes { slug } }
        full: sessions(first: 3, orderBy: TITLE_ASC) { nodes { ...Text } }
      }
    }
    fragment Text on Session { slug abstract }`);
    const statements = reading(sql, "session");
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements)
      expect(selected(statement, ["abstract"])).toEqual(["abstract"]);
    expect(data.conference.full.nodes.every((n: any) => n.abstract.length > 0)).toBe(true);
  });

  it("a field resolver that declares what it reads (@Reads) gets it: localizedAbstract", async () => {
    const { sql, data } = await run(`{
      conference(slug: "pyworks-2008") { sessions(first: 5) { nodes { slug localizedAbstract { text } } } }
    }`);
    for (const statement of reading(sql, "session")) {
      expect(selected(statement, HEAVY.session)).toEqual(["abstract"]);
    }
    const repo = server.db.dataSource.getRepository(Session);
    for (const node of data.conference.sessions.nodes) {
      const stored = await repo.findOneByOrFail({ slug: node.slug });
      expect(node.localizedAbstract.text).toBe(stored.abstract);
    }
  });

  it("the articles page selects the excerpt but no body; bodyHtml (@Reads) selects the body", async () => {
    const page = await run(DOCUMENTS.ArticlesPage, { first: 10, after: null });
    expect(page.data.articles.nodes.length).toBeGreaterThan(0);
    const articles = reading(page.sql, "article");
    expect(articles.length).toBeGreaterThan(0);
    for (const statement of articles) {
      expect(selected(statement, HEAVY.article)).toEqual(["excerpt"]);
    }
    for (const statement of reading(page.sql, "person")) {
      expect(selected(statement, HEAVY.person)).toEqual([]);
    }
    const repo = server.db.dataSource.getRepository(Article);
    for (const node of page.data.articles.nodes) {
      expect(node.excerpt).toBe((await repo.findOneByOrFail({ slug: node.slug })).excerpt);
    }

    const html = await run(`{ articles(first: 10) { nodes { slug bodyHtml authors { slug } } } }`);
    for (const statement of reading(html.sql, "article")) {
      expect(selected(statement, HEAVY.article)).toEqual(["body"]);
    }
    for (const node of html.data.articles.nodes) {
      const stored = await repo.findOneByOrFail({ slug: node.slug });
      expect(stored.body.length).toBeGreaterThan(0);
      expect(node.bodyHtml.length).toBeGreaterThan(0);
    }
  });

  it("each field of a narrowed type, selected alone, answers without reading a left-out column", async () => {
    // A field resolver that reads a deferrable property under another name without declaring it
    // (@Reads) would throw ColumnNotLoadedError: an INTERNAL_SERVER_ERROR here.
    const schema = await getSchema();
    const fieldsOf = (type: string) => selections(schema, type);
    const cases: [string, (f: string) => string][] = [
      ["Conference", f => `{ conference(slug: "pyworks-2008") { ${f} } }`],
      [
        "Session",
        f => `{ conference(slug: "pyworks-2008") { sessions(first: 5) { nodes { ${f} } } } }`,
      ],
      [
        "Person",
        f =>
          `{ conference(slug: "pyworks-2008") { sessions(first: 5) { nodes { speakers { ${f} } } } } }`,
      ],
      ["Article", f => `{ articles(first: 5) { nodes { ${f} authors { slug } } } }`],
    ];
    let checked = 0;
    for (const [type, query] of cases) {
      for (const field of fieldsOf(type)) {
        const result = await server.gql(query(field));
        const internal = (result.errors ?? []).filter(
          (e: any) => e.extensions?.code === "INTERNAL_SERVER_ERROR",
        );
        expect([type, field, internal]).toEqual([type, field, []]);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it("an entity read narrow throws when a property it left out is read, and takes writes", () => {
    const metadata = server.db.dataSource.getMetadata(Session);
    expect(
      metadata.columns
        .filter(isDeferrable)
        .map(c => c.propertyName)
        .sort(),
    ).toEqual(["abstract", "createdAt", "updatedAt", "version"].sort());
    const set = columnSet(metadata, new Set(["version"]));
    const row: Record<string, unknown> = {};
    metadata.columns.forEach((column, j) => {
      row[columnAlias(j)] = column.propertyName === "slug" ? "a-slug" : null;
    });
    const session = hydrate<Session>(server.db.dataSource, metadata, row, set);
    expect(session).toBeInstanceOf(Session);
    expect(session.slug).toBe("a-slug");
    expect(() => session.abstract).toThrow(ColumnNotLoadedError);
    expect(() => session.createdAt).toThrow(ColumnNotLoadedError);
    expect(Object.keys(session)).not.toContain("abstract");
    session.abstract = "written";
    expect(session.abstract).toBe("written");
    // No needs given: every column, a plain entity.
    expect(columnSet(metadata, undefined).indexes).toHaveLength(metadata.columns.length);
  });
});

/** Each field of an object type that takes no required argument, as a selection. */
function selections(schema: GraphQLSchema, typeName: string): string[] {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  return Object.values(type.getFields())
    .filter(f => !f.args.some(a => isNonNullType(a.type) && a.defaultValue === undefined))
    .map(f => (isLeafType(getNamedType(f.type)) ? f.name : `${f.name} { __typename }`));
}
