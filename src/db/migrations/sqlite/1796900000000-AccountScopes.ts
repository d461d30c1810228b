import type { MigrationInterface, QueryRunner } from "typeorm";

/** Scoped Studio accounts, like scoped tokens. Existing accounts stay unlimited. */
export class AccountScopes1796900000000 implements MigrationInterface {
  name = "AccountScopes1796900000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account" ADD COLUMN "read_only" boolean NOT NULL DEFAULT (0)`);
    await queryRunner.query(`ALTER TABLE "account" ADD COLUMN "conference_scope" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account" DROP COLUMN "conference_scope"`);
    await queryRunner.query(`ALTER TABLE "account" DROP COLUMN "read_only"`);
  }
}
