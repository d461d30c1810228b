import { addProgramSessions } from "../../src/db/seed/bulk";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { get, parseCalendar } from "./helpers";

const FEEDS = [
  "/calendar/conference/pyworks-2008.ics",
  "/calendar/community/python.ics",
  "/calendar/community/python.ics?conference=pyworks-2008",
  "/calendar/person/brandon-rhodes.ics",
  "/schedule/pyworks-2008.xml",
  "/schedule/pyworks-2008.json",
];

describe("feed statement counts", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("feeds_statements");
  });
  afterAll(() => server.close());

  const statementsFor = async (path: string) => {
    const { result, statements } = await server.db.sql.count(() => get(server, path));
    expect(result.status).toBe(200);
    return { statements, body: result.body };
  };

  it("does not grow with the number of sessions", async () => {
    const before = new Map<string, number>();
    const sizes = new Map<string, number>();
    // Reference data (the community tree) is held per process: warm it as a running server has.
    for (const path of FEEDS) await statementsFor(path);
    for (const path of FEEDS) {
      const { statements, body } = await statementsFor(path);
      before.set(path, statements);
      sizes.set(path, body.length);
    }
    await addProgramSessions(server.db.dataSource, "pyworks-2008", 30, {
      prefix: "extra",
      speakers: ["brandon-rhodes"],
      audiences: ["zope"],
      topic: "git",
      startsAt: new Date(Date.UTC(2008, 10, 13, 14, 0)),
    });
    for (const path of FEEDS) {
      const { statements, body } = await statementsFor(path);
      expect({ path, statements }).toEqual({ path, statements: before.get(path) });
      expect(body.length).toBeGreaterThan(sizes.get(path)!);
    }
    const { events } = parseCalendar(
      (await get(server, "/calendar/conference/pyworks-2008.ics")).body,
    );
    expect(events.filter(e => e.summary.startsWith("Bulk session"))).toHaveLength(30);
    // A fixed budget: subject, community tree, sessions, speakers, topics, audiences, programs,
    // links, and the tracks and rooms (each only when some session has one).
    expect(before.get("/calendar/conference/pyworks-2008.ics")).toBeLessThanOrEqual(9);
  });
});
