import { seedDemoData } from "../../src/db/seed/seed";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "../helpers/test-db";

// The ProgramStructure migration turns free-text rooms into room records and loses none: every
// session that had a room before has, afterwards, the same `room` text and a room record of that
// name at its host conference's venue.
const MIGRATION = /^ProgramStructure\d+$/;

describe(`free-text rooms become room records on ${TEST_ENGINE}`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("room_migration");
    await seedDemoData(db.dataSource);
    // Back to the schema before rooms were records (undoing any later migration first).
    const names = () => db.dataSource.query("SELECT name FROM migrations");
    while ((await names()).some((m: { name: string }) => MIGRATION.test(m.name))) {
      await db.dataSource.undoLastMigration();
    }
  });
  afterAll(() => db.drop());

  it("keeps every room, shared per venue, with a record per distinct name", async () => {
    const q = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);
    // Rooms as editors typed them, including two venues using one name and a name with accents.
    await q("UPDATE session SET room = ? WHERE slug = ?", ["Salle Ω – Étage 2", "wsgi-middleware"]);
    await q("UPDATE session SET room = ? WHERE slug = ?", ["Room A", "pycon-2009-open-spaces"]);
    await q("UPDATE session SET room = ? WHERE slug = ?", ["", "grok-tutorial"]);
    const before: { id: number; room: string | null }[] = await q(
      "SELECT id, room FROM session ORDER BY id",
    );
    expect(before.filter(r => r.room).length).toBeGreaterThan(5);

    await db.dataSource.runMigrations();

    const after: {
      id: number;
      room: string | null;
      room_id: number | null;
      record_name: string | null;
      venue_name: string | null;
      host_venue: string;
    }[] = await q(
      `SELECT s.id, s.room, s.room_id, r.name AS record_name, v.name AS venue_name, c.venue_name AS host_venue
         FROM session s
         JOIN conference c ON c.id = s.host_conference_id
         LEFT JOIN room r ON r.id = s.room_id
         LEFT JOIN venue v ON v.id = r.venue_id
        ORDER BY s.id`,
    );
    // Same sessions, same room text.
    expect(after.map(r => [Number(r.id), r.room])).toEqual(before.map(r => [Number(r.id), r.room]));
    for (const row of after) {
      if (row.room) {
        expect([row.id, row.record_name, row.venue_name]).toEqual([
          row.id,
          row.room,
          row.host_venue,
        ]);
      } else {
        expect([row.id, row.room_id]).toEqual([row.id, null]);
      }
    }
    // One record per (venue, name): "Room A" exists at both venues, once each.
    const rooms: { venue_id: number; name: string; slug: string; guid: string }[] = await q(
      "SELECT venue_id, name, slug, guid FROM room",
    );
    const keys = rooms.map(r => `${r.venue_id}/${r.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(rooms.filter(r => r.name === "Room A")).toHaveLength(2);
    const distinct = new Set(after.filter(r => r.room).map(r => `${r.host_venue}/${r.room}`));
    expect(rooms).toHaveLength(distinct.size);
    for (const r of rooms) {
      expect(r.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(r.guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    expect(rooms.find(r => r.name === "Salle Ω – Étage 2")?.slug).toBe("salle-w-etage-2");
  });
});
