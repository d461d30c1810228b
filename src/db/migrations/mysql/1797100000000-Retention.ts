import type { MigrationInterface, QueryRunner } from "typeorm";
import { RETENTION_INDEXES } from "../retention-indexes";


/** The indexes pruning reads by (src/services/retention.ts). */
export class Retention1797100000000 implements MigrationInterface {
  name = "Retention1797100000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, index, columns] of RETENTION_INDEXES) {
      const list = columns.map(c => `\`${c}\``).join(", ");
      await queryRunner.query(`CREATE INDEX \`${index}\` ON \`${table}\` (${list})`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, index] of RETENTION_INDEXES) {
      await queryRunner.query(`DROP INDEX \`${index}\` ON \`${table}\``);
    }
  }
}
