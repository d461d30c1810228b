import { encodeCursor } from "../../src/db/pagination";
import { addArticles, addProgramSessions } from "../../src/db/seed/bulk";
import { TEST_ENGINE } from "../helpers/test-db";
import { startTestServer, type TestServer } from "../helpers/test-server";

/**
 * The hot page statements read in index order (issue 10): for each, the SQL actually sent is run
 * again under ANALYZE (MariaDB) or EXPLAIN ANALYZE (MySQL). Every table of the page statement is
 * read through an index, no step uses a temporary table or a filesort, and no table reads more rows
 * than the page needs (size + 1) plus a small constant. MySQL only: SQLite plans differently.
 */
const describeMySql = TEST_ENGINE === "mysql" ? describe : describe.skip;

const PAGE_SIZE = 20;
/** Rows an access may read beyond the page's size + 1 (the cursor row, an index boundary). */
const SLACK = 3;
const SESSIONS = 2_000;
const ARTICLES = 5_000;

interface PlanRow {
  table: string | null;
  type: string | null;
  key: string | null;
  rows: number;
  extra: string;
}

describeMySql("EXPLAIN: hot pages read in index order, only the page's rows", () => {
  let server: TestServer;
  let mariadb = false;

  beforeAll(async () => {
    server = await startTestServer("perf_explain");
    const ds = server.db.dataSource;
    const [{ v }] = await ds.query("SELECT VERSION() AS v");
    mariadb = /mariadb/i.test(String(v));
    await addProgramSessions(ds, "phpworks-2008", SESSIONS, {
      speakers: ["brandon-rhodes"],
      audiences: ["php"],
    });
    await addArticles(ds, "python-magazine", ARTICLES, { draftEvery: 10 });
    // Scheduled articles (published later than now): the front page must start its range at now,
    // not read them all first.
    await addArticles(ds, "python-magazine", 3 * PAGE_SIZE, {
      prefix: "scheduled",
      newest: new Date(Date.UTC(2100, 0, 1)),
    });
    await ds.query("ANALYZE TABLE session, session_program, session_speaker, article");
  }, 120_000);
  afterAll(() => server.close());

  /** The SQL statements a GraphQL query sends, with their parameters. */
  async function statementsOf(query: string, variables: Record<string, unknown> = {}) {
    const { result, statements } = await server.db.sql.capture(() => server.gql(query, variables));
    expect(result.errors).toBeUndefined();
    return { data: result.data as any, statements };
  }

  /** Each table access of `sql` as the engine ran it: index, rows actually read, extras. */
  async function plan(sent: string, parameters: unknown[]): Promise<PlanRow[]> {
    const ds = server.db.dataSource;
    // Reads carry MariaDB's statement time limit as a `SET STATEMENT … FOR` prefix, which ANALYZE
    // and EXPLAIN do not take: plan the statement it wraps.
    const sql = sent.replace(/^SET STATEMENT max_statement_time=[\d.]+ FOR /, "");
    if (mariadb) {
      const rows: Record<string, unknown>[] = await ds.query(`ANALYZE ${sql}`, parameters);
      return rows.map(r => ({
        table: (r.table as string) ?? null,
        type: (r.type as string) ?? null,
        key: (r.key as string) ?? null,
        // r_rows is per loop; r_loops is not shown, so an eq_ref lookup reads 1 per outer row.
        rows: r.type === "eq_ref" ? 1 : Number(r.r_rows ?? 0),
        extra: String(r.Extra ?? ""),
      }));
    }
    const explain: Record<string, unknown>[] = await ds.query(`EXPLAIN ${sql}`, parameters);
    const analyze: { EXPLAIN: string }[] = await ds.query(`EXPLAIN ANALYZE ${sql}`, parameters);
    const actual = [...String(Object.values(analyze[0])[0]).matchAll(/actual [^)]*rows=(\d+)/g)];
    const most = Math.max(0, ...actual.map(m => Number(m[1])));
    return explain.map(r => ({
      table: (r.table as string) ?? null,
      type: (r.type as string) ?? null,
      key: (r.key as string) ?? null,
      rows: r.type === "eq_ref" ? 1 : most,
      extra: String(r.Extra ?? ""),
    }));
  }

  /** The page statement among those sent: the one reading `table` with a LIMIT. */
  function pageStatement(statements: { sql: string; parameters: unknown[] }[], table: string) {
    const found = statements.filter(
      s => new RegExp(`FROM \`${table}\``).test(s.sql) && /LIMIT \d+/.test(s.sql),
    );
    expect(found).toHaveLength(1);
    return found[0];
  }

  async function expectIndexOrder(
    statements: { sql: string; parameters: unknown[] }[],
    table: string,
    index: RegExp,
  ) {
    const { sql, parameters } = pageStatement(statements, table);
    expect(sql).not.toMatch(/ROW_NUMBER|OVER \(/);
    const rows = await plan(sql, parameters);
    const context = JSON.stringify(rows);
    if (process.env.SHOW_PLANS) console.log(sql, context);
    expect(rows.some(r => index.test(r.key ?? ""))).toBe(true);
    for (const row of rows) {
      expect([row.type, context]).not.toEqual(["ALL", context]);
      expect(row.key === null && row.table !== null ? context : "").toBe("");
      expect(row.extra).not.toMatch(/Using temporary|Using filesort/);
      expect([row.rows <= PAGE_SIZE + 1 + SLACK, context]).toEqual([true, context]);
    }
  }

  /**
   * A batched page, one UNION ALL arm per parent: every arm reads its index in order as above; only
   * the step that combines the arms (tables named `<derived…>`/`<union…>`) may sort, and it holds
   * no more than the parents' pages.
   */
  async function expectArmsInIndexOrder(
    statements: { sql: string; parameters: unknown[] }[],
    table: string,
    index: RegExp,
    parents: number,
  ) {
    const { sql, parameters } = pageStatement(statements, table);
    expect(sql).toContain("UNION ALL");
    const rows = await plan(sql, parameters);
    const context = JSON.stringify(rows);
    if (process.env.SHOW_PLANS) console.log(sql, context);
    const base = rows.filter(r => r.table !== null && !r.table.startsWith("<"));
    const combined = rows.filter(r => r.table?.startsWith("<"));
    expect([base.filter(r => index.test(r.key ?? "")).length, context]).toEqual([parents, context]);
    for (const row of base) {
      expect([row.type, context]).not.toEqual(["ALL", context]);
      expect(row.key === null ? context : "").toBe("");
      expect(row.extra).not.toMatch(/Using temporary|Using filesort/);
      // EXPLAIN ANALYZE on MySQL gives no per-table count to compare: MariaDB's r_rows does.
      if (mariadb) expect([row.rows <= PAGE_SIZE + 1 + SLACK, context]).toEqual([true, context]);
    }
    for (const row of combined) {
      expect([row.rows <= parents * (PAGE_SIZE + 1) + SLACK, context]).toEqual([true, context]);
    }
  }

  /** The cursor of the row at `position` of an ordered (sort, id) list, as the API writes it. */
  async function cursorAt(sql: string, parameters: unknown[], position: number) {
    const [row] = await server.db.dataSource.query(`${sql} LIMIT 1 OFFSET ${position}`, parameters);
    return encodeCursor([new Date(row.at as string).toISOString(), Number(row.id)]);
  }

  const PROGRAM = `query ($after: String) { conference(slug: "phpworks-2008") {
    sessions(first: ${PAGE_SIZE}, after: $after) { edges { cursor node { slug startsAt } } } } }`;

  it("the program page reads the session_program index, page 1 and a deep cursor", async () => {
    const first = await statementsOf(PROGRAM);
    expect(first.data.conference.sessions.edges).toHaveLength(PAGE_SIZE);
    await expectIndexOrder(first.statements, "session", /ix_session_program_conference_start/);

    const after = await cursorAt(
      `SELECT sp.starts_at AS at, sp.session_id AS id FROM session_program sp
       JOIN conference c ON c.id = sp.conference_id WHERE c.slug = ?
       ORDER BY sp.starts_at, sp.session_id`,
      ["phpworks-2008"],
      1_500,
    );
    const deep = await statementsOf(PROGRAM, { after });
    expect(deep.data.conference.sessions.edges).toHaveLength(PAGE_SIZE);
    await expectIndexOrder(deep.statements, "session", /ix_session_program_conference_start/);
  });

  const ARTICLES_PAGE = `query ($after: String) {
    articles(first: ${PAGE_SIZE}, after: $after) { edges { cursor node { slug } } } }`;

  it("the magazine's front page reads ix_article_published, page 1 and a deep cursor", async () => {
    const first = await statementsOf(ARTICLES_PAGE);
    expect(first.data.articles.edges).toHaveLength(PAGE_SIZE);
    await expectIndexOrder(first.statements, "article", /ix_article_published/);
    // Forced: at the bench's scale MariaDB otherwise reads the status prefix from its newest row,
    // every scheduled article first (176 rows for a page of 21 with 155 scheduled).
    expect(pageStatement(first.statements, "article").sql).toContain(
      "FORCE INDEX (`ix_article_published`)",
    );

    const after = await cursorAt(
      `SELECT published_at AS at, id FROM article WHERE status = 'PUBLISHED' AND published_at <= ?
       ORDER BY published_at DESC, id DESC`,
      [new Date()],
      4_000,
    );
    const deep = await statementsOf(ARTICLES_PAGE, { after });
    expect(deep.data.articles.edges).toHaveLength(PAGE_SIZE);
    await expectIndexOrder(deep.statements, "article", /ix_article_published/);
  });

  it("a person's sessions read in index order", async () => {
    const { data, statements } = await statementsOf(`{ person(slug: "brandon-rhodes") {
      sessions(first: ${PAGE_SIZE}) { edges { node { slug } } } } }`);
    expect(data.person.sessions.edges).toHaveLength(PAGE_SIZE);
    await expectIndexOrder(statements, "session", /ix_session_speaker/);
  });

  it("a community's sessions read in index order", async () => {
    const { data, statements } = await statementsOf(`{ community(slug: "php") {
      sessions(first: ${PAGE_SIZE}) { edges { node { slug } } } } }`);
    expect(data.community.sessions.edges).toHaveLength(PAGE_SIZE);
    await expectIndexOrder(statements, "session", /ix_session_audience/);
  });

  it("the public articles by title read ix_article_title", async () => {
    const articles = await statementsOf(`{ articles(first: ${PAGE_SIZE}, orderBy: TITLE_ASC) {
      edges { node { slug } } } }`);
    expect(articles.data.articles.edges).toHaveLength(PAGE_SIZE);
    await expectIndexOrder(articles.statements, "article", /ix_article_title/);
  });

  it("many conferences' programs: one UNION ALL, each arm an index range", async () => {
    const { data, statements } = await statementsOf(`{ conferences(first: 3) {
      nodes { slug sessions(first: ${PAGE_SIZE}) { nodes { slug } } } } }`);
    expect(data.conferences.nodes).toHaveLength(3);
    const php = data.conferences.nodes.find((c: { slug: string }) => c.slug === "phpworks-2008");
    expect(php.sessions.nodes).toHaveLength(PAGE_SIZE);
    await expectArmsInIndexOrder(statements, "session", /ix_session_program_conference_start/, 3);
  });
});
