import type { MigrationInterface, QueryRunner } from "typeorm";

export class Agendas1796200000000 implements MigrationInterface {
  name = "Agendas1796200000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "agenda" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "secret_hash" varchar(64) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_agenda_secret_hash" ON "agenda" ("secret_hash") `);
    await queryRunner.query(`CREATE TABLE "agenda_session" ("agenda_id" integer NOT NULL, "session_id" integer NOT NULL, "added_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "fk_agenda_session_agenda" FOREIGN KEY ("agenda_id") REFERENCES "agenda" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "fk_agenda_session_session" FOREIGN KEY ("session_id") REFERENCES "session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("agenda_id", "session_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_agenda_session_session" ON "agenda_session" ("session_id", "agenda_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_agenda_session_session"`);
    await queryRunner.query(`DROP TABLE "agenda_session"`);
    await queryRunner.query(`DROP INDEX "uq_agenda_secret_hash"`);
    await queryRunner.query(`DROP TABLE "agenda"`);
  }
}
