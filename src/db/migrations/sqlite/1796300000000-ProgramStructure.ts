import type { MigrationInterface, QueryRunner } from "typeorm";
import { roomsFromText } from "../room-records";

/** Recreates the search triggers of `session`, which SQLite drops with the table (see SearchIndexes). */
async function sessionSearchTriggers(queryRunner: QueryRunner): Promise<void> {
  const insert = `INSERT INTO search_index(rowid, kind, title, body) VALUES (new.id * 4 + 1, 'Session', new.title, new.abstract);`;
  const remove = `DELETE FROM search_index WHERE rowid = old.id * 4 + 1;`;
  await queryRunner.query(`CREATE TRIGGER trg_session_search_ai AFTER INSERT ON session BEGIN ${insert} END`);
  await queryRunner.query(`CREATE TRIGGER trg_session_search_au AFTER UPDATE OF title, abstract ON session BEGIN ${remove} ${insert} END`);
  await queryRunner.query(`CREATE TRIGGER trg_session_search_ad AFTER DELETE ON session BEGIN ${remove} END`);
}

/**
 * Runs `work` with foreign keys off. TypeORM turns them off before `up` but, when reverting, only
 * after its transaction has begun, where the pragma does nothing; rebuilding a parent table then
 * fails (RESTRICT) or, worse, deletes its children (CASCADE). So, when they are on, this commits the
 * open transaction, turns them off, works in a new transaction and turns them on again after it.
 */
async function withoutForeignKeys(queryRunner: QueryRunner, work: () => Promise<void>) {
  const [{ foreign_keys: on }] = await queryRunner.query("PRAGMA foreign_keys");
  if (!on) return work();
  const inTransaction = queryRunner.isTransactionActive;
  if (inTransaction) await queryRunner.commitTransaction();
  await queryRunner.query("PRAGMA foreign_keys = OFF");
  try {
    await queryRunner.startTransaction();
    await work();
    await queryRunner.query("PRAGMA foreign_key_check").then((problems: unknown[]) => {
      if (problems.length) throw new Error(`foreign keys broken: ${JSON.stringify(problems)}`);
    });
    await queryRunner.commitTransaction();
  } catch (err) {
    if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction();
    throw err;
  } finally {
    await queryRunner.query("PRAGMA foreign_keys = ON");
    if (inTransaction) await queryRunner.startTransaction();
  }
}

/**
 * Series and editions, tracks, venues with rooms, session links and the do-not-record flag; then
 * the existing free-text rooms become room records (see roomsFromText). SQLite rebuilds `conference`
 * and `session` to add their new foreign keys, so the session search triggers are made again.
 */
