import type { MigrationInterface, QueryRunner } from "typeorm";

export class Accounts1796800000100 implements MigrationInterface {
  name = "Accounts1796800000100";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`account\` (\`id\` int NOT NULL AUTO_INCREMENT, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`version\` int NOT NULL DEFAULT '1', \`email\` varchar(254) NOT NULL, \`display_name\` varchar(100) NOT NULL, \`role\` varchar(16) NOT NULL, \`password_hash\` varchar(200) NULL, \`invite_hash\` varchar(64) NULL, \`invite_expires_at\` datetime NULL, \`failed_sign_ins\` int NOT NULL DEFAULT '0', \`locked_until\` datetime NULL, \`disabled_at\` datetime NULL, UNIQUE INDEX \`uq_account_invite_hash\` (\`invite_hash\`), UNIQUE INDEX \`uq_account_email\` (\`email\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`account_session\` (\`id\` int NOT NULL AUTO_INCREMENT, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`version\` int NOT NULL DEFAULT '1', \`account_id\` int NOT NULL, \`session_hash\` varchar(64) NOT NULL, \`expires_at\` datetime NOT NULL, \`revoked_at\` datetime NULL, INDEX \`ix_account_session_account\` (\`account_id\`), UNIQUE INDEX \`uq_account_session_hash\` (\`session_hash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE INDEX \`ix_comment_status\` ON \`comment\` (\`status\`, \`id\`)`);
    await queryRunner.query(`ALTER TABLE \`account_session\` ADD CONSTRAINT \`fk_account_session_account\` FOREIGN KEY (\`account_id\`) REFERENCES \`account\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`account_session\` DROP FOREIGN KEY \`fk_account_session_account\``);
    await queryRunner.query(`DROP INDEX \`ix_comment_status\` ON \`comment\``);
    await queryRunner.query(`DROP INDEX \`uq_account_session_hash\` ON \`account_session\``);
    await queryRunner.query(`DROP INDEX \`ix_account_session_account\` ON \`account_session\``);
    await queryRunner.query(`DROP TABLE \`account_session\``);
    await queryRunner.query(`DROP INDEX \`uq_account_email\` ON \`account\``);
    await queryRunner.query(`DROP INDEX \`uq_account_invite_hash\` ON \`account\``);
    await queryRunner.query(`DROP TABLE \`account\``);
  }
}
