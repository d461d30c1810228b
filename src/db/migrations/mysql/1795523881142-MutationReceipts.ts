import type { MigrationInterface, QueryRunner } from "typeorm";

export class MutationReceipts1795523881142 implements MigrationInterface {
  name = "MutationReceipts1795523881142";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`mutation_receipt\` (\`id\` int NOT NULL AUTO_INCREMENT, \`scope\` varchar(120) NOT NULL, \`client_mutation_id\` varchar(100) NOT NULL, \`result_id\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_mutation_receipt\` (\`scope\`, \`client_mutation_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_mutation_receipt\` ON \`mutation_receipt\``);
    await queryRunner.query(`DROP TABLE \`mutation_receipt\``);
  }
}
