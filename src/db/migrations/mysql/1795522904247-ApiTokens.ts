import type { MigrationInterface, QueryRunner } from "typeorm";

export class ApiTokens1795522904247 implements MigrationInterface {
  name = "ApiTokens1795522904247";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`api_token\` (\`id\` int NOT NULL AUTO_INCREMENT, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`version\` int NOT NULL DEFAULT '1', \`name\` varchar(100) NOT NULL, \`role\` varchar(16) NOT NULL, \`token_hash\` varchar(64) NOT NULL, \`token_prefix\` varchar(12) NOT NULL, \`expires_at\` datetime NULL, \`revoked_at\` datetime NULL, \`last_used_at\` datetime NULL, UNIQUE INDEX \`uq_api_token_hash\` (\`token_hash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_api_token_hash\` ON \`api_token\``);
    await queryRunner.query(`DROP TABLE \`api_token\``);
  }
}
