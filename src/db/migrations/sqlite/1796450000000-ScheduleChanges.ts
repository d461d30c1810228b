import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The schedule change log, each conference's schedule version and each session's status. The two
 * columns are added in place (they have constant defaults), so that the session table keeps its
 * search triggers. It runs after ProgramStructure, which rebuilds both tables on SQLite from a fixed
 * definition and would otherwise drop the two columns.
 */
export class ScheduleChanges1796450000000 implements MigrationInterface {
  name = "ScheduleChanges1796450000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "schedule_change" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "conference_id" integer NOT NULL, "schedule_version" integer NOT NULL, "subject_id" varchar(100) NOT NULL, "kind" varchar(16) NOT NULL, "fields" text NOT NULL, "changed_at" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_schedule_change_version" ON "schedule_change" ("conference_id", "schedule_version") `);
    await queryRunner.query(`CREATE INDEX "ix_schedule_change_time" ON "schedule_change" ("conference_id", "changed_at") `);
    await queryRunner.query(`ALTER TABLE "conference" ADD COLUMN "schedule_version" integer NOT NULL DEFAULT (0)`);
    await queryRunner.query(`ALTER TABLE "session" ADD COLUMN "status" varchar(16) NOT NULL DEFAULT ('SCHEDULED')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "status"`);
    await queryRunner.query(`ALTER TABLE "conference" DROP COLUMN "schedule_version"`);
    await queryRunner.query(`DROP INDEX "ix_schedule_change_time"`);
    await queryRunner.query(`DROP INDEX "uq_schedule_change_version"`);
    await queryRunner.query(`DROP TABLE "schedule_change"`);
  }
}
