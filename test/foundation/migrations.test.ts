import { pendingSchemaChanges } from "../../src/db/data-source";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "../helpers/test-db";

describe(`migrations on ${TEST_ENGINE}`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("migrations");
  });
  afterAll(() => db.drop());

  it("leave no pending schema change: entities and migrations agree", async () => {
    expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
  });

  it("are all applied, and a second run applies nothing", async () => {
    expect(await db.dataSource.showMigrations()).toBe(false);
    expect(await db.dataSource.runMigrations()).toEqual([]);
  });

  it("revert cleanly and apply again", async () => {
    const count = db.dataSource.migrations.length;
    for (let i = 0; i < count; i++) await db.dataSource.undoLastMigration();
    expect(await db.dataSource.showMigrations()).toBe(true);
    await db.dataSource.runMigrations();
    expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
  });
});
