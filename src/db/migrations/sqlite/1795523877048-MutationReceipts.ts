import type { MigrationInterface, QueryRunner } from "typeorm";

export class MutationReceipts1795523877048 implements MigrationInterface {
  name = "MutationReceipts1795523877048";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "mutation_receipt" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "scope" varchar(120) NOT NULL, "client_mutation_id" varchar(100) NOT NULL, "result_id" integer NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_mutation_receipt" ON "mutation_receipt" ("scope", "client_mutation_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_mutation_receipt"`);
    await queryRunner.query(`DROP TABLE "mutation_receipt"`);
  }
}
