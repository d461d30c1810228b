import { addProgramSessions } from "../../src/db/seed/bulk";
import { DOCUMENTS } from "../../bench/operations";
import { startTestServer, type TestServer } from "../helpers/test-server";

/**
 * The number of SQL statements a request makes depends on the shape of the query, never on the number
 * of rows: checked by counting statements (see src/sql-logger.ts) for small and large pages.
 */
const PROGRAM = `query Program($n: Int!) {
  conference(slug: "phpworks-2008") {
    name
    sessions(first: $n) {
      edges {
        node {
          slug title startsAt endsAt room
          hostConference { slug }
          speakers { slug name }
          audiences { slug }
          isCrossCommunity
          programs { slug }
          topics { slug }
          articles { edges { node { slug } } }
        }
      }
    }
  }
}`;

const PERSON = `query Person($slug: String!, $n: Int!) {
  person(slug: $slug) {
    name
    sessions(first: $n) { edges { node { slug speakers { slug } audiences { slug } } } }
    articles { edges { node { slug authors { slug } } } }
  }
}`;

const WIDE = `query Wide($n: Int!) {
  conferences(first: $n) {
    edges { node { slug colocatedWith { slug } community { slug } stats { sessionCount speakerCount }
      sessions(first: 5) { totalCount edges { node { slug speakers { slug } } } } } }
  }
  communities { slug children { slug } sessions(first: 3) { edges { node { slug } } } stats { sessionCount } }
}`;

describe("statement counts depend on the query's shape, not on row counts", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("perf_statements");
    await addProgramSessions(server.db.dataSource, "phpworks-2008", 120);
  });
  afterAll(() => server.close());

  async function statements(query: string, variables: Record<string, unknown>) {
    const { result, statements, sql } = await server.db.sql.count(() =>
      server.gql(query, variables),
    );
    expect(result.errors).toBeUndefined();
    return { statements, sql, data: result.data as any };
  }

  it("the program query makes the same number of statements for 5 and 100 sessions, at most 7", async () => {
    // Reference data (the community tree, the hosts' zones) is held per process: warm it as a
    // running server has.
    await statements(PROGRAM, { n: 100 });
    const small = await statements(PROGRAM, { n: 5 });
    const large = await statements(PROGRAM, { n: 100 });
    expect(small.data.conference.sessions.edges).toHaveLength(5);
    expect(large.data.conference.sessions.edges).toHaveLength(100);
    expect(large.data.conference.sessions.edges[50].node.speakers).toHaveLength(2);
    expect(large.statements).toBe(small.statements);
    // 8 before the community tree was cached per process.
    expect(large.statements).toBeLessThanOrEqual(7);
  });

  it("the benchmark's program page makes the ceiling's 4 statements once reference data is held", async () => {
    // conference, its page of sessions, their speakers, their audiences: the hosts' time zones
    // (for startsAt/endsAt) and the community tree are held per process.
    const variables = { slug: "phpworks-2008", first: 20, after: null };
    await statements(DOCUMENTS.ProgramPage, variables);
    const warm = await statements(DOCUMENTS.ProgramPage, variables);
    expect(warm.data.conference.sessions.nodes).toHaveLength(20);
    expect(warm.data.conference.sessions.nodes[0].startsAt).toMatch(/[+-]\d\d:\d\d$/);
    expect(warm.sql.some(s => /\bFROM\s+[`"]?session_program[`"]?/i.test(s))).toBe(false);
    expect(warm.statements).toBeLessThanOrEqual(4);
    // A conference write drops the held zones: the next page reads them again, in one statement.
    server.app.services.references.drop("zones");
    const cold = await statements(DOCUMENTS.ProgramPage, variables);
    expect(cold.statements).toBe(warm.statements + 1);
    expect(cold.data).toEqual(warm.data);
  });

  it("reference data is read once per process: a repeated program page skips the community tree", async () => {
    // A fresh process's cache: the first page reads the tree, later pages do not.
    server.app.services.references.dropLocal(["communities", "publications", "topics", "zones"]);
    const cold = await statements(PROGRAM, { n: 20 });
    const warm = await statements(PROGRAM, { n: 20 });
    expect(cold.sql.some(s => /\bFROM\s+[`"]?community[`"]?/i.test(s))).toBe(true);
    expect(warm.sql.some(s => /\bFROM\s+[`"]?community[`"]?/i.test(s))).toBe(false);
    // The community tree and the hosts' time zones.
    expect(warm.statements).toBe(cold.statements - 2);
    expect(warm.data).toEqual(cold.data);
  });

  it("person → sessions → speakers is constant whatever the person's number of sessions", async () => {
    const few = await statements(PERSON, { slug: "brandon-rhodes", n: 100 });
    const many = await statements(PERSON, { slug: "bulk-speaker-0", n: 100 });
    expect(few.data.person.sessions.edges).toHaveLength(1);
    expect(many.data.person.sessions.edges.length).toBeGreaterThan(20);
    expect(many.statements).toBe(few.statements);
  });

  it("lists of parents with nested connections and stats are constant in the number of parents", async () => {
    const one = await statements(WIDE, { n: 1 });
    const all = await statements(WIDE, { n: 3 });
    expect(all.data.conferences.edges).toHaveLength(3);
    // More parents may only find more in the request's loader caches, never cost more statements.
    expect(all.statements).toBeLessThanOrEqual(one.statements);
  });
});
