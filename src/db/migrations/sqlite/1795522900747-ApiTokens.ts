import type { MigrationInterface, QueryRunner } from "typeorm";

export class ApiTokens1795522900747 implements MigrationInterface {
  name = "ApiTokens1795522900747";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "api_token" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "name" varchar(100) NOT NULL, "role" varchar(16) NOT NULL, "token_hash" varchar(64) NOT NULL, "token_prefix" varchar(12) NOT NULL, "expires_at" datetime, "revoked_at" datetime, "last_used_at" datetime)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_api_token_hash" ON "api_token" ("token_hash") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_api_token_hash"`);
    await queryRunner.query(`DROP TABLE "api_token"`);
  }
}
