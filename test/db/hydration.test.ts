import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import type { EntityMetadata } from "typeorm";
import { Session } from "../../entities";
import { loadByIds } from "../../src/db/batch";
import { hydrateByDriver, rowConverter } from "../../src/db/hydrate";
import { selectColumns } from "../../src/db/plain-rows";
import { readRows } from "../../src/db/read-rows";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "../helpers/test-db";

/**
 * The row → entity converters of src/db/hydrate.ts against TypeORM's own hydration, for every
 * entity: rows of the seeded database loaded through plain SQL and converted must equal what the
 * entity's repository loads, and for every column of every entity (seeded or not), the values the
 * driver can hand over must convert as `prepareHydratedValue` + `setEntityValue` convert them. A
 * column type added later that the converter does not know falls back to TypeORM per column; one it
 * converts wrongly fails here.
 */
describe(`row hydration on ${TEST_ENGINE}`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("hydration", { seed: true });
  });
  afterAll(() => db.drop());

  const q = (name: string) => db.dataSource.driver.escape(name);
  const orderBy = (metadata: EntityMetadata, alias?: string) =>
    metadata.primaryColumns
      .map(c => `${alias ? `${q(alias)}.` : ""}${q(c.databaseName)} ASC`)
      .join(", ");

  it("gives, for every seeded table, the entities TypeORM's repository loads", async () => {
    const seeded: string[] = [];
    for (const metadata of db.dataSource.entityMetadatas) {
      const rows = await readRows(
        db.dataSource,
        `SELECT ${selectColumns(metadata, db.dataSource, "t")} FROM ${q(metadata.tableName)} ${q("t")} ORDER BY ${orderBy(metadata, "t")} LIMIT 200`,
      );
      const order = Object.fromEntries(metadata.primaryColumns.map(c => [c.propertyPath, "ASC"]));
      const loaded = await db.dataSource
        .getRepository(metadata.target)
        .find({ order, take: 200 } as object);
      const converted = rows.map(rowConverter(db.dataSource, metadata));
      expect({ entity: metadata.name, rows: converted }).toStrictEqual({
        entity: metadata.name,
        rows: loaded,
      });
      if (rows.length) seeded.push(metadata.name);
    }
    // The seed covers the entities of every hot read (and so most column types).
    expect(seeded).toEqual(
      expect.arrayContaining([
        "Article",
        "Community",
        "Conference",
        "Person",
        "Publication",
        "Session",
        "SessionProgram",
        "SessionSpeaker",
        "Topic",
      ]),
    );
  });

  /** Values the driver of this engine hands over for a column, null first. */
  function driverValues(column: ColumnMetadata): unknown[] {
    const mysql = TEST_ENGINE === "mysql";
    switch (column.type) {
      case "int":
      case "integer":
        return [null, 0, 7, -3];
      case "boolean":
        return [null, 0, 1];
      case "datetime":
        return mysql
          ? [null, new Date("2024-03-04T05:06:07.089Z"), "2024-03-04 05:06:07"]
          : [
              null,
              "2024-03-04 05:06:07",
              "2024-03-04 05:06:07.089",
              "2024-03-04T05:06",
              "2024-03-04T05:06:07.000Z",
            ];
      case "date":
        return [null, "2024-03-04"];
      case "simple-json":
        return [null, '{"a":[1,"b"],"c":null}', "[]", '"text"'];
      default:
        return [null, "", "plain text", "0"];
    }
  }

  it("converts every column of every entity as TypeORM's driver and column metadata do", () => {
    let columns = 0;
    for (const metadata of db.dataSource.entityMetadatas) {
      const convert = rowConverter(db.dataSource, metadata);
      const values = metadata.columns.map(driverValues);
      const longest = Math.max(...values.map(v => v.length));
      for (let i = 0; i < longest; i++) {
        // Row i takes each column's i-th value (its last one past the end of its list).
        const row = Object.fromEntries(
          values.map((v, j) => [`c${j}`, v[Math.min(i, v.length - 1)]]),
        );
        expect({ entity: metadata.name, value: convert(row) }).toStrictEqual({
          entity: metadata.name,
          value: hydrateByDriver(db.dataSource, metadata, row),
        });
      }
      columns += metadata.columns.length;
    }
    expect(columns).toBeGreaterThan(100);
  });

  it("loads by id (plain SQL) the entities the repository loads, in key order, null when missing", async () => {
    const sessions = await db.dataSource
      .getRepository(Session)
      .find({ order: { id: "ASC" }, take: 3 });
    expect(sessions).toHaveLength(3);
    const [a, b, c] = sessions;
    const loaded = await loadByIds(db.dataSource, Session, [c.id, 999_999, a.id, c.id, b.id]);
    expect(loaded).toStrictEqual([c, null, a, c, b]);
  });

  it("builds one converter per entity and data source", () => {
    const metadata = db.dataSource.getMetadata("Session");
    expect(rowConverter(db.dataSource, metadata)).toBe(rowConverter(db.dataSource, metadata));
  });
});
