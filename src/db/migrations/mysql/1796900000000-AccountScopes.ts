import type { MigrationInterface, QueryRunner } from "typeorm";

/** Scoped Studio accounts, like scoped tokens. Existing accounts stay unlimited. */
export class AccountScopes1796900000000 implements MigrationInterface {
  name = "AccountScopes1796900000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "ALTER TABLE `account` ADD `read_only` tinyint NOT NULL DEFAULT 0, ADD `conference_scope` text NULL",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `account` DROP COLUMN `conference_scope`, DROP COLUMN `read_only`");
  }
}
