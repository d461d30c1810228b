import type { MigrationInterface, QueryRunner } from "typeorm";

/** Scoped tokens: read-only, and limited to some conferences. Existing tokens stay unlimited. */
export class TokenScopes1796400000000 implements MigrationInterface {
  name = "TokenScopes1796400000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_token" ADD COLUMN "read_only" boolean NOT NULL DEFAULT (0)`);
    await queryRunner.query(`ALTER TABLE "api_token" ADD COLUMN "conference_scope" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_token" DROP COLUMN "conference_scope"`);
    await queryRunner.query(`ALTER TABLE "api_token" DROP COLUMN "read_only"`);
  }
}
