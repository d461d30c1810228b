import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Copies each session's start onto its speaker and audience links (kept by the session writer), and
 * indexes (person, start, session) and (community, start, session), so that a person's or a
 * community's sessions read in time order straight off an index, as a program does. SQLite cannot
 * add a NOT NULL column without a default, so each table is rebuilt, filled from its session.
 */
export class LinkStartTimes1795988234343 implements MigrationInterface {
  name = "LinkStartTimes1795988234343";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_session_audience_community"`);
    await queryRunner.query(`DROP INDEX "ix_session_speaker_person"`);
    await queryRunner.query(`CREATE TABLE "temporary_session_audience" ("session_id" integer NOT NULL, "community_id" integer NOT NULL, "starts_at" datetime NOT NULL, CONSTRAINT "fk_session_audience_community" FOREIGN KEY ("community_id") REFERENCES "community" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "fk_session_audience_session" FOREIGN KEY ("session_id") REFERENCES "session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("session_id", "community_id"))`);
    await queryRunner.query(`INSERT INTO "temporary_session_audience"("session_id", "community_id", "starts_at") SELECT l."session_id", l."community_id", s."starts_at" FROM "session_audience" l JOIN "session" s ON s."id" = l."session_id"`);
    await queryRunner.query(`DROP TABLE "session_audience"`);
    await queryRunner.query(`ALTER TABLE "temporary_session_audience" RENAME TO "session_audience"`);
    await queryRunner.query(`CREATE TABLE "temporary_session_speaker" ("session_id" integer NOT NULL, "person_id" integer NOT NULL, "position" integer NOT NULL, "starts_at" datetime NOT NULL, CONSTRAINT "fk_session_speaker_person" FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "fk_session_speaker_session" FOREIGN KEY ("session_id") REFERENCES "session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("session_id", "person_id"))`);
    await queryRunner.query(`INSERT INTO "temporary_session_speaker"("session_id", "person_id", "position", "starts_at") SELECT l."session_id", l."person_id", l."position", s."starts_at" FROM "session_speaker" l JOIN "session" s ON s."id" = l."session_id"`);
    await queryRunner.query(`DROP TABLE "session_speaker"`);
    await queryRunner.query(`ALTER TABLE "temporary_session_speaker" RENAME TO "session_speaker"`);
    await queryRunner.query(`CREATE INDEX "ix_session_audience_community_start" ON "session_audience" ("community_id", "starts_at", "session_id") `);
    await queryRunner.query(`CREATE INDEX "ix_session_speaker_person_start" ON "session_speaker" ("person_id", "starts_at", "session_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_session_speaker_person_start"`);
    await queryRunner.query(`DROP INDEX "ix_session_audience_community_start"`);
    await queryRunner.query(`ALTER TABLE "session_speaker" RENAME TO "temporary_session_speaker"`);
    await queryRunner.query(`CREATE TABLE "session_speaker" ("session_id" integer NOT NULL, "person_id" integer NOT NULL, "position" integer NOT NULL, CONSTRAINT "fk_session_speaker_person" FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "fk_session_speaker_session" FOREIGN KEY ("session_id") REFERENCES "session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("session_id", "person_id"))`);
    await queryRunner.query(`INSERT INTO "session_speaker"("session_id", "person_id", "position") SELECT "session_id", "person_id", "position" FROM "temporary_session_speaker"`);
    await queryRunner.query(`DROP TABLE "temporary_session_speaker"`);
    await queryRunner.query(`ALTER TABLE "session_audience" RENAME TO "temporary_session_audience"`);
    await queryRunner.query(`CREATE TABLE "session_audience" ("session_id" integer NOT NULL, "community_id" integer NOT NULL, CONSTRAINT "fk_session_audience_community" FOREIGN KEY ("community_id") REFERENCES "community" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "fk_session_audience_session" FOREIGN KEY ("session_id") REFERENCES "session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("session_id", "community_id"))`);
    await queryRunner.query(`INSERT INTO "session_audience"("session_id", "community_id") SELECT "session_id", "community_id" FROM "temporary_session_audience"`);
    await queryRunner.query(`DROP TABLE "temporary_session_audience"`);
    await queryRunner.query(`CREATE INDEX "ix_session_speaker_person" ON "session_speaker" ("person_id", "session_id") `);
    await queryRunner.query(`CREATE INDEX "ix_session_audience_community" ON "session_audience" ("community_id", "session_id") `);
  }
}