export class ProgramStructure1796300000000 implements MigrationInterface {
  name = "ProgramStructure1796300000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "conference_series" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "slug" varchar(100) NOT NULL, "name" varchar(200) NOT NULL, "community_id" integer NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_conference_series_community" ON "conference_series" ("community_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_conference_series_slug" ON "conference_series" ("slug") `);
    await queryRunner.query(`CREATE TABLE "venue" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "name" varchar(200) NOT NULL, "city" varchar(100) NOT NULL, "country" varchar(2) NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_venue_place" ON "venue" ("name", "city", "country") `);
    await queryRunner.query(`CREATE TABLE "room" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "venue_id" integer NOT NULL, "name" varchar(100) NOT NULL, "slug" varchar(100) NOT NULL, "capacity" integer, "guid" varchar(36) NOT NULL, "position" integer NOT NULL DEFAULT (0))`);
    await queryRunner.query(`CREATE INDEX "ix_room_venue_position" ON "room" ("venue_id", "position", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_room_guid" ON "room" ("guid") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_room_venue_slug" ON "room" ("venue_id", "slug") `);
    await queryRunner.query(`CREATE TABLE "track" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "conference_id" integer NOT NULL, "slug" varchar(100) NOT NULL, "name" varchar(100) NOT NULL, "color" varchar(7))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_track_conference_slug" ON "track" ("conference_id", "slug") `);
    await queryRunner.query(`CREATE TABLE "session_link" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "session_id" integer NOT NULL, "position" integer NOT NULL, "kind" varchar(16) NOT NULL, "url" varchar(2000) NOT NULL, "title" varchar(300))`);
    await queryRunner.query(`CREATE INDEX "ix_session_link_session" ON "session_link" ("session_id", "position") `);
    await queryRunner.query(`DROP INDEX "uq_conference_slug"`);
    await queryRunner.query(`DROP INDEX "ix_conference_community"`);
    await queryRunner.query(`DROP INDEX "ix_conference_starts_on"`);
    await queryRunner.query(`CREATE TABLE "temporary_conference" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "slug" varchar(100) NOT NULL, "name" varchar(200) NOT NULL, "edition" integer NOT NULL, "community_id" integer NOT NULL, "organizer" varchar(200) NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "timezone" varchar(64) NOT NULL, "venue_name" varchar(200) NOT NULL, "venue_city" varchar(100) NOT NULL, "venue_country" varchar(2) NOT NULL, "attendance" integer, "description" text NOT NULL, "series_id" integer, CONSTRAINT "fk_conference_community" FOREIGN KEY ("community_id") REFERENCES "community" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_conference"("id", "created_at", "updated_at", "version", "slug", "name", "edition", "community_id", "organizer", "starts_on", "ends_on", "timezone", "venue_name", "venue_city", "venue_country", "attendance", "description") SELECT "id", "created_at", "updated_at", "version", "slug", "name", "edition", "community_id", "organizer", "starts_on", "ends_on", "timezone", "venue_name", "venue_city", "venue_country", "attendance", "description" FROM "conference"`);
    await queryRunner.query(`DROP TABLE "conference"`);
    await queryRunner.query(`ALTER TABLE "temporary_conference" RENAME TO "conference"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_conference_slug" ON "conference" ("slug") `);
    await queryRunner.query(`CREATE INDEX "ix_conference_community" ON "conference" ("community_id") `);
    await queryRunner.query(`CREATE INDEX "ix_conference_starts_on" ON "conference" ("starts_on", "id") `);
    await queryRunner.query(`DROP INDEX "uq_session_slug"`);
    await queryRunner.query(`DROP INDEX "ix_session_host"`);
    await queryRunner.query(`DROP INDEX "ix_session_starts_at"`);
    await queryRunner.query(`CREATE TABLE "temporary_session" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "slug" varchar(150) NOT NULL, "title" varchar(300) NOT NULL, "abstract" text NOT NULL, "kind" varchar(16) NOT NULL, "level" varchar(16) NOT NULL DEFAULT ('ALL'), "starts_at" datetime NOT NULL, "ends_at" datetime NOT NULL, "room" varchar(100), "location" varchar(300), "host_conference_id" integer NOT NULL, "room_id" integer, "track_id" integer, "do_not_record" boolean NOT NULL DEFAULT (0), CONSTRAINT "fk_session_host_conference" FOREIGN KEY ("host_conference_id") REFERENCES "conference" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_session"("id", "created_at", "updated_at", "version", "slug", "title", "abstract", "kind", "level", "starts_at", "ends_at", "room", "location", "host_conference_id") SELECT "id", "created_at", "updated_at", "version", "slug", "title", "abstract", "kind", "level", "starts_at", "ends_at", "room", "location", "host_conference_id" FROM "session"`);
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`ALTER TABLE "temporary_session" RENAME TO "session"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_session_slug" ON "session" ("slug") `);
    await queryRunner.query(`CREATE INDEX "ix_session_host" ON "session" ("host_conference_id", "starts_at") `);
    await queryRunner.query(`CREATE INDEX "ix_session_starts_at" ON "session" ("starts_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_conference_series" ON "conference" ("series_id", "starts_on", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_session_room" ON "session" ("room_id", "starts_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_session_track" ON "session" ("track_id", "starts_at", "id") `);
    await queryRunner.query(`DROP INDEX "ix_conference_series_community"`);
    await queryRunner.query(`DROP INDEX "uq_conference_series_slug"`);
    await queryRunner.query(`CREATE TABLE "temporary_conference_series" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "slug" varchar(100) NOT NULL, "name" varchar(200) NOT NULL, "community_id" integer NOT NULL, CONSTRAINT "fk_conference_series_community" FOREIGN KEY ("community_id") REFERENCES "community" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_conference_series"("id", "created_at", "updated_at", "version", "slug", "name", "community_id") SELECT "id", "created_at", "updated_at", "version", "slug", "name", "community_id" FROM "conference_series"`);
    await queryRunner.query(`DROP TABLE "conference_series"`);
    await queryRunner.query(`ALTER TABLE "temporary_conference_series" RENAME TO "conference_series"`);
    await queryRunner.query(`CREATE INDEX "ix_conference_series_community" ON "conference_series" ("community_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_conference_series_slug" ON "conference_series" ("slug") `);
    await queryRunner.query(`DROP INDEX "uq_conference_slug"`);
    await queryRunner.query(`DROP INDEX "ix_conference_community"`);
    await queryRunner.query(`DROP INDEX "ix_conference_starts_on"`);
    await queryRunner.query(`DROP INDEX "ix_conference_series"`);
    await queryRunner.query(`CREATE TABLE "temporary_conference" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "slug" varchar(100) NOT NULL, "name" varchar(200) NOT NULL, "edition" integer NOT NULL, "community_id" integer NOT NULL, "organizer" varchar(200) NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "timezone" varchar(64) NOT NULL, "venue_name" varchar(200) NOT NULL, "venue_city" varchar(100) NOT NULL, "venue_country" varchar(2) NOT NULL, "attendance" integer, "description" text NOT NULL, "series_id" integer, CONSTRAINT "fk_conference_community" FOREIGN KEY ("community_id") REFERENCES "community" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "fk_conference_series" FOREIGN KEY ("series_id") REFERENCES "conference_series" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_conference"("id", "created_at", "updated_at", "version", "slug", "name", "edition", "community_id", "organizer", "starts_on", "ends_on", "timezone", "venue_name", "venue_city", "venue_country", "attendance", "description", "series_id") SELECT "id", "created_at", "updated_at", "version", "slug", "name", "edition", "community_id", "organizer", "starts_on", "ends_on", "timezone", "venue_name", "venue_city", "venue_country", "attendance", "description", "series_id" FROM "conference"`);
    await queryRunner.query(`DROP TABLE "conference"`);
    await queryRunner.query(`ALTER TABLE "temporary_conference" RENAME TO "conference"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_conference_slug" ON "conference" ("slug") `);
    await queryRunner.query(`CREATE INDEX "ix_conference_community" ON "conference" ("community_id") `);
    await queryRunner.query(`CREATE INDEX "ix_conference_starts_on" ON "conference" ("starts_on", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_conference_series" ON "conference" ("series_id", "starts_on", "id") `);
    await queryRunner.query(`DROP INDEX "ix_room_venue_position"`);
    await queryRunner.query(`DROP INDEX "uq_room_guid"`);
    await queryRunner.query(`DROP INDEX "uq_room_venue_slug"`);
    await queryRunner.query(`CREATE TABLE "temporary_room" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "venue_id" integer NOT NULL, "name" varchar(100) NOT NULL, "slug" varchar(100) NOT NULL, "capacity" integer, "guid" varchar(36) NOT NULL, "position" integer NOT NULL DEFAULT (0), CONSTRAINT "fk_room_venue" FOREIGN KEY ("venue_id") REFERENCES "venue" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_room"("id", "created_at", "updated_at", "version", "venue_id", "name", "slug", "capacity", "guid", "position") SELECT "id", "created_at", "updated_at", "version", "venue_id", "name", "slug", "capacity", "guid", "position" FROM "room"`);
    await queryRunner.query(`DROP TABLE "room"`);
    await queryRunner.query(`ALTER TABLE "temporary_room" RENAME TO "room"`);
    await queryRunner.query(`CREATE INDEX "ix_room_venue_position" ON "room" ("venue_id", "position", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_room_guid" ON "room" ("guid") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_room_venue_slug" ON "room" ("venue_id", "slug") `);
    await queryRunner.query(`DROP INDEX "uq_track_conference_slug"`);
    await queryRunner.query(`CREATE TABLE "temporary_track" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "conference_id" integer NOT NULL, "slug" varchar(100) NOT NULL, "name" varchar(100) NOT NULL, "color" varchar(7), CONSTRAINT "fk_track_conference" FOREIGN KEY ("conference_id") REFERENCES "conference" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_track"("id", "created_at", "updated_at", "version", "conference_id", "slug", "name", "color") SELECT "id", "created_at", "updated_at", "version", "conference_id", "slug", "name", "color" FROM "track"`);
    await queryRunner.query(`DROP TABLE "track"`);
    await queryRunner.query(`ALTER TABLE "temporary_track" RENAME TO "track"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_track_conference_slug" ON "track" ("conference_id", "slug") `);
    await queryRunner.query(`DROP INDEX "uq_session_slug"`);
    await queryRunner.query(`DROP INDEX "ix_session_host"`);
    await queryRunner.query(`DROP INDEX "ix_session_starts_at"`);
    await queryRunner.query(`DROP INDEX "ix_session_room"`);
    await queryRunner.query(`DROP INDEX "ix_session_track"`);
    await queryRunner.query(`CREATE TABLE "temporary_session" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "slug" varchar(150) NOT NULL, "title" varchar(300) NOT NULL, "abstract" text NOT NULL, "kind" varchar(16) NOT NULL, "level" varchar(16) NOT NULL DEFAULT ('ALL'), "starts_at" datetime NOT NULL, "ends_at" datetime NOT NULL, "room" varchar(100), "location" varchar(300), "host_conference_id" integer NOT NULL, "room_id" integer, "track_id" integer, "do_not_record" boolean NOT NULL DEFAULT (0), CONSTRAINT "fk_session_host_conference" FOREIGN KEY ("host_conference_id") REFERENCES "conference" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "fk_session_room" FOREIGN KEY ("room_id") REFERENCES "room" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "fk_session_track" FOREIGN KEY ("track_id") REFERENCES "track" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_session"("id", "created_at", "updated_at", "version", "slug", "title", "abstract", "kind", "level", "starts_at", "ends_at", "room", "location", "host_conference_id", "room_id", "track_id", "do_not_record") SELECT "id", "created_at", "updated_at", "version", "slug", "title", "abstract", "kind", "level", "starts_at", "ends_at", "room", "location", "host_conference_id", "room_id", "track_id", "do_not_record" FROM "session"`);
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`ALTER TABLE "temporary_session" RENAME TO "session"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_session_slug" ON "session" ("slug") `);
    await queryRunner.query(`CREATE INDEX "ix_session_host" ON "session" ("host_conference_id", "starts_at") `);
    await queryRunner.query(`CREATE INDEX "ix_session_starts_at" ON "session" ("starts_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_session_room" ON "session" ("room_id", "starts_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_session_track" ON "session" ("track_id", "starts_at", "id") `);
    await queryRunner.query(`DROP INDEX "ix_session_link_session"`);
    await queryRunner.query(`CREATE TABLE "temporary_session_link" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "session_id" integer NOT NULL, "position" integer NOT NULL, "kind" varchar(16) NOT NULL, "url" varchar(2000) NOT NULL, "title" varchar(300), CONSTRAINT "fk_session_link_session" FOREIGN KEY ("session_id") REFERENCES "session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_session_link"("id", "session_id", "position", "kind", "url", "title") SELECT "id", "session_id", "position", "kind", "url", "title" FROM "session_link"`);
    await queryRunner.query(`DROP TABLE "session_link"`);
    await queryRunner.query(`ALTER TABLE "temporary_session_link" RENAME TO "session_link"`);
    await queryRunner.query(`CREATE INDEX "ix_session_link_session" ON "session_link" ("session_id", "position") `);
    await sessionSearchTriggers(queryRunner);
    await roomsFromText(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await withoutForeignKeys(queryRunner, () => this.rebuildWithout(queryRunner));
  }

  /** The tables as they were before `up`. */
  private async rebuildWithout(queryRunner: QueryRunner): Promise<void> {
    // Rebuilt the way `up` rebuilds (copy, drop, rename), which leaves other tables' references alone.
    await queryRunner.query(`CREATE TABLE "temporary_session" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "slug" varchar(150) NOT NULL, "title" varchar(300) NOT NULL, "abstract" text NOT NULL, "kind" varchar(16) NOT NULL, "level" varchar(16) NOT NULL DEFAULT ('ALL'), "starts_at" datetime NOT NULL, "ends_at" datetime NOT NULL, "room" varchar(100), "location" varchar(300), "host_conference_id" integer NOT NULL, CONSTRAINT "fk_session_host_conference" FOREIGN KEY ("host_conference_id") REFERENCES "conference" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_session"("id", "created_at", "updated_at", "version", "slug", "title", "abstract", "kind", "level", "starts_at", "ends_at", "room", "location", "host_conference_id") SELECT "id", "created_at", "updated_at", "version", "slug", "title", "abstract", "kind", "level", "starts_at", "ends_at", "room", "location", "host_conference_id" FROM "session"`);
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`ALTER TABLE "temporary_session" RENAME TO "session"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_session_slug" ON "session" ("slug") `);
    await queryRunner.query(`CREATE INDEX "ix_session_host" ON "session" ("host_conference_id", "starts_at") `);
    await queryRunner.query(`CREATE INDEX "ix_session_starts_at" ON "session" ("starts_at", "id") `);
    await queryRunner.query(`CREATE TABLE "temporary_conference" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "slug" varchar(100) NOT NULL, "name" varchar(200) NOT NULL, "edition" integer NOT NULL, "community_id" integer NOT NULL, "organizer" varchar(200) NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "timezone" varchar(64) NOT NULL, "venue_name" varchar(200) NOT NULL, "venue_city" varchar(100) NOT NULL, "venue_country" varchar(2) NOT NULL, "attendance" integer, "description" text NOT NULL, CONSTRAINT "fk_conference_community" FOREIGN KEY ("community_id") REFERENCES "community" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_conference"("id", "created_at", "updated_at", "version", "slug", "name", "edition", "community_id", "organizer", "starts_on", "ends_on", "timezone", "venue_name", "venue_city", "venue_country", "attendance", "description") SELECT "id", "created_at", "updated_at", "version", "slug", "name", "edition", "community_id", "organizer", "starts_on", "ends_on", "timezone", "venue_name", "venue_city", "venue_country", "attendance", "description" FROM "conference"`);
    await queryRunner.query(`DROP TABLE "conference"`);
    await queryRunner.query(`ALTER TABLE "temporary_conference" RENAME TO "conference"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_conference_slug" ON "conference" ("slug") `);
    await queryRunner.query(`CREATE INDEX "ix_conference_community" ON "conference" ("community_id") `);
    await queryRunner.query(`CREATE INDEX "ix_conference_starts_on" ON "conference" ("starts_on", "id") `);
    await queryRunner.query(`DROP TABLE "session_link"`);
    await queryRunner.query(`DROP TABLE "track"`);
    await queryRunner.query(`DROP TABLE "room"`);
    await queryRunner.query(`DROP TABLE "venue"`);
    await queryRunner.query(`DROP TABLE "conference_series"`);
    await sessionSearchTriggers(queryRunner);
  }
}
