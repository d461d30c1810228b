import { entities } from "../../entities";
import { isEmpty, seedDemoData } from "../../src/db/seed/seed";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

async function rowCounts(db: TestDatabase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const entity of entities) {
    const repo = db.dataSource.getRepository(entity);
    counts[repo.metadata.tableName] = await repo.count();
  }
  return counts;
}

describe("the demo seed", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("seed");
  });
  afterAll(() => db.drop());

  it("loads the demo graph into an empty database", async () => {
    expect(await isEmpty(db.dataSource)).toBe(true);
    const first = await seedDemoData(db.dataSource);
    expect(first.inserted.conference).toBe(3);
    expect(first.inserted.session).toBeGreaterThanOrEqual(14);
    expect(await isEmpty(db.dataSource)).toBe(false);
  });

  it("is idempotent: a second run inserts nothing and changes no count", async () => {
    const before = await rowCounts(db);
    const second = await seedDemoData(db.dataSource);
    expect(second.inserted).toEqual({});
    expect(await rowCounts(db)).toEqual(before);
  });

  it("keeps an editor's change to a seeded record", async () => {
    await db.dataSource.query(
      "UPDATE conference SET name = 'PyWorks 2008 (renamed)' WHERE slug = 'pyworks-2008'",
    );
    await seedDemoData(db.dataSource);
    const rows = await db.dataSource.query(
      "SELECT name FROM conference WHERE slug = 'pyworks-2008'",
    );
    expect(rows[0].name).toBe("PyWorks 2008 (renamed)");
  });
});
