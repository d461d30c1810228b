import type { EntityManager } from "typeorm";
import { Topic } from "../../entities";
import { ConflictError } from "../../src/core/errors";
import { WRITE_RETRY, Writer } from "../../src/services/editorial/writer";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "../helpers/test-db";

/**
 * Writer.transaction runs a unit of work again when the server rolled it back as a deadlock (1213,
 * which is also how a Galera node reports a failed certification), a bounded number of times, and
 * ends in CONFLICT when it keeps failing. The cluster itself is exercised in test/cluster/.
 */
describe("Writer.transaction: deadlocks and failed certifications", () => {
  let db: TestDatabase;
  let writer: Writer;

  beforeAll(async () => {
    db = await createTestDatabase("write_retry", { seed: false });
    writer = new Writer(db.dataSource);
  });

  afterAll(async () => {
    await db.drop();
  });

  /**
   * Fails the current statement with ER_LOCK_DEADLOCK. On MariaDB the server itself raises it
   * (SIGNAL); SQLite has no such error, so a driver error of the same shape is thrown.
   */
  async function deadlock(manager: EntityManager): Promise<never> {
    if (TEST_ENGINE === "mysql") {
      await manager.query(
        "SIGNAL SQLSTATE '40001' SET MYSQL_ERRNO = 1213, MESSAGE_TEXT = 'Deadlock found when trying to get lock; try restarting transaction'",
      );
      throw new Error("SIGNAL did not fail the statement");
    }
    throw Object.assign(new Error("Deadlock found when trying to get lock"), {
      code: "ER_LOCK_DEADLOCK",
      errno: 1213,
    });
  }

  const topics = (slug: string) => db.dataSource.getRepository(Topic).countBy({ slug });

  it("runs the whole unit again after a deadlock; the failed attempts leave nothing behind", async () => {
    let attempts = 0;
    const result = await writer.transaction(async manager => {
      attempts++;
      await manager.insert(Topic, { slug: "retried-topic", name: `attempt ${attempts}` });
      if (attempts < 3) await deadlock(manager);
      return attempts;
    });
    expect(result).toBe(3);
    expect(await topics("retried-topic")).toBe(1);
    const row = await db.dataSource.getRepository(Topic).findOneByOrFail({ slug: "retried-topic" });
    expect(row.name).toBe("attempt 3");
  });

  it(`gives up after ${WRITE_RETRY.attempts} attempts with CONFLICT, storing nothing`, async () => {
    let attempts = 0;
    const error = await writer
      .transaction(async manager => {
        attempts++;
        await manager.insert(Topic, { slug: "never-stored", name: "no" });
        return deadlock(manager);
      })
      .catch((err: unknown) => err);
    expect(attempts).toBe(WRITE_RETRY.attempts);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).extensions).toMatchObject({
      code: "CONFLICT",
      reason: "WRITE_CONFLICT",
      attempts: WRITE_RETRY.attempts,
    });
    expect(await topics("never-stored")).toBe(0);
  });

  it("does not retry other errors", async () => {
    let attempts = 0;
    await expect(
      writer.transaction(async () => {
        attempts++;
        throw new Error("not a deadlock");
      }),
    ).rejects.toThrow("not a deadlock");
    expect(attempts).toBe(1);
  });
});
