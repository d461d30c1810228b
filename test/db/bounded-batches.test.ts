import pino from "pino";
import { ANONYMOUS, type RequestContext } from "../../src/core/context";
import { addPeople, addProgramSessions } from "../../src/db/seed/bulk";
import { createLoaders } from "../../src/graphql/loaders";
import { createServices, type Services } from "../../src/services";
import { SessionOrder } from "../../src/services/session.service";
import type { SessionFilter } from "../../src/services/session.service";
import { startTestServer, type TestServer } from "../helpers/test-server";

/**
 * Issue 9, "bounded batches": 1,000 parents' pages are served in chunks of at most 100 UNION ALL
 * arms (SQLite refuses more than 500 compound terms), batched loads by id in IN lists of at most
 * 500 keys, and the statement count depends on the number of parents only past a chunk, never on
 * the rows. Both engines, through the real services and loaders, and through HTTP.
 */
const PARENTS = 1_000;
const SESSIONS = 50;
const EACH = 3;

describe("1,000 parents: chunked statements, correct pages", () => {
  let server: TestServer;
  let services: Services;
  let personIds: number[];
  const ctx: RequestContext = {
    viewer: ANONYMOUS,
    now: new Date(),
    log: pino({ level: "silent" }),
  };

  beforeAll(async () => {
    server = await startTestServer("bounded_batches");
    const ds = server.db.dataSource;
    await addProgramSessions(ds, "phpworks-2008", SESSIONS, { prefix: "bb" });
    personIds = await addPeople(ds, PARENTS, {
      prefix: "bb",
      sessionSlugs: Array.from({ length: SESSIONS }, (_, i) => `bb-session-${i}`),
      sessionsEach: EACH,
    });
    services = createServices(ds);
  }, 120_000);
  afterAll(() => server.close());

  /**
   * Person i speaks at bulk sessions i, i+1 and i+2 (mod 50), which start a minute apart in slug
   * order: their first `n` slugs by start time, or the last `n` descending.
   */
  function expectedSlugs(i: number, n: number, descending = false): string[] {
    const indexes = Array.from({ length: EACH }, (_, j) => (i + j) % SESSIONS).sort((a, b) =>
      descending ? b - a : a - b,
    );
    return indexes.slice(0, n).map(k => `bb-session-${k}`);
  }

  async function pagesOf(filters: SessionFilter[], order: SessionOrder, size: number) {
    const tree = await services.communities.tree();
    const members = filters.map((filter, key) => ({ key, filter }));
    return server.db.sql.count(() =>
      services.sessions.pages(ctx, tree, members, order, { size, backward: false, cursor: null }),
    );
  }

  it.each([SessionOrder.START_TIME_ASC, SessionOrder.START_TIME_DESC])(
    "pages 1,000 speakers' sessions (%s) in 10 statements, each page right",
    async order => {
      const filters = personIds.map(id => ({ speakerIds: [id] }));
      const { result, statements } = await pagesOf(filters, order, 2);
      expect(statements).toBe(PARENTS / 100);
      personIds.forEach((_, i) => {
        const page = result.get(i)!;
        const descending = order === SessionOrder.START_TIME_DESC;
        expect(page.nodes.map(s => s.slug)).toEqual(expectedSlugs(i, 2, descending));
        expect(page.pageInfo.hasNextPage).toBe(true);
      });
    },
  );

  it("pages 1,000 parents through EXISTS filters (two speakers each) in 10 statements", async () => {
    const filters = personIds.map((id, i) => ({
      speakerIds: [id, personIds[(i + 500) % PARENTS]],
    }));
    const { result, statements } = await pagesOf(filters, SessionOrder.TITLE_ASC, 5);
    expect(statements).toBe(PARENTS / 100);
    personIds.forEach((_, i) => {
      const slugs = [...expectedSlugs(i, EACH), ...expectedSlugs((i + 500) % PARENTS, EACH)];
      const titles = [...new Set(slugs)]
        .map(s => `Bulk session ${s.replace("bb-session-", "")}`)
        .sort();
      expect(result.get(i)!.nodes.map(s => s.title)).toEqual(titles.slice(0, 5));
    });
  });

  it("counts 1,000 parents in 10 statements", async () => {
    const tree = await services.communities.tree();
    const members = personIds.map((id, key) => ({ key, filter: { speakerIds: [id] } }));
    const { result, statements } = await server.db.sql.count(() =>
      services.sessions.counts(tree, members),
    );
    expect(statements).toBe(PARENTS / 100);
    expect([...result.values()]).toEqual(new Array(PARENTS).fill(EACH));
  });

  it("loads 1,000 people by id in 2 statements (500 keys each)", async () => {
    const loaders = createLoaders(services, ctx);
    const { result, statements } = await server.db.sql.count(() =>
      loaders.personById.loadMany(personIds),
    );
    expect(statements).toBe(2);
    expect(result.map(p => (p as { slug: string }).slug)).toEqual(
      personIds.map((_, i) => `bb-person-${i}`),
    );
  });

  it("over HTTP, people → sessions makes as many statements for 10 parents as for 100", async () => {
    const query = `query ($n: Int!) {
      people(first: $n) { nodes { slug sessions(first: 2) { totalCount nodes { slug } } } } }`;
    const run = (n: number) => server.db.sql.count(() => server.gql(query, { n }));
    await run(1); // reference data is held per process: warm it as a running server has
    const few = await run(10);
    const many = await run(100);
    expect(few.result.errors).toBeUndefined();
    expect(many.result.errors).toBeUndefined();
    expect(many.result.data!.people.nodes).toHaveLength(100);
    expect(many.statements).toBe(few.statements);
  });
});
