import { randomUUID } from "node:crypto";
import type { QueryRunner } from "typeorm";
import { slugify } from "../../core/slug";

/**
 * Turns the free-text rooms of existing sessions into room records, on either engine: one venue per
 * distinct conference venue (name, city, country), one room per distinct room name used at a venue
 * (by the sessions its conferences host), and each such session pointed at its room. `session.room`
 * keeps the name, so no room is lost. Rooms are ordered by name; each gets a random, stored guid.
 */
export async function roomsFromText(queryRunner: QueryRunner): Promise<void> {
  const venues: { name: string; city: string; country: string }[] = await queryRunner.query(
    "SELECT DISTINCT venue_name AS name, venue_city AS city, UPPER(venue_country) AS country FROM conference ORDER BY venue_name, venue_city",
  );
  for (const v of venues) {
    await queryRunner.query("INSERT INTO venue (name, city, country) VALUES (?, ?, ?)", [
      v.name,
      v.city,
      v.country,
    ]);
  }
  const used: { venue_id: number; room: string }[] = await queryRunner.query(
    `SELECT DISTINCT v.id AS venue_id, s.room AS room
       FROM session s
       JOIN conference c ON c.id = s.host_conference_id
       JOIN venue v ON v.name = c.venue_name AND v.city = c.venue_city AND v.country = UPPER(c.venue_country)
      WHERE s.room IS NOT NULL AND s.room <> ''
      ORDER BY v.id, s.room`,
  );
  const taken = new Map<number, Set<string>>();
  for (const [i, row] of used.entries()) {
    const venueId = Number(row.venue_id);
    const slugs = taken.get(venueId) ?? new Set<string>();
    taken.set(venueId, slugs);
    const base = slugify(row.room, 90) || "room";
    let slug = base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
    await queryRunner.query(
      "INSERT INTO room (venue_id, name, slug, capacity, guid, position) VALUES (?, ?, ?, NULL, ?, ?)",
      [venueId, row.room, slug, randomUUID(), i + 1],
    );
  }
  await queryRunner.query(
    `UPDATE session SET room_id = (
       SELECT r.id FROM room r
         JOIN venue v ON v.id = r.venue_id
         JOIN conference c ON v.name = c.venue_name AND v.city = c.venue_city AND v.country = UPPER(c.venue_country)
        WHERE c.id = session.host_conference_id AND r.name = session.room)
     WHERE room IS NOT NULL AND room <> ''`,
  );
}
