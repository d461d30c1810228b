import type { MigrationInterface, QueryRunner } from "typeorm";

export class Accounts1796800000000 implements MigrationInterface {
  name = "Accounts1796800000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "email" varchar(254) NOT NULL, "display_name" varchar(100) NOT NULL, "role" varchar(16) NOT NULL, "password_hash" varchar(200), "invite_hash" varchar(64), "invite_expires_at" datetime, "failed_sign_ins" integer NOT NULL DEFAULT (0), "locked_until" datetime, "disabled_at" datetime)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_account_invite_hash" ON "account" ("invite_hash") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_account_email" ON "account" ("email") `);
    await queryRunner.query(`CREATE TABLE "account_session" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "account_id" integer NOT NULL, "session_hash" varchar(64) NOT NULL, "expires_at" datetime NOT NULL, "revoked_at" datetime)`);
    await queryRunner.query(`CREATE INDEX "ix_account_session_account" ON "account_session" ("account_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_account_session_hash" ON "account_session" ("session_hash") `);
    await queryRunner.query(`CREATE INDEX "ix_comment_status" ON "comment" ("status", "id") `);
    await queryRunner.query(`DROP INDEX "ix_account_session_account"`);
    await queryRunner.query(`DROP INDEX "uq_account_session_hash"`);
    await queryRunner.query(`CREATE TABLE "temporary_account_session" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "account_id" integer NOT NULL, "session_hash" varchar(64) NOT NULL, "expires_at" datetime NOT NULL, "revoked_at" datetime, CONSTRAINT "fk_account_session_account" FOREIGN KEY ("account_id") REFERENCES "account" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_account_session"("id", "created_at", "updated_at", "version", "account_id", "session_hash", "expires_at", "revoked_at") SELECT "id", "created_at", "updated_at", "version", "account_id", "session_hash", "expires_at", "revoked_at" FROM "account_session"`);
    await queryRunner.query(`DROP TABLE "account_session"`);
    await queryRunner.query(`ALTER TABLE "temporary_account_session" RENAME TO "account_session"`);
    await queryRunner.query(`CREATE INDEX "ix_account_session_account" ON "account_session" ("account_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_account_session_hash" ON "account_session" ("session_hash") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_account_session_hash"`);
    await queryRunner.query(`DROP INDEX "ix_account_session_account"`);
    await queryRunner.query(`ALTER TABLE "account_session" RENAME TO "temporary_account_session"`);
    await queryRunner.query(`CREATE TABLE "account_session" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "account_id" integer NOT NULL, "session_hash" varchar(64) NOT NULL, "expires_at" datetime NOT NULL, "revoked_at" datetime)`);
    await queryRunner.query(`INSERT INTO "account_session"("id", "created_at", "updated_at", "version", "account_id", "session_hash", "expires_at", "revoked_at") SELECT "id", "created_at", "updated_at", "version", "account_id", "session_hash", "expires_at", "revoked_at" FROM "temporary_account_session"`);
    await queryRunner.query(`DROP TABLE "temporary_account_session"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_account_session_hash" ON "account_session" ("session_hash") `);
    await queryRunner.query(`CREATE INDEX "ix_account_session_account" ON "account_session" ("account_id") `);
    await queryRunner.query(`DROP INDEX "ix_comment_status"`);
    await queryRunner.query(`DROP INDEX "uq_account_session_hash"`);
    await queryRunner.query(`DROP INDEX "ix_account_session_account"`);
    await queryRunner.query(`DROP TABLE "account_session"`);
    await queryRunner.query(`DROP INDEX "uq_account_email"`);
    await queryRunner.query(`DROP INDEX "uq_account_invite_hash"`);
    await queryRunner.query(`DROP TABLE "account"`);
  }
}
