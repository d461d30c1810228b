import type { MigrationInterface, QueryRunner } from "typeorm";
import { createIndexes, dropIndexes, RETENTION_INDEXES } from "../retention-indexes";

/** The indexes pruning reads by (src/services/retention.ts). */
export class Retention1797100000000 implements MigrationInterface {
  name = "Retention1797100000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await createIndexes(queryRunner, "mysql", RETENTION_INDEXES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropIndexes(queryRunner, "mysql", RETENTION_INDEXES);
  }
}
